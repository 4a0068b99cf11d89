"""Media the actor makes while rehearsing, kept as plain files in the data folder.

Plain Python like the rest of the core: the widgets that record and play these files are
under :mod:`rehearsal.ui`.
"""
