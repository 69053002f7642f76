import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel

from accounts.models import normalise_email

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def parse_domains(text):
    """Email domains typed one per line (or separated by commas or spaces), lower-cased, with
    any leading "@" dropped, in order and without repeats."""
    seen = []
    for part in re.split(r"[\s,;]+", text or ""):
        domain = part.strip().lstrip("@").lower()
        if domain and domain not in seen:
            seen.append(domain)
    return seen


class IdentityProviderQuerySet(models.QuerySet):
    def enabled(self):
        return self.filter(enabled=True).select_related("organisation")

    def for_email(self, email):
        """The enabled provider whose organisation's email domains include this address's."""
        domain = normalise_email(email).rpartition("@")[2]
        if not domain:
            return None
        for provider in self.enabled():
            if domain in provider.domains:
                return provider
        return None


class IdentityProvider(models.Model):
    """An organisation's OpenID Connect identity provider (a Microsoft Entra ID tenant, or any
    certified issuer), through which its people sign in to the academy with their everyday
    work account. Only people who already have a place (an account made by nomination or
    invitation) get in, matched by the email address the provider has verified, in one of the
    organisation's email domains."""

    organisation = models.OneToOneField(
        "cohorts.Organisation", on_delete=models.CASCADE, related_name="identity_provider"
    )
    slug = models.SlugField(
        max_length=60,
        unique=True,
        editable=False,
        help_text="Part of the address the provider sends people back to; never changes.",
    )
    issuer_url = models.URLField(
        "issuer",
        max_length=500,
        help_text=(
            "Exactly as in the provider's discovery document, for example "
            "https://login.microsoftonline.com/<tenant id>/v2.0"
        ),
    )
    client_id = models.CharField("client ID", max_length=255)
    client_secret = models.CharField(
        "client secret",
        max_length=500,
        blank=True,
        help_text="Never shown again once saved. Leave blank to keep the current one.",
    )
    email_domains = models.TextField(
        help_text="The organisation's email domains, one per line, for example kent.police.uk"
    )
    password_sign_in_allowed = models.BooleanField(
        "people may also sign in with a password",
        default=True,
        help_text=(
            "Untick to make this organisation's people sign in through its provider only "
            "(they are then never asked for or sent a password)."
        ),
    )
    enforces_mfa = models.BooleanField(
        "the provider enforces multi-factor authentication",
        default=False,
        help_text=(
            "Tick only if the provider always asks for a second factor: staff who sign in "
            "through it are then not asked for another one by the academy."
        ),
    )
    enabled = models.BooleanField(default=True)

    objects = IdentityProviderQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("issuer_url"),
                FieldPanel("client_id"),
                FieldPanel("client_secret"),
                HelpPanel(template="single_sign_on/redirect_uri_help.html"),
            ],
            heading="Provider",
        ),
        FieldPanel("email_domains"),
        FieldPanel("password_sign_in_allowed"),
        FieldPanel("enforces_mfa"),
        FieldPanel("enabled"),
    ]

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = "organisation sign-in"
        verbose_name_plural = "organisation sign-ins"

    def __str__(self):
        return f"Sign in with {self.organisation}"

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.organisation.name)[:50] or "organisation"
            slug, n = base, 1
            while IdentityProvider.objects.filter(slug=slug).exists():
                n += 1
                slug = f"{base}-{n}"
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def domains(self):
        return parse_domains(self.email_domains)

    @property
    def discovery_url(self):
        return self.issuer_url.rstrip("/") + "/.well-known/openid-configuration"

    @property
    def callback_path(self):
        return reverse("openid_connect_callback", kwargs={"provider_id": self.slug})

    def clean(self):
        domains = parse_domains(self.email_domains)
        if not domains:
            raise ValidationError({"email_domains": "Enter at least one email domain."})
        bad = [d for d in domains if not _DOMAIN.match(d)]
        if bad:
            raise ValidationError({"email_domains": f"Not an email domain: {', '.join(bad)}"})
        others = IdentityProvider.objects.exclude(pk=self.pk)
        taken = sorted(
            {d for other in others for d in other.domains} & set(domains),
        )
        if taken:
            raise ValidationError(
                {"email_domains": f"Already linked to another organisation: {', '.join(taken)}"}
            )
        self.email_domains = "\n".join(domains)
        if not self.pk and not self.client_secret:
            raise ValidationError({"client_secret": "Enter the client secret."})
