from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from museion.newsletter import lease, sending
from museion.newsletter.models import (
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    Subscription,
    SubscriptionStatus,
)

from ..news.factories import PostFactory
from .conftest import confirmed, link_in


def start(campaign, capture):
    with capture(execute=True):
        sending.start_campaign(campaign=campaign)
    campaign.refresh_from_db()


def recipients(outbox) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


def test_campaign_reaches_each_confirmed_address_once(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    from museion.newsletter.models import MailingList

    red_lists = MailingList.objects.create(
        name="Red Lists", slug="redlists-en", language="en", topic="Red Lists"
    )
    campaign.lists.add(red_lists)
    people = confirmed(
        english_list, "a@example.org", "b@example.org", "c@example.org", "d@example.org"
    )
    confirmed(red_lists, "a@example.org", "f@example.org")
    pending = confirmed(english_list, "pending@example.org")[0]
    Subscription.objects.filter(subscriber=pending).update(status=SubscriptionStatus.PENDING)
    bounced = confirmed(english_list, "bounced@example.org")[0]
    bounced.undeliverable = True
    bounced.save()
    start(campaign, django_capture_on_commit_callbacks)
    assert recipients(outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
        "d@example.org",
        "f@example.org",
    ]
    assert campaign.status == CampaignStatus.SENT and campaign.finished_at is not None
    assert sending.progress(campaign)["sent"] == 5
    assert Delivery.objects.filter(subscriber=people[0]).get().sent_at is not None


def test_campaign_email_carries_rfc8058_headers_and_content(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    PostFactory(title="Latest post", language="en")
    campaign.latest_posts = 1
    campaign.save()
    confirmed(english_list, "a@example.org")
    start(campaign, django_capture_on_commit_callbacks)
    (message,) = outbox
    unsubscribe_path = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe_path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    assert 'List-Id: "Museum Day news" <imd-en.lists.localhost>' in raw
    html = message.alternatives[0][0]
    assert "<strong>coming</strong>" in html
    assert 'href="http://127.0.0.1:8000/news/tags/imd2023/"' in html
    assert ">Latest post</a>" in html
    assert "Latest post: http://127.0.0.1:8000/news/" in message.body
    assert f'href="http://127.0.0.1:8000{unsubscribe_path}"' in html


def test_one_click_unsubscribe_works_without_session_or_csrf(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org")
    start(campaign, django_capture_on_commit_callbacks)
    path = link_in(outbox[0], "unsubscribe")
    bare = Client(enforce_csrf_checks=True)
    response = bare.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscription.objects.get().status == SubscriptionStatus.UNSUBSCRIBED
    assert (
        bare.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )


def test_unsubscribe_get_only_shows_a_button(
    campaign, english_list, outbox, client, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org")
    start(campaign, django_capture_on_commit_callbacks)
    response = client.get(link_in(outbox[0], "unsubscribe"))
    assert response.status_code == 200
    assert '<button type="submit">Unsubscribe</button>' in response.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED


def test_tampered_unsubscribe_link_is_refused(client, english_list):
    response = client.post("/newsletter/unsubscribe/not-a-token/")
    assert response.status_code == 400
    assert "This link is not valid." in response.content.decode()


def test_start_twice_sends_once(campaign, english_list, outbox, django_capture_on_commit_callbacks):
    confirmed(english_list, "a@example.org", "b@example.org")
    start(campaign, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as error:
        sending.start_campaign(campaign=campaign)
    assert error.value.messages == ["This campaign has already been sent or is being sent."]
    assert recipients(outbox) == ["a@example.org", "b@example.org"]


def test_double_click_in_admin_sends_once(
    campaign, english_list, staff, client, outbox, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org")
    client.force_login(staff)
    staff.is_superuser = True
    staff.save()
    data = {"action": "start", "_selected_action": [campaign.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/newsletter/campaign/", data)
        second = client.post("/admin/newsletter/campaign/", data, follow=True)
    assert "already been sent or is being sent" in second.content.decode()
    assert recipients(outbox) == ["a@example.org"]


class Crash(BaseException):
    """Stands for the worker being killed: nothing of ours may catch it."""


class CrashingBackend(locmem.EmailBackend):
    """Delivers, then dies before the worker can record it, on the 5th message."""

    crash_after = 5

    def send_messages(self, messages):
        count = super().send_messages(messages)
        if len(mail.outbox) == self.crash_after:
            raise Crash()
        return count


def test_resume_after_crash_sends_each_recipient_exactly_once(
    campaign, english_list, outbox, settings, django_capture_on_commit_callbacks
):
    emails = [f"p{n}@example.org" for n in range(10)]
    confirmed(english_list, *emails)
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.CrashingBackend"
    start(campaign, django_capture_on_commit_callbacks)
    assert len(outbox) == 5
    assert campaign.status == CampaignStatus.SENDING
    assert sending.progress(campaign) == {
        "queued": 5,
        "sending": 1,
        "sent": 4,
        "failed": 0,
        "skipped": 0,
        "unknown": 0,
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        sending.resume_campaign(campaign=campaign)
    campaign.refresh_from_db()
    assert recipients(outbox) == sorted(emails)
    assert campaign.status == CampaignStatus.SENT
    in_doubt = Delivery.objects.get(status=DeliveryStatus.UNKNOWN)
    assert in_doubt.error == lease.IN_DOUBT
    assert sending.progress(campaign)["sent"] == 9


def test_pause_stops_sending_and_resume_finishes(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    confirmed(english_list, *[f"p{n}@example.org" for n in range(7)])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sending.start_campaign(campaign=campaign)
    sending.pause_campaign(campaign=campaign)
    for callback in callbacks:
        callback()
    assert outbox == []
    assert sending.progress(campaign)["queued"] == 0  # recipients not even listed while paused
    with django_capture_on_commit_callbacks(execute=True):
        sending.resume_campaign(campaign=campaign)
    assert len(outbox) == 7
    with pytest.raises(ValidationError):
        sending.pause_campaign(campaign=campaign)


def test_unsubscribed_during_sending_is_skipped(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    people = confirmed(english_list, "a@example.org", "b@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sending.start_campaign(campaign=campaign)
    campaign.refresh_from_db()
    sending.create_deliveries(campaign)
    Subscription.objects.filter(subscriber=people[1]).update(status=SubscriptionStatus.UNSUBSCRIBED)
    for callback in callbacks:
        callback()
    assert recipients(outbox) == ["a@example.org"]
    assert Delivery.objects.get(subscriber=people[1]).status == DeliveryStatus.SKIPPED


def test_refused_recipient_is_recorded_as_failed(
    campaign, english_list, outbox, settings, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org", "refused@example.org", "c@example.org")
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.RefusingBackend"
    start(campaign, django_capture_on_commit_callbacks)
    assert recipients(outbox) == ["a@example.org", "c@example.org"]
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.subscriber.email == "refused@example.org"
    assert failed.error.startswith("SMTPRecipientsRefused")
    assert campaign.status == CampaignStatus.SENT


class RefusingBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        import smtplib

        if messages[0].to == ["refused@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"refused@example.org": (550, b"No such user")})
        return super().send_messages(messages)


class DownBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_mail_server_down_pauses_without_losing_anyone(
    campaign, english_list, outbox, settings, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org", "b@example.org")
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.DownBackend"
    start(campaign, django_capture_on_commit_callbacks)
    assert campaign.status == CampaignStatus.PAUSED
    assert campaign.note.startswith("Paused: the mail server refused the connection")
    assert sending.progress(campaign)["queued"] == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        sending.resume_campaign(campaign=campaign)
    assert recipients(outbox) == ["a@example.org", "b@example.org"]


def test_send_test_goes_to_one_address_marked_test(campaign, outbox):
    sending.send_test(campaign=campaign, to="Staff@Example.org")
    (message,) = outbox
    assert message.to == ["staff@example.org"]
    assert message.subject == "[TEST] May news"
    assert Delivery.objects.count() == 0
    with pytest.raises(ValidationError):
        sending.send_test(campaign=campaign, to="nope")


def test_resume_campaigns_command_takes_over_once_the_worker_stopped_beating(
    campaign, english_list, outbox, settings, django_capture_on_commit_callbacks
):
    confirmed(english_list, *[f"p{n}@example.org" for n in range(6)])
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.CrashingBackend"
    start(campaign, django_capture_on_commit_callbacks)
    # As if its worker had been killed: the lease is still held, the heartbeat stops.
    killed_at = timezone.now()
    Campaign.objects.update(lease="killed-worker", heartbeat_at=killed_at)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_campaigns", stdout=StringIO())
    assert len(outbox) == 5  # beat a moment ago: perhaps still alive, left alone
    later = killed_at + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        call_command("resume_campaigns", stdout=StringIO())
    assert recipients(outbox) == sorted(f"p{n}@example.org" for n in range(6))
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
    assert sending.progress(campaign)["unknown"] == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_connections_still_send_each_recipient_once(settings, template):
    from museion.newsletter.models import Campaign, MailingList

    settings.NEWSLETTER_SENDER_THREADS = 3
    mail.outbox = []
    mailing_list = MailingList.objects.create(name="N", slug="n", language="en", topic="t")
    emails = [f"p{n}@example.org" for n in range(20)]
    confirmed(mailing_list, *emails)
    campaign = Campaign.objects.create(
        subject="S", language="en", template=template, body="Hi", rate_per_second=0, batch_size=8
    )
    campaign.lists.add(mailing_list)
    sending.start_campaign(campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
    assert recipients(mail.outbox) == sorted(emails)
    assert sending.progress(campaign)["sent"] == 20


def test_campaign_goes_only_to_lists_in_its_language(
    campaign, french_list, outbox, django_capture_on_commit_callbacks
):
    campaign.lists.add(french_list)
    with pytest.raises(ValidationError) as error:
        start(campaign, django_capture_on_commit_callbacks)
    assert error.value.message_dict["lists"] == [
        "This campaign is in en; these lists are in another language: Journée des musées (fr). "
        "Write one campaign per language."
    ]
    assert campaign.status == CampaignStatus.DRAFT and outbox == []


def test_list_id_names_every_list_of_the_campaign(english_list, french_list, settings):
    from museion.newsletter.compose import list_id

    settings.SITE_URL = "https://museion.example.org"
    assert list_id([english_list]) == '"Museum Day news" <imd-en.lists.museion.example.org>'
    assert list_id([french_list, english_list]) == (
        "=?utf-8?q?Museum_Day_news=2C_Journ=C3=A9e_des_mus=C3=A9es?= "
        "<imd-en.imd-fr.lists.museion.example.org>"
    )
    settings.SITE_URL = "http://localhost:8000"
    assert list_id([english_list]).endswith("<imd-en.lists.localhost>")


def test_a_broken_template_stops_the_start_with_a_clear_message(
    campaign, english_list, outbox, staff, client, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org")
    campaign.template.html = "{% include 'secrets.html' %}{{ content }}"
    campaign.template.save()
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/newsletter/campaign/",
            {"action": "start", "_selected_action": [campaign.pk]},
            follow=True,
        )
    assert response.status_code == 200
    assert "The campaign template cannot be used: secrets.html" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT and outbox == []


def test_a_batch_of_zero_is_refused_rather_than_finishing_with_nobody_mailed(
    campaign, english_list, outbox, django_capture_on_commit_callbacks
):
    confirmed(english_list, "a@example.org")
    campaign.batch_size = 0
    campaign.save()
    with pytest.raises(ValidationError) as error:
        start(campaign, django_capture_on_commit_callbacks)
    assert error.value.message_dict == {"batch_size": ["A batch holds at least one message."]}
    assert campaign.status == CampaignStatus.DRAFT


def test_campaign_in_french_is_french_from_subject_to_footer(
    campaign, french_list, outbox, django_capture_on_commit_callbacks
):
    campaign.language = "fr"
    campaign.subject = "Nouvelles de mai"
    campaign.body = "La Journée arrive."
    campaign.save()
    campaign.lists.set([french_list])
    confirmed(french_list, "a@example.org", language="es")
    start(campaign, django_capture_on_commit_callbacks)
    (message,) = outbox
    assert message.subject == "Nouvelles de mai"
    assert "\n-- \nSe désinscrire" in message.body
    assert ">Se désinscrire</a>" in message.alternatives[0][0]
    assert message.extra_headers["List-Id"] == (
        "=?utf-8?q?Journ=C3=A9e_des_mus=C3=A9es?= <imd-fr.lists.localhost>"
    )


def test_resume_while_a_chain_still_beats_starts_no_second_chain(
    campaign, english_list, outbox, settings, django_capture_on_commit_callbacks
):
    emails = [f"p{n}@example.org" for n in range(7)]
    confirmed(english_list, *emails)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_campaign(campaign=campaign)
    beat_at = timezone.now()
    Campaign.objects.update(lease="a-live-chain", heartbeat_at=beat_at)  # mid-batch elsewhere
    sending.pause_campaign(campaign=campaign)
    for _twice in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            sending.resume_campaign(campaign=campaign)
    assert outbox == []  # the live chain goes on; the resumes added none
    assert lease.take(campaign.pk, "") == ""
    later = beat_at + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS + 1)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        call_command("resume_campaigns", stdout=StringIO())
    assert recipients(outbox) == emails  # the dead chain's campaign, once each
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT


def test_two_new_chains_at_once_only_one_gets_the_lease(campaign, english_list):
    confirmed(english_list, "a@example.org")
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING)
    first = lease.take(campaign.pk, "")
    assert first
    assert lease.take(campaign.pk, "") == ""
    assert lease.take(campaign.pk, first) == first  # the chain itself goes on
