"""Scoring importers against the shared corpus with the corpus's own ``score.py``.

The scorer is loaded from ``../shared/corpus/score.py`` so the tests judge exactly as the
people who steer the project do; tests skip when the corpus is absent.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from rehearsal.script.loader import load_script
from rehearsal.script.serialize import script_to_dict


def load_scorer(corpus: Path) -> ModuleType:
    """Import ``score.py`` from the corpus folder as a module."""
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(corpus: Path, suffix: str) -> list[Path]:
    """Every corpus file with ``suffix`` that has a truth JSON, sorted."""
    return sorted(
        p
        for p in corpus.rglob(f"*{suffix}")
        if "truth" not in p.parts and (corpus / "truth" / f"{p.relative_to(corpus)}.json").exists()
    )


@dataclass
class Score:
    """How one file scored: blocks matched, truth blocks, blocks the import invented."""

    matched: int
    total: int
    extra: int

    @property
    def exact(self) -> bool:
        return self.matched == self.total and self.extra == 0


def score_file(corpus: Path, path: Path) -> tuple[Score, dict[str, Any]]:
    """Import ``path`` and compare it with its truth; returns the score and our JSON."""
    scorer = load_scorer(corpus)
    truth = json.loads((corpus / "truth" / f"{path.relative_to(corpus)}.json").read_text("utf-8"))
    result = script_to_dict(load_script(path))
    matched, total, extra, *_ = scorer.compare(truth, result)
    return Score(matched, total, extra), result


def diff_report(corpus: Path, path: Path, result: dict[str, Any]) -> str:
    """The differing blocks, truth '-' and result '+', to make a failing test readable."""
    scorer = load_scorer(corpus)
    truth = json.loads((corpus / "truth" / f"{path.relative_to(corpus)}.json").read_text("utf-8"))
    t_blocks, r_blocks = scorer.blocks(truth), scorer.blocks(result)
    import difflib

    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=t_blocks, b=r_blocks, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines.extend(f"- {b}" for b in t_blocks[i1:i2])
        lines.extend(f"+ {b}" for b in r_blocks[j1:j2])
    return "\n".join(lines[:40])
