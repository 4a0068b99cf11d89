"""The rehearsal engine: plain Python, no Qt, every timing through an injected clock.

``build_lines`` turns a script and a role into the run; ``RehearsalEngine`` runs it as a
state machine that returns commands for the UI to render; ``LineHider`` decides how much of
the actor's lines to show; ``AdjustmentDrill`` and ``ColdReadDrill`` wrap an engine to play
director. Takes are reported through the ``TakeRecorder`` protocol the store implements.
"""

from rehearsal.engine.cold_read import ColdReadDrill, ColdReadSettings, pick_cold_scene
from rehearsal.engine.commands import (
    Command,
    Delay,
    DelayReason,
    DrillEnded,
    DrillPhase,
    LineDone,
    LoopChanged,
    NoteInjected,
    PerformStarted,
    PhaseChanged,
    PrepStarted,
    PrepWarning,
    Problem,
    RatingRequested,
    ShowLine,
    SpeakLine,
    SpeakNote,
    State,
    StateChanged,
    StopSpeech,
    TakeEnded,
    TakeRated,
    TakeStarted,
    Voice,
    WaitForActor,
)
from rehearsal.engine.direction import (
    InjectionMode,
    NoteEvent,
    NoteLike,
    NotePlacement,
    NotePolicy,
    NoteSource,
)
from rehearsal.engine.drills import AdjustmentDrill, Drill
from rehearsal.engine.hiding import HideLevel, LineHider, hide_text
from rehearsal.engine.lines import LineId, LineKind, RehearsalLine, build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import (
    EndReason,
    LineTiming,
    MemoryRecorder,
    Outcome,
    Rating,
    TakeInfo,
    TakeRecorder,
    TakeResult,
)

__all__ = [
    "AdjustmentDrill",
    "ColdReadDrill",
    "ColdReadSettings",
    "Command",
    "Delay",
    "DelayReason",
    "Drill",
    "DrillEnded",
    "DrillPhase",
    "EndReason",
    "HideLevel",
    "InjectionMode",
    "LineDone",
    "LineHider",
    "LineId",
    "LineKind",
    "LineTiming",
    "LoopChanged",
    "MemoryRecorder",
    "NoteEvent",
    "NoteInjected",
    "NoteLike",
    "NotePlacement",
    "NotePolicy",
    "NoteSource",
    "Outcome",
    "PerformStarted",
    "PhaseChanged",
    "PrepStarted",
    "PrepWarning",
    "Problem",
    "Rating",
    "RatingRequested",
    "RehearsalEngine",
    "RehearsalLine",
    "RehearsalSettings",
    "ShowLine",
    "SpeakLine",
    "SpeakNote",
    "State",
    "StateChanged",
    "StopSpeech",
    "TakeEnded",
    "TakeInfo",
    "TakeRated",
    "TakeRecorder",
    "TakeResult",
    "TakeStarted",
    "Voice",
    "WaitForActor",
    "WaitMode",
    "build_lines",
    "hide_text",
    "pick_cold_scene",
]
