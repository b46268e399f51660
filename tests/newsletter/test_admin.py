from museion.newsletter.models import Campaign

from .conftest import confirmed


def test_staff_preview_a_campaign_with_a_strict_policy(client, staff, campaign):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    change = client.get(f"/admin/newsletter/campaign/{campaign.pk}/change/")
    assert change.status_code == 200
    assert f"/admin/newsletter/campaign/{campaign.pk}/preview/" in change.content.decode()
    preview = client.get(f"/admin/newsletter/campaign/{campaign.pk}/preview/")
    assert preview.status_code == 200
    assert "<h1>May news</h1><p>Museum Day is <strong>coming</strong>." in preview.content.decode()
    assert preview["Content-Security-Policy"].startswith("default-src 'none'")


def test_send_test_and_pause_actions_report_clearly(client, staff, campaign, english_list, outbox):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    confirmed(english_list, "a@example.org")
    data = {"action": "send_test", "_selected_action": [campaign.pk]}
    response = client.post("/admin/newsletter/campaign/", data, follow=True)
    assert "Test sent to staff@example.org." in response.content.decode()
    assert [m.to for m in outbox] == [["staff@example.org"]]
    paused = client.post(
        "/admin/newsletter/campaign/",
        {"action": "pause", "_selected_action": [campaign.pk]},
        follow=True,
    )
    assert "Only a campaign being sent can be paused." in paused.content.decode()
    assert Campaign.objects.get().status == "draft"


def test_non_staff_cannot_reach_campaigns(client, campaign, db):
    response = client.get(f"/admin/newsletter/campaign/{campaign.pk}/preview/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_newsletter_rights_cannot_preview(client, staff, campaign):
    client.force_login(staff)
    response = client.get(f"/admin/newsletter/campaign/{campaign.pk}/preview/")
    assert response.status_code == 403


def test_template_that_cannot_render_is_refused_in_the_admin(client, staff, db):
    from museion.newsletter.models import CampaignTemplate

    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    response = client.post(
        "/admin/newsletter/campaigntemplate/add/",
        {"name": "Broken", "html": "{% if %}{{ content }}", "text": "{% load secret %}"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The campaign template cannot be used: Unexpected end of expression" in html
    assert "&#x27;secret&#x27; is not a registered tag library" in html
    assert CampaignTemplate.objects.count() == 0


def test_campaign_form_refuses_lists_in_another_language(
    client, staff, template, english_list, french_list
):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    data = {
        "subject": "News",
        "language": "en",
        "lists": [english_list.pk, french_list.pk],
        "template": template.pk,
        "body": "Hello",
        "latest_posts": "0",
        "rate_per_second": "100",
        "batch_size": "500",
    }
    response = client.post("/admin/newsletter/campaign/add/", data)
    assert response.status_code == 200
    assert "these lists are in another language: Journée des musées (fr)" in (
        response.content.decode()
    )
    assert Campaign.objects.count() == 0
    data["lists"] = [english_list.pk]
    assert client.post("/admin/newsletter/campaign/add/", data).status_code == 302
