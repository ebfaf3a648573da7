"""slakit.loads with included files (files=, loader=), a RuleSet's warnings
(RuleSet.diagnostics) and the package's public names."""

import pickle
import subprocess

import pytest

import slakit

CALENDAR = 'calendar c {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n'
MAIN = 'include "calendars.sla"\nroute a -> queue x\n'
# python.md: route b after the catch-all a can never match (W0211).
WARNED = "route a -> queue x\nroute b when ticket.priority == high -> queue y\n"


# python.md: "loads reads included files only from where it is told ...:
# files= (a dict of path to text) or loader= ... The path asked for is the
# include's, resolved against the folder of the including file and
# normalised: include "calendars.sla" in name="rules/main.sla" asks for
# rules/calendars.sla."
def test_loads_reads_included_files_from_files_or_a_loader():
    by_files = slakit.loads(MAIN, name="rules/main.sla", files={"rules/calendars.sla": CALENDAR})
    assert by_files.calendar_names == ["c"]
    asked = []
    by_loader = slakit.loads(MAIN, name="rules/main.sla",
                             loader=lambda path: asked.append(path) or CALENDAR)
    assert asked == ["rules/calendars.sla"]
    assert by_loader.calendar_names == ["c"]
    # A name without a folder: the include's own path.
    assert slakit.loads(MAIN, files={"calendars.sla": CALENDAR}).calendar_names == ["c"]


# python.md: "Whatever was included travels with the RuleSet when it is
# pickled."
def test_a_rule_set_with_included_texts_pickles_whole():
    rules = slakit.loads(MAIN, name="rules/main.sla", files={"rules/calendars.sla": CALENDAR})
    again = pickle.loads(pickle.dumps(rules))
    assert again.calendar_names == ["c"]
    assert again.sources == rules.sources


# language.md, "Includes": "One file is one file whatever path reaches it":
# slakit.load tells files apart by device and inode, and a pickle keeps
# which paths were one file. Rule order: "a file's declarations come before
# those of every file it includes", however the files are named.
def test_load_reads_one_file_once_and_orders_includers_first(tmp_path, monkeypatch):
    cyc = tmp_path / "cyc"
    cyc.mkdir()
    (cyc / "b.sla").write_text('include "a.sla"\n' + CALENDAR.replace("calendar c", "calendar cb"))
    (cyc / "a.sla").write_text(f'include "{cyc / "b.sla"}"\n' +
                               CALENDAR.replace("calendar c", "calendar ca"))
    monkeypatch.chdir(tmp_path)
    rules = slakit.load("cyc/a.sla")  # a relative, then absolute through b's include
    assert sorted(rules.calendar_names) == ["ca", "cb"]
    again = pickle.loads(pickle.dumps(rules))
    assert sorted(again.calendar_names) == ["ca", "cb"]
    (cyc / "link.sla").symlink_to("a.sla")
    assert sorted(slakit.load("cyc/link.sla", "cyc/a.sla").calendar_names) == ["ca", "cb"]

    (tmp_path / "base.sla").write_text("sla standard {\n  first_response 8h\n}\n")
    (tmp_path / "vip.sla").write_text(
        'include "base.sla"\nsla gold for contract.sla == "gold" {\n  first_response 1h\n}\n')
    for named in (["vip.sla"], ["base.sla", "vip.sla"]):
        assert slakit.load(*named).policy_names == ["gold", "standard"], named


# python.md: "None when there is no such file: error E0212 at the include",
# "Without files= or loader= an include is error E0212", "a loader returning
# something other than str or None is a TypeError".
def test_an_include_loads_cannot_serve_is_an_error():
    for kwargs in ({}, {"files": {"other.sla": CALENDAR}}, {"loader": lambda path: None}):
        with pytest.raises(slakit.RuleError) as info:
            slakit.loads(MAIN, name="main.sla", **kwargs)
        [d] = info.value.diagnostics
        assert (d.code, d.file, d.line, d.column) == ("E0212", "main.sla", 1, 1)
    with pytest.raises(TypeError, match="the loader returned int for included file 'calendars.sla'"):
        slakit.loads(MAIN, loader=lambda path: 5)
    with pytest.raises(TypeError, match="not both"):
        slakit.loads(MAIN, files={}, loader=lambda path: None)
    with pytest.raises(KeyError):  # what the loader raises reaches the caller
        slakit.loads(MAIN, loader=lambda path: {}[path])


# python.md: "A RuleSet's diagnostics are the warnings its compilation gave
# ..., as slakit.Diagnostics with the fields a RuleError's have".
def test_a_rule_set_holds_its_warnings():
    warned = slakit.loads(WARNED, name="w.sla")
    [d] = warned.diagnostics
    assert (d.file, d.line, d.column, d.end_line, d.severity, d.code) == ("w.sla", 2, 7, 2, "warning", "W0211")
    assert d.message == "route 'b' can never match: route 'a' at w.sla:1:7 matches every ticket first"
    assert isinstance(d, slakit.Diagnostic)
    assert slakit.loads(CALENDAR).diagnostics == []
    assert pickle.loads(pickle.dumps(warned)).diagnostics == warned.diagnostics


# python.md: "slakit check prints the same".
def test_the_warnings_are_those_check_prints(cli, tmp_path):
    path = tmp_path / "w.sla"
    path.write_text(WARNED)
    out = subprocess.run([cli, "check", str(path)], capture_output=True, text=True)
    [d] = slakit.load(path).diagnostics
    assert f"{path}:{d.line}:{d.column}: warning[{d.code}]: {d.message}" in out.stdout + out.stderr


# python.md: "Its public names are those of slakit.__all__ ...; every other
# name in the module starts with an underscore."
def test_the_module_exposes_its_public_names_only():
    public = {name for name in dir(slakit) if not name.startswith("_")}
    assert public == set(slakit.__all__) - {"__version__"}
    assert {"load", "loads", "RuleSet", "Calendar", "Diagnostic", "RuleError"} <= public
    assert all(hasattr(slakit, name) for name in slakit.__all__)
