"""The themes the good practice database starts with (from issue 19 and the paper's section 5);
programme managers edit the list afterwards."""

from django.db import migrations

THEMES = [
    ("customer-access-and-top-tasks", "Customer access and top tasks",
     "Residents and businesses doing their most common business with the council online."),
    ("health-and-social-care-integration", "Health and social care integration",
     "Councils, the NHS and care providers working from one picture of a person's needs."),
    ("troubled-families-and-multi-agency-working", "Troubled families and multi-agency working",
     "Teams from several agencies working around the same families and shared customers."),
    ("welfare-reform", "Welfare reform",
     "Helping residents through changes to benefits, and getting online to claim them."),
    ("data-sharing", "Data sharing",
     "Sharing information between agencies lawfully, safely and to people's benefit."),
    ("procurement", "Procurement",
     "Understanding and challenging the supplier market to get value for money."),
    ("workforce-and-mobile-working", "Workforce and mobile working",
     "Staff and councillors working effectively away from the office, with the skills to."),
    ("cyber-resilience", "Cyber resilience",
     "Protecting services and data, and recovering when something goes wrong."),
    ("community-run-services", "Community-run services",
     "Residents and volunteers running services such as libraries, with digital support."),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("practice", "Theme")
    for position, (slug, name, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


def remove_themes(apps, schema_editor):
    apps.get_model("practice", "Theme").objects.filter(slug__in=[t[0] for t in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_initial")]

    operations = [migrations.RunPython(add_themes, remove_themes)]
