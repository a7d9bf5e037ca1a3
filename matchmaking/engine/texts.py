"""Plain text out of nested plain data (dicts, lists, tuples of strings)."""

from __future__ import annotations

from collections.abc import Iterator


def strings_in(data: object, *, min_length: int = 30) -> Iterator[str]:
    """Every string of at least `min_length` characters in nested plain data, and the
    joined short strings of each list (tags, topics), so one record yields its prose."""
    if isinstance(data, str):
        if len(data) >= min_length:
            yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value, min_length=min_length)
    elif isinstance(data, (list, tuple)):
        short = [value for value in data if isinstance(value, str) and len(value) < min_length]
        if len(short) > 1:
            yield " ".join(short)
        for value in data:
            yield from strings_in(value, min_length=min_length)
