"""How sure an import is: what an actor should look at before rehearsing it.

An import that is quietly wrong is worse than one that fails: the actor rehearses the
wrong cues. :func:`assess` reads an imported script (and what its importer warned about)
and lists *findings*, each with a sentence for the actor, where it is, and when possible
the corrections (:mod:`rehearsal.script.corrections`) that would fix it.

The checks look for the marks a misread layout leaves, not for anything a particular file
does, and each is meant to stay quiet on scripts imported right:

- a cue read as action: a short line in capitals, alone above a line of text, whose name
  is a character's or recurs as such a line (so ``MONTAGE`` or ``LATER`` do not count);
- a cue with nothing said under it (the text below it is offered as its speech, a
  bracketed line first as its parenthetical);
- a speech that stops mid-sentence, followed by action going on in lower case;
- a speech many times longer than the script's usual speech (several speeches run
  together);
- characters whose names look like one another (rules in :mod:`rehearsal.script.names`);
- cues carrying speech numbers (``12 STEEL``, ``STEEL 15``): one role split into many;
- a long scene without dialogue among scenes that have it (speeches read as action);
- a script with no dialogue at all, and what the importer warned about.

Each finding has a severity. Notes (a character who speaks once) are worth a glance and
leave the import "sure"; anything to check makes it "check these"; a finding that means the
layout was misread as a whole makes it "probably wrong".

Findings are located by :class:`~rehearsal.script.lines.LineId`. Assessing the raw import,
the ids are its own; assessing a corrected script, pass :attr:`Applied.ids
<rehearsal.script.corrections.Applied.ids>` and the ids (and the offered fixes) name lines of
the original import, as corrections need.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.script.corrections import Correction, MergeCharacters, SetKind
from rehearsal.script.cues import has_letter, looks_like_transition, split_cue
from rehearsal.script.lines import HEADING, LineId, LineKind, Position
from rehearsal.script.model import Dialogue, ElementKind, PartKind, Scene, Script, TextElement
from rehearsal.script.names import Likeness, likeness


class Severity(enum.IntEnum):
    """How much a finding weighs on the overall level."""

    NOTE = 0
    CHECK = 1
    SERIOUS = 2


class Level(enum.StrEnum):
    """How sure the import is, overall."""

    SURE = "sure"
    CHECK = "check"
    PROBABLY_WRONG = "probably_wrong"


LEVEL_LABELS = {
    Level.SURE: QT_TRANSLATE_NOOP("ImportConfidence", "The import looks right"),
    Level.CHECK: QT_TRANSLATE_NOOP("ImportConfidence", "Check these lines before rehearsing"),
    Level.PROBABLY_WRONG: QT_TRANSLATE_NOOP("ImportConfidence", "This import is probably wrong"),
}


class FindingKind(enum.StrEnum):
    """What a finding is about."""

    NO_DIALOGUE = "no_dialogue"
    IMPORT_WARNING = "import_warning"
    CUE_AS_ACTION = "cue_as_action"
    CUE_WITHOUT_SPEECH = "cue_without_speech"
    SPEECH_AS_ACTION = "speech_as_action"
    LONG_SPEECH = "long_speech"
    SIMILAR_NAMES = "similar_names"
    NUMBERED_CUES = "numbered_cues"
    SINGLE_CUE = "single_cue"
    SCENE_WITHOUT_DIALOGUE = "scene_without_dialogue"
    MANY_UNPLACED = "many_unplaced"


_ORDER = {kind: index for index, kind in enumerate(FindingKind)}

_T = {
    FindingKind.NO_DIALOGUE: QT_TRANSLATE_NOOP(
        "ImportConfidence", "No dialogue was found: every line was read as something else."
    ),
    FindingKind.IMPORT_WARNING: QT_TRANSLATE_NOOP(
        "ImportConfidence", "The import reported: {warning}"
    ),
    FindingKind.CUE_AS_ACTION: QT_TRANSLATE_NOOP(
        "ImportConfidence", "“{text}” was read as action but looks like {name}’s cue."
    ),
    FindingKind.CUE_WITHOUT_SPEECH: QT_TRANSLATE_NOOP(
        "ImportConfidence", "{name}’s cue has nothing said under it."
    ),
    FindingKind.SPEECH_AS_ACTION: QT_TRANSLATE_NOOP(
        "ImportConfidence", "This action line looks like the rest of {name}’s speech."
    ),
    FindingKind.LONG_SPEECH: QT_TRANSLATE_NOOP(
        "ImportConfidence",
        "{name}’s speech is {times} times as long as most; it may hold several speeches.",
    ),
    FindingKind.SIMILAR_NAMES: QT_TRANSLATE_NOOP(
        "ImportConfidence", "{a} and {b} look alike: are they one character?"
    ),
    FindingKind.NUMBERED_CUES: QT_TRANSLATE_NOOP(
        "ImportConfidence", "{names} look like {name} with speech numbers: one character?"
    ),
    FindingKind.SINGLE_CUE: QT_TRANSLATE_NOOP("ImportConfidence", "{name} speaks only once."),
    FindingKind.SCENE_WITHOUT_DIALOGUE: QT_TRANSLATE_NOOP(
        "ImportConfidence", "Scene {number} has no dialogue, unlike the scenes around it."
    ),
    FindingKind.MANY_UNPLACED: QT_TRANSLATE_NOOP(
        "ImportConfidence", "{count} lines could not be placed: the layout was probably misread."
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at.

    ``template`` is English marked for translation under the ``ImportConfidence`` context;
    the UI translates it and fills in ``values`` with ``str.format`` (:attr:`message` does
    it in English). ``location`` is None for findings about the whole script.
    """

    kind: FindingKind
    severity: Severity
    template: str
    values: tuple[tuple[str, str], ...] = ()
    location: LineId | None = None
    fixes: tuple[Correction, ...] = ()

    @property
    def message(self) -> str:
        """The sentence in English."""
        return self.template.format(**dict(self.values))


@dataclass(frozen=True, slots=True)
class Report:
    """The findings in reading order (whole-script ones first) and the overall level."""

    level: Level
    findings: tuple[Finding, ...] = ()

    @property
    def label(self) -> str:
        """The level in English (marked for translation in :data:`LEVEL_LABELS`)."""
        return LEVEL_LABELS[self.level]

    def count(self, severity: Severity) -> int:
        """How many findings have exactly ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)


# --- thresholds (see the module docstring for what each stands for) ----------------------

#: A cue is at most this many words and characters.
_CUE_WORDS, _CUE_CHARS = 4, 40
#: A speech is "too long" past this many times the median speech, and this many characters.
_LONG_TIMES, _LONG_CHARS = 10, 2500
#: A scene is long enough to be expected to hold dialogue from this many characters of text.
_LONG_SCENE_CHARS = 600
#: ... when at least this share of the script's long scenes (at least four) have dialogue.
_DIALOGUE_SCENE_SHARE = 0.8
#: ... and its text is at least this many elements, half of them shorter than this.
_SHORT_LINES, _SHORT_LINE_CHARS = 8, 80
#: Unplaced lines make the import "probably wrong" past this share of its speeches.
_UNPLACED_SHARE = 0.2
#: Words that open a capitalised action line that is not a cue (shots, time, structure).
_NOT_NAMES = frozenset(
    [
        "ANGLE",
        "BACK",
        "BLACK",
        "CLOSE",
        "CONTINUOUS",
        "CUT",
        "END",
        "FADE",
        "FLASHBACK",
        "INSERT",
        "INTERCUT",
        "LATER",
        "MOMENTS",
        "MONTAGE",
        "POV",
        "SERIES",
        "SMASH",
        "SUPER",
        "THE",
        "TITLE",
        "WIDE",
    ]
)
_UNPLACED = (
    FindingKind.CUE_AS_ACTION,
    FindingKind.CUE_WITHOUT_SPEECH,
    FindingKind.SPEECH_AS_ACTION,
)
_PROSE = (ElementKind.ACTION, ElementKind.CENTERED)
#: How a speech ends when its sentence is complete (or cut off on purpose).
_SPEECH_END = re.compile(r"[.!?…:;\"”’'\-—–)\]）。！？」』~*]\s*$")
_NO_DIALOGUE_WARNING = re.compile(r"\bno (?:dialogue|speeches)\b")
_SENTENCE_END = re.compile(r"[.!?…,;:\"”’。！？、]$")


@dataclass(slots=True)
class _Context:
    script: Script
    ids: Mapping[Position, LineId] | None
    findings: list[Finding] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def at(self, scene: int, element: int, line: int = 0) -> LineId:
        if self.ids is None:
            return LineId(scene, element, line)
        return self.ids.get((scene, element, line), LineId(scene, element, line))

    def add(
        self,
        kind: FindingKind,
        severity: Severity,
        location: LineId | None = None,
        fixes: tuple[Correction, ...] = (),
        **values: str,
    ) -> None:
        self.findings.append(
            Finding(kind, severity, _T[kind], tuple(values.items()), location, fixes)
        )


def assess(script: Script, ids: Mapping[Position, LineId] | None = None) -> Report:
    """How sure the import of ``script`` is; ``ids`` maps a corrected script to the original."""
    ctx = _Context(script, ids, counts=script.line_counts())
    _whole_script(ctx)
    _cues_read_as_action(ctx)
    _cues_without_speech(ctx)
    _speech_read_as_action(ctx)
    _long_speeches(ctx)
    _similar_names(ctx)
    _numbered_cues(ctx)
    _single_cues(ctx)
    _scenes_without_dialogue(ctx)
    unplaced = sum(1 for f in ctx.findings if f.kind in _UNPLACED)
    speeches = sum(ctx.counts.values())
    if unplaced >= 3 and unplaced >= _UNPLACED_SHARE * speeches:
        ctx.add(FindingKind.MANY_UNPLACED, Severity.SERIOUS, count=str(unplaced))
    findings = sorted(
        ctx.findings,
        key=lambda f: (f.location is not None, f.location or LineId(0, 0), _ORDER[f.kind]),
    )
    worst = max((f.severity for f in findings), default=Severity.NOTE)
    level = {Severity.NOTE: Level.SURE, Severity.CHECK: Level.CHECK}.get(
        worst, Level.PROBABLY_WRONG
    )
    return Report(level, tuple(findings))


def _whole_script(ctx: _Context) -> None:
    if not ctx.counts:
        ctx.add(FindingKind.NO_DIALOGUE, Severity.SERIOUS)
    for warning in ctx.script.warnings:
        # NO_DIALOGUE says it when true; after corrections added dialogue it is stale.
        if not _NO_DIALOGUE_WARNING.search(warning):
            ctx.add(FindingKind.IMPORT_WARNING, Severity.CHECK, warning=warning)


def _cue_name(text: str, known: Counter[str]) -> str | None:
    """The character ``text`` would be as a cue, if it is shaped like one."""
    stripped = text.strip()
    if not stripped or len(stripped) > _CUE_CHARS or not has_letter(stripped):
        return None
    name = split_cue(stripped.rstrip(".:"))[0]
    if name in known:
        return name  # a character's name, whatever its case or final dot
    words = stripped.split()
    if (
        len(words) > _CUE_WORDS
        or stripped != stripped.upper()
        or (stripped == stripped.lower() and stripped != stripped.upper())  # lower case
        or _SENTENCE_END.search(stripped.split("(")[0].strip())
        or looks_like_transition(stripped)
        or words[0].strip(".:") in _NOT_NAMES
    ):
        return None
    return name


def _speech_like(element: object) -> bool:
    """Text as speech is printed: some lower case, or a script without case (CJK)."""
    if not isinstance(element, TextElement) or element.kind not in _PROSE:
        return False
    text = element.text
    return any(ch.islower() for ch in text) or (
        has_letter(text) and text == text.upper() == text.lower()
    )


def _parenthesised(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) > 2 and stripped[0] in "(（[" and stripped[-1] in ")）]"


def _speech_fixes(ctx: _Context, s: int, e: int) -> tuple[Correction, ...]:
    """Make the text elements from ``e`` on the speech under a cue just above them."""
    elements = ctx.script.scenes[s].elements
    fixes: list[Correction] = []
    first = elements[e] if e < len(elements) else None
    if isinstance(first, TextElement) and _parenthesised(first.text):
        fixes.append(SetKind((ctx.at(s, e),), LineKind.PARENTHETICAL))
        e += 1
    if e < len(elements) and _speech_like(elements[e]):
        fixes.append(SetKind((ctx.at(s, e),), LineKind.SPEECH))
    return tuple(fixes)


def _cues_read_as_action(ctx: _Context) -> None:
    candidates: list[tuple[int, int, str, str]] = []
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements[:-1]):
            if not isinstance(element, TextElement) or element.kind is not ElementKind.ACTION:
                continue
            name = _cue_name(element.text, ctx.counts)
            following = scene.elements[e + 1]
            if isinstance(following, TextElement) and _parenthesised(following.text):
                following = scene.elements[e + 2] if e + 2 < len(scene.elements) else following
            if name and _speech_like(following):
                candidates.append((s, e, name, element.text))
    recurring = Counter(name for *_, name, _ in candidates)
    for s, e, name, text in candidates:
        if name in ctx.counts or recurring[name] >= 2:
            ctx.add(
                FindingKind.CUE_AS_ACTION,
                Severity.CHECK,
                ctx.at(s, e),
                (SetKind((ctx.at(s, e),), LineKind.CUE), *_speech_fixes(ctx, s, e + 1)),
                text=text.strip(),
                name=name,
            )


def _speech_read_as_action(ctx: _Context) -> None:
    """A speech stopping mid-sentence, then action going on in lower case: one speech."""
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements[1:], start=1):
            before = scene.elements[e - 1]
            if (
                isinstance(element, TextElement)
                and element.kind in _PROSE
                and element.text[:1].islower()
                and isinstance(before, Dialogue)
                and before.parts
                and before.parts[-1].kind is PartKind.SPEECH
                and not _SPEECH_END.search(before.parts[-1].text)
            ):
                ctx.add(
                    FindingKind.SPEECH_AS_ACTION,
                    Severity.CHECK,
                    ctx.at(s, e),
                    (SetKind((ctx.at(s, e),), LineKind.SPEECH),),
                    name=before.character,
                )


def _cues_without_speech(ctx: _Context) -> None:
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements):
            if isinstance(element, Dialogue) and not element.parts:
                ctx.add(
                    FindingKind.CUE_WITHOUT_SPEECH,
                    Severity.CHECK,
                    ctx.at(s, e),
                    _speech_fixes(ctx, s, e + 1),
                    name=element.character,
                )


def _long_speeches(ctx: _Context) -> None:
    lengths = [len(d.speech) for d in ctx.script.dialogues()]
    if len(lengths) < 3:
        return
    usual = max(1.0, statistics.median(lengths))
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements):
            if not isinstance(element, Dialogue):
                continue
            size = len(element.speech)
            if size >= _LONG_CHARS and size >= _LONG_TIMES * usual:
                ctx.add(
                    FindingKind.LONG_SPEECH,
                    Severity.CHECK,
                    ctx.at(s, e),
                    name=element.character,
                    times=str(round(size / usual)),
                )


def _first_cue(ctx: _Context, names: set[str]) -> LineId | None:
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements):
            if isinstance(element, Dialogue) and element.character in names:
                return ctx.at(s, e)
    return None


def _similar_names(ctx: _Context) -> None:
    names = list(ctx.counts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            found = likeness(a, b)
            if found is Likeness.DIFFERENT:
                continue
            rare, common = sorted((a, b), key=lambda n: (ctx.counts[n], n == a))
            rare_count, common_count = ctx.counts[rare], ctx.counts[common]
            if found is Likeness.SAME_PRINTED_TWICE or rare_count <= max(1, common_count / 5):
                severity = Severity.CHECK
            elif rare_count <= 2:
                severity = Severity.NOTE
            else:
                continue  # both speak often: two characters named alike
            ctx.add(
                FindingKind.SIMILAR_NAMES,
                severity,
                _first_cue(ctx, {rare}),
                (MergeCharacters((rare, common), common),),
                a=common,
                b=rare,
            )


_NUMBERED = re.compile(r"^(?:(\d{1,4})\s+(\S.*)|(\S.*?)\s+(\d{1,4}))$")


def _numbered_cues(ctx: _Context) -> None:
    """Cue numbers printed on the cue's line: many variants of one name, each numbered."""
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for name in ctx.counts:
        match = _NUMBERED.match(name)
        if match and has_letter(base := (match.group(2) or match.group(3)).strip()):
            groups[base][name] = int(match.group(1) or match.group(4))
    big = {base: variants for base, variants in groups.items() if len(variants) >= 3}
    numbered = sum(ctx.counts[n] for variants in big.values() for n in variants)
    share = numbered / max(1, sum(ctx.counts.values()))
    for base, variants in big.items():
        first = 2 if base in ctx.counts else 1
        if sorted(variants.values()) == list(range(first, first + len(variants))):
            continue  # GUARD 1, GUARD 2, GUARD 3 are three guards
        ordered = sorted(variants, key=lambda n: variants[n])
        shown = ", ".join(ordered[:3]) + (" …" if len(ordered) > 3 else "")
        ctx.add(
            FindingKind.NUMBERED_CUES,
            Severity.SERIOUS if share >= 0.5 else Severity.CHECK,
            _first_cue(ctx, set(variants)),
            (MergeCharacters(tuple(ordered), base),),
            names=shown,
            name=base,
        )


def _single_cues(ctx: _Context) -> None:
    for s, scene in enumerate(ctx.script.scenes):
        for e, element in enumerate(scene.elements):
            if isinstance(element, Dialogue) and ctx.counts[element.character] == 1:
                ctx.add(FindingKind.SINGLE_CUE, Severity.NOTE, ctx.at(s, e), name=element.character)


def _scene_text(scene: Scene) -> int:
    return sum(len(e.text) for e in scene.elements if isinstance(e, TextElement)) + sum(
        len(d.speech) for d in scene.dialogues()
    )


def _looks_like_lines(scene: Scene) -> bool:
    """Many short text elements: how speeches look when their layout was not recognised.

    Action-only scenes in screenplays are common (a chase, an arrival) but are written
    in paragraphs; speeches read as action come out as one short element per line.
    """
    texts = [len(e.text) for e in scene.elements if isinstance(e, TextElement)]
    return len(texts) >= _SHORT_LINES and statistics.median(texts) < _SHORT_LINE_CHARS


def _scenes_without_dialogue(ctx: _Context) -> None:
    scenes = ctx.script.scenes
    long_ones = [s for s, scene in enumerate(scenes) if _scene_text(scene) >= _LONG_SCENE_CHARS]
    talking = [s for s in long_ones if any(True for _ in scenes[s].dialogues())]
    if len(long_ones) < 4 or len(talking) < _DIALOGUE_SCENE_SHARE * len(long_ones):
        return
    for s in long_ones:
        if s not in talking and _looks_like_lines(scenes[s]):
            number = scenes[s].number or str(s + 1)
            ctx.add(
                FindingKind.SCENE_WITHOUT_DIALOGUE,
                Severity.CHECK,
                ctx.at(s, HEADING),
                number=number,
            )
