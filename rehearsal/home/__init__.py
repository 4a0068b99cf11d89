"""What the home page says: the next auditions, the week's work and one next step.

Plain Python over the store's records, so the wording and the choice of what to suggest
are tested without a window.
"""
