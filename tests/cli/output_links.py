"""--output through a symbolic link, and over a file a rule file includes.

docs/cli.md, "Output": a FILE that "is a symbolic link is written directly,
in place: through the link to the file it names (`--output /dev/stdout`
writes where the shell redirected standard output)"; an `--output` that is
"a file a rule file includes ... is a usage error before anything is read
(an included file: as soon as the rules are read)".

usage: output_links.py SLAKIT
"""

import os
import subprocess
import sys
import tempfile

TICKET = '{"id": "a", "created": "2026-03-02T09:00:00Z"}\n'
RULES = "sla s { first_response 1h }\n"


def run(slakit, *args, cwd, stdout=subprocess.DEVNULL):
    return subprocess.run([slakit, "eval", *args, "--now", "2026-03-02T10:00:00Z"], cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, check=False)


def main() -> int:
    slakit = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as d:
        def write(name, text):
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)

        def read(name):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                return f.read()

        write("t.jsonl", TICKET)
        write("target.sla", RULES)
        write("main.sla", 'include "target.sla"\n')
        os.mkdir(os.path.join(d, "real"))
        write("real/out.jsonl", "old\n")
        os.symlink("real/out.jsonl", os.path.join(d, "link.jsonl"))

        # Through the link: the link stays, the file it names is written.
        r = run(slakit, "main.sla", "--tickets", "t.jsonl", "--output", "link.jsonl", cwd=d)
        if r.returncode != 0 or not os.path.islink(os.path.join(d, "link.jsonl")):
            problems.append(f"link: exit {r.returncode}, link kept: "
                            f"{os.path.islink(os.path.join(d, 'link.jsonl'))}")
        if not read("real/out.jsonl").startswith('{"id":"a"'):
            problems.append(f"link: the file it names holds {read('real/out.jsonl')!r}")

        # A link to the process's standard output, as /dev/stdout is (a private
        # one: a slakit that replaced the link must not replace a system
        # file), redirected to a file: the file gets the output.
        os.symlink("/proc/self/fd/1", os.path.join(d, "stdout"))
        with open(os.path.join(d, "redirected.jsonl"), "w", encoding="utf-8") as out:
            r = run(slakit, "main.sla", "--tickets", "t.jsonl", "--output", "stdout",
                    cwd=d, stdout=out)
        if r.returncode != 0 or not read("redirected.jsonl").startswith('{"id":"a"'):
            problems.append(f"stdout link: exit {r.returncode}, file {read('redirected.jsonl')!r}")

        # Over an included rule file: refused, the rule file unchanged.
        r = run(slakit, "main.sla", "--tickets", "t.jsonl", "--output", "target.sla", cwd=d)
        err = r.stderr.decode(errors="replace")
        if r.returncode != 2 or "is also an input" not in err or read("target.sla") != RULES:
            problems.append(f"include: exit {r.returncode}, stderr {err!r}, "
                            f"rule file {read('target.sla')!r}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
