"""Putting a wrong import right: the confidence bar, the fix-up editor and pasted sides."""
