"""kinolog.cli."""
