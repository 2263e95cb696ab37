from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django_htmx.middleware import HtmxMiddleware

from ithaca.core.htmx import is_htmx, swaps


def _through_middleware(**headers: str) -> HttpRequest:
    request = RequestFactory().post("/", headers=headers)
    HtmxMiddleware(lambda r: HttpResponse())(request)
    return request


def test_an_htmx_swap_of_the_named_element() -> None:
    request = _through_middleware(HX_Request="true", HX_Target="workspace")
    assert is_htmx(request)
    assert swaps(request, "workspace")
    assert not swaps(request, "card-7")


def test_an_htmx_request_without_a_target_swaps_nothing() -> None:
    request = _through_middleware(HX_Request="true")
    assert is_htmx(request)
    assert not swaps(request, "workspace")


def test_the_target_header_alone_is_not_an_htmx_swap() -> None:
    request = _through_middleware(HX_Target="workspace")
    assert not is_htmx(request)
    assert not swaps(request, "workspace")


def test_a_request_that_never_met_the_middleware_is_plain() -> None:
    assert not is_htmx(RequestFactory().get("/"))
