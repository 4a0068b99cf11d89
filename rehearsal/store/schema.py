"""The whole database schema in one place: every table model, on the one shared ``Base``.

The rehearsal tables (:mod:`rehearsal.store.models`), the audition and check-in tables
(:mod:`rehearsal.store.dossier_models`), what the listening heard on each line
(:mod:`rehearsal.store.listening_models`) and the line memory tables
(:mod:`rehearsal.store.memory_models`) are defined in their own modules on the same ``Base``.
Anything that needs *every* table — the migrations, the drift check against them — imports
``metadata`` from here, so neither model module has to import the other to register it.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from rehearsal.store import dossier_models, listening_models, memory_models, models
from rehearsal.store.models import Base

metadata: MetaData = Base.metadata
"""Every table of the store (the rehearsal and the dossier tables)."""

MODEL_MODULES = (models, dossier_models, listening_models, memory_models)
"""The modules whose classes make up :data:`metadata`, in the order they are loaded."""

__all__ = ["MODEL_MODULES", "Base", "metadata"]
