"""Issue 14, points 3, 4 and 6: facilitators are chosen from the facilitator role; every write
to an attendance mark is kept (its first recording, and how each change was made); completion
by certificate is an enrolment event; sign-offs given and withdrawn are recorded.

The history before this migration is filled in from what is known: each sign-off becomes a
"signed off" event, each mark never changed before gets its first recording (from the mark as
it stands), and each earlier change learns how it was made (from the next write's previous
method, or the mark's own). Changes made during a session were not kept before, so they cannot
be filled in."""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


BATCH = 2000


def fill_in_history(apps, schema_editor):
    AttendanceMark = apps.get_model("cohorts", "AttendanceMark")
    AttendanceMarkChange = apps.get_model("cohorts", "AttendanceMarkChange")
    CompletionSignOff = apps.get_model("cohorts", "CompletionSignOff")
    CompletionSignOffEvent = apps.get_model("cohorts", "CompletionSignOffEvent")

    CompletionSignOffEvent.objects.bulk_create(
        (
            CompletionSignOffEvent(
                enrolment_id=sign_off.enrolment_id,
                action="signed-off",
                actor_id=sign_off.signed_off_by_id,
                at=sign_off.signed_off_at,
            )
            for sign_off in CompletionSignOff.objects.iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )

    # How each earlier change was made: the method the next write found, or the mark's own.
    changed = {}
    for change in AttendanceMarkChange.objects.order_by("mark_id", "changed_at", "pk").iterator(
        chunk_size=BATCH
    ):
        changed.setdefault(change.mark_id, []).append(change)
    earlier = AttendanceMarkChange.objects.values("mark_id")
    methods = dict(AttendanceMark.objects.filter(pk__in=earlier).values_list("pk", "method"))
    updates = []
    for mark_id, changes in changed.items():
        for change, following in zip(changes, [*changes[1:], None]):
            change.new_method = following.previous_method if following else methods[mark_id]
            updates.append(change)
    AttendanceMarkChange.objects.bulk_update(updates, ["new_method"], batch_size=BATCH)

    firsts = (
        AttendanceMarkChange(
            mark_id=mark.pk,
            changed_by_id=mark.recorded_by_id,
            changed_at=mark.recorded_at,
            previous_status="",
            previous_method="",
            new_status=mark.status,
            new_note=mark.note,
            new_method=mark.method,
        )
        for mark in AttendanceMark.objects.exclude(pk__in=earlier).iterator(chunk_size=BATCH)
    )
    AttendanceMarkChange.objects.bulk_create(firsts, batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ('cohorts', '0011_calendar_feeds_reminders_sequence'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='attendancemarkchange',
            name='new_method',
            field=models.CharField(blank=True, choices=[('register', 'Register'), ('self-check-in', 'Self check-in'), ('import', 'Import')], max_length=20),
        ),
        migrations.AlterField(
            model_name='attendancemarkchange',
            name='previous_method',
            field=models.CharField(blank=True, choices=[('register', 'Register'), ('self-check-in', 'Self check-in'), ('import', 'Import')], max_length=20),
        ),
        migrations.AlterField(
            model_name='attendancemarkchange',
            name='previous_status',
            field=models.CharField(blank=True, choices=[('present', 'Present'), ('late', 'Late'), ('left-early', 'Left early'), ('absent', 'Absent'), ('apologies', 'Apologies')], max_length=20),
        ),
        migrations.AlterField(
            model_name='cohort',
            name='facilitators',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='People who hold the facilitator role.', limit_choices_to={'groups__name': 'facilitator'}, related_name='facilitated_cohorts', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='enrolmentevent',
            name='action',
            field=models.CharField(choices=[('nominated', 'Nominated'), ('offered', 'Offered a seat from the waiting list'), ('confirmed', 'Confirmed'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn'), ('substituted', 'Substituted'), ('invitation-resent', 'Invitation resent'), ('completed', 'Completed (certificate issued)')], max_length=30),
        ),
        migrations.CreateModel(
            name='CompletionSignOffEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('signed-off', 'Signed off'), ('withdrawn', 'Sign-off withdrawn')], max_length=20)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('reason', models.TextField(blank=True, max_length=1000)),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('enrolment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sign_off_events', to='cohorts.enrolment')),
            ],
            options={
                'verbose_name': 'sign-off event',
                'ordering': ['-at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('action', 'withdrawn'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='cohorts_sign_off_withdrawal_has_reason')],
            },
        ),
        migrations.RunPython(fill_in_history, migrations.RunPython.noop),
    ]
