"""Who may see which dashboard, report, survey and rating.

- The organization dashboard and organization reports: staff only.
- A program's dashboard, its reports and its survey settings: that program's
  managers and staff. A program someone cannot see is a 404; one they can see
  but do not manage is a 403 (programs.access.access_managed_program).
- Anyone else gets 403 from /analytics/: mentors, coaches, seekers and sponsors
  never see a dashboard.
- A survey invitation or a meeting rating: only the person it belongs to (404
  for everyone else, managers and staff included). Managers see answers only
  as aggregates of at least five people.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.analytics.models import MeetingRating, Report, SurveyInvitation
from ithaca.core.errors import PermissionDenied
from ithaca.programs.access import access_managed_program
from ithaca.programs.models import Program


def dashboard_programs(user: User) -> QuerySet[Program]:
    """Programs whose dashboards this person may open; 403 when there are none."""
    programs = Program.objects.all() if user.is_staff else Program.objects.filter(managers=user)
    if not user.is_staff and not programs.exists():
        raise PermissionDenied(_("Dashboards are for program managers and staff."))
    return programs.order_by("name")


def require_org_dashboard(user: User) -> None:
    if not user.is_staff:
        raise PermissionDenied(_("The organization's dashboard is for staff."))


def access_program_dashboard(user: User, slug: str) -> Program:
    return access_managed_program(user, slug)


def reports_for(user: User) -> QuerySet[Report]:
    """Reports this person may see: staff every one, a manager their programs' ones."""
    reports = Report.objects.select_related("program", "created_by")
    if user.is_staff:
        return reports
    return reports.filter(program__managers=user)


def access_report(user: User, pk: int) -> Report:
    report = reports_for(user).filter(pk=pk).first()
    if report is None:
        raise Http404(_("No such report."))
    return report


def access_invitation(user: User, pk: int) -> SurveyInvitation:
    invitation = (
        SurveyInvitation.objects.select_related("program").filter(pk=pk, person=user).first()
    )
    if invitation is None:
        raise Http404(_("No such survey."))
    return invitation


def access_rating(user: User, pk: int) -> MeetingRating:
    rating = MeetingRating.objects.select_related("program").filter(pk=pk, person=user).first()
    if rating is None:
        raise Http404(_("No such meeting to rate."))
    return rating
