"""The command's help and version (plain text a terminal shows as is), and ``calc``'s reading of amounts."""

from __future__ import annotations

import json
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from assistant.cli import app


def test_version_prints_the_installed_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"policy-assistant {version('policy-assistant')}\n"


def test_help_is_plain_text_without_markup_or_flag_types():
    for command in ([], ["ask"], ["calc"], ["serve"]):
        result = CliRunner().invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "``" not in result.output and "<bool>" not in result.output and "╭" not in result.output
    assert "--version" in CliRunner().invoke(app, ["--help"]).output


BARE_6000 = "error: base_yuan: 「6000」没有写单位：是 6000元 还是 6000万元？ ('6000' has no unit: write 6000元 or 6000万)\n"


@pytest.mark.parametrize("params", [
    ["--param", "base=6000"],
    ["--param", "base_yuan=6000"],
    ["--param", "base=6000", "--json"],
    ["--param", "base=6000万", "--param", "base=6000"],  # the second of two items
])
def test_calc_asks_whether_a_bare_amount_is_yuan_or_wan_and_exits_2(settings, monkeypatch, params):
    """A bare 6000 is never read as 6000元 (it printed 2400元 once): the unit is asked for, before any index opens."""
    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, ["calc", "m05-drug-phase2", *params])
    assert (result.exit_code, result.output) == (2, BARE_6000)


def test_calc_asks_the_unit_of_a_threshold_amount_too(settings, monkeypatch):
    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, ["calc", "m36-out-licensing", "--param", "upfront_yuan=500"])
    assert result.exit_code == 2
    assert result.output == ("error: upfront_yuan: 「500」没有写单位：是 500元 还是 500万元？ "
                             "('500' has no unit: write 500元 or 500万)\n")


@pytest.mark.parametrize("amount, yuan", [("6000万", 20_000_000), ("6000万元", 20_000_000), ("30000000元", 12_000_000),
                                          ("6000元", 2_400)])
def test_calc_computes_an_amount_that_names_its_unit(settings, engine, monkeypatch, amount, yuan):
    """The same rule with the unit written: computed, min(40% × base, 2000万)."""
    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(app, ["calc", "m05-drug-phase2", "--param", f"base={amount}", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["amount_yuan"] == yuan
