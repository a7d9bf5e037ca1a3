from django.urls import path

from network.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/benachrichtigungen/", NotificationConsumer.as_asgi()),
]
