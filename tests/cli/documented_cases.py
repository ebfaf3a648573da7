"""docs/cli.md, `slakit test`: "`examples/rules/tests/` holds 49 cases over
two of the example rule sets ...: 44 in `sla_tests.sla` ... and 5 in
`routing_groups_tests.sla`", and README.md says the same. The counts the
two documents give are the ones `slakit test` runs from the files (review
26: both said 45, and "one rule set").

usage: documented_cases.py SLAKIT SOURCE_DIR
"""

import json
import os
import re
import subprocess
import sys

slakit, root = sys.argv[1], sys.argv[2]
tests = os.path.join(root, "examples", "rules", "tests")


def check(condition, what):
    if not condition:
        sys.exit("FAILED: " + what)


counts = {}
for name in sorted(os.listdir(tests)):
    if not name.endswith(".sla"):
        continue
    r = subprocess.run([slakit, "test", os.path.join(tests, name), "--format", "json"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"slakit test {name}: exit {r.returncode}\n{r.stderr}")
    counts[name] = len(json.loads(r.stdout)["tests"])
check(counts, f"no test files in {tests}")
total = sum(counts.values())

for doc in ("README.md", os.path.join("docs", "cli.md")):
    # Sentences wrap: read the document as one line.
    text = " ".join(open(os.path.join(root, doc), encoding="utf-8").read().split())
    said = [int(n) for n in re.findall(r"`examples/rules/tests/` holds (\d+)", text)]
    check(said and all(n == total for n in said),
          f"{doc} says examples/rules/tests/ holds {said}; the files hold {total}")
    for name, count in counts.items():
        per_file = [int(n) for n in re.findall(r"(\d+) in `" + re.escape(name) + "`", text)]
        check(per_file and all(n == count for n in per_file),
              f"{doc} gives {per_file} cases in {name}; the file holds {count}")
print("documented case counts ok:", total, counts)
