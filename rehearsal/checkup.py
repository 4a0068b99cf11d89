"""``rehearsal check``: what works on this machine, in one screen.

When the partner stays silent, does not listen, or a self-tape cannot be exported, the
question is always which part is missing: the speech engine, the speech model, a
microphone, a camera, the video encoder, a writable data folder. Each check here uses the
real part the app uses — the listening is started in a child process exactly as a
rehearsal starts it, so a bundle that cannot spawn it fails here too — and says in one
line what was found, or what is missing and how to get it.

Nothing is changed on the machine; a check that fails is reported, never raised.
"""

from __future__ import annotations

import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from rehearsal import __version__
from rehearsal.paths import Paths

LISTEN_START_TIMEOUT_S = 60.0


@dataclass(frozen=True, slots=True)
class Check:
    """One part of the app: whether it works here, and what was found or is missing."""

    name: str
    ok: bool
    detail: str


def check_data_folder(paths: Paths) -> Check:
    """The data folder exists (created 0700) and a file can be written in it."""
    try:
        paths.ensure()
        with tempfile.NamedTemporaryFile(dir=paths.data, prefix=".check-") as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as exc:
        return Check("Data folder", False, f"{paths.data}: cannot write ({exc.strerror or exc})")
    return Check("Data folder", True, f"{paths.data} (writable)")


def check_speech() -> Check:
    """The voices the partner can speak with, across every installed engine."""
    from rehearsal.speech.voices import SpeechUnavailableError, installed_catalog

    try:
        catalog = installed_catalog()
    except SpeechUnavailableError as exc:
        return Check("Speech", False, str(exc))
    by_backend: dict[str, int] = {}
    for voice in catalog.voices:
        by_backend[voice.backend] = by_backend.get(voice.backend, 0) + 1
    if not by_backend:
        return Check("Speech", False, "no voices were found")
    engines = ", ".join(f"{name} {count}" for name, count in sorted(by_backend.items()))
    return Check("Speech", True, f"{sum(by_backend.values())} voices ({engines})")


def check_listening(language: str = "en", timeout: float = LISTEN_START_TIMEOUT_S) -> Check:
    """Start the listening process as a rehearsal does and load the speech model in it."""
    from rehearsal.listen.models import find_model
    from rehearsal.listen.service import start_service

    model = find_model(language)
    if model is None:
        return Check("Listening", False, f"no speech model for {language!r} is installed")
    started = time.monotonic()
    try:
        process, ours = start_service("rehearsal-listening-check")
    except OSError as exc:
        return Check("Listening", False, f"the listening process could not start: {exc}")
    try:
        ours.send(("load", model))
        if not ours.poll(timeout):
            return Check(
                "Listening", False, f"the listening process did not answer in {timeout:.0f} s"
            )
        reply = ours.recv()
        seconds = time.monotonic() - started
        ours.send(("stop",))
    except (OSError, EOFError) as exc:
        return Check("Listening", False, f"the listening process could not start: {exc}")
    finally:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
        ours.close()
    match reply:
        case ("ready", True, _):
            return Check(
                "Listening",
                True,
                f"{model.language} speech model loaded in the listening process ({seconds:.1f} s)",
            )
        case ("ready", False, str() as reason):
            return Check("Listening", False, reason or "the recogniser did not start")
    return Check("Listening", False, f"unexpected reply from the listening process: {reply!r}")


def check_video_export() -> Check:
    """Self-tapes are exported as H.264 + AAC MP4 through PyAV's FFmpeg."""
    try:
        import av
    except ImportError as exc:
        return Check("Self-tape export", False, f"PyAV is not installed ({exc})")
    missing = [codec for codec in ("libx264", "aac") if codec not in av.codecs_available]
    if missing:
        return Check("Self-tape export", False, f"FFmpeg lacks the {', '.join(missing)} encoder")
    return Check("Self-tape export", True, f"H.264 + AAC (PyAV {av.__version__})")


def check_devices() -> list[Check]:
    """Microphones, cameras and speakers as Qt Multimedia sees them."""
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        return [Check("Devices", False, f"Qt Multimedia is not available ({exc})")]
    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    found = {
        "Microphones": [d.description() for d in QMediaDevices.audioInputs()],
        "Speakers": [d.description() for d in QMediaDevices.audioOutputs()],
        "Cameras": [d.description() for d in QMediaDevices.videoInputs()],
    }
    missing = {
        "Microphones": "none found: the partner waits for a key or a timed pause",
        "Speakers": "none found: the partner's lines are shown, not heard",
        "Cameras": "none found: self-tapes can be recorded as audio only",
    }
    return [
        Check(name, bool(names), "; ".join(names) if names else missing[name])
        for name, names in found.items()
    ]


CHECKS: tuple[Callable[[], Check | list[Check]], ...] = (
    check_speech,
    check_listening,
    check_video_export,
    check_devices,
)


def run_checks(paths: Paths) -> list[Check]:
    """Every check, in the order they are printed."""
    results = [check_data_folder(paths)]
    for check in CHECKS:
        outcome = check()
        results.extend(outcome if isinstance(outcome, list) else [outcome])
    return results


def format_checks(results: list[Check]) -> str:
    """The text ``rehearsal check`` prints: one aligned line per part."""
    width = max(len(result.name) for result in results) + 1
    header = f"Rehearsal {__version__} on {platform.system()} (Python {platform.python_version()})"
    lines = [header]
    for result in results:
        mark = "ok " if result.ok else "-- "
        lines.append(f"{mark}{result.name + ':':<{width}} {result.detail}")
    return "\n".join(lines)


def _quiet_qt() -> None:
    """Keep Qt's multimedia backends from announcing themselves on stderr (FFmpeg's
    version, a missing PulseAudio or PipeWire, also at exit): the checks say what matters."""
    try:
        from PySide6.QtCore import qInstallMessageHandler
    except ImportError:
        return
    qInstallMessageHandler(lambda *_message: None)


def run(paths: Paths, as_json: bool) -> int:
    """Print the checks; the exit status is 0 (the checks report, they do not fail)."""
    _quiet_qt()
    results = run_checks(paths)
    if as_json:
        print(
            json.dumps({"version": __version__, "checks": [asdict(r) for r in results]}, indent=1)
        )
    else:
        print(format_checks(results))
    return 0
