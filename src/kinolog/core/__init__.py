"""kinolog's vocabulary: frozen dataclasses on the standard library only.

Import from the submodules: `kinolog.core.model`, `kinolog.core.errors`, `kinolog.core.serialize`.
"""
