"""Learning the lines: every line of the actor's part on a spaced-repetition schedule.

Plain Python, no Qt and no database: the memory of each line (an FSRS card from the
``fsrs`` package), grades derived from what happened when the line came up, the hiding
level that follows memory, today's run and the fit to an "off book by" date. The store and
the screens build on these modules; until the store has a table for it, the state lives in
a JSON file per script (:mod:`rehearsal.memory.state_file`).
"""
