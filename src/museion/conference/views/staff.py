"""Staff screens outside the admin: check-in desk, student proofs, programme clashes."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ..models import Conference, Registration
from ..services.participation import CheckIn, check_in
from ..services.programme import find_clashes

PROOF_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}


@staff_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin_desk(request, slug: str):
    conference = get_object_or_404(Conference, slug=slug)
    context = {"conference": conference, "result": None, "error": None}
    status = 200
    if request.method == "POST":
        code = request.POST.get("code", "")
        try:
            outcome, registration = check_in(staff=request.user, conference=conference, code=code)
            context["result"] = {
                "already": outcome == CheckIn.ALREADY,
                "registration": registration,
            }
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
            status = 400
    return render(request, "conference/checkin.html", context, status=status)


@staff_member_required
@require_safe
def proof_download(request, pk: int):
    registration = get_object_or_404(Registration, pk=pk)
    if not registration.proof:
        raise Http404(_("No proof was uploaded."))
    extension = registration.proof.name.rsplit(".", 1)[-1].lower()
    content_type = PROOF_TYPES.get("jpg" if extension == "jpeg" else extension)
    if content_type is None:
        raise Http404(_("No proof was uploaded."))
    response = FileResponse(registration.proof.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="proof-{registration.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_member_required
@require_safe
def clashes(request, slug: str):
    conference = get_object_or_404(Conference, slug=slug)
    return render(
        request,
        "conference/clashes.html",
        {"conference": conference, "clashes": find_clashes(conference)},
    )
