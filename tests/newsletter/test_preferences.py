from museion.newsletter.emails import preferences_url
from museion.newsletter.models import (
    Consent,
    ConsentMethod,
    Delivery,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)

from .conftest import confirmed


def path_of(url: str) -> str:
    return url.removeprefix("http://127.0.0.1:8000")


def test_preferences_change_lists_and_language(client, english_list, french_list):
    (person,) = confirmed(english_list, "a@example.org")
    path = path_of(preferences_url(person))
    page = client.get(path)
    assert page.status_code == 200 and "Preferences of a@example.org." in page.content.decode()
    response = client.post(path, {"lists": [french_list.pk], "language": "fr"})
    assert response.status_code == 302
    statuses = dict(Subscription.objects.values_list("mailing_list__slug", "status"))
    assert statuses == {
        "imd-en": SubscriptionStatus.UNSUBSCRIBED,
        "imd-fr": SubscriptionStatus.CONFIRMED,
    }
    person.refresh_from_db()
    assert person.language == "fr"
    consent = Consent.objects.get(subscription__mailing_list=french_list)
    assert consent.method == ConsentMethod.PREFERENCES and consent.confirmed_at is not None


def test_preferences_refuse_unknown_lists_and_languages(client, english_list):
    (person,) = confirmed(english_list, "a@example.org")
    path = path_of(preferences_url(person))
    response = client.post(path, {"lists": ["424242"], "language": "xx"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice. 424242 is not one of the available choices." in html
    assert "Select a valid choice. xx is not one of the available choices." in html
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED


def test_erase_me_deletes_the_persons_data_and_old_links_stop_working(
    client, english_list, campaign
):
    (person,) = confirmed(english_list, "a@example.org")
    Delivery.objects.create(campaign=campaign, subscriber=person, status="sent")
    path = path_of(preferences_url(person))
    response = client.post(path + "erase/")
    assert response.status_code == 200
    assert "Your data is erased" in response.content.decode()
    assert Subscriber.objects.count() == 0 and Subscription.objects.count() == 0
    assert Consent.objects.count() == 0
    assert list(Delivery.objects.values_list("subscriber", "status")) == [(None, "sent")]
    gone = client.get(path)
    assert gone.status_code == 400
    assert "This address is no longer on our lists." in gone.content.decode()


def test_erase_needs_post(client, english_list):
    (person,) = confirmed(english_list, "a@example.org")
    assert client.get(path_of(preferences_url(person)) + "erase/").status_code == 405
    assert Subscriber.objects.count() == 1
