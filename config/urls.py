from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy

from ithaca.accounts.views import language_switch
from ithaca.core.views import favicon, healthz

urlpatterns = [
    # The API and the health check first: Django tries the patterns in order, and
    # every API call used to walk all the pages' patterns (the two "" includes
    # each in full) before reaching its own, about 30 µs a call. No pattern of the
    # pages matches a path under api/v1/ or "healthz", so the order changes no answer
    # (ithaca/core/tests/test_url_order.py holds that).
    path("api/v1/", include("ithaca.api.urls")),
    path("healthz", healthz, name="healthz"),
    # Pages that name no icon (the admin's, a browser's first guess) still get ours.
    path("favicon.ico", favicon),
    path("", include("ithaca.home.urls")),
    path("", include("ithaca.people.urls")),
    path("programs/", include("ithaca.programs.urls")),
    path("intake/", include("ithaca.intake.urls")),
    path("console/", include("ithaca.console.urls")),
    path("mentoring/", include("ithaca.mentoring.urls")),
    path("coaching/", include("ithaca.coaching.urls")),
    path("matching/", include("ithaca.matching.urls")),
    path("audit/", include("ithaca.audit.urls")),
    path("notifications/", include("ithaca.notifications.urls")),
    path("messages/", include("ithaca.messaging.urls")),
    path("privacy/", include("ithaca.privacy.urls")),
    path("analytics/", include("ithaca.analytics.urls")),
    path("guide/", include("ithaca.analytics.guide_urls")),
    path("accounts/tokens/", include("ithaca.accounts.urls")),
    path("accounts/", include("ithaca.sso.urls")),
    path("accounts/", include("allauth.urls")),
    path("scim/", include("ithaca.scim.urls")),
    path("admin/", admin.site.urls),
    # Django's set_language, which also saves a signed-in person's profile.
    path("i18n/setlang/", language_switch, name="set_language"),
]

admin.site.site_header = gettext_lazy("Ithaca administration")
admin.site.site_title = gettext_lazy("Ithaca admin")

# Unrouted paths under /api/ answer in the API's JSON error shape.
handler404 = "ithaca.core.views.not_found"
handler500 = "ithaca.core.views.server_error"
