"""The bundled demo scenes: present, well-formed, and rehearsable once imported.

The first half reads the files with nothing but the standard library, so a broken demo is
caught even where an importer is missing; the second half imports each scene the way the
app does and checks what an actor would rehearse: the cast, the number of speeches (counted
here independently from the raw file), and that nothing outside the scene becomes dialogue.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from rehearsal.paths import resources_dir
from rehearsal.script.model import Dialogue, ElementKind, PartKind, Script, TextElement

SCENES = resources_dir() / "scenes"
FOUNTAIN = SCENES / "demo-night-shift.fountain"
FDX = SCENES / "demo-the-inheritance.fdx"
PLAY = SCENES / "demo-the-lighthouse-keepers.txt"

_FOUNTAIN_CUE = re.compile(r"^(?!INT\.|EXT\.)([A-Z][A-Z .']*?)\s*(\([^)]*\))?\s*(\^)?$")
_PLAY_SPEECH = re.compile(r"^([A-Z][A-Z'-]+)\. \S")


def fountain_cues(text: str) -> list[tuple[str, str | None, bool]]:
    """(name, extension, dual) for every cue: a caps line after a blank line, text below."""
    body = text.split("\n\n", 1)[1].splitlines()
    cues = []
    for i, line in enumerate(body[:-1]):
        match = _FOUNTAIN_CUE.match(line)
        if match and (i == 0 or not body[i - 1].strip()) and body[i + 1].strip():
            ext = match.group(2)[1:-1] if match.group(2) else None
            ext = None if ext == "CONT'D" else ext  # dropped, as PARSE_FORMAT.md says
            cues.append((match.group(1), ext, bool(match.group(3))))
    return cues


def play_speeches(text: str) -> list[str]:
    """Speaker names of the speeches after the first ACT heading."""
    body = text.split("\nACT ONE\n", 1)[1]
    return [m.group(1) for line in body.splitlines() if (m := _PLAY_SPEECH.match(line))]


def fdx_content(path: Path) -> ET.Element:
    root: ET.Element = SafeET.parse(path).getroot()
    content = root.find("Content")
    assert content is not None
    return content


def paragraph_text(paragraph: ET.Element) -> str:
    return "".join(run.text or "" for run in paragraph.iter("Text"))


# ---------------------------------------------------------------------- the files


def test_the_scene_folder_has_the_three_demos_and_a_licence_note() -> None:
    for path in (FOUNTAIN, FDX, PLAY):
        assert path.is_file(), path
        assert path.read_bytes().decode("utf-8").strip()
    readme = (SCENES / "README.md").read_text(encoding="utf-8")
    assert "original" in readme
    assert "MIT" in readme


def test_the_fountain_demo_has_the_features_it_shows_off() -> None:
    text = FOUNTAIN.read_text(encoding="utf-8")
    title_page = text.split("\n\n", 1)[0]
    keys = {line.split(":", 1)[0] for line in title_page.splitlines() if ":" in line}
    assert {"Title", "Credit", "Author"} <= keys
    assert title_page.startswith("Title: Night Shift\n")
    assert re.search(r"^INT\. .+ #1#$", text, re.MULTILINE)
    assert "\n(beat)\n" in text
    assert re.search(r"^> [A-Z ]+\.$", text, re.MULTILINE)  # a forced transition
    cues = fountain_cues(text)
    assert {name for name, _, _ in cues} == {"NINA", "CAL"}
    assert ("CAL", "O.S.", False) in cues
    assert [c for c in cues if c[2]] == [("NINA", None, True)]
    assert len(cues) >= 20


def test_the_fdx_demo_is_a_final_draft_document() -> None:
    raw = FDX.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n')
    root = ET.parse(FDX).getroot()  # the plain parser agrees with the hardened one
    assert (root.tag, root.get("DocumentType"), root.get("Version")) == (
        "FinalDraft",
        "Script",
        "5",
    )
    content = fdx_content(FDX)
    kinds = Counter(p.get("Type") for p in content.findall("Paragraph"))
    assert {
        "Scene Heading",
        "Action",
        "Character",
        "Parenthetical",
        "Dialogue",
        "Transition",
    } <= set(kinds)
    heading = content.find("Paragraph[@Type='Scene Heading']")
    assert heading is not None
    assert heading.get("Number") == "1"
    names = {
        paragraph_text(p).split(" (")[0] for p in content.findall("Paragraph[@Type='Character']")
    }
    assert names == {"MAEVE", "TOM", "JULES"}
    assert any(len(p.findall("Text")) > 1 for p in content.findall("Paragraph"))
    title = [paragraph_text(p) for p in root.iterfind("TitlePage/Content/Paragraph")]
    assert title[0] == "The Inheritance"


def test_the_play_demo_has_a_cast_list_headings_and_directions() -> None:
    text = PLAY.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "THE LIGHTHOUSE KEEPERS"
    cast_at = lines.index("CHARACTERS")
    cast = [line for line in lines[cast_at + 1 : cast_at + 6] if line.strip()]
    assert [line.split(",")[0] for line in cast[:3]] == [
        "MARGARET HOLT",
        "ARTHUR VANE",
        "NELL PRIDDY",
    ]
    assert lines.index("ACT ONE") < lines.index("SCENE 1")
    assert set(play_speeches(text)) == {"MARGARET", "ARTHUR", "NELL"}
    assert re.search(r"^\[[^\]]+\]$", text, re.MULTILINE)  # a direction standing alone
    assert re.search(r"^[A-Z]+\. \[[^\]]+\] \S", text, re.MULTILINE)  # one inside a speech


# ---------------------------------------------------------------------- imported


def load(path: Path, importer: str) -> Script:
    pytest.importorskip(f"rehearsal.script.{importer}")
    from rehearsal.script.loader import load_script

    return load_script(path)


def parts(dialogue: Dialogue, kind: PartKind) -> list[str]:
    return [p.text for p in dialogue.parts if p.kind is kind]


def test_the_fountain_demo_imports_as_a_two_hander() -> None:
    script = load(FOUNTAIN, "import_fountain")
    dialogues = list(script.dialogues())
    cues = fountain_cues(FOUNTAIN.read_text(encoding="utf-8"))
    assert script.title == "Night Shift"
    assert script.characters == ["CAL", "NINA"]
    assert len(dialogues) == len(cues) >= 10
    assert [(d.character, d.extension) for d in dialogues] == [(n, e) for n, e, _ in cues]
    assert [d.character for d in dialogues if d.dual] == ["CAL", "NINA"]
    assert (script.scenes[-1].heading, script.scenes[-1].number) == (
        "INT. WARD SIX, NURSES' STATION - NIGHT",
        "1",
    )
    assert sum("(beat)" in parts(d, PartKind.PARENTHETICAL) for d in dialogues) >= 2
    assert all(d.speech for d in dialogues)


def test_the_fdx_demo_imports_as_a_three_hander() -> None:
    script = load(FDX, "import_fdx")
    dialogues = list(script.dialogues())
    cues = fdx_content(FDX).findall("Paragraph[@Type='Character']")
    assert set(script.characters) == {"MAEVE", "TOM", "JULES"}
    assert len(dialogues) == len(cues) >= 10
    assert script.title in (None, "The Inheritance")
    assert [d.extension for d in dialogues if d.extension] == ["O.S."]
    under = next(d for d in dialogues if "good tea" in d.speech)
    assert "Under the good tea, which" in under.speech  # three <Text> runs joined
    transitions = [
        e
        for e in script.scenes[-1].elements
        if isinstance(e, TextElement) and e.kind is ElementKind.TRANSITION
    ]
    assert [t.text for t in transitions] == ["FADE OUT."]


def test_the_play_demo_imports_without_the_cast_list_as_dialogue() -> None:
    script = load(PLAY, "import_text")
    dialogues = list(script.dialogues())
    expected = play_speeches(PLAY.read_text(encoding="utf-8"))
    assert set(script.characters) == {"MARGARET", "ARTHUR", "NELL"}
    assert [d.character for d in dialogues] == expected
    assert len(dialogues) >= 10
    assert dialogues[0].speech.startswith("The Board would like the log signed tonight")
    assert not any("principal keeper" in d.speech for d in dialogues)
    assert any("SCENE 1" in (scene.heading or "") for scene in script.scenes)
    inline = [p for d in dialogues for p in parts(d, PartKind.PARENTHETICAL)]
    assert "[Tapping the barometer without looking at it.]" in inline
    standing = [
        e.text
        for s in script.scenes
        for e in s.elements
        if isinstance(e, TextElement) and e.kind is ElementKind.ACTION
    ]
    assert "[Lights fade.]" in standing
