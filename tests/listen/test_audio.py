"""Reading WAV files into 16 kHz mono chunks, resampling as a stream."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from rehearsal.listen.audio import (
    SAMPLE_RATE,
    AudioError,
    Resampler,
    chunk_size,
    chunks,
    read_wav,
)


def write_wav(path: Path, data: bytes, *, rate: int, width: int = 2, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(data)
    return path


def tone(rate: int, seconds: float, hz: float = 440.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    return amplitude * np.sin(2 * np.pi * hz * t)


def dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64)))
    return float(np.argmax(spectrum) * SAMPLE_RATE / len(samples))


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 44100, 48000])
def test_any_common_rate_becomes_16_khz_with_pitch_and_length_kept(
    tmp_path: Path, rate: int
) -> None:
    pcm = (tone(rate, 1.0) * 32767).astype("<i2").tobytes()
    recording = read_wav(write_wav(tmp_path / "t.wav", pcm, rate=rate))
    assert recording.source_rate == rate
    assert abs(len(recording.samples) - SAMPLE_RATE) <= 2
    assert dominant_hz(recording.samples) == pytest.approx(440, abs=2)
    assert np.abs(recording.samples[1000:-1000]).max() == pytest.approx(16384, rel=0.03)


def test_stereo_8_and_24_bit_are_read(tmp_path: Path) -> None:
    left, right = tone(16000, 0.5), tone(16000, 0.5)
    stereo = np.stack([left, right], axis=1).reshape(-1)
    data = (stereo * 32767).astype("<i2").tobytes()
    assert (
        read_wav(write_wav(tmp_path / "s.wav", data, rate=16000, channels=2)).source_channels == 2
    )
    eight = ((left * 127) + 128).astype(np.uint8).tobytes()
    assert (
        np.abs(read_wav(write_wav(tmp_path / "8.wav", eight, rate=16000, width=1)).samples).max()
        > 16000
    )
    ints = (left * 8388607).astype(np.int32)
    packed = np.stack([ints & 0xFF, (ints >> 8) & 0xFF, (ints >> 16) & 0xFF], axis=1)
    data24 = packed.astype(np.uint8).tobytes()
    samples = read_wav(write_wav(tmp_path / "24.wav", data24, rate=16000, width=3)).samples
    assert np.allclose(samples, (left * 16384 * 2).clip(-32768, 32767), atol=2)


def test_loud_input_is_clipped_not_wrapped(tmp_path: Path) -> None:
    pcm = (tone(44100, 0.2, amplitude=1.0) * 32767).astype("<i2").tobytes()
    samples = read_wav(write_wav(tmp_path / "loud.wav", pcm, rate=44100)).samples
    # a wrapped sample would jump from +32767 to -32768 between neighbours
    assert np.abs(np.diff(samples.astype(np.int32))).max() < 20000


def test_streaming_in_pieces_gives_the_same_samples_as_at_once() -> None:
    signal = np.random.default_rng(1).normal(0, 0.2, 48000).astype(np.float32)
    whole = Resampler(48000)
    at_once = np.concatenate([whole.process(signal), whole.flush()])
    pieces = Resampler(48000)
    parts = [pieces.process(signal[i : i + 733]) for i in range(0, len(signal), 733)]
    assert np.array_equal(at_once, np.concatenate([*parts, pieces.flush()]))


def test_chunks_are_the_size_asked_for() -> None:
    samples = np.zeros(16000, dtype=np.int16)
    sizes = [len(c) for c in chunks(samples, 30)]
    assert sizes[:-1] == [480] * (len(sizes) - 1)
    assert sum(sizes) == 16000
    with pytest.raises(ValueError, match="20-50 ms"):
        chunk_size(100)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"%PDF-1.4 not audio at all", "not a WAV file"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "chunk missing"),
    ],
)
def test_bad_files_are_named_with_the_problem(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message) as caught:
        read_wav(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_unsupported_audio_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="no such file"):
        read_wav(tmp_path / "missing.wav")
    with pytest.raises(AudioError, match="folder"):
        read_wav(tmp_path)
    with pytest.raises(AudioError, match="4000 Hz is not supported"):
        read_wav(write_wav(tmp_path / "low.wav", b"\x00\x01" * 4000, rate=4000))
    with pytest.raises(AudioError, match="holds no audio"):
        read_wav(write_wav(tmp_path / "none.wav", b"", rate=16000))
    header = bytearray((tmp_path / "none.wav").read_bytes())
    header[20:22] = (3).to_bytes(2, "little")  # IEEE float format tag
    (tmp_path / "float.wav").write_bytes(bytes(header))
    with pytest.raises(AudioError, match="floating-point"):
        read_wav(tmp_path / "float.wav")
