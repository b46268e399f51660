"""Organisers' charts: participation and reach of an edition, within what they moderate."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from museion.network.models import Museum
from museion.network.permissions import moderated_museums_q

from .models import Edition
from .reports import edition_report


@login_required
def edition_report_view(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    query = moderated_museums_q(request.user)
    if query is None:
        raise PermissionDenied(_("Only organisers and moderators see the reports."))
    scope = None if request.user.is_staff else Museum.objects.filter(query)
    return render(
        request,
        "museumday/report.html",
        {"edition": edition, "report": edition_report(edition, scope), "scoped": scope is not None},
    )
