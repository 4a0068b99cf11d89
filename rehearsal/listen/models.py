"""Which speech model to listen with, by the script's language.

pocketsphinx models come as a folder per language: an acoustic model (a folder holding
``mdef``, ``means``, ``variances``…), a pronunciation dictionary (``*.dict``) and usually a
general language model (``*.lm.bin``). The wheel ships ``en-us`` in exactly that layout;
the CMU Sphinx models for other languages (``fr-fr``, ``de-de``, ``es-mx``…) unpack the same
way. :func:`find_model` looks for one in the folders the app passes (the data folder's
``models``), then in the wheel, and :func:`language_support` says once, in words the actor
can read, when a script's language has no model and the partner will only listen for the
voice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpeechModel:
    language: str  # the folder's tag, e.g. "en-us"
    acoustic: Path
    dictionary: Path
    language_model: Path | None


@dataclass(frozen=True)
class LanguageSupport:
    """What listening can do for a script's language, and what to tell the actor."""

    language: str
    model: SpeechModel | None
    message: str | None  # shown once when words cannot be recognised

    @property
    def recognises_words(self) -> bool:
        return self.model is not None


def bundled_model_root() -> Path | None:
    """The model folder inside the pocketsphinx wheel, or None without pocketsphinx."""
    try:
        from pocketsphinx import get_model_path
    except ImportError:
        return None
    root = Path(get_model_path())
    return root if root.is_dir() else None


def _primary(tag: str) -> str:
    return tag.replace("_", "-").lower().split("-")[0]


def _read_model(folder: Path) -> SpeechModel | None:
    acoustic = next(
        (d for d in (folder, *sorted(folder.iterdir())) if d.is_dir() and (d / "mdef").is_file()),
        None,
    )
    dictionaries = sorted(p for p in folder.glob("*.dict") if "phone" not in p.name)
    if acoustic is None or not dictionaries:
        return None
    models = sorted(p for p in folder.glob("*.lm.bin") if "phone" not in p.name)
    return SpeechModel(
        folder.name.lower(), acoustic, dictionaries[0], models[0] if models else None
    )


def installed_models(search_dirs: Iterable[Path] = ()) -> list[SpeechModel]:
    """Every complete model found, the given folders first, then the wheel's."""
    roots = [*search_dirs]
    bundled = bundled_model_root()
    if bundled is not None:
        roots.append(bundled)
    found: list[SpeechModel] = []
    for root in roots:
        try:
            folders = sorted(d for d in root.iterdir() if d.is_dir())
        except OSError:
            continue
        found.extend(m for m in map(_read_model, folders) if m is not None)
    return found


def find_model(language: str, search_dirs: Sequence[Path] = ()) -> SpeechModel | None:
    """The model for a language tag ("en", "en-GB", "fr_FR"): exact region first, then any."""
    wanted = language.replace("_", "-").lower()
    models = installed_models(search_dirs)
    for model in models:
        if model.language == wanted:
            return model
    return next((m for m in models if _primary(m.language) == _primary(wanted)), None)


def language_support(language: str | None, search_dirs: Sequence[Path] = ()) -> LanguageSupport:
    """Whether a script in ``language`` (default English) can have its words recognised."""
    tag = language or "en"
    model = find_model(tag, search_dirs)
    if model is not None:
        return LanguageSupport(tag, model, None)
    return LanguageSupport(
        tag,
        None,
        f"No speech model is installed for this script's language ({tag}): the partner "
        "listens for your voice only, so a held beat may bring it in.",
    )
