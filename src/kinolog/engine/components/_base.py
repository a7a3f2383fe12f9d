"""The shape every kinolog component shares: `__call__` only wires `match` and `set_annotations`.

As in spaCy's SpanRuler, `match()` computes and `set_annotations()` writes, so tests can call
`match()` on a hand-built Doc and assert on plain `Fact`s.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from kinolog.engine.extensions import add_facts, register_extensions, span_group
from kinolog.engine.facts import Fact, Slot
from kinolog.engine.registry import ComponentSpec


class FactComponent:
    """Base for components that record facts and (optionally) a span group of their layer."""

    spec: ClassVar[ComponentSpec]
    layer: ClassVar[str]
    """Span group suffix: facts' main slot goes to `doc.spans["kinolog_<layer>"]`."""
    main_slot: ClassVar[str | None] = None

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Fact]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, facts: list[Fact]) -> None:
        add_facts(doc, facts)
        if self.main_slot is None:
            return
        spans = []
        for fact in facts:
            slot = fact.slots.get(self.main_slot)
            if slot is None:
                continue
            span = doc.char_span(slot.start, slot.end, label=fact.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        group = span_group(self.layer)
        doc.spans[group] = [*doc.spans.get(group, []), *spans]

    def fact(
        self,
        kind: str,
        span: Span | tuple[int, int],
        slots: dict[str, Span | Slot],
        confidence: float = 1.0,
        **attrs: str | int | float | bool | None,
    ) -> Fact:
        """Build a fact stamped with this component's versioned name."""
        bounds = (span.start_char, span.end_char) if isinstance(span, Span) else span
        return Fact(
            kind=kind,
            slots={k: to_slot(v) for k, v in slots.items()},
            span=bounds,
            extractor=self.spec.name,
            attrs=attrs,
            confidence=confidence,
        )


def to_slot(value: Span | Slot) -> Slot:
    if isinstance(value, Slot):
        return value
    return Slot(value.start_char, value.end_char, value.text)
