from django.urls import path

from network.forum.consumers import ThreadConsumer
from network.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/benachrichtigungen/", NotificationConsumer.as_asgi()),
    path("ws/forum/thema/<int:thread_id>/", ThreadConsumer.as_asgi()),
]
