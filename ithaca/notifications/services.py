"""notify(): the one way any app tells a person that something happened.

It records a Notification (the inbox) and decides the e-mail from the recipient's
preference for the kind's category: sent at once (enqueued on commit), held for
a daily or the weekly digest, or not e-mailed. Each event has a key, unique per
recipient, so recording it twice tells nobody twice.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ithaca.accounts.interface_language import chosen_languages, in_language_of
from ithaca.accounts.models import User
from ithaca.core.email import render_sentence
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.notifications.kinds import KINDS, LOCKED, Category, Mode, word
from ithaca.notifications.models import Notification, Preference

HOLD: dict[str, str] = {Mode.DAILY: "daily", Mode.WEEKLY: "weekly"}
FAN_OUT_BATCH = 1000


def event_key(kind: str, subject: models.Model | None, event: object = "") -> str:
    """What happened to what: the same event always has the same key."""
    about = f"{subject._meta.label_lower}:{subject.pk}" if subject is not None else "-"
    return f"{kind}:{about}:{event}"[:160]


def zone_of(user: User) -> dt.tzinfo:
    """The person's time zone from their profile; the site's when unknown or invalid."""
    name = getattr(getattr(user, "profile", None), "time_zone", "") or ""
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_current_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()


def local_time(user: User, moment: dt.datetime) -> str:
    """A moment as the person reads it, in their zone and language:
    'Mon 7 Dec 2026, 14:00 (Europe/Paris)', 'Mo 7. Dezember 2026 14:00 (Europe/Paris)'."""
    zone = zone_of(user)  # loads the profile, so the language costs no query
    local = moment.astimezone(zone)
    with in_language_of(user):
        return f"{date_format(local, 'D')} {date_format(local, 'DATETIME_FORMAT')} ({zone})"


def modes_for(user_ids: Iterable[int], category: str) -> dict[int, str]:
    """Each person's mode for a category; absent means immediately. One query."""
    if category in LOCKED:
        return {}
    rows = Preference.objects.filter(user_id__in=list(user_ids), category=category)
    return dict(rows.values_list("user_id", "mode"))


def _email_state(mode: str, *, has_ics: bool, reachable: bool) -> str:
    if not reachable or mode == Mode.NEVER:
        return Notification.Email.NONE
    if mode in HOLD and not has_ics:  # a digest cannot update anyone's calendar
        return HOLD[mode]
    return Notification.Email.QUEUED


def params_of(actor: User | None, context: Mapping[str, Any]) -> dict[str, Any]:
    """What a sentence needs, kept with the notification so that it is written in the
    reader's language when read: plain values and lists of words (codes, such as the
    rules a pair breaks) as they are, anything else as text."""
    values = {**context, "actor": actor.display_name if actor else ""}
    plain = (str, int, float, bool, type(None))

    def kept(value: Any) -> Any:
        if isinstance(value, plain):
            return value
        if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            return list(value)
        return str(value)

    return {k: kept(v) for k, v in values.items()}


def sentence(kind: str, params: Mapping[str, Any]) -> str:
    """The notification's sentence in the active language."""
    values = {key: word(key, value) for key, value in params.items()}
    return render_sentence(str(KINDS[kind].sentence), values)[:300]


def _text(kind: str, params: Mapping[str, Any], recipient: User) -> str:
    """The sentence in the recipient's language: it is their inbox line and e-mail subject."""
    with in_language_of(recipient):
        return sentence(kind, params)


def notify(
    *,
    recipient: User,
    kind: str,
    subject: models.Model | None,
    actor: User | None = None,
    context: Mapping[str, Any] | None = None,
    url: str = "",
    event: object = "",
    ics: bytes | None = None,
    ics_method: str = "REQUEST",
) -> Notification | None:
    """Tell `recipient` that `kind` happened to `subject`, by `actor`.

    Nobody is told of their own action, nor is a deactivated account. Returns the
    new notification, or None when nobody was told (this event was already recorded
    for this person, or they are the actor).
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}.")
    if (actor is not None and actor.pk == recipient.pk) or not recipient.is_active:
        return None
    key = event_key(kind, subject, event)
    category = str(KINDS[kind].category)
    mode = modes_for([recipient.pk], category).get(recipient.pk, Mode.IMMEDIATE)
    state = _email_state(mode, has_ics=ics is not None, reachable=bool(recipient.email))
    params = params_of(actor, context or {})
    defaults = {
        "kind": kind,
        "category": category,
        "actor": actor,
        "text": _text(kind, params, recipient),
        "params": params,
        "url": url,
        "email": state,
        "ics": ics.decode() if ics else "",
        "ics_method": ics_method if ics else "",
    }
    try:
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(
                recipient=recipient, key=key, defaults=defaults
            )
    except IntegrityError:  # recorded at the same moment by another run
        return None
    if not created:
        return None
    _offer_to_webhooks(kind, key, subject)
    if state == Notification.Email.QUEUED:
        from ithaca.notifications.tasks import deliver

        enqueue_on_commit(deliver, notification.pk)
    return notification


def notify_many(
    *,
    recipients: Iterable[User],
    kind: str,
    subject: models.Model | None,
    actor: User | None = None,
    context: Mapping[str, Any] | None = None,
    url: str = "",
    event: object = "",
) -> int:
    """notify() for a crowd (every attendee of a cancelled event): a few queries per
    FAN_OUT_BATCH people, and one task that sends the e-mails. `recipients` may be an
    iterator (`queryset.iterator()`): it is read a batch at a time, so memory does not
    grow with the crowd. The sentence must not depend on the recipient. Returns how
    many were told for the first time."""
    key = event_key(kind, subject, event)
    category = str(KINDS[kind].category)
    params = params_of(actor, context or {})
    texts: dict[str, str] = {}
    told = 0
    pending = iter(recipients)
    while batch := list(islice(pending, FAN_OUT_BATCH)):
        people = [p for p in batch if p.is_active and (actor is None or p.pk != actor.pk)]
        if people:
            told += _record_many(people, kind, category, key, actor, params, url, texts)
    if told:
        _offer_to_webhooks(kind, key, subject)
        from ithaca.notifications.tasks import deliver_event

        enqueue_on_commit(deliver_event, key)
    return told


def notify_each(
    *,
    told: Iterable[tuple[User, Mapping[str, Any], bytes | None]],
    kind: str,
    subject: models.Model | None,
    actor: User | None = None,
    url: str = "",
    event: object = "",
    ics_method: str = "REQUEST",
) -> int:
    """notify() for a crowd in which each person's sentence and calendar entry are their
    own (their time zone, their address in the invite): `told` yields (person, context,
    ics). The same notifications and e-mails as notify() for each, in a few queries per
    FAN_OUT_BATCH people and one task for the e-mails. Returns how many were told for
    the first time. Load each person's profile with them (their language)."""
    key = event_key(kind, subject, event)
    category = str(KINDS[kind].category)
    count = 0
    pending = iter(told)
    while batch := list(islice(pending, FAN_OUT_BATCH)):
        batch = [b for b in batch if b[0].is_active and (actor is None or b[0].pk != actor.pk)]
        if not batch:
            continue
        ids = [person.pk for person, _, _ in batch]
        modes = modes_for(ids, category)
        rows = []
        for person, context, ics in batch:
            params = params_of(actor, context)
            rows.append(
                Notification(
                    recipient=person,
                    kind=kind,
                    category=category,
                    key=key,
                    actor=actor,
                    text=_text(kind, params, person),
                    params=params,
                    url=url,
                    email=_email_state(
                        modes.get(person.pk, Mode.IMMEDIATE),
                        has_ics=ics is not None,
                        reachable=bool(person.email),
                    ),
                    ics=ics.decode() if ics else "",
                    ics_method=ics_method if ics else "",
                )
            )
        existing = Notification.objects.filter(key=key, recipient_id__in=ids)
        before = existing.count()
        Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=FAN_OUT_BATCH)
        count += existing.count() - before
    if count:
        _offer_to_webhooks(kind, key, subject)
        from ithaca.notifications.tasks import deliver_event

        enqueue_on_commit(deliver_event, key)
    return count


def _record_many(
    people: list[User],
    kind: str,
    category: str,
    key: str,
    actor: User | None,
    params: dict[str, Any],
    url: str,
    texts: dict[str, str],
) -> int:
    """One batch of a fan-out: languages, preferences, the count before and after
    (on the (recipient, key) index), one insert. `texts` keeps one sentence per language."""
    ids = [p.pk for p in people]
    chosen = chosen_languages(ids)
    for code in {chosen.get(pk) or settings.LANGUAGE_CODE for pk in ids} - texts.keys():
        with translation.override(code):  # one sentence per language spoken in the crowd
            texts[code] = sentence(kind, params)
    modes = modes_for(ids, category)
    rows = [
        Notification(
            recipient=person,
            kind=kind,
            category=category,
            key=key,
            actor=actor,
            text=texts[chosen.get(person.pk) or settings.LANGUAGE_CODE],
            params=params,
            url=url,
            email=_email_state(
                modes.get(person.pk, Mode.IMMEDIATE), has_ics=False, reachable=bool(person.email)
            ),
        )
        for person in people
    ]
    told = Notification.objects.filter(key=key, recipient_id__in=ids)
    before = told.count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=FAN_OUT_BATCH)
    return told.count() - before


def _offer_to_webhooks(kind: str, key: str, subject: models.Model | None) -> None:
    """Integrations hear of each event once, whoever was told (ids and kinds only)."""
    from ithaca.notifications.webhooks import emit

    emit(
        kind=kind,
        key=key,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=subject.pk if subject is not None else None,
    )


def notify_burst(
    *,
    recipient: User,
    kind: str,
    subject: models.Model,
    actor: User,
    context: Mapping[str, Any] | None = None,
    url: str = "",
    event: object = "",
) -> Notification | None:
    """Like notify(), but while the recipient has not read the last one about this
    subject, a further event joins it (the count goes up, no new e-mail): a burst
    of ten messages is one notification and at most one e-mail."""
    if actor.pk == recipient.pk or not recipient.is_active:
        return None
    prefix = event_key(kind, subject, "")
    with transaction.atomic():
        pending = (
            Notification.objects.select_for_update()
            .filter(recipient=recipient, key__startswith=prefix, read_at__isnull=True)
            .order_by("-pk")
            .first()
        )
        if pending is None:
            return notify(
                recipient=recipient, kind=kind, subject=subject, actor=actor,
                context={**(context or {}), "count": 1}, url=url, event=event,
            )  # fmt: skip
        pending.count += 1
        pending.actor = actor
        context = {**(context or {}), "count": pending.count}
        pending.params = params_of(actor, context)
        pending.text = _text(kind, pending.params, recipient)
        pending.save(update_fields=["count", "actor", "text", "params", "updated_at"])
    return pending


def notification_read(*, notification: Notification) -> Notification:
    """Mark one notification read (reading it again changes nothing)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_read_all(*, user: User) -> int:
    """Mark every unread notification of a person read."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notifications_read_at(*, user: User, path: str) -> int:
    """Opening a page marks read the notifications that link to it."""
    if not path:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True, url=path).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_set(*, user: User, modes: Mapping[str, str]) -> dict[str, str]:
    """A person chooses, per category, how to be e-mailed. Account and security
    notices cannot be turned off or delayed."""
    for category, mode in modes.items():
        if category not in Category.values:
            raise DomainError(
                _("Unknown category %(category)s.") % {"category": repr(category)}, field=category
            )
        if mode not in Mode.values:
            raise DomainError(
                _("Choose at once, a daily digest, the weekly digest or no e-mail."), field=category
            )
        if category in LOCKED and mode != Mode.IMMEDIATE:
            raise DomainError(
                _("Account and security notices are always sent at once."), field=category
            )
    for category, mode in modes.items():
        if category in LOCKED:
            continue
        Preference.objects.update_or_create(user=user, category=category, defaults={"mode": mode})
    return preferences_of(user)


def preferences_of(user: User) -> dict[str, str]:
    """Every category with the person's mode (immediately unless they chose otherwise)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("category", "mode"))
    return {str(c): chosen.get(c, Mode.IMMEDIATE) for c in Category.values}
