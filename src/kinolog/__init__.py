"""kinolog: read, check and discuss writing about films."""

__version__ = "0.1.0"
