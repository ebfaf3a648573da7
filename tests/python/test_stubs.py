"""The type stubs list exactly what the module has, and help() is useful."""

import ast
import pathlib
import pydoc

import slakit

PACKAGE = pathlib.Path(slakit.__file__).parent


def stub_classes():
    tree = ast.parse((PACKAGE / "_core.pyi").read_text())
    return {
        node.name: {
            n.name for n in node.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
        }
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def public(cls):
    return {n for n in dir(cls) if not n.startswith("_")}


def test_stubs_match_the_classes():
    stubs = stub_classes()
    for name in ("Calendar", "RuleSet", "Diagnostic"):
        assert stubs[name] == public(getattr(slakit, name)), name
    assert (PACKAGE / "py.typed").exists() and (PACKAGE / "__init__.pyi").exists()


def test_every_public_method_has_a_docstring():
    for cls in (slakit.Calendar, slakit.RuleSet):
        for name in public(cls):
            assert getattr(cls, name).__doc__, f"{cls.__name__}.{name}"
    for f in (slakit.load, slakit.loads):
        assert f.__doc__


def test_help_shows_the_signature_and_the_rules():
    text = pydoc.render_doc(slakit.Calendar.add, renderer=pydoc.plaintext)
    assert "add(self: slakit._core.Calendar, start: datetime.datetime" in text
    assert "local: bool = False" in text and "naive" in text
