"""A line's identity across imports: keys that survive re-import, corrections and moves.

The memory of a line must not be lost because the writer fixed a typo, a scene gained a
speech, or the actor re-imported the PDF. Positions change with every insertion and the
text changes with every correction, so neither alone identifies a line. A line is known by
a *key* given when it is first seen, and a new import is matched to the known lines in
passes, surest first:

1. the same words on the same cue (in order, so repeated lines pair up one by one);
2. the same words on another cue: the line moved, or the partner's line changed;
3. similar words (a corrected line), near where the line would be between the lines
   already matched or on the same cue, ranked by how alike the words are, whether the cue
   is the same, and how far the line moved.

Lines left over on the old side are kept by the caller (nothing lost: they come back if
the line returns); lines left over on the new side get fresh keys.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rehearsal.memory.part import PartLine

SIMILAR_TEXT = 0.75
"""How alike two lines' words must be to count as one line corrected."""
SIMILAR_ON_SAME_CUE = 0.5
"""The lower bar when the cue is unchanged too: the line was rewritten in place."""
SEARCH_WINDOW = 12
"""How many lines either side of its expected place a corrected line is looked for: a
line both moved far and reworded is taken for a new line."""


@dataclass(frozen=True, slots=True)
class LineFingerprint:
    """What is remembered of a line to find it again: its key, words, cue and position."""

    key: str
    text: str
    cue: str
    position: int


def fingerprint(key: str, line: PartLine) -> LineFingerprint:
    """The fingerprint a line is stored with."""
    return LineFingerprint(key, line.normalised, line.normalised_cue, line.position)


def new_key(line: PartLine, taken: set[str]) -> str:
    """A fresh key from the line's words and cue, made unique against ``taken``.

    Derived from the content rather than counted, so the same part imported twice on two
    machines gives the same keys.
    """
    digest = hashlib.sha256(f"{line.normalised}\n{line.normalised_cue}".encode()).hexdigest()
    base = digest[:12]
    key = base
    suffix = 2
    while key in taken:
        key = f"{base}-{suffix}"
        suffix += 1
    return key


def _expected_positions(
    anchors: Sequence[tuple[int, int]], new_count: int, old_count: int
) -> list[float]:
    """Where each new line would sit in the old part, interpolated between matched lines.

    ``anchors`` are (new position, old position) pairs already matched, in new order; with
    none, the part is scaled as a whole.
    """
    points = [(-1, -1.0), *((n, float(o)) for n, o in anchors), (new_count, float(old_count))]
    points.sort()
    out: list[float] = []
    for position in range(new_count):
        after = bisect.bisect_left(points, (position, float("-inf")))
        before = after - 1
        if points[after][0] == position:
            out.append(points[after][1])
            continue
        (n0, o0), (n1, o1) = points[before], points[after]
        out.append(o0 + (o1 - o0) * (position - n0) / (n1 - n0))
    return out


def match_lines(old: Sequence[LineFingerprint], new: Sequence[PartLine]) -> dict[int, str]:
    """Which known key each line of a new import carries: ``{new position: old key}``.

    Lines that match nothing are absent from the result. Similar words are only looked for
    near where the line would be (:data:`SEARCH_WINDOW`) or on the same cue, which keeps a
    re-import of a long part quick even when every line changed.
    """
    matched: dict[int, str] = {}
    used: set[str] = set()
    by_key = {fp.key: fp for fp in old}

    exact: dict[tuple[str, str], list[LineFingerprint]] = defaultdict(list)
    for fp in sorted(old, key=lambda f: f.position):
        exact[(fp.text, fp.cue)].append(fp)
    for line in new:
        bucket = exact.get((line.normalised, line.normalised_cue))
        if bucket:
            fp = bucket.pop(0)
            matched[line.position] = fp.key
            used.add(fp.key)

    def expected() -> list[float]:
        anchors = sorted((n, by_key[k].position) for n, k in matched.items())
        return _expected_positions(anchors, len(new), max(1, len(old)))

    where = expected()
    same_text: dict[str, list[LineFingerprint]] = defaultdict(list)
    for fp in old:
        if fp.key not in used:
            same_text[fp.text].append(fp)
    for line in new:
        if line.position in matched:
            continue
        candidates = [fp for fp in same_text.get(line.normalised, []) if fp.key not in used]
        if candidates:
            fp = min(candidates, key=lambda f: abs(f.position - where[line.position]))
            matched[line.position] = fp.key
            used.add(fp.key)

    where = expected()
    left_old = sorted((fp for fp in old if fp.key not in used), key=lambda f: f.position)
    old_positions = [fp.position for fp in left_old]
    on_cue: dict[str, list[LineFingerprint]] = defaultdict(list)
    for fp in left_old:
        if fp.cue:
            on_cue[fp.cue].append(fp)
    window = SEARCH_WINDOW
    scale = max(1, len(old))
    scored: list[tuple[float, int, str]] = []
    matcher = SequenceMatcher(None, autojunk=False)
    for line in new:
        if line.position in matched:
            continue
        centre = where[line.position]
        lo = bisect.bisect_left(old_positions, centre - window)
        hi = bisect.bisect_right(old_positions, centre + window)
        near = {fp.key: fp for fp in left_old[lo:hi]}
        near.update((fp.key, fp) for fp in on_cue.get(line.normalised_cue, []))
        matcher.set_seq2(line.normalised)
        for fp in near.values():
            same_cue = bool(fp.cue) and fp.cue == line.normalised_cue
            bar = SIMILAR_ON_SAME_CUE if same_cue else SIMILAR_TEXT
            matcher.set_seq1(fp.text)
            if matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar:
                continue
            ratio = matcher.ratio()
            if ratio < bar:
                continue
            moved = abs(fp.position - centre) / scale
            score = ratio + (0.2 if same_cue else 0.0) - 0.5 * moved
            scored.append((score, line.position, fp.key))
    for _score, position, key in sorted(scored, key=lambda s: (-s[0], s[1])):
        if position in matched or key in used:
            continue
        matched[position] = key
        used.add(key)
    return matched


def assign_keys(old: Sequence[LineFingerprint], new: Sequence[PartLine]) -> list[str]:
    """A key for every line of ``new``: the matched old key, or a fresh one."""
    matched = match_lines(old, new)
    taken = {fp.key for fp in old} | set(matched.values())
    keys: list[str] = []
    for line in new:
        key = matched.get(line.position)
        if key is None:
            key = new_key(line, taken)
            taken.add(key)
        keys.append(key)
    return keys
