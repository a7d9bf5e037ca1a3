"""The live room through the full ASGI stack: origin check, session auth, consumer."""

import asyncio
import datetime

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone

from config.asgi import application
from tests.factories import make_member, make_moderator
from webtalks import services
from webtalks.models import EventSpeaker, LiveMessage, QuestionUpvote

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


def communicator(event, cookie=None, origin=ORIGIN, query=""):
    """`cookie` from session_cookie(), made before the event loop runs (the ORM is sync)."""
    headers = [origin]
    if cookie is not None:
        headers.append(cookie)
    path = f"/ws/veranstaltungen/{event.pk}/live/{query}"
    return WebsocketCommunicator(application, path, headers=headers)


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test runs its own event loop; a Redis layer must not outlive the loop it used."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def live_event(make_event):
    return make_event(start=timezone.now() - datetime.timedelta(minutes=5), capacity=50)


def registered(event):
    user = make_member()
    # Registration closes at the start; a seat taken earlier is what we model here.
    event.registration_closes_at = timezone.now() + datetime.timedelta(hours=1)
    event.save()
    services.register_for_event(event, user=user)
    return user


async def join(comm):
    connected, code = await comm.connect(timeout=10)
    assert connected, code
    welcome = await comm.receive_json_from(timeout=10)
    assert welcome["type"] == "welcome"
    return welcome


async def next_of_type(comm, kind, timeout=10):
    while True:
        message = await comm.receive_json_from(timeout=timeout)
        if message["type"] == kind:
            return message


def test_anonymous_unregistered_and_foreign_origin_are_refused(live_event):
    member_without_seat = make_member()
    participant = registered(live_event)
    stranger, participant = session_cookie(member_without_seat), session_cookie(participant)

    async def scenario():
        connected, code = await communicator(live_event).connect(timeout=10)
        assert (connected, code) == (False, 4401)
        connected, code = await communicator(live_event, stranger).connect(timeout=10)
        assert (connected, code) == (False, 4403)
        foreign = communicator(live_event, participant, origin=(b"origin", b"https://evil.example"))
        connected, _code = await foreign.connect(timeout=10)
        assert connected is False
        ok = communicator(live_event, participant)
        await join(ok)
        await ok.disconnect()

    async_to_sync(scenario)()


def test_room_is_closed_outside_its_time(make_event):
    later = make_event(start=timezone.now() + datetime.timedelta(hours=2))
    user = session_cookie(registered(later))

    async def scenario():
        connected, code = await communicator(later, user).connect(timeout=10)
        assert (connected, code) == (False, 4403)

    async_to_sync(scenario)()


def test_message_is_stored_sanitised_and_broadcast(live_event):
    anna, ben = registered(live_event), registered(live_event)
    anna_cookie, ben_cookie = session_cookie(anna), session_cookie(ben)

    async def scenario():
        a, b = communicator(live_event, anna_cookie), communicator(live_event, ben_cookie)
        await join(a)
        welcome_b = await join(b)
        assert welcome_b["count"] == 2
        # `a` first hears its own arrival (1), then Ben's (2).
        counts = [(await next_of_type(a, "presence"))["count"] for _ in range(2)]
        assert counts == [1, 2]
        await a.send_json_to(
            {"action": "chat", "text": "<b>Hallo</b> zusammen<script>alert(1)</script>"}
        )
        received = await next_of_type(b, "message")
        echoed = await next_of_type(a, "message")
        await a.disconnect()
        await b.disconnect()
        return received, echoed

    received, echoed = async_to_sync(scenario)()
    stored = LiveMessage.objects.get()
    assert stored.text == "Hallo zusammen"
    assert received["message"]["text"] == "Hallo zusammen" == echoed["message"]["text"]
    assert received["message"]["id"] == stored.pk
    assert received["message"]["author"] == anna.display_name


def test_reconnecting_client_loads_what_it_missed(live_event):
    anna, ben = registered(live_event), registered(live_event)
    first = services.post_live_message(anna, live_event.pk, "chat", "Erste Nachricht")
    services.post_live_message(anna, live_event.pk, "question", "Was kostet das?")
    session_cookie_ben = session_cookie(ben)

    async def scenario():
        comm = communicator(live_event, session_cookie_ben, query=f"?after={first.pk}")
        welcome = await join(comm)
        await comm.send_json_to({"action": "sync", "after": 0})
        history = await next_of_type(comm, "history")
        await comm.disconnect()
        return welcome, history

    welcome, history = async_to_sync(scenario)()
    assert [m["text"] for m in welcome["history"]] == ["Was kostet das?"]
    assert [m["text"] for m in history["history"]] == ["Erste Nachricht", "Was kostet das?"]


def test_upvote_counts_once_per_person(live_event):
    anna, ben = registered(live_event), registered(live_event)
    question = services.post_live_message(
        anna, live_event.pk, "question", "Wie messen Sie Frequenz?"
    )
    ben_cookie = session_cookie(ben)

    async def scenario():
        comm = communicator(live_event, ben_cookie)
        await join(comm)
        await comm.send_json_to({"action": "upvote", "id": question.pk})
        update = await next_of_type(comm, "update")
        await comm.send_json_to({"action": "upvote", "id": question.pk})
        await asyncio.sleep(0.3)
        assert await comm.receive_nothing(timeout=0.3)
        await comm.disconnect()
        return update

    update = async_to_sync(scenario)()
    assert update["message"]["upvotes"] == 1
    question.refresh_from_db()
    assert question.upvote_count == 1 and QuestionUpvote.objects.count() == 1


def test_moderation_actions_are_broadcast_and_refused_to_participants(live_event):
    anna = registered(live_event)
    speaker = make_member()
    EventSpeaker.objects.create(page=live_event, name="Eva", user=speaker)
    moderator = make_moderator()
    question = services.post_live_message(anna, live_event.pk, "question", "Gibt es Fördermittel?")
    anna_cookie = session_cookie(anna)
    speaker_cookie, moderator_cookie = session_cookie(speaker), session_cookie(moderator)

    async def scenario():
        participant = communicator(live_event, anna_cookie)
        await join(participant)
        await participant.send_json_to(
            {"action": "moderate", "id": question.pk, "operation": "hide"}
        )
        refusal = await next_of_type(participant, "error")
        results = {}
        for user, operation in (
            (speaker_cookie, "answered"),
            (moderator_cookie, "highlight"),
            (moderator_cookie, "hide"),
        ):
            comm = communicator(live_event, user)
            welcome = await join(comm)
            assert welcome["moderator"] is True
            await comm.send_json_to(
                {"action": "moderate", "id": question.pk, "operation": operation}
            )
            results[operation] = (await next_of_type(participant, "update"))["message"]
            await comm.disconnect()
        await participant.disconnect()
        return refusal, results

    refusal, results = async_to_sync(scenario)()
    assert "Moderation" in refusal["message"]
    assert results["answered"]["answered"] is True
    assert results["highlight"]["highlighted"] is True
    assert results["hide"]["hidden"] is True
    question.refresh_from_db()
    assert question.is_answered and question.is_highlighted and question.is_hidden
    history = services.history_since(anna, live_event.pk, 0)
    assert history["history"] == []


def test_rate_limit_answers_with_a_german_error(live_event):
    anna_cookie = session_cookie(registered(live_event))

    async def scenario():
        comm = communicator(live_event, anna_cookie)
        await join(comm)
        for number in range(services.live.RATE_LIMIT_MESSAGES + 1):
            await comm.send_json_to({"action": "chat", "text": f"Nachricht {number}"})
        error = await next_of_type(comm, "error")
        await comm.disconnect()
        return error

    error = async_to_sync(scenario)()
    assert "sehr schnell" in error["message"]
    assert LiveMessage.objects.count() == services.live.RATE_LIMIT_MESSAGES
