"""Background work of the Red Lists: the PDF of a published version, report acknowledgements."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Report
from .pdf import store_red_list_pdf


@task()
def generate_red_list_pdf(red_list_id: int) -> bool:
    return store_red_list_pdf(red_list_id)


@task()
def send_report_acknowledgement(report_id: int) -> int:
    """Tell the reporter we received the report, in their language, with the private link."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        return 0
    language = report.language if report.language in dict(settings.LANGUAGES) else "en"
    with translation.override(language):
        context = {
            "report": report,
            "status_url": settings.SITE_URL + report.get_status_url(),
        }
        subject = render_to_string("redlists/email/acknowledgement_subject.txt", context).strip()
        body = render_to_string("redlists/email/acknowledgement_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [report.reporter_email])
