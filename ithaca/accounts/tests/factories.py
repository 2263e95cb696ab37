"""Factories for people. Every user gets a profile, as in the app."""

from __future__ import annotations

from typing import Any

import factory

from ithaca.accounts.models import CareerEntry, Department, Profile, User


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Department {n}")
    slug = factory.Sequence(lambda n: f"department-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("pass-word-123")

    @factory.post_generation
    def profile(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            Profile.objects.get_or_create(user=self, defaults={"languages": ["en"], **kwargs})


class CareerEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerEntry

    user = factory.SubFactory(UserFactory)
    role = "Registrar"
    organization = "St Elsewhere"
    started_on = factory.Faker("date_between", start_date="-10y", end_date="-5y")
