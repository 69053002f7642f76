"""Revocation through a W3C Bitstring Status List: each credential has a random place (index)
in a list of 131,072 bits (the smallest the specification allows, so one credential's bit says
nothing about who holds it); a set bit means the credential is withdrawn (its certificate was
revoked, or a later edition replaced it). The list is published as a signed credential of its
own at a stable address, `/credentials/status/<list>/`, and rebuilt from the certificates every
time it is asked for, so it can never disagree with them.
"""

import base64
import gzip
import secrets

from django.db import IntegrityError, transaction

from links import absolute_reverse

from .models import Credential

LIST_SIZE = 131_072  # bits: 16 KB, the specification's minimum for group privacy
# A list is closed to new credentials once this full, so a random free place is quick to find.
LIST_FILL = LIST_SIZE // 2
PURPOSE = "revocation"


def status_list_url(list_number: int) -> str:
    return absolute_reverse("credentials:status_list", list_number)


def status_entry(credential: Credential) -> dict:
    """The credential's `credentialStatus`: where its bit is."""
    url = status_list_url(credential.status_list)
    return {
        "id": f"{url}#{credential.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(credential.status_index),
        "statusListCredential": url,
    }


def allocate(make_credential):
    """Save a new credential (`make_credential(list_number, index)` builds it, unsaved) at a
    random free place in the first list with room."""
    list_number = 1
    while Credential.objects.filter(status_list=list_number).count() >= LIST_FILL:
        list_number += 1
    for _ in range(20):
        index = secrets.randbelow(LIST_SIZE)
        if Credential.objects.filter(status_list=list_number, status_index=index).exists():
            continue
        credential = make_credential(list_number, index)
        try:
            with transaction.atomic():
                credential.save()
        except IntegrityError:  # Taken by another credential meanwhile.
            continue
        return credential
    raise RuntimeError("No free place in the credential status list.")


def withdrawn_indexes(list_number: int) -> set[int]:
    return set(
        Credential.objects.withdrawn()
        .filter(status_list=list_number)
        .values_list("status_index", flat=True)
    )


def encode(indexes) -> str:
    """The bitstring with these bits set, gzipped, as multibase base64url ("u" prefix). Bit 0 is
    the most significant bit of the first byte."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("Not a multibase base64url list.")
    raw = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(list_number: int, *, issuer: dict, now) -> dict:
    """The status list as an unsigned BitstringStatusListCredential."""
    url = status_list_url(list_number)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(withdrawn_indexes(list_number)),
        },
    }
