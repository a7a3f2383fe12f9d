"""kinolog.engine."""
