"""The public impact page, its downloads, the coordinators' page and reminders."""

import csv
import io

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from museion.museumday.models import ImpactReport, ReportReminder
from tests.factories import ActivityFactory, MuseumFactory, UserFactory

from .impact_data import OPEN, build


@pytest.fixture
def world(edition, museum, other_museum):
    return build(edition, museum, other_museum)


def impact_url(year=2022, suffix=""):
    return reverse("museumday:impact", kwargs={"year": year}) + suffix


def test_impact_page_shows_totals_and_is_public(client, world):
    response = client.get(impact_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<dt>On-site visitors</dt><dd>1,800</dd>" in html
    assert "<dt>Online reach</dt><dd>1,058,250</dd>" in html
    assert "2 of 3 museums taking part have reported their figures." in html
    assert "public" in response.headers["Cache-Control"]


def test_edition_page_links_to_the_impact_page(client, edition):
    html = client.get(edition.get_absolute_url()).content.decode()
    assert f'href="{impact_url()}"' in html


def test_each_chart_is_labelled_svg_with_its_data_table(client, world):
    html = client.get(impact_url()).content.decode()

    for name in ("map", "channels", "years"):
        figure = html.split(f'<figure class="impact-chart" id="figure-{name}">')[1].split(
            "</figure>"
        )[0]
        assert 'role="img"' in figure
        assert f'aria-labelledby="chart-{name}-title chart-{name}-desc"' in figure
        assert "<table" in figure and '<th scope="row">' in figure
    channels = html.split('id="figure-channels"')[1].split("</figure>")[0]
    row = '<th scope="row">Social network</th><td class="number">15</td>'
    assert row + '<td class="number">1,006,500</td>' in channels
    assert "<title>Social network: 1,006,500</title>" in channels
    world_map = html.split('id="figure-map"')[1].split("</figure>")[0]
    assert "<title>France: 2</title>" in world_map
    assert '<th scope="row">Spain</th><td>ES</td><td class="number">1</td>' in world_map


def test_unknown_edition_is_404(client, db):
    assert client.get(impact_url(1990)).status_code == 404


def test_page_in_french_formats_numbers_the_french_way(client, world):
    client.cookies["django_language"] = "fr"
    html = client.get(impact_url()).content.decode()
    assert '<html lang="fr">' in html
    assert "1\u00a0058\u00a0250" in html or "1 058 250" in html


def test_csv_download_has_every_row(client, world):
    response = client.get(impact_url(suffix="tables/countries.csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="museum-day-2022-countries.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Country", "ISO code", "Museums taking part"]
    assert ["France", "FR", "2", "3", "1", "1300", "57400"] in rows
    assert len(rows) == 4  # header, France, Spain, international


def test_xlsx_download_keeps_numbers_as_numbers(client, world):
    response = client.get(impact_url(suffix="tables/channels.xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Channel", "Items published", "Audience reached", "Reports")
    assert ("Social network", 15, 1_006_500, 3) in rows


def test_spreadsheet_formulas_in_names_are_written_as_text(client, edition, staff):
    museum = MuseumFactory(name='=HYPERLINK("http://evil")', slug="evil")
    ActivityFactory(edition=edition, museum=museum)
    client.force_login(staff)
    response = client.get(
        reverse("museumday:impact_scope", kwargs={"year": 2022}) + "tables/museums.csv?country=FR"
    )
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_chart_downloads_are_svg_and_png(client, world):
    svg = client.get(impact_url(suffix="charts/years.svg"))
    png = client.get(impact_url(suffix="charts/map.png"))

    assert svg["Content-Type"] == "image/svg+xml"
    assert b'<title id="chart-years-title">' in svg.content
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    "suffix", ["tables/nothing.csv", "tables/countries.exe", "charts/map.gif", "charts/pie.svg"]
)
def test_unknown_downloads_are_404(client, world, suffix):
    assert client.get(impact_url(suffix=suffix)).status_code == 404


def test_impact_page_query_count_does_not_grow_with_reports(
    client, edition, museum, other_museum, django_assert_num_queries
):
    ActivityFactory(edition=edition, museum=museum)
    with django_assert_num_queries(7):  # the edition, 6 aggregates (cold)
        client.get(impact_url())
    with django_assert_num_queries(0):  # the whole page kept for anonymous readers (warm)
        client.get(impact_url())
    build(edition, museum, other_museum)
    with django_assert_num_queries(7):
        client.get(impact_url())


def scope_url(suffix=""):
    return reverse("museumday:impact_scope", kwargs={"year": 2022}) + suffix


def test_coordinator_sees_their_country_museum_by_museum(client, coordinator, world, museum):
    client.force_login(coordinator)
    with time_machine.travel(OPEN, tick=False):
        response = client.get(scope_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Musée d&#x27;Orsay" in html  # has not reported: offered a reminder
    assert f'value="{world["orsay"].pk}"' in html
    assert "Museo del Prado" not in html
    assert [row.name for row in response.context["missing"]] == ["Musée d'Orsay"]


def test_museum_table_downloads_for_the_coordinator_only(client, coordinator, world, editor):
    client.force_login(coordinator)
    rows = client.get(scope_url("tables/museums.csv")).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 3 and "Musée d'Orsay,Paris,FR,1,no,0,0" in rows
    client.force_login(editor)
    assert client.get(scope_url("tables/museums.csv")).status_code == 403


def test_plain_users_and_editors_get_no_scope_page(client, world, editor):
    assert client.get(scope_url()).status_code == 302  # to the login page
    client.force_login(editor)
    response = client.get(scope_url())
    assert response.status_code == 403
    assert "Only coordinators and staff" in response.content.decode()


def test_staff_choose_a_country(client, world, staff):
    client.force_login(staff)
    assert "Reports 2022: choose a country" in client.get(scope_url()).content.decode()
    response = client.get(scope_url("?country=es"))
    assert [row.name for row in response.context["rows"]] == ["Museo del Prado"]


def test_coordinator_reminds_museums_that_have_not_reported(
    client, coordinator, world, django_capture_on_commit_callbacks
):
    orsay = world["orsay"]
    orsay.editors.add(UserFactory(username="orsay", email="orsay@example.org"))
    client.force_login(coordinator)
    url = reverse("museumday:impact_reminders", kwargs={"year": 2022})
    with time_machine.travel(OPEN, tick=False), django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"museums": [orsay.pk]}, follow=True)
        assert "Reminder sent to 1 museum." in response.content.decode()
        again = client.post(url, {"museums": [orsay.pk]}, follow=True)
        assert "Not reminded again so soon" in again.content.decode()
    assert [m.to for m in mail.outbox] == [["orsay@example.org"]]
    assert ReportReminder.objects.count() == 1


def test_reminder_for_a_museum_outside_the_scope_is_refused(
    client, coordinator, world, other_museum
):
    client.force_login(coordinator)
    url = reverse("museumday:impact_reminders", kwargs={"year": 2022})
    with time_machine.travel(OPEN, tick=False):
        response = client.post(url, {"museums": [other_museum.pk]}, follow=True)
    assert "One of the museums is not among those you can remind." in response.content.decode()
    assert mail.outbox == []


def test_reminders_are_rate_limited_per_coordinator(client, coordinator, world):
    client.force_login(coordinator)
    url = reverse("museumday:impact_reminders", kwargs={"year": 2022})
    with time_machine.travel(OPEN, tick=False):
        codes = [client.post(url, {"museums": [world["orsay"].pk]}).status_code for _ in range(11)]
    assert codes[:10] == [302] * 10
    assert codes[10] == 429


def test_spanish_plurals_of_the_impact_page(client, world):
    client.cookies["django_language"] = "es"
    html = client.get(impact_url()).content.decode()
    assert "2 de 3 museos participantes han entregado sus cifras." in html


@pytest.mark.parametrize("museums", [1, 6])
def test_scope_page_query_count_does_not_grow_with_museums(
    client, coordinator, edition, museums, django_assert_num_queries
):
    for index in range(museums):
        taking_part = MuseumFactory(slug=f"fr-{index}")
        ActivityFactory(edition=edition, museum=taking_part)
    client.force_login(coordinator)
    # session, user, edition, committees (scope, ids, links), 7 aggregates (the scoped museums
    # in the reports' filter too), 4 for the table
    with time_machine.travel(OPEN, tick=False), django_assert_num_queries(16):
        response = client.get(scope_url())
    assert len(response.context["rows"]) == museums


def test_staff_correction_in_the_admin_shows_on_the_impact_page(client, world, staff, museum):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    assert "1,800" in client.get(impact_url()).content.decode()
    report = ImpactReport.objects.get(museum=museum, activity=None)
    url = reverse("admin:museumday_impactreport_delete", args=[report.pk])

    client.post(url, {"post": "yes"})

    assert "<dd>800</dd>" in client.get(impact_url()).content.decode()


def test_a_saved_report_shows_at_once_on_the_kept_public_page(client, world, edition, staff):
    from museion.museumday.impact_services import NETWORK_REPORTER, save_impact_report

    assert "<dd>1,800</dd>" in client.get(impact_url()).content.decode()
    with time_machine.travel(OPEN, tick=False):
        save_impact_report(
            user=staff,
            edition=edition,
            reporter=NETWORK_REPORTER,
            onsite_visitors=200,
            online_viewers=0,
            figures=[],
        )
    assert "<dd>2,000</dd>" in client.get(impact_url()).content.decode()
