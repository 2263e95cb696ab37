"""/scim/v2/: every SCIM request goes to scim2-server through `application`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from ithaca.audit.services import serving
from ithaca.scim.application import application, django_response, scim_request


@csrf_exempt  # a bearer-token API: no cookies, so no cross-site request to forge
def endpoint(request: HttpRequest, path: str = "") -> HttpResponse:
    with serving(request):
        scim = application()
        return django_response(scim.serve(scim_request(request, path)))
