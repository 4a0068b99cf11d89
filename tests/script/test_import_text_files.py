"""Plain-text plays as files: encodings, binaries, the loader, length, progress, fuzzing.

Plays arrive as UTF-8, UTF-16 or Windows code pages with any line ends; a binary file gets
one clear message; a play the length of a full evening imports whole, reporting progress and
stopping when cancelled; and random bytes or play-like text never raise anything but
:class:`ScriptImportError`.
"""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_text import import_bytes, import_play_text
from rehearsal.script.loader import load_script
from rehearsal.script.model import Dialogue
from rehearsal.script.serialize import script_to_dict
from tests.script.support.text import INLINE_CAPS
from tests.script.support.views import speeches

# -- encodings and line ends ------------------------------------------------------------------

CURLY = "ANNA. It’s “late” – isn’t it?\r\nBORIS. Yes… it’s late.\r\nANNA. Then go.\r\n"


def test_crlf_line_ends() -> None:
    script = import_bytes(CURLY.encode("utf-8"))
    assert speeches(script)[0] == ("ANNA", [("speec", "It’s “late” – isn’t it?")])


def test_utf16_with_bom() -> None:
    for codec in ("utf-16", "utf-16-be"):
        data = CURLY.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        assert speeches(import_bytes(data)) == speeches(import_bytes(CURLY.encode()))


def test_utf8_with_bom() -> None:
    script = import_bytes(b"\xef\xbb\xbf" + CURLY.encode())
    assert [name for name, _ in speeches(script)] == ["ANNA", "BORIS", "ANNA"]


def test_cp1252_file_keeps_its_structure() -> None:
    script = import_bytes(CURLY.encode("cp1252"))
    assert [name for name, _ in speeches(script)] == ["ANNA", "BORIS", "ANNA"]
    assert speeches(script)[2] == ("ANNA", [("speec", "Then go.")])


def test_binary_data_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ScriptImportError, match="binary"):
        import_bytes(b"\x00\x01\x02PK\x03\x04" * 50)


def test_loader_reads_a_play_text_file(tmp_path: Path) -> None:
    path = tmp_path / "scene.txt"
    path.write_bytes(INLINE_CAPS.encode("utf-8"))
    script = load_script(path)
    assert script.format.value == "text"
    assert script.title == "THE LAMPLIGHTER'S DAUGHTER"


# -- progress, speed --------------------------------------------------------------------------


def _long_play(speeches_count: int, seed: int = 7) -> str:
    """A play text the length of a full evening, mixing every direction form."""
    rng = random.Random(seed)
    names = ["NELL", "OSWIN", "MRS. PEAKE", "THE DOCTOR", "ALBERT", "FIRST WATCHMAN"]
    lines = ["THE LONG NIGHT", "", "CHARACTERS", *[f"{n}, a person" for n in names], ""]
    for n in range(speeches_count):
        if n % 120 == 0:
            lines += ["", f"SCENE {n // 120 + 1}. A room.", ""]
        speaker = rng.choice(names)
        lines.append(f"{speaker}. Words of the speech, (quietly) and more of it. [Turning.] Yes.")
        if n % 3 == 0:
            lines.append("and a second line that runs on from the first one here.")
        if n % 9 == 0:
            lines += ["", "[A direction standing alone between two speeches.]", ""]
    return "\n".join(lines) + "\n"


def test_a_full_length_play_imports_whole() -> None:
    # Speed is measured by benchmarks/bench_parse.py, not asserted here.
    text = _long_play(1500)  # more speeches than a 120-page play has
    script = import_bytes(text.encode())
    assert len(list(script.dialogues())) == 1500


def test_progress_is_reported_and_can_cancel() -> None:
    text = _long_play(3000)
    seen: list[float] = []
    import_play_text(text, seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)

    def cancel(fraction: float) -> None:
        if fraction > 0.2:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_play_text(text, cancel)


# -- property tests ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_raise_only_script_import_error(data: bytes) -> None:
    with contextlib.suppress(ScriptImportError):
        import_bytes(data)


_PLAYISH = st.lists(
    st.one_of(
        st.sampled_from(
            ["", "ACT I", "Scene: a garden", "ANNA.", "BORIS", "(beat)", "[Exit.]", "Enter ANNA.",
             "ANNA. Words (aside) more.", "Lady Wren: yes", "CHARACTERS", "(MORE)", "ANNA (CONT'D)",
             "_Blackout._", "[unclosed", "12.", "*** START OF THE PROJECT GUTENBERG EBOOK X ***"]
        ),
        st.text(max_size=40),
    ),
    max_size=60,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_PLAYISH)
def test_random_play_like_text_always_imports_consistently(lines: list[str]) -> None:
    script = import_play_text("\n".join(lines))
    for dialogue in script.dialogues():
        assert isinstance(dialogue, Dialogue)
        assert dialogue.character
        assert dialogue.character == dialogue.character.upper()
        assert dialogue.parts
        for part in dialogue.parts:
            assert part.text
            assert part.text == part.text.strip()
    script_to_dict(script)
