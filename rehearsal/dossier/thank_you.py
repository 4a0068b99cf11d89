"""The thank-you note: one editable template, filled with each audition's names.

The template is a plain text file in the data folder, so the actor's wording survives
updates and can be edited in any editor too. Placeholders are ``{name}``; an unknown one
is left as typed (a typo shows up in the note instead of failing), and a known one whose
value is blank gets a neutral phrase so the note still reads ("Dear casting team,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from rehearsal import atomic_file
from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.paths import Paths
from rehearsal.store.dossier_records import ROUND_NAMES, Audition

TEMPLATE_FILE = "thank_you_template.txt"
MAX_TEMPLATE_BYTES = 64 * 1024

DEFAULT_TEMPLATE = """\
Dear {casting_director},

Thank you for having me in to read for {role} in {project}. I loved working on the \
scene, and it was a pleasure to meet {director}.

I hope our paths cross again soon.

With best wishes,
"""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A name the template may use, what it stands for, and the phrase used when blank."""

    name: str
    description: str
    fallback: str


PLACEHOLDERS = (
    Placeholder(
        "casting_director",
        QT_TRANSLATE_NOOP("FollowUpTemplate", "the casting director"),
        "casting team",
    ),
    Placeholder("director", QT_TRANSLATE_NOOP("FollowUpTemplate", "the director"), "the team"),
    Placeholder(
        "project", QT_TRANSLATE_NOOP("FollowUpTemplate", "the project's title"), "the project"
    ),
    Placeholder("role", QT_TRANSLATE_NOOP("FollowUpTemplate", "the role you read for"), "the role"),
    Placeholder("writer", QT_TRANSLATE_NOOP("FollowUpTemplate", "the writer"), "the writer"),
    Placeholder(
        "producers", QT_TRANSLATE_NOOP("FollowUpTemplate", "the producers"), "the producers"
    ),
    Placeholder("agent", QT_TRANSLATE_NOOP("FollowUpTemplate", "your agent"), "my agent"),
    Placeholder(
        "round", QT_TRANSLATE_NOOP("FollowUpTemplate", "first read, callback …"), "audition"
    ),
    Placeholder(
        "date", QT_TRANSLATE_NOOP("FollowUpTemplate", "the audition's date"), "the other day"
    ),
)

_PATTERN = re.compile(r"\{([A-Za-z_]+)\}")


class TemplateError(Exception):
    """The template file could not be read or written; ``str`` says why and where."""


def template_path(paths: Paths) -> Path:
    """Where the actor's template is kept."""
    return paths.data / TEMPLATE_FILE


def load_template(path: Path) -> str:
    """The saved template, or the default one when none was saved (or it is unusable)."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            return DEFAULT_TEMPLATE
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return DEFAULT_TEMPLATE
    return text if text.strip() else DEFAULT_TEMPLATE


def save_template(path: Path, text: str) -> None:
    """Keep ``text`` as the template (written to a temporary file, then renamed)."""
    try:
        atomic_file.write_text(path, text)
    except OSError as exc:
        raise TemplateError(
            f"{path}: the thank-you template could not be saved ({exc.strerror or exc})"
        ) from exc


def template_values(audition: Audition, tz: tzinfo | None = None) -> dict[str, str]:
    """The placeholder values of one audition (blank where the dossier has nothing)."""
    details = audition.details
    when = audition.when
    return {
        "casting_director": details.casting_director.strip(),
        "director": details.director.strip(),
        "project": details.project_title.strip(),
        "role": details.role.strip(),
        "writer": details.writer.strip(),
        "producers": details.producers.strip(),
        "agent": details.agent.strip(),
        "round": ROUND_NAMES[details.round].lower(),
        "date": "" if when is None else when.astimezone(tz).strftime("%A %d %B").replace(" 0", " "),
    }


def fill_template(template: str, audition: Audition, tz: tzinfo | None = None) -> str:
    """The note for ``audition``: every known placeholder replaced, unknown ones kept."""
    values = template_values(audition, tz)
    fallbacks = {p.name: p.fallback for p in PLACEHOLDERS}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return values[name] or fallbacks[name]

    return _PATTERN.sub(replace, template)


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders in ``template`` that will not be filled (to warn while editing)."""
    known = {p.name for p in PLACEHOLDERS}
    return sorted({m.group(1) for m in _PATTERN.finditer(template)} - known)
