"""Reading and writing the app's preferences in ``QSettings``, in one place.

Defaults for every new rehearsal, and the per-script state (last role, the run's settings,
the hiding level) that makes reopening sides put the actor back where they were. Values
are stored as JSON strings so that INI files stay readable and types survive.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from rehearsal.engine.hiding import HideLevel
from rehearsal.engine.settings import RehearsalSettings


@dataclass
class Preferences:
    """Everything the Settings dialog tunes; defaults are what a new actor should get."""

    rehearsal: RehearsalSettings = field(default_factory=RehearsalSettings)
    hide_level: HideLevel = HideLevel.FULL
    hide_by_memory: bool = False
    read_actions: bool = False
    note_mode: str = "between_takes"
    note_probability: float = 0.3
    prep_seconds: int = 60
    warning_tone: bool = True
    font_size: float = 12.0
    check_in: bool = True


def load_json(settings: QSettings, key: str) -> dict[str, Any]:
    """A JSON object stored under ``key``; anything missing or unreadable gives ``{}``."""
    raw = settings.value(key)
    if not raw:
        return {}
    try:
        data = json.loads(str(raw))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def load_preferences(settings: QSettings) -> Preferences:
    """The stored preferences; anything unreadable falls back to its default."""
    data = load_json(settings, "preferences/json")
    prefs = Preferences()
    with contextlib.suppress(TypeError, ValueError):
        prefs.rehearsal = RehearsalSettings.from_dict(data.get("rehearsal", {}))
    with contextlib.suppress(ValueError):
        prefs.hide_level = HideLevel(data.get("hide_level", prefs.hide_level.value))
    for name in ("hide_by_memory", "read_actions", "warning_tone", "check_in"):
        if isinstance(data.get(name), bool):
            setattr(prefs, name, data[name])
    if data.get("note_mode") in ("never", "between_takes", "mid_scene"):
        prefs.note_mode = data["note_mode"]
    for name, low, high in (
        ("note_probability", 0.0, 1.0),
        ("prep_seconds", 0, 600),
        ("font_size", 8.0, 32.0),
    ):
        value = data.get(name)
        if isinstance(value, int | float) and low <= value <= high:
            setattr(prefs, name, type(getattr(prefs, name))(value))
    return prefs


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    """Store ``prefs``."""
    data = {
        "rehearsal": prefs.rehearsal.to_dict(),
        "hide_level": prefs.hide_level.value,
        "hide_by_memory": prefs.hide_by_memory,
        "read_actions": prefs.read_actions,
        "note_mode": prefs.note_mode,
        "note_probability": prefs.note_probability,
        "prep_seconds": prefs.prep_seconds,
        "warning_tone": prefs.warning_tone,
        "font_size": prefs.font_size,
        "check_in": prefs.check_in,
    }
    settings.setValue("preferences/json", json.dumps(data))


def script_key(path: Path) -> str:
    """A settings group name for one script file."""
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


@dataclass
class ScriptState:
    """What is remembered per script: the role and how the actor last ran it."""

    role: str | None = None
    rehearsal: RehearsalSettings | None = None
    hide_level: HideLevel | None = None


def load_script_state(settings: QSettings, path: Path) -> ScriptState:
    """The remembered state for the script at ``path`` (empty when new)."""
    data = load_json(settings, f"scripts/{script_key(path)}")
    state = ScriptState(role=data.get("role") if isinstance(data.get("role"), str) else None)
    try:
        if isinstance(data.get("rehearsal"), dict):
            state.rehearsal = RehearsalSettings.from_dict(data["rehearsal"])
        if data.get("hide_level"):
            state.hide_level = HideLevel(data["hide_level"])
    except (TypeError, ValueError):
        pass
    return state


def save_script_state(settings: QSettings, path: Path, state: ScriptState) -> None:
    """Remember ``state`` for the script at ``path``."""
    data: dict[str, Any] = {"role": state.role}
    if state.rehearsal is not None:
        data["rehearsal"] = state.rehearsal.to_dict()
    if state.hide_level is not None:
        data["hide_level"] = state.hide_level.value
    settings.setValue(f"scripts/{script_key(path)}", json.dumps(data))
