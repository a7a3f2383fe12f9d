"""kinolog.engine.components."""
