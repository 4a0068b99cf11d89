"""Scripts: the model (``model``), format sniffing (``detect``), the loader and importers.

Nothing is imported here on purpose: the command line and the GUI start faster when each
caller imports the one module it needs.
"""
