"""Self-tape on screen: the camera, the reader during the take, the takes and their export.

The media work itself (mixing the reader in, the slate card, trimming, exporting, repairing
a cut-short take) is plain Python in :mod:`rehearsal.tape`; this package records with Qt
Multimedia and shows what the core reports.
"""
