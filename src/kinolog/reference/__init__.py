"""kinolog.reference."""
