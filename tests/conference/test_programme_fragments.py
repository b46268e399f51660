"""The programme's sessions are kept once rendered, yet show every change at once."""

import pytest
from django.conf import settings

from museion.conference.models import Room, Session, Speaker

from ..factories import UserFactory
from .factories import RoomFactory, SessionFactory, SessionPersonFactory


@pytest.fixture(params=["anonymous", "logged in"])
def reader(request, client, db):
    if request.param == "logged in":
        client.force_login(UserFactory(username="reader"))
    return client


def test_sessions_show_each_change_at_once(reader, conference):
    room = RoomFactory(conference=conference, name="Hall")
    session = SessionFactory(conference=conference, title="Opening", room=room)
    SessionPersonFactory(session=session, speaker__name="Ana Lima")
    url = conference.get_absolute_url() + "?day=all"
    html = reader.get(url).text
    assert "Opening" in html and "Hall" in html and "Ana Lima" in html
    session.title = "Welcome"
    session.save()
    Room.objects.filter(pk=room.pk).update(name="Great hall")
    Speaker.objects.filter(name="Ana Lima").update(name="Ana Lima Souza")
    Session.objects.filter(pk=session.pk).update(abstract="Changed")  # bumps nothing
    html = reader.get(url).text
    assert "Welcome" in html and "Opening" not in html
    assert "Great hall" in html and "Ana Lima Souza" in html


def test_sessions_follow_the_readers_timezone_and_language(reader, conference):
    SessionFactory(conference=conference, title="Opening")  # 08:00 UTC, 10:00 in Prague
    url = conference.get_absolute_url() + "?day=all"
    assert ">10:00</time>" in reader.get(url).text
    assert ">Mon 22 Aug, 08:00</time>" in reader.get(url, {"tz": "UTC"}).text
    assert ">Mon 22 Aug, 04:00</time>" in reader.get(url, {"tz": "America/New_York"}).text
    assert ">10:00</time>" in reader.get(url, {"tz": "Europe/Prague"}).text
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert "Conférence" in reader.get(url).text
