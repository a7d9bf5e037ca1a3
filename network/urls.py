from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("mein-konto/", views.my_account, name="my_account"),
]
