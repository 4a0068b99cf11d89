"""Corrections: a small imported screenplay with the usual import mistakes in it.

The operations' tests correct its mistakes one at a time and the tests of a whole list apply
lists to it; ``say`` and ``act`` build its elements and those the tests expect. Each call
builds a fresh script, so no test can change what another sees.
"""

from __future__ import annotations

from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)


def say(name: str, *texts: str, extension: str | None = None) -> Dialogue:
    parts = [
        Part(PartKind.PARENTHETICAL if t.startswith("(") else PartKind.SPEECH, t) for t in texts
    ]
    return Dialogue(name, parts, extension=extension)


def act(text: str) -> TextElement:
    return TextElement(ElementKind.ACTION, text)


def sample_script() -> Script:
    """A small screenplay with the usual import mistakes in it."""
    return Script(
        format=SourceFormat.PDF,
        title="Test",
        warnings=["page 3 is damaged and was skipped"],
        scenes=[
            Scene(
                heading="INT. KITCHEN - NIGHT",
                number="1",
                elements=[
                    act("Rain on the window."),  # 0
                    say("MARY", "(quietly)", "You came back.", extension="V.O."),  # 1
                    act("BOB"),  # 2: a cue read as action
                    act("I forgot my keys. And my coat."),  # 3: its speech
                    say("MARRY", "Liar."),  # 4: a misspelt cue
                    say("BOB", "Fine.", "I'll go.", "Goodbye."),  # 5
                    say("BOB", "Really."),  # 6: the same speech cut in two
                    act("EXT. GARDEN - DAY"),  # 7: a heading read as action
                    act("Birds."),  # 8
                ],
            ),
            Scene(heading="INT. HALL - NIGHT", number="2", elements=[say("MARY", "Wait!")]),
        ],
    )
