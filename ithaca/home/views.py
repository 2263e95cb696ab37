from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ithaca.accounts.http import current_user
from ithaca.home.selectors import home_for


def home(request: HttpRequest) -> HttpResponse:
    """Signed-out visitors see what Ithaca is; people see their role-aware home."""
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")
    return render(request, "home/home.html", {"view": home_for(current_user(request))})
