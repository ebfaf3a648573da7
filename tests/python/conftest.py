"""Shared fixtures: the example rule set, and where the CLI and sources are.

ctest runs this suite with PYTHONPATH=<build>/python, SLAKIT_CLI=<build>/slakit
and SLAKIT_SOURCE_DIR set (tests/CMakeLists.txt)."""

import json
import os
import pathlib

import pytest

import slakit

SOURCE_DIR = pathlib.Path(os.environ.get("SLAKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
EXAMPLE_RULES = SOURCE_DIR / "examples" / "rules" / "routing.sla"
EXAMPLE_TICKETS = SOURCE_DIR / "examples" / "tickets.jsonl"


@pytest.fixture(scope="session")
def rules():
    return slakit.load(EXAMPLE_RULES)


@pytest.fixture(scope="session")
def tickets():
    with open(EXAMPLE_TICKETS) as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("SLAKIT_CLI")
    if not path or not os.path.exists(path):
        pytest.skip("SLAKIT_CLI is not set to the built slakit binary (ctest sets it)")
    return path
