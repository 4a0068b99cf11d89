"""How fast ``rehearsal parse`` reads PDF sides, as a whole process, against the floor.

The floor is what any PDF importer must pay: a Python process that starts, opens the same PDF
with pypdfium2 and reads every page's text and every character's box. The measured command is
``rehearsal parse FILE`` in a process of its own (start-up, imports, reading, layout and
classification, output). Both run in turns within each round, so a busy machine slows both
alike; the ratio of the medians is the number to watch (the goal is at most 2x).

By default the file is a feature-length screenplay (the corpus's longest script rendered four
times in a Final Draft-like layout with the test suite's PDF factory, about 128 pages); give
paths to time other PDFs. ``--corpus-table`` adds the in-process import time and the score of
every PDF in the shared corpus.

    .venv/bin/python benchmarks/bench_pdf.py [PDF ...] [--repeat 7] [--corpus-table]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parent.parent

#: The floor: open, then every page's text and every character's box, through pypdfium2.
FLOOR_CODE = """
import sys
import pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
boxes = 0
for page in doc:
    text = page.get_textpage()
    count = text.count_chars()
    text.get_text_range(0, count)
    for i in range(count):
        text.get_charbox(i, loose=True)
        boxes += 1
    text.close()
    page.close()
doc.close()
print(boxes)
"""


def default_corpus() -> Path:
    """``$REHEARSAL_SHARED_DIR/corpus`` or ``../shared/corpus`` beside the checkout."""
    env = os.environ.get("REHEARSAL_SHARED_DIR")
    return (Path(env) if env else REPO_ROOT.parent / "shared") / "corpus"


def load_scorer(corpus: Path) -> ModuleType | None:
    """The corpus's own ``score.py``, so blocks are compared exactly as the truth is scored."""
    path = corpus / "score.py"
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    if not path.exists() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def feature_length(corpus: Path) -> bytes | None:
    """About 128 pages: the longest corpus script four times, in a Final Draft-like layout."""
    truth_path = corpus / "truth" / "jumpcut" / "gumshoe.fdx.json"
    if not truth_path.exists():
        return None
    sys.path.insert(0, str(REPO_ROOT))
    try:
        from tests.script import pdf_factory
    except ImportError:  # reportlab (a dev dependency) is missing
        return None
    truth = json.loads(truth_path.read_text("utf-8"))
    big = copy.deepcopy(truth)
    for _ in range(3):
        big["scenes"].extend(copy.deepcopy(truth["scenes"]))
    layout = pdf_factory.layout(scene_numbers=True, header="JANE ACTOR 05/12/2024")
    return pdf_factory.render(big, layout)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def _run(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_processes(path: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Wall times of ``rehearsal parse`` and of the floor, in turns, after one warm-up each."""
    parse = [sys.executable, "-m", "rehearsal", "parse", str(path)]
    floor = [sys.executable, "-c", FLOOR_CODE, str(path)]
    parse_times: list[float] = []
    floor_times: list[float] = []
    for round_ in range(repeat + 1):
        p = _run(parse)
        f = _run(floor)
        if round_:
            parse_times.append(p)
            floor_times.append(f)
    return parse_times, floor_times


def corpus_table(corpus: Path) -> None:
    """In-process import time and blocks-exact score of each corpus PDF."""
    from rehearsal.script.import_pdf import import_bytes
    from rehearsal.script.serialize import script_to_dict

    scorer = load_scorer(corpus)
    print(f"\n{'corpus file':<34} {'import s':>9}  blocks")
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        data = path.read_bytes()
        start = time.perf_counter()
        result = import_bytes(data)
        elapsed = time.perf_counter() - start
        truth_file = corpus / "truth" / f"{path.relative_to(corpus)}.json"
        score = "-"
        if scorer is not None and truth_file.exists():
            truth = json.loads(truth_file.read_text("utf-8"))
            matched, total, extra, *_ = scorer.compare(truth, script_to_dict(result))
            score = f"{matched}/{total} exact, {extra} extra"
        print(f"{path.relative_to(corpus)!s:<34} {elapsed:9.3f}  {score}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--corpus-table", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        paths: list[tuple[str, Path]] = [(str(p), p) for p in args.pdfs]
        if not paths:
            data = feature_length(args.corpus)
            if data is None:
                print("give PDFs, or install reportlab and keep the corpus", file=sys.stderr)
                return 2
            feature = Path(tmp) / "feature.pdf"
            feature.write_bytes(data)
            paths.append(("feature-length (rendered)", feature))
        print(
            f"{'file':<28} {'pages':>5} {'parse med/min s':>16} {'floor med/min s':>16} "
            f"{'ratio med':>9} {'ratio min':>9} {'paired':>7}"
        )
        for name, path in paths:
            parse_times, floor_times = time_processes(path, args.repeat)
            p_med, f_med = statistics.median(parse_times), statistics.median(floor_times)
            p_min, f_min = min(parse_times), min(floor_times)
            # Each round runs both back to back: the median of the rounds' own ratios is
            # the steadiest figure on a machine whose load changes from round to round.
            paired = statistics.median(p / f for p, f in zip(parse_times, floor_times, strict=True))
            print(
                f"{name:<28} {page_count(path):>5} {p_med:8.3f}/{p_min:<7.3f} "
                f"{f_med:8.3f}/{f_min:<7.3f} {p_med / f_med:8.2f}x {p_min / f_min:8.2f}x "
                f"{paired:6.2f}x"
            )
    if args.corpus_table and args.corpus.is_dir():
        corpus_table(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
