"""Which film components exist, under which versioned names, and in which order they run.

A versioned name ("kinolog.credits.v1") is provenance: it is stored on every claim the
component produced, so a `.v2` makes old and new extractions distinguishable. spaCy factory
names cannot contain dots, so each component also has a factory name ("kinolog_credits").

Each module in `kinolog.engine.components` declares a `SPEC`; the registry discovers them, so
adding a component is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    """Versioned provenance name, `kinolog.<layer>.v<N>`."""
    factory: str
    """spaCy factory name the module registers with `Language.factory`."""
    order: int
    """Position in the pipeline; lower runs first. Components read earlier layers."""
    description: str
    needs_model: bool = False
    """True when the component relies on the trained model's parser, tagger or NER."""
    config: dict[str, object] = field(default_factory=dict)


@cache
def component_specs() -> tuple[ComponentSpec, ...]:
    """All components, in pipeline order (importing a module registers its factory)."""
    from kinolog.engine import components

    specs: list[ComponentSpec] = []
    for info in pkgutil.iter_modules(components.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{components.__name__}.{info.name}")
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, ComponentSpec):
            specs.append(spec)
    return tuple(sorted(specs, key=lambda s: (s.order, s.name)))


def spec_by_factory(factory: str) -> ComponentSpec:
    for spec in component_specs():
        if spec.factory == factory:
            return spec
    raise KeyError(factory)
