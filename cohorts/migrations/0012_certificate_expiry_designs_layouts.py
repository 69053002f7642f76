"""Issue 21: certificates that expire (and when they were renewed), certificate designs with
layouts, drafts, revisions and a preview, and programme managers may publish them."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def grant_publish(apps, schema_editor):
    # Wagtail makes the publish permission after migrate; make it now, for the role's group.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="cohorts", model="certificatedesign"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_certificatedesign",
        defaults={"name": "Can publish certificate design"},
    )
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.add(permission)


def revoke_publish(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="cohorts", codename="publish_certificatedesign"
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ('cohorts', '0011_calendar_feeds_reminders_sequence'),
        ('modules', '0003_programme_manager_approval_workflow'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='certificate',
            name='expires_on',
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='certificate',
            name='renewed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='expire_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='expired',
            field=models.BooleanField(default=False, editable=False, verbose_name='expired'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='first_published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='go_live_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='go live date/time'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='has_unpublished_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='last_published_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='last published at'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='latest_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='live',
            field=models.BooleanField(default=True, editable=False, verbose_name='live'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='live_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='orientation',
            field=models.CharField(choices=[('landscape', 'Landscape'), ('portrait', 'Portrait')], default='landscape', max_length=10),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='show_logos',
            field=models.BooleanField(default=True, help_text='Needs at least the first logo to publish.', verbose_name='print logos'),
        ),
        migrations.AddField(
            model_name='certificatedesign',
            name='signature_block',
            field=models.BooleanField(default=True, help_text="The signatory's signature, name and role. Needs all three to publish.", verbose_name='print a signature block'),
        ),
        migrations.AddField(
            model_name='completionrule',
            name='certificate_valid_for_months',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Leave empty for certificates that never expire.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(240)], verbose_name='certificates stay current for (months)'),
        ),
        migrations.AddField(
            model_name='completionrule',
            name='refresher_modules',
            field=models.ManyToManyField(blank=True, help_text='Completing all of these online, in the 90 days before a certificate expires or after, renews it for another period. Leave empty to renew only on a later cohort.', related_name='+', to='modules.modulepage', verbose_name='refresher modules'),
        ),
        migrations.AlterField(
            model_name='certificateevent',
            name='action',
            field=models.CharField(choices=[('issued', 'Issued'), ('reissued', 'Re-issued'), ('revoked', 'Revoked'), ('renewed', 'Renewed'), ('emailed', 'Emailed')], max_length=20),
        ),
        migrations.RunPython(grant_publish, revoke_publish),
    ]
