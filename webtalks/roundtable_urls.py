from django.urls import path

from webtalks import roundtable_views as views

app_name = "roundtables"

urlpatterns = [
    path("<int:event_id>/", views.overlay, name="overlay"),
    path("<int:event_id>/zeitfenster/", views.add_slot, name="add_slot"),
    path("<int:event_id>/einteilen/", views.assign, name="assign"),
    path("<int:event_id>/ergebnisse/", views.results, name="results"),
    path("<int:event_id>/plan/", views.plan, name="plan"),
    path("<int:event_id>/plan/mitbringen/", views.bring, name="bring"),
    path("<int:event_id>/plan/anfragen/", views.request_meeting, name="request"),
    path("<int:event_id>/gespraeche/<int:meeting_id>/antworten/", views.answer, name="answer"),
    path("<int:event_id>/gespraeche/<int:meeting_id>/absagen/", views.cancel, name="cancel"),
]
