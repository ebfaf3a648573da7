"""Each command's usage line names every option its help lists.

docs/cli.md, "Conventions": "`--help` on every command, with examples". The
usage line is the synopsis a reader copies from: review 18 F12 found that
those of `eval`, `route`, `diff` and `report` left out `--fractions` and
`--threads`, and `deadline`'s `--fractions`, while the options below them
listed both. `--color` and `--help`, which every command takes, are left
out of every usage line on purpose.

usage: help_usage.py SLAKIT
"""

import re
import subprocess
import sys

slakit = sys.argv[1]
commands = ["check", "fmt", "deadline", "eval", "route", "diff", "report", "test", "version"]
common = {"--color", "--help"}
failures = []
for command in commands:
    help_text = subprocess.run([slakit, command, "--help"], capture_output=True, text=True,
                               check=True).stdout
    usage = help_text.splitlines()[0]
    assert usage.startswith(f"usage: slakit {command}"), usage
    options_part = help_text.split("\noptions:\n", 1)[1].split("\n\n", 1)[0]
    listed = re.findall(r"^  (--[a-z-]+)", options_part, flags=re.M)
    assert listed, f"{command}: no options listed"
    in_usage = set(re.findall(r"--[a-z-]+", usage))
    for option in listed:
        if option not in common and option not in in_usage:
            failures.append(f"{command}: {option} is listed but not in '{usage}'")
    for option in in_usage - set(listed):
        failures.append(f"{command}: {option} is in the usage line but not listed")

# review 18 F1: route's --now defaults to each ticket's last event, not to
# the current time (docs/routing.md).
route_help = subprocess.run([slakit, "route", "--help"], capture_output=True, text=True,
                            check=True).stdout
if "default: each ticket's last event" not in route_help:
    failures.append("route --help: --now's default is not the ticket's last event")

print("\n".join(failures) or "every usage line names its options")
sys.exit(1 if failures else 0)
