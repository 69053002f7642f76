"""Each element's language in the tagged PDF. WeasyPrint (70) tags the structure, the images'
alternative text and the document's language, but not the `lang` of an element inside it: a
name in Arabic would be read out in an English voice. This records an element's `lang` on its
structure element (`/Lang`), as PDF/UA asks for a change of language.

It wraps WeasyPrint's tag-tree builder, a private function: should a WeasyPrint upgrade rename
it, nothing is wrapped and the test of the merged PDF's languages fails, saying so.
"""

import pydyf
from weasyprint.pdf import tags

_BUILDER = "_build_box_tree"


def _with_language(build):
    def build_box_tree(box, parent, pdf, *args, **kwargs):
        element = getattr(getattr(box, "_box", box), "element", None)
        lang = element.get("lang") if element is not None and element.tag != "html" else None
        for structure in build(box, parent, pdf, *args, **kwargs):
            if lang and "Lang" not in structure and structure.get("P") == parent.reference:
                structure["Lang"] = pydyf.String(lang)
            yield structure

    build_box_tree.academy_language = True
    return build_box_tree


def install() -> bool:
    """Wrap WeasyPrint's builder once; False if this WeasyPrint has no such builder."""
    build = getattr(tags, _BUILDER, None)
    if build is None:
        return False
    if not getattr(build, "academy_language", False):
        setattr(tags, _BUILDER, _with_language(build))
    return True
