from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy

from ithaca.accounts.views import language_switch
from ithaca.core.views import favicon, healthz

urlpatterns = [
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
    path("api/v1/", include("ithaca.api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Django's set_language, which also saves a signed-in person's profile.
    path("i18n/setlang/", language_switch, name="set_language"),
]

admin.site.site_header = gettext_lazy("Ithaca administration")
admin.site.site_title = gettext_lazy("Ithaca admin")

# Unrouted paths under /api/ answer in the API's JSON error shape.
handler404 = "ithaca.core.views.not_found"
handler500 = "ithaca.core.views.server_error"
