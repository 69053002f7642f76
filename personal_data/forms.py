from django import forms


class EraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked this erasure request and understand it cannot be undone",
        required=True,
        error_messages={"required": "Tick the box to confirm the erasure."},
    )
