from django.urls import include, path

from network import people_views, views
from network.account.urls import urlpatterns as account_urlpatterns

app_name = "network"

# Fixed segments come before "<slug>/"; services.RESERVED_SLUGS keeps organisations
# from taking them.
urlpatterns = [
    path("forum/", include(("network.forum.urls", "forum"))),
    path("benachrichtigungen/", include(("network.notifications.urls", "notifications"))),
    path("mein-konto/", views.my_account, name="my_account"),
    path("mein-konto/willkommen/", views.choose_organisation, name="choose_organisation"),
    path("mitglieder/", views.directory, name="directory"),
    path("mein-konto/themen/", people_views.my_expertise, name="my_expertise"),
    path("mitglieder/personen/", people_views.people, name="people"),
    path("mitglieder/personen/<int:pk>/", people_views.person_detail, name="person_detail"),
    path(
        "mitglieder/personen/<int:pk>/nachricht/",
        people_views.person_message_send,
        name="person_message_send",
    ),
    path(
        "mitglieder/personen/nachrichten/<int:pk>/",
        people_views.person_message,
        name="person_message",
    ),
    path(
        "mitglieder/personen/<int:pk>/folgen/", people_views.person_follow, name="person_follow"
    ),
    path("mitglieder/neu/", views.organisation_create, name="organisation_create"),
    path("mitglieder/freigaben/", views.moderation_queue, name="moderation_queue"),
    path("mitglieder/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("mitglieder/<slug:slug>/beitreten/", views.join_request, name="join_request"),
    path("mitglieder/<slug:slug>/bearbeiten/", views.organisation_edit, name="organisation_edit"),
    path("mitglieder/<slug:slug>/anfragen/", views.join_requests, name="join_requests"),
    path("mitglieder/<slug:slug>/austreten/", views.leave_organisation, name="leave_organisation"),
    *account_urlpatterns,
]
