"""Character cues: turning ``MARY (V.O.) (CONT'D)`` into a canonical name and an extension.

Every importer meets the same cue spellings, so the rules of PARSE_FORMAT live here once:
the name is upper-cased and stripped of its parenthesised extensions, ``CONT'D`` and its
variants are dropped, and the other extensions (``V.O.``, ``O.S.``, ``ON PHONE``) are kept.
"""

from __future__ import annotations

import re

_CONTD = re.compile(r"^(?:CONT['’`]?D\.?|CONTD|CONT\.|CONTINUED|CONTINUING|CONT)$", re.IGNORECASE)
#: An extension in ASCII or full-width parentheses: ``(V.O.)``, ``（V.O.）``.
_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")
_SPACES = re.compile(r"\s+")
_TRANSITION = re.compile(
    r"(?:\bTO:|\bTO BLACK\.?|^FADE (?:OUT|IN)[.:]?|\bOUT\.|^CUT:|^INTERCUT[^a-z]*)$"
)


def collapse_whitespace(text: str) -> str:
    """Join soft-wrapped lines and runs of spaces into single spaces."""
    return _SPACES.sub(" ", text).strip()


def is_contd(text: str) -> bool:
    """True for ``CONT'D`` and its spellings (``CONT’D``, ``CONTINUING``, ``CONT.``)."""
    return bool(_CONTD.match(text.strip()))


def split_cue(raw: str) -> tuple[str, str | None]:
    """Split a cue line into (canonical name, extension or None).

    >>> split_cue("Mary (V.O.) (CONT'D)")
    ('MARY', 'V.O.')
    >>> split_cue("BOB (CONT’D)")
    ('BOB', None)
    >>> split_cue("ジョン（V.O.）")
    ('ジョン', 'V.O.')
    """
    extensions = [
        collapse_whitespace(m) for m in _PAREN.findall(raw) if m.strip() and not is_contd(m)
    ]
    name = _PAREN.sub(" ", raw)
    # An unclosed "(" (a cue wrapped mid-extension) is dropped with what follows it.
    name = name.split("(", 1)[0].split("（", 1)[0]
    name = collapse_whitespace(name).upper()
    return name, (" ".join(extensions) if extensions else None)


def looks_like_transition(text: str) -> bool:
    """``CUT TO:``, ``FADE TO BLACK.``, ``FADE OUT.``: printed as a transition in any format."""
    return bool(_TRANSITION.search(text))


def has_letter(text: str) -> bool:
    """A cue must contain at least one letter (``R2D2`` is a name, ``1984`` is not)."""
    return any(ch.isalpha() for ch in text)
