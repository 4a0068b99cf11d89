"""The ``rehearsal`` command: parse sides, list voices, show history, open the app.

Every subcommand turns expected failures into one line on stderr and exit status 2
(``rehearsal: error: FILE: what is wrong``), because actors and scripts both read it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from rehearsal import __version__
from rehearsal.script.errors import ScriptImportError
from rehearsal.script.model import Dialogue, Script

EXIT_USAGE = 2


def _error(message: str) -> int:
    print(f"rehearsal: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def summary(script: Script) -> str:
    """A readable overview: title, characters with their line counts, scenes."""
    lines = [f"Title: {script.title or '(untitled)'}", f"Format: {script.format.value}"]
    counts = script.line_counts()
    lines.append(f"Characters ({len(counts)}):")
    for name in script.characters:
        lines.append(f"  {name:<24} {counts[name]:>4} line{'s' if counts[name] != 1 else ''}")
    lines.append(f"Scenes ({len(script.scenes)}):")
    for index, scene in enumerate(script.scenes, 1):
        speeches = sum(1 for e in scene.elements if isinstance(e, Dialogue))
        number = f"{scene.number} " if scene.number else ""
        heading = scene.heading or "(no heading)"
        lines.append(f"  {index:>3}. {number}{heading} — {speeches} speeches")
    lines.extend(f"Warning: {w}" for w in script.warnings)
    return "\n".join(lines)


def _cmd_parse(args: argparse.Namespace) -> int:
    from rehearsal.parse_command import run_parse

    try:
        return run_parse(args)
    except ScriptImportError as exc:
        return _error(str(exc))


def _cmd_gui(args: argparse.Namespace) -> int:
    from rehearsal.ui.app import run_app

    return run_app(
        file=args.file,
        demo=args.demo,
        data_dir=args.data_dir,
        verbose=args.verbose,
        quit_after_load=args.quit_after_load,
    )


def _cmd_history(args: argparse.Namespace) -> int:
    from rehearsal.paths import default_paths
    from rehearsal.store.database import StoreError
    from rehearsal.store.history_cli import DEFAULT_LIMIT, print_history

    # Text shows the recent sessions a person can read; JSON is the full record by default.
    if args.all:
        limit = None
    elif args.limit is not None:
        limit = args.limit
    else:
        limit = None if args.json else DEFAULT_LIMIT
    try:
        print(print_history(default_paths(args.data_dir), limit, args.json))
    except StoreError as exc:
        return _error(str(exc))
    return 0


def _cmd_voices(args: argparse.Namespace) -> int:
    from rehearsal.speech.voices import SpeechUnavailableError, format_voice_table

    try:
        print(format_voice_table())
    except SpeechUnavailableError as exc:
        return _error(str(exc))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from rehearsal.checkup import run
    from rehearsal.paths import default_paths

    return run(default_paths(args.data_dir), args.json)


def _cmd_lines(args: argparse.Namespace) -> int:
    from rehearsal.memory.command import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; separate so tests and docs can inspect it."""
    parser = argparse.ArgumentParser(
        prog="rehearsal", description="Rehearse a scene with a reader and a director."
    )
    parser.add_argument("--version", action="version", version=f"rehearsal {__version__}")
    parser.add_argument(
        "--data-dir", help="keep the database, cache and logs here (default: per-user folders)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_parse = sub.add_parser("parse", help="import a script and print what was found")
    p_parse.add_argument("file", help="a .fountain, .fdx, .pdf or plain-text play")
    p_parse.add_argument("--json", action="store_true", help="print the script as JSON")
    p_parse.add_argument("--raw", action="store_true", help="the import as read, uncorrected")
    p_parse.set_defaults(func=_cmd_parse)

    p_history = sub.add_parser("history", help="print the rehearsals you have done")
    p_history.add_argument("--json", action="store_true", help="the full record as JSON")
    p_history.add_argument("--limit", type=int, default=None, help="most recent N sessions")
    p_history.add_argument("--all", action="store_true", help="every session")
    p_history.set_defaults(func=_cmd_history)

    from rehearsal.memory.command import add_arguments as add_lines_arguments

    p_lines = sub.add_parser("lines", help="list the part's lines with their memory and next run")
    add_lines_arguments(p_lines)
    p_lines.set_defaults(func=_cmd_lines)

    p_voices = sub.add_parser("voices", help="list the voices the speech engine offers")
    p_voices.set_defaults(func=_cmd_voices)

    p_check = sub.add_parser(
        "check", help="say which parts work here: speech, listening, devices, export"
    )
    p_check.add_argument("--json", action="store_true", help="the checks as JSON")
    p_check.set_defaults(func=_cmd_check)

    from rehearsal.listen.command import add_parser as add_listen_parser

    add_listen_parser(sub)

    p_gui = sub.add_parser("gui", help="open the app")
    p_gui.add_argument("file", nargs="?", help="sides to open")
    p_gui.add_argument("--demo", action="store_true", help="open the bundled demo scene")
    p_gui.add_argument(
        "--quit-after-load",
        action="store_true",
        help="exit once the script is shown and stored (0) or failed to open (1), printing "
        "when each happened: for smoke tests and the startup benchmark",
    )
    p_gui.set_defaults(func=_cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rehearsal`` console script."""
    if getattr(sys, "frozen", False):  # only a bundle needs it; saves loading it elsewhere
        import multiprocessing

        multiprocessing.freeze_support()  # the bundled app spawns the speech worker from itself
    from rehearsal.paths import private_umask

    private_umask()  # what SQLite, Qt and the logs create on their own stays private too
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        result: int = args.func(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    return result


def _quiet_after_broken_pipe() -> int:
    """End quietly when the reader of stdout has gone (``rehearsal parse --json | head``).

    Unix tools stop without a word when their output is closed: what was wanted has been
    read. Python would otherwise print a traceback, and again at exit when it flushes
    stdout, so stdout is pointed at /dev/null first.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests): nothing left to flush anyway
    return 0


def gui_main() -> int:
    """Entry point of the ``rehearsal-gui`` launcher: the app, with optional file argument."""
    return main(["gui", *sys.argv[1:]] if len(sys.argv) > 1 else ["gui", "--demo"])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
