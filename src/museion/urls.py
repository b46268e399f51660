from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import JavaScriptCatalog, set_language

from museion.core import views as core_views
from museion.site.urls import home_patterns, page_patterns

urlpatterns = [
    path("", include(home_patterns)),
    path("news/", include("museion.news.urls")),
    path("pages/", include((page_patterns, "pages"))),
    path("newsletter/", include("museion.newsletter.urls")),
    path("museum-day/", include("museion.museumday.urls")),
    path("museums/", include("museion.network.urls")),
    path("conference/", include("museion.conference.urls")),
    path("red-lists/", include("museion.redlists.urls")),
    path("api/", include("museion.api.urls")),
    path("accounts/login/", core_views.login, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # No CSRF token in the language form: it is on every page, and a token would make every
    # page personal, so no shared cache could hold any. Changing someone's language is harmless.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

handler500 = "museion.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
