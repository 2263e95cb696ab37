"""Who manages and who assesses whom, and the independence rule that follows.

Every employee but the chief executive reports to someone of a higher grade
in their own department; department heads report to the head of the
department above, and directors to the chief executive. Trainees in clinical
departments are assessed by senior colleagues and clinical educators: the
people a mentor must never be.
"""

from __future__ import annotations

import random
from collections import defaultdict

from ithaca.demo.builder import departments as depts
from ithaca.demo.builder.records import PersonRow

TRAINEE_GRADES = range(1, 4)
SUPERVISOR_GRADES = range(5, 9)


def _by_department(people: list[PersonRow]) -> dict[str, list[int]]:
    members: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        if person.department is not None:
            members[person.department].append(index)
    return members


def _heads(people: list[PersonRow], members: dict[str, list[int]]) -> dict[str, int]:
    # The head is the one person holding the department's top grade.
    return {
        slug: max(indices, key=lambda i: (people[i].grade, -i)) for slug, indices in members.items()
    }


def assign_line_managers(rng: random.Random, people: list[PersonRow]) -> None:
    """Give every employee but the chief executive a higher-grade line manager."""
    members = _by_department(people)
    heads = _heads(people, members)
    for slug, indices in members.items():
        head = heads[slug]
        parent = depts.BY_KEY[slug.removeprefix(depts.SLUG_PREFIX)].parent
        people[head].line_manager = heads.get(depts.slug_of(parent)) if parent else None
        by_grade: dict[int, list[int]] = defaultdict(list)
        for index in indices:
            if index != head:
                by_grade[people[index].grade].append(index)
        for index in indices:
            if index != head:
                people[index].line_manager = _manager_for(rng, people[index].grade, by_grade, head)


def _manager_for(rng: random.Random, grade: int, by_grade: dict[int, list[int]], head: int) -> int:
    # Prefer someone one or two grades up, as in a real reporting line; the
    # head is the fallback, so spans stay plausible in small departments.
    for span in ((grade + 1, grade + 2), tuple(range(grade + 1, 11))):
        pool = [by_grade.get(g, []) for g in span]
        total = sum(len(group) for group in pool)
        if total:
            pick = rng.randrange(total)
            for group in pool:
                if pick < len(group):
                    return group[pick]
                pick -= len(group)
    return head


def assign_assessors(rng: random.Random, people: list[PersonRow]) -> None:
    """Trainees in clinical departments get a supervisor and often an educator."""
    members = _by_department(people)
    educators = [
        i for i in members.get(depts.slug_of("medical-education"), []) if people[i].grade >= 4
    ]
    for slug, indices in members.items():
        family = depts.BY_KEY[slug.removeprefix(depts.SLUG_PREFIX)].family
        if family not in depts.CLINICAL_FAMILIES:
            continue
        supervisors = [i for i in indices if people[i].grade in SUPERVISOR_GRADES]
        for index in indices:
            if people[index].grade in TRAINEE_GRADES and supervisors:
                chosen = [rng.choice(supervisors)]
                if educators and rng.random() < 0.5:
                    chosen.append(rng.choice(educators))
                people[index].assessors = sorted(set(chosen))


class Independence:
    """Answers "may this person mentor that one?" from the hierarchy.

    A mentor may not be the mentee, nor anywhere in the mentee's management
    chain, nor one of their assessors. The chain is checked to the top, which
    is stricter than any program's independence depth.
    """

    def __init__(self, people: list[PersonRow]) -> None:
        self.managers = [person.line_manager for person in people]
        self.assessors = [frozenset(person.assessors) for person in people]

    def chain(self, index: int) -> list[int]:
        found: list[int] = []
        current = self.managers[index]
        while current is not None and current not in found:
            found.append(current)
            current = self.managers[current]
        return found

    def allows(self, helper: int, seeker: int) -> bool:
        if helper == seeker or helper in self.assessors[seeker]:
            return False
        return helper not in self.chain(seeker)
