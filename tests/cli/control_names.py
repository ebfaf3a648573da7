"""Test names holding control characters, in every report of `slakit test`.

docs/cli.md, `slakit test`: "The text report writes a name's control
characters as escapes (`\\n`, `\\t`, `\\r`, `\\x01`), as every report of the
CLI does, so that one case is one line. JUnit writes the tab, line feed and
carriage return as character references (`&#9;`, `&#10;`, `&#13;`), so that
an XML parser reads the name back exactly; the other C0 controls, which XML
1.0 cannot hold at all, are written as the text report writes them. JSON
escapes them as JSON does."

Review 3, F9: the text report split one case over two lines, and the JUnit
`name` attribute held a raw line feed and tab, which parsers read as spaces.

The rule file is written here rather than kept in the repository, since it
holds a raw carriage return and a raw U+0001 inside a string.

usage: control_names.py SLAKIT WORK_DIR
"""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

slakit, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
rules = os.path.join(work, "control_names.sla")
junit = os.path.join(work, "control_names.xml")

# Two cases: "a<LF>b<TAB>c" (escapes in the rule text) fails, and
# "x<CR>y<U+0001>z" (raw bytes in the rule text) passes.
FAILING = "a\nb\tc"
PASSING = "x\ry\x01z"
with open(rules, "wb") as f:
    f.write(
        b"route r -> queue q\n"
        b'test "a\\nb\\tc" {\n'
        b"  ticket.created = 2026-03-02T09:00:00Z\n"
        b"  expect queue none\n"
        b"}\n"
        b'test "x\ry\x01z" {\n'
        b"  ticket.created = 2026-03-02T09:00:00Z\n"
        b"  expect queue q\n"
        b"}\n"
    )


def run(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([slakit, "test", rules, *args], capture_output=True)
    assert done.returncode == 1, (done.returncode, done.stderr)
    return done


# Text: one line per case, then the failure's lines, then the totals.
text = run("--junit", junit).stdout.decode()
lines = text.split("\n")
assert lines[0] == f"FAIL  a\\nb\\tc ({rules}:2:6)", lines
assert lines[1] == f"  {rules}:4:3: expect queue none", lines
assert lines[2] == "    expected: none", lines
assert lines[3] == "    actual:   q", lines
assert lines[4:7] == ["    explanation:", "      ticket a\\nb\\tc: route r -> queue q",
                     "        route r matches every ticket"], lines
assert lines[7:] == ["PASS  x\\ry\\x01z", "1 passed, 1 failed", ""], lines

# JUnit: the names round-trip through Python's XML parser, as far as XML
# 1.0 can carry them.
raw = open(junit, "rb").read().decode()
assert 'name="a&#10;b&#9;c"' in raw, raw
cases = ET.parse(junit).getroot().find("testsuite").findall("testcase")
names = [c.get("name") for c in cases]
assert names == [FAILING, "x\ry\\x01z"], names
assert cases[0].find("failure") is not None and cases[1].find("failure") is None

# JSON: the names exactly.
report = json.loads(run("--format", "json").stdout)
assert [t["name"] for t in report["tests"]] == [FAILING, PASSING], report["tests"]

print("control characters in test names: text, JUnit and JSON ok")
