"""What one line of a plain-text play can be: a heading, a speaker's cue, a stage direction.

Play texts carry no markup, so every decision here is about the shapes that printed plays
actually use: ``HAMLET.`` or ``Lady Bracknell:`` before a speech, a name alone on its line
(capitals, centred or flush), abbreviations such as ``Ham.``; directions in ``[ ]``, ``( )``,
``_italics_`` or as bare ``Enter …`` / ``Exeunt.`` lines; ``ACT II`` / ``Scene: A garden`` /
``Actus Primus. Scaena Prima.`` headings. The functions judge a single line; whether a
candidate cue is really a speaker is decided for the whole file in
:mod:`rehearsal.script.import_text`, where recurrence can be counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rehearsal.script.cues import collapse_whitespace, has_letter, is_contd
from rehearsal.script.model import Part, PartKind

_ORDINAL = (
    r"(?:[IVXLC]+|\d+[A-Za-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)"
)
_LATIN = (
    r"(?:prim(?:us|a)|secund(?:us|a)|terti(?:us|a)|quart(?:us|a)|quint(?:us|a)|sext(?:us|a)"
    r"|septim(?:us|a)|octav(?:us|a)|non(?:us|a)|decim(?:us|a)|[uv]ltim(?:us|a))"
)
_HEADING_PATTERNS = (
    # ACT II / Act One / ACT 2, SCENE 3 / ACT THE FIRST
    re.compile(rf"^act\s+(?:the\s+)?{_ORDINAL}\b[.:,]?(?:\s.*)?$", re.IGNORECASE),
    # FIRST ACT / The Second Act
    re.compile(rf"^(?:the\s+)?{_ORDINAL}\s+act\b[.:]?(?:\s.*)?$", re.IGNORECASE),
    # SCENE 3. / Scene II: A garden
    re.compile(rf"^scene\s+{_ORDINAL}\b[.:,]?(?:\s.*)?$", re.IGNORECASE),
    # Scene: A garden / SCENE. Elsinore. / SCENE — A room
    re.compile(r"^scene\s*(?:[.:]|\s[-–—])\s*\S.*$", re.IGNORECASE),
    # Actus Primus. Scaena Prima. / Scena Secunda.
    re.compile(rf"^(?:actus|sc(?:a|o|æ|œ|oe|ae)?ena)\s+{_LATIN}\b.*$", re.IGNORECASE),
    # PROLOGUE / EPILOGUE / INDUCTION / INTERLUDE alone on their line
    re.compile(r"^(?:the\s+)?(?:prologue|epilogue|induction|interlude)\.?$", re.IGNORECASE),
)

_DIRECTION_WORDS = frozenset(
    {
        "ENTER",
        "ENTERS",
        "ENTERING",
        "RE-ENTER",
        "RE-ENTERS",
        "REENTER",
        "REENTERS",
        "EXIT",
        "EXITS",
        "EXEUNT",
        "MANET",
        "MANENT",
        "FLOURISH",
        "ALARUM",
        "ALARUMS",
        "SENNET",
        "HAUTBOYS",
        "TRUMPETS",
        "THUNDER",
        "CURTAIN",
        "BLACKOUT",
    }
)
_BARE_DIRECTION = re.compile(
    r"^(?:Enter|Enters|Re-enter|Re-enters|Reenter|Exit|Exits|Exeunt|Manet|Manent|Flourish"
    r"|Alarum|Alarums|Sennet|Hautboys|ENTER|EXIT|EXEUNT|RE-ENTER)\b"
)

#: Whole cues that are words of a speech or of the front matter, never speakers.
STOP_NAMES = frozenset(
    {
        # words a speech line often starts with
        *("A", "AN", "THE", "I", "ME", "MY", "YOU", "YOUR", "HE", "SHE", "WE", "THEY", "IT"),
        *("THIS", "THAT", "THESE", "THOSE", "HERE", "THERE", "YES", "NO", "NOT", "OK", "OKAY"),
        *("OH", "O", "AH", "AHA", "ALAS", "AY", "AYE", "NAY", "WELL", "NOW", "SO", "THEN"),
        *("AND", "BUT", "OR", "IF", "WHAT", "WHY", "HOW", "WHO", "WHOM", "WHERE", "WHEN"),
        *("COME", "GO", "LOOK", "LISTEN", "PLEASE", "THANKS", "GOOD", "FINE", "RIGHT"),
        *("SORRY", "HELLO", "HI", "HEY", "WAIT", "STOP", "NEVER", "ALWAYS", "NOTHING", "TRUE"),
        *("SURE", "INDEED", "FAREWELL", "ADIEU", "AMEN", "HA", "HM", "HMM", "UM", "UH", "ER"),
        *("EH", "WOW", "MAYBE", "PERHAPS", "EXACTLY", "ENOUGH", "AGAIN", "STILL", "QUITE"),
        *("REALLY", "SIR", "MADAM", "MAAM", "MA'AM", "GOD", "LORD", "JESUS", "CHRIST"),
        # labels of the front matter and of the stage
        *("NOTE", "NOTES", "NB", "N.B", "SETTING", "SETTINGS", "TIME", "PLACE", "SCENE"),
        *("SCENES", "ACT", "ACTS", "CHARACTERS", "CAST", "PERSONS", "AUTHOR", "TITLE", "BY"),
        *("COPYRIGHT", "DRAFT", "CONTACT", "SYNOPSIS", "PRODUCTION", "MUSIC", "SOUND"),
        *("SOUNDS", "LIGHTS", "LIGHTING", "CURTAIN", "BLACKOUT", "END", "FINIS", "INTERVAL"),
        *("INTERMISSION", "LOCATION", "DATE", "PERIOD", "AGE", "DESCRIPTION", "PAUSE", "BEAT"),
        *("SILENCE", "DARKNESS", "FADE", "CONTENTS", "CHAPTER", "PAGE", "PART", "TRANSLATED"),
        *("EDITED", "WRITTEN", "THE END", "END OF PLAY", "END OF ACT", "LIGHTS UP"),
        *("LIGHTS DOWN", "FADE OUT"),
    }
)

_HONORIFICS = frozenset(
    {
        *("MR", "MRS", "MS", "MESSRS", "MME", "MLLE", "DR", "ST", "MT", "REV", "HON", "SR"),
        *("JR", "CAPT", "COL", "GEN", "LT", "SGT", "PROF", "FR", "BR", "SEN", "GOV", "PRES"),
        *("SUPT", "INSP", "CPL", "PVT", "MAJ", "ADM", "CMDR", "ESQ", "NO", "VOL"),
    }
)
_JOINERS = frozenset(
    {"of", "the", "de", "du", "la", "le", "von", "van", "der", "da", "di", "del", "y", "and", "&"}
)
_NAME_CHARS = re.compile(r"^[^\W_][\w'’.\-&]*$")
_SEPARATOR = re.compile(r"[.:](?=\s|$)")
#: The number before one of several speakers of a kind: ``1.Sen.``, ``2. Lord.``, ``3 Witch``.
_ORDINAL_SPEAKER = re.compile(r"\d{1,2}(?:\.\s?|\s)(?=[^\W\d_])")
#: ``And. Blesse you``, ``1.Sen. Indeed``: one word, its stop, then the speech (or nothing).
_ABBREVIATION = re.compile(r"^((?:\d{1,2}(?:\.\s?|\s))?([^\W\d_])[\w'’-]*)([.:])(?:\s+(\S.*))?$")
_GAP = re.compile(r"^(\S.{0,59}?)\s{2,}(\S.*)$")
#: A name, then a bracket opening a direction: ``THE MOTHER [on her daughter's right] Not``
_NAME_THEN_BRACKET = re.compile(r"^([^\[\]()]{1,40}?)\s+(?=[\[(])")
_OPENER = re.compile(r"[\[(]")
#: A bracketed direction wrapped in italics, underscores inside it too: ``_[Languidly_._]_``
_ITALIC_DIRECTION = re.compile(r"_?(\[[^\[\]]*\]|\([^()]*\))_?")
#: The stop printed right after a direction, before the speech goes on: ``[Aside]. Two``
_DIRECTION_STOP = re.compile(r"[ \t]*[.,;:](?=\s|$)")
_ROUND = re.compile(r"[()]")
_SQUARE = re.compile(r"[\[\]]")
_SENTENCE_CLOSED = re.compile(r"[.!?)\]]$")
_MAX_DIRECTION_LINES = 40
_HEADING_HINT = re.compile(r"act|sc|prolog|epilog|induct|interlud", re.IGNORECASE)
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?!\w)"),
)
_SENTENCE_END = re.compile(r"""(?:[.!?…:;—–-]|--)["'”’»)\]]*$""")
_EXTENSIONS = frozenset(
    {
        "V.O.",
        "V.O",
        "VO",
        "O.S.",
        "O.S",
        "OS",
        "O.C.",
        "O.C",
        "OC",
        "V/O",
        "O/S",
        "ON PHONE",
        "OFF",
        "OFFSTAGE",
        "OFF-STAGE",
        "FILTERED",
    }
)


def strip_emphasis(text: str) -> str:
    """Remove ``**bold**``, ``*italic*`` and ``_underline_`` closed on the same line."""
    for pattern in _EMPHASIS:
        if "*" in text or "_" in text:
            text = pattern.sub(r"\1", text)
    return text


def is_heading(line: str) -> bool:
    """True for an act or scene heading (``ACT II``, ``Scene: A garden``, ``Actus Primus.``)."""
    if not line or len(line) > 100 or not line[0].isalpha() or not _HEADING_HINT.search(line):
        return False
    return any(pattern.match(line) for pattern in _HEADING_PATTERNS)


def heading_lines(lines: list[str]) -> set[int]:
    """Act/scene headings; in mixed case they must start a paragraph to count."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not is_heading(line):
            continue
        first_word = line.split()[0]
        starts_paragraph = index == 0 or not lines[index - 1] or (index - 1) in found
        if first_word.isupper() or starts_paragraph:
            found.add(index)
    return found


def bare_direction(line: str) -> bool:
    """A stage direction printed without brackets: ``Enter Hamlet.``, ``Exeunt.``."""
    return bool(_BARE_DIRECTION.match(line))


def bracket_end(text: str, start: int) -> int:
    """Index just past the bracket closing the one at ``start``, or -1 when it never closes."""
    pattern = _SQUARE if text[start] == "[" else _ROUND
    depth = 0
    for match in pattern.finditer(text, start):
        if match.group() in "[(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.end()
    return -1


def whole_direction(text: str) -> bool:
    """True when ``text`` is one bracketed or ``_italic_`` direction and nothing else."""
    text = text.strip()
    if len(text) < 2:
        return False
    if text[0] in "[(":
        return bracket_end(text, 0) == len(text)
    if text[0] == "_" and text[-1] == "_" and len(text) > 2:
        return "_" not in text[1:-1]
    return False


def opens_direction(text: str) -> bool:
    """A line that starts a bracketed direction it does not close (it wraps onto more lines)."""
    text = text.strip()
    return bool(text) and text[0] in "[(" and bracket_end(text, 0) == -1


@dataclass(frozen=True, slots=True)
class Cue:
    """A line that looks like a speaker's cue; ``rest`` is the speech on the same line."""

    name: str
    key: str
    caps: bool
    sep: str
    rest: str
    directions: tuple[str, ...] = ()
    extension: str | None = None
    contd: bool = False

    @property
    def inline(self) -> bool:
        return bool(self.rest)


def looks_like_name(name: str, sep: str, *, alone: bool = False) -> bool:
    """Could ``name`` be a speaker as printed before ``sep`` (``.``, ``:``, ``,`` or nothing)?

    ``alone``: the line is known to stand where cues stand, so title case needs no separator.
    """
    if not name or len(name) > 40 or not has_letter(name):
        return False
    words = name.split()
    if len(words) > 5 or not all(w == "&" or _NAME_CHARS.match(w) for w in words):
        return False
    caps = name.upper() == name
    ordinal = _ORDINAL_SPEAKER.match(name)  # "1.Sen", "2. Lord": one of several
    body = name[ordinal.end() :].split() if ordinal else words
    if not (body[0][0].isalpha() or (body[0][0].isdigit() and caps)):
        return False
    if not caps:
        if len(body) > 4 or not body[0][0].isupper() or not body[-1][0].isupper():
            return False
        if any(not (w[0].isupper() or w[0].isdigit() or w in _JOINERS) for w in body):
            return False
        if sep == "" and not alone:
            return False  # a title-case line with no separator is prose
    last = words[-1].rstrip(".").upper()
    if sep == "." and (last in _HONORIFICS or len(last) == 1):
        return False  # "Mrs. Ellis" or an initial: the dot is not the separator
    if any(_stops_a_sentence(word) for word in words[:-1]):
        return False  # "And. Sir Toby Belch": the first dot was the separator
    key = collapse_whitespace(name).upper()
    if key in STOP_NAMES or key.rstrip(".") in STOP_NAMES:
        return False
    if words[0].upper().rstrip(".") in _DIRECTION_WORDS:
        return False
    return not is_heading(name)


def _stops_a_sentence(word: str) -> bool:
    """A word inside a name that ends in a full stop that is no honorific's or initial's."""
    if not word.endswith("."):
        return False
    stem = word.rstrip(".")
    return (
        len(stem) > 1 and "." not in stem and not stem.isdigit() and stem.upper() not in _HONORIFICS
    )


def _split_trailing_brackets(head: str) -> tuple[str, list[str]] | None:
    """``NAME [aside]`` -> (``NAME``, [``[aside]``]); None for an unbalanced bracket."""
    groups: list[str] = []
    head = head.rstrip()
    while head and head[-1] in ")]":
        opener = "(" if head[-1] == ")" else "["
        depth = 0
        start = -1
        for index in range(len(head) - 1, -1, -1):
            if head[index] == head[-1]:
                depth += 1
            elif head[index] == opener:
                depth -= 1
                if depth == 0:
                    start = index
                    break
        if start <= 0:
            return None
        groups.insert(0, head[start:])
        head = head[:start].rstrip()
    if "(" in head or "[" in head or ")" in head or "]" in head:
        return None
    return head, groups


def _make_cue(head: str, sep: str, rest: str, *, alone: bool = False) -> Cue | None:
    split = _split_trailing_brackets(head)
    if split is None:
        return None
    name, groups = split
    name = collapse_whitespace(name.rstrip(","))
    if not looks_like_name(name, sep, alone=alone):
        return None
    directions: list[str] = []
    extensions: list[str] = []
    contd = False
    # A name in capitals alone on its line is laid out like a screenplay cue, where a group
    # in capitals after it is an extension: "THE NOTE TAKER (HIGGINS)", "ANNA (PRELAP)".
    screenplay_cue = not sep and not rest.strip() and name.upper() == name
    for group in groups:
        inner = collapse_whitespace(group[1:-1])
        if is_contd(inner):
            contd = True
        elif inner.upper() in _EXTENSIONS or (
            screenplay_cue and group[0] == "(" and inner == inner.upper() and has_letter(inner)
        ):
            extensions.append(inner)
        elif inner:
            directions.append(group)
    return Cue(
        name=name,
        key=name.upper(),
        caps=name.upper() == name,
        sep=sep,
        rest=rest.strip(),
        directions=tuple(directions),
        extension=" ".join(extensions) or None,
        contd=contd,
    )


def abbreviation_cue(line: str) -> Cue | None:
    """A one-word speaker and its stop starting the line, whatever the word means in English.

    Old editions abbreviate Andrew to ``And.`` and Toby to ``To.``; read word by word such a
    cue is a conjunction or an honorific, so :func:`parse_cue` refuses it. Whether it is a
    cue here is for the file's layout to say (see :mod:`rehearsal.script.play_speakers`).
    """
    match = _ABBREVIATION.match(line)
    if match is None:
        return None
    name, sep, rest = match.group(1), match.group(3), match.group(4) or ""
    if len(name) < 2 or not match.group(2).isupper() or name.upper() in _DIRECTION_WORDS:
        return None
    if is_heading(name):
        return None
    return Cue(name=name, key=name.upper(), caps=name.isupper(), sep=sep, rest=rest.strip())


def name_alone(line: str) -> Cue | None:
    """A whole line read as a name alone, in any case (``First Citizen``), or None."""
    if not line or len(line) > 60 or not line[0].isalnum():
        return None
    return _make_cue(line, "", "", alone=True)


@lru_cache(maxsize=4096)  # the whole-file analysis asks about the same lines repeatedly
def parse_cue(line: str) -> Cue | None:
    """The cue this stripped line starts with, if its shape allows one.

    Separators are tried left to right, so ``Mrs. Ellis: Hello.`` skips the honorific's dot
    and ``TOM (to Mary: low): Hi`` skips the colon inside the direction. A wide gap after a
    name in capitals separates it from the speech too (``sep`` is then empty), and so does a
    direction in brackets (:func:`_direction_run_in`).
    """
    if not line or not line[0].isalnum():
        return None
    gap = _GAP.match(line)
    if gap is not None and gap.group(1)[-1] not in ".:":
        # "MARGARET    Where were you?": a name in capitals and a tab, the speech after it
        cue = _make_cue(gap.group(1), "", gap.group(2))
        if cue is not None and cue.caps:
            return cue
    for match in _SEPARATOR.finditer(line, 0, min(len(line), 72)):
        cue = _make_cue(line[: match.start()], match.group(), line[match.end() :])
        if cue is not None:
            return cue
    run_in = _direction_run_in(line)
    if run_in is not None:
        return run_in
    if len(line) <= 60:
        cue = _make_cue(line, "", "")
        if cue is not None and cue.caps:
            return cue
    return None


def _direction_run_in(line: str) -> Cue | None:
    """``THE MOTHER [on her daughter's right] Not so long.``: no stop after name or direction.

    Shaw's editions, and the etexts made from them, print a speaker's direction between the
    name and the speech and end neither with a stop; the direction often wraps onto the
    next line. Only a name in capitals counts, as with a wide gap: a title-case word before
    a bracket is prose. The direction goes into the cue when it closes on the line (so an
    extension such as ``(V.O.)`` is still read as one); when it wraps, it stays at the head
    of the speech, where splitting the speech makes it a parenthetical all the same.
    """
    match = _NAME_THEN_BRACKET.match(line)
    if match is None:
        return None
    opener = match.end()
    close = bracket_end(line, opener)
    if close == -1:
        if line[opener] != "[":
            return None  # "MARY (forties, in a coat she has / outgrown) sits.": an entrance
        cue = _make_cue(match.group(1), "", line[opener:])
    else:
        close = _groups_end(line, close)  # "EDIE (V.O.) (CONT'D)": every group is the cue's
        rest = line[close:].lstrip()
        if rest[:1].islower():
            return None  # "MARY (forties) enters.": the sentence goes on, a direction
        cue = _make_cue(line[:close], "", rest)
    if cue is None or not cue.caps or not cue.rest:
        return None
    return cue


def _groups_end(line: str, end: int) -> int:
    """Index past the bracket groups that follow ``end`` one after another, if any."""
    while True:
        start = len(line) - len(line[end:].lstrip())
        if start >= len(line) or line[start] not in "[(":
            return end
        close = bracket_end(line, start)
        if close == -1:
            return end
        end = close


def _direction_here(before: str, after: str, opener: str) -> bool:
    """Whether a bracket group between ``before`` and ``after`` is a direction.

    Square brackets are always directions in a play. Parentheses are directions at the start
    or end of a speech or between sentences; inside a sentence they are the speaker's words.
    """
    before = before.strip()
    after = after.strip()
    if opener == "[" or not before or not after:
        return True
    return bool(_SENTENCE_END.search(before)) and not after[0].islower()


def split_speech(text: str) -> list[Part]:
    """A speech's text as speech and parenthetical parts, brackets kept as printed.

    Etexts mark directions in italics as well as brackets (``_[aside]_``) and end them with
    the sentence's own stop (``[Aside]. Two truths``): the underscores and that stop belong
    to the direction, not to the words around it.
    """
    if "_" in text:
        text = _ITALIC_DIRECTION.sub(lambda m: m.group(1).replace("_", ""), text)
    parts: list[Part] = []
    start = 0
    opener = _OPENER.search(text)
    while opener is not None:
        index = opener.start()
        end = bracket_end(text, index)
        if end == -1:
            break
        if _direction_here(text[start:index], text[end:], text[index]):
            _add_part(parts, PartKind.SPEECH, text[start:index])
            _add_part(parts, PartKind.PARENTHETICAL, text[index:end])
            stop = _DIRECTION_STOP.match(text, end)
            start = stop.end() if stop else end
        opener = _OPENER.search(text, end)
    _add_part(parts, PartKind.SPEECH, text[start:])
    return parts


def _add_part(parts: list[Part], kind: PartKind, text: str) -> None:
    text = collapse_whitespace(text)
    if not text:
        return
    if kind is PartKind.SPEECH and parts and parts[-1].kind is PartKind.SPEECH:
        parts[-1].text = f"{parts[-1].text} {text}"
    else:
        parts.append(Part(kind, text))


def _inside_sentence(lines: list[str], index: int) -> bool:
    """A line wholly in parentheses between two lines of one sentence is the speaker's:
    ``Norway,`` / ``(Thereto prick'd on by a most emulate pride)`` / ``Dared to the combat``."""
    before = lines[index - 1] if index > 0 else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    if not before or not after or not lines[index].startswith("("):
        return False
    return before[-1] in ",;" or before[-1].islower()


def direction_blocks(lines: list[str], headings: set[int]) -> dict[int, int]:
    """Directions that stand on their own lines: first line index -> last line index."""
    blocks: dict[int, int] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line or index in headings:
            index += 1
            continue
        if whole_direction(line):
            if not _inside_sentence(lines, index):
                blocks[index] = index
        elif opens_direction(line):
            joined = line
            for last in range(index + 1, min(len(lines), index + _MAX_DIRECTION_LINES)):
                if not lines[last]:
                    break
                joined = f"{joined} {lines[last]}"
                close = bracket_end(joined, 0)
                if close != -1:
                    if close == len(joined):
                        blocks[index] = last
                        index = last
                    break
        elif bare_direction(line):
            last = index
            while (
                last + 1 < len(lines)
                and last - index < 2
                and lines[last + 1]
                and not _SENTENCE_CLOSED.search(lines[last])
                and lines[last + 1][0].islower()
            ):
                last += 1
            blocks[index] = last
            index = last
        index += 1
    return blocks
