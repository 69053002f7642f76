"""Writes about champions and mentoring, each in one transaction, checked with full_clean(),
the emails queued on commit (network.tasks). Refusals are ValidationErrors the views show."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import ChampionProfile, Mentoring
from .permissions import check

Status = ChampionProfile.Status


def _save(profile, *, themes=None):
    profile.full_clean(exclude=["themes"])
    profile.save()
    if themes is not None:
        profile.themes.set(themes)
    return profile


def _fill(profile, details):
    for name in (
        "role",
        "organisation",
        "region",
        "offers_mentoring",
        "offers_open_sessions",
        "offers_speaking",
        "mentee_capacity",
        "statement",
    ):
        if name in details:
            setattr(profile, name, details[name])
    if not profile.offers_mentoring:
        profile.mentee_capacity = 0


def champion_make(*, actor, person, details, themes=()):
    """A programme manager proposes `person` as a champion. The profile stays out of the
    directory until the person opts in (it is their choice to be listed)."""
    if not check(actor, "make-champion"):
        raise ValidationError("Only programme managers make someone a champion.")
    with transaction.atomic():
        if ChampionProfile.objects.filter(person=person).exists():
            raise ValidationError(f"{person} already has a champion profile.")
        profile = ChampionProfile(person=person, made_by=actor, status=Status.OFFERED)
        _fill(profile, details)
        _save(profile, themes=themes)
        _queue("champion_offered_send", profile_id=profile.pk)
    return profile


def champion_apply(*, person, details, themes=()):
    """A person applies to be a champion; a programme manager approves it before it is listed."""
    with transaction.atomic():
        if ChampionProfile.objects.filter(person=person).exists():
            raise ValidationError("You already have a champion profile.")
        profile = ChampionProfile(person=person, made_by=person, status=Status.APPLIED)
        _fill(profile, details)
        return _save(profile, themes=themes)


def champion_approve(*, actor, profile, now=None):
    """A programme manager approves an application: the applicant opted in by applying."""
    if not check(actor, "make-champion"):
        raise ValidationError("Only programme managers approve applications.")
    with transaction.atomic():
        profile = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status != Status.APPLIED:
            raise ValidationError("Only an application waiting for approval can be approved.")
        profile.status, profile.listed_at = Status.LISTED, now or timezone.now()
        profile.save(update_fields=["status", "listed_at"])
    return profile


def champion_profile_update(*, person, profile, details, themes=None):
    """A champion changes their own profile (listed or not)."""
    if not check(person, "change-own-profile", profile):
        raise ValidationError("Only the champion can change their own profile.")
    with transaction.atomic():
        _fill(profile, details)
        return _save(profile, themes=themes)


def champion_opt_in(*, person, profile, now=None):
    """The champion agrees to be listed (after a manager's offer, or again after withdrawing)."""
    if not check(person, "change-own-profile", profile):
        raise ValidationError("Only the champion can opt in.")
    with transaction.atomic():
        profile = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status not in (Status.OFFERED, Status.WITHDRAWN):
            raise ValidationError("This profile is not waiting for you to opt in.")
        profile.status, profile.listed_at = Status.LISTED, now or timezone.now()
        profile.save(update_fields=["status", "listed_at"])
    return profile


def champion_withdraw(*, person, profile):
    """The champion takes their profile out of the directory. Mentoring already agreed goes on
    (either side may close it); requests still waiting are declined."""
    if not check(person, "change-own-profile", profile):
        raise ValidationError("Only the champion can withdraw their profile.")
    with transaction.atomic():
        profile = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.status != Status.LISTED:
            raise ValidationError("This profile is not listed.")
        profile.status = Status.WITHDRAWN
        profile.save(update_fields=["status"])
        for mentoring in profile.mentorings.filter(status=Mentoring.Status.REQUESTED):
            _answer(mentoring, accept=False)
    return profile


def mentoring_request(*, mentee, champion, note, now=None):
    """`mentee` asks `champion` for mentoring with a short note. The champion's row is locked,
    so two requests at once never take them past the mentees they said they could take."""
    with transaction.atomic():
        champion = ChampionProfile.objects.select_for_update().get(pk=champion.pk)
        allowed = check(mentee, "request-mentoring", champion)
        if not allowed:
            raise ValidationError(allowed.reason)
        mentoring = Mentoring(
            champion=champion, mentee=mentee, note=note.strip(), requested_at=now or timezone.now()
        )
        mentoring.full_clean()
        mentoring.save()
        _queue("mentoring_changed_send", mentoring_id=mentoring.pk, event="requested")
    return mentoring


def _answer(mentoring, *, accept, now=None):
    mentoring.status = Mentoring.Status.ACCEPTED if accept else Mentoring.Status.DECLINED
    mentoring.answered_at = now or timezone.now()
    mentoring.save(update_fields=["status", "answered_at"])
    _queue(
        "mentoring_changed_send",
        mentoring_id=mentoring.pk,
        event="accepted" if accept else "declined",
    )
    return mentoring


def mentoring_answer(*, champion_person, mentoring, accept, now=None):
    """The champion accepts (their contact details and the mentee's are exchanged) or declines."""
    with transaction.atomic():
        ChampionProfile.objects.select_for_update().get(pk=mentoring.champion_id)
        mentoring = Mentoring.objects.select_related("champion").get(pk=mentoring.pk)
        allowed = check(champion_person, "answer-mentoring", mentoring)
        if not allowed:
            raise ValidationError(allowed.reason)
        if accept:
            accepted = mentoring.champion.mentorings.filter(status=Mentoring.Status.ACCEPTED)
            if accepted.count() >= mentoring.champion.mentee_capacity:
                raise ValidationError(
                    "You already mentor as many people as you said you could take."
                )
        return _answer(mentoring, accept=accept, now=now)


def mentoring_close(*, person, mentoring, now=None):
    """Either side ends the mentoring (a mentee may also take back a request not yet answered)."""
    with transaction.atomic():
        mentoring = (
            Mentoring.objects.select_for_update().select_related("champion").get(pk=mentoring.pk)
        )
        allowed = check(person, "close-mentoring", mentoring)
        if not allowed:
            raise ValidationError(allowed.reason)
        mentoring.status, mentoring.closed_at = Mentoring.Status.CLOSED, now or timezone.now()
        mentoring.save(update_fields=["status", "closed_at"])
        _queue(
            "mentoring_changed_send",
            mentoring_id=mentoring.pk,
            event="closed",
            closed_by_id=person.pk,
        )
    return mentoring


def _queue(name, **kwargs):
    """Queue a task of network.tasks once the transaction commits (never for a rolled-back
    change)."""
    transaction.on_commit(partial(getattr(tasks, name).enqueue, **kwargs))
