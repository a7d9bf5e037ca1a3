"""All websocket routes of the site, collected from the apps' routing modules."""

from network.routing import websocket_urlpatterns as network_routes
from webtalks.routing import websocket_urlpatterns as webtalk_routes

websocket_urlpatterns = [*network_routes, *webtalk_routes]
