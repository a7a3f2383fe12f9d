"""kinolog.knowledge."""
