"""The visitor's address: the one definition every throttle uses (sign-in, password reset, the
codes sent for a first second factor, certificate verification and check-in).

Behind reverse proxies of our own, `X-Forwarded-For` ends with the addresses they added, so the
client is the entry that many places from the right (ACADEMY_TRUSTED_PROXY_COUNT, from the
environment's TRUSTED_PROXY_COUNT). Anything further left was written by the client and is never
trusted. With no trusted proxy the header is ignored and REMOTE_ADDR is the address.
"""

import ipaddress

from django.conf import settings


def _clean(value):
    value = (value or "").strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def client_ip(request):
    """The client's IP address as text ("unknown" when there is none to read)."""
    proxies = getattr(settings, "ACADEMY_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop]
        if len(hops) >= proxies:
            address = _clean(hops[-proxies])
            if address:
                return address
    return _clean(request.META.get("REMOTE_ADDR")) or "unknown"
