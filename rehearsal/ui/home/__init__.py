"""The home page: what the window shows when no script is open, and View ▸ Home."""
