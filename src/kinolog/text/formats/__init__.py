"""Text extraction from container formats (PDF, DOCX) and markup (HTML).

Each extractor returns an `Extracted`: the document's `original` text, the `text` handed to
the cleaner, and how the two line up. For PDF and DOCX they are the same string (the
extracted text *is* the original), so the map is the identity and costs nothing; for HTML the
original is the markup the user has and the map leads from extracted text back into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinolog.core.model import Dropped
from kinolog.text.document import OffsetMap


@dataclass(frozen=True)
class Extracted:
    original: str
    text: str
    offsets: OffsetMap | None = None
    """`text` index → span of `original`; None when `text is original` (the identity)."""
    dropped: tuple[Dropped, ...] = ()
    """Spans of `original` the extractor kept out, in original offsets."""
    metadata: dict[str, str] = field(default_factory=dict)
