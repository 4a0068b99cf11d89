"""PDF sides for the PDF importer's tests, and the views of an import they compare.

The sides are a script in the ``rehearsal parse --json`` shape (see
:mod:`tests.script.pdf_factory`, which typesets it): the tests render it in an exporter's
layout, import the PDF and compare the dialogue with what went in, as the corpus scorer does.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from rehearsal.script.model import Dialogue, Script
from rehearsal.script.pdf_text import extract
from rehearsal.script.serialize import script_to_dict
from tests.script.pdf_factory import act, dlg, scene, script, trans

LONG_SPEECH = (
    "I have been thinking about what you said last night, about the house and the "
    "garden and the way the light comes in through the kitchen window in the morning, "
    "and I have decided that you were right all along, even about the roses, which I "
    "never wanted to admit. So I am staying. I am staying here with you and the dog and "
    "the leaking roof, and we will fix it together, one tile at a time, until it is done."
)


def sides() -> dict[str, Any]:
    """Three pages of sides: headings, action, parentheticals, a transition, long speeches."""
    filler = " ".join(["The rain keeps falling on the tin roof of the porch."] * 5)
    return script(
        scene(
            "INT. KITCHEN - NIGHT",
            act("MARY (40s) stands at the sink. JOHN enters, soaked."),
            dlg("MARY", "You're late."),
            dlg("JOHN", "(shaking off the rain)", "The road was flooded. I had to go round."),
            dlg("MARY", "You could have called.", "(beat)", "You never call."),
            act(filler),
            dlg("JOHN", "I tried. The line was dead.", ext="O.S."),
            trans("CUT TO:"),
            number="12",
        ),
        scene(
            "EXT. PORCH - CONTINUOUS",
            act(filler),
            act(filler),
            dlg("McCABE", "Evening, folks. Mind if I come in out of this?"),
            dlg("MARY", "(to John, quietly)", "Who is he?"),
            act(filler),
            dlg("JOHN", LONG_SPEECH),
            dlg("MARY", "Then stay."),
            number="13A",
        ),
    )


def blocks(data: dict[str, Any] | Script) -> list[tuple[str, bool, tuple[tuple[str, str], ...]]]:
    """Dialogue blocks as the corpus scorer compares them (NFKC, whitespace collapsed)."""
    doc = script_to_dict(data) if isinstance(data, Script) else data

    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).split())

    return [
        (
            el["character"].upper(),
            bool(el.get("dual")),
            tuple((p["type"], norm(p["text"])) for p in el["content"] if norm(p["text"])),
        )
        for sc in doc["scenes"]
        for el in sc["elements"]
        if el["type"] == "dialogue"
    ]


def all_text(result: Script) -> str:
    """Every piece of text the import produced: headings, elements and dialogue parts."""
    pieces: list[str] = []
    for sc in result.scenes:
        pieces.append(sc.heading or "")
        for el in sc.elements:
            if isinstance(el, Dialogue):
                pieces.append(el.character)
                pieces.extend(p.text for p in el.parts)
            else:
                pieces.append(el.text)
    return "\n".join(pieces)


def pdf_text(data: bytes) -> str:
    """The raw lines of a PDF, to check that a test PDF really contains what it tests."""
    doc = extract(data, lambda _: None)
    return "\n".join(line.text for page in doc.pages for line in page.lines)
