"""SLA evaluation and routing of tickets given as dicts or DataFrames.

Each call turns its tickets into JSON Lines (``_convert``), hands them to C++
in one call (the GIL released while it works), and reads back, per ticket,
the JSON object ``slakit eval`` / ``slakit route`` prints, or the error it
would report. Results are therefore the CLI's, field for field, but for the
``form`` Python adds to each threshold (``_with_forms``).
"""

from __future__ import annotations

import contextlib
import gc
import json
from typing import Iterable, Iterator, List, Optional

from . import _convert, _core, _frames, _schema



@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector while results are parsed or made:
    they hold no cycles, and millions of new dicts otherwise set off
    collection after collection (3.5x the parse time, measured; twice the
    time of evaluate_frame's columns)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _failed(texts: List[Optional[str]], errors: List[Optional[str]], failures: _convert.Failures):
    """The C++ results with the tickets Python could not write failed, each
    with its own message (their placeholder lines were read as nothing)."""
    for i, message in failures.items():
        texts[i] = None
        errors[i] = message
    return texts, errors


def _form(threshold: dict) -> None:
    """Names a threshold's form, which ``slakit eval`` tells only by the key
    it writes: "percent", "before_due" or "after_due" (docs/python.md, "The
    form of a threshold"). Added here, not in C++: the CLI's lines stay as
    they are."""
    threshold["form"] = ("percent" if "percent" in threshold
                         else "before_due" if "before_due" in threshold else "after_due")


def _with_forms(evaluation: dict) -> dict:
    """``evaluation`` (an object of ``slakit eval``) with ``form`` in each of
    its cycles' warnings and escalations; an ``{"error"}`` entry as it is."""
    for kind in ("targets", "olas"):
        for cycle in evaluation.get(kind, ()):
            for threshold in cycle["warnings"]:
                _form(threshold)
            for threshold in cycle["escalations"]:
                _form(threshold)
    return evaluation


def _next_with_form(answer: Optional[dict]) -> Optional[dict]:
    """A next_due answer with ``form`` in its threshold (None: the breach)."""
    if answer is not None and answer.get("threshold") is not None:
        _form(answer["threshold"])
    return answer


def _as_is(result):
    return result


def _results(texts: List[Optional[str]], errors: List[Optional[str]], add_form=_as_is) -> List[dict]:
    with _no_gc():
        return [add_form(json.loads(t)) if t is not None else {"error": e}
                for t, e in zip(texts, errors)]


def _one(texts: List[Optional[str]], errors: List[Optional[str]], add_form=_as_is) -> dict:
    if errors[0] is not None:
        raise _core.TicketError(errors[0])
    return add_form(json.loads(texts[0]))


def evaluate(self, ticket: dict, now, *, explain: bool = False) -> dict:
    """The SLA and OLA clocks of one ticket (a dict in the record format of
    ``slakit eval``, docs/cli.md) at ``now`` (an aware datetime or RFC 3339 text), as the dict
    ``slakit eval`` prints for it, each warning and escalation with its
    ``form`` too ("percent", "before_due" or "after_due"). Raises
    slakit.TicketError naming the ticket and the key for bad ticket data."""
    text = _convert.dumps(ticket)
    return _one(*_core._evaluate_lines(self, text, now, explain, 1), _with_forms)


def evaluate_many(self, tickets: Iterable[dict], now, *, explain: bool = False,
                  threads: int = 0) -> List[dict]:
    """evaluate() over many tickets in one call (``threads`` C++ threads,
    0: one per core the process may run on). One dict per ticket, in order; a ticket that cannot be
    read or evaluated gives ``{"error": message}`` instead, the others go on.
    Each warning and escalation has its ``form``, as in evaluate()."""
    text, failures = _convert.lines_of_tickets(tickets)
    return _results(*_failed(*_core._evaluate_lines(self, text, now, explain, threads), failures),
                    _with_forms)


def next_due(self, ticket: dict, now) -> Optional[dict]:
    """When to look at one ticket again if nothing happens to it
    (docs/sla.md, "What falls due next"): the earliest breach of a running
    cycle (a second after its due) or warning or escalation not fired by
    ``now`` (a breached cycle's ``after due`` ones included), as ``{"at", "kind", "policy", "metric", "cycle", "team",
    "threshold"}`` (``kind`` "sla" or "ola", as the frames say it;
    ``threshold`` None for the breach, else its ``percent`` (or
    ``before_due`` / ``after_due``, seconds, for ``warn 1h before due`` /
    ``escalate 2h after due ...``), ``form`` (which of them), ``escalation``
    and, for an escalation, ``to_kind`` and ``to``); None when nothing is
    pending. Raises slakit.TicketError as evaluate() does."""
    text = _convert.dumps(ticket)
    return _one(*_core._evaluate_lines(self, text, now, False, 1, True), _next_with_form)


def next_due_many(self, tickets: Iterable[dict], now, *, threads: int = 0) -> List[Optional[dict]]:
    """next_due() over many tickets in one call, in order; a ticket that
    cannot be read or evaluated gives ``{"error": message}``, the others go
    on."""
    text, failures = _convert.lines_of_tickets(tickets)
    return _results(*_failed(*_core._evaluate_lines(self, text, now, False, threads, True),
                             failures), _next_with_form)


def _no_frame_for_now(now, call: str) -> None:
    """A TypeError saying what to do when a DataFrame (the events, passed
    by position) is given as ``now``."""
    import pandas as pd

    if isinstance(now, pd.DataFrame):
        raise TypeError(
            f"{call}(tickets, now, events): now is the instant to evaluate at (an aware "
            f"datetime), not a DataFrame; pass the events frame by keyword: "
            f"{call}(tickets, now, events=events)"
        )


def evaluate_frame(self, tickets, now, events=None, *, threads: int = 0):
    """SLA evaluation of a DataFrame of tickets (one row per ticket; columns
    ``id``, ``created``, ``ticket.priority``, ``customer.tier``...; events as a
    list column ``events`` or a second frame with a ``ticket`` column). Ids
    are texts or integers (docs/python.md, "Ids in a frame"); numbers are
    read exactly as Python's floats hold them.

    Returns a DataFrame with one row per target cycle (SLA and OLA), each
    with its ticket's index label (repeated, as DataFrame.explode does):
    ``id`` (the frame's own value),
    ``sla`` (the ticket's SLA at now), ``kind`` ("sla" or "ola"), then the
    cycle's fields as ``slakit eval`` writes them (instants as UTC
    timestamps, durations as whole seconds; each dict in ``warnings`` and
    ``escalations`` with its ``form``), and ``error``: a ticket that
    failed has one row with its message and the rest empty; a ticket
    without any cycle has none. Every column has one dtype whatever the
    data (docs/python.md, "Result columns")."""
    _no_frame_for_now(now, "evaluate_frame")
    text, failures = _frames.lines_of_frame(tickets, events, [path for path, _ in self.fields])
    # Columns straight from C++, not a JSON text per ticket parsed again;
    # its lists and dicts hold no cycles (_no_gc).
    with _no_gc():
        columns = _core._evaluate_columns(self, text, now, failures, threads)
        return _schema.columns_frame(tickets, columns, _schema.CYCLE)


def metrics_frame(self, tickets, now, events=None, *, threads: int = 0):
    """The per-ticket measures of a DataFrame of tickets (the frame
    evaluate_frame takes) at ``now``: one row per ticket, in order and with
    the frame's index, every ticket whether a policy applies or not: ``id``
    (the frame's own value), ``sla``, the ``metrics`` of ``slakit eval``
    with each business/calendar pair as two columns (``first_response_business``,
    ``first_response_calendar``, ``next_response_average_*``, ``handling_*``,
    ``resolution_*``; whole seconds, <NA> while not reached),
    ``next_responses`` (the list of pairs), ``public_replies``, ``reopenings``,
    ``first_contact_resolution`` and ``error`` (docs/python.md, "Per-ticket
    measures")."""
    _no_frame_for_now(now, "metrics_frame")
    text, failures = _frames.lines_of_frame(tickets, events, [path for path, _ in self.fields])
    with _no_gc():
        columns = _core._evaluate_columns(self, text, now, failures, threads, metrics=True)
        return _schema.columns_frame(tickets, columns, _schema.METRICS)


def _agents(agents: Optional[Iterable[dict]]) -> Optional[str]:
    return None if agents is None else _convert.lines_of_dicts(agents, "agents")


def route(self, ticket: dict, now=None, *, explain: bool = False,
          agents: Optional[Iterable[dict]] = None) -> dict:
    """The routing of one ticket (a dict, the record format of ``slakit
    route``) with its events at or before ``now`` (an aware datetime or RFC 3339 text; None:
    all of them), as the dict ``slakit route`` prints. With ``agents``
    (dicts as in ``slakit route --agents``, which need ``now``) it has
    "agent" and "agent_why" too. Raises slakit.TicketError for bad ticket
    data, slakit.InvalidArgument naming a bad agent."""
    texts, errors = _core._route_lines(self, _convert.dumps(ticket), now, explain, _agents(agents))
    return _one(texts, errors)


def route_many(self, tickets: Iterable[dict], now=None, *, explain: bool = False,
               agents: Optional[Iterable[dict]] = None) -> List[dict]:
    """route() over many tickets in one call: one dict per ticket, in order,
    ``{"error": message}`` for one that fails."""
    text, failures = _convert.lines_of_tickets(tickets)
    return _results(*_failed(*_core._route_lines(self, text, now, explain, _agents(agents)), failures))


def route_frame(self, tickets, now=None, events=None, *, agents: Optional[Iterable[dict]] = None):
    """Routing of a DataFrame of tickets (columns as evaluate_frame takes)
    with their events at or before ``now`` (None: all of them), the
    arguments in the order of route() and evaluate_frame(): one row per
    ticket, in order and with the frame's index, with the fields ``slakit route`` writes
    (and "agent", "agent_why" with ``agents``), ``id`` being the frame's own
    value (an integer id stays one), and ``error`` (the message for a
    ticket that failed, else None). A DataFrame where ``now`` goes is a
    TypeError: pass the events as ``events=``. Every column has one dtype
    whatever the data (docs/python.md, "Result columns")."""
    _no_frame_for_now(now, "route_frame")
    text, failures = _frames.lines_of_frame(tickets, events, [path for path, _ in self.fields])
    rows = _results(*_failed(*_core._route_lines(self, text, now, False, _agents(agents)), failures))
    # The frame's own id (an integer stays one), to join back.
    schema = _schema.ROUTING + (_schema.AGENT if agents is not None else []) + _schema.ERROR
    return _schema.frame(tickets, range(len(rows)), rows, schema, index=tickets.index)
