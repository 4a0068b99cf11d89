"""Wardrobe photos are copied into the data folder and never read from outside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearsal.dossier.wardrobe_photos import (
    MAX_PHOTO_BYTES,
    PhotoError,
    import_photo,
    remove_photo,
    resolve_photo,
    wardrobe_dir,
)
from rehearsal.paths import Paths

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _photo(tmp_path: Path, name: str = "look.PNG", data: bytes = PNG) -> Path:
    path = tmp_path / "camera" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_photo_is_copied_under_the_data_folder(paths: Paths, tmp_path: Path) -> None:
    source = _photo(tmp_path)
    stored = import_photo(paths, 3, source)
    assert stored.startswith("wardrobe/audition-3-first-round-")
    assert stored.endswith(".png")
    copy = resolve_photo(paths, stored)
    assert copy is not None
    assert copy.parent == wardrobe_dir(paths)
    assert copy.read_bytes() == PNG
    source.unlink()  # the dossier no longer depends on the original
    assert copy.exists()
    assert import_photo(paths, 3, _photo(tmp_path)) == stored  # same photo, same file
    other = import_photo(paths, 3, _photo(tmp_path, "other.png", PNG + b"\0"))
    assert other != stored
    assert remove_photo(paths, stored)
    assert not copy.exists()
    assert not remove_photo(paths, stored)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"hello", "not a photo"),
        ("empty.jpg", b"", "the file is empty"),
    ],
)
def test_what_is_not_a_usable_photo_is_refused_by_name(
    paths: Paths, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    source = _photo(tmp_path, name, data)
    with pytest.raises(PhotoError, match=message) as caught:
        import_photo(paths, 1, source)
    assert name in str(caught.value)


def test_missing_and_huge_photos_are_refused(paths: Paths, tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="could not be copied"):
        import_photo(paths, 1, tmp_path / "gone.jpg")
    huge = _photo(tmp_path, "huge.jpg", b"")
    with huge.open("r+b") as handle:
        handle.truncate(MAX_PHOTO_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(PhotoError, match="choose one under 40 MB"):
        import_photo(paths, 1, huge)


@pytest.mark.parametrize(
    "stored", ["", None, "/etc/passwd", "wardrobe/../rehearsal.sqlite3", "elsewhere/a.png"]
)
def test_stored_paths_outside_the_wardrobe_folder_are_ignored(
    paths: Paths, stored: str | None
) -> None:
    assert resolve_photo(paths, stored) is None
    assert not remove_photo(paths, stored)
