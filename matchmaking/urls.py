from django.urls import path

from matchmaking import views

app_name = "matchmaking"

urlpatterns = [
    path("", views.index, name="index"),
    path("bedarfe/", views.pain_point_list, name="pain_point_list"),
    path("bedarfe/neu/", views.pain_point_create, name="pain_point_create"),
    path("bedarfe/<int:pk>/", views.pain_point, name="pain_point"),
    path("bedarfe/<int:pk>/bearbeiten/", views.pain_point_edit, name="pain_point_edit"),
    path("bedarfe/<int:pk>/loeschen/", views.pain_point_delete, name="pain_point_delete"),
    path("angebote/", views.offer_list, name="offer_list"),
    path("angebote/neu/", views.offer_create, name="offer_create"),
    path("angebote/<int:pk>/", views.offer, name="offer"),
    path("angebote/<int:pk>/bearbeiten/", views.offer_edit, name="offer_edit"),
    path("angebote/<int:pk>/loeschen/", views.offer_delete, name="offer_delete"),
    path("rueckmeldung/", views.feedback, name="feedback"),
    path("kontakt/", views.contacts, name="contacts"),
    path("kontakt/neu/", views.contact_new, name="contact_new"),
    path("kontakt/<int:pk>/", views.contact, name="contact"),
    path("foerderprogramme/", views.funding_list, name="funding_list"),
]
