"""`slakit test`: the thresholds a failed `warning at` (or `at none`) lists.

docs/cli.md, `slakit test`: "the thresholds a failed `warning at` or
`escalation at` lists as actual ... come in the order they fall, by
instant, those never reached last, two at one instant in the order the
policy writes them; text, `--format json` and `--junit` alike." (Review 20:
they came sorted as texts, `1h before due` before `50%` whatever their
instants.)

usage: threshold_order.py SLAKIT SOURCE_DIR WORK_DIR
"""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

slakit, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
rules = os.path.join(source, "threshold_order_tests.sla")

# Written `2h after due`, `at 50%`, `4h before due`, `1h before due`: 50% and
# 4h before the due fall at one instant (13:00), in the order written; the
# one after the due is never reached (solved at 17:30), so it comes last.
AT = ("[50% at 2026-03-02T13:00:00Z, 4h before due at 2026-03-02T13:00:00Z, "
      "1h before due at 2026-03-02T16:00:00Z, 2h after due at never]")
NONE = ("[50% at 2026-03-02T13:00:00Z, 4h before due at 2026-03-02T13:00:00Z, "
        "1h before due at 2026-03-02T16:00:00Z]")


def check(condition, what):
    if not condition:
        sys.exit("FAILED: " + what)


def run(*args):
    r = subprocess.run([slakit, "test", rules, *args], capture_output=True, text=True)
    check(r.returncode == 1, f"exit status {r.returncode}: {r.stderr}")
    return r.stdout


text = run()
check(f"    actual:   {AT}\n" in text, "text, `warning at`:\n" + text)
check(f"    actual:   {NONE}\n" in text, "text, `warning at none`:\n" + text)

report = json.loads(run("--format", "json"))
actual = [e["actual"] for e in report["tests"][0]["expectations"]]
check(actual == [AT, NONE], f"json: {actual}")

junit = os.path.join(work, "threshold_order.xml")
run("--junit", junit)
failure = ET.parse(junit).getroot().find(".//failure")
check(failure.get("message").endswith(f"expected 2026-03-02T10:00:00Z, got {AT}"),
      "junit message: " + failure.get("message"))
check(f"actual:   {AT}\n" in failure.text and f"actual:   {NONE}\n" in failure.text,
      "junit text: " + failure.text)
print("ok")
