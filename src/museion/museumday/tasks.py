"""Background work of Museum Day: telling editors what moderators decided, reminding them to
report their participation and reach, and serialising calendar events ahead of the feeds."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from museion.network.models import Museum

from .ical import store_events
from .models import Activity, Edition


def museum_language(museum: Museum) -> str:
    """The museum's first working language that the interface speaks, else the default."""
    offered = dict(settings.LANGUAGES)
    for language in museum.languages:
        for candidate in (language, language.split("-")[0].lower()):
            if candidate in offered:
                return candidate
    return settings.LANGUAGE_CODE


@task()
def notify_editors(activity_id: int, action: str, reason: str = "") -> int:
    """E-mail the museum's editors that their activity was published or sent back."""
    activity = Activity.objects.select_related("museum").filter(pk=activity_id).first()
    if activity is None:
        return 0
    editors = activity.museum.editors.exclude(email="").values_list("email", flat=True)
    messages = []
    for email in editors:
        with translation.override(museum_language(activity.museum)):
            context = {
                "activity": activity,
                "action": action,
                "reason": reason,
                "site_url": settings.SITE_URL,
            }
            subject = render_to_string("museumday/email/decision_subject.txt", context).strip()
            body = render_to_string("museumday/email/decision_body.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return send_mass_mail(messages, fail_silently=False)


@task()
def remind_to_report(*, museum_id: int, edition_id: int) -> int:
    """E-mail a museum's editors, in the museum's language, that its report is still missing."""
    museum = Museum.objects.filter(pk=museum_id).first()
    edition = Edition.objects.filter(pk=edition_id).first()
    if museum is None or edition is None:
        return 0
    emails = list(museum.editors.exclude(email="").values_list("email", flat=True))
    if not emails:
        return 0
    with translation.override(museum_language(museum)):
        context = {"museum": museum, "edition": edition, "site_url": settings.SITE_URL}
        subject = render_to_string("museumday/email/reminder_subject.txt", context).strip()
        body = render_to_string("museumday/email/reminder_body.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in emails]
    return send_mass_mail(messages, fail_silently=False)


@task()
def store_calendar_events(activity_ids: list[int]) -> int:
    """Serialise the calendar events of these activities in every interface language ahead of
    the feeds that show them (see ical_signals)."""
    return store_events(activity_ids)
