"""A person's own account (My account: details, sign-in, second factors, sessions), the
emailed code before a first second factor, and the privacy notice. Signing in, out and
resetting a password are django-allauth's views (accounts.urls); a person's own data download
and erasure are the `personal_data` app's."""

from urllib.parse import quote

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .forms import AccountDetailsForm, EmailCodeForm
from .organisation_sign_in import password_sign_in_refusal
from .roles import may_use_admin
from .second_factor import (
    has_second_factor,
    second_factor_email_code_check,
    second_factor_email_code_pending,
    second_factor_email_code_send,
    second_factor_email_recently_confirmed,
    second_factor_required,
)
from .services import account_details_update, sessions_end_others

User = get_user_model()


def _safe_next(request, default):
    """Only ever continue to a page on this site (never `//evil.example` and the like)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


@login_required
def my_account(request):
    """My account: what the academy knows about the person and how they sign in."""
    user = request.user
    authenticators = list(Authenticator.objects.filter(user=user).order_by("type", "created_at"))
    sessions = sorted(UserSession.objects.purge_and_list(user), key=lambda s: s.created_at)
    return render(
        request,
        "accounts/my_account.html",
        {
            "organisation_sign_in": password_sign_in_refusal(user.email),
            "pending_email": EmailAddress.objects.filter(user=user, verified=False)
            .exclude(email__iexact=user.email)
            .first(),
            "linked_accounts": SocialAccount.objects.filter(user=user),
            "authenticators": authenticators,
            "second_factor_required": second_factor_required(user),
            "has_second_factor": any(
                a.type != Authenticator.Type.RECOVERY_CODES for a in authenticators
            ),
            "sessions": sessions,
            "current_session_key": request.session.session_key,
        },
    )


def admin_sign_in(request):
    """Where Wagtail's admin sends people to sign in (WAGTAILADMIN_LOGIN_URL, and /admin/login/
    in place of Wagtail's own form, which would check passwords outside the site's rate limits
    and second factor). Signed out: the site's sign-in page. Signed in but without the admin:
    a refusal, not a redirect back and forth between the admin and the sign-in page."""
    if not request.user.is_authenticated:
        query = request.META.get("QUERY_STRING", "")
        return redirect(reverse("accounts:login") + (f"?{query}" if query else ""))
    if may_use_admin(request.user):
        return redirect(_safe_next(request, "wagtailadmin_home"))
    raise PermissionDenied("Your account does not give access to the admin.")


@login_required
def account_details(request):
    """Change one's own name, job title and team."""
    form = AccountDetailsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account_details_update(person=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your details are saved.")
            return redirect("accounts:my_account")
    return render(
        request,
        "accounts/account_details.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def sign_out_everywhere(request):
    """End every session of this person, on every device, this one included."""
    sessions_end_others(person=request.user)
    logout(request)
    messages.success(request, "You are signed out everywhere.")
    return redirect("accounts:login")


@login_required
def second_factor(request):
    """Before a first second factor: a code emailed to the account proves the person holds
    it (a stolen password alone is not enough); then they choose an authenticator app or a
    passkey or security key. People who have one already manage them on allauth's page."""
    user = request.user
    next_url = _safe_next(request, "accounts:my_account")
    if has_second_factor(user):
        return redirect("mfa_index")
    confirmed = second_factor_email_recently_confirmed(request, user)
    form = EmailCodeForm(request.POST if "code" in request.POST else None)
    sent = second_factor_email_code_pending(request, user)
    if request.method == "POST" and not confirmed:
        if "send" in request.POST:
            if second_factor_email_code_send(request=request, user=user):
                messages.success(request, f"We have sent a code to {user.email}.")
            else:
                messages.error(request, "Too many codes asked for. Wait 15 minutes and try again.")
            return redirect(f"{reverse('accounts:second_factor')}?next={quote(next_url)}")
        if form.is_valid():
            if second_factor_email_code_check(
                request=request, user=user, code=form.cleaned_data["code"]
            ):
                messages.success(request, "Your email address is confirmed.")
                return redirect(f"{reverse('accounts:second_factor')}?next={quote(next_url)}")
            form.add_error("code", "That code is not right, or has expired. Ask for a new one.")
    return render(
        request,
        "accounts/second_factor.html",
        {
            "form": form,
            "confirmed": confirmed,
            "sent": sent,
            "required": second_factor_required(user),
            "next": next_url,
        },
        status=400 if form.errors else 200,
    )


def privacy(request):
    """The privacy notice: what the academy holds, why, for how long, and people's rights."""
    return render(
        request,
        "accounts/privacy.html",
        {"retention_years": settings.ACADEMY_RETENTION_YEARS},
    )
