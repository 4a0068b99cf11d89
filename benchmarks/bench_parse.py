"""How fast Rehearsal parses scripts, against screenplain measured in the same run.

Parses the largest Fountain and the largest FDX fixture of the shared corpus N times and
prints the median time per file. When screenplain is importable (``pip install
screenplain`` into the venv; it is not a dependency) the Fountain file is also parsed by
screenplain, turn about with Rehearsal, and the median of the per-round ratios printed,
together with whether both found the same dialogue blocks: a faster parser that reads the
script differently would prove nothing.

    .venv/bin/python benchmarks/bench_parse.py [--repeat 30] [--corpus DIR] [--check]

It first measures a generated ~49 MB Fountain file and one at the text limit (10 MB), each
in a fresh process so the peak memory is that file's alone, and prints time and peak
memory next to the baseline measured before text files were limited.

On the Fountain file both sides do the same work on bytes already in memory: decode and
parse (Rehearsal's importer also sniffs the encoding and refuses binary data). The FDX file
goes through ``load_script`` like any file the app opens. ``--check`` exits with status 1
when the Fountain parse is under the target ratio or the blocks differ.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from rehearsal.script.cues import split_cue
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.import_fountain import import_bytes
from rehearsal.script.loader import load_script
from rehearsal.script.serialize import script_to_dict

TARGET_RATIO = 4.0
REPO_ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    """``$REHEARSAL_SHARED_DIR/corpus`` or ``../shared/corpus`` beside the checkout."""
    env = os.environ.get("REHEARSAL_SHARED_DIR")
    return (Path(env) if env else REPO_ROOT.parent / "shared") / "corpus"


def largest(corpus: Path, suffix: str) -> Path | None:
    """The biggest fixture with ``suffix`` (the ground-truth folder left out)."""
    files = [p for p in corpus.rglob(f"*{suffix}") if "truth" not in p.relative_to(corpus).parts]
    return max(files, key=lambda p: p.stat().st_size, default=None)


#: Each timed sample repeats a parse until it lasts about this long, so a short parse and a
#: long one are measured over the same stretch of time and a busy machine hits both alike.
SAMPLE_SECONDS = 0.02


def timings(*runs: Callable[[], object], repeat: int) -> list[list[float]]:
    """Seconds per call of each of ``runs``: ``repeat`` samples each, taken turn about.

    A warm-up call sizes each sample (enough calls to last :data:`SAMPLE_SECONDS`); then
    the runs take turns round by round, so the ratio of one round's times stays
    meaningful even when other work shares the machine.
    """
    calls = []
    for run in runs:
        start = time.perf_counter()
        run()
        calls.append(max(1, round(SAMPLE_SECONDS / max(time.perf_counter() - start, 1e-6))))
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, count, samples in zip(runs, calls, times, strict=True):
            start = time.perf_counter()
            for _ in range(count):
                run()
            samples.append((time.perf_counter() - start) / count)
    return times


def load_scorer(corpus: Path) -> ModuleType | None:
    """The corpus's own ``score.py``, to compare blocks exactly as the truth is scored."""
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    if spec is None or spec.loader is None or not (corpus / "score.py").exists():
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def screenplain_parser() -> Callable[[bytes], Any] | None:
    """A function that parses Fountain bytes with screenplain, or None when absent."""
    try:
        from screenplain.parsers import fountain
    except ImportError:
        return None

    def parse(data: bytes) -> Any:
        return fountain.parse(io.StringIO(data.decode("utf-8-sig")))

    return parse


def screenplain_dialogue(screenplay: Any) -> dict[str, Any]:
    """screenplain's dialogue in the ``rehearsal parse --json`` shape, for scoring."""
    from screenplain.types import Dialog, DualDialog

    def convert(dialog: Any, dual: bool) -> dict[str, Any]:
        name, extension = split_cue(str(dialog.character))
        parts: list[list[str]] = []
        for is_parenthetical, line in dialog.blocks:
            kind = "parenthetical" if is_parenthetical else "speech"
            text = str(line)
            open_paren = kind == "parenthetical" and parts and not parts[-1][1].endswith(")")
            if parts and parts[-1][0] == kind and (kind == "speech" or open_paren):
                parts[-1][1] += " " + text
            else:
                parts.append([kind, text])
        return {
            "type": "dialogue",
            "character": name,
            "extension": extension,
            "dual": dual,
            "content": [{"type": kind, "text": text} for kind, text in parts],
        }

    elements: list[dict[str, Any]] = []
    for paragraph in screenplay:
        if isinstance(paragraph, Dialog):
            elements.append(convert(paragraph, False))
        elif isinstance(paragraph, DualDialog):
            elements.append(convert(paragraph.left, True))
            elements.append(convert(paragraph.right, True))
    return {"scenes": [{"heading": None, "number": None, "elements": elements}]}


#: Measured on the development machine before text files over MAX_TEXT_BYTES were refused:
#: the 49 MB file parsed, slowly, into half a million speeches.
BASELINE_49MB = (6.3, 491.0)  # seconds, peak MB (the first report: 34 s, 519 MB)

_CHILD = """
import resource, sys, time
start = time.perf_counter()
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.loader import load_script
try:
    script = load_script(sys.argv[1])
    outcome = f"parsed, {len(script.scenes)} scenes"
except ScriptImportError as exc:
    outcome = f"refused: {exc}"
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{elapsed:.2f} {peak:.0f} {outcome}")
"""


def generated_fountain(path: Path, size: int) -> Path:
    """A Fountain file of about ``size`` bytes: scenes of eight short speeches each."""
    names = ("ANNA", "BEN", "CAL", "NINA", "DETECTIVE RUIZ")
    with path.open("w", encoding="utf-8") as out:
        out.write("Title: Generated\n\n")
        written, scene = 0, 0
        while written < size:
            scene += 1
            block = [f"INT. ROOM {scene} - NIGHT\n\nRain hammers the window.\n\n"]
            for line in range(8):
                name = names[(scene + line) % len(names)]
                block.append(f"{name}\n(quietly)\nI told you line {line} of scene {scene}.\n\n")
            text = "".join(block)
            out.write(text)
            written += len(text)
    return path


def bench_large() -> None:
    """Time and peak memory of a 49 MB and a 10 MB Fountain file, each in its own process."""
    from rehearsal.script.loader import MAX_TEXT_BYTES

    seconds, megabytes = BASELINE_49MB
    with tempfile.TemporaryDirectory() as folder:
        for label, size in (("49 MB", 49_000_000), ("at limit", MAX_TEXT_BYTES - 4096)):
            path = generated_fountain(Path(folder) / f"{size}.fountain", size)
            result = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path)],
                capture_output=True,
                text=True,
                check=True,
                cwd=REPO_ROOT,
            )
            elapsed, peak, outcome = result.stdout.strip().split(" ", 2)
            print(f"Large     {label:<8} ({size / 1e6:.1f} MB) {outcome[:60]}")
            print(f"  time         {float(elapsed):8.2f} s    peak memory {float(peak):6.0f} MB")
            if size == 49_000_000:
                print(f"  baseline     {seconds:8.2f} s    peak memory {megabytes:6.0f} MB")


def describe(path: Path, corpus: Path) -> str:
    return f"{path.relative_to(corpus)} ({path.stat().st_size / 1000:.1f} kB)"


def bench_fountain(corpus: Path, repeat: int) -> bool:
    """Time the Fountain side; returns False when it misses the target."""
    path = largest(corpus, ".fountain")
    if path is None:
        print("Fountain: no .fountain file in the corpus")
        return False
    print(f"Fountain  {describe(path, corpus)}, median of {repeat} samples")
    data = path.read_bytes()
    parse = screenplain_parser()
    if parse is None:
        [ours] = timings(lambda: import_bytes(data), repeat=repeat)
        print(f"  rehearsal    {statistics.median(ours) * 1000:8.2f} ms")
        print("  screenplain not installed (.venv/bin/pip install screenplain to compare)")
        return True
    ours, theirs = timings(lambda: import_bytes(data), lambda: parse(data), repeat=repeat)
    # The median of the per-round ratios: a load spike in one round does not move it.
    ratio = statistics.median(b / a for a, b in zip(ours, theirs, strict=True))
    print(f"  rehearsal    {statistics.median(ours) * 1000:8.2f} ms")
    print(f"  screenplain  {statistics.median(theirs) * 1000:8.2f} ms")
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"  ratio        {ratio:8.1f}x faster ({verdict} the {TARGET_RATIO:g}x target)")
    scorer = load_scorer(corpus)
    if scorer is None:
        print("  blocks       not compared (no score.py in the corpus)")
        return ratio >= TARGET_RATIO
    mine = script_to_dict(load_script(path))
    matched, total, extra, *_ = scorer.compare(mine, screenplain_dialogue(parse(data)))
    same = matched == total and extra == 0
    state = "same" if same else f"DIFFER ({matched}/{total} match, {extra} extra)"
    print(f"  blocks       {state} ({total} dialogue blocks)")
    return same and ratio >= TARGET_RATIO


def bench_fdx(corpus: Path, repeat: int) -> None:
    path = largest(corpus, ".fdx")
    if path is None:
        print("FDX: no .fdx file in the corpus")
        return
    print(f"FDX       {describe(path, corpus)}, median of {repeat} samples")
    try:
        load_script(path)
    except (ScriptImportError, ModuleNotFoundError) as exc:
        print(f"  not measured: {exc}")
        return
    [ours] = timings(lambda: load_script(path), repeat=repeat)
    print(f"  rehearsal    {statistics.median(ours) * 1000:8.2f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", "-n", type=int, default=30, help="timed samples per file")
    parser.add_argument("--corpus", type=Path, default=None, help="the shared corpus folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when under target")
    args = parser.parse_args(argv)
    bench_large()
    corpus: Path = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"bench_parse: no corpus at {corpus} (give --corpus DIR)", file=sys.stderr)
        return 2
    repeat = max(1, args.repeat)
    ok = bench_fountain(corpus, repeat)
    bench_fdx(corpus, repeat)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
