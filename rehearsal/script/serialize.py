"""The script model as JSON: the ``rehearsal parse --json`` format of PARSE_FORMAT.md.

The same dictionaries are stored as the imported-text snapshot in the database, so that a
session's history survives a moved or deleted file; :func:`script_from_dict` reads them back.
"""

from __future__ import annotations

from typing import Any

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


def element_to_dict(element: Element) -> dict[str, Any]:
    """One element in the JSON format."""
    if isinstance(element, Dialogue):
        return {
            "type": "dialogue",
            "character": element.character,
            "extension": element.extension,
            "dual": element.dual,
            "content": [{"type": p.kind.value, "text": p.text} for p in element.parts],
        }
    out: dict[str, Any] = {"type": element.kind.value, "text": element.text}
    if element.kind is ElementKind.SECTION:
        out["level"] = element.level
    return out


def script_to_dict(script: Script) -> dict[str, Any]:
    """The whole script in the ``rehearsal parse --json`` format."""
    return {
        "title": script.title,
        "format": script.format.value,
        "characters": script.characters,
        "scenes": [
            {
                "heading": scene.heading,
                "number": scene.number,
                "elements": [element_to_dict(e) for e in scene.elements],
            }
            for scene in script.scenes
        ],
    }


def _element_from_dict(data: dict[str, Any]) -> Element:
    if data["type"] == "dialogue":
        return Dialogue(
            character=data["character"],
            extension=data.get("extension"),
            dual=bool(data.get("dual", False)),
            parts=[Part(PartKind(p["type"]), p["text"]) for p in data.get("content", [])],
        )
    return TextElement(ElementKind(data["type"]), data.get("text", ""), int(data.get("level", 0)))


def script_from_dict(data: dict[str, Any]) -> Script:
    """Rebuild a script from :func:`script_to_dict` output (e.g. a stored snapshot)."""
    return Script(
        format=SourceFormat(data["format"]),
        title=data.get("title"),
        scenes=[
            Scene(
                heading=s.get("heading"),
                number=s.get("number"),
                elements=[_element_from_dict(e) for e in s.get("elements", [])],
            )
            for s in data.get("scenes", [])
        ],
    )
