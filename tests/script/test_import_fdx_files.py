"""Final Draft files as writers' programs save them, whole scripts, and the corpus.

The title page, scene properties, namespaces and byte-order marks of other writers'
programs, declared and mis-declared encodings, entities, element settings that print in
capitals; a feature-length script that imports whole with progress and can be cancelled;
and every ``.fdx`` file of the shared corpus scored exact against its truth.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearsal.script.errors import ImportCancelled
from rehearsal.script.import_fdx import import_bytes
from rehearsal.script.model import TextElement
from tests.corpus import corpus_files, diff_report, score_file
from tests.script.support.fdx import fdx, para, speeches

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


def test_empty_content_gives_an_empty_script_with_a_warning() -> None:
    script = import_bytes(fdx(""))
    assert script.scenes == []
    assert script.warnings


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
