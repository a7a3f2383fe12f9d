"""kinolog.report."""
