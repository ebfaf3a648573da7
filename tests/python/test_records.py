"""SLA evaluation and routing from dicts and DataFrames: equal to the CLI's
output on the example rule set, errors per ticket, frames, pickling of
results, and 8 threads sharing one RuleSet."""

import datetime as dt
import json
import pickle
import re
import subprocess
import threading

import pandas as pd
import pytest

import slakit

from conftest import EXAMPLE_RULES, EXAMPLE_TICKETS, SOURCE_DIR

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 4, 22, 12, tzinfo=UTC)
NOW_TEXT = "2026-04-22T12:00:00Z"
GROUPS = SOURCE_DIR / "examples" / "rules" / "routing_groups.sla"
BAD_TICKETS = SOURCE_DIR / "tests" / "cli" / "bad_tickets.jsonl"


def run_cli(cli, *args):
    """The CLI's JSON lines and its error reports; the summary line that ends
    stderr (docs/cli.md, "Conventions") is checked against the output and
    left out."""
    out = subprocess.run([cli, *map(str, args)], capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    *reports, summary = out.stderr.splitlines(keepends=True)
    match = re.fullmatch(r"slakit (eval|route): (\d+) tickets? read, (\d+) written, (\d+) rejected\n", summary)
    assert match, out.stderr
    read, written, rejected = map(int, match.groups()[1:])
    assert written == len(results) and read == written + rejected
    return results, "".join(reports)


def cli_errors(stderr):
    """{line number: message} of the CLI's "path:line: error: message" reports."""
    errors = {}
    for report in stderr.splitlines():
        _, number, message = report.split(":", 2)
        errors[int(number)] = message.removeprefix(" error: ")
    return errors


def assert_same_as_cli(results, stdout, stderr):
    """Python's per-ticket results against the CLI's output lines and its
    error reports (one ticket per line, so row i is line i + 1)."""
    assert [r for r in results if "error" not in r] == stdout
    assert {i + 1: r["error"] for i, r in enumerate(results) if "error" in r} == cli_errors(stderr)


def without_forms(results):
    """``results`` without the ``form`` Python adds to each threshold
    (docs/python.md, "The form of a threshold"), each checked on the way."""
    for r in results:
        for cycle in r.get("targets", []) + r.get("olas", []):
            for t in cycle["warnings"] + cycle["escalations"]:
                form = t.pop("form")
                assert form in ("percent", "before_due", "after_due") and form in t
    return results


def test_evaluate_equals_the_cli(cli, rules, tickets):
    expected, stderr = run_cli(cli, "eval", EXAMPLE_RULES, "--tickets", EXAMPLE_TICKETS, "--now", NOW_TEXT)
    assert not stderr
    assert any(c["warnings"] for r in expected for c in r["targets"])  # the forms are checked
    assert without_forms(rules.evaluate_many(tickets, NOW)) == expected
    assert without_forms(rules.evaluate_many(tickets, NOW, threads=1)) == expected
    assert without_forms([rules.evaluate(t, NOW) for t in tickets]) == expected
    explained, _ = run_cli(
        cli, "eval", EXAMPLE_RULES, "--tickets", EXAMPLE_TICKETS, "--now", NOW_TEXT, "--explain"
    )
    assert without_forms(rules.evaluate_many(tickets, NOW, explain=True)) == explained
    assert without_forms([rules.evaluate(tickets[0], NOW, explain=True)]) == explained[:1]


@pytest.mark.parametrize("path", [EXAMPLE_RULES, GROUPS])
def test_route_equals_the_cli(cli, tickets, path):
    rules = slakit.load(path)
    at = "2026-03-06T15:10:00Z"
    now = dt.datetime(2026, 3, 6, 15, 10, tzinfo=UTC)
    # At 15:10 the later tickets are not created yet: errors, as in the CLI.
    expected, stderr = run_cli(cli, "route", path, "--tickets", EXAMPLE_TICKETS, "--now", at)
    assert stderr
    assert_same_as_cli(rules.route_many(tickets, now), expected, stderr)
    assert rules.route(tickets[0], now) == expected[0]
    everything, stderr = run_cli(cli, "route", path, "--tickets", EXAMPLE_TICKETS)
    assert not stderr and len(everything) == len(tickets)
    assert rules.route_many(tickets) == everything
    assert [rules.route(t) for t in tickets] == everything
    explained, _ = run_cli(cli, "route", path, "--tickets", EXAMPLE_TICKETS, "--explain")
    assert rules.route_many(tickets, explain=True) == explained


AGENTS = SOURCE_DIR / "tests" / "cli" / "agents.jsonl"
AGENT_TICKETS = SOURCE_DIR / "tests" / "cli" / "route_agents_tickets.jsonl"


@pytest.mark.parametrize("at", ["2026-03-06T15:10:00Z", "2026-03-06T15:15:00Z", "2026-03-06T17:00:00Z"])
def test_agents_equal_the_cli(cli, at):
    rules = slakit.load(GROUPS)
    now = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    tickets = [json.loads(line) for line in AGENT_TICKETS.read_text().splitlines() if line.strip()]
    agents = [json.loads(line) for line in AGENTS.read_text().splitlines() if line.strip()]
    # The CLI skips the agent it cannot read (cy's capacity "two"); Python raises.
    with pytest.raises(slakit.InvalidArgument, match=r"agents\[2\]: capacity: expected a whole number"):
        rules.route_many(tickets, now, agents=agents)
    good = [a for a in agents if a["id"] != "cy"]
    expected, stderr = run_cli(
        cli, "route", GROUPS, "--tickets", AGENT_TICKETS, "--agents", AGENTS, "--now", at
    )
    assert "agents.jsonl:3: error: agent 'cy': capacity" in stderr
    assert_same_as_cli(rules.route_many(tickets, now, agents=good), expected, "")
    assert {r.get("agent") for r in expected} - {None}  # someone was chosen
    explained, _ = run_cli(
        cli, "route", GROUPS, "--tickets", AGENT_TICKETS, "--agents", AGENTS, "--now", at, "--explain"
    )
    assert rules.route_many(tickets, now, explain=True, agents=good) == explained
    assert rules.route(tickets[0], now, agents=good) == expected[0]
    frame = rules.route_frame(pd.DataFrame({"id": [t["id"] for t in tickets]}), now=now, agents=good)
    assert list(frame.columns[-3:]) == ["agent", "agent_why", "error"]
    with pytest.raises(ValueError, match="needs now"):
        rules.route_many(tickets, agents=good)
    with pytest.raises(slakit.InvalidArgument, match="agents\\[1\\]: id: agent 'ana' appears twice \\(first agents\\[0\\]\\)"):
        rules.route_many(tickets, now, agents=[good[0], good[0]])
    # docs/cli.md: "Each error of an agent line is worded `FIELD: what`"; the
    # repeat is one more error of a line that fails for another reason too.
    with pytest.raises(slakit.InvalidArgument) as both:
        rules.route_many(tickets, now, agents=[good[0], {**good[0], "capacity": -1}])
    assert str(both.value) == (
        "agents[1]: capacity: -1 is out of range (0 to 1000000); and id: appears twice (first agents[0])"
    )
    # docs/cli.md, "Conventions": ids stand between single quotes, "where a
    # quote is `\\'` and a backslash `\\\\`".
    with pytest.raises(slakit.InvalidArgument) as quoted:
        rules.route_many(tickets, now, agents=[{"id": "O'Brien\\"}, {"id": "O'Brien\\"}])
    assert str(quoted.value) == "agents[1]: id: agent 'O\\'Brien\\\\' appears twice (first agents[0])"
    # docs/cli.md: "a `null` inside one is an error naming its place" (review 23 F5).
    for key in ("skills", "teams"):
        with pytest.raises(slakit.InvalidArgument, match=rf"agents\[1\]: {key}\[0\]: expected a string"):
            rules.route_many(tickets, now, agents=[good[0], {"id": "x1", key: [None, 5]}])


def test_bad_tickets_are_reported_per_row_like_the_cli(cli, rules):
    lines = BAD_TICKETS.read_text().splitlines()
    records = []
    cli_line = {}  # CLI line number -> row
    for number, line in enumerate(lines, 1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # Python callers hand over dicts: invalid JSON cannot happen
        cli_line[number] = len(records) - 1
    expected_out, stderr = run_cli(cli, "eval", EXAMPLE_RULES, "--tickets", BAD_TICKETS, "--now", NOW_TEXT)
    got = without_forms(rules.evaluate_many(records, NOW))
    errors = {cli_line[n]: m for n, m in cli_errors(stderr).items() if n in cli_line}
    assert {i: r["error"] for i, r in enumerate(got) if "error" in r} == errors
    assert [r for r in got if "error" not in r] == expected_out
    assert len(errors) == 5  # A-2, A-3, A-4, A-5 and A-6; A-1 and A-7 evaluate


def test_one_bad_ticket_raises_ticket_error(rules):
    with pytest.raises(slakit.TicketError, match=r"ticket 'A-6': ticket.priority: expected one of"):
        rules.evaluate({"id": "A-6", "created": "2026-03-02T09:00:00Z", "ticket": {"priority": "asap"}}, NOW)
    with pytest.raises(slakit.TicketError, match="missing: every ticket needs an \"id\""):
        rules.route({"created": "2026-03-02T09:00:00Z"})
    with pytest.raises(ValueError, match="naive datetime"):
        rules.evaluate({"id": "X", "created": dt.datetime(2026, 3, 2, 9)}, NOW)
    with pytest.raises(ValueError, match="naive datetime"):
        rules.evaluate({"id": "X", "created": "2026-03-02T09:00:00Z"}, dt.datetime(2026, 4, 1))
    with pytest.raises(TypeError):
        rules.evaluate(["not", "a", "dict"], NOW)
    assert rules.evaluate_many([], NOW) == []


# docs/python.md: "a naive `datetime`, or a `timedelta` with a fraction of a
# second, is bad ticket data named like any other", so in a batch it fails
# its own ticket alone (review 18 F2: it raised out of evaluate_many,
# naming neither the ticket nor the key, and the good tickets were lost).
def test_a_naive_datetime_fails_its_ticket_alone(rules, tickets):
    naive = {"id": "T-2", "created": dt.datetime(2026, 3, 6, 15)}
    fraction = {"id": "T-3", "created": "2026-03-06T15:00:00Z",
                "ticket": {"wait": dt.timedelta(seconds=1.5)}}
    message = ("ticket 'T-2': created: naive datetime 2026-03-06 15:00:00: tickets need "
               "timezone-aware datetimes")
    for call in (rules.evaluate_many, rules.route_many, rules.next_due_many):
        results = call([tickets[0], naive, fraction], NOW)
        assert results[0] == call([tickets[0]], NOW)[0] and "error" not in (results[0] or {})
        assert results[1] == {"error": message}
        assert results[2]["error"].startswith("ticket 'T-3': ticket.wait: duration 0:00:01.5")
    with pytest.raises(slakit.TicketError, match=re.escape(message)):
        rules.evaluate(naive, NOW)


# docs/python.md: "`now` is an aware `datetime` or RFC 3339 text with an
# offset (read as a ticket's instants are); a naive `datetime` or text
# without an offset is a `ValueError` naming it, another type a
# `TypeError`." (Review 18 F5: text got pybind11's private signatures.)
def test_now_may_be_rfc3339_text(rules, tickets):
    assert rules.evaluate(tickets[0], NOW_TEXT) == rules.evaluate(tickets[0], NOW)
    assert rules.evaluate_many(tickets, "2026-04-22T14:00:00+02:00") == rules.evaluate_many(tickets, NOW)
    assert rules.next_due(tickets[0], NOW_TEXT) == rules.next_due(tickets[0], NOW)
    assert rules.route_many(tickets, NOW_TEXT) == rules.route_many(tickets, NOW)
    frame, events = frame_of(tickets)
    pd.testing.assert_frame_equal(rules.evaluate_frame(frame, NOW_TEXT, events=events),
                                  rules.evaluate_frame(frame, NOW, events=events))
    for bad in ("2026-04-22T12:00:00", "tomorrow"):
        with pytest.raises(ValueError, match=f"now: invalid time '{bad}': expected RFC 3339 with an offset"):
            rules.evaluate(tickets[0], bad)
        with pytest.raises(ValueError, match=f"now: invalid time '{bad}'"):
            rules.route_many(tickets, bad)
    with pytest.raises(ValueError, match=r"now: naive datetime 2026-04-22 12:00:00: give it a tzinfo"):
        rules.evaluate_many(tickets, dt.datetime(2026, 4, 22, 12))
    with pytest.raises(TypeError, match="now is a timezone-aware datetime or RFC 3339 text .*, not int"):
        rules.evaluate_many(tickets, 5)
    with pytest.raises(TypeError, match="or None, not float"):
        rules.route(tickets[0], 1.5)


# docs/python.md: "events whose ticket id is a row's id of another type
# (`'7'` for `7`) are left out with a `UserWarning` saying how many, and both
# ids with their types", and a column "close to a field (`ticket.priorty`)
# gets a `UserWarning` naming the field" (review 18 F8: both were silent;
# review 19 F8: events of tickets outside the frame are no slip).
def test_frames_warn_about_lost_events_and_misspelt_columns(rules, tickets):
    frame, events = frame_of(tickets)
    numbered = frame.assign(id=range(7, 7 + len(frame)))
    by_text = events.assign(ticket=events["ticket"].map(
        {t: str(7 + i) for i, t in enumerate(frame["id"])}))
    with pytest.warns(UserWarning, match=r"\d+ events of the events frame left out: their ticket "
                                         r"ids are of another type than the tickets frame's "
                                         r"\('7', str, against 7, int\)"):
        rules.evaluate_frame(numbered, NOW, events=by_text)
    misspelt = frame.rename(columns={"ticket.priority": "ticket.priorty"})
    with pytest.warns(UserWarning, match="column 'ticket.priorty' names no field of the rule set; "
                                         "did you mean 'ticket.priority'"):
        rules.route_frame(misspelt, NOW, events=events)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an export's unrelated column, and matched events: silent
        rules.evaluate_frame(frame.assign(**{"ticket.subject_line": "x"}), NOW, events=events)
        rules.evaluate_frame(frame.iloc[:1], NOW, events=events)  # events of other tickets too


def test_python_values_in_dicts(rules, tickets):
    # Aware datetimes and dates become the same record as their RFC 3339 text.
    t = json.loads(json.dumps(tickets[0]))
    t["created"] = dt.datetime(2026, 3, 6, 16, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    t["events"][0]["at"] = pd.Timestamp("2026-03-06T15:20:00Z")
    assert rules.evaluate(t, NOW) == rules.evaluate(tickets[0], NOW)


def frame_of(tickets):
    """The example tickets as a frame with dotted columns and a second frame of events."""
    rows, events = [], []
    for t in tickets:
        row = {"id": t["id"], "created": pd.Timestamp(t["created"])}
        for obj in ("ticket", "customer", "contract", "order"):
            for k, v in t.get(obj, {}).items():
                row[f"{obj}.{k}"] = v
        rows.append(row)
        for e in t.get("events", []):
            events.append({"ticket": t["id"], **e})
    frame = pd.DataFrame(rows)
    ev = pd.DataFrame(events)
    ev["at"] = pd.to_datetime(ev["at"], utc=True)
    return frame, ev


def test_frames_equal_the_dicts(rules, tickets):
    frame, events = frame_of(tickets)
    by_dicts = rules.evaluate_many(tickets, NOW)
    got = rules.evaluate_frame(frame, NOW, events=events)
    cycles = [
        (e["id"], kind, c["policy"], c["metric"], c["cycle"], c["state"], c["due"], c["remaining"])
        for e in by_dicts
        for kind, key in (("sla", "targets"), ("ola", "olas"))
        for c in e[key]
    ]
    rows = [
        (r.id, r.kind, r.policy, r.metric, r.cycle, r.state,
         None if pd.isna(r.due) else r.due.strftime("%Y-%m-%dT%H:%M:%SZ"), r.remaining)
        for r in got.itertuples()
    ]
    assert rows == cycles
    assert str(got["due"].dtype) == "datetime64[ns, UTC]"
    assert got["error"].isna().all()
    # Events as a list column give the same answer.
    with_list = frame.assign(events=[t.get("events", []) for t in tickets])
    pd.testing.assert_frame_equal(rules.evaluate_frame(with_list, NOW), got)
    routed = rules.route_frame(frame, events=events)
    assert routed.drop(columns=["error"]).to_dict("records") == rules.route_many(tickets)


def test_frame_errors_are_rows(rules):
    frame = pd.DataFrame(
        {
            "id": ["ok", "bad"],
            "created": ["2026-03-02T09:00:00Z", "yesterday"],
            "contract.sla": ["standard", "standard"],
        }
    )
    got = rules.evaluate_frame(frame, NOW)
    assert set(got.loc[got["id"] == "ok", "policy"]) == {"standard"}
    [error] = got["error"].dropna()
    assert error.startswith("ticket 'bad': created: invalid time 'yesterday'")
    routed = rules.route_frame(frame)
    assert routed["error"].isna().tolist() == [True, False]  # a bad time is bad for routing too
    # An empty cell is a key left out: routing needs no creation here.
    assert rules.route_frame(frame.assign(created=[None, None]))["error"].isna().all()
    with pytest.raises(ValueError, match="naive"):
        rules.evaluate_frame(frame.assign(created=pd.to_datetime(["2026-03-02", "2026-03-02"])), NOW)
    with pytest.raises(TypeError):
        rules.evaluate_frame([{"id": "x"}], NOW)
    with pytest.raises(ValueError, match="'ticket' column"):
        rules.evaluate_frame(frame, NOW, events=pd.DataFrame({"at": [], "kind": []}))


def test_results_pickle(rules, tickets):
    frame, events = frame_of(tickets)
    for result in (
        rules.evaluate_many(tickets, NOW),
        rules.route_many(tickets),
        rules.evaluate_frame(frame, NOW, events=events),
    ):
        again = pickle.loads(pickle.dumps(result))
        if isinstance(result, pd.DataFrame):
            pd.testing.assert_frame_equal(again, result)
        else:
            assert again == result


def test_eight_threads_share_one_rule_set(rules, tickets):
    many = tickets * 500
    expected_eval = rules.evaluate_many(many, NOW, threads=1)
    expected_route = rules.route_many(many)
    cal = rules.calendar("emea_support")
    start = dt.datetime(2026, 3, 27, 15, tzinfo=UTC)
    results = [None] * 8
    failures = []

    def work(i):
        try:
            results[i] = (
                rules.evaluate_many(many, NOW, threads=1),
                rules.route_many(many),
                [cal.add(start, k * 600) for k in range(200)],
            )
        except Exception as e:  # reported below: an exception in a thread is not a failure
            failures.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    single = [cal.add(start, k * 600) for k in range(200)]
    for r in results:
        assert r == (expected_eval, expected_route, single)


def test_frame_values_of_every_kind(rules):
    """Dates, timedeltas, numbers, bools and empty cells in a frame read as
    the same values written in dicts."""
    typed = slakit.loads(
        (SOURCE_DIR / "tests" / "cli" / "ticket_values.sla").read_text(), name="values.sla"
    )
    frame = pd.DataFrame(
        {
            "id": ["slow", "fast", "none"],
            "created": pd.to_datetime(["2026-03-02 09:00"] * 3, utc=True),
            "ticket.wait": pd.to_timedelta([2 * 3600, 600, None], unit="s"),
            "ticket.reopened": [True, None, False],
            "contract.start": [dt.date(2026, 1, 1), None, dt.date(2026, 2, 1)],
            "order.value": [10.5, None, 3],
        }
    )
    dicts = [
        {"id": "slow", "created": "2026-03-02T09:00:00Z", "ticket": {"wait": dt.timedelta(hours=2), "reopened": True},
         "contract": {"start": dt.date(2026, 1, 1)}, "order": {"value": 10.5}},
        {"id": "fast", "created": "2026-03-02T09:00:00Z", "ticket": {"wait": 600}},
        {"id": "none", "created": "2026-03-02T09:00:00Z", "ticket": {"reopened": False},
         "contract": {"start": "2026-02-01"}, "order": {"value": 3}},
    ]
    by_dicts = typed.evaluate_many(dicts, NOW)
    assert [e["sla"] for e in by_dicts] == ["slow", "standard", "standard"]
    got = typed.evaluate_frame(frame, NOW)
    assert got["error"].isna().all(), got["error"].tolist()
    assert got[["id", "sla", "policy"]].values.tolist() == [
        [e["id"], e["sla"], t["policy"]] for e in by_dicts for t in e["targets"]
    ]
    # A fraction of a second fails its row alone (docs/python.md, "What
    # raises what": per ticket, never), with the message a dict gets.
    fractional = frame.assign(**{"ticket.wait": pd.to_timedelta([1.5, 1, 1], unit="s")})
    got = typed.evaluate_frame(fractional, NOW).drop_duplicates("id")
    assert got["error"].tolist()[0] == (
        "ticket 'slow': ticket.wait: duration 0 days 00:00:01.500000: slakit counts whole seconds")
    assert got["error"].tolist()[1:] == [None, None]
    by_dicts = typed.evaluate_many(fractional.to_dict("records"), NOW)
    assert by_dicts[0]["error"].startswith("ticket 'slow': ticket.wait: duration")


# docs/python.md: dicts' "`id` is a string or an int (docs/cli.md, "Input"),
# reported as its text"; docs/cli.md: "Any other type is an error of its line".
def test_dict_ids_may_be_ints(rules):
    tickets = [{"id": 35436, "created": "2026-04-22T09:00:00Z"},
               {"id": 1.5, "created": "2026-04-22T09:00:00Z"}]
    routed = rules.route_many(tickets, now=NOW)
    assert routed[0]["id"] == "35436" and "error" not in routed[0]
    assert routed[1] == {"error": "id: expected a string or an integer, got 1.5"}
    assert rules.evaluate(tickets[0], NOW)["id"] == "35436"


# docs/python.md, errors: `evaluate_many`, `route_many`, `*_frame`: "per
# ticket: never (an `error` entry or column)"; `evaluate`: "`TicketError`
# naming the ticket". A ticket nested past Python's recursion, or holding
# itself, fails alone, as the CLI fails a line nested too deeply.
def test_a_ticket_too_deep_or_holding_itself_fails_alone(rules):
    deep = {"id": "D", "created": "2026-04-22T09:00:00Z", "ticket": {"junk": []}}
    nested = deep["ticket"]["junk"]
    for _ in range(5000):
        nested.append([])
        nested = nested[0]
    looped = {"id": "L", "created": "2026-04-22T09:00:00Z", "ticket": {}}
    looped["ticket"]["self"] = looped
    good = {"id": "G", "created": "2026-04-22T09:00:00Z"}
    message = "nested too deeply, or holds a value that contains itself"
    results = rules.evaluate_many([deep, good, looped], NOW)
    assert results[0] == {"error": f"ticket 'D': {message}"}
    assert results[1]["id"] == "G" and "error" not in results[1]
    assert results[2] == {"error": f"ticket 'L': {message}"}
    assert [r.get("error") for r in rules.route_many([looped, good], now=NOW)] == [
        f"ticket 'L': {message}", None]
    with pytest.raises(slakit.TicketError, match="ticket 'D': nested too deeply"):
        rules.evaluate(deep, NOW)


def test_a_frame_cell_too_deep_fails_its_row_alone(rules):
    looped = []
    looped.append(looped)
    frame = pd.DataFrame({"id": ["A", "B"], "created": ["2026-04-22T09:00:00Z"] * 2,
                          "ticket.junk": pd.Series([looped, ["fine"]], dtype=object)})
    routed = rules.route_frame(frame, now=NOW)
    assert routed.loc[0, "error"].endswith("nested too deeply, or holds a value that contains itself")
    assert routed.loc[1, "queue"] == "triage"


# docs/cli.md, "Input": "A value of the wrong JSON type is an error that says
# what was expected and what it got, as JSON writes it" -- frame cells go
# through the same reader (review 22 F8: all four said "expected a string").
def test_a_cell_of_the_wrong_type_is_named_in_its_error():
    rules = slakit.load(EXAMPLE_RULES)
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "created": [NOW] * 4,
                          "ticket.priority": [3, True, {"x": 1}, 2.5]})
    errors = rules.evaluate_frame(frame, NOW)["error"].tolist()
    assert errors == [f"ticket '{row}': ticket.priority: expected a string, got {got}"
                      for row, got in zip("abcd", ["3", "true", "an object", "2.5"])]
