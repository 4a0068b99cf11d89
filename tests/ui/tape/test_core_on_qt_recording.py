"""The tape core on a recording Qt Multimedia really made, without a camera.

Generated pictures and a sine go through ``QVideoFrameInput`` and ``QAudioBufferInput``
into the same ``QMediaCaptureSession`` + ``QMediaRecorder`` a camera and microphone would
feed; the file Qt writes (MPEG-4 Part 2 + AAC in Matroska where Qt can, whatever it
offers otherwise) is then finished by the core and checked with PyAV.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QObject, QSize, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import (
    QAudioBuffer,
    QAudioBufferInput,
    QAudioFormat,
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
)
from pytestqt.qtbot import QtBot

from rehearsal.tape.finish import SlateCard, finish_take
from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.tape.probe import probe
from tests.tape.media import decode_audio, level_db, tone, write_png, write_wav

pytestmark = pytest.mark.gui

RATE = 48000
FPS = 30
SECONDS = 1.0
SIZE = QSize(640, 360)


class Feed(QObject):
    """Sends one second of pictures and sound as fast as the recorder takes them, then ends.

    The end (an empty frame and an empty buffer) goes through the same ready loop as the
    data: an input whose queue is full refuses it, and a refused end never stops the
    recorder, which is how a loaded machine once left the recording running for good.
    """

    def __init__(self, session: QMediaCaptureSession) -> None:
        super().__init__()
        frame_format = QVideoFrameFormat(SIZE, QVideoFrameFormat.PixelFormat.Format_RGBX8888)
        frame_format.setStreamFrameRate(FPS)
        self.video = QVideoFrameInput(frame_format, self)
        self.audio_format = QAudioFormat()
        self.audio_format.setSampleRate(RATE)
        self.audio_format.setChannelCount(1)
        self.audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.audio = QAudioBufferInput(self.audio_format, self)
        session.setVideoFrameInput(self.video)
        session.setAudioBufferInput(self.audio)
        self.video.readyToSendVideoFrame.connect(self.send_video)
        self.audio.readyToSendAudioBuffer.connect(self.send_audio)
        self.frames = 0
        self.samples = 0
        self.video_ended = False
        self.audio_ended = False
        self.sound = (tone(SECONDS, 440.0, 0.3) * 32767).astype("<i2")
        self.images = []
        for index in range(FPS):
            image = QImage(SIZE, QImage.Format.Format_RGBX8888)
            image.fill(QColor(40 + index * 5, 60, 90))
            self.images.append(image)

    @property
    def done(self) -> bool:
        return self.video_ended and self.audio_ended

    def send_video(self) -> None:
        while self.frames < round(SECONDS * FPS):
            frame = QVideoFrame(self.images[self.frames % len(self.images)])
            frame.setStartTime(round(self.frames * 1e6 / FPS))
            frame.setEndTime(round((self.frames + 1) * 1e6 / FPS))
            if not self.video.sendVideoFrame(frame):
                return  # readyToSendVideoFrame calls again
            self.frames += 1
        if not self.video_ended:
            self.video_ended = self.video.sendVideoFrame(QVideoFrame())

    def send_audio(self) -> None:
        while self.samples < len(self.sound):
            chunk = self.sound[self.samples : self.samples + RATE // 10]
            buffer = QAudioBuffer(
                QByteArray(chunk.tobytes()), self.audio_format, round(self.samples * 1e6 / RATE)
            )
            if not self.audio.sendAudioBuffer(buffer):
                return
            self.samples += len(chunk)
        if not self.audio_ended:
            self.audio_ended = self.audio.sendAudioBuffer(QAudioBuffer())


def _raw_format() -> tuple[QMediaFormat, str]:
    """Matroska with MPEG-4 Part 2 when Qt can write it (readable when cut short)."""
    mkv = QMediaFormat(QMediaFormat.FileFormat.Matroska)
    encode = QMediaFormat.ConversionMode.Encode
    if QMediaFormat.VideoCodec.MPEG4 in mkv.supportedVideoCodecs(encode):
        mkv.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
        mkv.setAudioCodec(QMediaFormat.AudioCodec.AAC)
        return mkv, ".mkv"
    mov = QMediaFormat(QMediaFormat.FileFormat.QuickTime)  # pragma: no cover - other builds
    mov.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
    mov.setAudioCodec(QMediaFormat.AudioCodec.AAC)
    return mov, ".mov"


def test_a_take_recorded_by_qt_is_finished_by_the_core(qtbot: QtBot, tmp_path: Path) -> None:
    library = TapeLibrary(tmp_path / "data")
    media_format, suffix = _raw_format()
    take = library.begin(TakeInfo("Hamlet", "Ophelia", "Hamlet", 2), suffix)

    session = QMediaCaptureSession()
    feed = Feed(session)  # the inputs before the recorder: Qt wires them to it then
    recorder = QMediaRecorder()
    session.setRecorder(recorder)
    recorder.setMediaFormat(media_format)
    recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
    recorder.setAudioSampleRate(RATE)
    # Qt 6.11 asks its frame and buffer inputs for data only when the recorder stops by
    # itself once they end; an empty frame and an empty buffer end them.
    recorder.setAutoStop(True)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(take.raw_path)))
    errors: list[str] = []
    recorder.errorOccurred.connect(lambda _error, text: errors.append(text))

    recorder.record()
    qtbot.waitUntil(lambda: feed.done or bool(errors), timeout=20000)
    assert not errors
    qtbot.waitUntil(
        lambda: recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState,
        timeout=20000,
    )
    assert take.raw_path.is_file(), recorder.actualLocation().toLocalFile()

    raw = probe(take.raw_path)
    assert raw.video_codec is not None
    assert raw.audio_present
    take.add_cue(write_wav(tmp_path / "line.wav", tone(0.3, 660, 0.5, rate=22050)), 0.5)
    card = SlateCard(write_png(tmp_path / "card.png", (640, 360), (10, 10, 10)), 1.0)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=card)

    facts = probe(done.path)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert (facts.width, facts.height) == (640, 360)
    assert facts.duration_s == pytest.approx(2.0, abs=0.2)
    assert done.slate_s == pytest.approx(1.0)
    sound = decode_audio(done.path)
    assert level_db(sound, 0.1, 0.9) < -60  # the card
    actor = level_db(sound, 1.1, 1.45)
    assert actor == pytest.approx(-13.5, abs=1.0)  # the 0.3 sine Qt recorded
    # The reader's line at 0.5 s into the take (after the card), 6 dB under the actor,
    # adds a quarter of the actor's power: +1 dB over the actor alone.
    assert level_db(sound, 1.55, 1.75) - actor == pytest.approx(0.97, abs=0.5)
    assert level_db(sound, 1.85, 1.95) - actor == pytest.approx(0.0, abs=0.3)
    assert not take.raw_path.exists()
