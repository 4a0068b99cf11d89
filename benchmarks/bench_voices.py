"""How clearly does each voice speak? Word accuracy of an offline recogniser, per voice.

The same fixed script lines (the first 20 speeches of 4-20 words in the bundled demo
scenes) are synthesised with every installed voice — Flite's, Festival's, and eSpeak NG's
English voices with the variants casting uses — and transcribed by the app's own recogniser
(rehearsal.listen, pocketsphinx) in open vocabulary (its general US-English language
model, no grammar of the expected words).
Word accuracy is 1 - word error rate over all lines (0 when the errors outnumber the
words). A machine is a harsher listener than a person, but it ranks voices the same way,
and eSpeak NG ``en-us`` (the voice the app used alone so far) is measured in the same run
as the baseline. Render time is the wall time of one line's synthesis, cache bypassed.

    python benchmarks/bench_voices.py [--lines N] [--voices ID,ID] [--write-scores]

``--write-scores`` stores the result in ``rehearsal/speech/voice_scores.json``, which
automatic casting reads (the app never measures at start-up). Needs the ``bench`` extra
(``pip install -e .[bench]`` brings pocketsphinx).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rehearsal.script.loader import load_script  # noqa: E402
from rehearsal.speech.backends import SpeechBackends  # noqa: E402
from rehearsal.speech.casting import FEMALE_VARIANTS, MALE_VARIANTS, VoiceSettings  # noqa: E402
from rehearsal.speech.render import RenderError  # noqa: E402

BASELINE = "gmw/en-us"
SCENES = ("demo-night-shift.fountain", "demo-the-lighthouse-keepers.txt")
SCORES_PATH = ROOT / "rehearsal" / "speech" / "voice_scores.json"


def script_lines(count: int) -> list[str]:
    """The fixed test lines: speeches of 4-20 words from the demo scenes, in order."""
    lines: list[str] = []
    for name in SCENES:
        script = load_script(ROOT / "resources" / "scenes" / name)
        for scene in script.scenes:
            for dialogue in scene.dialogues():
                words = dialogue.speech.split()
                if 4 <= len(words) <= 20 and dialogue.speech not in lines:
                    lines.append(dialogue.speech)
    return lines[:count]


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


class Listener:
    """Open-vocabulary transcription of a WAV file by the app's own recogniser.

    :class:`rehearsal.listen.recognizer.Recognizer` with ``search="open"``: the full
    dictionary and the general English language model that ship in the pocketsphinx
    wheel, with none of the script biasing the listening partner adds. The recording is
    read and resampled by :func:`rehearsal.listen.audio.read_wav` and fed in the live
    pipeline's chunk size.

    One listener per voice: pocketsphinx adapts its cepstral normalisation from one
    utterance to the next, so a shared decoder would let one voice's audio colour the
    next voice's score (runs differed by up to 0.08 before this).
    """

    def __init__(self) -> None:
        from rehearsal.listen.models import find_model
        from rehearsal.listen.recognizer import Recognizer

        model = find_model("en")
        if model is None:
            raise SystemExit("bench_voices: no English pocketsphinx model is installed")
        self.recognizer = Recognizer(model, search="open")

    def transcribe(self, path: Path) -> str:
        from rehearsal.listen.audio import chunks, read_wav

        for chunk in chunks(read_wav(path).samples):
            self.recognizer.feed(chunk)
        return " ".join(self.recognizer.finish())


@dataclass
class Result:
    voice: str
    backend: str
    accuracy: float
    render_seconds: float


def voices_to_test(backends: SpeechBackends, wanted: list[str] | None) -> list[str]:
    catalog = backends.catalog
    found = [v.id for v in catalog.voices if v.backend != "pyttsx3"]
    found += [v for v in ("gmw/en", "gmw/en-gb-scotland") if catalog.voice(v) is not None]
    if catalog.voice(BASELINE) is not None:
        found += [f"{BASELINE}+{v}" for v in (*MALE_VARIANTS[:3], *FEMALE_VARIANTS[:3])]
    found = [BASELINE] + [v for v in found if v != BASELINE]
    if wanted:
        found = [v for v in found if v in wanted or v == BASELINE]
    return list(dict.fromkeys(found))


def measure(
    backends: SpeechBackends, listener: Listener, voice: str, lines: list[str], folder: Path
) -> Result:
    errors = total = 0
    times: list[float] = []
    settings = VoiceSettings(voice)
    for n, line in enumerate(lines):
        path = folder / f"{n}.wav"
        started = time.perf_counter()
        try:
            backends.synthesize(line, settings, path)
        except RenderError as exc:
            print(f"  {voice}: line {n} failed: {exc}", file=sys.stderr)
            errors += len(words_of(line))
            total += len(words_of(line))
            continue
        times.append(time.perf_counter() - started)
        ref = words_of(line)
        errors += edit_distance(ref, words_of(listener.transcribe(path)))
        total += len(ref)
    accuracy = max(0.0, 1.0 - errors / total) if total else 0.0
    return Result(
        voice,
        backends.catalog.backend_of(voice),
        accuracy,
        statistics.median(times) if times else 0.0,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--voices", help="comma-separated voice ids (the baseline is added)")
    parser.add_argument("--write-scores", action="store_true", help=f"write {SCORES_PATH.name}")
    args = parser.parse_args()
    lines = script_lines(args.lines)
    backends = SpeechBackends.start()
    for reason in backends.skipped:
        print(f"left out: {reason}")
    voices = voices_to_test(backends, args.voices.split(",") if args.voices else None)
    print(f"{len(lines)} lines, {len(voices)} voices, pocketsphinx open vocabulary\n")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-voices-") as folder:
        for voice in voices:
            result = measure(backends, Listener(), voice, lines, Path(folder))
            results.append(result)
            print(
                f"  {voice:36} {result.backend:9} accuracy {result.accuracy:.2f}"
                f"  render {result.render_seconds * 1000:6.0f} ms",
                flush=True,
            )
    baseline = next(r for r in results if r.voice == BASELINE)
    print(f"\n| voice | backend | word accuracy | × {BASELINE} | render (median) |")
    print("|---|---|---|---|---|")
    for r in sorted(results, key=lambda r: -r.accuracy):
        ratio = r.accuracy / baseline.accuracy if baseline.accuracy else float("inf")
        print(
            f"| `{r.voice}` | {r.backend} | {r.accuracy:.2f} | {ratio:.1f} |"
            f" {r.render_seconds * 1000:.0f} ms |"
        )
    if args.write_scores:
        data = {
            "measured": datetime.date.today().isoformat(),
            "method": f"pocketsphinx open vocabulary, {len(lines)} demo-scene lines",
            "voices": {
                r.voice: {
                    "accuracy": round(r.accuracy, 3),
                    "render_seconds": round(r.render_seconds, 3),
                }
                for r in sorted(results, key=lambda r: r.voice)
            },
        }
        SCORES_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {SCORES_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
