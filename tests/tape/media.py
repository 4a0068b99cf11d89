"""Real media for the tape tests, made with PyAV itself: no camera, no microphone.

A raw take is what Qt Multimedia writes (MPEG-4 Part 2 + AAC in Matroska); the picture
is generated (a moving bar on a coloured ground, so frames differ and an encoder has work
to do) and the sound is a sine whose level and moments the tests choose, so they can find
the actor, the reader and the silence between them again in the finished file.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

RATE = 48000


def tone(
    seconds: float, freq: float, amplitude: float, rate: int = RATE
) -> npt.NDArray[np.float32]:
    """A sine of ``seconds`` at ``amplitude`` (peak, full scale = 1)."""
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def actor_track(
    seconds: float,
    parts: Sequence[tuple[float, float]],
    amplitude: float = 0.3,
    freq: float = 440.0,
) -> npt.NDArray[np.float32]:
    """Silence with the actor (a sine) speaking in the ``(start, end)`` parts."""
    track = np.zeros(round(seconds * RATE), dtype=np.float32)
    for start, end in parts:
        a, b = round(start * RATE), round(end * RATE)
        track[a:b] = tone((b - a) / RATE, freq, amplitude)
    return track


def video_stream(out: av.container.OutputContainer, codec: str, fps: int) -> av.VideoStream:
    """A new video stream in ``out``; a codec named by a test that is not one fails here."""
    stream = out.add_stream(codec, rate=fps)
    assert isinstance(stream, av.VideoStream), f"{codec} is not a video codec"
    return stream


def audio_stream(out: av.container.OutputContainer, codec: str) -> av.AudioStream:
    """A new 48 kHz audio stream in ``out``; a codec that is not one fails here."""
    stream = out.add_stream(codec, rate=RATE)
    assert isinstance(stream, av.AudioStream), f"{codec} is not an audio codec"
    return stream


def write_raw(
    path: Path,
    seconds: float,
    *,
    audio: npt.NDArray[np.float32] | None = None,
    video: bool = True,
    size: tuple[int, int] = (320, 240),
    fps: int = 30,
    vcodec: str = "mpeg4",
    acodec: str = "aac",
    container: str | None = None,
    offset_s: float = 0.0,
) -> Path:
    """A recording like Qt's: generated frames and ``audio`` (mono, 48 kHz), muxed together.

    With ``offset_s``, picture and sound start that late, and the sound's first packet (the
    AAC encoder's priming) sits just before zero — as in the files Qt 6.11 writes.
    """
    if audio is None:
        audio = actor_track(seconds, [(0.0, seconds)])
    with av.open(str(path), "w", format=container) as out:
        vstream = None
        if video:
            vstream = video_stream(out, vcodec, fps)
            vstream.width, vstream.height = size
            vstream.pix_fmt = "yuv420p"
            vstream.codec_context.time_base = Fraction(1, fps)
        astream = audio_stream(out, acodec)
        astream.layout = "mono"
        frames = round(seconds * fps) if video else 0
        chunk = 1024
        a_at = 0
        primed = False
        for index in range(max(frames, 1)):
            if vstream is not None and index < frames:
                frame = av.VideoFrame.from_ndarray(_picture(index, size), format="rgb24")
                frame.pts = index + round(offset_s * fps)
                frame.time_base = Fraction(1, fps)
                for packet in vstream.encode(frame.reformat(format="yuv420p")):
                    out.mux(packet)
            until = (
                len(audio) if vstream is None else min(len(audio), round((index + 1) * RATE / fps))
            )
            while a_at + chunk <= until or (a_at < until and until == len(audio)):
                piece = audio[a_at : a_at + chunk]
                aframe = av.AudioFrame.from_ndarray(
                    piece.reshape(1, -1), format="flt", layout="mono"
                )
                aframe.sample_rate = RATE
                aframe.pts = a_at + round(offset_s * RATE)
                aframe.time_base = Fraction(1, RATE)
                for packet in astream.encode(aframe):
                    if offset_s and not primed and packet.pts is not None:
                        packet.pts = packet.dts = -round(0.021 / packet.time_base)
                    primed = True
                    out.mux(packet)
                a_at += len(piece)
        if vstream is not None:
            for packet in vstream.encode(None):
                out.mux(packet)
        for packet in astream.encode(None):
            out.mux(packet)
    return path


def _picture(index: int, size: tuple[int, int]) -> npt.NDArray[np.uint8]:
    width, height = size
    image = np.empty((height, width, 3), dtype=np.uint8)
    image[:] = (40, 80 + index % 100, 120)
    x = (index * 7) % max(1, width - 20)
    image[:, x : x + 20] = (250, 250, 250)
    return image


def write_wav(path: Path, samples: npt.NDArray[np.float32], rate: int = 22050) -> Path:
    """A mono 16-bit WAV, as the speech worker renders a line."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def espeak_wav(path: Path, text: str) -> Path | None:
    """A line rendered by eSpeak NG (``espeak-ng -w``), or None when it is not installed."""
    program = shutil.which("espeak-ng")
    if program is None:
        return None
    subprocess.run([program, "-w", str(path), text], check=True, timeout=30)
    return path


def decode_audio(path: Path) -> npt.NDArray[np.float32]:
    """The file's sound as mono 48 kHz floats, from the start of the file."""
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    pieces: list[npt.NDArray[np.float32]] = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                pieces.append(out.to_ndarray().reshape(-1).astype(np.float32, copy=False))
        for out in resampler.resample(None):
            pieces.append(out.to_ndarray().reshape(-1).astype(np.float32, copy=False))
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)


def level_db(samples: npt.NDArray[np.float32], start: float, end: float) -> float:
    """The RMS level of ``samples`` between two moments, in dB full scale."""
    part = samples[round(start * RATE) : round(end * RATE)].astype(np.float64)
    return float(10 * np.log10(np.mean(part**2) + 1e-12))


def video_frames(path: Path) -> list[tuple[float, npt.NDArray[np.uint8]]]:
    """Every decoded picture of the file with its time, as RGB."""
    result = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            picture = frame.to_ndarray(format="rgb24").astype(np.uint8, copy=False)
            result.append((float(frame.time), picture))
    return result


def key_frame_times(path: Path) -> list[float]:
    """When the key frames of the file's video fall."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        assert time_base is not None, f"{path} has no time base for its video"
        return sorted(
            float(p.pts * time_base)
            for p in container.demux(stream)
            if p.pts is not None and p.is_keyframe
        )


def write_png(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> Path:
    """A one-colour PNG, as the UI draws the slate card."""
    width, height = size
    image = np.empty((height, width, 3), dtype=np.uint8)
    image[:] = colour
    with av.open(str(path), "w", format="image2") as out:
        stream = out.add_stream("png", rate=1)
        stream.width, stream.height = size
        stream.pix_fmt = "rgb24"
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
