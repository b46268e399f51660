"""Report an object: the public form, the reporter's private status page, staff triage."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from .forms import ReportForm, TriageForm
from .models import Report, ReportPhoto, ReportStatus
from .reports import submit_report, triage_report
from .views import parse_page

REPORT_RATE = "5/h"
TRIAGE_PAGE_SIZE = 50


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=REPORT_RATE, method="POST", block=False)
def report_form(request):
    if request.method in ("GET", "HEAD"):
        initial = {"object_type": request.GET.get("type")} if request.GET.get("type") else {}
        form = ReportForm(initial=initial)
        return render(request, "redlists/report_form.html", {"form": form})
    if getattr(request, "limited", False):
        return render(
            request,
            "redlists/report_form.html",
            {
                "form": ReportForm(request.POST),
                "limited": _("Too many reports from your connection. Please try again in an hour."),
            },
            status=429,
        )
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "redlists/report_form.html", {"form": form}, status=400)
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("photos", "confirm")}
    report = submit_report(
        data=data, photos=form.cleaned_data["photos"], language=get_language() or "en"
    )
    messages.success(
        request,
        _("Thank you: your report was received. Keep this page's address to follow it."),
    )
    return redirect(report.get_status_url())


@require_safe
def report_status(request, token: str):
    report = Report.objects.filter(token=token).first()
    if report is None:
        raise Http404
    response = render(request, "redlists/report_status.html", {"report": report})
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@staff_member_required
@require_safe
def triage_list(request):
    status = request.GET.get("status") or ""
    reports = Report.objects.annotate(photo_count=Count("photos"))
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    try:
        page = Paginator(reports.order_by("-created_at", "-id"), TRIAGE_PAGE_SIZE).page(
            parse_page(request.GET.get("page"))
        )
    except (ValueError, EmptyPage):
        raise Http404 from None
    context = {
        "page": page,
        "status": status,
        "statuses": ReportStatus.choices,
        "query": f"status={status}" if status else "",
    }
    return render(request, "redlists/triage_list.html", context)


@staff_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def triage_detail(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("object_type"), pk=pk)
    form = TriageForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        triage_report(
            report=report,
            user=request.user,
            status=form.cleaned_data["status"],
            staff_notes=form.cleaned_data["staff_notes"],
            object_type=form.cleaned_data.get("object_type"),
        )
        messages.success(request, _("The report was updated."))
        return redirect("redlists:triage_detail", pk=report.pk)
    context = {"report": report, "form": form, "photos": list(report.photos.all())}
    return render(
        request, "redlists/triage_detail.html", context, status=400 if form.errors else 200
    )


@staff_member_required
@require_safe
def report_photo(request, pk: int):
    photo = get_object_or_404(ReportPhoto, pk=pk)
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle)
    response["Cache-Control"] = "private, no-store"
    return response
