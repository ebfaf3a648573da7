"""Runs a slakit command whose standard output is a pipe nobody reads.

docs/cli.md, "Output": "Every write is checked: a full disk, /dev/full or a
closed pipe is `slakit: error writing ...` and exit 2". The read end is
closed before the command starts, so every write fails with EPIPE, and the
command must neither die of SIGPIPE (exit -13 here) nor exit silently.

usage: closed_pipe.py SLAKIT ARG...
"""

import os
import subprocess
import sys


def main() -> int:
    read_end, write_end = os.pipe()
    os.close(read_end)
    # restore_signals (the default) gives the child SIGPIPE's default action,
    # as a shell would: only slakit's own handling keeps it alive.
    run = subprocess.run(sys.argv[1:], stdout=write_end, stderr=subprocess.PIPE, check=False)
    os.close(write_end)
    err = run.stderr.decode(errors="replace")
    want = "slakit: error writing standard output: Broken pipe\n"
    if run.returncode != 2 or want not in err:
        print(f"exit {run.returncode}, expected 2 with {want!r}; stderr:\n{err}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
