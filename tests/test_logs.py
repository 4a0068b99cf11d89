"""The rotating log file."""

from __future__ import annotations

import logging
from pathlib import Path

from rehearsal.logs import setup_logging


def test_records_reach_the_log_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("rehearsal.test").info("hello from the test")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "hello from the test" in path.read_text(encoding="utf-8")


def test_setting_up_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    setup_logging(tmp_path / "logs")
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("rehearsal.test").warning("once")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path.read_text(encoding="utf-8").count("once") == 1
