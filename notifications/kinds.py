"""The kinds of notification the platform sends, each with its placeholders, sample values and
safe default wording. Apps register theirs with Wagtail's hook registry, so this app imports
none of them:

    @hooks.register("register_notification_kinds")
    def kinds():
        return [NotificationKind("session-moved", "Cohort session moved", ...)]
"""

from dataclasses import dataclass, field

from wagtail import hooks

REGISTER_KINDS = "register_notification_kinds"


@dataclass(frozen=True)
class NotificationKind:
    """One kind of notification: who receives it (in words, for the wording screen), the
    placeholders its wording may use (name: what it holds), a sample value for each (for the
    preview), and the wording used when a programme has none of its own."""

    name: str
    label: str
    audience: str
    placeholders: dict = field(default_factory=dict)
    sample: dict = field(default_factory=dict)
    subject: str = ""
    body: str = ""

    def __post_init__(self):
        missing = set(self.placeholders) - set(self.sample)
        if missing:
            raise ValueError(f"{self.name}: no sample value for {sorted(missing)}")


def registered_kinds():
    """Every app's kinds, by name, in a stable order."""
    kinds = {}
    for register in hooks.get_hooks(REGISTER_KINDS):
        for kind in register():
            if kind.name in kinds:
                raise ValueError(f"Two notification kinds are called {kind.name!r}.")
            kinds[kind.name] = kind
    return dict(sorted(kinds.items(), key=lambda item: item[1].label))


def get_kind(name):
    """The kind called `name`; KeyError if no app registers it."""
    return registered_kinds()[name]


def kind_choices():
    """(name, label) of every kind, for the wording snippet's form and the record's filter."""
    return [(kind.name, kind.label) for kind in registered_kinds().values()]
