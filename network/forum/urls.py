from django.urls import path

from network.forum import moderation_views, views
from network.forum.feeds import CategoryAtomFeed, CategoryFeed

urlpatterns = [
    path("", views.index, name="index"),
    path("kategorie/<slug:slug>/", views.category, name="category"),
    path("kategorie/<slug:slug>/feed.rss", CategoryFeed(), name="category_feed_rss"),
    path("kategorie/<slug:slug>/feed.atom", CategoryAtomFeed(), name="category_feed_atom"),
    path("kategorie/<slug:slug>/neu/", views.thread_create, name="thread_create"),
    path("kategorie/<slug:slug>/folgen/", views.follow_category, name="follow_category"),
    path("schlagwort/<str:slug>/", views.topic, name="topic"),
    path("schlagwort/<str:slug>/folgen/", views.follow_topic, name="follow_topic"),
    path("thema/<int:pk>/", views.thread, name="thread"),
    path("thema/<int:pk>/beitraege/", views.posts_since, name="posts_since"),
    path("thema/<int:pk>/folgen/", views.follow_thread, name="follow_thread"),
    path("thema/<int:pk>/ergebnis/", views.result, name="result"),
    path("thema/<int:pk>/ergebnis.md", views.result, {"download": True}, name="result_download"),
    path("thema/<int:pk>/moderieren/", moderation_views.thread_tools, name="thread_tools"),
    path("beitrag/<int:pk>/", views.post_link, name="post"),
    path("beitrag/<int:pk>/bearbeiten/", views.post_edit, name="post_edit"),
    path("beitrag/<int:pk>/verlauf/", views.post_history, name="post_history"),
    path("beitrag/<int:pk>/loeschen/", views.post_delete, name="post_delete"),
    path("beitrag/<int:pk>/hilfreich/", views.post_helpful, name="post_helpful"),
    path("beitrag/<int:pk>/melden/", views.post_report, name="post_report"),
    path("kommentare/<int:page_id>/", views.page_comment, name="page_comment"),
    path("erwaehnen/", views.mention_search, name="mention_search"),
    path("moderation/", moderation_views.queue, name="moderation_queue"),
    path("moderation/protokoll/", moderation_views.log, name="moderation_log"),
    path("moderation/beitrag/<int:pk>/", moderation_views.decide, name="moderation_decide"),
    path("moderation/mitglied/<int:user_id>/sperren/", moderation_views.suspend, name="suspend"),
]
