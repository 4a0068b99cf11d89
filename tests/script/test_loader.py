"""The loader: every bad file gets one clear message that names it."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from rehearsal.script.detect import sniff_bytes, sniff_text
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.loader import MAX_FILE_BYTES, MAX_TEXT_BYTES, detect_format, load_script
from rehearsal.script.model import SourceFormat


def _error_for(path: Path) -> str:
    with pytest.raises(ScriptImportError) as info:
        load_script(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error_for(tmp_path / "nope.fountain")


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error_for(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.fountain"
    path.write_bytes(b"  \n\n")
    assert "empty" in _error_for(path)


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "too large" in _error_for(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert "binary" in _error_for(path)


def test_word_document_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "sides.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    message = _error_for(path)
    assert "Word document" in message
    assert "export" in message


def test_pdf_is_recognised_by_content_whatever_the_name() -> None:
    assert sniff_bytes(b"%PDF-1.7\n...", ".txt") is SourceFormat.PDF


def test_fdx_is_recognised_by_content() -> None:
    data = b'<?xml version="1.0"?>\n<FinalDraft DocumentType="Script">'
    assert sniff_bytes(data, "") is SourceFormat.FDX


def test_fountain_by_extension() -> None:
    assert sniff_bytes(b"Anything", ".fountain") is SourceFormat.FOUNTAIN


def test_text_with_scene_headings_is_fountain() -> None:
    assert sniff_text("INT. HOUSE - DAY\n\nBOB\nHi.\n") is SourceFormat.FOUNTAIN
    assert sniff_text("Title: Big Night\nAuthor: Me\n\n") is SourceFormat.FOUNTAIN


def test_play_text_is_text() -> None:
    play = "ACT ONE\n\nHAMLET. To be.\nOPHELIA. Or not.\n"
    assert sniff_text(play) is SourceFormat.TEXT
    assert detect_format(play.encode(), ".txt") is SourceFormat.TEXT


def test_named_pipe_is_refused_before_opening(tmp_path: Path) -> None:
    # Opening a FIFO blocks until a writer comes: if the loader opened it, this would hang.
    fifo = tmp_path / "sides.fountain"
    os.mkfifo(fifo)
    assert "is a named pipe, not a script file" in _error_for(fifo)


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.fountain"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert "is a socket" in _error_for(path)


def test_device_is_refused_at_once() -> None:
    with pytest.raises(ScriptImportError, match="/dev/zero: is a device, not a script file"):
        load_script("/dev/zero")


def test_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    first, second = tmp_path / "a.fountain", tmp_path / "b.fountain"
    first.symlink_to(second)
    second.symlink_to(first)
    message = _error_for(first)
    assert "symlink loop" in message
    assert "no such file" not in message


def test_dangling_link_names_its_target(tmp_path: Path) -> None:
    link = tmp_path / "sides.fountain"
    link.symlink_to(tmp_path / "moved-away.fountain")
    assert "moved-away.fountain, which does not exist" in _error_for(link)


def test_a_text_file_over_the_text_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:
        handle.write(b"Title: Huge\n\nINT. ROOM - NIGHT\n\n")
        handle.truncate(MAX_TEXT_BYTES + 1)  # sparse: costs no disk
    message = _error_for(path)
    assert "too large for a script" in message
    assert "the limit is 10 MB" in message


def test_a_pdf_may_be_larger_than_the_text_limit(tmp_path: Path) -> None:
    path = tmp_path / "scanned.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_TEXT_BYTES + 1)
    assert "too large" not in _error_for(path)  # read, then found damaged: not refused by size
