"""Import confidence: each check on both sides, its fixes, the demos and the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.paths import resources_dir
from rehearsal.script.confidence import (
    LEVEL_LABELS,
    Finding,
    FindingKind,
    Level,
    Report,
    Severity,
    assess,
)
from rehearsal.script.corrections import (
    Correction,
    MergeCharacters,
    SetExcluded,
    SetKind,
    apply_corrections,
    apply_with_report,
)
from rehearsal.script.lines import HEADING, LineId, LineKind
from rehearsal.script.loader import load_script, parse_bytes
from rehearsal.script.model import (
    Dialogue,
    Element,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)
from rehearsal.script.names import Likeness, likeness
from tests.conftest import shared_dir

SCENES = resources_dir() / "scenes"
_SHARED = shared_dir()
CORPUS = _SHARED / "corpus" if _SHARED is not None else Path("/nonexistent")


def _say(name: str, text: str = "Something to say.") -> Dialogue:
    return Dialogue(name, [Part(PartKind.SPEECH, text)])


def _act(text: str) -> TextElement:
    return TextElement(ElementKind.ACTION, text)


def _script(*elements: Element, fmt: SourceFormat = SourceFormat.FOUNTAIN) -> Script:
    return Script(format=fmt, scenes=[Scene("INT. ROOM - DAY", "1", list(elements))])


def _kinds(report: Report, severity: Severity | None = None) -> list[FindingKind]:
    return [f.kind for f in report.findings if severity is None or f.severity is severity]


def _conversation(*names: str, rounds: int = 3) -> list[Element]:
    return [_say(name, f"Line {r} of {name}.") for r in range(rounds) for name in names]


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("MARY", "MARRY", Likeness.MISSPELT),
        ("KATHERINE", "KATHRINE", Likeness.MISSPELT),
        ("MICHAEL", "MICHEAL", Likeness.MISSPELT),  # a swap counts once
        ("DR. SMITH", "DR SMITH", Likeness.SAME_PRINTED_TWICE),
        ("O'MALLEY", "OMALLEY", Likeness.SAME_PRINTED_TWICE),
        ("JOSÉ", "JOSE", Likeness.SAME_PRINTED_TWICE),
        ("MARY V.O.", "MARY", Likeness.SAME_PRINTED_TWICE),
        ("MAN", "MAN 2", Likeness.DIFFERENT),
        ("GUARD 1", "GUARD 2", Likeness.DIFFERENT),
        ("COP1", "COP2", Likeness.DIFFERENT),
        ("COP #1", "COP #2", Likeness.DIFFERENT),
        ("BOB", "ROB", Likeness.DIFFERENT),
        ("ANNA", "ANNE", Likeness.DIFFERENT),
        ("MARY", "MARK", Likeness.DIFFERENT),
        ("JOHN", "JOHNNY", Likeness.DIFFERENT),
        ("HENRY IV", "HENRY V", Likeness.DIFFERENT),
        ("DR. SMITH", "SMITH", Likeness.DIFFERENT),
        ("ジョン", "ジョン・", Likeness.SAME_PRINTED_TWICE),
        ("ジョン", "ジョー", Likeness.DIFFERENT),
        ("MARY", "MARY", Likeness.DIFFERENT),
    ],
)
def test_which_names_look_like_one_person(a: str, b: str, expected: Likeness) -> None:
    assert likeness(a, b) is expected
    assert likeness(b, a) is expected


def test_a_rare_misspelling_is_flagged_with_a_merge_into_the_usual_name() -> None:
    script = _script(*_conversation("MARY", "BOB", rounds=10), _say("MARRY"))
    report = assess(script)
    [finding] = [f for f in report.findings if f.kind is FindingKind.SIMILAR_NAMES]
    assert finding.severity is Severity.CHECK
    assert finding.message == "MARY and MARRY look alike: are they one character?"
    assert finding.location == LineId(0, 20)
    assert finding.fixes == (MergeCharacters(("MARRY", "MARY"), "MARY"),)
    fixed = apply_corrections(script, finding.fixes)
    assert fixed.line_counts()["MARY"] == 11
    assert FindingKind.SIMILAR_NAMES not in _kinds(assess(fixed))


def test_names_printed_two_ways_are_flagged_however_often_both_speak() -> None:
    report = assess(_script(*_conversation("DR. SMITH", "DR SMITH", rounds=6)))
    assert _kinds(report, Severity.CHECK) == [FindingKind.SIMILAR_NAMES]
    assert report.level is Level.CHECK


def test_two_alike_names_that_both_speak_often_are_two_characters() -> None:
    report = assess(_script(*_conversation("JANE", "JANET", "GUARD 1", "GUARD 2", "BOB", "ROB")))
    assert report.findings == ()
    assert report.level is Level.SURE


def test_an_alike_name_with_a_couple_of_lines_is_only_a_note() -> None:
    report = assess(
        _script(*_conversation("DANIEL", rounds=3), *_conversation("DANIELA", rounds=2))
    )
    assert _kinds(report) == [FindingKind.SIMILAR_NAMES]
    assert report.findings[0].severity is Severity.NOTE
    assert report.level is Level.SURE


# --- cues read as action and cues without speech --------------------------------------------


def test_a_characters_name_alone_above_text_is_a_cue_read_as_action() -> None:
    script = _script(
        *_conversation("MARY", "BOB"),
        _act("BOB"),
        _act("I forgot my keys."),
        _say("MARY", "Liar."),
    )
    report = assess(script)
    [finding] = report.findings
    assert finding.kind is FindingKind.CUE_AS_ACTION
    assert finding.location == LineId(0, 6)
    assert finding.message == "“BOB” was read as action but looks like BOB’s cue."
    assert report.level is Level.CHECK
    fixed = apply_corrections(script, finding.fixes)
    assert fixed.scenes[0].elements[6] == _say("BOB", "I forgot my keys.")
    assert assess(fixed).level is Level.SURE


def test_capital_lines_that_are_not_cues_stay_quiet() -> None:
    quiet = [
        "MONTAGE",
        "LATER",
        "BANG!",
        "THE END",
        "CUT TO:",
        "SILENCE.",
        "A LONG, LONG TIME AGO IN A GALAXY",
        "Mary enters.",
    ]
    elements: list[Element] = [*_conversation("MARY", "BOB")]
    for text in quiet * 2:  # even when they recur
        elements += [_act(text), _act("She looks around the room.")]
    report = assess(_script(*elements))
    assert FindingKind.CUE_AS_ACTION not in _kinds(report)


def test_an_unknown_capital_name_counts_when_it_recurs_above_text() -> None:
    once = assess(_script(*_conversation("MARY"), _act("STEEL"), _act("Where were you?")))
    assert FindingKind.CUE_AS_ACTION not in _kinds(once)
    twice = assess(
        _script(
            *_conversation("MARY"),
            _act("STEEL"),
            _act("Where were you?"),
            _say("MARY", "Out."),
            _act("STEEL"),
            _act("Out where?"),
        )
    )
    assert _kinds(twice).count(FindingKind.CUE_AS_ACTION) == 2


def test_a_script_whose_speeches_all_came_out_as_action_is_probably_wrong_and_fixable() -> None:
    elements: list[Element] = [_act("A sitcom living room. The couch faces us.")]
    for n in range(6):
        elements += [_act("STEEL"), _act(f"I said no, {n} times."), _act("BRICK"), _act("Fine.")]
    script = _script(*elements, fmt=SourceFormat.PDF)
    script.warnings.append("no dialogue was found; this PDF may not be a screenplay")
    report = assess(script)
    assert report.level is Level.PROBABLY_WRONG
    assert _kinds(report, Severity.SERIOUS) == [FindingKind.NO_DIALOGUE, FindingKind.MANY_UNPLACED]
    assert FindingKind.IMPORT_WARNING not in _kinds(report)  # said once, not twice
    fixes: list[Correction] = [fix for f in report.findings for fix in f.fixes]
    fixed = apply_with_report(script, fixes)
    assert fixed.skipped == []
    assert fixed.script.line_counts() == {"STEEL": 6, "BRICK": 6}
    after = assess(fixed.script, fixed.ids)
    assert after.findings == ()
    assert after.level is Level.SURE


def test_a_cue_with_nothing_under_it() -> None:
    script = _script(*_conversation("MARY", "BOB"), Dialogue("BOB"), _act("I'm here."))
    [finding] = assess(script).findings
    assert finding.kind is FindingKind.CUE_WITHOUT_SPEECH
    assert finding.message == "BOB’s cue has nothing said under it."
    fixed = apply_corrections(script, finding.fixes)
    assert fixed.scenes[0].elements[6] == _say("BOB", "I'm here.")


def test_text_between_a_cue_and_its_speech_is_fixed_as_parenthetical_and_speech() -> None:
    script = _script(
        *_conversation("MARY", "BOB"), Dialogue("BOB"), _act("(quietly)"), _act("I'm here.")
    )
    [finding] = assess(script).findings
    assert finding.kind is FindingKind.CUE_WITHOUT_SPEECH
    fixed = apply_corrections(script, finding.fixes)
    assert fixed.scenes[0].elements[6] == Dialogue(
        "BOB", [Part(PartKind.PARENTHETICAL, "(quietly)"), Part(PartKind.SPEECH, "I'm here.")]
    )


def test_caseless_cues_read_as_action_are_found_when_they_recur() -> None:
    script = _script(
        _act("夜の台所。"),
        _act("ジョン"),
        _act("（失われた）"),
        _act("鍵を忘れた"),
        _act("メアリー"),
        _act("嘘つき"),
        _act("ジョン"),
        _act("本当だよ"),
        _act("メアリー"),
        _act("そう"),
    )
    report = assess(script)
    assert [f.location for f in report.findings if f.kind is FindingKind.CUE_AS_ACTION] == [
        LineId(0, 1),
        LineId(0, 4),
        LineId(0, 6),
        LineId(0, 8),
    ]
    fixed = apply_corrections(script, [fix for f in report.findings for fix in f.fixes])
    assert fixed.line_counts() == {"ジョン": 2, "メアリー": 2}
    assert fixed.scenes[0].elements[1] == Dialogue(
        "ジョン",
        [Part(PartKind.PARENTHETICAL, "（失われた）"), Part(PartKind.SPEECH, "鍵を忘れた")],
    )


def test_a_speech_cut_mid_sentence_then_going_on_as_action() -> None:
    script = _script(
        *_conversation("MARY", "BOB"),
        _say("MARY", "If you ever come back here"),
        _act("again, I will call the police."),
        _say("BOB", "You wouldn't"),  # cut off on purpose, then real action
        _act("She would. He knows it."),
    )
    [finding] = assess(script).findings
    assert finding.kind is FindingKind.SPEECH_AS_ACTION
    assert finding.location == LineId(0, 7)
    assert finding.message == "This action line looks like the rest of MARY’s speech."
    fixed = apply_corrections(script, finding.fixes)
    assert fixed.scenes[0].elements[6] == Dialogue(
        "MARY",
        [
            Part(PartKind.SPEECH, "If you ever come back here"),
            Part(PartKind.SPEECH, "again, I will call the police."),
        ],
    )


# --- long speeches, numbered cues, single cues ----------------------------------------------


def test_a_speech_many_times_the_usual_length_is_flagged_but_a_monologue_is_not() -> None:
    monologue = "To be, or not to be, that is the question. " * 35  # about 1500 characters
    quiet = assess(_script(*_conversation("HAMLET", "OPHELIA"), _say("HAMLET", monologue)))
    assert FindingKind.LONG_SPEECH not in _kinds(quiet)
    run_together = "HAMLET. Words. OPHELIA. More words here. " * 120
    loud = assess(_script(*_conversation("HAMLET", "OPHELIA"), _say("HAMLET", run_together)))
    [finding] = [f for f in loud.findings if f.kind is FindingKind.LONG_SPEECH]
    assert finding.location == LineId(0, 6)
    assert "HAMLET’s speech is" in finding.message


def test_cues_with_speech_numbers_are_one_role_each() -> None:
    elements: list[Element] = []
    for n in range(1, 13):
        elements.append(_say(f"{n} {'STEEL' if n % 2 else 'BRICK'}"))
    report = assess(_script(*elements))
    numbered = [f for f in report.findings if f.kind is FindingKind.NUMBERED_CUES]
    assert [f.severity for f in numbered] == [Severity.SERIOUS, Severity.SERIOUS]
    assert report.level is Level.PROBABLY_WRONG
    assert (
        numbered[0].message
        == "1 STEEL, 3 STEEL, 5 STEEL … look like STEEL with speech numbers: one character?"
    )
    fixed = apply_corrections(_script(*elements), [fix for f in numbered for fix in f.fixes])
    assert fixed.line_counts() == {"STEEL": 6, "BRICK": 6}
    trailing = assess(_script(*[_say(f"STEEL {n}") for n in (3, 8, 12, 20)]))
    assert FindingKind.NUMBERED_CUES in _kinds(trailing)


def test_numbered_walk_ons_are_not_speech_numbers() -> None:
    elements = [_say("GUARD 1"), _say("GUARD 2"), _say("GUARD 3"), _say("MAN"), _say("MAN 2")]
    report = assess(_script(*_conversation("MARY", "BOB"), *elements, _say("MAN 3")))
    assert FindingKind.NUMBERED_CUES not in _kinds(report)
    assert FindingKind.SIMILAR_NAMES not in _kinds(report)
    assert report.level is Level.SURE


def test_a_character_heard_once_is_a_note_that_leaves_the_import_sure() -> None:
    report = assess(_script(*_conversation("MARY", "BOB"), _say("WAITER", "More wine?")))
    assert [(f.kind, f.severity, f.message) for f in report.findings] == [
        (FindingKind.SINGLE_CUE, Severity.NOTE, "WAITER speaks only once.")
    ]
    assert report.level is Level.SURE
    assert report.label == "The import looks right"


# --- scenes -------------------------------------------------------------------------------


def _talking_scene(n: int) -> Scene:
    elements: list[Element] = [_act("The room is quiet and the light is going. " * 4)]
    elements += [_say("MARY" if k % 2 else "BOB", "A longer line of talk. " * 3) for k in range(8)]
    return Scene(f"INT. ROOM {n} - DAY", str(n), elements)


def test_a_scene_of_short_lines_without_dialogue_among_talking_scenes() -> None:
    lines: list[Element] = [_act(f"Where were you, {k}? I waited for hours.") for k in range(16)]
    script = Script(
        format=SourceFormat.PDF,
        scenes=[_talking_scene(n) for n in range(1, 5)] + [Scene("EXT. YARD", "5", lines)],
    )
    report = assess(script)
    [finding] = [f for f in report.findings if f.kind is FindingKind.SCENE_WITHOUT_DIALOGUE]
    assert finding.location == LineId(4, HEADING)
    assert finding.message == "Scene 5 has no dialogue, unlike the scenes around it."


def test_an_action_scene_in_paragraphs_is_not_flagged() -> None:
    paragraphs: list[Element] = [
        _act("The car skids round the corner and the crowd scatters. " * 3)
    ] * 6
    script = Script(
        format=SourceFormat.PDF,
        scenes=[_talking_scene(n) for n in range(1, 5)] + [Scene("EXT. STREET", "5", paragraphs)],
    )
    assert assess(script).findings == ()


# --- whole script -------------------------------------------------------------------------


def test_importer_warnings_are_findings_to_check() -> None:
    script = _script(*_conversation("MARY", "BOB"), fmt=SourceFormat.PDF)
    script.warnings.append("page 3 is damaged and was skipped")
    [finding] = assess(script).findings
    assert finding.kind is FindingKind.IMPORT_WARNING
    assert finding.message == "The import reported: page 3 is damaged and was skipped"
    assert finding.location is None


def test_no_dialogue_at_all_is_probably_wrong() -> None:
    report = assess(_script(_act("Nothing but weather.")))
    assert _kinds(report) == [FindingKind.NO_DIALOGUE]
    assert report.level is Level.PROBABLY_WRONG


def test_a_corrected_script_is_located_by_the_original_ids() -> None:
    script = _script(
        _act("A note nobody needs."),
        *_conversation("MARY", "BOB"),
        _act("BOB"),
        _act("I forgot my keys."),
    )
    applied = apply_with_report(script, [SetExcluded((LineId(0, 0),))])
    [finding] = assess(applied.script, applied.ids).findings
    assert finding.location == LineId(0, 7)
    assert finding.fixes[0] == SetKind((LineId(0, 7),), LineKind.CUE)
    fixed = apply_corrections(script, [SetExcluded((LineId(0, 0),)), *finding.fixes])
    assert fixed.scenes[0].elements[-1] == _say("BOB", "I forgot my keys.")


def test_every_sentence_is_marked_and_fills_in() -> None:
    source = Path(__file__).resolve().parents[2] / "rehearsal" / "script" / "confidence.py"
    text = source.read_text("utf-8")
    assert text.count("QT_TRANSLATE_NOOP(") >= len(FindingKind) + len(LEVEL_LABELS)
    finding = Finding(
        FindingKind.SINGLE_CUE, Severity.NOTE, "{name} speaks only once.", (("name", "X"),)
    )
    assert finding.message == "X speaks only once."


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(_act, st.text(max_size=30)),
            st.builds(
                lambda n, t: Dialogue(n, [Part(PartKind.SPEECH, t)] if t else []),
                st.sampled_from(["MARY", "MARRY", "1 BOB", "BOB 7", "DR. X", "DR X", "ジョン"]),
                st.text(max_size=20),
            ),
        ),
        max_size=25,
    )
)
def test_assess_never_raises_and_is_ordered(elements: list[Element]) -> None:
    report = assess(_script(*elements))
    located = [f.location for f in report.findings if f.location is not None]
    assert located == sorted(located)
    assert report.level in Level
    for finding in report.findings:
        assert finding.message
        apply_with_report(_script(*elements), finding.fixes)


# --- the demos and the corpus -------------------------------------------------------------


def test_the_demo_scenes_are_sure_with_nothing_to_say() -> None:
    for path in sorted(SCENES.glob("demo-*")):
        report = assess(load_script(path))
        assert report.level is Level.SURE, path.name
        assert report.findings == (), (path.name, [f.message for f in report.findings])


def _corpus_fixtures() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in {".fountain", ".fdx", ".pdf", ".txt"}
        and (CORPUS / "truth" / f"{p.relative_to(CORPUS)}.json").exists()
    )


def test_the_corpus_does_not_cry_wolf() -> None:
    """Fixtures with dialogue come out sure; those without are said to have none.

    The two not sure are Fountain syntax tests of a cue followed by a blank line (``BOB``
    above a blank line and text), which is action by the spec and worth a look in sides.
    """
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the checkout")
    not_sure: dict[str, list[str]] = {}
    for path in _corpus_fixtures():
        truth = json.loads((CORPUS / "truth" / f"{path.relative_to(CORPUS)}.json").read_text())
        has_dialogue = any(e["type"] == "dialogue" for s in truth["scenes"] for e in s["elements"])
        report = assess(load_script(path))
        name = str(path.relative_to(CORPUS))
        if not has_dialogue:
            assert _kinds(report, Severity.SERIOUS) == [FindingKind.NO_DIALOGUE], name
            continue
        assert report.level is not Level.PROBABLY_WRONG, name
        if report.level is not Level.SURE:
            not_sure[name] = [f.message for f in report.findings if f.severity > Severity.NOTE]
    assert set(not_sure) <= {
        "wildwinter/Character.fountain",
        "wildwinter/Writer-output.fountain",
    }, not_sure
    for messages in not_sure.values():
        assert messages == ["“BOB” was read as action but looks like BOB’s cue."]


def test_a_real_fountain_import_with_a_misspelt_cue_and_a_lost_cue() -> None:
    sides = """INT. KITCHEN - NIGHT

Rain on the window.

MARY
You came back.

BOB
I forgot my keys.

MARY
Liar.

BOB

I never lie.

MARRY
You just did.

BOB
Fine.
"""
    script = parse_bytes(sides.encode(), ".fountain")
    report = assess(script)
    assert report.level is Level.CHECK
    assert [f.kind for f in report.findings if f.severity > Severity.NOTE] == [
        FindingKind.CUE_AS_ACTION,
        FindingKind.SIMILAR_NAMES,
    ]
    fixes = [fix for f in report.findings for fix in f.fixes]
    fixed = apply_corrections(script, fixes)
    assert fixed.line_counts() == {"MARY": 3, "BOB": 3}
    assert assess(fixed).level is Level.SURE
