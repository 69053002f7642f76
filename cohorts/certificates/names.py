"""The language and direction of a holder's name as printed: a name in a script other than Latin
carries a `lang` (and, written right to left, `dir="rtl"`) on the certificate, so a screen
reader says it in the right voice and the tagged PDF records its language.

Without a person's own say (the profile has no such field), the language is taken from the
script the name is written in. A script used by one language above all gives that language;
one shared by many (Cyrillic, say) gives "und-" and the script, which is still true. A name in
Latin letters is left to the document's language: it may be Welsh or Polish, but nothing says
so.
"""

import unicodedata
from dataclasses import dataclass

# The first word of a character's Unicode name -> (BCP 47 tag, written right to left).
SCRIPTS = {
    "ARABIC": ("ar", True),
    "HEBREW": ("he", True),
    "SYRIAC": ("syr", True),
    "THAANA": ("dv", True),
    "NKO": ("nqo", True),
    "GREEK": ("el", False),
    "ARMENIAN": ("hy", False),
    "GEORGIAN": ("ka", False),
    "CYRILLIC": ("und-Cyrl", False),
    "DEVANAGARI": ("hi", False),
    "BENGALI": ("bn", False),
    "GURMUKHI": ("pa", False),
    "GUJARATI": ("gu", False),
    "ORIYA": ("or", False),
    "TAMIL": ("ta", False),
    "TELUGU": ("te", False),
    "KANNADA": ("kn", False),
    "MALAYALAM": ("ml", False),
    "SINHALA": ("si", False),
    "THAI": ("th", False),
    "LAO": ("lo", False),
    "TIBETAN": ("bo", False),
    "MYANMAR": ("my", False),
    "KHMER": ("km", False),
    "ETHIOPIC": ("am", False),
    "HANGUL": ("ko", False),
    "HIRAGANA": ("ja", False),
    "KATAKANA": ("ja", False),
    "CJK": ("zh", False),
}


@dataclass(frozen=True)
class NameLanguage:
    lang: str = ""  # empty: the document's own language
    rtl: bool = False


def name_language(name: str) -> NameLanguage:
    """The language of a name from the script of its letters. Japanese names mix kana with
    Chinese characters: any kana makes the name Japanese."""
    found = []
    for char in name or "":
        if not char.isalpha():
            continue
        script = unicodedata.name(char, "").split(" ")[0]
        if script in SCRIPTS:
            found.append(SCRIPTS[script])
    if not found:
        return NameLanguage()
    if ("ja", False) in found:
        return NameLanguage("ja")
    lang, rtl = max(set(found), key=found.count)
    return NameLanguage(lang, rtl)
