"""Reports of objects that may be trafficked: filing, acknowledging, triage by staff."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from . import dispatch
from .models import Report, ReportPhoto, ReportStatus
from .pictures import process_report_photo

MAX_PHOTOS = 5


def can_triage(user) -> bool:
    return user.is_authenticated and user.is_staff


@transaction.atomic
def submit_report(*, data: dict, photos: list, language: str) -> Report:
    """Store the report and its photos; the acknowledgement e-mail leaves after the commit."""
    report = Report(language=language, **data)
    report.full_clean()
    report.save()
    for upload in photos[:MAX_PHOTOS]:
        # Cleaned (EXIF and GPS position gone, orientation kept) and hashed for the look-up.
        process_report_photo(photo=ReportPhoto(report=report, image=upload))
    dispatch.acknowledge_report(report.pk)
    return report


@transaction.atomic
def triage_report(
    *, report: Report, user, status: str, staff_notes: str, object_type=None
) -> Report:
    if not can_triage(user):
        raise PermissionDenied(_("Only staff triage reports."))
    if status not in ReportStatus.values:
        raise ValueError(status)
    report.status = status
    report.staff_notes = staff_notes
    report.object_type = object_type
    report.save(update_fields=["status", "staff_notes", "object_type", "updated_at"])
    return report
