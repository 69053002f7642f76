"""Forms of the good practice database: the search (a GET form, so a search can be bookmarked
and shared), proposing a case study, and picking a question set."""

import re
from html import unescape

from django import forms
from django.db.models import Q
from django.utils.html import strip_tags

from cohorts.models import Organisation, Place, Sector

from .models import OUTCOME_UNITS, LineOfEnquiry, OutcomeKind, Region, Stage, Theme
from .models.taxonomy import SIGNED_OUTCOMES
from .search import NEWEST, SORTS, CaseStudyFilters
from .services import CaseStudyContent

FILTER_NAMES = ("theme", "sector", "region", "place", "stage", "outcome")
MAX_VALUES = 30  # ticked values per filter: more is not a person searching
# Filters with a fixed list of values; themes and places are checked against the database.
FIXED_VALUES = {
    "sector": set(Sector.values),
    "region": set(Region.values),
    "stage": set(Stage.values),
    "outcome": set(OutcomeKind.values),
}


class CaseStudySearchForm(forms.Form):
    """The words and filters from the search address. Values it does not know are dropped
    rather than refused: a shared address that names a theme since renamed still works."""

    q = forms.CharField(label="Search case studies", required=False, max_length=200)
    sort = forms.ChoiceField(label="Sort by", choices=SORTS, required=False)

    def filters(self) -> CaseStudyFilters:
        data = self.data
        query = (data.get("q") or "").strip()[:200]
        sort = data.get("sort") or NEWEST
        if sort not in dict(SORTS):
            sort = NEWEST
        values = {}
        for name in FILTER_NAMES:
            raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
            cleaned = []
            for value in raw[:MAX_VALUES]:
                value = (value or "").strip()[:100]
                known = FIXED_VALUES.get(name)
                if value and value not in cleaned and (known is None or value in known):
                    cleaned.append(value)
            values[name] = tuple(cleaned)
        return CaseStudyFilters(query=query, sort=sort, **values)


# --- Proposing a case study ------------------------------------------------------------------

ORGANISATION_FIELDS = ("organisation_1", "organisation_2", "organisation_3", "organisation_4")
DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_EXTENSIONS = ("pdf", "docx", "odt", "pptx", "xlsx", "csv", "txt")


def _plain_text(stream):
    html = "".join(str(block.value) for block in stream if block.block_type == "paragraph")
    html = re.sub(r"<br\s*/?>", "\n", html)
    html = re.sub(r"</p>", "\n\n", html)
    return re.sub(r"\n{3,}", "\n\n", unescape(strip_tags(html))).strip()


def _outcome_fields(kind):
    prefix = kind.value.replace("-", "_")
    return f"{prefix}_value", f"{prefix}_source", f"{prefix}_year"


class CaseStudyProposalForm(forms.Form):
    """A case study proposed through the site. Organisations are typed (the browser suggests
    the names it knows), so that a form lists no thousands of options."""

    title = forms.CharField(max_length=120, help_text="For example: Online school admissions")
    summary = forms.CharField(
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Two or three sentences: what was done and why.",
    )
    story = forms.CharField(
        label="What was done, how, and what was learned",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Leave a blank line between paragraphs.",
    )
    organisation_1 = forms.CharField(
        label="Lead organisation",
        max_length=200,
        help_text="Start typing its name and choose it from the suggestions.",
    )
    organisation_2 = forms.CharField(label="Other organisation (optional)", required=False)
    organisation_3 = forms.CharField(label="Other organisation (optional)", required=False)
    organisation_4 = forms.CharField(label="Other organisation (optional)", required=False)
    place = forms.ModelChoiceField(
        label="Place (optional)",
        queryset=Place.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label="Not one of these places",
    )
    region = forms.ChoiceField(choices=[("", "Choose a region"), *Region.choices])
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
        help_text="Choose every theme it speaks to.",
    )
    stage = forms.ChoiceField(
        label="How far has it got?", choices=Stage.choices, widget=forms.RadioSelect
    )
    members_only = forms.TypedChoiceField(
        label="Who may read it",
        choices=[("no", "Everyone"), ("yes", "Only people signed in to the academy")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="Choose signed-in people only if the figures are shared with peers only.",
    )
    contact_name = forms.CharField(label="Contact's name", max_length=200, required=False)
    contact_role = forms.CharField(label="Contact's role", max_length=200, required=False)
    contact_email = forms.EmailField(label="Contact's email address", required=False)
    contact_agreed = forms.BooleanField(
        label="The contact has agreed to be contacted about this case study", required=False
    )
    document = forms.FileField(
        label="A document about it (optional)",
        required=False,
        help_text="A business case or evaluation: "
        + ", ".join(e.upper() for e in DOCUMENT_EXTENSIONS)
        + ", at most 5 MB. If the form shows a problem, choose the file again.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ORGANISATION_FIELDS:
            self.fields[name].widget.attrs.update(
                {"list": "organisation-names", "autocomplete": "off"}
            )
        self.outcome_rows = []
        for kind in OutcomeKind:
            value, source, year = _outcome_fields(kind)
            before, after = OUTCOME_UNITS[kind]
            self.fields[value] = forms.DecimalField(
                label=f"{kind.label}: figure",
                required=False,
                max_digits=14,
                decimal_places=2,
                help_text=f"In {(before + 'pounds' if before else after.strip())}.",
            )
            self.fields[source] = forms.CharField(
                label=f"{kind.label}: source", max_length=300, required=False
            )
            self.fields[year] = forms.IntegerField(
                label=f"{kind.label}: year", min_value=1990, max_value=2100, required=False
            )
            self.outcome_rows.append((kind, value, source, year))

    def outcome_groups(self):
        """(kind, [its bound fields]) for the template."""
        return [(kind, [self[v], self[s], self[y]]) for kind, v, s, y in self.outcome_rows]

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                "The document must be one of: " + ", ".join(DOCUMENT_EXTENSIONS) + "."
            )
        if upload.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError("The document must be 5 MB or smaller.")
        return upload

    def clean(self):
        data = super().clean()
        names = {name: (data.get(name) or "").strip() for name in ORGANISATION_FIELDS}
        typed = [n for n in names.values() if n]
        matches = Q(pk__in=[])
        for name in typed:
            matches |= Q(name__iexact=name)
        known = {
            organisation.name.casefold(): organisation
            for organisation in (Organisation.objects.filter(matches) if typed else [])
        }
        organisations = []
        for field, name in names.items():
            if not name:
                continue
            organisation = known.get(name.casefold())
            if organisation is None:
                self.add_error(
                    field,
                    f"The academy does not know an organisation called “{name}”: choose one "
                    "of the suggested names.",
                )
            elif organisation not in organisations:
                organisations.append(organisation)
        data["organisations"] = organisations

        outcomes = []
        for kind, value, source, year in self.outcome_rows:
            given = [
                data.get(value) is not None,
                bool(data.get(source)),
                data.get(year) is not None,
            ]
            if any(given) and not all(given):
                for field, present in zip((value, source, year), given, strict=True):
                    if not present:
                        self.add_error(
                            field,
                            f"Give the figure, its source and its year for {kind.label.lower()}.",
                        )
            elif all(given) and kind not in SIGNED_OUTCOMES and data[value] < 0:
                self.add_error(value, f"{kind.label} cannot be negative.")
            elif all(given):
                outcomes.append(
                    {
                        "kind": kind.value,
                        "value": data[value],
                        "source": data[source],
                        "year": data[year],
                    }
                )
        data["outcomes"] = outcomes

        if data.get("contact_name") or data.get("contact_email"):
            if not data.get("contact_name"):
                self.add_error("contact_name", "Give the contact's name.")
            if not data.get("contact_email"):
                self.add_error("contact_email", "Give the contact's email address.")
            if not data.get("contact_agreed"):
                self.add_error(
                    "contact_agreed", "Name a contact only once they have agreed to be contacted."
                )
        return data

    def content(self):
        data = self.cleaned_data
        return CaseStudyContent(
            title=data["title"],
            summary=data["summary"],
            story=data["story"],
            organisations=data["organisations"],
            region=data["region"],
            themes=list(data["themes"]),
            stage=data["stage"],
            place=data.get("place"),
            outcomes=data["outcomes"],
            contact_name=data.get("contact_name") or "",
            contact_role=data.get("contact_role") or "",
            contact_email=data.get("contact_email") or "",
            contact_agreed=bool(data.get("contact_agreed")),
            members_only=bool(data.get("members_only")),
        )

    @classmethod
    def initial_from(cls, page):
        """The form's starting values from a proposed case study (to change it when it is sent
        back): its story as the plain text the proposer wrote."""
        initial = {
            "title": page.title,
            "summary": page.summary,
            "story": _plain_text(page.body),
            "place": page.place.slug if page.place else "",
            "region": page.region,
            "themes": [theme.slug for theme in page.themes.all()],
            "stage": page.stage,
            "members_only": "yes" if page.members_only else "no",
            "contact_name": page.contact_name,
            "contact_role": page.contact_role,
            "contact_email": page.contact_email,
            "contact_agreed": page.contact_agreed,
        }
        for field, organisation in zip(ORGANISATION_FIELDS, page.organisations.all(), strict=False):
            initial[field] = organisation.name
        for outcome in page.outcomes.all():
            value, source, year = _outcome_fields(OutcomeKind(outcome.kind))
            initial.update({value: outcome.value, source: outcome.source, year: outcome.year})
        return initial


# --- Picking a question set -----------------------------------------------------------------


class QuestionSetForm(forms.Form):
    council = forms.CharField(
        label="Council under review", max_length=200, help_text="For example: Kent County Council"
    )
    lines = forms.ModelMultipleChoiceField(
        label="Questions",
        queryset=LineOfEnquiry.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one question."},
    )
