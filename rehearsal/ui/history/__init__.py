"""The history window: past sessions in a table, their detail, progress charts, exports."""
