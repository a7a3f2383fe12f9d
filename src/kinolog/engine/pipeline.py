"""Loading spaCy with kinolog's film components, once per process."""

from __future__ import annotations

import importlib.util
import logging
from functools import cache

import spacy
from spacy.language import Language

from kinolog.config import SPACY_MODEL_FALLBACKS, Settings, load_settings
from kinolog.core.errors import ModelNotInstalled
from kinolog.engine.extensions import register_extensions
from kinolog.engine.registry import component_specs

log = logging.getLogger(__name__)

# The trained pipes kinolog uses; the rest of a model (if any) is excluded for speed.
TRAINED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def resolve_model_name(requested: str) -> str:
    """The installed model package to load: the requested one, else a known republication."""
    for name in (requested, *SPACY_MODEL_FALLBACKS):
        if importlib.util.find_spec(name) is not None:
            if name != requested:
                log.info("spaCy model %s not installed; using %s", requested, name)
            return name
    raise ModelNotInstalled(requested)


def add_film_components(nlp: Language) -> Language:
    """Append every registered kinolog component, in order, to a loaded pipeline."""
    register_extensions()
    for spec in component_specs():
        if spec.factory not in nlp.pipe_names:
            nlp.add_pipe(spec.factory, config=dict(spec.config))
    return nlp


@cache
def _load(model: str) -> Language:
    nlp = spacy.load(model)
    for pipe in list(nlp.pipe_names):
        if pipe not in TRAINED_PIPES:
            nlp.remove_pipe(pipe)
    return add_film_components(nlp)


def load_pipeline(settings: Settings | None = None) -> Language:
    """The full pipeline for `settings.spacy_model`, cached per model name and process."""
    settings = settings or load_settings()
    return _load(resolve_model_name(settings.spacy_model))
