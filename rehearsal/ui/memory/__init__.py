"""Learning the lines on screen: hiding by memory, marks, today's run, the deadline."""
