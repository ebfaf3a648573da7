"""slakit: business calendars, SLA clocks and routing rules, from Python.

    import slakit, datetime as dt
    rules = slakit.load("examples/rules/routing.sla")
    cal = rules.calendar("emea_support")
    cal.add(dt.datetime(2026, 3, 27, 15, tzinfo=dt.timezone.utc), dt.timedelta(hours=4))

docs/python.md is the tutorial; every function says what it raises.
"""

from __future__ import annotations

import os
from typing import Optional

from . import _columns, _core, _records, _vectorized
from ._core import (
    Calendar,
    Diagnostic,
    Error,
    InvalidArgument,
    RangeError,
    RuleError,
    RuleSet,
    TicketError,
    __version__,
)

__all__ = [
    "Calendar", "Diagnostic", "Error", "InvalidArgument", "RangeError", "RuleError", "RuleSet",
    "TicketError", "load", "loads", "__version__",
]


def _read_or_none(path: str) -> Optional[str]:
    # An included file: None makes the compiler report it as unreadable,
    # with the position of the include.
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def load(*paths: "os.PathLike[str] | str") -> RuleSet:
    """Compiles rule files (and the files they include) into a RuleSet.

    Raises FileNotFoundError (or another OSError) for a file that cannot be
    read, slakit.RuleError when the rules have errors."""
    if not paths:
        raise TypeError("load() needs at least one rule file")
    sources = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            sources.append((os.fspath(p), f.read()))
    return _core.compile(sources, _read_or_none)


def loads(text: str, name: str = "<string>") -> RuleSet:
    """Compiles rule text; ``name`` is the file name diagnostics show.
    ``include`` is not available here (there is no folder to read from).
    Raises slakit.RuleError when the rules have errors."""
    if not isinstance(text, str):
        raise TypeError(f"loads() takes the rule text as str, not {type(text).__name__}")
    return _core.compile([(name, text)])


def _rule_error(message: str, diagnostics: list) -> RuleError:
    error = RuleError(message)
    error.diagnostics = diagnostics
    return error


# A RuleError raised on a Dask worker comes back pickled: with its diagnostics.
RuleError.__reduce__ = lambda self: (_rule_error, (str(self), getattr(self, "diagnostics", [])))


# The Python half of the methods: unit handling and record building around
# the C++ calls (the classes are pybind11's; these appear in help() and dir()).
for _name in ("add_many", "subtract_many", "elapsed_many", "is_open_many"):
    setattr(Calendar, _name, getattr(_vectorized, _name))
for _name in ("evaluate", "evaluate_many", "evaluate_frame", "route", "route_many", "route_frame"):
    setattr(RuleSet, _name, getattr(_records, _name))
RuleSet.route_columns = _columns.route_columns
del _name
