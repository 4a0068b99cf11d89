"""What the actor chose before a drill, as plain values the controller turns into a drill.

The setup dialog only collects choices; keeping them in frozen, validated dataclasses (no Qt)
means the controller can build an :class:`~rehearsal.engine.drills.AdjustmentDrill` or a
:class:`~rehearsal.engine.cold_read.ColdReadDrill` from them in a plain test, and the app can
remember the last choices as a JSON-friendly dict between runs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rehearsal.engine.cold_read import ColdReadSettings
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.notes.draw import DrawFilter

MIN_TAKES = 1
MAX_TAKES = 20
DEFAULT_TAKES = 3
MAX_PREP_SECONDS = 600.0
DEFAULT_PREP_SECONDS = 60.0
#: The warning comes this long before the prep ends; the tone is what the actor can turn off.
WARNING_SECONDS = 10.0


def _filter_to_dict(selection: DrawFilter) -> dict[str, list[Any]]:
    return {
        "categories": sorted(c.value for c in selection.categories),
        "levels": sorted(int(level) for level in selection.levels),
    }


def _filter_from_dict(data: Mapping[str, Any]) -> DrawFilter:
    return DrawFilter.of(data.get("categories", ()), data.get("levels", ()))


@dataclass(frozen=True, slots=True)
class AdjustmentConfig:
    """The same scene ``takes`` times, each under a new note drawn through ``selection``.

    ``policy`` says whether notes come only between takes or also mid-scene, and how likely
    a mid-scene note is per take. ``record_audio`` asks for each take to be recorded so the
    actor can listen back and compare.
    """

    takes: int = DEFAULT_TAKES
    selection: DrawFilter = field(default_factory=DrawFilter)
    policy: NotePolicy = field(default_factory=NotePolicy)
    record_audio: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.takes, bool) or not isinstance(self.takes, int):
            raise ValueError(f"takes must be a whole number, not {self.takes!r}")
        if not MIN_TAKES <= self.takes <= MAX_TAKES:
            raise ValueError(
                f"an adjustment drill runs {MIN_TAKES} to {MAX_TAKES} takes, not {self.takes}"
            )
        if self.policy.mode is InjectionMode.NEVER:
            raise ValueError("an adjustment drill needs notes: choose between takes or mid-scene")

    def to_dict(self) -> dict[str, Any]:
        """Plain values for the app's saved preferences."""
        return {
            "takes": self.takes,
            "selection": _filter_to_dict(self.selection),
            "mode": self.policy.mode.value,
            "mid_scene_probability": self.policy.mid_scene_probability,
            "record_audio": self.record_audio,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AdjustmentConfig:
        """Saved preferences back; raises ``ValueError`` naming a value that does not fit."""
        try:
            policy = NotePolicy(
                InjectionMode(data.get("mode", InjectionMode.BETWEEN_TAKES.value)),
                float(data.get("mid_scene_probability", 0.5)),
            )
        except (TypeError, ValueError) as exc:
            raise ValueError(f"saved note injection is not valid: {exc}") from None
        return cls(
            takes=data.get("takes", DEFAULT_TAKES),
            selection=_filter_from_dict(data.get("selection", {})),
            policy=policy,
            record_audio=bool(data.get("record_audio", False)),
        )


@dataclass(frozen=True, slots=True)
class ColdReadConfig:
    """A cold read of ``scene`` (whatever value the caller listed it with).

    ``picked_at_random`` means the actor asked for a surprise: the UI should not reveal the
    scene's label before the prep starts. ``hide_page`` keeps the page covered until then;
    ``warning_tone`` plays a beep when ``settings.warning_seconds`` of prep are left.
    ``selection`` filters the note drawn for the second take.
    """

    scene: object
    label: str
    settings: ColdReadSettings = field(default_factory=ColdReadSettings)
    picked_at_random: bool = False
    hide_page: bool = True
    warning_tone: bool = True
    selection: DrawFilter = field(default_factory=DrawFilter)
    record_audio: bool = False

    @property
    def prep_seconds(self) -> float:
        return self.settings.prep_seconds

    @property
    def second_take(self) -> bool:
        return self.settings.second_take

    def preferences(self) -> dict[str, Any]:
        """The choices worth remembering for next time (not the scene, which changes)."""
        return {
            "prep_seconds": self.settings.prep_seconds,
            "second_take": self.settings.second_take,
            "hide_page": self.hide_page,
            "warning_tone": self.warning_tone,
            "selection": _filter_to_dict(self.selection),
            "record_audio": self.record_audio,
        }

    @classmethod
    def with_preferences(
        cls, scene: object, label: str, data: Mapping[str, Any], *, picked_at_random: bool = False
    ) -> ColdReadConfig:
        """A config for ``scene`` with remembered choices; bad values raise ``ValueError``."""
        prep = data.get("prep_seconds", DEFAULT_PREP_SECONDS)
        if isinstance(prep, bool) or not isinstance(prep, int | float) or not math.isfinite(prep):
            raise ValueError(f"saved prep time is not a number of seconds: {prep!r}")
        settings = ColdReadSettings(
            prep_seconds=float(prep),
            warning_seconds=WARNING_SECONDS,
            second_take=bool(data.get("second_take", True)),
        )
        return cls(
            scene=scene,
            label=label,
            settings=settings,
            picked_at_random=picked_at_random,
            hide_page=bool(data.get("hide_page", True)),
            warning_tone=bool(data.get("warning_tone", True)),
            selection=_filter_from_dict(data.get("selection", {})),
            record_audio=bool(data.get("record_audio", False)),
        )


DrillConfig = AdjustmentConfig | ColdReadConfig
