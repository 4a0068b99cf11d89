"""How fast Rehearsal imports PDF sides, against a pdfplumber word pass in the same run.

For each PDF of the shared corpus (``corpus/pdf``) and each path given, prints the median
import time, the time pdfplumber's ``extract_words()`` takes over the same pages (the
accurate but slow way to read positioned text; ``pip install pdfplumber`` into the venv,
it is only a benchmark extra), their ratio, and the blocks-exact score where the corpus has
a truth file. ``--feature`` adds a feature-length screenplay (the corpus's longest script
rendered four times in a Final Draft-like layout with the test suite's PDF factory) to
check the goal of under 1.5 s for about 128 pages.

    .venv/bin/python benchmarks/bench_pdf.py [PDF ...] [--repeat 5] [--corpus DIR] [--feature]

The two readers take turns within each round, so a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import io
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from rehearsal.script.errors import ScriptImportError
from rehearsal.script.import_pdf import import_bytes
from rehearsal.script.serialize import script_to_dict

REPO_ROOT = Path(__file__).resolve().parent.parent


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


def plumber_pass() -> Callable[[bytes], int] | None:
    """A function running pdfplumber's ``extract_words`` on every page, or None."""
    try:
        import pdfplumber
    except ImportError:
        return None

    def run(data: bytes) -> int:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return sum(len(page.extract_words()) for page in pdf.pages)

    return run


def median_times(runs: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median wall time of each run over ``repeat`` interleaved rounds after a warm-up."""
    samples: list[list[float]] = [[] for _ in runs]
    for round_ in range(repeat + 1):
        for run, times in zip(runs, samples, strict=True):
            start = time.perf_counter()
            run()
            if round_:
                times.append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


def feature_length(corpus: Path) -> tuple[str, bytes, dict[str, Any]] | None:
    """About 130 pages: the longest corpus script four times, in a Final Draft-like layout."""
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
    return "feature-length (rendered)", pdf_factory.render(big, layout), big


def _bind(function: Callable[[bytes], object], data: bytes) -> Callable[[], object]:
    return lambda: function(data)


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--feature", action="store_true", help="add a ~128-page screenplay")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.corpus)
    cases: list[tuple[str, bytes, dict[str, Any] | None]] = []
    for path in sorted((args.corpus / "pdf").glob("*.pdf")) if args.corpus.is_dir() else []:
        truth_file = args.corpus / "truth" / f"{path.relative_to(args.corpus)}.json"
        truth = json.loads(truth_file.read_text("utf-8")) if truth_file.exists() else None
        cases.append((str(path.relative_to(args.corpus)), path.read_bytes(), truth))
    cases.extend((str(p), p.read_bytes(), None) for p in args.pdfs)
    if args.feature:
        extra = feature_length(args.corpus)
        if extra is None:
            print("--feature needs the corpus and reportlab", file=sys.stderr)
        else:
            cases.append(extra)
    if not cases:
        print("no PDFs: give paths or a corpus with pdf/*.pdf", file=sys.stderr)
        return 2

    plumber = plumber_pass()
    if plumber is None:
        print("pdfplumber is not installed: only Rehearsal's times are shown", file=sys.stderr)
    print(f"{'file':<34} {'pages':>5} {'import s':>9} {'pdfplumber s':>12} {'ratio':>7}  blocks")
    for name, data, truth in cases:
        try:
            result = import_bytes(data)
        except ScriptImportError as exc:
            print(f"{name:<34} error: {exc}")
            continue
        runs: list[Callable[[], object]] = [_bind(import_bytes, data)]
        if plumber is not None:
            runs.append(_bind(plumber, data))
        times = median_times(runs, args.repeat)
        ratio = f"{times[1] / times[0]:6.1f}x" if len(times) > 1 else "      -"
        plumber_s = f"{times[1]:12.3f}" if len(times) > 1 else f"{'-':>12}"
        score = "-"
        if truth is not None and scorer is not None:
            matched, total, extra, *_ = scorer.compare(truth, script_to_dict(result))
            score = (
                f"{matched}/{total} exact, {extra} extra ({scorer.pct(matched, total, extra):.1f}%)"
            )
        print(f"{name:<34} {page_count(data):>5} {times[0]:9.3f} {plumber_s} {ratio}  {score}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
