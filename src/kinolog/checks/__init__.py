"""kinolog.checks."""
