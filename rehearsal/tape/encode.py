"""Re-encoding a recording as the MP4 casting sites take: H.264 (yuv420p) + AAC, faststart.

Qt Multimedia records what its own FFmpeg can encode (MPEG-4 Part 2 on Linux, whatever the
platform offers elsewhere), so every take goes through here once when it is finished,
and an export of anything else does too. The choices, and why:

* **x264, preset ``veryfast``, CRF 21.** A 2-core laptop finishes a 60 s 720p take in
  about a third of its length, in a separate process; slower presets buy little that
  survives the casting site's own re-encode.
* **A key frame at least every 0.5 s.** Players seek, and trimming cuts without
  re-encoding, only at key frames; half a second is as close as an actor needs.
* **Constant frame rate.** Camera recordings have uneven timestamps; each output frame
  slot gets the latest picture, so a dropped frame repeats the last one instead of
  shifting everything after it, and the sound stays in sync.
* **faststart**: the index at the front, so a site can play the file while it uploads.

A file that was cut short is read as far as it goes; a packet that cannot be decoded is
skipped. Sound-only recordings get a still picture (the slate card, or black), because the
sites want video. The title card, when given, runs first, silent.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np
import numpy.typing as npt

from rehearsal.tape.errors import TapeCancelled, TapeError, media_problem
from rehearsal.tape.library import Cue
from rehearsal.tape.mixing import (
    RATE,
    AudioOut,
    Packets,
    actor_level_db,
    load_lines,
    place_lines,
    planar,
)
from rehearsal.tape.probe import probe

PRESET = "veryfast"
CRF = "21"
KEYFRAME_EVERY_S = 0.5
AUDIO_BIT_RATE = 160_000
STILL_FPS = Fraction(10)
STILL_SIZE = (1280, 720)
DEFAULT_FPS = Fraction(30)

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class SlateCard:
    """The title card the UI drew (a PNG), and how many seconds it opens the tape."""

    image: Path
    seconds: float


@dataclass(frozen=True, slots=True)
class Encoded:
    """What was written: how long the card really ran (whole frames) and the whole length."""

    card_s: float
    duration_s: float


def encode_mp4(
    source: Path,
    target: Path,
    *,
    card: SlateCard | None = None,
    cues: Sequence[Cue] = (),
    reader_level_db: float = 0.0,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Encoded:
    """Write ``source`` to ``target`` as H.264 + AAC MP4, the card first, the reader mixed in.

    Raises :class:`TapeError` naming the file that failed (:class:`TapeCancelled` when
    ``cancelled`` says so); ``target`` is then removed.
    """
    facts = probe(source)
    total_s = facts.duration_s or 0.0
    existed = target.exists() or target.is_symlink()
    try:
        return _encode(
            source,
            target,
            card,
            cues,
            reader_level_db,
            total_s,
            on_progress or (lambda _f: None),
            cancelled or (lambda: False),
        )
    except BaseException:
        if not existed and target.is_file() and not target.is_symlink():
            with contextlib.suppress(OSError):
                target.unlink()  # only what this call made: never a device or a link
        raise


def _encode(
    source: Path,
    target: Path,
    card: SlateCard | None,
    cues: Sequence[Cue],
    reader_level_db: float,
    total_s: float,
    on_progress: Progress,
    cancelled: Cancelled,
) -> Encoded:
    try:
        src = av.open(str(source))
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(source, exc) from None
    with src:
        vin = src.streams.video[0] if src.streams.video else None
        ain = src.streams.audio[0] if src.streams.audio else None
        start_s = _start(source)
        lines = load_lines(cues)
        spans = [(c.at_s, c.at_s + len(s) / RATE) for c, s in lines]
        actor_db = actor_level_db(source, spans, start_s) if lines else None
        card_picture = _card_picture(card) if card is not None else None
        if vin is not None:
            fps = _fps(vin)
            size = _even(vin.codec_context.width, vin.codec_context.height)
        else:
            fps = STILL_FPS
            size = _even(*card_picture.shape[1::-1]) if card_picture is not None else STILL_SIZE
        card_frames = round(card.seconds * fps) if card is not None else 0
        card_s = float(card_frames / fps)
        try:
            out = av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"})
        except (av.error.FFmpegError, OSError) as exc:
            raise _write_problem(target, exc) from None
        try:
            with out:
                video = _VideoOut(out, fps, size)
                audio = AudioOut(
                    _audio_stream(out),
                    place_lines(
                        lines, actor_db=actor_db, reader_level_db=reader_level_db, offset_s=card_s
                    ),
                )
                if card_picture is not None:
                    still = video.picture(card_picture)
                    _mux(out, video.repeat(still, card_frames))
                    _mux(out, audio.silence(round(card_s * RATE)))
                else:
                    still = video.picture(np.zeros((size[1], size[0], 3), dtype=np.uint8))
                pump = _Pump(src, vin, ain, start_s, card_s, video, audio, still, out)
                reached = 0.0
                for at_s in pump.run():
                    if cancelled():
                        raise TapeCancelled(f"{source}: stopped before it was finished")
                    if total_s > 0 and at_s > reached:  # sound and picture interleave
                        reached = at_s
                        on_progress(min(1.0, reached / total_s))
                end_s = max(video.position_s, audio.position_s)
                _mux(out, video.fill_to(end_s, pump.last if vin is not None else still))
                _mux(out, audio.silence(round((video.position_s - audio.position_s) * RATE)))
                _mux(out, video.close())
                _mux(out, audio.close())
        except av.error.FFmpegError as exc:
            raise _write_problem(target, exc) from None
        except OSError as exc:
            raise _write_problem(target, exc) from None
    on_progress(1.0)
    return Encoded(card_s=card_s, duration_s=max(video.position_s, audio.position_s))


class _Pump:
    """Reads the source as far as it goes and feeds both outputs in step."""

    def __init__(
        self,
        src: av.container.InputContainer,
        vin: av.video.stream.VideoStream | None,
        ain: av.audio.stream.AudioStream | None,
        start_s: float,
        card_s: float,
        video: _VideoOut,
        audio: AudioOut,
        still: av.VideoFrame,
        out: av.container.OutputContainer,
    ) -> None:
        self.src, self.vin, self.ain = src, vin, ain
        self.start_s, self.card_s = start_s, card_s
        self.video, self.audio, self.still, self.out = video, audio, still, out
        self.last: av.VideoFrame = still
        self._resampler = av.AudioResampler(format="fltp", layout="stereo", rate=RATE)
        self._audio_started = False
        if vin is not None:
            vin.thread_type = "AUTO"

    def run(self) -> Iterator[float]:
        """Yield the recording time reached after each decoded frame."""
        streams = [s for s in (self.vin, self.ain) if s is not None]
        packets = self.src.demux(streams)
        while True:
            try:
                packet = next(packets)
            except StopIteration:
                break
            except av.error.FFmpegError:
                break  # a cut-short recording ends where it can no longer be read
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue  # one damaged packet costs a frame, not the take
            for frame in frames:
                if isinstance(frame, av.VideoFrame | av.AudioFrame):
                    at = self._feed(frame)  # write errors go up: the tape is not whole
                    if at is not None:
                        yield at
        for frame in self._resampler.resample(None):
            _mux(self.out, self.audio.push(planar(frame)))

    def _feed(self, frame: av.VideoFrame | av.AudioFrame) -> float | None:
        if frame.time is None:
            return None
        at = float(frame.time) - self.start_s
        if isinstance(frame, av.VideoFrame):
            self.last = self.video.converted(frame)
            _mux(self.out, self.video.place(self.last, self.card_s + at))
            return at
        if not self._audio_started:
            self._audio_started = True
            lead = self.card_s + max(0.0, at) - self.audio.position_s
            _mux(self.out, self.audio.silence(round(lead * RATE)))
        for out in self._resampler.resample(frame):
            _mux(self.out, self.audio.push(planar(out)))
        if self.vin is None:  # a still picture keeps pace with the sound
            _mux(self.out, self.video.fill_to(self.audio.position_s, self.still))
        return at


class _VideoOut:
    """The H.264 stream: constant frame rate, the latest picture in every slot."""

    def __init__(
        self, out: av.container.OutputContainer, fps: Fraction, size: tuple[int, int]
    ) -> None:
        self.fps, self.size = fps, size
        self.stream = out.add_stream("libx264", rate=fps)
        self.stream.width, self.stream.height = size
        self.stream.pix_fmt = "yuv420p"
        self.stream.codec_context.time_base = Fraction(fps.denominator, fps.numerator)
        self.stream.codec_context.gop_size = max(1, math.floor(float(fps) * KEYFRAME_EVERY_S))
        self.stream.options = {"preset": PRESET, "crf": CRF}
        self.next_slot = 0

    @property
    def position_s(self) -> float:
        return float(self.next_slot / self.fps)

    def converted(self, frame: av.VideoFrame) -> av.VideoFrame:
        width, height = self.size
        return frame.reformat(width=width, height=height, format="yuv420p")

    def picture(self, rgb: npt.NDArray[np.uint8]) -> av.VideoFrame:
        """A still picture fitted into the frame, black bars where the shapes differ."""
        width, height = self.size
        source = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
        scale = min(width / source.width, height / source.height)
        fit_w = min(width, max(2, round(source.width * scale)))
        fit_h = min(height, max(2, round(source.height * scale)))
        fitted = source.reformat(width=fit_w, height=fit_h, format="rgb24").to_ndarray()
        canvas = np.zeros((height, width, 3), dtype=np.uint8)
        x, y = (width - fit_w) // 2, (height - fit_h) // 2
        canvas[y : y + fit_h, x : x + fit_w] = fitted
        return self.converted(av.VideoFrame.from_ndarray(canvas, format="rgb24"))

    def place(self, frame: av.VideoFrame, at_s: float) -> Packets:
        """Put ``frame`` in the slot at ``at_s``; gaps before it repeat the last picture."""
        slot = round(at_s * float(self.fps))
        if slot < self.next_slot:
            return  # two pictures in one slot: the first one stands
        yield from self.repeat(frame, slot - self.next_slot + 1)

    def fill_to(self, at_s: float, frame: av.VideoFrame) -> Packets:
        slots = math.ceil(at_s * float(self.fps) - 1e-6) - self.next_slot
        yield from self.repeat(frame, slots)

    def repeat(self, frame: av.VideoFrame, count: int) -> Packets:
        for _ in range(max(0, count)):
            frame.pts = self.next_slot
            frame.time_base = self.stream.codec_context.time_base
            self.next_slot += 1
            yield from self.stream.encode(frame)

    def close(self) -> Packets:
        yield from self.stream.encode(None)


def _audio_stream(out: av.container.OutputContainer) -> av.audio.stream.AudioStream:
    stream = out.add_stream("aac", rate=RATE)
    stream.layout = "stereo"
    stream.bit_rate = AUDIO_BIT_RATE
    return stream


def _mux(out: av.container.OutputContainer, packets: Packets) -> None:
    for packet in packets:
        out.mux(packet)


def _start(path: Path) -> float:
    """Where the recording's timeline begins: the earliest first *decoded* frame.

    Not the streams' start times: Qt's files carry the AAC encoder's priming packet at
    about -0.02 s and the first real picture and sound a second later, and the reader's
    moments count from the first picture and sound. Read in a container of its own, so
    the decoders of the encode start fresh.
    """
    starts: list[float] = []
    for kind in ("video", "audio"):
        with (
            contextlib.suppress(av.error.FFmpegError, OSError, StopIteration, IndexError),
            av.open(str(path)) as container,
        ):
            stream = getattr(container.streams, kind)[0]
            frame = next(f for f in container.decode(stream) if f.time is not None)
            starts.append(float(frame.time))
    return min(starts) if starts else 0.0


def _fps(stream: av.video.stream.VideoStream) -> Fraction:
    rate = stream.average_rate or stream.guessed_rate
    if rate is None or not 1 <= float(rate) <= 120:
        return DEFAULT_FPS
    return Fraction(rate).limit_denominator(1001)


def _even(width: int, height: int) -> tuple[int, int]:
    """yuv420p needs even sides."""
    return max(2, width - width % 2), max(2, height - height % 2)


def _card_picture(card: SlateCard) -> npt.NDArray[np.uint8]:
    """The card as RGB; a card that cannot be read is named, not ignored."""
    try:
        with av.open(str(card.image)) as container:
            frame = next(container.decode(video=0))
            return np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.uint8)
    except (av.error.FFmpegError, OSError, StopIteration) as exc:
        raise media_problem(card.image, exc) from None


def _write_problem(path: Path, exc: Exception) -> TapeError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return TapeError(f"{path}: cannot write the tape ({reason})")
