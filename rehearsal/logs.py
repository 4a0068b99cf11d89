"""Logging to a rotating file in the user's log folder.

When something goes wrong at an audition's eve, the actor can send one file; the file
rotates so a long-used install never fills a disk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rehearsal.atomic_file import PRIVATE_FILE, PRIVATE_FOLDER, make_private

LOG_FILE_NAME = "rehearsal.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(log_dir: Path, verbose: bool = False) -> Path:
    """Send log records to ``log_dir/rehearsal.log`` (1 MB x 3) and, if verbose, to stderr.

    Returns the log file's path, which error dialogs show.
    """
    # Imported here: the app paints its first frame before it sets the log up.
    from logging.handlers import RotatingFileHandler

    log_dir.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    # The log names files and scripts: private like the rest (rotation inherits the umask).
    path.touch(mode=PRIVATE_FILE)
    make_private(path)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_rehearsal", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._rehearsal = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream._rehearsal = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
