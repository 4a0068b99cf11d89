"""The scene partner's voice: casting, direction, rendering lines to WAV, and playing them.

Lines are rendered to WAV files ahead of time by one long-lived worker process that owns
the pyttsx3 engine (:mod:`rehearsal.speech.worker`), cached on disk
(:mod:`rehearsal.speech.render`), and played by Qt Multimedia in the GUI thread
(:mod:`rehearsal.ui.qt_player`), so the partner comes in on cue instead of after a
synthesis delay. Everything here is plain Python: the Qt side lives under ``rehearsal.ui``.
"""
