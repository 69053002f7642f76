import re

from django import forms

from .services import REFLECTION_MAX_LENGTH


class ReflectionForm(forms.Form):
    """One answer box per reflection prompt of a module, named after the activity block's id."""

    def __init__(self, *args, prompts, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        self.prompt_ids = {}
        for number, (block_id, prompt) in enumerate(prompts, start=1):
            name = f"prompt-{block_id}"
            self.prompt_ids[name] = block_id
            self.fields[name] = forms.CharField(
                label=f"{number}. {prompt}",
                required=False,
                max_length=REFLECTION_MAX_LENGTH,
                initial=answers.get(block_id, ""),
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text="Only you can read your answer.",
            )

    def answers(self):
        return {self.prompt_ids[name]: value for name, value in self.cleaned_data.items()}


# Characters the full-text engines read as syntax (SQLite's FTS5 fails on a stray quote).
_SEARCH_SYNTAX = re.compile(r'["*^():{}\[\]]')


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the modules", max_length=200, required=False)

    def clean_q(self):
        """Words only: a quote or bracket typed by chance is a space, never a server error."""
        return " ".join(_SEARCH_SYNTAX.sub(" ", self.cleaned_data["q"]).split())
