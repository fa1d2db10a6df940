"""The output schemas of the tools, from the `--json` TypedDicts of `views/shapes.py` themselves, so the schema an
assistant reads and the shape a script reads are one definition.

pydantic (which the SDK makes the schemas with) refuses `typing.TypedDict` before Python 3.12, and `views/` may
not import `typing_extensions`; so here each TypedDict is copied, field by field, into a `typing_extensions` one.
"""

from __future__ import annotations

import functools
import operator
import sys
import types
import typing
from typing import Any

import typing_extensions

_copies: dict[type, Any] = {}


def portable(annotation: Any) -> Any:
    """The annotation with every `typing.TypedDict` in it as one pydantic reads on this Python."""
    if sys.version_info >= (3, 12):
        return annotation
    return _copy(annotation)


def _copy(annotation: Any) -> Any:
    if typing.is_typeddict(annotation):
        return _copy_typeddict(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, [_copy(arg) for arg in args])
    if origin in (list, dict):
        return origin[tuple(_copy(arg) for arg in args)]
    return annotation


def _copy_typeddict(shape: Any) -> Any:
    if shape not in _copies:
        optional = shape.__optional_keys__
        fields = {
            name: typing_extensions.NotRequired[_copy(hint)] if name in optional else _copy(hint)
            for name, hint in typing.get_type_hints(shape).items()
        }
        make: Any = typing_extensions.TypedDict  # called with a name known only at run time, which mypy refuses
        copied = make(shape.__name__, fields)
        copied.__doc__ = shape.__doc__  # pydantic makes it the schema's description
        _copies[shape] = copied
    return _copies[shape]
