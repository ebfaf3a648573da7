"""slakit: business calendars, SLA clocks and routing rules, from Python.

    import slakit, datetime as dt
    rules = slakit.load("examples/rules/routing.sla")
    cal = rules.calendar("emea_support")
    cal.add(dt.datetime(2026, 3, 27, 15, tzinfo=dt.timezone.utc), dt.timedelta(hours=4))

docs/python.md is the tutorial; every function says what it raises.
"""

import os as _os
from typing import Callable as _Callable
from typing import Mapping as _Mapping
from typing import Optional as _Optional

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

# The public names; everything else here starts with an underscore.
__all__ = [
    "Calendar", "Diagnostic", "Error", "InvalidArgument", "RangeError", "RuleError", "RuleSet",
    "TicketError", "load", "loads", "__version__",
]


def _read_or_none(path: str) -> "_Optional[str]":
    # An included file: None makes the compiler report it as unreadable,
    # with the position of the include.
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def _file_identity(path: str) -> "_Optional[str]":
    # One file under two paths (relative and absolute, a link) is read once.
    try:
        info = _os.stat(path)
    except OSError:
        return None
    return f"{info.st_dev}:{info.st_ino}"


def load(*paths: "_os.PathLike[str] | str") -> RuleSet:
    """Compiles rule files (and the files they include, read from disk)
    into a RuleSet; its ``diagnostics`` hold the warnings.

    Raises FileNotFoundError (or another OSError) for a file that cannot be
    read, slakit.RuleError when the rules have errors."""
    if not paths:
        raise TypeError("load() needs at least one rule file")
    sources = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            sources.append((_os.fspath(p), f.read()))
    return _core.compile(sources, _read_or_none, _file_identity)


def _checked_loader(loader: "_Callable[[str], _Optional[str]]") -> "_Callable[[str], _Optional[str]]":
    """`loader` with its answer checked: a text or None, nothing else."""

    def load_included(path: str) -> "_Optional[str]":
        text = loader(path)
        if text is not None and not isinstance(text, str):
            raise TypeError(f"the loader returned {type(text).__name__} for included file "
                            f"'{path}': expected the text as str, or None when there is none")
        return text

    return load_included


def loads(text: str, name: str = "<string>", *,
          files: "_Optional[_Mapping[str, str]]" = None,
          loader: "_Optional[_Callable[[str], _Optional[str]]]" = None) -> RuleSet:
    """Compiles rule text; ``name`` is the file name diagnostics show. The
    RuleSet's ``diagnostics`` hold the warnings.

    ``include`` reads the included files from ``files`` (a dict of path to
    text) or through ``loader(path) -> str | None`` (None: no such file),
    as C++'s CompileOptions::load: ``path`` is the include's path resolved
    against the folder of ``name`` and normalised (``include
    "calendars.sla"`` in ``rules/main.sla`` asks for
    ``rules/calendars.sla``). Without either, an include is an error.
    Raises slakit.RuleError when the rules have errors."""
    if not isinstance(text, str):
        raise TypeError(f"loads() takes the rule text as str, not {type(text).__name__}")
    if files is not None and loader is not None:
        raise TypeError("loads() takes the included files as files= or as loader=, not both")
    if files is not None:
        by_path = {_os.path.normpath(path): body for path, body in dict(files).items()}
        return _core.compile([(name, text)], _checked_loader(lambda p: by_path.get(_os.path.normpath(p))))
    if loader is not None:
        return _core.compile([(name, text)], _checked_loader(loader))
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
for _name in ("evaluate", "evaluate_many", "evaluate_frame", "metrics_frame", "next_due",
              "next_due_many", "route", "route_many", "route_frame"):
    setattr(RuleSet, _name, getattr(_records, _name))
RuleSet.route_columns = _columns.route_columns
del _name
