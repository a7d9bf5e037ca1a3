from django.urls import path

from network.account import views

# Included from network/urls.py (namespace "network").
urlpatterns = [
    path("konto/meine-daten/", views.my_data, name="my_data"),
    path("konto/meine-daten/export/<uuid:token>/", views.download_export, name="download_export"),
    path("meine-daten/<str:token>/", views.visitor_data, name="visitor_data"),
]
