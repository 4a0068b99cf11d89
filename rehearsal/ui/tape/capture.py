"""Recording a take with Qt Multimedia: the camera and microphone, or generated frames.

One :class:`TapeCapture` owns a ``QMediaCaptureSession`` and its ``QMediaRecorder``; what
feeds the session is a source: :class:`CameraSource` (a ``QCamera`` and a ``QAudioInput``
chosen in Settings, or only the microphone for an audio-only tape) or
:class:`GeneratedSource` (``QVideoFrameInput`` + ``QAudioBufferInput``, Qt 6.8+), which
the tests and the benchmark use on machines without a camera. Both go through the same
session, recorder and file, so what the tests check is what the actor records.

Qt's own FFmpeg has no H.264 encoder, so the raw take is Matroska with MPEG-4 video and
FLAC sound: a Matroska file cut short by a crash or a full disk is still readable up to
where it stopped (an MP4 without its index is not), and lossless sound keeps the only
lossy audio step for the final AAC that :mod:`rehearsal.tape` makes with PyAV.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import (
    QAudioBuffer,
    QAudioBufferInput,
    QAudioDevice,
    QAudioFormat,
    QAudioInput,
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
)

from rehearsal.atomic_file import PRIVATE_FILE
from rehearsal.ui.tape.tape_prefs import device_key
from rehearsal.ui.theme import STUDIO, pixel_font

log = logging.getLogger(__name__)

VIDEO_SUFFIX = ".mkv"
AUDIO_SUFFIX = ".mka"
FALLBACK_VIDEO_SUFFIX = ".mov"
FALLBACK_AUDIO_SUFFIX = ".m4a"
TARGET_SIZE = QSize(1920, 1080)
"""The largest camera picture asked for: casting sites scale everything to HD or below."""
MIN_FPS = 24.0
SAMPLE_RATE = 48_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("TapeCapture", text)


@dataclass(frozen=True)
class RawFormat:
    """How the raw take is written: the container, its codecs and the file's suffix."""

    media_format: QMediaFormat
    suffix: str


def raw_format(video: bool) -> RawFormat:
    """Matroska with MPEG-4 and FLAC when Qt can write it; QuickTime/MP4 with AAC if not.

    The fallback is readable by PyAV too, but a file cut short loses its index; that is why
    Matroska comes first.
    """
    mkv = QMediaFormat(QMediaFormat.FileFormat.Matroska)
    encode = QMediaFormat.ConversionMode.Encode
    if mkv.isSupported(encode):
        audio_codecs = mkv.supportedAudioCodecs(encode)
        audio = (
            QMediaFormat.AudioCodec.FLAC
            if QMediaFormat.AudioCodec.FLAC in audio_codecs
            else QMediaFormat.AudioCodec.AAC
        )
        mkv.setAudioCodec(audio)
        if not video:
            return RawFormat(mkv, AUDIO_SUFFIX)
        if QMediaFormat.VideoCodec.MPEG4 in mkv.supportedVideoCodecs(encode):
            mkv.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
            return RawFormat(mkv, VIDEO_SUFFIX)
    if not video:
        m4a = QMediaFormat(QMediaFormat.FileFormat.Mpeg4Audio)
        m4a.setAudioCodec(QMediaFormat.AudioCodec.AAC)
        return RawFormat(m4a, FALLBACK_AUDIO_SUFFIX)
    mov = QMediaFormat(QMediaFormat.FileFormat.QuickTime)
    mov.setAudioCodec(QMediaFormat.AudioCodec.AAC)
    mov.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
    return RawFormat(mov, FALLBACK_VIDEO_SUFFIX)


class _Device(Protocol):
    def id(self) -> QByteArray: ...

    def isNull(self) -> bool: ...


_D = TypeVar("_D", bound=_Device)


def _chosen(devices: Sequence[_D], default: _D, key: str) -> _D | None:
    """The device Settings chose (``key``: its id as hex text), else the system's default,
    else the first there is, else None (it was unplugged, or there is none)."""
    for device in devices:
        if key and device_key(device.id().data()) == key:
            return device
    if not default.isNull():
        return default
    return devices[0] if devices else None


def find_camera(camera_id: str) -> QCameraDevice | None:
    """The camera Settings chose, else the default one, else None."""
    return _chosen(QMediaDevices.videoInputs(), QMediaDevices.defaultVideoInput(), camera_id)


def find_microphone(microphone_id: str) -> QAudioDevice | None:
    """The microphone Settings chose, else the default input, else None."""
    return _chosen(QMediaDevices.audioInputs(), QMediaDevices.defaultAudioInput(), microphone_id)


def best_camera_format(device: QCameraDevice) -> QCameraFormat | None:
    """The sharpest picture up to full HD at 24 fps or more (30 preferred), if listed."""

    def score(fmt: QCameraFormat) -> tuple[int, int, float]:
        size = fmt.resolution()
        fits = size.width() <= TARGET_SIZE.width() and size.height() <= TARGET_SIZE.height()
        return (int(fits), size.width() * size.height(), -abs(fmt.maxFrameRate() - 30.0))

    usable = [fmt for fmt in device.videoFormats() if fmt.maxFrameRate() >= MIN_FPS]
    return max(usable, key=score) if usable else None


def camera_permission_problem() -> str | None:
    """Plain words when the system refuses the camera (macOS, Windows); None when allowed.

    On Linux, and where Qt cannot ask, the answer is "allowed": the camera itself then
    reports any trouble when it starts.
    """
    from PySide6.QtCore import QCameraPermission

    app = QCoreApplication.instance()
    if app is None:
        return None
    status = app.checkPermission(QCameraPermission())
    if status is Qt.PermissionStatus.Denied:
        return _tr(
            "Rehearsal is not allowed to use the camera. Allow it in your system's privacy "
            "settings, or record an audio-only tape."
        )
    return None


class CameraSource(QObject):
    """The actor's camera (unless audio only) and microphone, as Settings chose them."""

    problem = Signal(str)  # the camera or microphone failed after it started

    def __init__(
        self,
        camera: QCameraDevice | None,
        microphone: QAudioDevice | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.camera: QCamera | None = None
        if camera is not None:
            self.camera = QCamera(camera, self)
            fmt = best_camera_format(camera)
            if fmt is not None:
                self.camera.setCameraFormat(fmt)
            self.camera.errorOccurred.connect(self._on_camera_error)
        self.audio_input = QAudioInput(microphone, self) if microphone is not None else None

    @property
    def video(self) -> bool:
        return self.camera is not None

    def attach(self, session: QMediaCaptureSession) -> None:
        """Feed ``session`` and start the camera, so the preview shows before recording."""
        if self.camera is not None:
            session.setCamera(self.camera)
            self.camera.start()
        if self.audio_input is not None:
            session.setAudioInput(self.audio_input)

    def begin(self, clock_zero: float) -> None:
        """The recorder is writing: a camera feeds it by itself."""
        del clock_zero

    def end(self) -> None:
        """Recording stopped; the camera keeps running for the preview."""

    def close(self) -> None:
        if self.camera is not None:
            self.camera.stop()

    def _on_camera_error(self, error: QCamera.Error, message: str) -> None:
        if error is not QCamera.Error.NoError:
            self.problem.emit(_tr("The camera stopped: %s") % (message or error.name))


class GeneratedSource(QObject):
    """Frames and a tone made in the program, pushed through Qt's frame and buffer inputs.

    ``realtime`` paces them by the clock, as a camera would deliver them (the window's tests
    and the benchmark); otherwise ``seconds`` of picture and sound go in as fast as the
    recorder takes them. The pictures are drawn once (a second's worth, a bar moving across)
    and reused, so feeding them costs the GUI thread next to nothing, as a camera would.
    ``dropped`` counts frames the recorder refused or that were late by a whole frame.
    """

    frames_sent = Signal(int)

    def __init__(
        self,
        size: QSize | None = None,
        fps: float = 30.0,
        *,
        realtime: bool = True,
        seconds: float | None = None,
        audio: bool = True,
        video: bool = True,
        tone_hz: float = 440.0,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        size = size if size is not None else QSize(1280, 720)
        self.size, self.fps, self.realtime, self.seconds = size, fps, realtime, seconds
        self._clock = clock
        self._video = video
        self._zero = 0.0
        self.sent = 0
        self.dropped = 0
        self.audio_sent_s = 0.0
        self._running = False
        self._ring = self._draw_ring() if video else []
        frame_format = QVideoFrameFormat(size, QVideoFrameFormat.PixelFormat.Format_RGBX8888)
        frame_format.setStreamFrameRate(fps)
        self.video_input = QVideoFrameInput(frame_format, self) if video else None
        self.audio_format = QAudioFormat()
        self.audio_format.setSampleRate(SAMPLE_RATE)
        self.audio_format.setChannelCount(1)
        self.audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.audio_input = QAudioBufferInput(self.audio_format, self) if audio else None
        t = np.arange(SAMPLE_RATE) / SAMPLE_RATE
        self._tone = (np.sin(2 * math.pi * tone_hz * t) * 8000).astype("<i2")
        self._samples = 0
        self._video_ready = self._audio_ready = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, int(1000 / fps / 2)))
        self._timer.timeout.connect(self._on_tick)

    @property
    def video(self) -> bool:
        return self._video

    def _draw_ring(self) -> list[QImage]:
        frames = max(1, round(self.fps))
        ring = []
        w, h = self.size.width(), self.size.height()
        for index in range(frames):
            image = QImage(self.size, QImage.Format.Format_RGBX8888)
            image.fill(QColor(STUDIO.test_picture))
            painter = QPainter(image)
            painter.fillRect(
                int(w * index / frames), 0, max(4, w // frames), h, QColor(STUDIO.test_bar)
            )
            painter.setPen(QColor(STUDIO.test_text))
            painter.setFont(pixel_font(max(10, h // 12)))
            painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, f"{index + 1}")
            painter.end()
            ring.append(image)
        return ring

    def attach(self, session: QMediaCaptureSession) -> None:
        if self.video_input is not None:
            session.setVideoFrameInput(self.video_input)
            self.video_input.readyToSendVideoFrame.connect(self._on_video_ready)
        if self.audio_input is not None:
            session.setAudioBufferInput(self.audio_input)
            self.audio_input.readyToSendAudioBuffer.connect(self._on_audio_ready)

    def begin(self, clock_zero: float) -> None:
        """Start feeding; timestamps count from ``clock_zero`` on the source's clock."""
        self._zero = clock_zero
        self._running = True
        if self.realtime:
            self._timer.start()
        else:
            QTimer.singleShot(0, self, self._on_tick)

    def end(self) -> None:
        """Stop feeding, after sending what is due by now: a camera and a microphone would
        have delivered it, and a loaded event loop may not have ticked for a while."""
        if self._running and self.realtime:
            self._on_tick()
        self._running = False
        self._timer.stop()

    def close(self) -> None:
        self.end()

    def _on_video_ready(self) -> None:
        self._video_ready = True
        if not self.realtime:
            self._on_tick()

    def _on_audio_ready(self) -> None:
        self._audio_ready = True
        if not self.realtime:
            self._on_tick()

    def _due(self) -> float:
        if self.realtime:
            due = self._clock() - self._zero
            return min(due, self.seconds) if self.seconds is not None else due
        return self.seconds if self.seconds is not None else 0.0

    def _on_tick(self) -> None:
        if not self._running:
            return
        due = self._due()
        self._send_video(due)
        self._send_audio(due)

    def _send_video(self, due: float) -> None:
        if self.video_input is None or not self._video_ready:
            return
        period = 1.0 / self.fps
        target = int(due * self.fps) + 1 if self.realtime else round(due * self.fps)
        if self.seconds is not None:
            target = min(target, round(self.seconds * self.fps))
        if self.realtime and target - self.sent > 2:  # the loop stalled: a camera loses these
            self.dropped += target - self.sent - 1
            self.sent = target - 1
        while self.sent < target:
            frame = QVideoFrame(self._ring[self.sent % len(self._ring)])
            frame.setStartTime(int(self.sent * period * 1e6))
            frame.setEndTime(int((self.sent + 1) * period * 1e6))
            if not self.video_input.sendVideoFrame(frame):
                self._video_ready = False  # until readyToSendVideoFrame
                if self.realtime:
                    self.dropped += 1
                    self.sent += 1
                    continue
                return  # not realtime: readyToSendVideoFrame calls back
            self.sent += 1
        self.frames_sent.emit(self.sent)

    def _send_audio(self, due: float) -> None:
        if self.audio_input is None or not self._audio_ready:
            return
        target = int(due * SAMPLE_RATE)
        while self._samples < target:
            count = min(target - self._samples, SAMPLE_RATE // 10)
            start = self._samples % SAMPLE_RATE
            chunk = np.take(self._tone, range(start, start + count), mode="wrap")
            buffer = QAudioBuffer(
                QByteArray(chunk.tobytes()),
                self.audio_format,
                int(self._samples * 1e6 / SAMPLE_RATE),
            )
            if not self.audio_input.sendAudioBuffer(buffer):
                self._audio_ready = False
                return
            self._samples += count
        self.audio_sent_s = self._samples / SAMPLE_RATE


CaptureSource = CameraSource | GeneratedSource


class TapeCapture(QObject):
    """One capture session and recorder, fed by ``source``; records one file at a time.

    ``started`` comes when the recorder is writing (``elapsed_s`` counts from then: the
    reader's cues are placed on that clock), ``stopped(path)`` when the file is closed,
    ``failed(message)`` when recording could not start or broke off (the disk filled, the
    device vanished): whatever was written stays on disk.
    """

    started = Signal()
    stopped = Signal(str)
    failed = Signal(str)
    duration_changed = Signal(int)  # ms written, as the recorder reports it

    def __init__(
        self,
        source: CaptureSource,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._clock = clock
        self.session = QMediaCaptureSession(self)
        source.attach(self.session)  # before the recorder: Qt wires the inputs to it then
        self.recorder = QMediaRecorder(self)
        self.session.setRecorder(self.recorder)
        self.raw = raw_format(source.video)
        self.recorder.setMediaFormat(self.raw.media_format)
        self.recorder.setQuality(QMediaRecorder.Quality.VeryHighQuality)
        self.recorder.setAudioSampleRate(SAMPLE_RATE)
        # Qt 6.11 never says a frame or buffer input is ready to take data unless the
        # recorder stops by itself when its inputs end; ``stop`` still ends it early.
        self.recorder.setAutoStop(isinstance(source, GeneratedSource))
        self.recorder.recorderStateChanged.connect(self._on_state)
        self.recorder.errorOccurred.connect(self._on_error)
        self.recorder.durationChanged.connect(self._on_duration)
        self._zero: float | None = None
        self._path: Path | None = None
        self._failed = False

    @property
    def suffix(self) -> str:
        """The raw file's suffix (what ``TapeLibrary.begin`` is told)."""
        return self.raw.suffix

    @property
    def path(self) -> Path | None:
        return self._path

    def set_preview(self, output: QObject) -> None:
        """Show the picture in ``output`` (a ``QGraphicsVideoItem`` or a ``QVideoSink``)."""
        self.session.setVideoOutput(output)

    def is_recording(self) -> bool:
        return self.recorder.recorderState() is QMediaRecorder.RecorderState.RecordingState

    def elapsed_s(self) -> float:
        """Seconds into the recording (0 before it starts)."""
        return 0.0 if self._zero is None else max(0.0, self._clock() - self._zero)

    def record(self, path: Path) -> None:
        """Start writing ``path``; ``started`` or ``failed`` follows."""
        self._path = path
        self._failed = False
        self._zero = None
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self.recorder.record()

    def stop(self) -> None:
        """Close the file; ``stopped`` follows once it is complete on disk."""
        self.source.end()
        if self.recorder.recorderState() is not QMediaRecorder.RecorderState.StoppedState:
            self.recorder.stop()

    def close(self) -> None:
        """Stop recording and release the devices (the window is closing)."""
        self.stop()
        self.source.close()

    def _on_state(self, state: QMediaRecorder.RecorderState) -> None:
        if state is QMediaRecorder.RecorderState.RecordingState and self._zero is None:
            self._keep_private()
            self._zero = self._clock()
            self.source.begin(self._zero)
            self.started.emit()
        elif state is QMediaRecorder.RecorderState.StoppedState and self._path is not None:
            self.source.end()
            self._keep_private()
            path, self._path = self._path, None
            if not self._failed:
                self.stopped.emit(str(path))

    def _keep_private(self) -> None:
        """Qt creates the file with the default mode: the actor's tapes are theirs alone."""
        if self._path is not None:
            with contextlib.suppress(OSError):
                self._path.chmod(PRIVATE_FILE)

    def _on_error(self, error: QMediaRecorder.Error, message: str) -> None:
        if error is QMediaRecorder.Error.NoError:
            return
        name = self._path.name if self._path is not None else ""
        log.warning("recording %s failed: %s (%s)", name, message, error.name)
        self._failed = True
        self.source.end()
        if error is QMediaRecorder.Error.OutOfSpaceError:
            text = _tr("The disk is full: %s stopped where it was.") % name
        elif error is QMediaRecorder.Error.LocationNotWritable:
            text = _tr("Cannot write %s: the folder is not writable.") % name
        else:
            text = _tr("Recording %(file)s stopped: %(why)s") % {
                "file": name,
                "why": message or error.name,
            }
        self.failed.emit(text)

    def _on_duration(self, ms: int) -> None:
        self.duration_changed.emit(int(ms))
