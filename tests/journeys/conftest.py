"""Every journey gets a fresh profile and the watch of :mod:`tests.journeys.harness`."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from pluggy import Result
from pytestqt.qtbot import QtBot

from tests.journeys.harness import Journey, screenshots_dir


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Result[pytest.TestReport], None]:
    """Keep each phase's report on the test, so the fixture knows how the journey went."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def journey(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Journey]:
    """An actor with a brand-new data folder; the app is launched by the journey itself.

    A problem noticed after the journey's last step (an error logged while the window
    closed, say) still fails a journey that otherwise passed.
    """
    run = Journey(qtbot, tmp_path / "profile", screenshots_dir())
    try:
        yield run
        report = getattr(request.node, "report_call", None)
        if report is not None and report.passed and run.window is not None:
            run.quit()
    finally:
        run.teardown()
    report = getattr(request.node, "report_call", None)
    leftover = run.watch.unreported()
    if report is not None and report.passed and leftover:
        pytest.fail("after the journey ended:\n  " + "\n  ".join(leftover))
