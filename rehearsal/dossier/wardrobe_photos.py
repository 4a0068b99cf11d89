"""Wardrobe photos: copied into the data folder so the dossier never points at a camera roll.

The copy is named after the audition and the photo's content hash, so choosing the same
photo twice is one file and a different photo never overwrites the one still shown. The
store keeps the path relative to the data folder; :func:`resolve_photo` refuses anything
that would lead outside ``<data>/wardrobe`` (a hand-edited database must not make the app
read or delete arbitrary files).
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from rehearsal import atomic_file
from rehearsal.paths import Paths

WARDROBE_FOLDER = "wardrobe"
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp"})
MAX_PHOTO_BYTES = 40 * 1024 * 1024


class PhotoError(Exception):
    """A photo could not be taken into the dossier; ``str`` says why, naming the file."""


def wardrobe_dir(paths: Paths) -> Path:
    """The folder that holds every wardrobe photo."""
    return paths.data / WARDROBE_FOLDER


def _digest(source: Path) -> str:
    sha = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def import_photo(paths: Paths, audition_id: int, source: Path) -> str:
    """Copy ``source`` into the wardrobe folder; returns the path to store (relative)."""
    suffix = source.suffix.lower()
    if suffix not in PHOTO_SUFFIXES:
        allowed = ", ".join(sorted(PHOTO_SUFFIXES))
        raise PhotoError(f"{source}: not a photo Rehearsal can show (use {allowed})")
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise PhotoError(f"{source}: is not a file")
        if size == 0:
            raise PhotoError(f"{source}: the file is empty")
        if size > MAX_PHOTO_BYTES:
            raise PhotoError(
                f"{source}: the photo is {size // (1024 * 1024)} MB; "
                f"choose one under {MAX_PHOTO_BYTES // (1024 * 1024)} MB"
            )
        name = f"audition-{audition_id}-first-round-{_digest(source)}{suffix}"
        folder = wardrobe_dir(paths)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / name
        if not target.exists():
            atomic_file.copy_file(source, target)  # 0600: photos are private
    except PhotoError:
        raise
    except OSError as exc:
        raise PhotoError(f"{source}: could not be copied ({exc.strerror or exc})") from exc
    return f"{WARDROBE_FOLDER}/{name}"


def resolve_photo(paths: Paths, stored: str | None) -> Path | None:
    """The file behind a stored photo path, or ``None`` if unset or outside the folder."""
    if not stored:
        return None
    relative = PurePosixPath(stored)
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (WARDROBE_FOLDER,):
        return None
    return paths.data.joinpath(*relative.parts)


def remove_photo(paths: Paths, stored: str | None) -> bool:
    """Delete a photo that no dossier uses any more; returns whether a file was removed."""
    path = resolve_photo(paths, stored)
    if path is None:
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False  # a photo left behind is harmless; the dossier no longer shows it
    return True
