"""The actor's delivery rules on disk: written with the defaults on first use, then edited.

How a parenthetical such as ``(whispering)`` changes rate, pitch and volume is a table the
actor may tune by hand in ``delivery.json`` in the data folder. Reading it is plain file
work, so it lives with the rest of the speech pipeline rather than with the widgets.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from rehearsal.speech.direction import DirectionTable

log = logging.getLogger(__name__)

DELIVERY_FILE = "delivery.json"
"""The file's name in the data folder."""


def load_direction_table(path: Path) -> tuple[DirectionTable, str | None]:
    """The actor's delivery rules from ``path`` (written with the defaults on first use).

    Returns the table and a problem to show when the file could not be used; a broken
    file never silences the partner, it only falls back to the built-in rules.
    """
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            DirectionTable().save(path)  # atomically: never an empty file on a full disk
        except OSError as exc:
            log.warning("could not write %s: %s", path, exc)
        return DirectionTable(), None
    try:
        return DirectionTable.from_dict(json.loads(path.read_text(encoding="utf-8"))), None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        return DirectionTable(), f"{path}: {exc} (using the built-in delivery rules)"
