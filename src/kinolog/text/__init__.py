"""Reading film writing: formats, decoding, repairs, chrome removal and offset maps."""

from kinolog.text.document import OffsetMap, SourceDocument
from kinolog.text.read import read_bytes, read_document

__all__ = ["OffsetMap", "SourceDocument", "read_bytes", "read_document"]
