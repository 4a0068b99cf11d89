"""Drill choices as plain values: validation, and a round trip through saved preferences."""

from __future__ import annotations

import json

import pytest

from rehearsal.engine.cold_read import ColdReadSettings
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import (
    DEFAULT_PREP_SECONDS,
    WARNING_SECONDS,
    AdjustmentConfig,
    ColdReadConfig,
)
from rehearsal.notes.draw import DrawFilter
from rehearsal.notes.note import Category, Level


def test_adjustment_defaults_are_three_takes_with_notes_between_them() -> None:
    config = AdjustmentConfig()
    assert config.takes == 3
    assert config.selection == DrawFilter()
    assert config.policy.mode is InjectionMode.BETWEEN_TAKES
    assert not config.record_audio


@pytest.mark.parametrize("takes", [0, 21, -1, 2.5, True])
def test_adjustment_refuses_takes_outside_one_to_twenty(takes: object) -> None:
    with pytest.raises(ValueError, match="takes"):
        AdjustmentConfig(takes=takes)  # type: ignore[arg-type]


def test_adjustment_without_notes_is_refused() -> None:
    with pytest.raises(ValueError, match="needs notes"):
        AdjustmentConfig(policy=NotePolicy(InjectionMode.NEVER))


def test_adjustment_round_trips_through_json() -> None:
    config = AdjustmentConfig(
        takes=7,
        selection=DrawFilter.of(["status", "tempo"], [3]),
        policy=NotePolicy(InjectionMode.MID_SCENE, 0.3),
        record_audio=True,
    )
    data = json.loads(json.dumps(config.to_dict()))
    assert data["selection"] == {"categories": ["status", "tempo"], "levels": [3]}
    assert AdjustmentConfig.from_dict(data) == config


def test_adjustment_from_bad_preferences_names_the_problem() -> None:
    with pytest.raises(ValueError, match="injection"):
        AdjustmentConfig.from_dict({"mode": "sometimes"})
    with pytest.raises(ValueError, match="unknown category"):
        AdjustmentConfig.from_dict({"selection": {"categories": ["emotions"]}})
    with pytest.raises(ValueError, match="takes"):
        AdjustmentConfig.from_dict({"takes": 99})


def test_cold_read_preferences_round_trip_without_the_scene() -> None:
    config = ColdReadConfig(
        scene=("script-4", 2),
        label="2. EXT. PARKING LOT",
        settings=ColdReadSettings(prep_seconds=90, warning_seconds=WARNING_SECONDS),
        hide_page=False,
        warning_tone=False,
        selection=DrawFilter(frozenset({Category.SUBTEXT}), frozenset({Level.BOLD})),
    )
    prefs = json.loads(json.dumps(config.preferences()))
    assert "scene" not in prefs
    again = ColdReadConfig.with_preferences(("script-4", 2), "2. EXT. PARKING LOT", prefs)
    assert again == config
    assert (again.prep_seconds, again.second_take) == (90, True)


def test_cold_read_preferences_default_to_a_minute_of_prep() -> None:
    config = ColdReadConfig.with_preferences("s", "Scene", {}, picked_at_random=True)
    assert config.prep_seconds == DEFAULT_PREP_SECONDS
    assert config.settings.warning_seconds == WARNING_SECONDS
    assert config.picked_at_random
    assert config.hide_page
    assert config.warning_tone


@pytest.mark.parametrize("prep", [601, -1, "soon", float("nan"), True])
def test_cold_read_refuses_a_prep_time_it_cannot_use(prep: object) -> None:
    with pytest.raises(ValueError, match="prep"):
        ColdReadConfig.with_preferences("s", "Scene", {"prep_seconds": prep})
