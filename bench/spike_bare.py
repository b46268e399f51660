"""A bare Django view that answers each URL with bytes read once at start: the framework's own
cost per request, the yardstick of bench/spike.py. No middleware, no template, no database.

    SPIKE_MANIFEST=manifest.json gunicorn spike_bare:application

The manifest maps each request URI (path and query string) to [content type, file].
"""

import json
import os
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="bare-view-of-the-spike-bench-only-" + "x" * 20,  # noqa: S106 - serves files only
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import Http404, HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

BODIES = {
    uri: (content_type, Path(path).read_bytes())
    for uri, (content_type, path) in json.loads(
        Path(os.environ["SPIKE_MANIFEST"]).read_text()
    ).items()
}


def serve(request):
    found = BODIES.get(request.get_full_path())
    if found is None:
        raise Http404
    return HttpResponse(found[1], content_type=found[0])


urlpatterns = [re_path(r"", serve)]
application = get_wsgi_application()
