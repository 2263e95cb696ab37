"""/scim/v2/: every SCIM request goes to scim2-server through `application`.

scim2-server and scim2-models take about half a second to import (their pydantic
models are built at import). Only identity providers call this endpoint, so the
application is imported by the first SCIM request, not by every process that loads
the URL configuration.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from ithaca.audit.services import serving


@csrf_exempt  # a bearer-token API: no cookies, so no cross-site request to forge
def endpoint(request: HttpRequest, path: str = "") -> HttpResponse:
    from ithaca.scim.application import application, django_response, scim_request

    with serving(request):
        scim = application()
        return django_response(scim.serve(scim_request(request, path)))
