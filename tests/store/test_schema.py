"""The schema module gathers every table; the model modules no longer import each other."""

from __future__ import annotations

import subprocess
import sys

from rehearsal.store import dossier_models, listening_models, memory_models, models
from rehearsal.store.schema import MODEL_MODULES, metadata


def test_the_schema_holds_the_rehearsal_dossier_listening_and_memory_tables() -> None:
    assert (models, dossier_models, listening_models, memory_models) == MODEL_MODULES
    assert {"scripts", "rehearsal_sessions", "casting"} <= set(metadata.tables)
    assert dossier_models.AuditionRow.__tablename__ in metadata.tables
    assert dossier_models.CheckInRow.__tablename__ in metadata.tables
    assert listening_models.LineListening.__tablename__ in metadata.tables
    assert {"part_memory", "line_memory", "line_reviews"} <= set(metadata.tables)


def test_the_rehearsal_models_load_without_the_dossier_models() -> None:
    """``models`` once imported ``dossier_models`` at its bottom to get round a loop."""
    code = (
        "import sys, rehearsal.store.models; "
        "sys.exit('rehearsal.store.dossier_models' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False)
    assert result.returncode == 0
