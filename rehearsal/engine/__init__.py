"""The rehearsal engine: plain Python, no Qt, every timing through an injected clock.

Import from the module that owns each concept; this package file stays empty so that
loading one small piece (the settings the main window reads at startup) does not load the
whole engine:

* :mod:`~rehearsal.engine.lines` turns a script and a role into the run (``build_lines``);
* :mod:`~rehearsal.engine.session` runs it as a state machine (``RehearsalEngine``) that
  returns the commands of :mod:`~rehearsal.engine.commands` for the UI to render;
* :mod:`~rehearsal.engine.hiding` decides how much of the actor's lines to show;
* :mod:`~rehearsal.engine.drills` and :mod:`~rehearsal.engine.cold_read` wrap an engine to
  play director;
* takes are reported through the ``TakeRecorder`` protocol of
  :mod:`~rehearsal.engine.events`, which the store implements.
"""
