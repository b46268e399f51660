import re

import pytest
from django.core import mail

from museion.newsletter.models import CampaignTemplate, MailingList


@pytest.fixture
def english_list(db):
    return MailingList.objects.create(
        name="Museum Day news", slug="imd-en", language="en", topic="Museum Day"
    )


@pytest.fixture
def french_list(db):
    return MailingList.objects.create(
        name="Journée des musées", slug="imd-fr", language="fr", topic="Museum Day"
    )


@pytest.fixture
def template(db):
    return CampaignTemplate.objects.create(
        name="Plain",
        html="<html><body><h1>{{ subject }}</h1>{{ content }}"
        '{% for post in posts %}<p><a href="{{ post.url }}">{{ post.title }}</a></p>{% endfor %}'
        "</body></html>",
        text="{{ subject }}\n\n{{ content }}\n"
        "{% for post in posts %}{{ post.title }}: {{ post.url }}\n{% endfor %}",
    )


def link_in(message, name: str) -> str:
    """The path of the first link to /newsletter/<name>/ in a message's text."""
    match = re.search(rf"http://127\.0\.0\.1:8000(/newsletter/{name}/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


def confirmed(mailing_list, *emails, language="en"):
    """Confirmed subscribers of a list (as after a double opt-in)."""
    from django.utils import timezone

    from museion.newsletter.models import Subscriber, Subscription, SubscriptionStatus

    people = []
    for email in emails:
        subscriber, _created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language}
        )
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            mailing_list=mailing_list,
            defaults={"status": SubscriptionStatus.CONFIRMED, "confirmed_at": timezone.now()},
        )
        people.append(subscriber)
    return people


@pytest.fixture
def campaign(english_list, template, staff):
    from museion.newsletter.models import Campaign

    campaign = Campaign.objects.create(
        subject="May news",
        language="en",
        template=template,
        body="Museum Day is **coming**. #IMD2023",
        rate_per_second=0,
        batch_size=3,
        created_by=staff,
    )
    campaign.lists.add(english_list)
    return campaign
