"""`python -m kinolog` runs the command line."""

from kinolog.cli.main import run

run()
