"""The self-tape settings, stored in ``QSettings`` beside the other preferences.

Kept apart from :mod:`rehearsal.ui.preferences` because they describe the actor and their
equipment (name, agency, camera), not how a rehearsal runs; the slate and the export name
are filled from here and from the audition's dossier.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QSettings

from rehearsal.ui.preferences import load_json

SETTINGS_KEY = "tape/json"
DEFAULT_NAME_TEMPLATE = "{name}_{role}_{project}_Take{take}"
PROMPTER_PLACES = ("top", "hidden")


def device_key(device_id: bytes | bytearray | memoryview) -> str:
    """How a device's ``id()`` is stored (``camera_id``, ``microphone_id``): as hex text,
    since it may hold any bytes."""
    return bytes(device_id).hex()


@dataclass
class TapePreferences:
    """Everything tape mode remembers between runs; defaults suit a first tape."""

    camera_id: str = ""
    """``QCameraDevice.id()`` as text (hex); empty means the system's default camera."""
    microphone_id: str = ""
    """``QAudioDevice.id()`` as text (hex); empty means the system's default input."""
    reader_level_db: float = -6.0
    """The reader relative to the actor on the tape: casting wants the reader quieter."""
    mix_reader: bool = True
    """Mix the reader's rendered lines into the tape; off leaves only what the mic heard."""
    director_notes: bool = False
    slate: bool = True
    slate_card_seconds: float = 3.0
    actor_name: str = ""
    agency: str = ""
    height: str = ""
    name_template: str = DEFAULT_NAME_TEMPLATE
    prompter: str = "top"
    overlay_thirds: bool = False
    overlay_eye_line: bool = False
    overlay_mid_shot: bool = False


def load_tape_preferences(settings: QSettings) -> TapePreferences:
    """The stored tape settings; a value of the wrong type keeps its default."""
    data = load_json(settings, SETTINGS_KEY)
    prefs = TapePreferences()
    for item in fields(prefs):
        value = data.get(item.name)
        default = getattr(prefs, item.name)
        if isinstance(default, float) and isinstance(value, int | float):
            if not isinstance(value, bool):
                setattr(prefs, item.name, float(value))
        elif isinstance(value, type(default)):
            setattr(prefs, item.name, value)
    if prefs.prompter not in PROMPTER_PLACES:
        prefs.prompter = "top"
    prefs.reader_level_db = max(-40.0, min(6.0, prefs.reader_level_db))
    prefs.slate_card_seconds = max(0.0, min(10.0, prefs.slate_card_seconds))
    return prefs


def save_tape_preferences(settings: QSettings, prefs: TapePreferences) -> None:
    """Store ``prefs``."""
    settings.setValue(SETTINGS_KEY, json.dumps(asdict(prefs)))
