"""A rule set's test blocks run from Python (docs/python.md, "Rules"): "`test_names`
lists them in file order, and `run_tests(filter="")` runs those whose names
match ... and returns the same object" as `slakit test --format json`.
(Review 18 F3: docs/language.md promised the bindings could list and run
them, and they could not.)"""

import json
import os
import subprocess

import pytest

import slakit

from conftest import SOURCE_DIR

RUNNER_TESTS = SOURCE_DIR / "tests" / "cli" / "runner_tests.sla"
EXAMPLE_TESTS = SOURCE_DIR / "examples" / "rules" / "tests" / "sla_tests.sla"


def cli_report(*args):
    cli = os.environ.get("SLAKIT_CLI")
    if not cli:
        pytest.skip("SLAKIT_CLI is not set to the built slakit binary (ctest sets it)")
    out = subprocess.run([cli, "test", *map(str, args), "--format", "json"], capture_output=True,
                         text=True)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def test_names_in_file_order():
    rules = slakit.load(RUNNER_TESTS)
    names = [line.split('"')[1] for line in RUNNER_TESTS.read_text().splitlines()
             if line.startswith('test "')]
    assert rules.test_names == names and len(names) == 4


@pytest.mark.parametrize("path, pattern", [(RUNNER_TESTS, ""), (RUNNER_TESTS, "fails*"),
                                           (EXAMPLE_TESTS, "DST")])
def test_run_tests_is_slakit_test(path, pattern):
    rules = slakit.load(path)
    report = rules.run_tests(pattern)
    assert report == cli_report(path, *(["--filter", pattern] if pattern else []))
    assert report["passed"] + report["failed"] == len(report["tests"]) > 0
    if pattern:
        assert all(pattern.strip("*") in t["name"] for t in report["tests"])


def test_failures_come_with_positions_and_values():
    report = slakit.load(RUNNER_TESTS).run_tests()
    assert (report["passed"], report["failed"]) == (2, 2)
    failed = [e for t in report["tests"] for e in t["expectations"] if not e["passed"]]
    wrong_due = next(e for e in failed if "due 2026-06-08 10:00" in e["expectation"])
    assert (wrong_due["line"], wrong_due["column"]) == (30, 3)
    assert wrong_due["expected"].startswith("2026-06-08T10:00:00+02:00")
    assert wrong_due["actual"].startswith("2026-06-08T11:00:00+02:00")



# docs/python.md: "Nothing to run is an error, not a pass" (review 19 F4: an
# empty report passed `assert report["failed"] == 0` after a typo).
def test_nothing_to_run_raises():
    with pytest.raises(ValueError, match="no test name matches filter 'no such case'"):
        slakit.load(RUNNER_TESTS).run_tests("no such case")
    with pytest.raises(ValueError, match="the rule set has no test block"):
        slakit.loads("route r -> queue q\n", name="r.sla").run_tests()
