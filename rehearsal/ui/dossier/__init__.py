"""The callback dossier's windows: auditions list, dossier editor, check-in, follow-ups."""
