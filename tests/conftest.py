"""Fixtures every test module may use."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from kinolog.config import load_settings
from kinolog.engine.pipeline import resolve_model_name

PipelineFactory = Callable[..., Language]


@pytest.fixture(scope="session")
def make_pipeline() -> PipelineFactory:
    """Build a pipeline holding only the components a test module exercises.

    `make_pipeline("kinolog_credits")` is model-free (tokeniser + sentencizer), fast and
    deterministic; `trained=True` starts from the configured spaCy model instead, for the
    fewer tests marked `model`. Other modules' components stay out, so one unfinished
    component cannot break another's tests.
    """

    def make(*components: str, trained: bool = False, sentencizer: bool = True) -> Language:
        if trained:
            nlp = spacy.load(resolve_model_name(load_settings().spacy_model))
        else:
            nlp = spacy.blank("en")
            if sentencizer:
                nlp.add_pipe("sentencizer")
        for component in components:
            nlp.add_pipe(component)
        return nlp

    return make
