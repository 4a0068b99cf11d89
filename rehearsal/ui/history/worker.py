"""The history's background runner, now part of the GUI's one background seam.

Kept so existing imports keep working; new code imports
:class:`~rehearsal.ui.background.BackgroundRunner` from :mod:`rehearsal.ui.background`.
"""

from __future__ import annotations

from rehearsal.ui.background import BackgroundRunner, Job

__all__ = ["BackgroundRunner", "Job"]
