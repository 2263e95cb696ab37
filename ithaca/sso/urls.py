"""SAML URLs that Ithaca serves itself; allauth serves the others under /accounts/saml/."""

from django.urls import re_path

from ithaca.sso import views

urlpatterns = [
    # Same path and name as allauth's, listed before allauth.urls so this one answers.
    re_path(
        r"^saml/(?P<organization_slug>[^/]+)/acs/finish/$",
        views.finish_acs,
        name="saml_finish_acs",
    ),
]
