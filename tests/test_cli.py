"""The command's help and version: plain text a terminal shows as is."""

from __future__ import annotations

from importlib.metadata import version

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
