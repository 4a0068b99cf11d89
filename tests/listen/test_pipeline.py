"""The pipeline through its API: chunk sizes, voice activity, partial words."""

from __future__ import annotations

import numpy as np
import pytest

from rehearsal.listen.activity import EnergyDetector, VoiceActivity, WebRtcDetector
from rehearsal.listen.audio import SAMPLE_RATE, chunks
from rehearsal.listen.command import listen_to_samples
from rehearsal.listen.models import find_model
from rehearsal.listen.pipeline import Listener
from rehearsal.listen.recognizer import Recognizer
from tests.listen.speech_audio import ESPEAK, LINE, SCENE, recording, silence

needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    model = find_model("en")
    assert model is not None
    return Recognizer(model)


def tone_burst(seconds: float, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    voiced = amplitude * np.sin(2 * np.pi * 180 * t) * (1 + 0.5 * np.sin(2 * np.pi * 4 * t))
    return (voiced * 32767).astype(np.int16)


def test_the_energy_detector_gives_one_start_and_stop_around_a_sound() -> None:
    samples = np.concatenate([silence(0.6), tone_burst(1.0), silence(0.6)])
    activity = VoiceActivity(EnergyDetector())
    events = [e for c in chunks(samples, 20) for e in activity.feed(c)]
    assert [e.kind for e in events] == ["start", "stop"]
    assert events[0].at == pytest.approx(0.6, abs=0.06)
    assert events[1].at == pytest.approx(1.6, abs=0.06)


@needs_espeak
def test_the_webrtc_detector_finds_a_spoken_line_and_ignores_the_noise_around_it() -> None:
    rec = recording("Where did you put the keys to the van?", "en-us", 150).with_noise(20)
    activity = VoiceActivity(WebRtcDetector())
    events = [e for c in chunks(rec.samples, 30) for e in activity.feed(c)]
    assert events[0].kind == "start"
    assert events[0].at == pytest.approx(rec.speech_start, abs=0.06)
    assert events[-1].kind == "stop"
    assert events[-1].at == pytest.approx(rec.speech_end, abs=0.1)
    ungated = VoiceActivity(WebRtcDetector(gate_db=None))
    first = next(e for c in chunks(rec.samples, 30) for e in ungated.feed(c))
    assert first.at < rec.speech_start - 0.3  # WebRTC alone takes the hiss for a voice


def test_a_click_is_not_speech_and_a_short_gap_is_not_a_stop() -> None:
    click = tone_burst(0.03)
    samples = np.concatenate(
        [silence(0.51), click, silence(0.51), tone_burst(0.51), silence(0.06), tone_burst(0.5)]
    )
    activity = VoiceActivity(EnergyDetector())
    events = [e for c in chunks(samples, 30) for e in activity.feed(c)]
    assert [e.kind for e in events] == ["start"]
    assert events[0].at == pytest.approx(1.05, abs=0.06)


@needs_espeak
def test_chunk_sizes_from_20_to_50_ms_give_the_same_answer(recognizer: Recognizer) -> None:
    rec = recording(LINE, "en-us", 150)
    results = [
        listen_to_samples(rec.samples, LINE, recognizer, scene_lines=SCENE, chunk_ms=ms)
        for ms in (20, 30, 50)
    ]
    for result in results:
        assert result.comparison is not None
        assert result.comparison.accuracy >= 0.85
        assert result.line_end is not None
        assert result.line_end.at - rec.speech_end == pytest.approx(0.15, abs=0.15)
        assert result.speech_start == pytest.approx(rec.speech_start, abs=0.05)


@needs_espeak
def test_words_can_be_followed_while_the_actor_speaks(recognizer: Recognizer) -> None:
    rec = recording(LINE, "en-us", 150)
    listener = Listener(LINE, recognizer, scene_lines=SCENE)
    halfway = len(rec.samples) // 2
    for chunk in chunks(rec.samples[:halfway], 30):
        assert listener.feed(chunk) is None
    following = listener.partial_words()
    assert following[:3] == ["i", "told", "you"]
    assert listener.line_end.poll() is None
    ended = None
    for chunk in chunks(rec.samples[halfway:], 30):
        ended = ended or listener.feed(chunk)
    assert ended is not None
    result = listener.finish()
    assert result.heard[: len(following) - 1] == following[:-1]
