"""Settings are checked at start-up: a bad ``PA_…`` value is one line naming the variable and exit 2
from every command, never a traceback; an unset token means 'disabled', a short one is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.settings import EmbeddingBackend, RetrievalMode, SettingsError, load_settings

TOKEN_RULE = "must be at least 16 characters, not {n} (unset it to disable these routes)"
MODES = "Input should be 'hybrid', 'bm25', 'dense' or 'rrf'"
BACKENDS = "Input should be 'use', 'sentence-transformers' or 'none'"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ``PA_…`` variable from the caller's shell and no ``.env`` file: each test sets its own."""
    for name in list(os.environ):
        if name.startswith("PA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PA_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_defaults_load_and_unset_tokens_mean_disabled():
    settings = load_settings()
    assert settings.staff_token is None and settings.admin_token is None
    assert settings.retrieval_mode is RetrievalMode.HYBRID and settings.embedding_backend is EmbeddingBackend.USE


def test_the_setting_enums_offer_exactly_what_the_retriever_and_the_embedders_take():
    from assistant import retrieval
    from index.embedders import BACKENDS

    assert retrieval.RetrievalMode is RetrievalMode  # one definition, named in the settings
    assert [b.value for b in EmbeddingBackend] == list(BACKENDS)


@pytest.mark.parametrize("variable", ["PA_STAFF_TOKEN", "PA_ADMIN_TOKEN"])
@pytest.mark.parametrize("value", ["", "   ", "staff-secret", "fifteen-chars-x"])
def test_an_empty_or_short_token_is_a_configuration_error(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value) == f"{variable}: " + TOKEN_RULE.format(n=len(value.strip()))


def test_a_token_of_sixteen_characters_is_accepted(monkeypatch):
    monkeypatch.setenv("PA_STAFF_TOKEN", "sixteen-chars-ok")
    assert load_settings().staff_token.get_secret_value() == "sixteen-chars-ok"


def test_the_message_never_repeats_a_token(monkeypatch):
    monkeypatch.setenv("PA_ADMIN_TOKEN", "hunter2")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert "hunter2" not in str(refused.value)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("PA_RETRIEVAL_MODE", "hybird", MODES),
    ("PA_EMBEDDING_BACKEND", "bert", BACKENDS),
    ("PA_EMBEDDING_BACKEND", "sentence-transformers",
     "the sentence-transformers backend needs a model name or path"),
    ("PA_MAX_REQUEST_BYTES", "0", "Input should be greater than or equal to 1"),
    ("PA_CORS_ORIGINS", "https://portal.example", 'the value must be a JSON list, e.g. ["https://portal.example"]'),
])
def test_an_unknown_or_impossible_value_names_its_variable(monkeypatch, variable, value, message):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        load_settings()
    named = "PA_EMBEDDING_MODEL" if value == "sentence-transformers" else variable
    assert str(refused.value) == f"{named}: {message}"


def test_two_bad_values_are_one_line_naming_both(monkeypatch):
    monkeypatch.setenv("PA_RETRIEVAL_MODE", "fast")
    monkeypatch.setenv("PA_EMBEDDING_BACKEND", "bert")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value) == f"PA_EMBEDDING_BACKEND: {BACKENDS}; PA_RETRIEVAL_MODE: {MODES}"


def test_a_data_dir_under_a_file_is_refused(monkeypatch, clean_environment):
    blocker = clean_environment / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PA_DATA_DIR", str(blocker / "data"))
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value) == f"PA_DATA_DIR: {blocker / 'data'} is not a directory ({blocker} is a file)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_data_dir_is_refused(monkeypatch, clean_environment):
    locked = clean_environment / "locked"
    locked.mkdir(mode=0o555)
    monkeypatch.setenv("PA_DATA_DIR", str(locked))
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert str(refused.value) == f"PA_DATA_DIR: {locked} is not writable ({locked} refuses writes)"


def test_a_data_dir_yet_to_be_made_is_fine_when_its_parent_is_writable(monkeypatch, clean_environment):
    monkeypatch.setenv("PA_DATA_DIR", str(clean_environment / "new" / "data"))
    assert load_settings().data_dir == clean_environment / "new" / "data"
    assert not (clean_environment / "new").exists()


@pytest.mark.parametrize("command", [
    ["serve"], ["ask", "伦理审查多久"], ["search", "伦理审查"], ["index"], ["eval"],
    ["calc", "m05-drug-phase2", "--param", "base=6000万"],
])
def test_every_command_refuses_a_bad_setting_in_one_line_with_exit_2(monkeypatch, command):
    monkeypatch.setenv("PA_RETRIEVAL_MODE", "hybird")
    monkeypatch.setenv("PA_STAFF_TOKEN", "short")
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert result.output == f"error: PA_RETRIEVAL_MODE: {MODES}; PA_STAFF_TOKEN: {TOKEN_RULE.format(n=5)}\n"


def test_the_cli_names_an_unwritable_data_dir(monkeypatch, clean_environment):
    (clean_environment / "a-file").write_text("")
    monkeypatch.setenv("PA_DATA_DIR", str(clean_environment / "a-file" / "data"))
    result = CliRunner().invoke(app, ["ask", "伦理审查多久"])
    assert result.exit_code == 2
    assert result.output.startswith("error: PA_DATA_DIR: ") and result.output.count("\n") == 1
