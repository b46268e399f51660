from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from museion.newsletter import services
from museion.newsletter.models import (
    Consent,
    ConsentMethod,
    MailingList,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from museion.newsletter.tokens import CONFIRM_SALT

from .conftest import link_in


def post_subscribe(client, email="Ada@Example.org", lists=(), language="en", consent="on"):
    data = {"email": email, "lists": [str(pk) for pk in lists], "language": language}
    if consent:
        data["consent"] = consent
    return client.post("/newsletter/", data)


def test_double_opt_in_end_to_end(client, english_list, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_subscribe(client, lists=[english_list.pk])
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    subscription = Subscription.objects.get()
    assert subscription.subscriber.email == "ada@example.org"
    assert subscription.status == SubscriptionStatus.PENDING
    (message,) = outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "Please confirm your subscription to the Museion newsletter"
    assert "Museum Day news" in message.body
    confirm_path = link_in(message, "confirm")
    page = client.get(confirm_path)
    assert page.status_code == 200 and b"Yes, send me the newsletter" in page.content
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING  # opening the link is not enough
    done = client.post(confirm_path)
    assert done.status_code == 200 and b"Subscription confirmed" in done.content
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    consent = Consent.objects.get()
    assert consent.method == ConsentMethod.DOUBLE_OPT_IN
    assert consent.text.startswith("I agree to receive the Museion newsletter")
    assert consent.given_at <= consent.confirmed_at == subscription.confirmed_at
    again = client.post(confirm_path)
    assert b"already confirmed" in again.content
    assert Consent.objects.get().confirmed_at == consent.confirmed_at


def test_consent_records_the_text_shown_and_mail_uses_the_chosen_language(
    client, french_list, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/newsletter/",
            {
                "email": "ana@example.org",
                "lists": [french_list.pk],
                "language": "es",
                "consent": "on",
            },
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert response.status_code == 302
    assert Subscriber.objects.get().language == "es"
    assert Consent.objects.get().text == services.consent_text("fr")
    assert outbox[0].to == ["ana@example.org"]


@pytest.mark.parametrize(
    "email,message",
    [
        ("", "Enter your e-mail address."),
        ("not-an-address", "Enter a valid e-mail address."),
        ("a@b", "Enter a valid e-mail address."),
        ("x" * 250 + "@example.org", "This address is too long: 254 characters at most."),
        ("x" * 100_000 + "@example.org", "This address is too long: 254 characters at most."),
        ("a@example.org\nBcc: everyone@example.org", "Enter a valid e-mail address."),
        ("a@example.org, b@example.org", "Enter a valid e-mail address."),
        ("<a@example.org>", "Enter a valid e-mail address."),
    ],
)
def test_invalid_or_huge_addresses_get_a_clear_message(
    client, english_list, outbox, email, message
):
    response = post_subscribe(client, email=email, lists=[english_list.pk])
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Subscriber.objects.count() == 0 and outbox == []


@pytest.mark.parametrize(
    "lists,message",
    [
        (["999999"], "There is no list 999999. Choose among the lists shown."),
        (["abc"], "“abc” is not a list. Choose among the lists shown."),
        ([], "Choose at least one list."),
    ],
)
def test_unknown_list_ids_get_a_clear_message(client, english_list, lists, message):
    response = client.post(
        "/newsletter/",
        {"email": "a@example.org", "lists": lists, "language": "en", "consent": "on"},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_consent_is_required(client, english_list):
    response = post_subscribe(client, lists=[english_list.pk], consent=None)
    assert response.status_code == 400
    assert "We can only send the newsletter with your agreement." in response.content.decode()


def test_private_lists_cannot_be_chosen(client, english_list):
    english_list.is_public = False
    english_list.save()
    response = post_subscribe(client, lists=[english_list.pk])
    assert response.status_code == 400
    assert Subscriber.objects.count() == 0


def test_subscribe_flood_from_one_client_is_limited(client, english_list, outbox):
    for n in range(10):
        assert (
            post_subscribe(client, email=f"p{n}@example.org", lists=[english_list.pk]).status_code
            == 302
        )
    response = post_subscribe(client, email="p10@example.org", lists=[english_list.pk])
    assert response.status_code == 429
    assert "Too many sign-ups from your connection" in response.content.decode()
    assert Subscriber.objects.count() == 10
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert (
        post_subscribe(other, email="p11@example.org", lists=[english_list.pk]).status_code == 302
    )


def test_same_address_twice_sends_one_confirmation_within_ten_minutes(
    client, english_list, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscribe(client, lists=[english_list.pk])
        post_subscribe(client, lists=[english_list.pk])
    assert len(outbox) == 1
    assert Subscription.objects.count() == 1


def test_adding_a_list_soon_after_sends_a_link_for_every_waiting_list(
    client, english_list, outbox, django_capture_on_commit_callbacks
):
    conference = MailingList.objects.create(
        name="General Conference", slug="gc-en", language="en", topic="Conference"
    )
    for lists in ([english_list.pk], [conference.pk], [conference.pk]):  # a plain repeat: quiet
        with django_capture_on_commit_callbacks(execute=True):
            post_subscribe(client, lists=lists)
    assert len(outbox) == 2
    assert "Museum Day news" in outbox[1].body and "General Conference" in outbox[1].body
    client.post(link_in(outbox[1], "confirm"))
    assert sorted(
        Subscription.objects.filter(status=SubscriptionStatus.CONFIRMED).values_list(
            "mailing_list__slug", flat=True
        )
    ) == ["gc-en", "imd-en"]


def test_tampered_confirmation_link_is_refused(
    client, english_list, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscribe(client, lists=[english_list.pk])
    path = link_in(outbox[0], "confirm")
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    for method in (client.get, client.post):
        response = method(tampered)
        assert response.status_code == 400
        assert "This link is not valid." in response.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_forged_link_for_another_subscriber_is_refused(client, english_list):
    victim = services.subscribe(email="victim@example.org", lists=[english_list], language="en")
    token = signing.dumps({"s": victim.subscriber.pk, "k": "guess", "l": [1]}, salt=CONFIRM_SALT)
    response = client.post(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert "This address is no longer on our lists." in response.content.decode()


def test_expired_confirmation_link_is_refused(
    client, english_list, settings, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscribe(client, lists=[english_list.pk])
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    response = client.post(link_in(outbox[0], "confirm"))
    assert response.status_code == 400
    assert "This link has expired. Please subscribe again." in response.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(english_list):
    result = services.subscribe(email="a@example.org", lists=[english_list], language="en")
    subscriber = result.subscriber
    Subscription.objects.update(status=SubscriptionStatus.UNSUBSCRIBED)
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=1))
    again = services.subscribe(email="a@example.org", lists=[english_list], language="en")
    assert again.email_queued
    assert Subscription.objects.get(subscriber=subscriber).status == SubscriptionStatus.PENDING
    assert Consent.objects.count() == 2


def test_confirming_again_clears_an_old_hard_bounce(
    client, english_list, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscribe(client, lists=[english_list.pk])
    services.mark_undeliverable(email="ada@example.org", reason="550 mailbox full")
    client.post(link_in(outbox[0], "confirm"))
    person = Subscriber.objects.get()
    assert (person.undeliverable, person.bounce_reason) == (False, "")


def test_confirmation_email_is_in_the_chosen_language(
    client, french_list, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_subscribe(client, lists=[french_list.pk], language="fr")
    (message,) = outbox
    assert message.subject == (
        "Veuillez confirmer votre inscription à la lettre d’information de Museion"
    )
    assert message.body.startswith("Bonjour,\n")
    html = message.alternatives[0][0]
    assert html.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert ">Confirmer mon inscription</a>" in html
