import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_member
from webtalks import services
from webtalks.models import ReminderDelivery

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("send_event_reminders", stdout=out)
    return out.getvalue()


def test_reminders_run_twice_are_sent_once(make_event, mailoutbox):
    tomorrow = make_event(start=timezone.now() + datetime.timedelta(hours=20))
    soon = make_event(start=timezone.now() + datetime.timedelta(minutes=40))
    next_week = make_event(start=timezone.now() + datetime.timedelta(days=7))
    member, visitor_pending = make_member(), None
    for event in (tomorrow, soon, next_week):
        services.register_for_event(event, user=member)
    visitor_pending = services.register_for_event(soon, name="Gast", email="gast@example.org")
    mailoutbox.clear()
    assert "2 Erinnerung(en)" in run()
    assert "0 Erinnerung(en)" in run()
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == sorted([f"Morgen: {tomorrow.title}", f"In einer Stunde: {soon.title}"])
    assert all(m.to == [member.email] for m in mailoutbox)
    assert soon.join_url in next(m.body for m in mailoutbox if soon.title in m.subject)
    assert visitor_pending.email not in {a for m in mailoutbox for a in m.to}


def test_day_reminder_then_hour_reminder(make_event, mailoutbox):
    event = make_event(start=timezone.now() + datetime.timedelta(hours=23))
    services.register_for_event(event, user=make_member())
    mailoutbox.clear()
    services.send_due_reminders()
    services.send_due_reminders(now=timezone.now() + datetime.timedelta(hours=22, minutes=30))
    services.send_due_reminders(now=timezone.now() + datetime.timedelta(hours=22, minutes=35))
    kinds = sorted(ReminderDelivery.objects.values_list("kind", flat=True))
    assert kinds == ["1h", "24h"]
    assert len(mailoutbox) == 2


def test_series_sessions_remind_the_series_registrants(make_series, mailoutbox):
    series = make_series(sessions=1)
    session = series.sessions_list()[0]
    session.start = timezone.now() + datetime.timedelta(minutes=30)
    session.end = session.start + datetime.timedelta(hours=1)
    session.save()
    member = make_member()
    services.register_for_event(series, user=member)
    mailoutbox.clear()
    assert services.send_due_reminders() == 1
    assert mailoutbox[0].to == [member.email]


def test_command_has_help():
    from webtalks.management.commands.send_event_reminders import Command

    assert "doppelt" in Command.help
