"""Plain-text plays: the import the tests call and the play several test modules read.

The play is written for these tests, in the layout real editions use: title, subtitle and
author over a cast list, then capital names with a stop and the speech on the same line.
"""

from __future__ import annotations

from rehearsal.script.import_text import import_play_text
from rehearsal.script.model import Script


def play(text: str) -> Script:
    return import_play_text(text)


INLINE_CAPS = """\
THE LAMPLIGHTER'S DAUGHTER
A Play in One Act
by Imogen Vale

CHARACTERS
NELL HARROW, the lamplighter's daughter, nineteen.
OSWIN HARROW, her father.
MRS. PEAKE, a neighbour.

SCENE: A cramped parlour above a chandler's shop. Evening.

NELL HARROW. You're late again. [She sets down the kettle.] The street's
been dark an hour.
OSWIN HARROW. The wick on Fenner Lane was drowned. I had to climb twice.
NELL HARROW. Twice. (beat) And the pay?
OSWIN HARROW. The same as once. It always is (more or less) the same.

[A knock. MRS. PEAKE puts her head round the door.]

MRS. PEAKE. Is he back? Oh, he's back.
NELL HARROW. He's back, Mrs. Peake.
MRS. PEAKE. Then I'll say nothing.
(She goes.)
OSWIN HARROW. She'll say it to the whole street.
"""
