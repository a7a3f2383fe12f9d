"""`python -m kinolog.evaluation DIR`."""

from kinolog.evaluation.cli import main

raise SystemExit(main())
