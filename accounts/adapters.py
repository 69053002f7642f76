"""How django-allauth fits the academy: nobody signs themselves up, the one client address
rule, every email from a background task, our wording, and the sign-in steps."""

from allauth.account.adapter import DefaultAccountAdapter

from .client_ip import client_ip
from .tasks import email_queue


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": (
            "Enter a correct email address and password. Passwords are case-sensitive."
        ),
        "account_inactive": "This account is inactive. Ask the programme team if you need it.",
        "too_many_login_attempts": (
            "Too many attempts to sign in to this account. Signing in to it is paused for 15 "
            "minutes: wait and try again, or reset your password."
        ),
        "enter_current_password": "Enter your current password.",
        "incorrect_password": "That password is not right.",
        "invalid_password_reset": "This link has expired or has already been used.",
        "rate_limited": "Too many requests. Wait a few minutes and try again.",
        "same_as_current": "This is already your email address.",
    }

    def is_open_for_signup(self, request):
        """Places come by nomination or invitation: there is no sign-up."""
        return False

    def get_client_ip(self, request):
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        """Render the email now (with the request) and send it from a background task."""
        context = {k: v for k, v in context.items() if k != "request"}
        email_queue(template_prefix=template_prefix, to=email, context=context)

    def get_login_stages(self):
        """allauth's sign-in steps, with its "enter your code" step replaced by ours, which
        does not ask people who signed in through a provider that enforces MFA itself."""
        return [
            "accounts.second_factor.AuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]
