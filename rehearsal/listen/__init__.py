"""Listening to the actor: voice activity, recognition biased to the script, line ends.

Plain Python (numpy and pocketsphinx, no Qt): ``audio`` reads and resamples PCM into
chunks, ``activity`` finds the voice, ``recognizer`` with ``vocabulary`` and ``pronounce``
turns speech into the script's words, ``compare`` says what was said against what is
written, ``line_end`` decides when the partner comes in, ``pipeline`` ties them together
per line, ``models`` finds a speech model for the script's language, and ``command`` is
``rehearsal listen``.
"""
