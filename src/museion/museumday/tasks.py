"""Background work of Museum Day: telling editors what moderators decided."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Activity


@task()
def notify_editors(activity_id: int, action: str, reason: str = "") -> int:
    """E-mail the museum's editors that their activity was published or sent back."""
    activity = Activity.objects.select_related("museum").filter(pk=activity_id).first()
    if activity is None:
        return 0
    editors = activity.museum.editors.exclude(email="").values_list("email", flat=True)
    messages = []
    for email in editors:
        # The museum's first working language, if the interface speaks it.
        language = next(
            (lang for lang in activity.museum.languages if lang in dict(settings.LANGUAGES)),
            settings.LANGUAGE_CODE,
        )
        with translation.override(language):
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
