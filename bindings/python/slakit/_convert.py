"""Tickets (and agents) as dicts to the JSON Lines records the one ticket
reader reads, through the C-accelerated ``json`` module: exactly what
``slakit eval`` and ``slakit route`` read (docs/cli.md lists the keys), so
the same reader reads them. DataFrames are _frames' work, which writes
their odd cells with the functions here.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _core

# Per ticket (its position in the batch): the message of a ticket Python
# could not turn into a record. Its line is a placeholder; the caller puts
# the message in its entry.
Failures = Dict[int, str]
# A placeholder line: read (and rejected) like any other, so that every
# ticket keeps its line number; its error is replaced by the real one.
_PLACEHOLDER = "{}"


def _is_missing(value: Any) -> bool:
    """pandas' missing values (NaT, NA), which hold no value to write."""
    return type(value).__name__ in ("NaTType", "NAType")


def _json_default(value: Any) -> Any:
    if _is_missing(value):
        return None
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value}: tickets need timezone-aware datetimes")
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
        if seconds != int(seconds):
            raise ValueError(f"duration {value}: slakit counts whole seconds")
        return int(seconds)
    item = getattr(value, "item", None)  # numpy scalars
    if item is not None:
        return item()
    if hasattr(value, "isoformat"):  # pandas.Timestamp
        return _json_default(value.to_pydatetime())
    raise TypeError(f"{type(value).__name__} is not a ticket value")


class _BadValue(Exception):
    """A value no JSON record can carry, at `path` ("order.value")."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")


def _shown(text: str) -> str:
    """Text as a message can hold it: a lone surrogate as its escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _key(path: str, key: Any) -> str:
    key = _shown(key) if isinstance(key, str) else str(key)
    return f"{path}.{key}" if path else key


def _bad_value(value: Any) -> Optional[str]:
    """Why `value` (a cell, an item) cannot go into a record, or None."""
    if isinstance(value, float) and math.isinf(value):
        return f"got {value}: a ticket's numbers are finite (JSON has no infinity)"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"text '{_shown(value)}' holds a lone surrogate, which is not Unicode text"
    return None


def _cleaned(value: Any, path: str) -> Any:
    """`value` as plain JSON values: NaN (like None and pandas' NaT and NA)
    is no value, written as null, which the reader takes as a key left out
    (docs/cli.md); infinities, lone surrogates, naive datetimes and
    durations with a fraction of a second raise _BadValue naming the path. Only tickets the fast path cannot write come here."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return None
    elif isinstance(value, dict):
        return {_cleaned(k, _key(path, k)) if isinstance(k, str) else k: _cleaned(v, _key(path, k))
                for k, v in value.items()}
    elif isinstance(value, (list, tuple)):
        return [_cleaned(v, f"{path}[{i}]") for i, v in enumerate(value)]
    elif not isinstance(value, str):
        try:
            plain = _json_default(value)
        except ValueError as e:  # a naive datetime, a fraction of a second
            raise _BadValue(path, str(e)) from None
        return _cleaned(plain, path)
    reason = _bad_value(value)
    if reason is not None:
        raise _BadValue(path, reason)
    return value


def _ticket_name(record: dict) -> str:
    name = record.get("id")
    return f"ticket '{_shown(name)}': " if isinstance(name, str) else ""


def _json_text(value: Any, path: str) -> str:
    """`value` as JSON text; raises _BadValue for a value JSON cannot carry."""
    try:
        text = json.dumps(value, default=_json_default, separators=(",", ":"), allow_nan=False)
        # json escapes every non-ASCII code point, so a lone surrogate shows
        # as one; the rare text that merely holds "\\ud" or a character
        # past U+FFFF is checked, and passes.
        if "\\ud" not in text:
            return text
    except ValueError:  # NaN or infinity; or a naive datetime, raised again below
        pass
    return json.dumps(_cleaned(value, path), separators=(",", ":"))


def _dumps(record: Any, error) -> str:
    """`record` as one JSON line; a value JSON cannot carry raises what
    ``error(record, message)`` makes."""
    if not isinstance(record, dict):
        raise TypeError(f"a ticket is a dict, not {type(record).__name__}")
    try:
        return _json_text(record, "")
    except _BadValue as e:
        raise error(record, str(e)) from None
    except RecursionError:  # json.dumps and _cleaned recurse per level
        raise error(record, "nested too deeply, or holds a value that contains itself") from None


def _ticket_error(record: dict, message: str) -> Exception:
    return _core.TicketError(_ticket_name(record) + message)


def dumps(record: dict) -> str:
    """One ticket record as one JSON line. Raises TypeError for a ticket
    that is not a dict, slakit.TicketError naming the ticket and the key for
    a value JSON cannot carry (an infinity, a lone surrogate, nesting too deep
    for Python's recursion or a value that contains itself) or slakit does
    not take (a naive datetime, a fraction of a second in a duration)."""
    return _dumps(record, _ticket_error)


def lines_of_tickets(tickets: Iterable[Any]) -> Tuple[str, Failures]:
    """Tickets as JSON Lines, one line each; a ticket that cannot be written
    (not a dict, a value JSON cannot carry) gets a placeholder line and its
    message in the failures, so that it fails alone."""
    lines: List[str] = []
    failures: Failures = {}
    for i, ticket in enumerate(tickets):
        try:
            lines.append(dumps(ticket))
        except _core.TicketError as e:
            lines.append(_PLACEHOLDER)
            failures[i] = str(e)
        except TypeError as e:  # not a dict, or a value of no ticket type (a set)
            lines.append(_PLACEHOLDER)
            failures[i] = (_ticket_name(ticket) if isinstance(ticket, dict) else "") + str(e)
    return "\n".join(lines), failures


def lines_of_dicts(items: Iterable[dict], what: str) -> str:
    """Dicts (agents) as JSON Lines; a value JSON cannot carry raises
    slakit.InvalidArgument naming the item as ``what[i]``."""

    def one(i: int, item: dict) -> str:
        return _dumps(item, lambda _, m: _core.InvalidArgument(f"{what}[{i}]: {m}"))

    return "\n".join(one(i, item) for i, item in enumerate(items))
