"""Scripts: the model, format detection and the importers (no Qt)."""

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.loader import load_script, parse_bytes
from rehearsal.script.model import (
    Dialogue,
    Element,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)

__all__ = [
    "Dialogue",
    "Element",
    "ElementKind",
    "ImportCancelled",
    "Part",
    "PartKind",
    "Scene",
    "Script",
    "ScriptImportError",
    "SourceFormat",
    "TextElement",
    "load_script",
    "parse_bytes",
]
