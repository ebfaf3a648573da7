"""The progress line of report and diff on a terminal (docs/cli.md,
"report"): "a progress line on stderr when stderr is a terminal", erased
before anything else is written there: a bad line's report starts a line
of its own, and the summary line ends the run on a clean line.

Standard error is a pseudo-terminal here; the input is long enough for the
line to be shown (it is rewritten twice a second) and ends with a bad line.

usage: progress_line.py SLAKIT RULES TICKETS
"""

import os
import pty
import re
import subprocess
import sys
import tempfile


def main() -> int:
    slakit, rules, tickets = sys.argv[1:4]
    with open(tickets, "rb") as f:
        lines = f.read()
    failed = 0
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as big:
        # A second or more of work (the line is shown after half a second),
        # then a bad line.
        big.write(lines * (250_000_000 // len(lines) + 1) + b"{not json\n")
        big.flush()
        for command in (["report", rules], ["diff", rules, "--", rules]):
            main_end, terminal = pty.openpty()
            run = subprocess.Popen([slakit, *command, "--tickets", big.name, "--threads", "1"],
                                   stdout=subprocess.DEVNULL, stderr=terminal)
            os.close(terminal)
            seen = b""
            while True:
                try:
                    chunk = os.read(main_end, 65536)
                except OSError:  # the terminal closed: the command is done
                    break
                if not chunk:
                    break
                seen += chunk
            run.wait()
            os.close(main_end)
            text = seen.decode(errors="replace")
            name = command[0]
            if not re.search(rf"\r{name}: [1-9]\d* tickets", text):
                print(f"{name}: no progress line was shown: {text[:300]!r}")
                failed += 1
            # Every report of a bad line and the summary start on a clean line.
            for match in re.finditer(re.escape(big.name) + r":\d+: (\x1b\[[0-9;]*m)?error", text):
                start = match.start()
                if not text[:start].endswith("\r\x1b[K"):
                    print(f"{name}: the error report follows {text[max(0, start - 60):start]!r}")
                    failed += 1
            if not re.search(rf"\r\x1b\[Kslakit {name}: [1-9]\d* tickets read", text):
                print(f"{name}: the summary does not start a clean line: {text[-300:]!r}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
