from django.urls import path

from bestpractice import views
from bestpractice.feeds import ArticleAtomFeed, ArticleFeed, LibraryAtomFeed, LibraryFeed

app_name = "bestpractice"

# Kept outside /praxisbeispiele/ so that no route shadows a Wagtail page there.
urlpatterns = [
    path("einreichen/praxisbeispiel/", views.submissions, name="submissions"),
    path(
        "einreichen/praxisbeispiel/<int:pk>/schritt-<int:step>/",
        views.submission_step,
        name="submission_step",
    ),
    path(
        "einreichen/praxisbeispiel/<int:pk>/einreichen/",
        views.submission_submit,
        name="submission_submit",
    ),
    path("video/", views.video_frame, name="video_frame"),
    path("feeds/praxisbeispiele.rss", LibraryFeed(), name="feed_rss"),
    path("feeds/praxisbeispiele.atom", LibraryAtomFeed(), name="feed_atom"),
    path("feeds/aktuelles.rss", ArticleFeed(), name="article_feed_rss"),
    path("feeds/aktuelles.atom", ArticleAtomFeed(), name="article_feed_atom"),
]
