"""What cohorts holds about a person, for the personal-data app (`personal_data.registry`):
their places on cohorts with their history, attendance, apologies, invitations (never their
secret links) and certificates for their download; what goes when they are erased; and when
their records ended, for the retention period. Registered in `wagtail_hooks.py`."""

from django.db.models import Count, Max, Q

from personal_data.services import iso

from .models import (
    Apology,
    AttendanceMark,
    AttendanceMarkChange,
    Certificate,
    CertificateEvent,
    Cohort,
    CompletionSignOffEvent,
    Enrolment,
    EnrolmentEvent,
    Invitation,
    Organisation,
)
from .record_versions import cohort_records_changed, cohorts_of_people

# Keys of an enrolment event's details that name someone else (the officer a substitute
# replaced): left out of the substitute's download, and scrubbed when that officer is erased.
OTHER_PEOPLE_KEYS = {"replaces"}


def export_person(person):
    """The person's enrolments (with everything on them) and the organisations they nominate
    for, as plain data."""
    enrolments = (
        Enrolment.objects.filter(participant=person)
        .select_related("cohort__programme", "cohort__place", "organisation", "nominated_by")
        .prefetch_related(
            "events",
            "attendance_marks__session",
            "apologies__session",
            "invitations",
            "sign_off_events",
        )
        .order_by("cohort__starts_on", "pk")
    )
    certificates = {
        c.enrolment_id: c for c in Certificate.objects.filter(enrolment__participant=person)
    }
    data = {
        "profile": {
            "nominator_for": sorted(
                Organisation.objects.filter(nominators=person).values_list("name", flat=True)
            )
        },
        "enrolments": [],
    }
    for enrolment in enrolments:
        certificate = certificates.get(enrolment.pk)
        data["enrolments"].append(
            {
                "programme": enrolment.cohort.programme.title,
                "cohort": enrolment.cohort.name,
                "place": enrolment.cohort.place.name if enrolment.cohort.place else "",
                "organisation": enrolment.organisation.name,
                "status": enrolment.status,
                "nominated_by": str(enrolment.nominated_by) if enrolment.nominated_by else "",
                "created_at": iso(enrolment.created_at),
                "events": [
                    {
                        "at": iso(event.at),
                        "action": event.action,
                        "from_status": event.from_status,
                        "to_status": event.to_status,
                        # Whom a substitute replaced is the colleague's data, not theirs.
                        "details": {
                            key: value
                            for key, value in event.details.items()
                            if key not in OTHER_PEOPLE_KEYS
                        },
                    }
                    for event in sorted(enrolment.events.all(), key=lambda e: (e.at, e.pk))
                ],
                "attendance": [
                    {
                        "session": mark.session.title,
                        "starts_at": iso(mark.session.starts_at),
                        "status": mark.status,
                        "note": mark.note,
                        "method": mark.method,
                        "recorded_at": iso(mark.recorded_at),
                    }
                    for mark in sorted(
                        enrolment.attendance_marks.all(), key=lambda m: m.session.starts_at
                    )
                ],
                "sign_offs": [
                    {"at": iso(event.at), "action": event.action, "reason": event.reason}
                    for event in sorted(enrolment.sign_off_events.all(), key=lambda e: (e.at, e.pk))
                ],
                "apologies": [
                    {
                        "session": apology.session.title,
                        "reason": apology.reason,
                        "sent_at": iso(apology.sent_at),
                    }
                    for apology in enrolment.apologies.all()
                ],
                # Metadata only: the link's token is never stored, and its hash is not theirs.
                "invitations": [
                    {
                        "sent_to": invitation.sent_to,
                        "created_at": iso(invitation.created_at),
                        "expires_at": iso(invitation.expires_at),
                        "used_at": iso(invitation.used_at),
                        "revoked_at": iso(invitation.revoked_at),
                    }
                    for invitation in enrolment.invitations.all()
                ],
                "certificate": (
                    {
                        "verification_code": certificate.display_code,
                        "holder_name": certificate.holder_name,
                        "issued_at": iso(certificate.issued_at),
                        "sessions_attended": certificate.sessions_attended,
                        "sessions_scheduled": certificate.sessions_scheduled,
                        "revoked_at": iso(certificate.revoked_at),
                        "revoked_reason": certificate.revoked_reason,
                    }
                    if certificate
                    else None
                ),
            }
        )
    return data


def erase_person(erasure):
    """Apology reasons, notes about the person (on marks and withdrawn sign-offs) and their
    invitations' address go; history that names them is scrubbed; certificates keep their
    verification status without the name (and their stored PDF, which prints it); they stop
    nominating and facilitating."""
    person = erasure.person
    # Written by updates, which the models' signals do not see.
    cohort_records_changed(cohorts_of_people([person.pk]))
    Apology.objects.filter(enrolment__participant=person).update(reason="")
    AttendanceMark.objects.filter(enrolment__participant=person).update(note="")
    AttendanceMarkChange.objects.filter(mark__enrolment__participant=person).update(
        previous_note="", new_note=""
    )
    # Why a sign-off was withdrawn is a note about them (a withdrawal keeps a reason).
    CompletionSignOffEvent.objects.filter(enrolment__participant=person).exclude(reason="").update(
        reason="[removed]"
    )
    Invitation.objects.filter(enrolment__participant=person).update(sent_to=erasure.anonymous_email)
    # Their own history, and other people's that names them (a substitute's "replaces").
    mentions = Q(enrolment__participant=person)
    for needle in erasure.needles:
        mentions |= Q(details__icontains=needle)
    for event in EnrolmentEvent.objects.filter(mentions).exclude(details={}):
        EnrolmentEvent.objects.filter(pk=event.pk).update(details=erasure.scrub(event.details))
    for certificate in Certificate.objects.filter(enrolment__participant=person):
        if certificate.pdf:
            # The stored PDF prints the name: remove it; a download renders a fresh one.
            certificate.pdf.delete(save=False)
        Certificate.objects.filter(pk=certificate.pk).update(holder_name="", pdf="")
        for event in CertificateEvent.objects.filter(certificate=certificate).exclude(details={}):
            CertificateEvent.objects.filter(pk=event.pk).update(
                details=erasure.scrub(event.details)
            )
    person.nominator_for.clear()
    # A parental many-to-many only writes on the cohort's save: delete the links directly.
    Cohort.facilitators.through.objects.filter(user=person).delete()


def past_retention(people, *, cutoff):
    """People whose cohorts have all closed, the latest having ended before `cutoff`."""
    return people.annotate(
        last_activity_on=Max("enrolments__cohort__ends_on"),
        unclosed=Count("enrolments", filter=~Q(enrolments__cohort__status=Cohort.Status.CLOSED)),
    ).filter(last_activity_on__lt=cutoff, unclosed=0)
