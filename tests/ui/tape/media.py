"""Real media files for the takes' tests, written with PyAV (no camera, no Qt)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from tests.tape.media import video_stream

RATE = 48_000


def make_take(
    path: Path,
    seconds: float = 2.0,
    *,
    video: bool = True,
    audio: bool = True,
    size: tuple[int, int] = (320, 240),
    fps: int = 30,
    gop: int = 15,
    codec: str = "libx264",
    tone_hz: float = 440.0,
) -> Path:
    """An H.264 + AAC file (or sound only, or picture only) of ``seconds``.

    The picture brightens frame by frame and the sound is a sine, so a test can tell the
    start of a take from its end; a keyframe every ``gop`` frames, as the core writes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as container:
        vstream = astream = None
        if video:
            vstream = video_stream(container, codec, fps)
            vstream.width, vstream.height = size
            vstream.pix_fmt = "yuv420p"
            vstream.codec_context.gop_size = gop
        if audio:
            astream = container.add_stream("aac", rate=RATE)
            astream.layout = "mono"
        if vstream is not None:
            width, height = size
            for index in range(round(seconds * fps)):
                level = (index * 4) % 256
                image = np.full((height, width, 3), level, np.uint8)
                frame = av.VideoFrame.from_ndarray(image, format="rgb24")
                frame.pts, frame.time_base = index, Fraction(1, fps)
                container.mux(vstream.encode(frame))
            container.mux(vstream.encode(None))
        if astream is not None:
            count = round(seconds * RATE)
            t = np.arange(count) / RATE
            samples = (0.3 * np.sin(2 * np.pi * tone_hz * t)).astype(np.float32)
            for start in range(0, count, 1024):
                chunk = samples[start : start + 1024].reshape(1, -1)
                sound = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
                sound.sample_rate, sound.pts, sound.time_base = RATE, start, Fraction(1, RATE)
                container.mux(astream.encode(sound))
            container.mux(astream.encode(None))
    return path


def recorded_take(
    library: TapeLibrary,
    info: TakeInfo | None = None,
    seconds: float = 1.0,
    *,
    slate_s: float = 0.0,
    video: bool = True,
    gop: int = 15,
) -> TapeTake:
    """A finished take in ``library``, made the way tape mode's takes end up: reserved,
    written as ``take-NNN.mp4`` (H.264 + AAC), its sidecar saying it is finished."""
    info = info or TakeInfo("Night Shift", "Nina", "Night Shift", None)
    progress = library.begin(info, ".mkv")
    suffix = ".mp4" if video else ".m4a"
    path = make_take(
        progress.folder / f"take-{progress.number:03d}{suffix}", seconds, video=video, gop=gop
    )
    return progress.mark_finished(path, duration_s=seconds, slate_s=slate_s)
