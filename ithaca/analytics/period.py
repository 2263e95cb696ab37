"""The date range a dashboard or report covers, and reading it from a request.

A period is two dates, both included. Bad input never raises past the form:
the page says what is wrong and shows the default period (the last 12 months).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

MAX_DAYS = 366 * 5


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def start_at(self) -> dt.datetime:
        """The first moment of the period, in the site's time zone."""
        return _midnight(self.start)

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period (exclusive bound)."""
        return _midnight(self.end + dt.timedelta(days=1))

    @property
    def label(self) -> str:
        """ "01 Jan 2026 to 31 Mar 2026", in the active language."""
        # Translators: Django's date format for the two ends of a period ("01 Jan 2026").
        day = pgettext("date format of the ends of a period", "d M Y")
        return gettext("%(start)s to %(end)s") % {
            "start": date_format(self.start, day),
            "end": date_format(self.end, day),
        }

    def as_query(self) -> str:
        return f"from={self.start.isoformat()}&to={self.end.isoformat()}"


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def default_period(today: dt.date | None = None) -> Period:
    """The last 12 months, ending today."""
    today = today or timezone.localdate()
    try:
        start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28) + dt.timedelta(days=1)
    return Period(start=start, end=today)


class PeriodForm(forms.Form):
    """`from` and `to` as YYYY-MM-DD; either may be left out (the default fills it)."""

    start = forms.DateField(required=False, label=_("From"), input_formats=["%Y-%m-%d"])
    end = forms.DateField(required=False, label=_("To"), input_formats=["%Y-%m-%d"])

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        default = default_period()
        start, end = data.get("start") or default.start, data.get("end") or default.end
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        if start > end:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        if (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most five years."))
        data["period"] = Period(start=start, end=end)
        return data


def parse_period(params: dict[str, str] | object) -> tuple[Period, PeriodForm]:
    """The period asked for in `from`/`to`, or the default with the form's errors."""
    get = getattr(params, "get", None)
    raw = {"start": get("from", "") if get else "", "end": get("to", "") if get else ""}
    form = PeriodForm(data=raw)
    if form.is_valid():
        return form.cleaned_data["period"], form
    return default_period(), form
