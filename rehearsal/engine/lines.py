"""Rehearsal lines: a script seen from one role, as the ordered cues of a run.

The engine never walks the script model directly: a scene holds transitions, sections and
page breaks that nobody says, and ``(beat)`` marks that are timing rather than text. This
module flattens a chosen range of scenes into the lines a run steps through, each knowing
whose it is, what is spoken, and where the pauses fall, while keeping the original parts so
the screen can still show the parentheticals.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rehearsal.script.cues import collapse_whitespace
from rehearsal.script.model import Dialogue, ElementKind, Part, PartKind, Script, TextElement
from rehearsal.script.roles import joint_cues, speakers_of


@dataclass(frozen=True, slots=True, order=True)
class LineId:
    """Where a line sits in the script: the key the screen, the store and the hider share."""

    scene: int
    element: int


class LineKind(enum.StrEnum):
    """A character's dialogue, or an action line read out by the narrator."""

    DIALOGUE = "dialogue"
    ACTION = "action"


class BeatKind(enum.StrEnum):
    """The written pauses actors honour; their lengths come from the settings."""

    BEAT = "beat"
    PAUSE = "pause"
    LONG_PAUSE = "long_pause"


@dataclass(frozen=True, slots=True)
class Speech:
    """Words said in one breath: consecutive speech parts not split by a beat."""

    text: str


@dataclass(frozen=True, slots=True)
class Beat:
    """A written pause (``(beat)``, ``(two beats)``, ``Pause.``) inside or before a line."""

    kind: BeatKind
    count: int = 1


Chunk = Speech | Beat

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}
_BEAT_WORDS = (
    r"(?:(?P<count>a|one|two|three)\s+)?(?:(?P<size>long|short|brief|slight|little)\s+)?"
    r"(?P<word>beat|pause|silence)s?"
)
# A parenthetical that starts with a beat: "(beat)", "(a long pause)", "(beat, then softly)".
_PAREN_BEAT = re.compile(rf"^\(\s*{_BEAT_WORDS}\b[^)]*\)?\s*$", re.IGNORECASE)
# An action paragraph that is only a beat: "Beat.", "A long pause.", "Silence."
_ACTION_BEAT = re.compile(rf"^\s*{_BEAT_WORDS}\s*[.!]?\s*$", re.IGNORECASE)
# A beat written inside the speech itself, as plays often do: "I never (pause) said that."
_INLINE_BEAT = re.compile(rf"\(\s*{_BEAT_WORDS}\b[^)]*\)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _beat_from(match: re.Match[str]) -> Beat:
    word = match.group("word").lower()
    size = (match.group("size") or "").lower()
    count = _COUNTS.get((match.group("count") or "a").lower(), 1)
    if word == "silence" or size == "long":
        return Beat(BeatKind.LONG_PAUSE, count)
    if word == "pause" and size not in {"short", "brief", "slight", "little"}:
        return Beat(BeatKind.PAUSE, count)
    return Beat(BeatKind.BEAT, count)


def parse_beat(text: str) -> Beat | None:
    """The beat a parenthetical or an action paragraph stands for, or None if it is not one."""
    match = _PAREN_BEAT.match(text) or _ACTION_BEAT.match(text)
    return _beat_from(match) if match else None


def word_count(text: str) -> int:
    """Words as an actor says them: ``don't`` is one word, ``—`` is none."""
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class RehearsalLine:
    """One cue of a run.

    ``text`` is what is said, with beat marks taken out; ``chunks`` is the same speech split
    at the beats, in order, which is what the engine paces; ``parts`` is the dialogue as
    written, for display. Action lines (narrator read-out) have no parts.
    """

    id: LineId
    kind: LineKind
    speaker: str | None
    own: bool
    text: str
    chunks: tuple[Chunk, ...]
    parts: tuple[Part, ...] = ()
    extension: str | None = None

    @property
    def words(self) -> int:
        """Spoken words, what timed waits and text-only pacing are derived from."""
        return word_count(self.text)

    @property
    def beats(self) -> tuple[Beat, ...]:
        """The pauses written into this line, leading ones included."""
        return tuple(c for c in self.chunks if isinstance(c, Beat))


def _speech_chunks(text: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    last = 0
    for match in _INLINE_BEAT.finditer(text):
        chunks.append(Speech(text[last : match.start()]))
        chunks.append(_beat_from(match))
        last = match.end()
    chunks.append(Speech(text[last:]))
    return chunks


def _merge(chunks: Iterable[Chunk]) -> tuple[Chunk, ...]:
    """Join neighbouring speech so the voice reads it in one go; drop empty speech."""
    out: list[Chunk] = []
    for chunk in chunks:
        if isinstance(chunk, Speech):
            text = collapse_whitespace(chunk.text)
            if not text:
                continue
            if out and isinstance(out[-1], Speech):
                out[-1] = Speech(f"{out[-1].text} {text}")
                continue
            out.append(Speech(text))
        else:
            out.append(chunk)
    return tuple(out)


def _dialogue_line(
    line_id: LineId, dialogue: Dialogue, own: bool, leading: list[Beat]
) -> RehearsalLine:
    chunks: list[Chunk] = list(leading)
    for part in dialogue.parts:
        if part.kind is PartKind.SPEECH:
            chunks.extend(_speech_chunks(part.text))
        else:
            beat = parse_beat(part.text)
            if beat is not None:
                chunks.append(beat)
    merged = _merge(chunks)
    text = " ".join(c.text for c in merged if isinstance(c, Speech))
    return RehearsalLine(
        id=line_id,
        kind=LineKind.DIALOGUE,
        speaker=dialogue.character,
        own=own,
        text=text,
        chunks=merged,
        parts=tuple(Part(p.kind, p.text) for p in dialogue.parts),
        extension=dialogue.extension,
    )


def _action_line(line_id: LineId, element: TextElement, leading: list[Beat]) -> RehearsalLine:
    text = collapse_whitespace(element.text)
    chunks = _merge([*leading, Speech(text)])
    return RehearsalLine(line_id, LineKind.ACTION, None, False, text, chunks)


def _roles(script: Script, role: str | Iterable[str] | None) -> frozenset[str]:
    wanted = [role] if isinstance(role, str) else list(role or ())
    names = frozenset(collapse_whitespace(r).upper() for r in wanted)
    known = set(script.characters)
    missing = sorted(names - known)
    if missing:
        listed = ", ".join(script.characters) or "none"
        raise ValueError(f"no character {', '.join(missing)} in this script (characters: {listed})")
    return names


def build_lines(
    script: Script,
    role: str | Iterable[str] | None,
    *,
    scenes: Iterable[int] | None = None,
    include_actions: bool = False,
) -> list[RehearsalLine]:
    """The run for ``role`` (one name, several doubled parts, or None to just listen).

    ``scenes`` picks scene indexes (default: all); ``include_actions`` adds action paragraphs
    for the narrator, off by default because most actors read the action themselves.
    Action paragraphs that are only a beat become a pause at the start of the next line.
    A name not in the script or a scene index out of range raises ``ValueError`` saying so.
    """
    own_names = _roles(script, role)
    joint = joint_cues(script)  # a cue two speakers share is a line of each of them
    chosen = range(len(script.scenes)) if scenes is None else list(scenes)
    for index in chosen:
        if not 0 <= index < len(script.scenes):
            raise ValueError(
                f"scene index {index} is out of range: the script has {len(script.scenes)} scenes"
            )
    lines: list[RehearsalLine] = []
    for scene_index in chosen:
        leading: list[Beat] = []
        for element_index, element in enumerate(script.scenes[scene_index].elements):
            line_id = LineId(scene_index, element_index)
            if isinstance(element, Dialogue):
                own = not own_names.isdisjoint(speakers_of(element.character, joint))
                lines.append(_dialogue_line(line_id, element, own, leading))
                leading = []
            elif element.kind is ElementKind.ACTION:
                beat = parse_beat(element.text)
                if beat is not None:
                    leading.append(beat)
                elif include_actions and element.text.strip():
                    lines.append(_action_line(line_id, element, leading))
                    leading = []
    return lines
