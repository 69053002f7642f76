"""The page an invited officer reaches from their email: set a password (if their account has
none yet) and confirm or decline their place. The link works once and expires."""

from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import services
from .forms import InvitationResponseForm
from .invitations import Refusal, invitation_for_token, invitation_refusal


def _invalid(request, refusal, status=410):
    return render(
        request,
        "cohorts/invitation_invalid.html",
        {"title": refusal.title, "reason": refusal.reason},
        status=status,
    )


@never_cache
def respond(request, token):
    invitation = invitation_for_token(token)
    if invitation is None:
        return _invalid(
            request,
            Refusal(
                "This invitation link cannot be used",
                "This link is not one we sent. Check you copied the whole link from the email.",
            ),
            status=404,
        )
    enrolment = invitation.enrolment
    refusal = invitation_refusal(invitation)
    if refusal is not None:
        return _invalid(request, refusal)
    user = enrolment.participant
    form = InvitationResponseForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        password = None
        try:
            if form.cleaned_data["decision"] == form.CONFIRM:
                password = form.cleaned_data.get("new_password1") or None
                confirmed_enrolment = services.enrolment_confirm(
                    actor=user, enrolment=enrolment, invitation=invitation, password=password
                )
                if password:
                    # They have just proved they hold the email and chosen a password. Sign in
                    # the account as saved, so the session matches its new password.
                    login(
                        request,
                        confirmed_enrolment.participant,
                        backend="accounts.backends.EmailBackend",
                    )
                confirmed = True
            else:
                services.enrolment_decline(actor=user, enrolment=enrolment, invitation=invitation)
                confirmed = False
        except ValidationError as error:
            return _invalid(
                request,
                Refusal("This invitation link cannot be used", " ".join(error.messages)),
                status=409,
            )
        return render(
            request,
            "cohorts/invitation_done.html",
            {"enrolment": enrolment, "confirmed": confirmed, "signed_in": bool(password)},
        )
    return render(request, "cohorts/invitation.html", {"form": form, "enrolment": enrolment})
