"""Atomic, private writes: the old file survives a full disk, new files are 0600."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from rehearsal import atomic_file
from rehearsal.dossier.thank_you import TemplateError, save_template
from rehearsal.dossier.wardrobe_photos import import_photo
from rehearsal.logs import setup_logging
from rehearsal.notes.deckfile import write_atomic
from rehearsal.notes.note import DeckError
from rehearsal.paths import Paths
from rehearsal.speech.direction import DirectionTable
from tests.mounts import fill, small_disk

BIG = "x" * 200_000  # more than the 64 KB disk can take


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_write_replaces_the_file_and_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old")
    target.chmod(0o644)
    atomic_file.write_text(target, "new")
    assert target.read_text() == "new"
    assert mode(target) == 0o600
    assert leftovers(tmp_path, {"settings.json"}) == []


def test_a_failure_inside_the_block_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.toml"
    target.write_text("the old notes")

    def killed_mid_write() -> None:
        with atomic_file.atomic_writer(target) as stream:
            stream.write("half of the new")
            raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        killed_mid_write()
    assert target.read_text() == "the old notes"
    assert leftovers(tmp_path, {"notes.toml"}) == []


def test_full_disk_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        target = disk / "delivery.json"
        atomic_file.write_text(target, '{"old": true}')
        with pytest.raises(OSError, match="No space") as caught:
            atomic_file.write_text(target, BIG)
        assert caught.value.errno == 28  # ENOSPC: the kernel's own "disk full"
        assert target.read_text() == '{"old": true}'
        assert leftovers(disk, {"delivery.json"}) == []


def test_delivery_rules_survive_a_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        target = disk / "delivery.json"
        DirectionTable().save(target)
        before = target.read_bytes()
        fill(disk)
        with pytest.raises(OSError, match="No space"):
            DirectionTable(beat_seconds=2.5).save(target)
        assert target.read_bytes() == before
        assert DirectionTable.from_dict(json.loads(before)) == DirectionTable()


def test_notes_deck_and_thank_you_survive_a_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        deck, template = disk / "notes.toml", disk / "thank_you.txt"
        write_atomic(deck, "# my notes\n")
        save_template(template, "Dear {director},")
        fill(disk)
        with pytest.raises(DeckError, match="cannot save"):
            write_atomic(deck, BIG)
        with pytest.raises(TemplateError):
            save_template(template, BIG)
        assert deck.read_text() == "# my notes\n"
        assert template.read_text() == "Dear {director},"


def test_paths_are_created_private(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path / "root").ensure()
    for folder in (paths.data, paths.cache, paths.logs):
        assert mode(folder) == 0o700


def test_existing_world_readable_data_is_tightened_on_start(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path)
    recordings = paths.data / "recordings"
    recordings.mkdir(parents=True)
    paths.data.chmod(0o755)
    recordings.chmod(0o755)
    for name in ("rehearsal.sqlite3", "notes.toml"):
        (paths.data / name).write_text("private")
        (paths.data / name).chmod(0o644)
    (recordings / "take-1.wav").write_bytes(b"RIFF")
    (recordings / "take-1.wav").chmod(0o644)
    paths.ensure()
    assert mode(paths.data) == 0o700
    assert mode(recordings) == 0o700
    assert mode(paths.data / "rehearsal.sqlite3") == 0o600
    assert mode(paths.data / "notes.toml") == 0o600
    assert mode(recordings / "take-1.wav") == 0o600


def test_photos_and_logs_are_private(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path).ensure()
    photo = tmp_path / "outfit.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    photo.chmod(0o644)
    stored = import_photo(paths, 1, photo)
    assert mode(paths.data / stored) == 0o600
    assert (paths.data / stored).read_bytes() == photo.read_bytes()
    log_file = setup_logging(paths.logs)
    assert mode(log_file) == 0o600
