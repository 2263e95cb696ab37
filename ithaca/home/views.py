from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ithaca.accounts.http import current_user
from ithaca.home.selectors import home_for
from ithaca.people.selectors import completeness_of


def home(request: HttpRequest) -> HttpResponse:
    """Signed-out visitors see what Ithaca is; people see their role-aware home."""
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")
    user = current_user(request)
    context = {"view": home_for(user), "completeness": completeness_of(user)}
    return render(request, "home/home.html", context)
