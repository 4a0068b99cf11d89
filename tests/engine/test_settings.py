"""Settings validation and the plain-dict form the store keeps per script."""

from __future__ import annotations

import pytest

from rehearsal.engine.lines import Beat, BeatKind
from rehearsal.engine.settings import RehearsalSettings, WaitMode


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("response_seconds", 2.5, "response_seconds must be between 0 and 2, not 2.5"),
        ("response_seconds", -0.1, "response_seconds must be between 0 and 2"),
        ("words_per_minute", 0, "words_per_minute must be between 40 and 400"),
        ("voice_threshold", 1.5, "voice_threshold must be between 0 and 1"),
        ("voice_tail_seconds", "long", "voice_tail_seconds must be between 0.1 and 5"),
        ("wait_mode", "telepathy", "wait_mode must be one of key, timed, voice, words"),
    ],
)
def test_bad_values_name_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RehearsalSettings(**{field: value})  # type: ignore[arg-type]


def test_round_trip_through_a_dict_ignores_unknown_keys() -> None:
    settings = RehearsalSettings(wait_mode=WaitMode.VOICE, response_seconds=1.25, speech=False)
    data = settings.to_dict()
    assert data["wait_mode"] == "voice"
    assert RehearsalSettings.from_dict({**data, "from_the_future": 1}) == settings


def test_with_changes_validates() -> None:
    settings = RehearsalSettings()
    assert settings.with_changes(wait_mode="timed").wait_mode is WaitMode.TIMED
    with pytest.raises(ValueError, match="beat_seconds"):
        settings.with_changes(beat_seconds=99)


def test_beat_durations() -> None:
    settings = RehearsalSettings(beat_seconds=0.75, pause_seconds=1.5)
    assert settings.beat_duration(Beat(BeatKind.BEAT, 2)) == 1.5
    assert settings.beat_duration(Beat(BeatKind.PAUSE)) == 1.5
    assert settings.beat_duration(Beat(BeatKind.LONG_PAUSE)) == 3.0
