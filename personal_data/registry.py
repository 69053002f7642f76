"""What `personal_data` asks of each app that holds personal data, through Wagtail's hook
registry, so this app imports none of them (each registers its answers in its wagtail_hooks.py,
with an `order` that fixes where its part of a download goes):

- EXPORT: fn(person) -> dict of sections for the person's download ({"enrolments": [...]}).
- ERASE: fn(erasure: Erasure) -> None. Remove or anonymise what identifies or describes the
  person, inside the erasure's transaction, before their account is anonymised.
- RETENTION: fn(people, *, cutoff) -> `people` narrowed to those whose records in that app all
  ended before `cutoff` (a date), annotated with `last_activity_on`. With no app answering,
  nobody is past retention.
"""

from dataclasses import dataclass

from wagtail import hooks

EXPORT = "personal_data_export"
ERASE = "personal_data_erase"
RETENTION = "personal_data_retention"


@dataclass
class Erasure:
    """One person's erasure, as each app sees it: who, the anonymous email that replaces theirs,
    and the words that identify them (`scrub` replaces any free text containing them)."""

    person: object
    anonymous_email: str
    needles: set

    def scrub(self, value):
        """`value` with every string mentioning the person replaced (for free-text history)."""
        if isinstance(value, dict):
            return {k: self.scrub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub(v) for v in value]
        if isinstance(value, str) and any(n in value.lower() for n in self.needles):
            return "[removed]"
        return value


def export_sections(person):
    sections = {}
    for export in hooks.get_hooks(EXPORT):
        sections.update(export(person))
    return sections


def erase_everywhere(erasure):
    for erase in hooks.get_hooks(ERASE):
        erase(erasure)


def past_retention(people, *, cutoff):
    answers = hooks.get_hooks(RETENTION)
    if not answers:
        return people.none()
    for narrow in answers:
        people = narrow(people, cutoff=cutoff)
    return people
