"""What a person's organisation decides about signing in, asked through Wagtail hooks that the
single_sign_on app registers (accounts never imports it: it depends on accounts).

- `password_sign_in_refused`: fn(email) -> None, or {"organisation": name, "login_url": path}
  when that address's organisation signs its people in itself and allows no password here.
- `second_factor_by_identity_provider`: fn(provider_id) -> bool, whether a sign-in through that
  identity provider has already asked for a second factor (so the academy does not ask again).
"""

from wagtail import hooks

PASSWORD_SIGN_IN_HOOK = "password_sign_in_refused"
IDENTITY_PROVIDER_HOOK = "second_factor_by_identity_provider"


def password_sign_in_refusal(email):
    """Who manages sign-in for this address when a password may not be used, else None."""
    for hook in hooks.get_hooks(PASSWORD_SIGN_IN_HOOK):
        refusal = hook(email=email)
        if refusal:
            return refusal
    return None


def provider_enforces_second_factor(provider_id):
    return bool(provider_id) and any(
        hook(provider_id=provider_id) for hook in hooks.get_hooks(IDENTITY_PROVIDER_HOOK)
    )
