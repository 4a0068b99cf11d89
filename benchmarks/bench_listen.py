"""Listening: real-time factor, line-end delay and word accuracy, against the mic level.

Lines of a scene are spoken by eSpeak NG in several voices and speeds (with a pickup
silence before and room silence after), and each is fed through the listening pipeline
in 30 ms chunks as fast as the CPU allows. Printed for the words pipeline (WebRTC voice
activity + pocketsphinx biased to the script) and, from the same recordings in the same
run, for the microphone-level mode (energy detector, line ends after the app's 0.8 s
silence tail):

- real-time factor: CPU seconds per second of audio, one core (goal ≤ 0.3);
- line-end delay: from the last word's end to the partner coming in (median, goal ≤ 0.3 s);
- held beats: recordings with a 1.5 s pause mid-line where the partner came in early;
- word accuracy: share of the line's words recognised in order (close strictness).

- GUI event-loop gap: the largest gap between turns of the GUI's event loop while a
  rehearsal listens in the app (offscreen), with recordings fed in real time through the
  very path the microphone feeds (the listening worker thread for words; the level
  computed on the GUI thread, as the app's voice mode does, for the mic level); goal < 16 ms.

``--options`` also measures the alternatives behind the design: the recognition searches
(open vocabulary, keyword spotting, a JSGF grammar with a garbage loop, a line-only and the
three-tier bigram model) on right and wrong lines, and the two voice detectors.

Run: ``.venv/bin/python benchmarks/bench_listen.py [--options] [--quick]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from rehearsal.listen.activity import FRAME_SAMPLES, VoiceActivity, make_detector
from rehearsal.listen.audio import SAMPLE_RATE, Pcm, chunks
from rehearsal.listen.command import listen_to_samples
from rehearsal.listen.compare import Strictness, compare
from rehearsal.listen.models import find_model
from rehearsal.listen.recognizer import Recognizer, Search, _clean
from rehearsal.listen.vocabulary import COMMON_WORDS
from rehearsal.listen.words import normalise
from tests.listen.speech_audio import (
    LINE,
    LINE_HALVES,
    SCENE,
    VOICES,
    WRONG_LINE,
    SpokenRecording,
    recording,
)

if TYPE_CHECKING:
    import pocketsphinx

    from rehearsal.listen.pipeline import ListenResult

LINES = (LINE, *SCENE)
# the searches the app's Recognizer offers, beside the two it does not ("kws", "jsgf")
RECOGNIZER_SEARCHES: dict[str, Search] = {"open": "open", "line": "line", "tiers": "tiers"}


def _cases(quick: bool) -> list[tuple[str, str, SpokenRecording]]:
    voices = VOICES[:2] if quick else VOICES
    cases = []
    for voice, speed in voices:
        for text in LINES[:2] if quick else LINES:
            cases.append((f"{voice}@{speed}", text, recording(text, voice, speed)))
    return cases


def _run(
    rec: SpokenRecording, text: str, recognizer: Recognizer | None, detector: str
) -> tuple[ListenResult, float]:
    others = [line for line in LINES if line != text]
    start = time.process_time()
    result = listen_to_samples(rec.samples, text, recognizer, scene_lines=others, detector=detector)
    return result, time.process_time() - start


def main_table(quick: bool) -> None:
    model = find_model("en")
    assert model is not None
    recognizer = Recognizer(model)
    cases = _cases(quick)
    rows: dict[str, dict[str, list[float]]] = {}
    per_voice: dict[str, list[float]] = {}
    for mode, rec_or_none, detector in (
        ("words", recognizer, "webrtc"),
        ("mic level", None, "energy"),
    ):
        stats: dict[str, list[float]] = {"cpu": [], "audio": [], "delay": [], "acc": []}
        for voice, text, rec in cases:
            result, cpu = _run(rec, text, rec_or_none, detector)
            stats["cpu"].append(cpu)
            # only the audio the pipeline consumed counts (it stops once it decides)
            consumed = result.line_end.at if result.line_end else len(rec.samples) / SAMPLE_RATE
            stats["audio"].append(consumed)
            if result.line_end is not None:
                stats["delay"].append(result.line_end.at - rec.speech_end)
            if result.comparison is not None:
                stats["acc"].append(result.comparison.accuracy)
                per_voice.setdefault(voice, []).append(result.comparison.accuracy)
        early = 0
        for voice, speed in VOICES[:2] if quick else VOICES:
            rec = recording(LINE_HALVES, voice, speed, pause=1.5)
            result, _ = _run(rec, LINE, rec_or_none, detector)
            if result.line_end is None or result.line_end.at < rec.speech_end:
                early += 1
        stats["early"] = [early, len(VOICES[:2] if quick else VOICES)]
        rows[mode] = stats
    print(f"{len(cases)} recordings ({sum(rows['words']['audio']):.0f} s of audio listened to)")
    print(f"{'':24}{'words':>12}{'mic level':>12}")
    rtf = {m: sum(s["cpu"]) / sum(s["audio"]) for m, s in rows.items()}
    print(f"{'real-time factor':24}{rtf['words']:>12.4f}{rtf['mic level']:>12.4f}")
    delay = {m: statistics.median(s["delay"]) * 1000 for m, s in rows.items()}
    print(f"{'median line-end delay':24}{delay['words']:>10.0f}ms{delay['mic level']:>10.0f}ms")
    worst = {m: max(s["delay"]) * 1000 for m, s in rows.items()}
    print(f"{'worst line-end delay':24}{worst['words']:>10.0f}ms{worst['mic level']:>10.0f}ms")
    print(
        f"{'1.5 s beat came in early':24}"
        + "".join(f"{'{:.0f} of {:.0f}'.format(*s['early']):>12}" for s in rows.values())
    )
    acc = statistics.mean(rows["words"]["acc"])
    print(f"{'word accuracy (close)':24}{acc:>12.2f}{'—':>12}")
    for voice, values in per_voice.items():
        print(f"  {voice:22}{statistics.mean(values):>12.2f}")


def _decode_whole(decoder: pocketsphinx.Decoder, samples: Pcm) -> list[str]:
    decoder.start_utt()
    for chunk in chunks(samples, 30):
        decoder.process_raw(chunk.tobytes(), False, False)
    decoder.end_utt()
    hyp = decoder.hyp()
    return _clean(hyp.hypstr) if hyp is not None else []


def options_table(quick: bool) -> None:
    import pocketsphinx

    model = find_model("en")
    assert model is not None
    cases = _cases(quick)

    def base_config(**extra: object) -> pocketsphinx.Config:
        return pocketsphinx.Config(
            hmm=str(model.acoustic), dict=str(model.dictionary), loglevel="FATAL", **extra
        )

    def grammar(text: str) -> str:
        words = normalise(text)
        # a garbage loop of more than ~10 words runs slower than real time (40 words: 3x)
        garbage = " | ".join(COMMON_WORDS[:10])
        body = " ".join(f"[{w}]" for w in words)
        return (
            "#JSGF V1.0;\ngrammar line;\n"
            f"public <take> = <garbage>* {body} <garbage>*;\n<garbage> = {garbage};\n"
        )

    print(
        "\nrecognition searches (accuracy at close strictness; wrong = a different line "
        "scored against the expected one, lower is better)"
    )
    print(f"{'search':34}{'right':>8}{'wrong':>8}{'RTF':>8}")
    for name in ("open", "kws", "jsgf", "line", "tiers"):
        right: list[float] = []
        wrong: list[float] = []
        cpu, audio = 0.0, 0.0
        for _voice, text, rec in cases:
            for target, heard_text, bucket in ((text, text, right), (text, WRONG_LINE, wrong)):
                samples = rec.samples if heard_text == text else None
                if samples is None:
                    continue
                bucket_pairs = [(target, samples, bucket)]
                if bucket is right:
                    other = recording(WRONG_LINE, _voice.split("@")[0], int(_voice.split("@")[1]))
                    bucket_pairs.append((target, other.samples, wrong))
                for tgt, smp, bk in bucket_pairs:
                    t0 = time.process_time()
                    if name in RECOGNIZER_SEARCHES:
                        recognizer = Recognizer(model, RECOGNIZER_SEARCHES[name])
                        words = listen_to_samples(
                            smp, tgt, recognizer, scene_lines=[x for x in LINES if x != tgt]
                        ).heard
                    elif name == "kws":
                        decoder = pocketsphinx.Decoder(base_config())
                        phrases = "\n".join(f"{w} /1e-10/" for w in dict.fromkeys(normalise(tgt)))
                        decoder.add_kws("kws", phrases) if hasattr(
                            decoder, "add_kws_string"
                        ) else None
                        import os
                        import tempfile

                        handle, path = tempfile.mkstemp(suffix=".kws")
                        with os.fdopen(handle, "w") as f:
                            f.write(phrases + "\n")
                        decoder.add_kws("kws", path)
                        os.unlink(path)
                        decoder.activate_search("kws")
                        words = _decode_whole(decoder, smp)
                    else:
                        decoder = pocketsphinx.Decoder(base_config())
                        decoder.add_jsgf_string("jsgf", grammar(tgt))
                        decoder.activate_search("jsgf")
                        words = _decode_whole(decoder, smp)
                    cpu += time.process_time() - t0
                    audio += len(smp) / SAMPLE_RATE
                    bk.append(compare(tgt, words, Strictness.CLOSE).accuracy)
        print(
            f"{name:34}{statistics.mean(right):>8.2f}{statistics.mean(wrong):>8.2f}"
            f"{cpu / audio:>8.3f}"
        )

    detectors_table(cases)


def detectors_table(cases: list[tuple[str, str, SpokenRecording]]) -> None:
    print(
        "\nvoice detectors (30 ms frames; median error of the first start and last stop "
        "against the true speech edges, noise-only frames called voice, speech frames missed)"
    )
    print(f"{'detector':24}{'onset ms':>10}{'offset ms':>10}{'false %':>10}{'missed %':>10}")
    for snr in (None, 20.0, 10.0):
        for name in ("webrtc-ungated", "webrtc", "energy"):
            onsets, offsets = [], []
            false_frames = quiet_frames = missed = speech_frames = 0
            for _voice, _text, clean in cases:
                rec = clean.with_noise(snr) if snr is not None else clean
                truth = np.abs(clean.samples.astype(np.int32)) > 64
                activity = VoiceActivity(make_detector(name))
                events = []
                for index, chunk in enumerate(chunks(rec.samples, 30)):
                    events += activity.feed(chunk)
                    t = index * FRAME_SAMPLES / SAMPLE_RATE
                    frame = truth[index * FRAME_SAMPLES : (index + 1) * FRAME_SAMPLES]
                    if not frame.any() and (t < rec.speech_start - 0.1 or t > rec.speech_end + 0.3):
                        quiet_frames += 1
                        false_frames += activity.voiced_now
                    if frame.mean() > 0.5:
                        speech_frames += 1
                        missed += not activity.voiced_now
                starts = [e.at for e in events if e.kind == "start"]
                stops = [e.at for e in events if e.kind == "stop"]
                onsets.append(abs(starts[0] - rec.speech_start) * 1000 if starts else 9999)
                offsets.append(abs(stops[-1] - rec.speech_end) * 1000 if stops else 9999)
            label = f"{name} {'clean' if snr is None else f'{snr:.0f} dB'}"
            print(
                f"{label:24}{statistics.median(onsets):>10.0f}{statistics.median(offsets):>10.0f}"
                f"{100 * false_frames / max(1, quiet_frames):>10.1f}"
                f"{100 * missed / max(1, speech_frames):>10.1f}"
            )


def gui_table(quick: bool) -> None:
    """The largest event-loop gap while a take listens in the app, words vs mic level."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from rehearsal.engine.commands import State
    from rehearsal.engine.events import VoiceLevel
    from rehearsal.engine.settings import RehearsalSettings, WaitMode
    from rehearsal.script.model import (
        Dialogue,
        Element,
        Part,
        PartKind,
        Scene,
        Script,
        SourceFormat,
    )
    from rehearsal.ui.listening.follow import FollowMyWords
    from rehearsal.ui.listening.sources import RecordingSource
    from rehearsal.ui.mic_level import rms_level
    from rehearsal.ui.rehearsal_controller import RehearsalController
    from rehearsal.ui.rehearsal_screen import RehearsalScreen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    own = [LINE, SCENE[2]] if quick else [LINE, SCENE[2], SCENE[0]]
    partner = ["Then why can't I find them?", "Fine.", "Go on then."]
    elements: list[Element] = []
    for mine, theirs in zip(own, partner, strict=False):
        elements.append(Dialogue("MARCUS", [Part(PartKind.SPEECH, mine)]))
        elements.append(Dialogue("NADIA", [Part(PartKind.SPEECH, theirs)]))
    two_hander = Script(SourceFormat.FOUNTAIN, [Scene(elements=elements)], title="Bench")
    takes = [recording(text, "en-us+f3", 150, before=0.6, after=0.2).samples for text in own]

    def one_take(mode: WaitMode) -> tuple[float, float, float]:
        screen = RehearsalScreen()
        screen.resize(900, 700)
        screen.show()
        settings = RehearsalSettings(
            speech=False, partner_words_per_minute=400, wait_mode=mode, voice_tail_seconds=0.8
        )
        controller = RehearsalController(screen, two_hander, "MARCUS", settings)
        source = RecordingSource(list(takes), speed=1.0)
        follow = None
        if mode is WaitMode.WORDS:

            def factory(parent: QObject) -> RecordingSource:
                source.setParent(parent)
                return source

            follow = FollowMyWords(controller, source_factory=factory)
            follow.turn_started.connect(source.next_turn)
            loop = QEventLoop()
            follow.ready.connect(loop.quit)
            screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(mode.value))
            loop.exec()
        else:  # the app's voice mode: the level computed on the GUI thread, per read
            screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(mode.value))
            controller.voice.set_listening(False)  # no microphone: the recording stands in
            source.chunk.connect(lambda data: controller.send(VoiceLevel(rms_level(data))))
            controller.commands_run.connect(
                lambda commands: (
                    source.next_turn()
                    if any(type(c).__name__ == "WaitForActor" for c in commands)
                    else None
                )
            )
            source.start()
        clock = QElapsedTimer()
        gaps: list[float] = []
        beat = QTimer()
        beat.setInterval(1)
        last = [0.0]

        def on_beat() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            last[0] = now

        beat.timeout.connect(on_beat)
        clock.start()
        beat.start()
        cpu = time.process_time()
        wall = time.perf_counter()
        screen.action_start.trigger()
        while controller.engine.state is not State.FINISHED:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            if time.perf_counter() - wall > 120:
                raise RuntimeError("the take did not finish")
        beat.stop()
        cpu_share = (time.process_time() - cpu) / (time.perf_counter() - wall)
        controller.disconnect_screen()
        source.stop()
        screen.close()
        steady = sorted(gaps[5:])
        return steady[-1], steady[int(0.99 * len(steady))], cpu_share

    words_gap, words_p99, words_cpu = one_take(WaitMode.WORDS)
    level_gap, level_p99, level_cpu = one_take(WaitMode.VOICE)
    print(f"GUI while listening ({len(own)} lines fed in real time)")
    print(f"{'':24}{'words':>12}{'mic level':>12}")
    print(f"{'largest event-loop gap':24}{words_gap:>10.1f}ms{level_gap:>10.1f}ms")
    print(f"{'99th percentile gap':24}{words_p99:>10.1f}ms{level_p99:>10.1f}ms")
    print(f"{'GUI process CPU (cores)':24}{words_cpu:>12.2f}{level_cpu:>12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", action="store_true", help="also measure the alternatives")
    parser.add_argument("--quick", action="store_true", help="two voices, two lines")
    parser.add_argument("--detectors", action="store_true", help="only the voice detectors")
    parser.add_argument("--gui", action="store_true", help="only the GUI event-loop gap")
    args = parser.parse_args()
    if args.detectors:
        detectors_table(_cases(args.quick))
        return
    if args.gui:
        gui_table(args.quick)
        return
    main_table(args.quick)
    gui_table(args.quick)
    if args.options:
        options_table(args.quick)


if __name__ == "__main__":
    main()
