"""Flite and Festival behind the backend interface, with the real programs and real WAVs.

Each test of a backend skips, saying what to install, when that program is missing; the
app itself then offers only the system voices, which the tests of a missing backend check.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from rehearsal.script.model import Part, PartKind
from rehearsal.speech.backends import (
    Backend,
    SpeechBackends,
    SystemBackend,
    VoiceScore,
    find_extra_backends,
    load_voice_scores,
)
from rehearsal.speech.backends.festival import FestivalBackend
from rehearsal.speech.backends.flite import FliteBackend
from rehearsal.speech.backends.tools import plain_text, scale_volume
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import Pronunciations, plan_line, plan_text
from rehearsal.speech.render import (
    RenderCache,
    Renderer,
    RenderError,
    SpeechEngine,
    inspect_wav,
    utterance_key,
)
from rehearsal.speech.voices import SpeechUnavailableError
from tests.speech.wav_tools import pitch_hz, read_wav

FLITE = FliteBackend.find()
FESTIVAL = FestivalBackend.find()
needs_flite = pytest.mark.skipif(FLITE is None, reason="Flite is not installed (apt install flite)")
needs_festival = pytest.mark.skipif(
    FESTIVAL is None,
    reason="Festival or its voice is not installed (apt install festival festvox-us-slt-hts)",
)

LINE = "Hello there. Shall we take it from the top?"
# Text a shell or an option parser would act on; every word must be spoken instead.
DANGEROUS = [
    "--help",
    "-o {elsewhere} --version",
    "$(touch {marker}) and `touch {marker}`",
    "; touch {marker} && echo \"quoted\" 'single' | cat",
    "(voice_kal_diphone) (exit)",
]


def _backends() -> list[FliteBackend | FestivalBackend]:
    return [b for b in (FLITE, FESTIVAL) if b is not None]


def _first_voice(backend: FliteBackend | FestivalBackend) -> str:
    ids = [v.id for v in backend.voices]
    return "flite:slt" if "flite:slt" in ids else ids[0]


@pytest.fixture(params=["flite", "festival"])
def backend(request: pytest.FixtureRequest) -> FliteBackend | FestivalBackend:
    found = {"flite": FLITE, "festival": FESTIVAL}[request.param]
    if found is None:
        pytest.skip(f"{request.param} is not installed (apt install flite / festvox-us-slt-hts)")
    return found


def test_a_line_renders_to_a_wav_with_speech_of_a_sensible_length(
    backend: FliteBackend | FestivalBackend, tmp_path: Path
) -> None:
    path = tmp_path / "line.wav"
    info = backend.synthesize(LINE, VoiceSettings(_first_voice(backend)), path)
    assert info == inspect_wav(path)
    assert info.peak > 1000  # not silent
    assert 1.5 < info.duration < 6.0  # eight words at a speaking pace
    audio = read_wav(path)
    assert audio.rms > 300


def test_rate_changes_the_length_of_the_line(
    backend: FliteBackend | FestivalBackend, tmp_path: Path
) -> None:
    voice = _first_voice(backend)
    slow = backend.synthesize(LINE, VoiceSettings(voice, rate=100), tmp_path / "slow.wav")
    fast = backend.synthesize(LINE, VoiceSettings(voice, rate=250), tmp_path / "fast.wav")
    # 250/100 = 2.5 in theory; pauses and edges stretch less than speech does.
    assert slow.duration / fast.duration > 1.8


def test_volume_scales_the_samples(backend: FliteBackend | FestivalBackend, tmp_path: Path) -> None:
    voice = _first_voice(backend)
    backend.synthesize(LINE, VoiceSettings(voice), tmp_path / "full.wav")
    backend.synthesize(LINE, VoiceSettings(voice, volume=0.4), tmp_path / "soft.wav")
    full = read_wav(tmp_path / "full.wav")
    soft = read_wav(tmp_path / "soft.wav")
    assert len(full.samples) == len(soft.samples)
    assert soft.rms / full.rms == pytest.approx(0.4, abs=0.02)


@needs_flite
def test_flite_pitch_moves_the_voice_up_and_down(tmp_path: Path) -> None:
    assert FLITE is not None
    low = FLITE.synthesize(LINE, VoiceSettings("flite:slt", pitch=20), tmp_path / "low.wav")
    high = FLITE.synthesize(LINE, VoiceSettings("flite:slt", pitch=85), tmp_path / "high.wav")
    assert low.peak > 0
    assert high.peak > 0
    assert pitch_hz(read_wav(tmp_path / "high.wav")) > 1.4 * pitch_hz(
        read_wav(tmp_path / "low.wav")
    )


@needs_festival
def test_festival_says_it_cannot_change_pitch() -> None:
    assert FESTIVAL is not None
    assert "pitch" in FESTIVAL.unsupported
    system = None
    backends = SpeechBackends(system, [FESTIVAL], driver="espeak", scores={})
    voice = FESTIVAL.voices[0].id
    assert not backends.catalog.supports(voice, "pitch")
    assert backends.catalog.supports(voice, "rate")


@pytest.mark.parametrize("template", DANGEROUS)
def test_text_that_looks_like_options_or_commands_is_spoken(
    backend: FliteBackend | FestivalBackend, tmp_path: Path, template: str
) -> None:
    marker = tmp_path / "marker"
    text = template.format(marker=marker, elsewhere=tmp_path / "elsewhere.wav")
    out = tmp_path / "said.wav"
    info = backend.synthesize(text, VoiceSettings(_first_voice(backend)), out)
    assert not marker.exists()
    # The words were said: at least a third of a second per word or symbol group.
    assert info.peak > 1000
    assert info.duration > 0.3 * len(text.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["said.wav"])


def test_a_missing_program_is_skipped_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder with no programs in it
    assert FliteBackend.find() is None
    assert FestivalBackend.find() is None
    found, skipped = find_extra_backends()
    assert found == []
    assert skipped == [
        "Flite: not installed (apt install flite)",
        "Festival: no voice installed (apt install festvox-us-slt-hts)",
    ]
    assert FliteBackend.find(str(tmp_path / "flite")) is None  # named but not there


def test_nothing_to_speak_with_is_unavailable() -> None:
    with pytest.raises(SpeechUnavailableError, match="no speech backend"):
        SpeechBackends(None, [], driver="espeak", scores={})


@needs_flite
def test_a_voice_of_a_backend_that_is_not_installed_fails_with_a_reason(tmp_path: Path) -> None:
    assert FLITE is not None
    backends = SpeechBackends(None, [FLITE], driver="espeak", scores={})
    with pytest.raises(RenderError, match="festival is not installed"):
        backends.synthesize(
            LINE, VoiceSettings("festival:cmu_us_slt_arctic_hts"), tmp_path / "x.wav"
        )
    with pytest.raises(RenderError, match="system voices are unavailable"):
        backends.synthesize(LINE, VoiceSettings("gmw/en-us"), tmp_path / "x.wav")
    with pytest.raises(RenderError, match="Flite has no voice"):
        FLITE.synthesize(LINE, VoiceSettings("flite:nosuch"), tmp_path / "x.wav")
    # Case as stored by hand still finds the voice.
    info = backends.synthesize(LINE, VoiceSettings("FLITE:SLT"), tmp_path / "y.wav")
    assert info.peak > 0


@needs_flite
def test_all_backends_share_one_catalog_and_renderer(
    speech_engine: SpeechEngine, tmp_path: Path
) -> None:
    assert FLITE is not None
    backends = SpeechBackends(
        SystemBackend(speech_engine),
        [FLITE],
        driver="espeak",
        scores={"flite:slt": VoiceScore(0.9, 0.05)},
    )
    catalog = backends.catalog
    assert catalog.voice("gmw/en-us") is not None
    assert catalog.backend_of("flite:slt") == "flite"
    assert catalog.score_of("flite:slt") == 0.9
    assert catalog.check("flite:slt+f3") is not None  # Flite voices take no variant
    renderer = Renderer(RenderCache(tmp_path / "cache"), backends)
    flite = renderer.render(plan_text(LINE, VoiceSettings("flite:slt")))
    espeak = renderer.render(plan_text(LINE, VoiceSettings("gmw/en-us")))
    assert flite.path != espeak.path
    assert inspect_wav(flite.path).frame_rate == 16000  # Flite's own rate, not eSpeak's
    assert renderer.render(plan_text(LINE, VoiceSettings("flite:slt"))).cached


def test_the_cache_key_names_the_backend() -> None:
    espeak = utterance_key(LINE, VoiceSettings("gmw/en-us"), "espeak")
    assert espeak != utterance_key(LINE, VoiceSettings("gmw/en-us"), "sapi5")
    flite = utterance_key(LINE, VoiceSettings("flite:slt"), "espeak")
    # A Flite voice is keyed by its backend, whatever pyttsx3's driver is.
    assert flite == utterance_key(LINE, VoiceSettings("flite:slt"), "sapi5")
    assert flite != utterance_key(LINE, VoiceSettings("festival:slt"), "espeak")


def test_the_shipped_scores_include_the_baseline_and_clearer_voices() -> None:
    scores = load_voice_scores()
    assert "gmw/en-us" in scores
    flite = [s.accuracy for v, s in scores.items() if v.startswith("flite:")]
    assert flite
    assert max(flite) > 2 * scores["gmw/en-us"].accuracy


def test_a_broken_scores_file_means_no_scores(tmp_path: Path) -> None:
    broken = tmp_path / "scores.json"
    broken.write_text('{"voices": {"flite:slt": {"accuracy": "high"}}}', encoding="utf-8")
    assert load_voice_scores(broken) == {}
    assert load_voice_scores(tmp_path / "missing.json") == {}
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps({"voices": {"flite:slt": {"accuracy": 0.8, "render_seconds": 0.05}}}),
        encoding="utf-8",
    )
    assert load_voice_scores(good) == {"flite:slt": VoiceScore(0.8, 0.05)}


def test_scaling_volume_clips_instead_of_wrapping(tmp_path: Path) -> None:
    import wave

    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(
            b"".join(v.to_bytes(2, "little", signed=True) for v in (30000, -30000, 100))
        )
    scale_volume(path, 1.5)
    assert list(read_wav(path).samples) == [32767, -32768, 150]


def test_typographic_punctuation_is_made_plain() -> None:
    assert plain_text("\u201cIt\u2019s\u2014late\u2026\u201d") == '"It\'s, late..."'


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    before = set(os.listdir(tempfile.gettempdir()))
    for backend in _backends():
        backend.synthesize("Quick.", VoiceSettings(_first_voice(backend)), tmp_path / "q.wav")
    after = set(os.listdir(tempfile.gettempdir()))
    assert not {n for n in after - before if n.startswith("rehearsal-line-")}


@pytest.mark.parametrize("voice", ["flite:slt", "festival:cmu_us_slt_arctic_hts"])
def test_delivery_rules_and_respellings_reach_every_backend(voice: str, tmp_path: Path) -> None:
    found: list[Backend] = [b for b in _backends() if voice in {v.id for v in b.voices}]
    if not found:
        pytest.skip(f"{voice} is not installed (apt install flite / festvox-us-slt-hts)")
    backends = SpeechBackends(None, found, driver="espeak", scores={})
    renderer = Renderer(RenderCache(tmp_path / "cache"), backends)
    settings = VoiceSettings(voice)
    words = "I told Siobhan to wait for me by the gate."
    said = Part(PartKind.SPEECH, words)
    plain = renderer.render(plan_line([said], settings))
    whispered = renderer.render(
        plan_line([Part(PartKind.PARENTHETICAL, "(whispers)"), said], settings)
    )
    shouted = renderer.render(
        plan_line([Part(PartKind.PARENTHETICAL, "(shouting)"), said], settings)
    )
    plain_audio, soft, loud = (read_wav(r.path) for r in (plain, whispered, shouted))
    assert soft.rms < 0.5 * plain_audio.rms  # whisper: volume x0.4
    assert loud.duration < plain_audio.duration < soft.duration  # faster / slower
    respelt = renderer.render(
        plan_line([said], settings, pronunciations=Pronunciations({"Siobhan": "Shiv-awn"}))
    )
    assert respelt.path != plain.path  # a different text went to the backend
    assert read_wav(respelt.path).duration != pytest.approx(plain_audio.duration, abs=0.005)
