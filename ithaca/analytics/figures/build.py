"""Each dashboard figure built from the selectors' plain values. No database.

Every number goes through `suppress` or `rate` (privacy.py) on its way into a
cell, so k-anonymity is applied here and nowhere else. Every word (titles,
explanations, column headers, row labels, notes) is produced here with gettext,
in the language active while the figure is built: the selectors' labels are lazy,
so one gathering of the numbers can be built in several languages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, pgettext, pgettext_lazy

from ithaca.analytics.figures.data import Attainment, Month, Pair, Result, Retention, Waits
from ithaca.analytics.figures.privacy import Cell, K, Measure, derived, rate, suppress
from ithaca.analytics.figures.types import Figure, Row

KIND_LABELS = {"mentoring": gettext_lazy("Mentoring"), "coaching": gettext_lazy("Coaching")}
COLOUR_LABELS = {
    "green": pgettext_lazy("health of a relationship", "Green"),
    "amber": pgettext_lazy("health of a relationship", "Amber"),
    "red": pgettext_lazy("health of a relationship", "Red"),
}
# The coaching health states (selectors/activity.py), as a row says them after "Coaching:".
STATE_LABELS = {
    "on track": pgettext_lazy("health of a coaching engagement", "on track"),
    "stalled": pgettext_lazy("health of a coaching engagement", "stalled"),
}


def _row(group: object, item: object) -> str:
    """A row label made of a group and an item: "Mentoring: declined"."""
    return pgettext("figure row: a group, then an item of it", "%(group)s: %(item)s") % {
        "group": group,
        "item": item,
    }


def _after_colon(label: object) -> str:
    """A label as it reads after a colon: its first letter in lower case ("Declined" ->
    "declined"). Only the first letter, so German nouns further on keep their capital;
    each language's labels are written to start with a word that may be lower-cased."""
    text = str(label)
    return text[:1].lower() + text[1:]


def _count(pair: Pair) -> Cell:
    """A count of things (proposals, meetings) shown only when enough people are behind it."""
    return suppress(Measure(pair[0], pair[1]))


def enrolment(rows: Mapping[str, Pair]) -> Figure:
    return Figure(
        key="enrolment",
        title=gettext("Enrolment and participation by department"),
        explanation=gettext(
            "Enrolled: people who applied or were added to a program as a seeker, mentor or "
            "coach during the period. Taking part: people on either side of a mentoring "
            "relationship or coaching engagement that was running at some point in the "
            "period. Each person counts once per column; departments come from profiles."
        ),
        columns=[gettext("Department"), gettext("Enrolled"), gettext("Taking part")],
        rows=[
            Row(str(label), [suppress(enrolled), suppress(part)])
            for label, (enrolled, part) in rows.items()
        ],
        chart_columns=[0, 1],
    )


def time_to_match(waits: Mapping[str, Waits]) -> Figure:
    rows: list[Row] = []
    for kind, wait in waits.items():
        name = KIND_LABELS[kind]
        median = suppress(Measure(wait.median_days, wait.seekers))
        bands = [(label, suppress(count)) for label, count in wait.buckets]
        seekers = derived(suppress(wait.seekers), [cell for _, cell in bands])
        rows.append(Row(_row(name, gettext("median days")), [median, seekers]))
        rows.extend(Row(_row(name, _after_colon(label)), [cell, cell]) for label, cell in bands)
    return Figure(
        key="time_to_match",
        title=gettext("Time from application to match"),
        explanation=gettext(
            "For each seeker whose first proposal in a program was made during the period: "
            "the days from their application to that program to the proposal. The median is "
            "the middle wait (half waited less, half more)."
        ),
        columns=[gettext("Wait"), gettext("Days or seekers"), gettext("Seekers")],
        rows=rows,
        chart_columns=[],
        notes=[gettext("Rows other than the median count seekers in each band of waiting time.")],
    )


def acceptance(
    outcomes: Mapping[str, Mapping[str, Pair]], labels: Sequence[tuple[str, object]]
) -> Figure:
    rows: list[Row] = []
    for kind, counts in outcomes.items():
        decided_keys = ("accepted", "declined", "withdrawn")
        decided = sum(counts[key][0] for key in decided_keys)
        accepted = counts["accepted"][0]
        cells = {key: _count(counts[key]) for key, _ in labels}
        rows.extend(
            Row(_row(KIND_LABELS[kind], _after_colon(label)), [cells[key]]) for key, label in labels
        )
        # accepted / rate = decided, from which a hidden outcome could be subtracted.
        share = derived(rate(accepted, decided), [cells[key] for key in decided_keys])
        rows.append(Row(_row(KIND_LABELS[kind], gettext("acceptance rate (%)")), [share]))
    return Figure(
        key="acceptance",
        title=gettext("Proposal acceptance rate"),
        explanation=gettext(
            "Proposals (requests, offers, matching rounds and manager proposals) made during "
            "the period, by what became of them. The acceptance rate is accepted proposals "
            "out of those decided (accepted, declined, withdrawn or expired); proposals still "
            "waiting are left out of it."
        ),
        columns=[gettext("Proposals"), gettext("Number")],
        rows=rows,
        notes=[
            gettext("A count is hidden when fewer than %(k)s different seekers are behind it.")
            % {"k": K}
        ],
    )


def health(mentoring: Mapping[str, Pair] | None, coaching: Mapping[str, Pair] | None) -> Figure:
    rows: list[Row] = []
    if mentoring is not None:
        rows += [
            Row(_row(KIND_LABELS["mentoring"], COLOUR_LABELS[c]), [_count(pair)])
            for c, pair in mentoring.items()
        ]
    if coaching is not None:
        rows += [
            Row(_row(KIND_LABELS["coaching"], STATE_LABELS.get(state, state)), [_count(pair)])
            for state, pair in coaching.items()
        ]
    return Figure(
        key="health",
        title=gettext("Active relationships by health"),
        explanation=gettext(
            "Today, whatever the period. Mentoring, from the days since the two people last "
            "met (N is the program's nudge interval, 30 days by default): green under N days, "
            "amber from N to under 2N, red from 2N. Coaching: stalled when more than twice "
            "the agreed cadence has passed since the last held session (or the start)."
        ),
        columns=[gettext("Relationships"), gettext("Active now")],
        rows=rows,
        chart_columns=[0],
    )


def activity(months: Sequence[Month]) -> Figure:
    # Translators: a month in a table row, as Django's date format ("Jan 2026").
    month_format = pgettext("date format of a month in a table", "M Y")
    rows = [
        Row(
            date_format(m.month, month_format),
            [_count((m.meetings, m.meeting_people)), _count((m.sessions, m.session_people))],
        )
        for m in months
    ]
    return Figure(
        key="activity",
        title=gettext("Meetings and sessions per month"),
        explanation=gettext(
            "Mentoring meetings that took place (confirmed and started, or logged) and coaching "
            "sessions held, by the month they started in. A month's number is hidden when "
            "fewer than %(k)s different mentees or coachees met that month."
        )
        % {"k": K},
        columns=[gettext("Month"), gettext("Mentoring meetings"), gettext("Coaching sessions")],
        rows=rows,
        chart_columns=[0, 1],
    )


def attainment(result: Attainment, labels: Sequence[tuple[str, object]]) -> Figure:
    mean = None if result.mean is None else round(float(result.mean) * 100, 1)
    rows = [Row(str(label), [_count(result.buckets[key])]) for key, label in labels]
    mean_row = Row(gettext("Mean attainment (%)"), [suppress(Measure(mean, result.people))], False)
    rows.append(mean_row)  # a percentage: in the table, not on the chart's axis of goals
    return Figure(
        key="attainment",
        title=gettext("Goal attainment (coaching)"),
        explanation=gettext(
            "Coaching goals with a check-in during the period. Attainment is (latest value - "
            "baseline) / (target - baseline) from the period's latest check-in, counted from "
            "0 (no progress, or moving away) to 100% (target reached or passed)."
        ),
        columns=[gettext("Goals"), gettext("Number")],
        rows=rows,
        chart_columns=[0],
        notes=[
            gettext("The mean is the plain average over goals, in percent of the way to target.")
        ],
    )


def surveys(results: Sequence[Result]) -> Figure:
    rows = []
    for result in results:
        mean = suppress(Measure(result.mean, result.people))
        share = (
            rate(result.favourable, result.answers)
            if result.people >= K
            else suppress(result.people)
        )
        rows.append(
            Row(_row(result.source, result.question), [mean, share, suppress(result.people)])
        )
    return Figure(
        key="surveys",
        title=gettext("Survey results"),
        explanation=gettext(
            "Answers given during the period: mentoring closing surveys, coaching close-out "
            "evaluations (with each question's Kirkpatrick level), pulse surveys and the "
            "rating after each meeting or session. Averages are on the 1 to 5 scale; the "
            "share is answers of 4 or 5 (or yes). Only aggregates are ever shown."
        ),
        columns=[
            gettext("Question"),
            gettext("Average (1-5)"),
            gettext("Favourable (%)"),
            gettext("People who answered"),
        ],
        rows=rows,
        chart_columns=[0],
        chart_max=5,
    )


def mix(rows: Mapping[str, tuple[int, int, int]]) -> Figure:
    return Figure(
        key="mix",
        title=gettext("Mentoring and coaching by department"),
        explanation=gettext(
            "People seeking help (mentees and coachees) in a relationship that was running "
            "during the period: in mentoring only, in coaching only, or in both at once or "
            "in turn."
        ),
        columns=[
            gettext("Department"),
            gettext("Mentoring only"),
            gettext("Coaching only"),
            gettext("Both"),
        ],
        rows=[
            Row(str(label), [suppress(m), suppress(c), suppress(b)])
            for label, (m, c, b) in rows.items()
        ],
        chart_columns=[0, 1, 2],
    )


def retention(result: Retention | None) -> Figure:
    explanation = gettext(
        "Of the people employed on the first day of the period, the share who left during "
        "it (leaving dates from the people import). Participants were on either side of a "
        "mentoring relationship or coaching engagement that started before they left (or "
        "by the end of the period); everyone else is compared with them."
    )
    if result is None:
        return Figure(
            key="retention",
            title=gettext("Retention"),
            explanation=explanation,
            columns=[gettext("Group")],
            rows=[],
            empty_text=gettext(
                "No leaving dates imported: import people with a leaving date to see it."
            ),
        )
    rows = [
        Row(gettext("Participants"), [suppress(result.participants),
                                      suppress(result.participants_left),
                                      rate(result.participants_left, result.participants)]),
        Row(gettext("Non-participants"), [suppress(result.others), suppress(result.others_left),
                                          rate(result.others_left, result.others)]),
    ]  # fmt: skip
    return Figure(
        key="retention",
        title=gettext("Retention: leaving rate of participants and non-participants"),
        explanation=explanation,
        columns=[
            gettext("Group"),
            gettext("Employed at the start"),
            gettext("Left during the period"),
            gettext("Leaving rate (%)"),
        ],
        rows=rows,
        chart_columns=[2],
        unit="%",
    )
