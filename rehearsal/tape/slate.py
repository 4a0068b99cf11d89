"""The slate: who is reading, for what, from which agency — on a card and in the actor's words.

Casting asks for a slate at the head of a self-tape. It is filled from the tape settings
(name, agency, height) and the audition's dossier (role, project); what the actor says is
the usual short form, and the card carries the rest. Texts are marked for translation
under the context ``Slate``: the UI passes its ``translate`` so the card and the prompt
read in the actor's language, and the core stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rehearsal.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
CONTEXT = "Slate"
REQUIRED = ("name", "role", "project")
"""What a slate cannot do without; ``missing()`` names these keys."""

_ROLE = QT_TRANSLATE_NOOP("Slate", "Role: {role}")
_PROJECT = QT_TRANSLATE_NOOP("Slate", "Project: {project}")
_AGENCY = QT_TRANSLATE_NOOP("Slate", "Agency: {agency}")
_HEIGHT = QT_TRANSLATE_NOOP("Slate", "Height: {height}")
_SAY_NAME = QT_TRANSLATE_NOOP("Slate", "Hi, I'm {name}.")
_SAY_AGENCY = QT_TRANSLATE_NOOP("Slate", "I'm with {agency}.")
_SAY_ROLE = QT_TRANSLATE_NOOP("Slate", "I'll be reading for the role of {role}.")
_SAY_ROLE_PROJECT = QT_TRANSLATE_NOOP(
    "Slate", "I'll be reading for the role of {role} in {project}."
)


def _same(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True, slots=True)
class SlateInfo:
    """What the slate says; empty fields are left off the card and out of the words."""

    name: str
    role: str
    project: str
    agency: str = ""
    height: str = ""

    def _clean(self, value: str) -> str:
        return " ".join(value.split())

    def card_lines(self, translate: Translate = _same) -> list[str]:
        """The title card, one line per field: the name alone and large, then the rest."""
        name, role, project = map(self._clean, (self.name, self.role, self.project))
        agency, height = self._clean(self.agency), self._clean(self.height)
        lines = [name] if name else []
        for template, key, value in (
            (_ROLE, "role", role),
            (_PROJECT, "project", project),
            (_AGENCY, "agency", agency),
            (_HEIGHT, "height", height),
        ):
            if value:
                lines.append(translate(CONTEXT, template).format(**{key: value}))
        return lines

    def spoken(self, translate: Translate = _same) -> str:
        """What the actor says to camera (height stays on the card, as casting expects)."""
        name, role, project = map(self._clean, (self.name, self.role, self.project))
        agency = self._clean(self.agency)
        parts = []
        if name:
            parts.append(translate(CONTEXT, _SAY_NAME).format(name=name))
        if agency:
            parts.append(translate(CONTEXT, _SAY_AGENCY).format(agency=agency))
        if role and project:
            parts.append(translate(CONTEXT, _SAY_ROLE_PROJECT).format(role=role, project=project))
        elif role:
            parts.append(translate(CONTEXT, _SAY_ROLE).format(role=role))
        return " ".join(parts)

    def missing(self) -> list[str]:
        """The keys of :data:`REQUIRED` that are empty (``name``, ``role``, ``project``)."""
        return [key for key in REQUIRED if not self._clean(getattr(self, key))]
