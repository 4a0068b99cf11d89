"""Final Draft files that are hostile or broken: refused with one clear message, quickly.

An ``.fdx`` file is XML, so it can carry entity bombs and external entities; those are
refused before anything is expanded or read. Malformed, truncated and foreign XML names its
problem (and the loader names the file), and random bytes or random documents never raise
anything but :class:`ScriptImportError` or give an inconsistent script.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ScriptImportError
from rehearsal.script.import_fdx import import_bytes
from rehearsal.script.loader import load_script
from rehearsal.script.model import PartKind
from rehearsal.script.serialize import script_to_dict
from tests.script.support.fdx import fdx, para, speeches

# -- entities ---------------------------------------------------------------------------------

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


# -- broken and foreign XML -------------------------------------------------------------------


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
