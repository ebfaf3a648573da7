"""The npm peers' prerequisites, shared by run_peers.py, run_sla_peers.py and
run_routing_peers.py: node and npm on PATH (Debian's nodejs and npm packages,
docs/benchmarks.md), and the pinned packages installed once with `npm ci`.
"""

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def require_node_peers(script, packages):
    """Exits 2 with one line naming what is missing, rather than a traceback
    from subprocess, when node (or npm, while `packages` are not installed
    yet) is not on PATH; then installs the pinned packages if needed."""
    installed = all((HERE / "node_modules" / p).exists() for p in packages)
    missing = [tool for tool in ("node", "npm") if (tool == "node" or not installed)
               and shutil.which(tool) is None]
    if missing:
        print(f"{script}: needs node and npm (apt-get install nodejs npm): "
              f"not found on PATH: {', '.join(missing)}", file=sys.stderr)
        sys.exit(2)
    if not installed:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
