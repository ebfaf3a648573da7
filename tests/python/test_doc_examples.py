"""docs/python.md's examples, run as written, in order, in one namespace
(from the source folder, where their relative paths lead), and what their
comments claim checked.

A claim is a comment after an expression, on its line or on the next
line: ``due   # datetime(2026, 3, 30, 8, 30, tzinfo=timezone.utc)``. When
the comment (or its part before a ": " that starts prose, as in ``False:
Karfreitag``) is a Python expression, the example's value must equal it.
Comments that are prose, or elide with "...", are not claims."""

import ast
import datetime as dt
import os
import re

import pytest

from conftest import SOURCE_DIR

DOC = SOURCE_DIR / "docs" / "python.md"
# Names a claim may use.
CLAIM_NAMES = {"datetime": dt.datetime, "date": dt.date, "timedelta": dt.timedelta,
               "timezone": dt.timezone}


def blocks():
    return re.findall(r"\n```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def claim_of(comment):
    """The value a comment claims, or None when it claims none."""
    if "..." in comment:
        return None
    text = comment.strip()
    candidates = [text] + [text[:m.start()] for m in re.finditer(r": ", text)]
    for candidate in candidates:
        try:
            return (eval(compile(candidate, "<claim>", "eval"), dict(CLAIM_NAMES)),)
        except Exception:
            continue
    return None


def claims(source):
    """(line number of the expression, its text, the claimed value) per claim."""
    lines = source.splitlines()
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Expr) or node.lineno != node.end_lineno:
            continue
        line = lines[node.lineno - 1]
        expression = ast.get_source_segment(source, node)
        rest = line[line.index(expression) + len(expression):].strip()
        comment = rest[1:] if rest.startswith("#") else None
        if comment is None and node.lineno < len(lines) and lines[node.lineno].strip().startswith("#"):
            comment = lines[node.lineno].strip()[1:]
        claimed = claim_of(comment) if comment else None
        if claimed is not None:
            found.append((node.lineno, expression, claimed[0]))
    return found


# python.md's examples are what Python does; each value a comment states is
# the value the example gives.
def test_python_md_examples_run_and_their_claims_hold(monkeypatch):
    pytest.importorskip("dask.dataframe")
    monkeypatch.chdir(SOURCE_DIR)
    namespace = {"__name__": "python_md"}
    checked = 0
    for k, source in enumerate(blocks()):
        targets = {line: (expression, value) for line, expression, value in claims(source)}
        tree = ast.parse(source)
        for node in tree.body:
            code = compile(ast.Module([node], []), f"python.md example {k + 1}", "exec")
            if node.lineno in targets and isinstance(node, ast.Expr):
                expression, claimed = targets[node.lineno]
                got = eval(compile(ast.Expression(node.value), f"python.md example {k + 1}", "eval"),
                           namespace)
                assert got == claimed, f"python.md example {k + 1}: {expression} gives {got!r}"
                checked += 1
            else:
                exec(code, namespace)
    assert len(blocks()) >= 10
    assert checked >= 15, checked
