"""The page an invited officer reaches from their email: set a password (if their account has
none yet) and confirm or decline their place. The link works once and expires."""

from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from ..models import Enrolment
from . import services
from .forms import InvitationResponseForm
from .invitations import invitation_for_token


def _invalid(request, reason, status=410):
    return render(request, "cohorts/invitation_invalid.html", {"reason": reason}, status=status)


@never_cache
def respond(request, token):
    invitation = invitation_for_token(token)
    if invitation is None:
        return _invalid(
            request,
            "This link is not one we sent. Check you copied the whole link from the email.",
            status=404,
        )
    enrolment = invitation.enrolment
    if invitation.used_at:
        return _invalid(
            request,
            "This link has already been used. Sign in to see your place, or ask your "
            "organisation's nominator to send a new invitation.",
        )
    if invitation.revoked_at:
        return _invalid(
            request, "A newer invitation has been sent for this place: use the link in it."
        )
    if not invitation.is_usable:
        return _invalid(
            request,
            "This link has expired. Ask your organisation's nominator to send you a new one.",
        )
    if enrolment.status != Enrolment.Status.INVITED:
        return _invalid(
            request,
            f"This place is no longer open to answer: it is "
            f"{enrolment.get_status_display().lower()}.",
        )
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
            return _invalid(request, " ".join(error.messages), status=409)
        return render(
            request,
            "cohorts/invitation_done.html",
            {"enrolment": enrolment, "confirmed": confirmed, "signed_in": bool(password)},
        )
    return render(request, "cohorts/invitation.html", {"form": form, "enrolment": enrolment})
