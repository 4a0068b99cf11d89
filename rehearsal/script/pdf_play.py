"""Stage plays set as PDF, read through the same rules as plain-text plays.

A play's page is not a screenplay's: the speech runs the full width of the page and the
speaker is either a name centred above it (acting editions) or a name in bold starting the
speech's first line, with the rest of the paragraph hanging under it (run-in editions).
Directions are told by type, in italics. The layout and the type styles are turned back into
the plain text a play file would hold: a blank line where the page leaves space between
paragraphs or a new paragraph starts, a centred line indented as it stands, a bold run-in
name with the ``.`` that marks a cue, italic directions wrapped in ``_…_``. That text then
goes through :func:`rehearsal.script.import_text.import_play_text`, so plays read the same
way whatever file they come in.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter

from rehearsal.script.import_text import import_play_text
from rehearsal.script.model import Script, SourceFormat
from rehearsal.script.pdf_layout import DualBlock, Geometry, LayoutLine, PageLayout, is_cue_text
from rehearsal.script.pdf_text import Word

#: Space above a line, in pitches, that sets a paragraph apart.
_PARAGRAPH_GAP = 1.3
_BRACKETED = re.compile(r"^[\[(].*[\])][.,;:!?]?$")
_OPENS = re.compile(r"^[\[(]")
_CLOSES = re.compile(r"[\])][.,;:!?]?$")
#: A run-in name: capitals or a capitalised name, up to four words, perhaps ending in . or :
_RUN_IN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?: [A-ZÀ-ÖØ-Þ&][\w'’.\-]*){0,3}[.:]?$")


def _lines(pages: list[PageLayout]) -> list[LayoutLine]:
    out: list[LayoutLine] = []
    for page in pages:
        for item in page.items:
            if isinstance(item, DualBlock):
                out.extend(sorted(item.left + item.right, key=lambda line: (line.y, line.x0)))
            else:
                out.append(item)
    return out


def _letter_spaced(words: list[Word]) -> list[Word]:
    """``H A M L E T`` set with spaced letters: join the letters, keep the wider word gaps."""
    if len(words) < 3 or not all(len(w.text) == 1 for w in words):
        return words
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    usual = statistics.median(gaps)
    joined = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=True):
        if gap > usual * 1.8:
            joined.append(word)
        else:
            last = joined[-1]
            joined[-1] = Word(last.x0, word.x1, last.text + word.text, last.bold, last.italic)
    return joined


def _styled_text(words: list[Word], run_in_name: bool) -> str:
    """The words of a line, italic runs wrapped in ``_…_`` unless printed in brackets."""
    pieces: list[str] = []
    index = 0
    if run_in_name:
        # The bold type says it is a name; capitals say so to the play rules, which accept a
        # title-case name only once it recurs (a one-speech ``Guildenstern.`` would not).
        name = words[0].text.upper()
        if not name.endswith((".", ":")):
            name += "."
        pieces.append(name)
        index = 1
    while index < len(words):
        if not words[index].italic:
            pieces.append(words[index].text)
            index += 1
            continue
        end = index
        while end < len(words) and words[end].italic:
            end += 1
        run = " ".join(w.text for w in words[index:end])
        pieces.append(run if _OPENS.match(run) and _CLOSES.search(run) else f"_{run}_")
        index = end
    return " ".join(pieces)


def _run_in_start(words: list[Word]) -> bool:
    """A line opened by a bold name, followed by words that are not bold."""
    if len(words) < 2 or not words[0].bold or words[1].bold:
        return False
    return bool(_RUN_IN_NAME.match(words[0].text))


def _run_in_names(words: list[Word]) -> list[Word]:
    """Two or more bold words at the start (``LADY MACBETH.``) made one name word."""
    count = 0
    while count < len(words) and words[count].bold:
        count += 1
    if count < 2 or count == len(words) or count > 4:
        return words
    name = " ".join(w.text for w in words[:count])
    first = words[0]
    return [Word(first.x0, words[count - 1].x1, name, True, False), *words[count:]]


def _hanging_indent(lines: list[LayoutLine], starts: list[bool], cw: float) -> float | None:
    """Where the second and later lines of run-in paragraphs start (``None``: not run-in)."""
    if sum(starts) < 3:
        return None
    votes: Counter[int] = Counter()
    for (above, below), opens in zip(itertools.pairwise(lines), starts[1:], strict=False):
        if not opens and above.page == below.page:
            votes[round(below.x0 / cw)] += 1
    following = [
        round(below.x0 / cw)
        for (above, below), opened, opens in zip(
            itertools.pairwise(lines), starts, starts[1:], strict=False
        )
        if opened and not opens and above.page == below.page
    ]
    if not following:
        return min(line.x0 for line in lines)
    return Counter(following).most_common(1)[0][0] * cw


def play_text(pages: list[PageLayout], geo: Geometry) -> str:
    """The body of a play PDF as plain play text, paragraphs and centring kept.

    A new paragraph (a blank line) starts where the page leaves space above a line, at a
    centred line and the line after it, at a bold run-in name, and, in a run-in edition, at
    any line that does not continue a paragraph at its hanging indent (a direction set on
    its own, a heading): run-in editions often set paragraphs with no space between them.
    """
    lines = _lines(pages)
    if not lines:
        return ""
    cw = geo.char_width
    widths = [(line.x0 + line.x1) / 2 for line in lines if len(line.text) > 40]
    centre = statistics.median(widths) if widths else geo.action_x + 30 * cw
    words_of = [
        _run_in_names(_letter_spaced(line.words or [Word(line.x0, line.x1, line.text)]))
        for line in lines
    ]
    starts = [_run_in_start(words) for words in words_of]
    hang = _hanging_indent(lines, starts, cw)
    out: list[str] = []
    previous: LayoutLine | None = None
    previous_centred = in_paragraph = False
    for line, words, run_in in zip(lines, words_of, starts, strict=True):
        gap = line.y - previous.y if previous is not None and previous.page == line.page else 0.0
        centred = abs((line.x0 + line.x1) / 2 - centre) < 2 * cw and line.x0 > geo.action_x + 4 * cw
        continues = hang is not None and in_paragraph and abs(line.x0 - hang) <= cw
        new_paragraph = (
            gap > geo.pitch * _PARAGRAPH_GAP
            or run_in
            or centred
            or previous_centred
            or (hang is not None and not continues)
        )
        if out and out[-1] and new_paragraph:
            out.append("")
        text = _styled_text(words, run_in)
        indent = round((line.x0 - geo.action_x) / cw) if centred else 0
        out.append(" " * max(0, indent) + text)
        # A centred name is a cue with its speech under it; other centred lines stand alone.
        previous, previous_centred = line, centred and not is_cue_text(line.text)
        in_paragraph = run_in or continues
    return "\n".join(out) + "\n"


def import_play_pdf(pages: list[PageLayout], geo: Geometry) -> Script:
    """A play PDF read by the plain-text play rules; the result says it came from a PDF."""
    script = import_play_text(play_text(pages, geo))
    script.format = SourceFormat.PDF
    return script


__all__ = ["import_play_pdf", "play_text"]
