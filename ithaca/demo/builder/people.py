"""The staff of Northwind Health: names, posts, grades and what they know.

The pinned demo accounts come first, then one head per department, then
everyone else spread over the departments by size. Line managers, assessors
and careers are added by `hierarchy` and `careers` once everyone exists.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from ithaca.demo.builder import departments as depts
from ithaca.demo.builder.careers import add_career, write_bio
from ithaca.demo.builder.logins import PINNED
from ithaca.demo.builder.records import PersonRow
from ithaca.demo.builder.vocabulary import (
    COMMON_EXPERTISE,
    EMAIL_DOMAIN,
    EXTRA_LANGUAGES,
    FAMILY_EXPERTISE,
    FIRST_NAMES,
    IDENTITIES,
    INTERESTS,
    LAST_NAMES,
    SITES,
)

# Share of staff at each grade below department heads: a pyramid, capped at 8
# so that 9 and 10 stay with the directors and the chief executive.
GRADE_WEIGHTS = (14, 18, 18, 15, 12, 10, 8, 5)
# Years of experience a person of each grade typically has.
YEARS_BY_GRADE = {
    1: (0, 2), 2: (1, 4), 3: (3, 7), 4: (5, 10), 5: (7, 14),
    6: (9, 18), 7: (12, 22), 8: (15, 26), 9: (18, 30), 10: (22, 35),
}  # fmt: skip
PLATFORM_LAUNCH_DAYS = 620  # accounts were imported this many days before the anchor
PINNED_TENURE_DAYS = 1000


@dataclass(frozen=True, slots=True)
class Post:
    """Where a person sits before they get a name: department, grade, title."""

    department: str
    grade: int
    title: str
    is_head: bool = False


class EmailBook:
    """Hands out firstname.lastname addresses, numbering repeats from 2."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def address(self, first: str, last: str) -> str:
        local = f"{_ascii(first)}.{_ascii(last)}"
        self.seen[local] += 1
        count = self.seen[local]
        return f"{local}{count if count > 1 else ''}@{EMAIL_DOMAIN}"


def _ascii(name: str) -> str:
    # Mailbox names stay plain ASCII: "Wójcik" becomes "wojcik", "O'Brien" "obrien".
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed.lower() if "a" <= c <= "z")


def staff_posts(rng: random.Random, count: int) -> list[Post]:
    """Posts for `count` employees: pinned people, department heads, then the rest."""
    posts = [Post(p.department, p.grade, p.job_title) for p in PINNED]
    for spec in depts.DEPARTMENTS:
        grade = depts.head_grade(spec)
        posts.append(Post(spec.key, grade, depts.title_choices(spec.key, grade)[0], True))
    keys = [spec.key for spec in depts.DEPARTMENTS]
    weights = [spec.weight for spec in depts.DEPARTMENTS]
    for key in rng.choices(keys, weights, k=max(count - len(posts), 0)):
        cap = min(depts.head_grade(depts.BY_KEY[key]) - 1, len(GRADE_WEIGHTS))
        # Drawn below the head's grade, so small specialties keep a pyramid too.
        grade = rng.choices(range(1, cap + 1), GRADE_WEIGHTS[:cap])[0]
        posts.append(Post(key, grade, rng.choice(depts.title_choices(key, grade))))
    return posts


def build_staff(
    rng: random.Random, count: int, anchor: datetime, emails: EmailBook
) -> list[PersonRow]:
    """Every employee with a profile, a career and a bio, but no managers yet."""
    people = []
    for position, post in enumerate(staff_posts(rng, count)):
        if position < len(PINNED):
            pinned = PINNED[position]
            first, last, email = pinned.first_name, pinned.last_name, pinned.email
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = emails.address(first, last)
        pinned_tenure = PINNED_TENURE_DAYS if position < len(PINNED) else 30
        person = _employee(rng, post, (first, last, email), anchor, pinned_tenure)
        person.is_staff = person.is_superuser = position < len(PINNED) and PINNED[position].staff
        people.append(person)
    return people


def _employee(
    rng: random.Random,
    post: Post,
    name: tuple[str, str, str],
    anchor: datetime,
    min_tenure: int,
) -> PersonRow:
    first, last, email = name
    family = depts.BY_KEY[post.department].family
    low, high = YEARS_BY_GRADE[post.grade]
    location, time_zone, languages = site(rng)
    launch = anchor - timedelta(days=PLATFORM_LAUNCH_DAYS)
    person = PersonRow(
        email=email,
        first_name=first,
        last_name=last,
        job_title=post.title,
        department=depts.slug_of(post.department),
        grade=post.grade,
        years_experience=rng.randint(low, high),
        joined_at=launch,
        location=location,
        time_zone=time_zone,
        languages=languages,
        expertise=_expertise(rng, family, post.grade),
        interests=rng.sample(INTERESTS, rng.randint(1, 3)),
        disclosed_identities=_identities(rng),
    )
    add_career(rng, person, family, anchor, min_tenure)
    # Accounts were imported at launch; later starters got theirs on day one.
    started = datetime.combine(person.started_on or launch.date(), launch.timetz())
    person.joined_at = max(launch, started) + timedelta(minutes=rng.randint(480, 1080))
    person.bio = write_bio(rng, person, depts.BY_KEY[post.department].name, family)
    return person


def site(rng: random.Random) -> tuple[str, str, list[str]]:
    location, time_zone, _, local = rng.choices(SITES, [site[2] for site in SITES])[0]
    languages = [local, "en"] if local else ["en"]
    if rng.random() < 0.2:
        extra = rng.choice(EXTRA_LANGUAGES)
        if extra not in languages:
            languages.append(extra)
    return location, time_zone, languages


def _expertise(rng: random.Random, family: str, grade: int) -> list[str]:
    tags = rng.sample(FAMILY_EXPERTISE[family], rng.randint(1, 3))
    # Senior people collect organization-wide skills on top of their specialty.
    common = rng.sample(COMMON_EXPERTISE, 2 if grade >= 6 else rng.randint(0, 1))
    return tags + [tag for tag in common if tag not in tags]


def _identities(rng: random.Random) -> list[str]:
    if rng.random() >= 0.18:
        return []
    return rng.sample(IDENTITIES, rng.choice((1, 1, 2)))
