"""Northwind Health's departments and the job titles that fit them.

The Executive Office is the root; clinical directorates have specialties
beneath them. Each department belongs to a *family* (surgery, nursing,
digital...) that decides its job titles, expertise and who assesses whom.
"""

from __future__ import annotations

from dataclasses import dataclass

from ithaca.demo.builder.records import DepartmentRow

SLUG_PREFIX = "northwind-"


@dataclass(frozen=True, slots=True)
class DepartmentSpec:
    """A department as written here: `weight` is its share of the staff."""

    key: str
    name: str
    parent: str | None
    family: str
    weight: int
    noun: str = ""


DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("executive", "Executive Office", None, "executive", 1),
    DepartmentSpec("surgery", "Surgery", "executive", "surgery", 5, "Surgeon"),
    DepartmentSpec(
        "general-surgery", "General Surgery", "surgery", "surgery", 7, "General Surgeon"
    ),
    DepartmentSpec("orthopaedics", "Orthopaedics", "surgery", "surgery", 6, "Orthopaedic Surgeon"),
    DepartmentSpec("medicine", "Medicine", "executive", "medicine", 5, "Physician"),
    DepartmentSpec("cardiology", "Cardiology", "medicine", "medicine", 6, "Cardiologist"),
    DepartmentSpec(
        "emergency", "Emergency Medicine", "medicine", "medicine", 8, "Emergency Physician"
    ),
    DepartmentSpec("nursing", "Nursing & Midwifery", "executive", "nursing", 7, "Nurse"),
    DepartmentSpec("critical-care", "Critical Care", "nursing", "nursing", 9, "Nurse"),
    DepartmentSpec("midwifery", "Midwifery", "nursing", "nursing", 6, "Midwife"),
    DepartmentSpec("education", "Education & Research", "executive", "education", 3),
    DepartmentSpec("medical-education", "Medical Education", "education", "education", 3),
    DepartmentSpec("clinical-research", "Clinical Research", "education", "education", 3),
    DepartmentSpec("operations", "Operations", "executive", "operations", 9),
    DepartmentSpec("people", "People & Culture", "executive", "people", 3),
    DepartmentSpec("digital", "Digital & Data", "executive", "digital", 4),
)
BY_KEY = {spec.key: spec for spec in DEPARTMENTS}
CLINICAL_FAMILIES = frozenset({"surgery", "medicine", "nursing"})

# Job titles by family, one tuple of choices per grade 1..10. Position in a
# tuple is a career track (doctors first, then pharmacists...), so an earlier
# role can be drawn from the same track as the current one.
TITLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "surgery": (
        ("Foundation Doctor", "Theatre Support Worker"),
        ("Core Surgical Trainee", "Operating Department Practitioner"),
        ("Specialty Registrar", "Senior Operating Department Practitioner"),
        ("Senior Specialty Registrar", "Surgical Care Practitioner"),
        ("Senior Clinical Fellow", "Theatre Team Leader"),
        ("Consultant {noun}", "Theatre Manager"),
        ("Senior Consultant {noun}",),
        ("Clinical Lead, {dept}",),
        ("Clinical Director, {dept}",),
        ("Chief Medical Officer",),
    ),
    "medicine": (
        ("Foundation Doctor", "Pharmacy Assistant"),
        ("Internal Medicine Trainee", "Pharmacy Technician"),
        ("Specialty Registrar", "Clinical Pharmacist", "Physician Associate"),
        (
            "Senior Specialty Registrar",
            "Senior Clinical Pharmacist",
            "Advanced Clinical Practitioner",
        ),
        ("Specialty Doctor", "Lead Pharmacist"),
        ("Consultant {noun}", "Consultant Pharmacist"),
        ("Senior Consultant {noun}",),
        ("Clinical Lead, {dept}",),
        ("Clinical Director, {dept}",),
        ("Chief Medical Officer",),
    ),
    "nursing": (
        ("Healthcare Assistant", "Nursing Associate"),
        ("Staff {noun}",),
        ("Senior Staff {noun}",),
        ("Deputy Ward Manager", "Charge {noun}"),
        ("Ward Manager", "Clinical {noun} Specialist"),
        ("Matron", "Advanced {noun} Practitioner"),
        ("Senior Matron", "Consultant {noun}"),
        ("Head of {dept}",),
        ("Director of Nursing & Midwifery",),
        ("Chief Nursing Officer",),
    ),
    "education": (
        ("Education Administrator", "Research Assistant"),
        ("Simulation Technician", "Clinical Research Practitioner"),
        ("Clinical Teaching Fellow", "Research Nurse"),
        ("Clinical Educator", "Research Associate"),
        ("Senior Clinical Educator", "Research Fellow"),
        ("Lecturer in Medical Education", "Senior Research Fellow"),
        ("Associate Professor", "Principal Investigator"),
        ("Head of {dept}", "Professor of Clinical Education"),
        ("Director of Education & Research",),
        ("Pro-Vice-Chancellor for Health",),
    ),
    "operations": (
        ("Porter", "Finance Assistant", "Administrative Assistant"),
        ("Estates Technician", "Accounts Officer", "Patient Services Coordinator"),
        ("Estates Officer", "Management Accountant", "Bed Manager"),
        ("Service Manager", "Senior Accountant", "Patient Flow Manager"),
        ("Operations Manager", "Finance Business Partner", "Head of Patient Access"),
        ("Senior Operations Manager", "Head of Financial Planning", "Head of Procurement"),
        ("Head of Estates", "Deputy Director of Finance"),
        ("Director of Finance",),
        ("Chief Operating Officer",),
        ("Chief Operating Officer",),
    ),
    "people": (
        ("HR Assistant", "Learning & Development Assistant"),
        ("HR Coordinator", "Learning & Development Coordinator"),
        ("HR Advisor", "Organisational Development Practitioner", "Recruiter"),
        ("Senior HR Advisor", "Senior Organisational Development Practitioner", "Senior Recruiter"),
        ("HR Business Partner", "Learning & Development Manager", "Talent Acquisition Lead"),
        ("Senior HR Business Partner", "Head of Organisational Development", "Head of Talent"),
        ("Head of Employee Relations", "Head of Learning & Development"),
        ("Deputy Director of People",),
        ("Chief People Officer",),
        ("Chief People Officer",),
    ),
    "digital": (
        ("Apprentice Developer", "IT Service Desk Analyst"),
        ("Junior Developer", "Data Analyst"),
        ("Software Developer", "Senior Data Analyst", "Clinical Systems Analyst"),
        ("Senior Developer", "Data Scientist", "Senior Clinical Systems Analyst"),
        ("Lead Developer", "Senior Data Scientist", "Product Manager"),
        ("Engineering Manager", "Principal Data Scientist", "Senior Product Manager"),
        ("Head of Clinical Systems", "Head of Data"),
        ("Deputy Chief Digital Officer",),
        ("Chief Digital Information Officer",),
        ("Chief Digital Information Officer",),
    ),
    "executive": (
        ("Executive Office Coordinator",),
        ("Executive Assistant",),
        ("Senior Executive Assistant", "Policy Officer"),
        ("Senior Policy Officer", "Communications Officer"),
        ("Strategy Manager", "Communications Manager"),
        ("Head of Strategy", "Head of Communications"),
        ("Director of Strategy", "Company Secretary"),
        ("Deputy Chief Executive",),
        ("Chief Medical Officer", "Chief Nursing Officer"),
        ("Chief Executive",),
    ),
}


def head_grade(spec: DepartmentSpec) -> int:
    """The chief executive is 10, directors 9, heads of specialties 8."""
    return 10 - depth_of(spec)


def depth_of(spec: DepartmentSpec) -> int:
    depth = 0
    while spec.parent is not None:
        spec = BY_KEY[spec.parent]
        depth += 1
    return depth


def slug_of(key: str) -> str:
    # Prefixed so the demo never collides with an organization's real departments.
    return f"{SLUG_PREFIX}{key}"


def title_choices(key: str, grade: int) -> tuple[str, ...]:
    """Titles a person of this grade could hold in this department."""
    spec = BY_KEY[key]
    templates = TITLES[spec.family][grade - 1]
    return tuple(t.format(dept=spec.name, noun=spec.noun or "Specialist") for t in templates)


def track_of(key: str, grade: int, title: str) -> int:
    """The career track a title belongs to; 0 for titles written by hand."""
    choices = title_choices(key, grade)
    return choices.index(title) if title in choices else 0


def ancestors(key: str) -> list[str]:
    """Keys of the departments above this one, nearest first."""
    found: list[str] = []
    parent = BY_KEY[key].parent
    while parent is not None:
        found.append(parent)
        parent = BY_KEY[parent].parent
    return found


def department_rows() -> list[DepartmentRow]:
    """The tree, parents before children, as the loader needs it."""
    ordered = sorted(DEPARTMENTS, key=depth_of)
    return [
        DepartmentRow(
            slug=slug_of(spec.key),
            name=spec.name,
            parent=slug_of(spec.parent) if spec.parent else None,
            family=spec.family,
            depth=depth_of(spec),
        )
        for spec in ordered
    ]
