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
