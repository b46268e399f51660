"""Look-up by photo: the page for people and ``POST /api/v1/redlists/lookup`` for programs.

Both read the multipart field ``image``, share one rate limit per client address and never
store the photo. A file larger than the byte limit is not even read to the end: the upload
handler stops storing it, and the answer says how large it may be.
"""

from __future__ import annotations

import base64

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from museion.core.api import json_error

from .imaging import Picture, max_upload_bytes
from .imaging import render as render_jpeg
from .lookup import LookupMatch, look_up_photo, open_photo

RATE_GROUP = "redlists:lookup"
PREVIEW_BOX = (360, 360)
MULTIPART_OVERHEAD = 64 * 1024  # the form's other fields and boundaries


def lookup_rate(group, request) -> str:
    return settings.REDLISTS_LOOKUP_RATE


class LimitedUploadHandler(FileUploadHandler):
    """Stops keeping an uploaded file once it passes the byte limit (the rest is discarded)."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = max_upload_bytes()
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def _too_large_message() -> str:
    return _("The file is too large; the limit is %(limit)s.") % {
        "limit": filesizeformat(max_upload_bytes())
    }


def _limit_upload(request) -> str | None:
    """Install the size guard before the body is parsed; a message when it is over already."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > max_upload_bytes() + MULTIPART_OVERHEAD:
        return _too_large_message()
    handler = LimitedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    request.lookup_upload_handler = handler
    return None


class LookupForm(forms.Form):
    image = forms.FileField(
        label=gettext_lazy("Photo of the object"),
        help_text=gettext_lazy(
            "JPEG, PNG or WebP. The photo is compared with the pictures of the Red Lists, "
            "then forgotten: it is not kept."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def __init__(self, *args, upload_refused: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_refused = upload_refused
        self.picture: Picture | None = None

    def clean_image(self):
        upload = self.cleaned_data["image"]
        self.picture = open_photo(upload)
        return upload

    def full_clean(self):
        super().full_clean()
        if self.upload_refused:
            self.errors.pop("image", None)
            self.add_error("image", self.upload_refused)


def _refusal(request, precheck: str | None) -> str | None:
    if precheck:
        return precheck
    handler = getattr(request, "lookup_upload_handler", None)
    request.FILES  # noqa: B018  (parses the body: the handler knows whether it was too large)
    if handler is not None and handler.exceeded:
        return _too_large_message()
    return None


def _include_reports(request) -> bool:
    return request.user.is_active and request.user.is_staff


@csrf_exempt  # the size guard must be in place before the CSRF check reads the body
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lookup_page(request):
    precheck = _limit_upload(request) if request.method == "POST" else None
    return _lookup_page(request, precheck)


@csrf_protect
@ratelimit(key="ip", rate=lookup_rate, method="POST", group=RATE_GROUP, block=True)
def _lookup_page(request, precheck):
    context = {"form": LookupForm(), "matches": None}
    if request.method == "POST":
        form = LookupForm(request.POST, request.FILES, upload_refused=_refusal(request, precheck))
        context["form"] = form
        if form.is_valid():
            context["matches"] = look_up_photo(
                picture=form.picture,
                include_reports=_include_reports(request),
                language=get_language(),
            )
            context["photo_preview"] = _preview(form.picture)
    status = 400 if context["form"].errors else 200
    return render(request, "redlists/lookup.html", context, status=status)


def _preview(picture: Picture) -> str:
    """The uploaded photo, small, inline (data: URI): shown beside the matches, never stored."""
    encoded = base64.b64encode(render_jpeg(picture.image, PREVIEW_BOX)).decode("ascii")
    return f"data:image/jpeg;base64,{encoded}"


@csrf_exempt  # a public read-only API: no session state changes; clients send no token
@require_POST
def lookup_api(request):
    precheck = _limit_upload(request)
    return _lookup_api(request, precheck)


@ratelimit(key="ip", rate=lookup_rate, method="POST", group=RATE_GROUP, block=True)
def _lookup_api(request, precheck):
    refused = _refusal(request, precheck)
    if refused:
        return json_error(refused, 413)
    upload = request.FILES.get("image")
    if upload is None:
        return json_error("send the photo as the multipart form field 'image'")
    try:
        picture = open_photo(upload)
    except ValidationError as error:
        status = 413 if error.code == "too_large" else 400
        return json_error(" ".join(error.messages), status)
    matches = look_up_photo(
        picture=picture, include_reports=_include_reports(request), language=get_language()
    )
    return JsonResponse(
        {"count": len(matches), "matches": [match_json(match, request) for match in matches]}
    )


def match_json(match: LookupMatch, request) -> dict:
    """One match for the API: kind, score (0–1), what it is, and the pictures' addresses."""
    absolute = request.build_absolute_uri
    answer = {
        "kind": match.kind,
        "score": match.score,
        "hash_distance": match.distance,
        "matching_keypoints": match.keypoints,
    }
    if match.kind == "type":
        object_type, image = match.object_type, match.image
        category = object_type.category
        answer["type"] = {
            "id": object_type.pk,
            "title": object_type.title,
            "url": absolute(object_type.get_absolute_url()),
            "category": {"number": category.position, "title": category.title},
            "red_list": {
                "slug": category.red_list.slug,
                "title": category.red_list.title,
                "url": absolute(category.red_list.get_absolute_url()),
            },
        }
        answer["image"] = {
            "id": image.pk,
            "alt": image.alt_text,
            "caption": image.caption,
            "thumbnail": absolute(image.thumbnail.url) if image.thumbnail else None,
            "large": absolute(image.large.url) if image.large else None,
        }
    else:
        photo = match.photo
        answer["report"] = {
            "id": photo.report_id,
            "url": absolute(reverse("redlists:triage_detail", args=[photo.report_id])),
        }
        answer["image"] = {
            "id": photo.pk,
            "url": absolute(reverse("redlists:report_photo", args=[photo.pk])),
        }
    return answer
