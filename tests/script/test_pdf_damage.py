"""PDFs with one damaged page: the page is named, the rest of the sides imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rehearsal.script.import_pdf import import_bytes
from tests.script.pdf_factory import raw_pdf

INCH = 72


_PAGE_WORDS = {1: b"first", 2: b"second", 3: b"last"}


def _page_stream(page: int) -> bytes:
    """A page of sides in Courier: a cue, a speech under it, action at the margin."""
    rows = [
        b"BT /F1 12 Tf %d 720 Td (The %s page opens on the hall.) Tj ET"
        % (int(1.5 * INCH), _PAGE_WORDS[page])
    ]
    y = 690
    for k in range(6):
        name = b"MARY" if k % 2 == 0 else b"JOHN"
        rows.append(b"BT /F1 12 Tf %d %d Td (%s) Tj ET" % (int(3.7 * INCH), y, name))
        rows.append(
            b"BT /F1 12 Tf %d %d Td (Line %d of the %s page.) Tj ET"
            % (int(2.5 * INCH), y - 12, k + 1, _PAGE_WORDS[page])
        )
        rows.append(
            b"BT /F1 12 Tf %d %d Td (They stand by the door.) Tj ET" % (int(1.5 * INCH), y - 36)
        )
        y -= 72
    return b"\n".join(rows)


def damaged_middle_page(how: str) -> bytes:
    """Three pages; the second one's content stream is corrupt (``flate``) or missing."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
    ]
    for content in (6, 7, 8):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 9 0 R >> >> >>" % content
        )
    for page in (1, 2, 3):
        stream = _page_stream(page)
        if page == 2 and how == "missing":
            objects.append(b"null")
            continue
        header = b"<< /Length %d >>" % len(stream)
        if page == 2:
            stream = bytes(range(256)) * 8  # not a deflate stream at all
            header = b"<< /Length %d /Filter /FlateDecode >>" % len(stream)
        objects.append(header + b"\nstream\n" + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    return raw_pdf(objects)


def test_a_damaged_page_is_named_and_the_rest_imports() -> None:
    for how in ("flate", "missing"):
        result = import_bytes(damaged_middle_page(how))
        assert any(w.startswith("page 2 ") for w in result.warnings), result.warnings
        speeches = [p.text for d in result.dialogues() for p in d.parts]
        assert speeches[0] == "Line 1 of the first page."
        assert speeches[-1] == "Line 6 of the last page."
        assert len(speeches) == 12
        assert result.characters == ["MARY", "JOHN"]


def test_parse_prints_the_damaged_page_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "sides.pdf"
    path.write_bytes(damaged_middle_page("flate"))
    run = subprocess.run(
        [sys.executable, "-m", "rehearsal", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "page 2" in run.stdout + run.stderr


def test_parse_of_a_truncated_pdf_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(damaged_middle_page("flate")[:300])
    run = subprocess.run(
        [sys.executable, "-m", "rehearsal", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1
    assert "cut.pdf" in run.stderr
