"""manage.py resume_campaigns: go on with campaigns whose worker died (run it from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.newsletter.models import Campaign, CampaignStatus
from museion.newsletter.sending import resume_campaign


class Command(BaseCommand):
    help = (
        "Resume campaigns marked as sending whose deliveries have not moved for a while "
        "(the worker crashed or was restarted). The message in flight is not sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stalled-minutes", type=int, default=10)

    def handle(self, *args, stalled_minutes: int, **options):
        limit = timezone.now() - timedelta(minutes=stalled_minutes)
        stalled = (
            Campaign.objects.filter(status=CampaignStatus.SENDING, started_at__lt=limit)
            .annotate(last_move=Max("deliveries__updated_at"))
            .exclude(last_move__gte=limit)
        )
        count = 0
        for campaign in stalled:
            resume_campaign(campaign=campaign)
            count += 1
            self.stdout.write(_("resumed: %(campaign)s") % {"campaign": campaign})
        self.stdout.write(_("%(count)d stalled campaign(s) resumed.") % {"count": count})
