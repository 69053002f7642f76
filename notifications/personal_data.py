"""What the notifications app holds about a person, for their download and their erasure."""

from personal_data.services import iso

from .models import Notification

EXPORT_LIMIT = 2000


def export_person(person):
    return {
        "notifications": [
            {
                "at": iso(n.created_at),
                "notification": n.kind_label,
                "subject": n.subject,
                "to": n.to_email,
                "status": n.get_status_display(),
                "sent_at": iso(n.sent_at),
            }
            for n in Notification.objects.sent_to(person).order_by("created_at")[:EXPORT_LIMIT]
        ]
    }


def erase_person(erasure):
    """The record stays (so counts still add up) without the address or a subject that names
    the person."""
    rows = list(Notification.objects.filter(recipient=erasure.person).only("pk", "subject"))
    for row in rows:
        row.subject = erasure.scrub(row.subject)
        row.to_email = erasure.anonymous_email
    Notification.objects.bulk_update(rows, ["subject", "to_email"], batch_size=500)
    # Subjects of notifications to others that name the person (a nominator's "X confirmed").
    about = list(Notification.objects.filter(about=erasure.person).only("pk", "subject"))
    for row in about:
        row.subject = erasure.scrub(row.subject)
    Notification.objects.bulk_update(about, ["subject"], batch_size=500)
