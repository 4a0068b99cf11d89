"""Rendering through the real pyttsx3 + eSpeak NG engine, checked with the ``wave`` module."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import pytest

from rehearsal.paths import Paths
from rehearsal.script.model import Part, PartKind
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import Pause, Utterance, plan_line, plan_text
from rehearsal.speech.render import (
    RenderCache,
    Renderer,
    RenderError,
    SpeechEngine,
    inspect_wav,
    plan_key,
    utterance_key,
)
from rehearsal.speech.voices import VoiceCatalog, VoiceInfo
from tests.speech.wav_tools import needs_espeak, pitch_hz, read_wav

pytestmark = needs_espeak

LINE = "I am not going back to that house tonight."
US = VoiceSettings("gmw/en-us")


def say(renderer: Renderer, text: str, settings: VoiceSettings = US) -> Path:
    return renderer.render(plan_text(text, settings)).path


def test_a_rendered_line_is_a_valid_wav_with_sound(renderer: Renderer) -> None:
    path = say(renderer, LINE)
    with wave.open(str(path), "rb") as reader:
        assert reader.getnchannels() == 1
        assert reader.getsampwidth() == 2
        assert reader.getframerate() == 22050
        duration = reader.getnframes() / reader.getframerate()
    assert 1.0 < duration < 6.0
    audio = read_wav(path)
    assert audio.peak > 3000
    assert audio.rms > 500


def test_duration_grows_with_the_length_of_the_text(renderer: Renderer) -> None:
    durations = [
        read_wav(say(renderer, text)).duration
        for text in ("No.", "No, I won't go.", "No, I won't go back there, not tonight, not ever.")
    ]
    assert durations[0] < durations[1] < durations[2]
    assert durations[2] > 2 * durations[0]


def test_two_voices_give_different_audio(renderer: Renderer) -> None:
    low = say(renderer, LINE, VoiceSettings("gmw/en-us+m3"))
    high = say(renderer, LINE, VoiceSettings("gmw/en-us+f3"))
    assert low.read_bytes() != high.read_bytes()
    assert pitch_hz(read_wav(high)) > 1.4 * pitch_hz(read_wav(low))


def test_rate_changes_the_length_of_the_audio(renderer: Renderer) -> None:
    slow = read_wav(say(renderer, LINE, VoiceSettings("gmw/en-us", rate=110))).duration
    fast = read_wav(say(renderer, LINE, VoiceSettings("gmw/en-us", rate=330))).duration
    assert slow > 2 * fast


def test_pitch_is_applied_by_the_engine(renderer: Renderer) -> None:
    pitches = [
        pitch_hz(read_wav(say(renderer, LINE, VoiceSettings("gmw/en-us", pitch=value))))
        for value in (10, 50, 90)
    ]
    assert pitches[0] < pitches[1] < pitches[2]
    assert pitches[2] > 1.5 * pitches[0]


def test_volume_is_applied_by_the_engine(renderer: Renderer) -> None:
    quiet = read_wav(say(renderer, LINE, VoiceSettings("gmw/en-us", volume=0.3))).rms
    loud = read_wav(say(renderer, LINE, VoiceSettings("gmw/en-us", volume=1.0))).rms
    assert loud > 2.5 * quiet


def test_settings_do_not_leak_from_one_render_to_the_next(renderer: Renderer) -> None:
    """Properties persist in the engine and apply asynchronously: each render must set and
    settle all of them, even right after a render with very different settings."""
    slow_low = VoiceSettings("gmw/en-us", rate=110, pitch=10, volume=0.4)
    fast_high = VoiceSettings("gmw/en-us+f3", rate=330, pitch=90, volume=1.0)
    measured: dict[VoiceSettings, list[tuple[float, float, float]]] = {}
    for n, settings in enumerate([slow_low, fast_high, slow_low, fast_high, slow_low]):
        audio = read_wav(say(renderer, f"{LINE} Take {n}.", settings))
        measured.setdefault(settings, []).append((audio.duration, pitch_hz(audio), audio.rms))
    for runs in measured.values():
        for duration, pitch, rms in runs[1:]:
            assert duration == pytest.approx(runs[0][0], rel=0.05)
            assert pitch == pytest.approx(runs[0][1], rel=0.12)
            assert rms == pytest.approx(runs[0][2], rel=0.1)
    slow, fast = measured[slow_low][0], measured[fast_high][0]
    assert slow[0] > 2 * fast[0]
    assert fast[1] > 2 * slow[1]


def test_direction_shapes_the_rendered_audio(renderer: Renderer) -> None:
    def line(direction: str) -> Path:
        parts = [Part(PartKind.PARENTHETICAL, direction), Part(PartKind.SPEECH, LINE)]
        return renderer.render(plan_line(parts, US)).path

    plain, whisper, shout = (read_wav(line(d)) for d in ("(to Anna)", "(whispers)", "(shouting)"))
    assert whisper.rms < 0.6 * plain.rms
    assert shout.rms > plain.rms
    assert shout.duration < plain.duration


def test_cache_hits_and_misses(renderer: Renderer, paths: Paths) -> None:
    plan = plan_text(LINE, US)
    first = renderer.render(plan)
    assert (first.cached, renderer.misses, renderer.hits) == (False, 1, 0)
    second = renderer.render(plan)
    assert (second.cached, second.path) == (True, first.path)
    assert (renderer.misses, renderer.hits) == (1, 1)
    for other in (
        VoiceSettings("gmw/en-us", rate=200),
        VoiceSettings("gmw/en-us", pitch=60),
        VoiceSettings("gmw/en-us", volume=0.8),
        VoiceSettings("gmw/en-gb-x-rp"),
    ):
        assert renderer.render(plan_text(LINE, other)).path != first.path
    assert renderer.render(plan_text(LINE + " Really.", US)).path != first.path
    assert renderer.misses == 6
    assert first.path.is_relative_to(paths.cache / "speech")
    assert not [p for p in (paths.cache / "speech").rglob("*") if ".part" in p.name]


def test_a_second_renderer_finds_the_first_ones_files(
    cache: RenderCache, speech_engine: SpeechEngine
) -> None:
    plan = plan_text(LINE, US)
    path = Renderer(cache, speech_engine).render(plan).path
    later = Renderer(cache)  # no engine: a hit must not need one
    assert later.render(plan).path == path
    assert later.hits == 1
    assert cache.lookup(plan) == path


def test_pauses_are_rendered_as_silence_in_one_file(renderer: Renderer) -> None:
    words = Utterance("Wait.", US)
    plan = (Pause(0.5), words, Pause(1.0), Utterance("Listen.", US))
    joined = read_wav(renderer.render(plan).path)
    wait = read_wav(say(renderer, "Wait."))
    listen = read_wav(say(renderer, "Listen."))
    assert joined.duration == pytest.approx(0.5 + wait.duration + 1.0 + listen.duration, abs=1e-3)
    lead = int(0.5 * joined.rate)
    assert not any(joined.samples[:lead])
    assert joined.samples[lead : lead + len(wait.samples)] == wait.samples


def test_a_line_of_only_a_beat_is_silence_of_that_length(renderer: Renderer) -> None:
    audio = read_wav(renderer.render((Pause(1.25),)).path)
    assert audio.duration == pytest.approx(1.25, abs=1e-3)
    assert audio.peak == 0


def test_unknown_voice_is_refused_and_leaves_no_file(renderer: Renderer, paths: Paths) -> None:
    with pytest.raises(RenderError, match="unknown voice 'nosuch/xx'"):
        say(renderer, LINE, VoiceSettings("nosuch/xx"))
    with pytest.raises(RenderError, match="unknown voice variant 'zz9'"):
        say(renderer, LINE, VoiceSettings("gmw/en-us+zz9"))
    assert not [p for p in (paths.cache / "speech").rglob("*") if p.is_file()]


def test_nothing_to_say_is_an_error(renderer: Renderer) -> None:
    with pytest.raises(RenderError, match="nothing to say"):
        renderer.render(())
    with pytest.raises(RenderError, match="nothing to say"):
        renderer.render((Utterance("... --", US),))


def test_an_mbrola_voice_without_mbrola_is_caught_as_silence(
    speech_engine: SpeechEngine, tmp_path: Path
) -> None:
    """eSpeak either rejects an MBROLA voice it cannot load or writes silence; both fail."""
    if os.path.exists("/usr/bin/mbrola"):
        pytest.skip("mbrola is installed here")
    original = speech_engine.catalog
    speech_engine.catalog = VoiceCatalog((*original.voices, VoiceInfo("mb-en1", "mb-en1", "en")))
    try:
        with pytest.raises(RenderError, match=r"only silence|mb-en1"):
            speech_engine.synthesize(LINE, VoiceSettings("mb-en1"), tmp_path / "mb.wav")
    finally:
        speech_engine.catalog = original
    # The engine is still usable afterwards.
    info = speech_engine.synthesize(LINE, US, tmp_path / "after.wav")
    assert info.peak > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "wrote no file"), (b"", "empty file"), (b"RIFF....not a wave", "invalid WAV")],
)
def test_inspect_wav_names_the_problem(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "x.wav"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RenderError, match=message):
        inspect_wav(path)


def test_inspect_wav_refuses_silence_and_no_frames(tmp_path: Path) -> None:
    for name, frames in (("silent.wav", bytes(4410)), ("none.wav", b"")):
        with wave.open(str(tmp_path / name), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(22050)
            writer.writeframes(frames)
    with pytest.raises(RenderError, match="only silence"):
        inspect_wav(tmp_path / "silent.wav")
    assert inspect_wav(tmp_path / "silent.wav", require_sound=False).peak == 0
    with pytest.raises(RenderError, match="no audio"):
        inspect_wav(tmp_path / "none.wav")


def test_keys_cover_everything_that_changes_the_audio() -> None:
    keys = {
        utterance_key("Hello.", US),
        utterance_key("Hello!", US),
        utterance_key("Hello.", VoiceSettings("gmw/en-us+f3")),
        utterance_key("Hello.", VoiceSettings(rate=176)),
        utterance_key("Hello.", VoiceSettings(pitch=51)),
        utterance_key("Hello.", VoiceSettings(volume=0.9)),
    }
    assert len(keys) == 6
    one = (Utterance("Hello.", US),)
    assert plan_key(one) == utterance_key("Hello.", US)
    assert plan_key((Pause(1.0), *one)) != plan_key((Pause(2.0), *one))


def test_prune_removes_the_oldest_files_first(renderer: Renderer) -> None:
    paths = [say(renderer, f"Line number {n}.") for n in range(4)]
    for age, path in enumerate(paths):
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # paths[0] is the oldest
    keep = sum(p.stat().st_size for p in paths[2:])
    removed = renderer.cache.prune(keep)
    assert removed == 2
    assert [p.exists() for p in paths] == [False, False, True, True]
    assert renderer.cache.size_bytes() <= keep
