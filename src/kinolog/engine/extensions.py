"""Every `._` attribute kinolog adds to spaCy objects, registered once, all prefixed `kinolog_`.

Getters over `doc.user_data` avoid the shared-mutable-default trap of `default=[]` and keep
the state serialisable with the Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kinolog.engine.facts import Fact

FACTS_KEY = "kinolog_facts"
DOC_ID_KEY = "kinolog_doc_id"
SPAN_GROUP_PREFIX = "kinolog_"


def _facts(doc: Doc) -> list[Fact]:
    return doc.user_data.setdefault(FACTS_KEY, [])


def _doc_id(doc: Doc) -> str | None:
    return doc.user_data.get(DOC_ID_KEY)


def _span_sentence(span: Span) -> Span:
    """The sentence holding a span, or the span's own paragraph-free window without a parser."""
    if span.doc.has_annotation("SENT_START"):
        return span.sent
    return span.doc[:]


def register_extensions() -> None:
    """Idempotent: safe to call from every component factory."""
    if not Doc.has_extension("kinolog_facts"):
        Doc.set_extension("kinolog_facts", getter=_facts)
    if not Doc.has_extension("kinolog_doc_id"):
        Doc.set_extension("kinolog_doc_id", getter=_doc_id)
    if not Span.has_extension("kinolog_sentence"):
        Span.set_extension("kinolog_sentence", getter=_span_sentence)


def add_facts(doc: Doc, facts: list[Fact]) -> None:
    _facts(doc).extend(facts)


def facts_of(doc: Doc, kind: str | None = None) -> list[Fact]:
    return [f for f in _facts(doc) if kind is None or f.kind == kind]


def span_group(layer: str) -> str:
    """The name of a component's span group, e.g. `kinolog_films`."""
    return f"{SPAN_GROUP_PREFIX}{layer}"
