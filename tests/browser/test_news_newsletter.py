"""Journeys of the news and the newsletter: reading, and subscribing through to unsubscribing."""

import re
from datetime import UTC, date, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from museion.newsletter import sending
from museion.newsletter.models import (
    Campaign,
    CampaignTemplate,
    MailingList,
    Subscription,
    SubscriptionStatus,
)
from tests.factories import ActivityFactory, EditionFactory, UserFactory
from tests.news.factories import PostFactory

pytestmark = pytest.mark.browser
BASE = "http://127.0.0.1:8000"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def news(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = EditionFactory(year=2026, date=date(2026, 5, 18), theme="Museums for social cohesion")
    author = UserFactory(username="writer", first_name="Ada", last_name="Writer")
    post = PostFactory(
        title="ICOM meets in Prague",
        summary="The General Conference opens with a call for #ICOMPrague2022.",
        body="## Programme\n\nThe network met in **Prague**. #ICOMPrague2022 #संग्रहालय\n\n"
        "- Keynotes\n- Workshops\n\n[ICOM](https://icom.museum)",
        author=author,
        publish_at=datetime(2022, 8, 20, 9, tzinfo=UTC),
        lead_image=SimpleUploadedFile("hall.png", PNG, content_type="image/png"),
        lead_image_alt="Delegates in the main hall of the congress centre",
        lead_image_credit="ICOM / Jan Novák",
    )
    post.sources.create(outlet="Le Monde", title="Les musées à Prague", url="https://example.org/a")
    activity = ActivityFactory(edition=edition, title="Night at the museum")
    post.related_items.create(
        content_type=ContentType.objects.get_for_model(activity), object_id=activity.pk
    )
    PostFactory(title="Réunion à Prague", language="fr", translation_of=post)
    MailingList.objects.create(name="Museum Day news", slug="imd-en", language="en", topic="IMD")
    return post


def test_news_pages_are_accessible(page, news, assert_accessible):
    for path in (
        "/",
        "/news/",
        news.get_absolute_url(),
        "/news/tags/icomprague2022/",
        "/news/tags/संग्रहालय/",
        "/newsletter/",
    ):
        page.goto(path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


def test_reader_goes_from_the_home_page_to_a_post_and_its_hashtag(page, news):
    page.goto("/")
    page.get_by_role("link", name="ICOM meets in Prague").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ICOM meets in Prague")
    expect(page.get_by_text("Photo: ICOM / Jan Novák")).to_be_visible()
    expect(page.get_by_role("link", name="Night at the museum")).to_be_visible()
    page.locator(".post-body").get_by_role("link", name="#संग्रहालय").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("#संग्रहालय")
    expect(page.get_by_role("link", name="ICOM meets in Prague")).to_be_visible()


def test_subscribe_confirm_from_the_email_then_unsubscribe(page, news, assert_accessible):
    mail.outbox = []
    page.goto("/")
    page.get_by_label("E-mail address").fill("reader@example.org")
    expect(page.get_by_label("Museum Day news (en)")).to_be_checked()
    page.get_by_label(re.compile("I agree to receive the Museion newsletter")).check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert_accessible(page)
    (message,) = mail.outbox
    link = re.search(r"http://127\.0\.0\.1:8000(/newsletter/confirm/\S+/)", message.body)[1]
    page.goto(link)
    page.get_by_role("button", name="Yes, send me the newsletter").click()
    expect(page.get_by_role("heading", name="Subscription confirmed")).to_be_visible()
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED

    campaign = Campaign.objects.create(
        subject="May news",
        language="en",
        template=CampaignTemplate.objects.create(
            name="Plain", html="{{ content }}", text="{{ content }}"
        ),
        body="Museum Day is coming.",
        rate_per_second=0,
    )
    campaign.lists.set(MailingList.objects.all())
    sending.start_campaign(campaign=campaign)
    newsletter = mail.outbox[-1]
    assert newsletter.to == ["reader@example.org"] and len(mail.outbox) == 2
    page.goto(newsletter.extra_headers["List-Unsubscribe"].strip("<>").removeprefix(BASE))
    assert_accessible(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert Subscription.objects.get().status == SubscriptionStatus.UNSUBSCRIBED


def test_subscribe_errors_are_announced_and_accessible(page, news, assert_accessible):
    page.goto("/newsletter/")
    page.get_by_label("E-mail address").fill("not-an-address")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_text("Enter a valid e-mail address.")).to_be_visible()
    expect(page.get_by_text("We can only send the newsletter with your agreement.")).to_be_visible()
    assert_accessible(page)
