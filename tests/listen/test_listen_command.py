"""``rehearsal listen`` with real recognition on lines spoken by eSpeak NG.

Voices are chosen from what the recogniser measurably copes with (see the README's
"Listening"): eSpeak's robotic voices are far from the speech pocketsphinx was trained on,
so thresholds are set per kind of recording with a margin below what is measured, and every
test can fail — a partner that comes in at the beat, ignores the words or hears the wrong
line as the right one fails them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rehearsal.cli import main
from tests.listen.speech_audio import (
    ESPEAK,
    LINE,
    LINE_HALVES,
    NAME_LINE,
    SCENE,
    WRONG_LINE,
    SpokenRecording,
    recording,
    silence,
)

pytestmark = pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")

#: Voices (eSpeak NG voice+variant, words per minute) for the clean and paused lines.
CLEAN_VOICES = [
    ("en-us+f3", 150),
    ("en-us", 150),
    ("en", 140),
    ("en-us+m3", 170),
    ("en-us+f4", 120),
]
#: With noise at 20 dB SNR the two female variants lose the end of the line (measured
#: 0.67 and 0.56), so noise is tested with the voices that keep it.
NOISE_VOICES = [("en-us", 150), ("en", 140), ("en-us+m3", 170)]


def listen(
    capsys: pytest.CaptureFixture[str], path: Path, text: str, *extra: str
) -> dict[str, object]:
    assert main(["listen", str(path), "--text", text, "--json", *extra]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def as_float(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


def check_prompt_end(data: dict[str, object], rec: SpokenRecording) -> None:
    """The partner came in after the last word, within 0.3 s, and the line is complete."""
    end = as_float(data["line_end_at"])
    assert rec.speech_end <= end + 0.05  # not before the line's end (frames are 30 ms)
    assert end - rec.speech_end <= 0.3
    assert data["complete"] is True


def check_pickup(data: dict[str, object], rec: SpokenRecording) -> None:
    assert as_float(data["speech_start"]) == pytest.approx(rec.speech_start, abs=0.05)
    assert data["pickup"] == data["speech_start"]


@pytest.mark.parametrize(("voice", "speed"), CLEAN_VOICES)
def test_the_line_said_is_recognised_and_the_partner_comes_in_at_its_end(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, voice: str, speed: int
) -> None:
    rec = recording(LINE, voice, speed)
    data = listen(capsys, rec.write(tmp_path / "line.wav"), LINE, *[f"--scene={s}" for s in SCENE])
    assert as_float(data["accuracy"]) >= 0.85, data["heard"]
    check_pickup(data, rec)
    check_prompt_end(data, rec)
    words = data["words"]
    assert isinstance(words, list)
    assert [w["word"] for w in words][:3] == ["I", "told", "you"]


@pytest.mark.parametrize(("voice", "speed"), CLEAN_VOICES)
def test_a_held_beat_inside_the_line_does_not_bring_the_partner_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, voice: str, speed: int
) -> None:
    rec = recording(LINE_HALVES, voice, speed, pause=1.5)
    data = listen(capsys, rec.write(tmp_path / "beat.wav"), LINE)
    assert as_float(data["accuracy"]) >= 0.85, data["heard"]
    check_prompt_end(data, rec)  # after the second half, not at the beat


@pytest.mark.parametrize(("voice", "speed"), NOISE_VOICES)
def test_the_line_is_followed_through_noise_at_20_db(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, voice: str, speed: int
) -> None:
    rec = recording(LINE, voice, speed).with_noise(20)
    data = listen(capsys, rec.write(tmp_path / "noisy.wav"), LINE)
    assert as_float(data["accuracy"]) >= 0.8, data["heard"]
    check_pickup(data, rec)
    check_prompt_end(data, rec)


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f3", 150), ("en-us", 150)])
def test_a_wrong_line_scores_low_and_the_partner_comes_in_after_the_long_wait(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, voice: str, speed: int
) -> None:
    rec = recording(WRONG_LINE, voice, speed)
    data = listen(capsys, rec.write(tmp_path / "wrong.wav"), LINE, "--give-up=3")
    assert as_float(data["accuracy"]) <= 0.25, data["heard"]
    assert data["complete"] is False
    assert data["line_end_reason"] == "gave_up"
    assert as_float(data["line_end_at"]) == pytest.approx(rec.speech_end + 3.0, abs=0.25)
    check_pickup(data, rec)


def test_silence_hears_nothing_and_the_partner_keeps_waiting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rec = SpokenRecording(silence(3.0), 0.0, 0.0)
    data = listen(capsys, rec.write(tmp_path / "silence.wav"), LINE)
    assert data["heard"] == ""
    assert data["accuracy"] == 0.0
    assert data["speech_start"] is None
    assert data["line_end_at"] is None


def test_names_missing_from_the_dictionary_are_recognised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    heard = []
    for voice, speed in [("en-us", 150), ("en-us+m3", 170), ("en-us+f3", 150)]:
        rec = recording(NAME_LINE, voice, speed)
        data = listen(capsys, rec.write(tmp_path / f"{voice}.wav"), NAME_LINE)
        heard.append(str(data["heard"]).split())
    # "Okonkwo" and "Thackery" are not in the dictionary: letter-to-sound spells them
    assert all("okonkwo" in words for words in heard), heard
    assert sum("thackery" in words for words in heard) >= 2, heard


def test_the_text_output_lists_every_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rec = recording("Where did you put the keys?", "en-us", 150)
    assert (
        main(
            ["listen", str(rec.write(tmp_path / "q.wav")), "--text", "Where did you put the keys?"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "heard:" in out
    assert "ok       keys" in out
    assert "line_end_at:" in out


def test_another_language_listens_for_the_voice_only_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rec = recording(LINE_HALVES, "en-us", 150, pause=1.5)
    path = rec.write(tmp_path / "beat.wav")
    assert main(["listen", str(path), "--text", LINE, "--json", "--language", "xx"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("voice only") == 1
    data = json.loads(captured.out)
    assert data["accuracy"] is None
    assert data["line_end_reason"] == "silence"
    # without the words the beat does end the line: that is what the words are for
    assert as_float(data["line_end_at"]) < rec.speech_end


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "no such file"), (b"", "the file is empty"), (b"ID3\x03 an mp3", "not a WAV file")],
)
def test_bad_audio_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "take.wav"
    if content is not None:
        path.write_bytes(content)
    assert main(["listen", str(path), "--text", LINE]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"rehearsal: error: {path}: {problem}")
    assert captured.err.count("\n") == 1


def test_a_give_up_wait_shorter_than_the_end_pause_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = SpokenRecording(silence(0.5), 0.0, 0.0).write(tmp_path / "s.wav")
    assert main(["listen", str(path), "--text", LINE, "--give-up=0.1"]) == 2
    err = capsys.readouterr().err
    assert err == "rehearsal: error: --give-up must be at least 0.15 s\n"
