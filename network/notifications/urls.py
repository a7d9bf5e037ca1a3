from django.urls import path

from network.notifications import views

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelesen/", views.mark_read, name="mark_read"),
    path("ungelesen/", views.unread, name="unread"),
    path("einstellungen/", views.preferences, name="preferences"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
