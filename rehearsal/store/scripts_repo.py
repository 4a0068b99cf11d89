"""Scripts, their casting and their settings: what the app remembers about each import.

A script is identified by the SHA-256 of the bytes it was imported from, so importing the
same sides twice (or after moving the file) finds the first import and its history, while
a revised draft becomes a new script with its own snapshot.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from rehearsal.script.corrections import (
    Correction,
    CorrectionsFormatError,
    apply_corrections,
    corrections_from_json,
    corrections_to_json,
)
from rehearsal.script.model import Dialogue, Script
from rehearsal.script.serialize import script_from_dict, script_to_dict
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.models import Casting, Character, ScriptSettings, StoredScript
from rehearsal.store.records import ScriptInfo
from rehearsal.store.salvage import has_lost_text


def content_hash(raw_bytes: bytes) -> str:
    """The identity of an import: the hex SHA-256 of the file's bytes."""
    return hashlib.sha256(raw_bytes).hexdigest()


def script_info(row: StoredScript) -> ScriptInfo:
    """The record of a stored script (its characters loaded with it)."""
    return ScriptInfo(
        id=row.id,
        title=row.title,
        format=row.format,
        source_path=row.source_path,
        content_hash=row.content_hash,
        imported_at=row.imported_at,
        characters=tuple(c.name for c in row.characters),
    )


def import_script(
    engine: Engine,
    script: Script,
    source_path: Path | str | None,
    raw_bytes: bytes,
    *,
    now: WallClock = utc_now,
) -> int:
    """Store ``script`` (or find it again by content) and return its id.

    A re-import of known bytes only updates the remembered path, so a moved file keeps its
    history; the snapshot is never rewritten because line events point into it by index,
    except when a salvage lost it: the same bytes give the same indexes, so it is read
    again from the file.
    """
    digest = content_hash(raw_bytes)
    path_text = str(source_path) if source_path is not None else None
    with Session(engine) as session, session.begin():
        existing = session.scalars(
            select(StoredScript).where(StoredScript.content_hash == digest)
        ).one_or_none()
        if existing is not None:
            if path_text is not None and existing.source_path != path_text:
                existing.source_path = path_text
            if has_lost_text(existing.snapshot):
                existing.snapshot = script_to_dict(script)
            return existing.id
        row = StoredScript(
            content_hash=digest,
            title=script.title,
            format=script.format.value,
            source_path=path_text,
            snapshot=script_to_dict(script),
            imported_at=now(),
        )
        counts = script.line_counts()
        row.characters = [
            Character(name=name, position=position, line_count=counts[name])
            for position, name in enumerate(script.characters)
        ]
        session.add(row)
        session.flush()
        return row.id


def get_script(engine: Engine, script_id: int) -> ScriptInfo | None:
    """One script's details, or ``None`` when it is not (or no longer) stored."""
    with Session(engine) as session:
        row = session.get(StoredScript, script_id)
        return script_info(row) if row is not None else None


def find_script(engine: Engine, raw_bytes: bytes) -> ScriptInfo | None:
    """The stored script imported from exactly these bytes, if any."""
    with Session(engine) as session:
        row = session.scalars(
            select(StoredScript).where(StoredScript.content_hash == content_hash(raw_bytes))
        ).one_or_none()
        return script_info(row) if row is not None else None


def list_scripts(engine: Engine) -> list[ScriptInfo]:
    """Every stored script, most recently imported first."""
    with Session(engine) as session:
        rows = session.scalars(
            select(StoredScript).order_by(StoredScript.imported_at.desc(), StoredScript.id.desc())
        ).all()
        return [script_info(row) for row in rows]


def load_snapshot(engine: Engine, script_id: int) -> Script | None:
    """The script as it was imported, rebuilt from the stored snapshot."""
    with Session(engine) as session:
        snapshot = session.scalar(select(StoredScript.snapshot).where(StoredScript.id == script_id))
    return script_from_dict(snapshot) if snapshot is not None else None


def line_texts(
    snapshot: Mapping[str, Any], corrections: str | None = None
) -> dict[tuple[int, int], str]:
    """Spoken words by (scene index, element index): how line events find their words.

    The rehearsal runs on the corrected script, so its line events index into that; the
    stored ``corrections`` (JSON) are applied to the snapshot first. Unreadable ones are
    ignored here: the history still lists the session, only without the words.
    """
    script = script_from_dict(dict(snapshot))
    if corrections:
        try:
            script = apply_corrections(script, corrections_from_json(corrections))
        except CorrectionsFormatError:
            return {}
    texts: dict[tuple[int, int], str] = {}
    for scene_index, scene in enumerate(script.scenes):
        for element_index, element in enumerate(scene.elements):
            if isinstance(element, Dialogue):
                texts[(scene_index, element_index)] = element.speech
    return texts


def load_corrections(engine: Engine, script_id: int) -> tuple[Correction, ...]:
    """The corrections the actor made to a stored script (empty when none or no such script).

    Raises :class:`CorrectionsFormatError` when the stored list cannot be read (damaged, or
    written by a newer version), so the caller can say so instead of silently dropping it.
    """
    with Session(engine) as session:
        text = session.scalar(select(StoredScript.corrections).where(StoredScript.id == script_id))
    return corrections_from_json(text) if text else ()


def find_corrections(engine: Engine, raw_bytes: bytes) -> tuple[Correction, ...]:
    """The corrections stored for the script imported from exactly these bytes, if any."""
    with Session(engine) as session:
        text = session.scalar(
            select(StoredScript.corrections).where(
                StoredScript.content_hash == content_hash(raw_bytes)
            )
        )
    return corrections_from_json(text) if text else ()


def save_corrections(engine: Engine, script_id: int, corrections: Sequence[Correction]) -> bool:
    """Replace a script's corrections with ``corrections``; False when it is not stored.

    The whole list is written each time: it is the state (undo is the list without its last
    operation), a few kilobytes at most, and one row update is atomic.
    """
    text = corrections_to_json(corrections) if corrections else None
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(StoredScript).where(StoredScript.id == script_id).values(corrections=text)
        )
        return bool(getattr(result, "rowcount", 0))


def delete_script(engine: Engine, script_id: int) -> bool:
    """Forget a script and, through the cascade, every session rehearsed with it."""
    with Session(engine) as session, session.begin():
        result = session.execute(delete(StoredScript).where(StoredScript.id == script_id))
        return bool(getattr(result, "rowcount", 0))


def get_casting(engine: Engine, script_id: int) -> dict[str, dict[str, Any]]:
    """Voice settings by character for one script."""
    with Session(engine) as session:
        rows = session.execute(
            select(Casting.character, Casting.voice).where(Casting.script_id == script_id)
        ).all()
        return {character: dict(voice) for character, voice in rows}


def set_casting(engine: Engine, script_id: int, character: str, voice: Mapping[str, Any]) -> None:
    """Remember (or replace) the voice that reads ``character`` in this script."""
    statement = insert(Casting).values(script_id=script_id, character=character, voice=dict(voice))
    statement = statement.on_conflict_do_update(
        index_elements=[Casting.script_id, Casting.character],
        set_={"voice": statement.excluded.voice},
    )
    with Session(engine) as session, session.begin():
        session.execute(statement)


def get_settings(engine: Engine, script_id: int) -> dict[str, Any]:
    """The per-script settings (last role, wait mode …), empty when none were saved."""
    with Session(engine) as session:
        data = session.scalar(
            select(ScriptSettings.data).where(ScriptSettings.script_id == script_id)
        )
        return dict(data) if data else {}


def update_settings(
    engine: Engine,
    script_id: int,
    changes: Mapping[str, Any],
    *,
    now: WallClock = utc_now,
) -> dict[str, Any]:
    """Merge ``changes`` into the script's settings (a ``None`` value removes the key).

    Read and write happen in one transaction, so two parts of the app saving different
    keys at once do not undo each other.
    """
    with Session(engine) as session, session.begin():
        row = session.get(ScriptSettings, script_id)
        merged = dict(row.data) if row is not None else {}
        for key, value in changes.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        if row is None:
            session.add(ScriptSettings(script_id=script_id, data=merged, updated_at=now()))
        else:
            session.execute(
                update(ScriptSettings)
                .where(ScriptSettings.script_id == script_id)
                .values(data=merged, updated_at=now())
            )
        return merged
