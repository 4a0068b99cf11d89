"""``rehearsal parse``: a script as the actor rehearses it, and how sure its import is.

By default the corrections the actor made in the app (found by the file's content in the
data folder's database, read-only) are applied, so ``--json`` is what rehearsals use;
``--raw`` prints the import as read. The JSON format is fixed by PARSE_FORMAT.md, which
has no place for findings, so the import's confidence goes to stderr as warnings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rehearsal.script.confidence import Finding, FindingKind, Level, Report, assess
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.lines import HEADING
from rehearsal.script.model import Script


def _where(finding: Finding, script_scenes: int) -> str:
    """``scene 3: `` for a finding with a place, so the actor can find it in the app."""
    if finding.location is None or not 0 <= finding.location.scene < script_scenes:
        return ""
    if finding.location.element == HEADING:
        return f"scene {finding.location.scene + 1}, heading: "
    return f"scene {finding.location.scene + 1}: "


def confidence_lines(report: Report, scenes: int) -> list[str]:
    """The report as warning sentences; the importer's own warnings are printed apart."""
    findings = [f for f in report.findings if f.kind is not FindingKind.IMPORT_WARNING]
    if not findings:
        return []
    lines = [f"{report.label} ({len(findings)} to look at)"] if report.level != Level.SURE else []
    lines.extend(f"{_where(f, scenes)}{f.message}" for f in findings)
    return lines


def _read(path: Path) -> tuple[Script, bytes]:
    from rehearsal.script.loader import parse_bytes, read_script_bytes

    data = read_script_bytes(path)
    try:
        return parse_bytes(data, path.suffix), data
    except ScriptImportError as exc:
        exc.path = path
        raise


def run_parse(args: argparse.Namespace) -> int:
    """Print the script (summary or JSON) and its warnings.

    Raises :class:`ScriptImportError` naming the file on bad input; the CLI prints it.
    """
    from rehearsal.cli import summary
    from rehearsal.script.serialize import script_to_dict

    script, data = _read(Path(args.file))
    notes: list[str] = list(script.warnings)
    ids = None
    if not args.raw:
        from rehearsal.paths import default_paths
        from rehearsal.script.corrections import apply_with_report
        from rehearsal.store.corrections_lookup import stored_corrections

        corrections, problem = stored_corrections(default_paths(args.data_dir), data)
        if problem:
            notes.append(problem)
        if corrections:
            applied = apply_with_report(script, corrections)
            script, ids = applied.script, applied.ids
            count = len(corrections) - len(applied.skipped)
            notes.append(
                f"{count} of your correction{'s' if len(corrections) != 1 else ''} applied "
                "(--raw shows the import as read)"
            )
    if args.json:
        json.dump(script_to_dict(script), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(summary(script))
    notes.extend(confidence_lines(assess(script, ids), len(script.scenes)))
    for note in notes:
        print(f"rehearsal: warning: {args.file}: {note}", file=sys.stderr)
    return 0
