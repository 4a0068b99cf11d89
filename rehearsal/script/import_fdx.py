"""Final Draft (``.fdx``) import: the XML that Final Draft, Fade In, WriterDuet and Highland save.

FDX is the most faithful format an actor is sent, because every paragraph says what it is
(``<Paragraph Type="Character">``), so the work here is not guessing but reading the
variations between writing programs: several ``<Text>`` runs per paragraph (a run per style
change, an empty run for a line break), ``<DualDialogue>`` nested in a ``<Paragraph>`` or
directly under ``<Content>``, scene numbers in a ``Number`` attribute, and ``(MORE)`` /
``NAME (CONT'D)`` pairs left in the text by PDF-to-FDX converters.

The XML comes from strangers' e-mail, so it is parsed with :mod:`defusedxml`: any entity
declaration (the vehicle of "billion laughs" bombs and of external entities that read local
files) is refused, an external DTD is never fetched, and every parser failure becomes a
:class:`ScriptImportError` naming the line. A bare ``<!DOCTYPE FinalDraft>``, which some
exporters write, declares nothing and is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, EntitiesForbidden

from rehearsal.script.cues import (
    collapse_whitespace,
    has_letter,
    is_contd,
    looks_like_transition,
    split_cue,
)
from rehearsal.script.encoding import decode_text
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.importer import ProgressCallback, report
from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)

ENTITY_MESSAGE = (
    "the FDX file contains entity declarations, which are refused for safety "
    "(an XML bomb or an external-entity reference)"
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MORE = re.compile(r"^\(\s*MORE\s*\)$", re.IGNORECASE)
_MORE_AT_END = re.compile(r"\s*\(\s*MORE\s*\)\s*$", re.IGNORECASE)

# Paragraph types, lower-cased. Everything not listed reads as action, which is what Final
# Draft itself shows for an unknown custom element.
_CENTERED_TYPES = frozenset(
    {
        "new act",
        "end of act",
        "act break",
        "center",
        "centered",
        "cold opening",
        "cold open",
        "show/ep. title",
        "teaser",
        "tag",
    }
)
_LYRIC_TYPES = frozenset({"lyrics", "lyric", "song"})
_TRANSITION_TYPES = frozenset({"transition"})
_HEADING_TYPES = frozenset({"scene heading", "slugline", "scene"})


def _local(tag: object) -> str:
    """The tag without an XML namespace: some writers put the FDX in one, most do not."""
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1]


def _parse_xml(data: bytes) -> tuple[XmlElement, list[str]]:
    """The root element, plus warnings about the encoding repair it may have needed."""
    try:
        return _safe_fromstring(data), []
    except EntitiesForbidden:
        raise ScriptImportError(ENTITY_MESSAGE) from None
    except DefusedXmlException:
        raise ScriptImportError(
            "the FDX file uses XML features that are refused for safety (external references)"
        ) from None
    except LookupError as exc:
        raise ScriptImportError(f"the FDX file declares an unknown text encoding ({exc})") from None
    except ParseError as exc:
        repaired = _reparse_legacy_encoding(data)
        if repaired is not None:
            return repaired, [
                "the file is not valid UTF-8 as it claims; it was read as a Windows code page"
            ]
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":", 1)[0] or "malformed XML"
        raise ScriptImportError(
            f"the FDX file is not well-formed XML ({reason} at line {line}, column {column + 1})"
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ScriptImportError(f"the FDX file cannot be read ({type(exc).__name__})") from None


def _safe_fromstring(data: bytes | str) -> XmlElement:
    """Parse with every entity declaration and external reference refused."""
    root: XmlElement = SafeET.fromstring(
        data, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    return root


def _reparse_legacy_encoding(data: bytes) -> XmlElement | None:
    """Retry a file whose bytes are cp1252 under a UTF-8 declaration (old Windows exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8")
        return None  # valid UTF-8: the XML itself is broken, not its encoding
    except UnicodeDecodeError:
        pass
    try:
        text = _XML_DECLARATION.sub("", decode_text(data), count=1)
        return _safe_fromstring(text)
    except (ScriptImportError, ParseError, DefusedXmlException, ValueError, LookupError):
        return None


def paragraph_text(paragraph: XmlElement) -> str:
    """The text of a paragraph's direct ``<Text>`` runs, with line breaks as ``\\n``.

    Runs are concatenated as they are (a run ends wherever the style changes, even inside
    a word); an empty run between two runs is a line break. ``<Text>`` elements nested in
    ``SceneProperties`` or script notes belong to other things and are not read.
    """
    pieces: list[str] = []
    found_run = False
    for child in paragraph:
        if _local(child.tag) != "Text":
            continue
        found_run = True
        text = child.text or ""
        if text and _all_caps(child.get("Style")):
            text = text.upper()  # Final Draft stores what was typed and prints it in capitals
        pieces.append(text if text else "\n")
    if not found_run:
        return (paragraph.text or "").strip()
    return "".join(pieces).strip("\n")


def is_parenthetical(text: str) -> bool:
    """True when ``text`` is one parenthesised direction and nothing else.

    ``(beat) Then he left.`` is speech: Final Draft keeps direction typed inline that way.
    """
    text = text.strip()
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0


@dataclass(slots=True)
class _Paragraph:
    """One paragraph of the script body with the dual-dialogue group it belongs to."""

    kind: str
    text: str
    number: str | None
    dual_group: int


def _all_caps(style: str | None) -> bool:
    """Whether a Final Draft ``Style`` (``Bold+AllCaps``) prints in capitals."""
    return bool(style) and "allcaps" in (style or "").lower().split("+")


def all_caps_types(root: XmlElement) -> frozenset[str]:
    """Paragraph types the document's element settings print in capitals (lower-cased).

    Final Draft keeps a heading typed as ``EXT. Mast farm - nIGHT`` as typed and prints it
    in capitals because the Scene Heading element is set to All Caps; so does the reader.
    """
    types: set[str] = set()
    for settings in root:  # the settings sit directly under <FinalDraft>, not in the body
        if _local(settings.tag) != "ElementSettings":
            continue
        font = next((c for c in settings if _local(c.tag) == "FontSpec"), None)
        if font is not None and _all_caps(font.get("Style")):
            types.add(collapse_whitespace(settings.get("Type") or "").lower())
    return frozenset(types)


def _body_paragraphs(content: XmlElement, caps: frozenset[str]) -> Iterator[_Paragraph]:
    """The body's paragraphs in reading order, dual-dialogue pairs flattened and marked.

    ``<DualDialogue>`` appears inside a ``<Paragraph>`` (Final Draft 8+) or straight under
    ``<Content>`` (older writers); both become a run of paragraphs sharing a group id.
    Paragraph types in ``caps`` are upper-cased, as printed.
    """
    group = 0
    for child in content:
        tag = _local(child.tag)
        if tag == "DualDialogue":
            group += 1
            yield from _dual_paragraphs(child, group, caps)
        elif tag == "Paragraph":
            nested = [c for c in child if _local(c.tag) == "DualDialogue"]
            if nested:
                for dual in nested:
                    group += 1
                    yield from _dual_paragraphs(dual, group, caps)
                continue
            yield _make_paragraph(child, 0, caps)


def _dual_paragraphs(dual: XmlElement, group: int, caps: frozenset[str]) -> Iterator[_Paragraph]:
    for child in dual:
        if _local(child.tag) == "Paragraph":
            yield _make_paragraph(child, group, caps)


def _make_paragraph(element: XmlElement, group: int, caps: frozenset[str]) -> _Paragraph:
    number = (element.get("Number") or "").strip() or None
    kind = collapse_whitespace(element.get("Type") or "").lower()
    text = paragraph_text(element)
    return _Paragraph(
        kind=kind, text=text.upper() if kind in caps else text, number=number, dual_group=group
    )


def _title_page(root: XmlElement) -> tuple[str | None, dict[str, str]]:
    """The title (first printed line of the title page) and the title page's lines."""
    title_page = next((c for c in root if _local(c.tag) == "TitlePage"), None)
    if title_page is None:
        return None, {}
    lines: list[str] = []
    for paragraph in title_page.iter():
        if _local(paragraph.tag) != "Paragraph":
            continue
        text = collapse_whitespace(paragraph_text(paragraph))
        if text:
            lines.append(text)
    if not lines:
        return None, {}
    return lines[0], {"Title": lines[0], "Text": "\n".join(lines)}


class _Builder:
    """Turns the flat paragraph stream into scenes, elements and whole speeches."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.dialogue: Dialogue | None = None
        self.dialogue_group = 0
        self.more = False  # the open or last speech ended with (MORE)
        self.cue_text = ""  # the open speech's cue as typed
        self.orphans = 0

    # -- scenes and elements ------------------------------------------------------------
    def _scene(self) -> Scene:
        if not self.scenes:
            self.scenes.append(Scene())
        return self.scenes[-1]

    def _add_text(self, kind: ElementKind, text: str) -> None:
        self.close()
        text = collapse_whitespace(text)
        if text:
            self._scene().elements.append(TextElement(kind, text))

    def close(self) -> None:
        """End the open speech; it stays available for a (MORE)/(CONT'D) continuation.

        A cue nothing was said under was no cue: ``FADE TO BLACK.`` or ``THE END`` typed in
        the Character style becomes a transition or action, and no one's part.
        """
        dialogue, self.dialogue = self.dialogue, None
        if dialogue is None or dialogue.parts:
            return
        elements = self._scene().elements
        if elements and elements[-1] is dialogue:
            elements.pop()
            kind = ElementKind.TRANSITION if looks_like_transition(self.cue_text) else None
            elements.append(TextElement(kind or ElementKind.ACTION, self.cue_text))

    # -- paragraphs -----------------------------------------------------------------------
    def feed(self, para: _Paragraph) -> None:
        kind = para.kind
        if self.dialogue is not None and para.dual_group != self.dialogue_group:
            self.close()
        if kind in _HEADING_TYPES:
            self.close()
            self.more = False
            self.scenes.append(
                Scene(heading=collapse_whitespace(para.text) or None, number=para.number)
            )
        elif kind == "character":
            self._cue(para)
        elif kind == "parenthetical":
            self._parenthetical(para.text)
        elif kind == "dialogue":
            self._speech(para.text)
        elif kind in _LYRIC_TYPES:
            if self.dialogue is not None:
                self._speech(para.text)
            else:
                self._add_text(ElementKind.LYRIC, para.text)
        elif kind in _TRANSITION_TYPES:
            self._add_text(ElementKind.TRANSITION, para.text)
        elif kind in _CENTERED_TYPES:
            self._add_text(ElementKind.CENTERED, para.text)
        elif kind.startswith("outline"):
            digits = "".join(ch for ch in kind if ch.isdigit())
            self.close()
            text = collapse_whitespace(para.text)
            if text:
                level = int(digits) if digits else 1
                self._scene().elements.append(TextElement(ElementKind.SECTION, text, level))
        else:  # Action, General, Shot, Cast List and writers' custom types
            self._add_text(ElementKind.ACTION, para.text)

    def _cue(self, para: _Paragraph) -> None:
        raw = collapse_whitespace(para.text)
        name, extension = split_cue(raw)
        if not name or not has_letter(name):
            self._add_text(ElementKind.ACTION, raw)
            return
        previous = self._last_dialogue()
        contd = any(is_contd(m) for m in re.findall(r"\(([^()]*)\)", raw))
        if (
            previous is not None
            and previous.character == name
            and para.dual_group == 0
            and (self.more or (contd and self._scene().elements[-1] is previous))
        ):
            # A speech split by a page break: the second half continues the first.
            self.dialogue = previous
            self.dialogue_group = 0
            self.more = False
            return
        self.close()
        self.more = False
        self.cue_text = raw
        self.dialogue = Dialogue(character=name, extension=extension, dual=para.dual_group > 0)
        self.dialogue_group = para.dual_group
        self._scene().elements.append(self.dialogue)

    def _last_dialogue(self) -> Dialogue | None:
        if not self.scenes or not self.scenes[-1].elements:
            return None
        last = self.scenes[-1].elements[-1]
        return last if isinstance(last, Dialogue) else None

    def _parenthetical(self, text: str) -> None:
        text = collapse_whitespace(text)
        if not text:
            return
        if _MORE.match(text):
            self.more = True
            return
        if self.dialogue is None:
            self.orphans += 1
            self._add_text(ElementKind.ACTION, text)
            return
        parts = self.dialogue.parts
        if parts and parts[-1].kind is PartKind.PARENTHETICAL and not _balanced(parts[-1].text):
            parts[-1].text = f"{parts[-1].text} {text}"  # one parenthetical typed over two
            return
        if not text.startswith("("):
            text = f"({text})" if ")" not in text else text
        self._append(PartKind.PARENTHETICAL, text)

    def _speech(self, text: str) -> None:
        if self.dialogue is None:
            if collapse_whitespace(text):
                self.orphans += 1
                self._add_text(ElementKind.ACTION, text)
            return
        for kind, piece in _dialogue_lines(text):
            if kind is None:
                self.more = True
            else:
                self._append(kind, piece)

    def _append(self, kind: PartKind, text: str) -> None:
        assert self.dialogue is not None
        self.more = False
        parts = self.dialogue.parts
        if kind is PartKind.SPEECH and parts and parts[-1].kind is PartKind.SPEECH:
            parts[-1].text = f"{parts[-1].text} {text}"
        else:
            parts.append(Part(kind, text))


def _dialogue_lines(text: str) -> Iterator[tuple[PartKind | None, str]]:
    """Speech and parentheticals of one Dialogue paragraph; ``(None, "")`` marks (MORE).

    A line that is a parenthesis and nothing else (possibly wrapped over several lines) is
    a parenthetical; a line that merely starts with one is speech.
    """
    lines = [collapse_whitespace(line) for line in text.split("\n")]
    pending: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        if _MORE.match(line):
            yield None, ""
            continue
        stripped_more = _MORE_AT_END.sub("", line)
        if stripped_more != line and index == len(lines):
            line = stripped_more
            if line:
                pending.append(line)
            yield from _flush(pending)
            yield None, ""
            continue
        if line.startswith("("):
            group = [line]
            scan = index
            while not _balanced(" ".join(group)) and scan < len(lines) and lines[scan]:
                group.append(lines[scan])
                scan += 1
            joined = " ".join(group)
            if is_parenthetical(joined):
                yield from _flush(pending)
                yield PartKind.PARENTHETICAL, joined
                index = scan
                continue
        pending.append(line)
    yield from _flush(pending)


def _balanced(text: str) -> bool:
    return text.count("(") <= text.count(")")


def _flush(pending: list[str]) -> Iterator[tuple[PartKind | None, str]]:
    if pending:
        yield PartKind.SPEECH, " ".join(pending)
        pending.clear()


def import_bytes(data: bytes, progress: ProgressCallback | None = None) -> Script:
    """Import an FDX document; raises :class:`ScriptImportError` for anything unreadable."""
    root, warnings = _parse_xml(data)
    if _local(root.tag) != "FinalDraft":
        raise ScriptImportError(
            f"this XML file is not a Final Draft document (its root element is "
            f"<{_local(root.tag)[:40]}>, not <FinalDraft>)"
        )
    content = next((c for c in root if _local(c.tag) == "Content"), None)
    if content is None:
        raise ScriptImportError("the FDX file has no <Content> element, so no script to read")
    title, title_page = _title_page(root)
    builder = _Builder()
    paragraphs = list(_body_paragraphs(content, all_caps_types(root)))
    total = len(paragraphs) or 1
    for index, para in enumerate(paragraphs):
        if index % 500 == 0:
            report(progress, index / total)
        builder.feed(para)
    builder.close()
    report(progress, 1.0)
    if builder.orphans:
        warnings.append(
            f"{builder.orphans} dialogue paragraph(s) had no character cue before them "
            "and were read as action"
        )
    if not paragraphs:
        warnings.append("the FDX file has no paragraphs in its script body")
    return Script(
        format=SourceFormat.FDX,
        scenes=builder.scenes,
        title=title,
        title_page=title_page,
        warnings=warnings,
    )
