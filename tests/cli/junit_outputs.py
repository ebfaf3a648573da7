"""`slakit test --junit`: where the file goes, and what a case that could not
run looks like in it (docs/cli.md, `slakit test`).

Review 10: `--output X --junit X` wrote the text report over the JUnit file;
`--junit` into a missing directory said only "cannot write", without the
system's reason, after running every case; a case whose ticket the engine
rejected was a <failure> of type "expectation" with the bare engine message,
`errors` was always 0, and there was no `time`.

usage: junit_outputs.py SLAKIT SOURCE_DIR WORK_DIR
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

slakit, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
runner = os.path.join(source, "runner_tests.sla")  # 4 cases, 2 fail their expectations
rejected = os.path.join(source, "rejected_ticket_tests.sla")  # 1 case, its ticket rejected


def run(*args):
    r = subprocess.run([slakit, "test", *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def check(condition, what):
    if not condition:
        sys.exit("FAILED: " + what)


# "--junit and --output (or standard output, for --junit - without
# --output) may not be one file: a usage error before any case runs."
same = os.path.join(work, "same.xml")
with open(same, "w") as f:
    f.write("kept\n")
rc, out, err = run(runner, "--output", same, "--junit", same)
check(rc == 2 and "--junit '" in err and "one would overwrite the other" in err, f"same file: {rc} {err}")
check(open(same).read() == "kept\n", "the file both name is left as it was")
rc, out, err = run(runner, "--junit", "-")
check(rc == 2 and "standard output" in err and out == "", f"--junit - onto stdout: {rc} {err}")
# /dev/stdout is standard output too, when that is a file or a pipe (review
# 12, F6: the report overwrote the start of the XML).
with open(os.path.join(work, "both.txt"), "w") as both:
    r = subprocess.run([slakit, "test", runner, "--junit", "/dev/stdout"], stdout=both,
                       stderr=subprocess.PIPE, text=True)
check(r.returncode == 2 and "standard output" in r.stderr, f"/dev/stdout: {r.returncode} {r.stderr}")
rc, out, err = run(runner, "--junit", "/dev/null")
check(rc == 1 and out.endswith("2 passed, 2 failed\n"), f"/dev/null is allowed: {rc} {err}")
rc, out, err = run(runner, "--junit", "-", "--output", os.path.join(work, "report.txt"))
check(rc == 1 and out.startswith("<?xml"), f"--junit - with --output writes XML to stdout: {rc} {err}")

# "An --output or --junit that cannot be written fails before the run, with
# the system's reason."
missing = os.path.join(work, "no-such-dir", "out.xml")
rc, out, err = run(runner, "--junit", missing)
check(rc == 2 and "No such file or directory" in err and out == "", f"missing dir: {rc} {out} {err}")

# "A case whose ticket the engine rejected is an <error> (type "rejected"),
# counted in `errors`, its message `file:line:col: ` and the engine's
# message; a case whose expectations failed is a <failure> (type
# "expectation"), counted in `failures`. Every testcase, suite and the
# whole carry `time`, the seconds they took."
def junit_of(rules):
    path = os.path.join(work, os.path.basename(rules) + ".xml")
    rc, out, err = run(rules, "--junit", path)
    check(rc == 1, f"exit {rc}: {err}")
    return ET.parse(path).getroot()


root = junit_of(rejected)
check((root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1"), str(root.attrib))
suite = root.find("testsuite")
check((suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "1"), str(suite.attrib))
case = suite.find("testcase")
error = case.find("error")
check(error is not None and case.find("failure") is None, "the rejected case is an <error>")
check(error.get("type") == "rejected", str(error.attrib))
message = error.get("message")
check(message.startswith(rejected + ":15:6: ticket 'event before creation': "), message)
timed = [root, suite, case]

root = junit_of(runner)
check((root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "0"), str(root.attrib))
cases = root.find("testsuite").findall("testcase")
failures = [c.find("failure") for c in cases if c.find("failure") is not None]
check(len(failures) == 2 and all(f.get("type") == "expectation" for f in failures), "failures")
check(all(c.find("error") is None for c in cases), "no case of runner_tests.sla is an error")
for element in timed + [root, root.find("testsuite"), *cases]:
    check(float(element.get("time")) >= 0, f"time of {element.tag}: {element.attrib}")
total = sum(float(c.get("time")) for c in cases)
check(abs(float(root.get("time")) - total) < 1e-5, "the whole's time is its cases'")
print("junit outputs ok")
