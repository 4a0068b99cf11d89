"""What a media file holds: container, codecs, picture size, frame rate, length, sound.

The takes list, the export (copy or transcode?), the checks after every encode and the
tests all ask the same questions of a file, so they ask them here. Only the headers are
read, unless the container does not know its own length (a cut-short Matroska file): then
the packets are walked, without decoding, to find where the last one ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import av.error

from rehearsal.tape.errors import TapeError, media_problem


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """The facts about one media file that the tape code decides by."""

    container: str
    """FFmpeg's demuxer name, e.g. ``mov,mp4,m4a,3gp,3g2,mj2`` or ``matroska,webm``."""
    video_codec: str | None
    width: int | None
    height: int | None
    fps: float | None
    duration_s: float | None
    audio_codec: str | None
    audio_present: bool

    @property
    def is_h264_aac(self) -> bool:
        """Whether casting sites take the file as it is (MP4 with H.264 and AAC)."""
        return "mp4" in self.container and self.video_codec == "h264" and self.audio_codec == "aac"


def probe(path: Path) -> MediaFacts:
    """The facts about ``path``; raises :class:`TapeError` naming it when it is not media."""
    path = Path(path)
    if not path.is_file():
        raise TapeError(f"{path}: the file is not there")
    try:
        with av.open(str(path), "r") as container:
            video = container.streams.video[0] if container.streams.video else None
            audio = container.streams.audio[0] if container.streams.audio else None
            if video is None and audio is None:
                raise TapeError(f"{path}: holds neither picture nor sound")
            duration = _header_duration(container)
            if duration is None:
                duration = _walked_duration(container)
            fps: float | None = None
            if video is not None:
                rate = video.average_rate or video.guessed_rate
                fps = float(rate) if rate else None
            return MediaFacts(
                container=container.format.name,
                video_codec=video.codec_context.name if video is not None else None,
                width=video.codec_context.width if video is not None else None,
                height=video.codec_context.height if video is not None else None,
                fps=fps,
                duration_s=duration,
                audio_codec=audio.codec_context.name if audio is not None else None,
                audio_present=audio is not None,
            )
    except (av.error.FFmpegError, OSError, ValueError, IndexError) as exc:
        raise media_problem(path, exc) from None


def _header_duration(container: av.container.InputContainer) -> float | None:
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / av.time_base
    return None


def _walked_duration(container: av.container.InputContainer) -> float | None:
    """The end of the last packet, for files whose header does not say their length."""
    start: float | None = None
    end: float | None = None
    try:
        for packet in container.demux():
            if packet.pts is None or packet.time_base is None:
                continue
            at = float(packet.pts * packet.time_base)
            length = float((packet.duration or 0) * packet.time_base)
            start = at if start is None else min(start, at)
            end = at + length if end is None else max(end, at + length)
    except av.error.FFmpegError:
        pass  # a cut-short file: its length is as far as it can be read
    if start is None or end is None:
        return None
    return max(0.0, end - start)
