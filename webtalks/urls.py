from django.urls import path

from webtalks import views

app_name = "webtalks"

# Under /anmeldungen/, so that no route shadows an event page under /veranstaltungen/.
urlpatterns = [
    path("", views.my_registrations, name="my_registrations"),
    path("<str:token>/bestaetigen/", views.confirm, name="confirm"),
    path("<str:token>/abmelden/", views.cancel, name="cancel"),
    path("kalender/<str:token>.ics", views.feed, name="feed"),
]
