"""Runs slakit commands in an address space too small for their input.

docs/cli.md, "Exit codes": "Memory that runs out is exit 2 with one line
that says which command and, where it knows, what it was doing: `slakit
check: out of memory while compiling rules.sla`", never a crash or an
exception's bare name (`slakit: std::bad_alloc`). Each command runs under
RLIMIT_AS; AddressSanitizer builds cannot (their shadow memory needs
terabytes of address space), so CMake leaves this test out of them.

usage: out_of_memory.py SLAKIT WORKDIR
"""

import json
import os
import resource
import subprocess
import sys

LIMIT = 256 << 20  # bytes of address space: far below what the inputs need


def run(args, limit=LIMIT):
    def set_limit():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          preexec_fn=set_limit, check=False)


def expect(args, want):
    result = run(args)
    err = result.stderr.decode(errors="replace")
    if result.returncode != 2 or err != want:
        print(f"{' '.join(args[1:])}: exit {result.returncode}, stderr {err!r}; "
              f"expected exit 2 and {want!r}")
        return False
    return True


def main() -> int:
    slakit, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    # One route whose condition is an `and` of a million terms (31 MB, under
    # the 64 MiB limit on a rule file): hundreds of megabytes compiled.
    rules = os.path.join(work, "oom_big_and.sla")
    with open(rules, "w", encoding="utf-8") as f:
        f.write("route r when ticket.priority == urgent\n")
        f.write(" and ticket.priority == urgent\n" * 1_000_000)
        f.write(" -> queue q\n")
    small = os.path.join(work, "oom_small.sla")
    with open(small, "w", encoding="utf-8") as f:
        f.write("route r when ticket.subject == x -> queue q\n")
    # A ticket whose subject takes 60 MB (under the 64 MB limit on a line):
    # simdjson needs several times that, which does not fit.
    tickets = os.path.join(work, "oom_big_ticket.jsonl")
    with open(tickets, "w", encoding="utf-8") as f:
        for id, subject in [("A", "s"), ("B", "x" * (60 << 20)), ("C", "s")]:
            f.write(json.dumps({"id": id, "created": "2026-03-02T10:00:00Z",
                                "ticket": {"subject": subject}}) + "\n")
    ok = expect([slakit, "check", rules],
                f"slakit check: out of memory while compiling {rules}\n")
    ok = expect([slakit, "eval", rules, "--tickets", tickets, "--now", "2026-06-01T00:00:00Z"],
                f"slakit eval: out of memory while compiling {rules}\n") and ok
    for threads in ["1", "2"]:
        ok = expect([slakit, "route", small, "--tickets", tickets, "--threads", threads],
                    f"slakit route: out of memory while working on the tickets of {tickets}\n") and ok
    # docs/reliability.md, "Limits": "checking holds a rule file's syntax
    # tree once": a condition of 300,000 terms (9 MB) checks in 470 MB of
    # address space (about 400 MB; 550 MB when the checker kept a copy).
    medium = os.path.join(work, "oom_medium_and.sla")
    with open(medium, "w", encoding="utf-8") as f:
        f.write("route r when ticket.priority == urgent\n")
        f.write(" and ticket.priority == urgent\n" * 300_000)
        f.write(" -> queue q\nroute rest -> queue other\n")
    fits = run([slakit, "check", medium], limit=470 << 20)
    if fits.returncode != 0:
        print(f"check of 300,000 terms in 470 MB: exit {fits.returncode}, "
              f"stderr {fits.stderr.decode(errors='replace')!r}")
        ok = False
    # docs/cli.md, "Exit codes": "For `check`, compiling covers the report of
    # the diagnostics too (a file refused for a line over the limit, E0007,
    # reported under a small limit on memory, still says `while compiling
    # FILE`); the report of a long line shows a window of it and needs
    # memory for that window only" (review 9, F4: between about 140 and
    # 2,900 MB of address space it said only `slakit check: out of memory`).
    long_line = os.path.join(work, "oom_long_line.sla")
    with open(long_line, "w", encoding="utf-8") as f:
        f.write("route r -> queue q\n# " + "y" * (60 << 20) + "\n")
    reported = False
    for mb in range(100, 260, 8):
        result = run([slakit, "check", long_line], limit=mb << 20)
        err = result.stderr.decode(errors="replace")
        if result.returncode == 1 and b"error[E0007]" in result.stdout:
            reported = True
        elif result.returncode != 2 or \
                err != f"slakit check: out of memory while compiling {long_line}\n":
            print(f"check of a 60 MB line in {mb} MB: exit {result.returncode}, stderr {err!r}")
            ok = False
    if not reported:
        print("check of a 60 MB line: E0007 reported in no limit up to 256 MB")
        ok = False
    for path in [rules, small, tickets, medium, long_line]:
        os.remove(path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
