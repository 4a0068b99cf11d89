"""Self-tapes on disk: takes, the reader mixed in, the slate card, trimming and export.

Plain Python over PyAV (FFmpeg), no Qt: recording from the camera happens in
:mod:`rehearsal.ui.tape`, which hands each raw recording here together with when the
reader's lines played. Everything that turns that into a tape casting can use (mixing the
reader in, the title card, H.264 + AAC, the file name), and everything that keeps the
actor's takes safe (a cut-short take repaired on the next start, the disk checked before
recording), is here and tested without a camera.
"""
