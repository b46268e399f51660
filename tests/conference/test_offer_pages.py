from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from museion.conference.models import Registration, Status
from museion.conference.services.registration import register_participant
from museion.conference.services.waitlist import cancel_registration

from .conftest import applicant


def offered(conference, category):
    people = [
        register_participant(conference=conference, category=category, applicant=applicant(n))
        for n in range(3)
    ]
    cancel_registration(registration=people[0])
    return Registration.objects.get(pk=people[2].pk)


def test_offer_link_accepts_once_then_explains(client, conference, category):
    registration = offered(conference, category)
    link = reverse("conference:offer", args=[registration.offer_token])
    page = client.get(link)
    assert "A seat is free for you at Prague 2022" in page.content.decode()
    response = client.post(link, {"action": "accept"})
    assert response["Location"] == f"/conference/me/{registration.token}/"
    registration.refresh_from_db()
    assert registration.status == Status.PENDING
    reused = client.post(link, {"action": "accept"})
    assert reused.status_code == 404
    assert "This offer link is not valid any more" in reused.content.decode()


def test_expired_offer_link_says_so(client, conference, category):
    registration = offered(conference, category)
    Registration.objects.filter(pk=registration.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(
        reverse("conference:offer", args=[registration.offer_token]), {"action": "accept"}
    )
    assert response.status_code == 409
    assert "This offer expired. The seat has gone to the next person." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.EXPIRED


def test_offer_without_a_choice_asks_for_one(client, conference, category):
    registration = offered(conference, category)
    response = client.post(reverse("conference:offer", args=[registration.offer_token]), {})
    assert response.status_code == 400
    assert "Choose to accept or decline the seat." in response.content.decode()


def test_participant_leaves_the_waiting_list_from_their_page(client, conference, category):
    people = [
        register_participant(conference=conference, category=category, applicant=applicant(n))
        for n in range(3)
    ]
    response = client.post(
        reverse("conference:participant_action", args=[people[2].token]),
        {"action": "leave"},
        follow=True,
    )
    assert "You have left the waiting list." in response.content.decode()
    assert Registration.objects.get(pk=people[2].pk).status == Status.WITHDRAWN


def test_participant_page_links_to_the_open_offer(client, conference, category):
    registration = offered(conference, category)
    html = client.get(reverse("conference:participant", args=[registration.token])).content.decode()
    assert f'href="/conference/offers/{registration.offer_token}/"' in html


def test_housekeeping_command_reports_what_it_did(conference, category):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("conference_housekeeping", stdout=out)
    assert (
        out.getvalue().strip()
        == "reminded: 0, expired_registrations: 0, expired_offers: 0, seats_offered: 0"
    )


def test_demo_conference_loads_once_and_its_pages_render(client, db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_conference_demo", stdout=out)
    assert "18 sessions, 7 ticket categories." in out.getvalue()
    call_command("load_conference_demo", stdout=out)
    assert "already there" in out.getvalue()
    assert client.get("/conference/general-conference-demo/").status_code == 200
    assert client.get("/conference/general-conference-demo/register/").status_code == 200
    assert client.get("/conference/").status_code == 200
