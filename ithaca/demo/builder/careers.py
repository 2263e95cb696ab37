"""Career histories and bios: the paths a person has walked, in their own words.

A person's years of experience decide when their career began; the years
before they joined Northwind Health are filled with earlier employers, and
long-serving staff may have been promoted inside the organization.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from ithaca.demo.builder import departments as depts
from ithaca.demo.builder.records import CareerRow, PersonRow
from ithaca.demo.builder.vocabulary import ORGANIZATION, OTHER_EMPLOYERS, TRAINEE_GOALS

YEAR = 365


def add_career(
    rng: random.Random, person: PersonRow, family: str, anchor: datetime, min_tenure: int = 30
) -> None:
    """Set `started_on` and a 1-4 role history ending in the current post.

    `min_tenure` (days) keeps the pinned demo accounts from being new starters,
    whose short time in the programs would not fit their stories.
    """
    today = anchor.date()
    career_start = today - timedelta(days=person.years_experience * YEAR + rng.randint(30, 200))
    tenure = rng.randint(min_tenure, max(min_tenure, min(person.years_experience, 20) * YEAR))
    started_on = today - timedelta(days=tenure)
    if (started_on - career_start).days < 60:
        # Too short a gap for an earlier job: they started their career here.
        started_on, tenure = career_start, (today - career_start).days
    person.started_on = started_on
    promoted = tenure > 3 * YEAR and person.grade > 1 and rng.random() < 0.5
    earlier = _earlier_employers(rng, person, family, career_start, started_on, promoted)
    current_start = started_on
    if promoted:
        current_start = started_on + timedelta(days=int(tenure * rng.uniform(0.3, 0.7)))
        earlier.append(
            CareerRow(
                _title_at(rng, person, 1), ORGANIZATION, started_on, current_start - timedelta(1)
            )
        )
    person.career = [*earlier, CareerRow(person.job_title, ORGANIZATION, current_start, None)]


def _earlier_employers(
    rng: random.Random,
    person: PersonRow,
    family: str,
    career_start: date,
    started_on: date,
    promoted: bool,
) -> list[CareerRow]:
    span = (started_on - career_start).days
    if span < 60:
        return []
    most = 1 + (span > 1500) + (span > 3500 and not promoted)
    count = rng.randint(1, most)
    cuts = sorted(rng.sample(range(1, span), count - 1)) if count > 1 else []
    bounds = [0, *cuts, span]
    rows = []
    for number in range(count):
        begins = career_start + timedelta(days=bounds[number])
        ends = career_start + timedelta(days=bounds[number + 1])
        # A short gap between jobs: notice periods, travel, exams.
        ends = max(begins, ends - timedelta(days=rng.randint(1, 45)))
        steps_back = count - number + (1 if promoted else 0)
        role = _title_at(rng, person, steps_back)
        rows.append(CareerRow(role, rng.choice(_employers(family)), begins, ends))
    return rows


def _title_at(rng: random.Random, person: PersonRow, steps_back: int) -> str:
    """A title on the same track, from earlier in the career: a grade or two lower per step."""
    key = (person.department or depts.slug_of("executive")).removeprefix(depts.SLUG_PREFIX)
    track = depts.track_of(key, person.grade, person.job_title)
    grade = max(1, person.grade - steps_back - rng.randint(0, 1))
    choices = depts.title_choices(key, min(grade, 8))
    return choices[min(track, len(choices) - 1)]


def _employers(family: str) -> tuple[str, ...]:
    if family in depts.CLINICAL_FAMILIES:
        return OTHER_EMPLOYERS["clinical"]
    if family == "education":
        return OTHER_EMPLOYERS["education"] + OTHER_EMPLOYERS["clinical"]
    return OTHER_EMPLOYERS["corporate"] + OTHER_EMPLOYERS["clinical"]


def write_bio(rng: random.Random, person: PersonRow, department: str, family: str) -> str:
    """Three short sentences: the post, what they work on, life outside work.

    Disclosed identities stay out of the bio: they are shared for diversity
    mentoring only, not shown to everyone.
    """
    title = person.job_title
    # "Clinical Lead, Cardiology" already says where; "Staff Nurse" does not.
    post = title if department in title else f"{title} in {department}"
    since = person.started_on.year if person.started_on else None
    years = _years_text(person.years_experience).capitalize()
    intro = rng.choice(
        (
            f"{post} since {since}.",
            f"I'm {_article(title)} {post} at {ORGANIZATION}.",
            f"{years}; now {_article(title)} {post}.",
        )
    )
    outro = rng.choice(("Outside work", "Off duty", "Weekends")) + f": {_listed(person.interests)}."
    return f"{intro} {_middle(rng, person, family)} {outro}"


def _middle(rng: random.Random, person: PersonRow, family: str) -> str:
    tags = person.expertise or ["my specialty"]
    if person.grade <= 3:
        return f"Working towards {TRAINEE_GOALS[family]}."
    if person.grade <= 5:
        return rng.choice(
            (f"Keen to get better at {tags[-1]}.", f"Most of my time goes on {_listed(tags[:2])}.")
        )
    return rng.choice(
        (
            f"Happy to talk about {_listed(tags[:2])} and the step into leadership.",
            f"I've spent years on {tags[0]}; ask me about it.",
        )
    )


def _years_text(years: int) -> str:
    if years == 0:
        return "new to the profession"
    return "one year in" if years == 1 else f"{years} years in"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" and {items[-1]}"
