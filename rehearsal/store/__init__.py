"""Storage: every script, session, take and line event in one SQLite file.

Plain Python (no Qt). The UI and the engine call the repository modules, which open a short
``Session`` per operation and return frozen dataclasses, so nothing outside this package
ever holds a database session or an ORM object.
"""
