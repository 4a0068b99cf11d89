"""Final Draft import: paragraph types, runs, dual dialogue, page-break marks, hostile XML."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_fdx import import_bytes, is_parenthetical
from rehearsal.script.loader import load_script
from rehearsal.script.model import Dialogue, ElementKind, PartKind, Script, TextElement
from rehearsal.script.serialize import script_to_dict
from tests.corpus import corpus_files, diff_report, score_file


def fdx(
    body: str, extra: str = "", declaration: str = '<?xml version="1.0" encoding="UTF-8"?>'
) -> bytes:
    """A minimal Final Draft document around ``body`` (the inside of ``<Content>``)."""
    return (
        f'{declaration}\n<FinalDraft DocumentType="Script" Template="No" Version="5">\n'
        f"<Content>\n{body}\n</Content>\n{extra}</FinalDraft>\n"
    ).encode()


def para(kind: str, *runs: str, attrs: str = "") -> str:
    texts = "".join("<Text/>" if run == "" else f"<Text>{run}</Text>" for run in runs)
    return f'<Paragraph Type="{kind}"{attrs}>{texts}</Paragraph>'


def speeches(script: Script) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(d.character, [(p.kind.value, p.text) for p in d.parts]) for d in script.dialogues()]


# -- paragraph types --------------------------------------------------------------------------


def test_scene_heading_number_action_transition_and_cue_extension() -> None:
    script = import_bytes(
        fdx(
            para("Scene Heading", "INT. SIGNAL BOX - NIGHT", attrs=' Number="12A"')
            + para("Action", "Rain on the glass.")
            + para("Character", "WREN (V.O.)")
            + para("Dialogue", "Points are frozen.")
            + para("Transition", "CUT TO:")
            + para("Shot", "CLOSE ON the lever.")
            + para("General", "A bell, somewhere.")
        )
    )
    assert script.format.value == "fdx"
    [scene] = script.scenes
    assert (scene.heading, scene.number) == ("INT. SIGNAL BOX - NIGHT", "12A")
    kinds = [e.kind if isinstance(e, TextElement) else "dialogue" for e in scene.elements]
    assert kinds == [
        ElementKind.ACTION,
        "dialogue",
        ElementKind.TRANSITION,
        ElementKind.ACTION,
        ElementKind.ACTION,
    ]
    dialogue = scene.elements[1]
    assert isinstance(dialogue, Dialogue)
    assert (dialogue.character, dialogue.extension) == ("WREN", "V.O.")


def test_text_before_first_heading_gets_a_scene_without_heading() -> None:
    script = import_bytes(
        fdx(para("New Act", "COLD OPEN") + para("Scene Heading", "EXT. QUAY - DAWN"))
    )
    assert [s.heading for s in script.scenes] == [None, "EXT. QUAY - DAWN"]
    first = script.scenes[0].elements[0]
    assert isinstance(first, TextElement)
    assert first.kind is ElementKind.CENTERED


def test_lyrics_after_a_cue_are_sung_lines_and_alone_are_a_lyric_element() -> None:
    script = import_bytes(
        fdx(
            para("Character", "ODILE")
            + para("Lyrics", "Over the water, under the moon")
            + para("Action", "Silence.")
            + para("Lyrics", "La la la")
        )
    )
    assert speeches(script) == [("ODILE", [("speech", "Over the water, under the moon")])]
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.LYRIC, "La la la")


def test_several_runs_are_concatenated_and_an_empty_run_is_a_line_break() -> None:
    script = import_bytes(
        fdx(
            para("Character", "MOSS")
            + para("Dialogue", "It was ", "never", " mine.", "", "Not once.")
            + para("Action", "Qa", "’u split mid-word.")
        )
    )
    assert speeches(script) == [("MOSS", [("speech", "It was never mine. Not once.")])]
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.ACTION, "Qa’u split mid-word.")


def test_styled_runs_keep_their_text_as_is() -> None:
    body = (
        para("Character", "ABE") + '<Paragraph Type="Dialogue"><Text Style="Italic">Really*</Text>'
        '<Text Style="Bold+Underline"> _now_</Text></Paragraph>'
    )
    assert speeches(import_bytes(fdx(body))) == [("ABE", [("speech", "Really* _now_")])]


def test_consecutive_dialogue_paragraphs_are_one_speech_and_empty_ones_are_skipped() -> None:
    script = import_bytes(
        fdx(
            para("Character", "DEALER")
            + para("Dialogue", "Dealer gets a seven.")
            + '<Paragraph Type="Dialogue"></Paragraph>'
            + para("Dialogue", "Hit or stand?")
        )
    )
    assert speeches(script) == [("DEALER", [("speech", "Dealer gets a seven. Hit or stand?")])]


def test_parentheticals_in_order_and_inline_direction_is_speech() -> None:
    script = import_bytes(
        fdx(
            para("Character", "IVO")
            + para("Parenthetical", "(low)")
            + para("Dialogue", "Don't.")
            + para("Parenthetical", "(beat)")
            + para("Dialogue", "(to Mara) Then go.")
            + para("Dialogue", "(gently)")
        )
    )
    assert speeches(script) == [
        (
            "IVO",
            [
                ("parenthetical", "(low)"),
                ("speech", "Don't."),
                ("parenthetical", "(beat)"),
                ("speech", "(to Mara) Then go."),
                ("parenthetical", "(gently)"),
            ],
        )
    ]


def test_parenthetical_without_parentheses_gets_them() -> None:
    script = import_bytes(
        fdx(
            para("Character", "IVO") + para("Parenthetical", "whispering") + para("Dialogue", "Hi.")
        )
    )
    assert speeches(script) == [("IVO", [("parenthetical", "(whispering)"), ("speech", "Hi.")])]


def test_line_inside_dialogue_that_is_only_a_parenthetical_is_one() -> None:
    script = import_bytes(
        fdx(para("Character", "IVO") + para("Dialogue", "I said no.", "", "(beat)", "", "No."))
    )
    assert speeches(script) == [
        ("IVO", [("speech", "I said no."), ("parenthetical", "(beat)"), ("speech", "No.")])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(beat)", True),
        ("  (quietly, to Ann)  ", True),
        ("(beat) Then he left.", False),
        ("(a) and (b)", False),
        ("(unclosed", False),
        ("no parens", False),
    ],
)
def test_is_parenthetical(text: str, expected: bool) -> None:
    assert is_parenthetical(text) is expected


def test_dialogue_without_a_cue_is_read_as_action_with_a_warning() -> None:
    script = import_bytes(fdx(para("Action", "Door.") + para("Dialogue", "Stray words.")))
    assert not list(script.dialogues())
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.ACTION, "Stray words.")
    assert any("no character cue" in w for w in script.warnings)


def test_cue_without_letters_is_not_a_character() -> None:
    script = import_bytes(fdx(para("Character", "1984") + para("Dialogue", "Words.")))
    assert not list(script.dialogues())


# -- dual dialogue ----------------------------------------------------------------------------

_DUAL_PAIR = (
    para("Character", "GIRL")
    + para("Dialogue", "Hey!")
    + para("Character", "GUY")
    + para("Parenthetical", "(waving)")
    + para("Dialogue", "Hello!")
)


@pytest.mark.parametrize(
    "body",
    [
        f"<Paragraph><DualDialogue>{_DUAL_PAIR}</DualDialogue></Paragraph>",
        f"<DualDialogue>{_DUAL_PAIR}</DualDialogue>",
    ],
    ids=["inside-paragraph", "under-content"],
)
def test_dual_dialogue_both_nestings(body: str) -> None:
    script = import_bytes(fdx(body + para("Character", "GIRL") + para("Dialogue", "Bye.")))
    found = [(d.character, d.dual, d.speech) for d in script.dialogues()]
    assert found == [("GIRL", True, "Hey!"), ("GUY", True, "Hello!"), ("GIRL", False, "Bye.")]


# -- (MORE) / (CONT'D) ------------------------------------------------------------------------


def test_more_and_contd_join_one_speech_split_by_a_page_break() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "I kept every letter.")
            + para("Dialogue", "(MORE)")
            + para("Character", "NORA (CONT'D)")
            + para("Dialogue", "Every single one.")
        )
    )
    assert speeches(script) == [("NORA", [("speech", "I kept every letter. Every single one.")])]


def test_more_at_the_end_of_a_dialogue_paragraph_is_removed() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "I kept every letter.", "", "(MORE)")
            + para("Character", "NORA (CONT’D)")
            + para("Dialogue", "Every one.")
        )
    )
    assert speeches(script) == [("NORA", [("speech", "I kept every letter. Every one.")])]


def test_contd_after_action_is_a_new_speech_without_the_mark() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "One.")
            + para("Action", "She sits.")
            + para("Character", "NORA (CONT'D)")
            + para("Dialogue", "Two.")
        )
    )
    dialogues = list(script.dialogues())
    assert [(d.character, d.extension, d.speech) for d in dialogues] == [
        ("NORA", None, "One."),
        ("NORA", None, "Two."),
    ]


# -- title page, writers' variations ----------------------------------------------------------


def test_title_comes_from_the_title_page() -> None:
    title_page = (
        "<TitlePage><Content>"
        '<Paragraph Alignment="Center"><Text/></Paragraph>'
        '<Paragraph Alignment="Center"><Text Style="Bold">THE SIGNAL BOX</Text></Paragraph>'
        '<Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>'
        "</Content></TitlePage>"
    )
    header = (
        "<HeaderAndFooter><Header><Paragraph><Text>HEADER TEXT</Text></Paragraph></Header>"
        "</HeaderAndFooter>"
    )
    script = import_bytes(fdx(para("Action", "Body."), extra=header + title_page))
    assert script.title == "THE SIGNAL BOX"
    assert script.title_page["Title"] == "THE SIGNAL BOX"
    assert "Written by" in script.title_page["Text"]
    assert all("HEADER" not in getattr(e, "text", "") for e in script.scenes[0].elements)


def test_no_title_page_means_no_title() -> None:
    assert import_bytes(fdx(para("Action", "Body."))).title is None


def test_scene_properties_text_is_not_read_into_the_heading() -> None:
    heading = (
        '<Paragraph Type="Scene Heading"><SceneProperties Length="1/8" Page="1" Title="">'
        '<SceneArcBeats><CharacterArcBeat Name="X"><Paragraph><Text>ARC NOTE</Text></Paragraph>'
        "</CharacterArcBeat></SceneArcBeats></SceneProperties>"
        "<Text>INT. KITCHEN - DAY</Text></Paragraph>"
    )
    script = import_bytes(fdx(heading))
    assert script.scenes[0].heading == "INT. KITCHEN - DAY"


def test_namespaced_and_bom_prefixed_files_from_other_writers() -> None:
    body = para("Character", "ZED") + para("Dialogue", "Namespaced.")
    data = (
        b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>"
        b'<FinalDraft xmlns="urn:example:fdx" Version="2"><Content>'
        + body.encode()
        + b"</Content></FinalDraft>"
    )
    assert speeches(import_bytes(data)) == [("ZED", [("speech", "Namespaced.")])]


def test_utf16_with_bom_and_declared_windows_encoding() -> None:
    body = para("Character", "JOSÉ") + para("Dialogue", "“Qué?” — she said")
    utf16 = fdx(body, declaration='<?xml version="1.0" encoding="UTF-16"?>').decode()
    script = import_bytes(utf16.encode("utf-16"))
    assert speeches(script) == [("JOSÉ", [("speech", "“Qué?” — she said")])]
    cp1252 = fdx(body, declaration='<?xml version="1.0" encoding="windows-1252"?>').decode()
    assert speeches(import_bytes(cp1252.encode("cp1252"))) == speeches(script)


def test_cp1252_bytes_under_a_utf8_declaration_are_repaired_with_a_warning() -> None:
    body = para("Character", "ANN") + para("Dialogue", "It’s late.")
    data = fdx(body).decode().encode("cp1252")
    script = import_bytes(data)
    assert speeches(script) == [("ANN", [("speech", "It’s late.")])]
    assert any("UTF-8" in w for w in script.warnings)


def test_xml_entities_for_apostrophes_are_decoded() -> None:
    script = import_bytes(fdx(para("Character", "KAY") + para("Dialogue", "There&apos;s a job.")))
    assert speeches(script) == [("KAY", [("speech", "There's a job.")])]


def test_empty_content_gives_an_empty_script_with_a_warning() -> None:
    script = import_bytes(fdx(""))
    assert script.scenes == []
    assert script.warnings


# -- hostile and broken input -----------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph></Content></FinalDraft>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&secret;</Text></Paragraph>
</Content></FinalDraft>
"""


def test_billion_laughs_is_refused_quickly() -> None:
    started = time.process_time()
    with pytest.raises(ScriptImportError, match=r"entity declarations.*refused for safety"):
        import_bytes(BILLION_LAUGHS)
    assert time.process_time() - started < 1.0


def test_billion_laughs_in_utf16_is_refused_too() -> None:
    data = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16")
    with pytest.raises(ScriptImportError, match="entity declarations"):
        import_bytes(data)


def test_external_entity_is_refused_and_nothing_is_read() -> None:
    with pytest.raises(ScriptImportError, match="refused for safety") as info:
        import_bytes(EXTERNAL_ENTITY)
    assert "root:" not in str(info.value)


def test_entity_declarations_hidden_in_utf16_are_refused_too() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><FinalDraft/>'
    with pytest.raises(ScriptImportError, match="entity declarations"):
        import_bytes(data.encode("utf-16"))


def test_parameter_entities_are_refused() -> None:
    data = b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><FinalDraft/>'
    with pytest.raises(ScriptImportError, match="refused for safety"):
        import_bytes(data)


def test_a_doctype_that_declares_nothing_is_harmless_and_read() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE FinalDraft SYSTEM "http://example.invalid/fd.dtd">'
        b'<FinalDraft><Content><Paragraph Type="Character"><Text>ANN</Text></Paragraph>'
        b'<Paragraph Type="Dialogue"><Text>Hi.</Text></Paragraph></Content></FinalDraft>'
    )
    assert speeches(import_bytes(data)) == [("ANN", [("speech", "Hi.")])]


def test_malformed_xml_names_the_line() -> None:
    data = (
        b'<?xml version="1.0"?>\n<FinalDraft>\n<Content>\n'
        b'<Paragraph Type="Action"><Text>x</Paragraph>\n</Content></FinalDraft>'
    )
    with pytest.raises(ScriptImportError, match=r"not well-formed XML \(mismatched tag at line 4"):
        import_bytes(data)


def test_truncated_file_names_the_problem() -> None:
    data = fdx(para("Character", "ANN") + para("Dialogue", "Cut off"))[:-40]
    with pytest.raises(ScriptImportError, match="not well-formed XML"):
        import_bytes(data)


def test_unknown_declared_encoding() -> None:
    with pytest.raises(ScriptImportError, match="unknown text encoding"):
        import_bytes(b'<?xml version="1.0" encoding="x-no-such"?><FinalDraft/>')


def test_other_xml_is_not_a_final_draft_document() -> None:
    with pytest.raises(ScriptImportError, match="not a Final Draft document"):
        import_bytes(b"<html><body>hi</body></html>")


def test_final_draft_without_content() -> None:
    with pytest.raises(ScriptImportError, match="no <Content>"):
        import_bytes(b"<FinalDraft><TitlePage/></FinalDraft>")


def test_loader_puts_the_file_name_into_the_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.fdx"
    path.write_bytes(BILLION_LAUGHS)
    with pytest.raises(ScriptImportError) as info:
        load_script(path)
    assert str(info.value).startswith(str(path))


# -- progress, speed --------------------------------------------------------------------------


def _long_script(scenes: int) -> bytes:
    body = []
    for n in range(scenes):
        body.append(para("Scene Heading", f"INT. ROOM {n} - DAY", attrs=f' Number="{n}"'))
        for k in range(12):
            body.append(para("Action", f"Beat {k} of scene {n} happens here at some length."))
            body.append(para("Character", "ALPHA" if k % 2 else "BETA"))
            body.append(para("Parenthetical", "(quietly)"))
            body.append(para("Dialogue", f"Line {k}: words, words and more words to say aloud."))
    return fdx("".join(body))


def test_progress_is_reported_and_can_cancel() -> None:
    data = _long_script(20)
    seen: list[float] = []
    import_bytes(data, seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)

    def cancel(fraction: float) -> None:
        if fraction > 0.3:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_bytes(data, cancel)


def test_a_feature_length_script_imports_whole() -> None:
    # Speed is measured by benchmarks/bench_parse.py, not asserted here.
    data = _long_script(120)  # about 1 400 speeches, longer than a 120-page script
    script = import_bytes(data)
    assert len(script.scenes) == 120
    assert len(list(script.dialogues())) == 1440


# -- property tests ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_script_import_error(data: bytes) -> None:
    with contextlib.suppress(ScriptImportError):
        import_bytes(data)


_TYPES = st.sampled_from(
    [
        "Scene Heading",
        "Action",
        "Character",
        "Parenthetical",
        "Dialogue",
        "Transition",
        "Lyrics",
        "New Act",
        "Outline 2",
        "",
        "Cast List",
        "Weird",
    ]
)
_TEXT = st.text(
    # XML 1.0 has no place for U+FFFE and U+FFFF: a file holding them is malformed, and
    # refusing it is a different test's business.
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("()\n "),
    max_size=30,
)


@st.composite
def _fdx_documents(draw: st.DrawFn) -> bytes:
    from xml.sax.saxutils import escape, quoteattr

    items = []
    for _ in range(draw(st.integers(0, 25))):
        runs = draw(st.lists(_TEXT, max_size=3))
        texts = "".join(f"<Text>{escape(r)}</Text>" if r else "<Text/>" for r in runs)
        p = f"<Paragraph Type={quoteattr(draw(_TYPES))}>{texts}</Paragraph>"
        wrap = draw(st.sampled_from(["", "dual", "dual-in-paragraph"]))
        if wrap == "dual":
            p = f"<DualDialogue>{p}</DualDialogue>"
        elif wrap == "dual-in-paragraph":
            p = f"<Paragraph><DualDialogue>{p}</DualDialogue></Paragraph>"
        items.append(p)
    return fdx("".join(items))


@settings(max_examples=200, deadline=None)
@given(_fdx_documents())
def test_random_fdx_documents_import_into_a_consistent_script(data: bytes) -> None:
    script = import_bytes(data)
    for dialogue in script.dialogues():
        assert dialogue.character
        assert dialogue.character == dialogue.character.upper()
        for part in dialogue.parts:
            assert part.text == part.text.strip()
            assert part.text
            if part.kind is PartKind.PARENTHETICAL:
                assert part.text.startswith("(")
    script_to_dict(script)


# -- the shared corpus ------------------------------------------------------------------------


def test_every_corpus_fdx_file_scores_exact(corpus_dir: Path) -> None:
    files = corpus_files(corpus_dir, ".fdx")
    assert files, "the corpus has no .fdx files"
    failures = []
    for path in files:
        score, result = score_file(corpus_dir, path)
        if not score.exact:
            failures.append(f"{path.name}: {score}\n{diff_report(corpus_dir, path, result)}")
    assert not failures, "\n".join(failures)


def test_a_parenthetical_typed_over_two_paragraphs_is_one() -> None:
    script = import_bytes(
        fdx(
            para("Character", "JOE")
            + para("Parenthetical", "(looking about")
            + para("Parenthetical", "the room)")
            + para("Dialogue", "Where is everyone?")
            + para("Parenthetical", "(beat)")
            + para("Parenthetical", "(quieter)")
            + para("Dialogue", "Hello?")
        )
    )
    assert speeches(script) == [
        (
            "JOE",
            [
                ("parenthetical", "(looking about the room)"),
                ("speech", "Where is everyone?"),
                ("parenthetical", "(beat)"),
                ("parenthetical", "(quieter)"),
                ("speech", "Hello?"),
            ],
        )
    ]


def test_a_character_paragraph_with_nothing_said_is_no_character() -> None:
    """Writers type FADE TO BLACK. or THE END in the Character style at the end of a script."""
    script = import_bytes(
        fdx(
            para("Character", "PROGRAMMER")
            + para("Dialogue", "It compiles.")
            + para("Character", "FADE TO BLACK.")
            + para("Character", "THE END")
        )
    )
    assert script.characters == ["PROGRAMMER"]
    [scene] = script.scenes
    tail = [(e.kind, e.text) for e in scene.elements if isinstance(e, TextElement)]
    assert tail == [(ElementKind.TRANSITION, "FADE TO BLACK."), (ElementKind.ACTION, "THE END")]


def test_elements_set_to_all_caps_read_as_printed() -> None:
    settings = (
        '<ElementSettings Type="Scene Heading"><FontSpec Style="AllCaps"/></ElementSettings>'
        '<ElementSettings Type="Character"><FontSpec Style="Bold+AllCaps"/></ElementSettings>'
        '<ElementSettings Type="Dialogue"><FontSpec Style=""/></ElementSettings>'
    )
    script = import_bytes(
        fdx(
            para("Scene Heading", "EXT. Mast farm - nIGHT")
            + para("Character", "Henry (o.S.)")
            + para("Dialogue", "Was it like this with me?")
            + '<Paragraph Type="Action"><Text Style="AllCaps">Fade in:</Text>'
            "<Text> the house.</Text></Paragraph>",
            extra=settings,
        )
    )
    [scene] = script.scenes
    assert scene.heading == "EXT. MAST FARM - NIGHT"
    [dialogue] = script.dialogues()
    assert (dialogue.character, dialogue.extension) == ("HENRY", "O.S.")
    assert dialogue.parts[0].text == "Was it like this with me?"
    assert any(
        isinstance(e, TextElement) and e.text == "FADE IN: the house." for e in scene.elements
    )
