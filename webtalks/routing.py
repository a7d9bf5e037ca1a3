from django.urls import path

from webtalks.consumers import LiveRoomConsumer

websocket_urlpatterns = [
    path("ws/veranstaltungen/<int:event_id>/live/", LiveRoomConsumer.as_asgi()),
]
