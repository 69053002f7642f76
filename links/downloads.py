"""How a download is named (RFC 6266): a plain-ASCII `filename` every browser understands, and
the real name, in any script, as `filename*` (RFC 5987), so a certificate for "Zoë Ødegård" or
"Дмитрий" is saved under that name rather than opened or named in MIME-encoded gibberish."""

import re
import unicodedata
from urllib.parse import quote

_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()+,-]")


def ascii_filename(filename):
    """The name with accents taken off and anything else outside plain ASCII replaced."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    plain = _UNSAFE.sub("_", plain).strip() or "download"
    return plain


def content_disposition(filename, *, attachment=True):
    """The Content-Disposition header value for `filename`."""
    kind = "attachment" if attachment else "inline"
    fallback = ascii_filename(filename)
    if fallback == filename:
        return f'{kind}; filename="{filename}"'
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
