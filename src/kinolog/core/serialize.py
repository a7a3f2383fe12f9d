"""Core values to and from plain JSON-ready dicts, so every consumer sees one shape."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from typing import Any, TypeVar

from kinolog.core.model import Report

T = TypeVar("T")


def to_data(value: Any) -> Any:
    """Turn a core value into dicts, lists and scalars (enums become their string value)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Report):
            # The schema tag leads the document, as readers expect to find it first.
            data = {"schema": data.pop("schema"), **data}
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a core dataclass from `to_data` output; unknown keys are ignored."""
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], data)
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_build(item, v) for v in data)
    if origin is dict:
        return dict(data)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    return data
