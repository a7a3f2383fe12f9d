"""The public API: `analyze(sources) -> Report`, wiring text → engine → knowledge → checks.

Everything else (CLI, site, importer) calls this module; its keyword arguments are the CLI's
flags (`kinolog analyze --title …` is `analyze(…, title=…)`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence

from spacy.language import Language

from kinolog.config import Settings, load_settings
from kinolog.core.model import Report
from kinolog.engine.extensions import DOC_ID_KEY, facts_of
from kinolog.engine.pipeline import load_pipeline
from kinolog.knowledge.assemble import AnalysedDocument, assemble
from kinolog.text import read_document
from kinolog.text.card import parse_card
from kinolog.text.document import SourceDocument
from kinolog.text.kind import classify

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) so callers can draw a progress bar."""


def read_sources(
    sources: Sequence[str | os.PathLike[str]], *, settings: Settings
) -> list[SourceDocument]:
    """Read every source first, so a bad file fails the run before any analysis is done."""
    return [read_document(source, settings=settings) for source in sources]


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Paragraph-aligned (start, end) chunks of at most `limit` characters where possible.

    spaCy's memory grows with the length of one Doc; parsing a long document in chunks keeps
    it flat, and cutting at paragraph breaks keeps sentences whole.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start + 1, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start + 1, start + limit)
        if cut <= start:
            cut = start + limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def analyse_document(
    source: SourceDocument, nlp: Language, *, max_chunk_chars: int = 60_000
) -> AnalysedDocument:
    """Run the engine on one cleaned document and keep what the knowledge layer needs."""
    card = parse_card(source)
    source = dataclasses.replace(source, kind=classify(source, card))
    bounds = chunk_bounds(source.clean, max_chunk_chars)
    docs = []
    for start, end in bounds:
        doc = nlp.make_doc(source.clean[start:end])
        doc.user_data[DOC_ID_KEY] = source.id
        docs.append(doc)
    facts = [
        fact.shifted(start)
        for (start, _end), doc in zip(bounds, nlp.pipe(docs, batch_size=1), strict=True)
        for fact in facts_of(doc)
    ]
    return AnalysedDocument(source=source, facts=tuple(facts), card=card)


def analyze(
    sources: Sequence[str | os.PathLike[str]],
    *,
    title: str | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> Report:
    """Analyse `sources` as one body of writing about one subject film.

    `title` names the subject film when the writing does not make it clear.
    """
    settings = settings or load_settings()
    documents = read_sources(sources, settings=settings)
    return analyze_documents(documents, title=title, settings=settings, nlp=nlp, progress=progress)


def analyze_documents(
    documents: Sequence[SourceDocument],
    *,
    title: str | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> Report:
    """As `analyze`, for documents already read (the site and the importer read their own)."""
    settings = settings or load_settings()
    nlp = nlp or load_pipeline(settings)
    analysed = []
    for done, document in enumerate(documents, start=1):
        analysed.append(analyse_document(document, nlp, max_chunk_chars=settings.max_chunk_chars))
        if progress:
            progress("analyse", done, len(documents))
    return assemble(analysed, title=title)
