"""Rehearsal: rehearse a scene alone, with a scene partner and a director in the room."""

__version__ = "0.1.0"
