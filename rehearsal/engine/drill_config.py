"""What the actor chose before a drill, as plain values the controller turns into a drill.

The setup dialog only collects choices; keeping them in frozen, validated dataclasses (no Qt)
means the controller can build an :class:`~rehearsal.engine.drills.AdjustmentDrill` or a
:class:`~rehearsal.engine.cold_read.ColdReadDrill` from them in a plain test, and the app can
remember the last choices as a JSON-friendly dict between runs.
"""

from __future__ import annotations

import math
import re
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


_MINUTES = ("m", "min", "mins", "minute", "minutes")
_SECONDS = ("s", "sec", "secs", "second", "seconds")
_CLOCK = re.compile(r"(\d{1,2}):(\d{1,2})")
_AMOUNT = re.compile(r"(\d+)\s*([a-z]*)\s*")
#: A bare number up to this is minutes ("5" is five minutes), above it seconds ("15", "90").
BARE_MINUTES_UP_TO = 10


def parse_prep_time(text: str) -> float | None:
    """What an actor typed as a prep time, in seconds; None when it is not a time.

    Accepts ``m:ss`` ("1:30", "0:15"), amounts with units ("90 s", "2 min", "1m30s",
    "1 min 30") and bare numbers. A bare number up to ten is minutes and above ten is
    seconds: the prep lasts at most ten minutes, so "15" can only mean seconds, while "2"
    is far likelier two minutes than two seconds. Whether the result fits the allowed
    range is the caller's business.
    """
    cleaned = text.strip().lower()
    clock = _CLOCK.fullmatch(cleaned)
    if clock is not None:
        minutes, seconds = int(clock[1]), int(clock[2])
        return float(minutes * 60 + seconds) if seconds < 60 else None
    amounts = list(_AMOUNT.finditer(cleaned))
    if not amounts or "".join(m[0] for m in amounts) != cleaned:
        return None
    if len(amounts) == 1 and not amounts[0][2]:
        number = int(amounts[0][1])
        return float(number * 60 if number <= BARE_MINUTES_UP_TO else number)
    if len(amounts) > 2:
        return None
    total, seen = 0, set()
    for position, match in enumerate(amounts):
        number, unit = int(match[1]), match[2]
        if unit in _MINUTES and position == 0:
            kind = "m"
        elif unit in _SECONDS or (not unit and position == 1 and "m" in seen):
            kind = "s"
        else:
            return None
        if kind in seen:
            return None
        seen.add(kind)
        total += number * 60 if kind == "m" else number
    return float(total)


def format_prep_time(seconds: float) -> str:
    """``m:ss``, the way the setup shows a prep time (and :func:`parse_prep_time` reads it)."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def remember_cold_read(
    config: ColdReadConfig, settings_prep: float, settings_tone: bool
) -> dict[str, Any]:
    """The choices to save after a cold read, with the Settings they were made under.

    Keeping the Settings values lets :func:`recall_cold_read` tell "the actor chose this in
    the setup" from "the actor has changed Settings since".
    """
    return {
        **config.preferences(),
        "settings_prep_seconds": settings_prep,
        "settings_warning_tone": settings_tone,
    }


def recall_cold_read(
    saved: Mapping[str, Any], *, settings_prep: float, settings_tone: bool
) -> dict[str, Any]:
    """The cold-read choices to offer: Settings give the defaults, the last choice wins.

    The prep time and the warning tone are both in Settings and in the setup. The one the
    actor touched last wins: the setup's last choice, unless Settings have been changed
    since it was made (or it was saved without them), in which case the Settings value
    does. ``saved`` is what :func:`remember_cold_read` returned, maybe from an older version.
    """
    recalled = dict(saved)
    for key, setting in (("prep_seconds", settings_prep), ("warning_tone", settings_tone)):
        baseline = saved.get(f"settings_{key}")
        if key not in saved or baseline is None or baseline != setting:
            recalled[key] = setting
        recalled.pop(f"settings_{key}", None)
    return recalled


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
