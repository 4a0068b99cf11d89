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
    format_prep_time,
    parse_prep_time,
    recall_cold_read,
    remember_cold_read,
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


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("15", 15.0),  # more than ten cannot be minutes: seconds
        ("90", 90.0),
        ("600", 600.0),
        ("2", 120.0),  # up to ten is minutes: the prep is at most ten minutes
        ("10", 600.0),
        ("0", 0.0),
        ("0:15", 15.0),
        ("1:30", 90.0),
        (" 01:05 ", 65.0),
        ("1:3", 63.0),
        ("15 s", 15.0),
        ("15s", 15.0),
        ("45 sec", 45.0),
        ("5 seconds", 5.0),
        ("2 min", 120.0),
        ("2m", 120.0),
        ("1 minute", 60.0),
        ("1m30s", 90.0),
        ("1 min 30", 90.0),
        ("1 min 30 s", 90.0),
        ("2M 5S", 125.0),
    ],
)
def test_typed_prep_times_are_read_as_an_actor_means_them(typed: str, seconds: float) -> None:
    assert parse_prep_time(typed) == seconds


@pytest.mark.parametrize(
    "typed", ["", "   ", ":", "1:", "1:60", "abc", "1.5", "-1", "1::2", "2 h", "30 s 1 min", "s"]
)
def test_what_is_not_a_prep_time_is_refused(typed: str) -> None:
    assert parse_prep_time(typed) is None


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (15, "0:15"), (60, "1:00"), (90.4, "1:30"), (600, "10:00")]
)
def test_prep_times_are_shown_as_minutes_and_seconds(seconds: float, text: str) -> None:
    assert format_prep_time(seconds) == text
    assert parse_prep_time(text) == round(seconds)


def _chosen(prep: float, tone: bool = True) -> ColdReadConfig:
    return ColdReadConfig(
        scene=0, label="1", settings=ColdReadSettings(prep_seconds=prep), warning_tone=tone
    )


def test_the_settings_prep_time_is_the_default_before_any_cold_read() -> None:
    assert recall_cold_read({}, settings_prep=15, settings_tone=False) == {
        "prep_seconds": 15,
        "warning_tone": False,
    }


def test_the_last_chosen_prep_time_wins_while_settings_stay_as_they_were() -> None:
    saved = json.loads(json.dumps(remember_cold_read(_chosen(90, False), 15, True)))
    recalled = recall_cold_read(saved, settings_prep=15, settings_tone=True)
    assert (recalled["prep_seconds"], recalled["warning_tone"]) == (90, False)
    assert ColdReadConfig.with_preferences(0, "1", recalled) == _chosen(90, False)


def test_a_prep_time_set_in_settings_after_the_last_cold_read_wins() -> None:
    saved = remember_cold_read(_chosen(90, False), 15, True)
    recalled = recall_cold_read(saved, settings_prep=30, settings_tone=True)
    assert (recalled["prep_seconds"], recalled["warning_tone"]) == (30, False)
    recalled = recall_cold_read(saved, settings_prep=15, settings_tone=False)
    assert (recalled["prep_seconds"], recalled["warning_tone"]) == (90, False)


def test_choices_saved_without_the_settings_they_were_made_under_yield_to_settings() -> None:
    """Older versions saved the choice alone and never applied Settings at all; what the
    actor set in Settings is the more deliberate of the two."""
    old = _chosen(45, tone=False).preferences()
    recalled = recall_cold_read(old, settings_prep=15, settings_tone=True)
    assert (recalled["prep_seconds"], recalled["warning_tone"]) == (15, True)
    assert recalled["hide_page"] is True  # the other choices are kept as they were
