import csv
import io

import pytest
from django.core.management import CommandError, call_command

from museion.newsletter.models import (
    Consent,
    ConsentMethod,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)

from .conftest import confirmed

HEADER = "email,language,lists,consented,consent_date,consent_text\n"


def write(tmp_path, text, name="members.csv"):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_import_confirms_only_rows_that_say_the_person_consented(
    tmp_path, english_list, french_list, capsys
):
    path = write(
        tmp_path,
        "Ada@Example.org,en,imd-en;imd-fr,yes,2024-05-18,Signed the paper form\n"
        "bob@example.org,fr,,no,,\n",
    )
    call_command("import_subscribers", str(path), "--list", "imd-en")
    assert capsys.readouterr().out.endswith(
        "members.csv: 2 new address(es), 2 confirmed subscription(s), 1 waiting for "
        "confirmation, 0 unchanged, 0 kept unsubscribed, 0 row(s) rejected.\n"
    )
    statuses = sorted(
        Subscription.objects.values_list("subscriber__email", "mailing_list__slug", "status")
    )
    assert statuses == [
        ("ada@example.org", "imd-en", SubscriptionStatus.CONFIRMED),
        ("ada@example.org", "imd-fr", SubscriptionStatus.CONFIRMED),
        ("bob@example.org", "imd-en", SubscriptionStatus.PENDING),
    ]
    consent = Consent.objects.filter(subscription__mailing_list=english_list).get()
    assert consent.method == ConsentMethod.IMPORT
    assert consent.text == "Signed the paper form"
    assert consent.given_at.date().isoformat() == "2024-05-18"
    assert consent.source.startswith("import of members.csv by ")
    assert consent.source.endswith(", line 2")
    assert Consent.objects.filter(subscription__subscriber__email="bob@example.org").count() == 0


def test_one_bad_row_stops_the_import_and_every_error_is_listed(tmp_path, english_list):
    path = write(
        tmp_path,
        "good@example.org,en,imd-en,no,,\n"
        "not-an-address,en,imd-en,no,,\n"
        "x@example.org,klingon,nope,maybe,,\n"
        "y@example.org,en,imd-en,yes,,\n"
        "good@example.org,en,imd-en,no,,\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("import_subscribers", str(path))
    assert str(error.value) == (
        "4 row(s) of members.csv cannot be imported, so nothing was imported.\n"
        "  line 3: Enter a valid e-mail address.\n"
        "  line 4: unknown language “klingon” (use en, fr or es); unknown list(s): nope; "
        "“consented” must be yes or no\n"
        "  line 5: a consent needs its date (consent_date, e.g. 2024-05-18)\n"
        "  line 6: good@example.org is already on line 2."
    )
    assert Subscriber.objects.count() == 0


def test_skip_invalid_imports_the_good_rows(tmp_path, english_list, capsys):
    path = write(tmp_path, "good@example.org,en,imd-en,no,,\nbad,en,imd-en,no,,\n")
    call_command("import_subscribers", str(path), "--skip-invalid")
    assert "line 3: Enter a valid e-mail address." in capsys.readouterr().out
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["good@example.org"]


def test_import_never_resubscribes_someone_who_left(tmp_path, english_list):
    (person,) = confirmed(english_list, "left@example.org")
    Subscription.objects.update(status=SubscriptionStatus.UNSUBSCRIBED)
    path = write(tmp_path, "left@example.org,en,imd-en,yes,2020-01-01,\n")
    call_command("import_subscribers", str(path))
    assert Subscription.objects.get().status == SubscriptionStatus.UNSUBSCRIBED
    assert Consent.objects.count() == 0


@pytest.mark.parametrize(
    "content,message",
    [
        (b"name,city\nx,y\n", "The file needs a header line with at least an “email” column."),
        (b"email\n\xff\xfe", "The file is not UTF-8 (byte 6); save it as UTF-8 CSV."),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path, english_list, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_subscribers", str(path), "--list", "imd-en")
    assert str(error.value) == message


def test_unknown_default_list_is_refused(tmp_path, english_list):
    path = write(tmp_path, "a@example.org,en,,no,,\n")
    with pytest.raises(CommandError) as error:
        call_command("import_subscribers", str(path), "--list", "nope")
    assert str(error.value) == "unknown list(s): nope"


def test_export_round_trips_through_the_importer(tmp_path, english_list, capsys):
    confirmed(english_list, "a@example.org", "b@example.org")
    out = tmp_path / "export.csv"
    call_command("export_subscribers", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["email"], r["lists"], r["consented"]) for r in rows] == [
        ("a@example.org", "imd-en", "yes"),
        ("b@example.org", "imd-en", "yes"),
    ]
    Subscriber.objects.all().delete()
    call_command("import_subscribers", str(out))
    assert Subscription.objects.filter(status=SubscriptionStatus.CONFIRMED).count() == 2


def test_admin_export_action(client, staff, english_list):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    (person,) = confirmed(english_list, "a@example.org")
    response = client.post(
        "/admin/newsletter/subscriber/",
        {"action": "export_csv", "_selected_action": [person.pk]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[1].startswith("a@example.org,en,imd-en,yes,")


def test_imported_address_confirmed_by_link_gets_a_consent_record(
    tmp_path, english_list, client, capsys, django_capture_on_commit_callbacks
):
    from django.core import mail

    from .conftest import link_in

    mail.outbox = []
    path = write(tmp_path, "bob@example.org,en,imd-en,no,,\n")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_subscribers", str(path), "--send-confirmation")
    (message,) = mail.outbox
    confirm_path = link_in(message, "confirm")
    page = client.get(confirm_path).content.decode()
    assert "I agree to receive the Museion newsletter" in page
    client.post(confirm_path)
    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    consent = Consent.objects.get()
    assert consent.method == ConsentMethod.DOUBLE_OPT_IN
    assert consent.text.startswith("I agree to receive the Museion newsletter")
    assert consent.confirmed_at == subscription.confirmed_at
    assert consent.source == "confirmation page"
