"""`manage.py rotate_credential_key`: retire the key that signs credentials and make a new one.
Credentials signed with the old key still verify: its public half stays published."""

from django.core.management.base import BaseCommand

from credentials.keys import key_rotate, key_url


class Command(BaseCommand):
    help = "Make a new credential signing key; the old one stays published for checking."

    def handle(self, *args, **options):
        key = key_rotate()
        self.stdout.write(f"New signing key {key.thumbprint}, published at {key_url(key)}.")
