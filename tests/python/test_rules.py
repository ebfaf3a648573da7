"""slakit.load / loads, RuleSet, RuleError and pickling of rule sets."""

import pickle

import pytest

import slakit

from conftest import EXAMPLE_RULES, SOURCE_DIR

BAD = 'calendar x {\n  zone "UTC"\n  mon 25:00-17:00\n}\n'


def test_load_follows_includes(rules):
    # routing.sla includes policies.sla, which includes calendars.sla.
    assert rules.calendar_names == ["amer_support", "emea_support", "follow_the_sun", "night_desk"]
    assert "gold_emea" in rules.policy_names
    assert rules.route_names[0] == "platinum_outage"
    fields = dict(rules.fields)
    assert fields["customer.tier"] == "one of"
    assert fields["contract.start"] == "date"
    assert [p for p, _ in rules.sources] == [str(EXAMPLE_RULES)]
    assert "routing.sla" in repr(rules)


def test_load_several_files():
    rules_dir = SOURCE_DIR / "examples" / "rules"
    r = slakit.load(rules_dir / "calendars.sla", rules_dir / "holidays" / "us_federal.sla")
    assert "emea_support" in r.calendar_names
    assert len(r.sources) == 2


def test_loads_names_the_text():
    r = slakit.loads('calendar c {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n', name="mine.sla")
    assert r.calendar_names == ["c"]
    assert r.sources == [("mine.sla", 'calendar c {\n  zone "UTC"\n  mon..fri 09:00-17:00\n}\n')]


def test_bad_file_raises_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        slakit.load(tmp_path / "missing.sla")
    with pytest.raises(TypeError):
        slakit.load()
    with pytest.raises(TypeError):
        slakit.loads(b"bytes")


def test_missing_include_is_a_rule_error(tmp_path):
    p = tmp_path / "main.sla"
    p.write_text('include "nowhere.sla"\n')
    with pytest.raises(slakit.RuleError) as info:
        slakit.load(p)
    assert info.value.diagnostics[0].file == str(p)
    assert info.value.diagnostics[0].line == 1


def test_rule_error_reads_like_check():
    with pytest.raises(slakit.RuleError) as info:
        slakit.loads(BAD, name="bad.sla")
    e = info.value
    assert isinstance(e, slakit.Error) and isinstance(e, ValueError)
    [d] = e.diagnostics
    assert (d.file, d.line, d.column, d.severity, d.code) == ("bad.sla", 3, 7, "error", "E0101")
    assert (d.end_line, d.end_column) == (3, 12)
    assert "25:00" in d.message
    assert str(e) == (
        f"bad.sla:3:7: error[E0101]: {d.message}\n    mon 25:00-17:00\n        ^~~~~"
    )
    assert pickle.loads(pickle.dumps(d)) == d
    assert "E0101" in repr(d)
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is slakit.RuleError and str(again) == str(e)
    assert again.diagnostics == e.diagnostics


def test_rule_error_str_equals_the_cli(cli, tmp_path):
    import subprocess

    p = tmp_path / "bad.sla"
    p.write_text(BAD)
    out = subprocess.run([cli, "check", str(p)], capture_output=True, text=True)
    with pytest.raises(slakit.RuleError) as info:
        slakit.load(p)
    assert str(info.value) == (out.stdout + out.stderr).strip()


def test_unknown_calendar_is_a_key_error(rules):
    with pytest.raises(KeyError, match="unknown calendar 'nope'.*emea_support"):
        rules.calendar("nope")


def test_rule_set_pickles_by_its_sources(rules):
    again = pickle.loads(pickle.dumps(rules))
    assert again.calendar_names == rules.calendar_names
    assert again.policy_names == rules.policy_names
    assert again.sources == rules.sources
    # The included files travel too: the copy compiles without the disk.
    state = rules.__getstate__()
    assert state[0] == slakit.__version__
    assert len(state[2]) > len(state[1])


# docs/python.md: a RuleSet is "pickled by its source texts", each once: a
# root file's text is not sent again among the files it includes, even when
# another root includes it.
def test_a_pickled_rule_set_holds_each_text_once():
    big = "".join(f'calendar c{i} {{\n  zone "UTC"\n  mon..fri 09:00-17:00\n}}\n' for i in range(3000))
    rules = slakit.loads(big, name="big.sla")
    assert len(pickle.dumps(rules)) < 1.2 * len(big)
    both = slakit.load(SOURCE_DIR / "examples" / "rules" / "routing.sla",
                       SOURCE_DIR / "examples" / "rules" / "policies.sla")
    state = both.__getstate__()
    assert [p for p, _ in state[2]] == [str(SOURCE_DIR / "examples" / "rules" / "calendars.sla")]
    again = pickle.loads(pickle.dumps(both))
    assert again.policy_names == both.policy_names and again.sources == both.sources


def test_exception_hierarchy():
    assert issubclass(slakit.TicketError, slakit.InvalidArgument)
    assert issubclass(slakit.InvalidArgument, slakit.Error)
    assert issubclass(slakit.RangeError, ValueError)
    assert issubclass(slakit.RuleError, slakit.Error)


def test_unknown_zone_is_a_rule_error():
    with pytest.raises(slakit.RuleError) as info:
        slakit.loads('calendar c {\n  zone "Europe/Berln"\n  mon 09:00-17:00\n}\n')
    assert "Europe/Berln" in str(info.value)
