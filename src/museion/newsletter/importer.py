"""Import subscribers from CSV, with the museum importer's rules: every row is checked before
anything is written; a bad row stops the import unless the caller skips bad rows.

Columns: email, language, lists (slugs separated by ";"), consented (yes/no), consent_date,
consent_text. An address is confirmed only when the file says the person already consented
(with the date); the consent record then says it came from this import. Others wait for a
confirmation e-mail. Nobody who unsubscribed is subscribed again by an import.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from .models import (
    Consent,
    ConsentMethod,
    MailingList,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from .services import normalise_email

YES = {"yes", "y", "true", "1", "oui", "sí", "si"}
NO = {"no", "n", "false", "0", "non", ""}
MAX_LISTED_ERRORS = 20
MAX_FILE_BYTES = 50 * 1024 * 1024


class ImportFileError(Exception):
    pass


@dataclass(frozen=True)
class Row:
    line: int
    email: str
    language: str
    lists: list[MailingList]
    consented_at: datetime | None
    consent_text: str


@dataclass
class ImportReport:
    created: int = 0
    confirmed: int = 0
    pending: int = 0
    unchanged: int = 0
    kept_unsubscribed: int = 0
    rejected: list[str] = field(default_factory=list)
    pending_subscriptions: list[int] = field(default_factory=list)


def _consent_time(value: str) -> datetime | None:
    value = value.strip()
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        moment = datetime.combine(day, time(12)) if day else None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment


def check_rows(text: str, *, default_lists: list[MailingList]) -> tuple[list[Row], list[str]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "email" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ImportFileError(_("The file needs a header line with at least an “email” column."))
    lists_by_slug = {m.slug: m for m in MailingList.objects.all()}
    languages = {code for code, _name in settings.LANGUAGES}
    seen: dict[str, int] = {}
    good, errors = [], []
    for number, raw in enumerate(reader, start=2):
        record = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        reasons = []
        try:
            email = normalise_email(record.get("email", ""))
        except ValidationError as error:
            email = ""
            reasons += error.message_dict["email"]
        if email and email in seen:
            reasons.append(
                _("%(email)s is already on line %(line)d.") % {"email": email, "line": seen[email]}
            )
        language = record.get("language") or "en"
        if language not in languages:
            reasons.append(
                _("unknown language “%(value)s” (use en, fr or es)") % {"value": language}
            )
        slugs = [s.strip() for s in record.get("lists", "").split(";") if s.strip()]
        unknown = [slug for slug in slugs if slug not in lists_by_slug]
        if unknown:
            reasons.append(_("unknown list(s): %(lists)s") % {"lists": ", ".join(unknown)})
        chosen = [lists_by_slug[s] for s in slugs if s in lists_by_slug] or default_lists
        if not chosen and not unknown:
            reasons.append(_("no list: fill the “lists” column or choose a list for the import"))
        consented = record.get("consented", "").lower()
        consented_at = None
        if consented not in YES | NO:
            reasons.append(_("“consented” must be yes or no"))
        elif consented in YES:
            consented_at = _consent_time(record.get("consent_date", ""))
            if consented_at is None:
                reasons.append(_("a consent needs its date (consent_date, e.g. 2024-05-18)"))
            elif consented_at > timezone.now():
                reasons.append(_("the consent date is in the future"))
        if reasons:
            errors.append(
                _("line %(line)d: %(reasons)s") % {"line": number, "reasons": "; ".join(reasons)}
            )
            continue
        seen[email] = number
        good.append(
            Row(number, email, language, chosen, consented_at, record.get("consent_text", ""))
        )
    return good, errors


def read_file(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 50 MB; split it."))
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 (byte %(position)d); save it as UTF-8 CSV.")
            % {"position": error.start}
        ) from None


@transaction.atomic
def save_rows(rows: list[Row], *, source: str) -> ImportReport:
    report = ImportReport()
    now = timezone.now()
    existing = {s.email: s for s in Subscriber.objects.filter(email__in=[r.email for r in rows])}
    new = [Subscriber(email=r.email, language=r.language) for r in rows if r.email not in existing]
    Subscriber.objects.bulk_create(new, batch_size=2000)
    report.created = len(new)
    people = {s.email: s for s in Subscriber.objects.filter(email__in=[r.email for r in rows])}
    current = {
        (s.subscriber_id, s.mailing_list_id): s
        for s in Subscription.objects.filter(subscriber__in=people.values())
    }
    default_text = _("Consent given before the import, as stated in the imported file.")
    consents = []
    for row in rows:
        subscriber = people[row.email]
        for mailing_list in row.lists:
            subscription = current.get((subscriber.pk, mailing_list.pk))
            if subscription and subscription.status == SubscriptionStatus.UNSUBSCRIBED:
                report.kept_unsubscribed += 1
                continue
            if subscription and subscription.status == SubscriptionStatus.CONFIRMED:
                report.unchanged += 1
                continue
            subscription = subscription or Subscription(
                subscriber=subscriber, mailing_list=mailing_list
            )
            if row.consented_at:
                subscription.status = SubscriptionStatus.CONFIRMED
                subscription.confirmed_at = now
                subscription.save()
                consents.append(
                    Consent(
                        subscription=subscription,
                        text=row.consent_text or default_text,
                        method=ConsentMethod.IMPORT,
                        given_at=row.consented_at,
                        confirmed_at=now,
                        source=f"{source}, line {row.line}"[:300],
                    )
                )
                report.confirmed += 1
            else:
                subscription.save()
                report.pending += 1
                report.pending_subscriptions.append(subscription.pk)
    Consent.objects.bulk_create(consents, batch_size=2000)
    return report


def import_subscribers(
    *, path: Path, default_lists: list[MailingList], source: str, skip_invalid: bool = False
) -> ImportReport:
    rows, errors = check_rows(read_file(path), default_lists=default_lists)
    if errors and not skip_invalid:
        listed = "\n".join(f"  {error}" for error in errors[:MAX_LISTED_ERRORS])
        raise ImportFileError(
            _("%(count)d row(s) of %(path)s cannot be imported, so nothing was imported.")
            % {"count": len(errors), "path": path.name}
            + "\n"
            + listed
        )
    report = save_rows(rows, source=source)
    report.rejected = errors
    return report
