"""Programs named in Japanese, Greek, Arabic and emoji break no page of anyone.

Each role signs in and follows every link it is shown, from the home page and
the programs' own pages, and no page may answer a server error.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.services import engagement_propose
from ithaca.coaching.tests.factories import sign_all
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs import relationships as lifecycle
from ithaca.programs.services import program_create
from ithaca.programs.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "mentoring": ["Καθοδήγηση νέων στελεχών", "🚀🌱", "‼ ‼"],
    "coaching": ["リーダーシップ研修", "برنامج الإرشاد"],
}
MODES = {"mentoring": "one_to_one", "coaching": "executive"}
SKIP = re.compile(
    r"^/(static|admin|api|accounts/logout)|\.(pdf|csv|ics|json|xlsx)(\?|$)|/export|/download"
)
HREF = re.compile(r'href="(/[^"]*)"')
MAX_PAGES = 150


def people_in_programs() -> dict[str, object]:
    manager, staff = UserFactory(), UserFactory(is_staff=True, is_superuser=True)
    roles: dict[str, object] = {"manager": manager, "staff": staff}
    for kind, names in NAMES.items():
        for name in names:
            program = program_create(name=name, kind=kind, mode=MODES[kind], managers=[manager])
            assert program.slug and program.slug.isascii()
            helper_role = "mentor" if kind == "mentoring" else "coach"
            helper = ParticipationFactory(program=program, role=helper_role).user
            seeker = ParticipationFactory(program=program, role="seeker").user
            if kind == "mentoring":
                rel = mentoring_propose(
                    program=program, mentor=helper, mentee=seeker, proposed_by=seeker
                )
                lifecycle.relationship_accept(rel, user=helper)
                roles.setdefault("mentor", helper)
                roles.setdefault("mentee", seeker)
            else:
                sponsor = ParticipationFactory(program=program, role="sponsor").user
                engagement = engagement_propose(
                    program=program, coach=helper, coachee=seeker, sponsor=sponsor,
                    proposed_by=None,
                )  # fmt: skip
                sign_all(engagement)
                roles.setdefault("coach", helper)
                roles.setdefault("coachee", seeker)
                roles.setdefault("sponsor", sponsor)
    return roles


def crawl(client: Client, seeds: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque(seeds)
    while queue and len(seen) < MAX_PAGES:
        url = urldefrag(queue.popleft())[0].replace("&amp;", "&")
        if url in seen or SKIP.search(url):
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(HREF.findall(response.content.decode()))
    return seen


@pytest.mark.parametrize(
    "role", ["mentee", "mentor", "coachee", "coach", "sponsor", "manager", "staff"]
)
def test_every_page_each_role_reaches_loads_with_programs_named_in_any_script(role) -> None:
    people = people_in_programs()
    client = Client(raise_request_exception=False)
    client.force_login(people[role])
    from ithaca.programs.models import Program

    seeds = ["/", "/programs/", "/console/", "/matching/", "/analytics/"]
    for program in Program.objects.all():
        seeds += [f"/programs/{program.slug}/", f"/console/programs/{program.slug}/"]
    pages = crawl(client, seeds)
    broken = {url: status for url, status in pages.items() if status >= 500}
    assert not broken, broken
    assert sum(1 for status in pages.values() if status == 200) >= 5, pages
