"""Rule files named in any order, and one file under two paths (review 26,
F1 and F2).

docs/language.md, "Includes": rule order follows the includes, not the
order the files are named in ("no file comes before a file that includes
it"; "naming a file that another one includes changes nothing"), and "One
file is one file whatever path reaches it": the CLI tells files apart by
device and inode.

usage: rule_files_order.py SLAKIT
"""

import json
import os
import subprocess
import sys
import tempfile

BASE = "sla standard {\n  first_response 8h\n}\nroute fallback -> queue triage\n"
VIP = ('include "base.sla"\nsla gold for contract.sla == "gold" {\n  first_response 1h\n}\n'
       'route vip when contract.sla == "gold" -> queue vip\n')
TESTS = ('include "../vip.sla"\n\ntest "gold contract gets gold" {\n'
         '  ticket.created = 2026-03-02T09:00:00Z\n  contract.sla = "gold"\n'
         '  now 2026-03-02T10:00:00Z\n  expect sla gold\n  expect queue vip\n}\n')
TICKET = '{"id": 1, "created": "2026-03-02T09:00:00Z", "contract": {"sla": "gold"}}\n'
NOW = "2026-03-02T10:00:00Z"


def main() -> int:
    slakit = os.path.abspath(sys.argv[1])
    problems = []

    with tempfile.TemporaryDirectory() as d:
        def write(name, text):
            os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)

        def run(*args):
            return subprocess.run([slakit, *args], cwd=d, capture_output=True, text=True,
                                  check=False)

        def expect(what, done, status, stdout_has="", stderr_lacks=""):
            if done.returncode != status or stdout_has not in done.stdout or (
                    stderr_lacks and stderr_lacks in done.stderr):
                problems.append(f"{what}: exit {done.returncode} (expected {status})\n"
                                f"stdout: {done.stdout}\nstderr: {done.stderr}")

        write("rules/base.sla", BASE)
        write("rules/vip.sla", VIP)
        write("rules/tests/vip_tests.sla", TESTS)
        write("t.jsonl", TICKET)

        # The same answer however the files are named: base.sla is included.
        for named in (["rules/vip.sla"], ["rules/base.sla", "rules/vip.sla"],
                      ["rules/vip.sla", "rules/base.sla"]):
            done = run("eval", *named, "--tickets", "t.jsonl", "--now", NOW)
            answer = json.loads(done.stdout.splitlines()[0]) if done.returncode == 0 else {}
            if answer.get("sla") != "gold":
                problems.append(f"eval {named}: sla {answer.get('sla')}, expected gold\n"
                                f"{done.stderr}")
            done = run("route", *named, "--tickets", "t.jsonl", "--now", NOW)
            routed = json.loads(done.stdout.splitlines()[0]) if done.returncode == 0 else {}
            if routed.get("queue") != "vip":
                problems.append(f"route {named}: queue {routed.get('queue')}, expected vip\n"
                                f"{done.stderr}")
        # The glob form the docs give for CI, base.sla first.
        expect("test of a glob", run("test", "rules/base.sla", "rules/vip.sla",
                                     "rules/tests/vip_tests.sla"), 0, "1 passed, 0 failed")
        expect("check of a glob", run("check", "rules/base.sla", "rules/vip.sla"), 0,
               stderr_lacks="warning")
        done = run("diff", "rules/vip.sla", "--", "rules/base.sla", "rules/vip.sla",
                   "--tickets", "t.jsonl", "--now", NOW)
        expect("diff of one rule set named two ways", done, 0, "0 changed")

        # One file under two paths: relative and absolute, and a link.
        absolute = os.path.join(d, "rules", "vip.sla")
        expect("test, a file named absolute and included relative",
               run("test", absolute, "rules/tests/vip_tests.sla"), 0, "1 passed, 0 failed")
        write("cyc/b.sla", 'include "a.sla"\ncalendar cb {\n  zone "UTC"\n  mon 09:00-17:00\n}\n')
        write("cyc/a.sla", f'include "{os.path.join(d, "cyc", "b.sla")}"\n'
                           'calendar ca {\n  zone "UTC"\n  mon 09:00-17:00\n}\n')
        expect("check, a cycle through an absolute path", run("check", "cyc/a.sla"), 0)
        os.symlink("vip.sla", os.path.join(d, "rules", "link.sla"))
        expect("check, a file and a link to it", run("check", "rules/link.sla", "rules/vip.sla"),
               0, stderr_lacks="E0201")

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
