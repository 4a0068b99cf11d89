"""How fast the rehearsal screen is on a feature-length script.

    .venv/bin/python benchmarks/bench_screen.py [SCRIPT]

Builds a long script (the 38-page corpus screenplay four times over, or SCRIPT),
then times laying out the rehearsal screen, re-laying it out (a hiding-level change) and
moving the highlight, against putting the same text into a plain QTextEdit in the same
run: the ratio says what the screenplay layout and element tracking cost.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextEdit

from rehearsal.script.loader import parse_bytes, read_script_bytes
from rehearsal.script.model import Script
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "jumpcut" / "gumshoe.fountain"
DEMO = ROOT / "resources" / "scenes" / "demo-night-shift.fountain"
RUNS = 7


def long_script(path: Path | None) -> tuple[Script, str]:
    """The script to time and its text as one string."""
    if path is not None:
        data = read_script_bytes(path)
        return parse_bytes(data, path.suffix), data.decode("utf-8", "replace")
    source = CORPUS if CORPUS.exists() else DEMO
    data = read_script_bytes(source)
    body = data.split(b"\n\n", 5)[-1]
    repeats = 3 if source == CORPUS else 60
    big = data + b"\n\n" + b"\n\n".join([body] * repeats)
    return parse_bytes(big, ".fountain"), big.decode("utf-8", "replace")


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    script, text = long_script(Path(argv[1]) if len(argv) > 1 else None)
    speeches = sum(1 for _ in script.dialogues())
    print(f"script: {speeches} speeches in {len(script.scenes)} scenes, {len(text)} characters")
    screen = RehearsalScreen()
    screen.resize(1000, 800)
    screen.show()
    role = max(script.characters, key=lambda name: script.line_counts()[name])
    controller = RehearsalController(screen, script, role)
    plain = QTextEdit()
    baseline = median_ms(lambda: plain.setPlainText(text))
    layout = median_ms(lambda: screen.view.show_script(script, role, controller._hidden_parts))
    relayout = median_ms(screen.view.refresh)
    keys = screen.view.element_keys()
    step = max(1, len(keys) // 200)

    def walk() -> None:
        for key in keys[::step]:
            screen.view.highlight(key)

    highlight = median_ms(walk, 3) / len(keys[::step])
    print(f"plain QTextEdit.setPlainText (baseline): {baseline:8.1f} ms")
    print(f"rehearsal screen layout:                 {layout:8.1f} ms  ({layout / baseline:.1f}x)")
    print(
        f"re-layout (hiding level changed):        {relayout:8.1f} ms  ({relayout / baseline:.1f}x)"
    )
    print(f"move the highlight to the next line:     {highlight:8.2f} ms")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
