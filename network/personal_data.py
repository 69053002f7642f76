"""The network's answers to personal_data's hooks: what it holds about a person for their
download, and erasing it (their champion profile goes, with the mentoring and open sessions it
held; the notes they wrote asking for mentoring are removed; invitations and bookings stay on
the anonymised account, for the numbers)."""

from .models import ChampionProfile, Mentoring, OpenSessionBooking, RoundTableInvitation


def export_person(person):
    profile = ChampionProfile.objects.filter(person=person).select_related("organisation").first()
    return {
        "champion_profile": (
            {
                "role": profile.role,
                "organisation": str(profile.organisation),
                "region": profile.get_region_display(),
                "themes": [str(t) for t in profile.themes.all()],
                "offers": profile.offers(),
                "mentee_capacity": profile.mentee_capacity,
                "statement": profile.statement,
                "status": profile.get_status_display(),
            }
            if profile
            else None
        ),
        "mentorings": [
            {
                "champion": str(m.champion.person),
                "mentee": str(m.mentee),
                "note": m.note if m.mentee_id == person.pk else "",
                "status": m.get_status_display(),
                "requested_at": m.requested_at.isoformat(),
            }
            for m in Mentoring.objects.of(person).select_related("champion__person", "mentee")
        ],
        "round_table_invitations": [
            {"round_table": i.round_table.title, "answer": i.get_status_display()}
            for i in RoundTableInvitation.objects.filter(person=person).select_related(
                "round_table"
            )
        ],
        "open_session_bookings": [
            {"session": b.session.title, "status": b.get_status_display()}
            for b in OpenSessionBooking.objects.filter(person=person).select_related("session")
        ],
    }


def erase_person(erasure):
    person = erasure.person
    ChampionProfile.objects.filter(person=person).delete()
    Mentoring.objects.filter(mentee=person).update(note="[removed]")
