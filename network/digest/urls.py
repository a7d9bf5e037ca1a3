from django.urls import path

from network.digest import views
from network.digest.feeds import DigestFeed

urlpatterns = [
    path("wochenuebersicht/", views.archive, name="archive"),
    path("wochenuebersicht/feed/", DigestFeed(), name="feed"),
    path("wochenuebersicht/<slug:slug>/", views.issue_detail, name="issue"),
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/danke/", views.subscribe_done, name="subscribe_done"),
    path("newsletter/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mein-konto/wochenuebersicht/", views.member_settings, name="member_settings"),
]
