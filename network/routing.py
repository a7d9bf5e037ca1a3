from django.urls import path

from network.consumers import NotificationConsumer
from network.forum.consumers import ThreadConsumer

websocket_urlpatterns = [
    path("ws/benachrichtigungen/", NotificationConsumer.as_asgi()),
    path("ws/forum/thema/<int:thread_id>/", ThreadConsumer.as_asgi()),
]
