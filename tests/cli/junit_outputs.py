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

slakit, source, work = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
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

# "`classname`, that path without its `.sla` and with its folders joined by
# dots, `rules/tests/gold_tests.sla` giving `rules.tests.gold_tests` ...: a
# dot within a folder's or the file's name becomes `_`, and `.`, `..` and a
# leading `/` are left out"; `file` is the path as given (review 26: the
# classname was the path, which Jenkins split at `.sla`).
folder = os.path.basename(source)
for given, classname in [(os.path.join(folder, "runner_tests.sla"), folder + ".runner_tests"),
                         (os.path.join(".", folder, "..", folder, "runner_tests.sla"),
                          folder + "." + folder + ".runner_tests"),
                         (runner, ".".join(p.replace(".", "_") for p in runner[:-4].split("/") if p))]:
    path = os.path.join(work, "classname.xml")
    r = subprocess.run([slakit, "test", given, "--junit", path], capture_output=True, text=True,
                       cwd=os.path.dirname(source))
    check(r.returncode == 1, f"classname run: exit {r.returncode}: {r.stderr}")
    cases = ET.parse(path).getroot().find("testsuite").findall("testcase")
    check(len(cases) == 4, f"{len(cases)} cases")
    for c in cases:
        check(c.get("classname") == classname, f"classname of {given}: {c.get('classname')}, not {classname}")
        check(c.get("file") == given, f"file of {given}: {c.get('file')}")

# "When the rule files do not compile, `--junit` still writes a file, which
# reports that: one <testsuite> ..., one <testcase> named `compile` ...
# holding an <error> of type `compile` whose `message` is the first error
# ... and whose text is every diagnostic as `slakit check` prints them;
# tests="1" failures="0" errors="1" ... The exit status is 2 and the report
# (--output) is left as it was" (review 26: the previous run's JUnit file
# stayed, and a CI view showed its results).
for rules, first, more in [("compile_error_tests.sla", ":5:3: error[E0203]: unknown field 'ticket.categroy'", ""),
                           ("bad.sla", ":3:7: error[E0101]: invalid time of day '25:00'", " (and 1 more error)")]:
    rules = os.path.join(source, rules)
    xml_path, report = os.path.join(work, "compile.xml"), os.path.join(work, "compile.txt")
    for path in (xml_path, report):
        with open(path, "w") as f:
            f.write("an earlier run\n")
    r = subprocess.run([slakit, "test", rules, "--junit", xml_path, "--output", report],
                       capture_output=True, text=True)
    check(r.returncode == 2, f"compile errors: exit {r.returncode}: {r.stderr}")
    check(open(report).read() == "an earlier run\n", "the report is left as it was")
    checked = subprocess.run([slakit, "check", rules], capture_output=True, text=True)
    check(r.stderr == checked.stdout, f"stderr is not check's output:\n{r.stderr}\n{checked.stdout}")
    root = ET.parse(xml_path).getroot()
    check((root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1"), str(root.attrib))
    suites = root.findall("testsuite")
    check(len(suites) == 1 and suites[0].get("name") == rules, str([s.attrib for s in suites]))
    check((suites[0].get("tests"), suites[0].get("failures"), suites[0].get("errors")) == ("1", "0", "1"),
          str(suites[0].attrib))
    cases = suites[0].findall("testcase")
    check(len(cases) == 1 and cases[0].get("name") == "compile", str([c.attrib for c in cases]))
    case = cases[0]
    check(case.get("file") == rules and case.get("line") == first.split(":")[1], str(case.attrib))
    check(case.get("classname") == ".".join(p.replace(".", "_") for p in rules[:-4].split("/") if p),
          str(case.attrib))
    check(float(case.get("time")) >= 0 and case.find("failure") is None, str(case.attrib))
    error = case.find("error")
    check(error is not None and error.get("type") == "compile", "an <error> of type compile")
    message = error.get("message")
    check(message.startswith(rules + first) and message == checked.stdout.split("\n")[0] + more,
          f"message: {message}")
    check(error.text == checked.stdout, f"text:\n{error.text}\nnot:\n{checked.stdout}")

print("junit outputs ok")
