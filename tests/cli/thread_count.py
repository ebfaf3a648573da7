"""Counts the threads a ticket command works on.

docs/cli.md, "Conventions": "`--threads N` sets how many threads eval,
route, diff and report work on; by default there is one per core the
process may run on (its CPU affinity: `taskset`, a container's cpuset), not
one per core of the machine."

The command reads standard input from a pipe that stays open, so every
worker thread has started and waits for its first chunk; the threads are
then counted in /proc/PID/task. Standard error is not a terminal, so no
progress thread is added.

"The output is the same whatever the number of threads": the example
tickets, repeated past three chunks of input, give the same bytes on one
thread and on three.

usage: thread_count.py SLAKIT RULES TICKETS COMMAND
"""

import os
import subprocess
import sys
import time


def threads_of(args: list[str], cores: set[int] | None) -> int:
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        args,
        stdin=read_end,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=(lambda: os.sched_setaffinity(0, cores)) if cores else None,
    )
    os.close(read_end)
    try:
        # Wait until the count stops changing: the threads start quickly.
        count, last, deadline = 0, -1, time.monotonic() + 10
        while time.monotonic() < deadline:
            count = len(os.listdir(f"/proc/{child.pid}/task"))
            if count == last:
                break
            last = count
            time.sleep(0.3)
        return count
    finally:
        os.close(write_end)  # end of input: the command finishes
        child.wait(timeout=30)


def same_output(args: list[str], tickets: str) -> bool:
    with open(tickets, "rb") as f:
        lines = f.read()
    many = lines * (13_000_000 // len(lines) + 1)  # a chunk is about 4 MB
    one = subprocess.run(args + ["--threads", "1"], input=many, capture_output=True, check=False)
    three = subprocess.run(args + ["--threads", "3"], input=many, capture_output=True, check=False)
    return one.returncode == three.returncode and one.stdout == three.stdout and one.stdout


def main() -> int:
    slakit, rules, tickets, command = sys.argv[1:5]
    base = [slakit, command, rules, "--tickets", "-", "--now", "2026-04-22T12:00:00Z"]
    if command == "diff":
        base = [slakit, "diff", rules, "--", rules, "--tickets", "-"]
    allowed = sorted(os.sched_getaffinity(0))
    cases = [
        ("pinned to one core", base, {allowed[0]}, 1),
        ("--threads 3", base + ["--threads", "3"], None, 3),
        ("--threads 2 pinned to one core", base + ["--threads", "2"], {allowed[0]}, 2),
        ("all usable cores", base, None, len(allowed)),
    ]
    failed = 0
    for name, args, cores, want in cases:
        got = threads_of(args, cores)
        if got != want:
            print(f"{command}, {name}: {got} threads, expected {want}")
            failed += 1
    if not same_output(base, tickets):
        print(f"{command}: the output on one thread and on three differ")
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
