"""Console pages for the people import (upload, dry run, run, progress) and the exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.accounts.importing.headers import FIELDS, LABELS
from ithaca.accounts.importing.problems import phase_text, shown_problems
from ithaca.accounts.imports import INLINE_ROWS, people_import_start
from ithaca.accounts.models import PeopleImport
from ithaca.console.access import (
    access_console_program,
    access_people_import,
    managed_programs,
    require_importer,
)
from ithaca.console.exports import KINDS, csv_response
from ithaca.console.forms import ImportForm
from ithaca.console.services import import_run
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate


@login_required
def people_import(request: HttpRequest) -> HttpResponse:
    """Upload a file; its dry run follows on the import's own page."""
    user = current_user(request)
    require_importer(user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = people_import_start(created_by=user, filename=upload.name, data=upload.read())
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            return redirect("console:import", pk=record.pk)
    imports = PeopleImport.objects.defer("content", "report").select_related("created_by")
    if not user.is_staff:
        imports = imports.filter(created_by=user)
    context = {
        "form": form,
        "page": paginate(request, imports, per_page=10),
        "fields": [gettext(LABELS[name]) for name in FIELDS],
        "inline_rows": INLINE_ROWS,
    }
    return render(request, "console/import.html", context, status=400 if form.errors else 200)


@login_required
def people_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry-run report, the progress bar while a worker runs, or the result.

    Under htmx only the status block is answered: it polls itself every second
    while the import is busy and stops once it has finished.
    """
    record = access_people_import(current_user(request), pk)
    partial = bool(getattr(request, "htmx", False))
    template = "console/_import_status.html" if partial else "console/import_detail.html"
    report = record.report or {}
    context = {
        "record": record,
        "report": report,
        # Stored as codes and values (or, before them, English): read in the reader's language.
        "problems": shown_problems(report.get("problems") or []),
        "phase": phase_text(record.phase),
    }
    return render(request, template, context)


@login_required
@require_POST
def people_import_run_view(request: HttpRequest, pk: int) -> HttpResponse:
    record = access_people_import(current_user(request), pk)
    try:
        record, rechecked = import_run(people_import=record)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if record.status == PeopleImport.Status.DONE:
            messages.success(request, _("Imported."))
        if rechecked.get("withdrawn") or rechecked.get("flagged"):
            messages.warning(
                request,
                _(
                    "Independence: %(withdrawn)s pending proposal(s) withdrawn and %(flagged)s "
                    "running relationship(s) flagged to their program managers and both people."
                )
                % {"withdrawn": rechecked["withdrawn"], "flagged": rechecked["flagged"]},
            )
    return redirect("console:import", pk=record.pk)


@login_required
def export_csv(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """One CSV over the programs this person manages, or over one of them (?program=)."""
    if kind not in KINDS:
        raise Http404(_("No such export."))
    user = current_user(request)
    programs = managed_programs(user)
    slug = request.GET.get("program")
    if slug:
        programs = programs.filter(pk=access_console_program(user, slug).pk)
    filename = f"{slug or 'ithaca'}-{kind}.csv"
    return csv_response(kind, programs, filename)
