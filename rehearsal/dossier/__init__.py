"""The callback dossier's logic: follow-ups, the thank-you note, the prep sheet, photos.

Plain Python (no Qt), built on :mod:`rehearsal.store.auditions_repo`'s records; the
widgets in :mod:`rehearsal.ui.dossier` only display and forward.
"""
