"""The component registry: every component is discoverable, versioned, ordered and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kinolog.engine.pipeline import load_pipeline
from kinolog.engine.registry import component_specs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "engine.md"


def test_registry_names_are_versioned() -> None:
    for spec in component_specs():
        assert re.fullmatch(r"kinolog\.[a-z_]+\.v\d+", spec.name), spec.name


def test_registry_orders_are_unique() -> None:
    orders = [spec.order for spec in component_specs()]
    assert len(orders) == len(set(orders))


@pytest.mark.parametrize("spec", component_specs(), ids=lambda s: s.name)
def test_registry_component_is_documented(spec) -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert f"`{spec.name}`" in text
    assert f"`{spec.factory}`" in text


@pytest.mark.model
def test_registry_pipeline_has_no_ordering_problems() -> None:
    nlp = load_pipeline()
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert [s.factory for s in component_specs()] == nlp.pipe_names[-len(component_specs()) :]
