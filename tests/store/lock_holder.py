"""Another program holding the history database's lock: a real second process.

A backup tool, a sync client or a second copy of the app takes SQLite's lock from another
process; a thread in the test's own process would not show the same behaviour.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HOLD = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE rehearsal_sessions SET role = role")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
connection.close()
"""


@contextlib.contextmanager
def lock_held(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Hold the write lock of ``database`` in another process until the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        assert child.stdout.readline().strip() == "locked"
        yield child
    finally:
        with contextlib.suppress(OSError):
            child.stdin.write("\n")
            child.stdin.flush()
        child.wait(timeout=30)
