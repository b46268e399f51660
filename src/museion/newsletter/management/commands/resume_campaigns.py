"""manage.py resume_campaigns: go on with campaigns whose worker died (run it from cron)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from museion.newsletter import lease
from museion.newsletter.models import Campaign, CampaignStatus
from museion.newsletter.sending import resume_campaign


class Command(BaseCommand):
    help = (
        "Resume campaigns marked as sending whose sending chain has stopped beating for a lease "
        "period (NEWSLETTER_LEASE_SECONDS; the worker crashed or was killed). The messages it "
        "had in flight are recorded as unknown and not sent again. The database worker's own "
        "watchdog does the same; this is the safety net."
    )

    def handle(self, *args, **options):
        count = 0
        for campaign in Campaign.objects.filter(status=CampaignStatus.SENDING):
            if not lease.stale(campaign):
                continue
            resume_campaign(campaign=campaign)
            count += 1
            self.stdout.write(_("resumed: %(campaign)s") % {"campaign": campaign})
        self.stdout.write(_("%(count)d stalled campaign(s) resumed.") % {"count": count})
