"""The YAML data files read with libyaml's parser give exactly what PyYAML's own safe loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from index.yaml_data import read_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(path for folder in ("assistant", "index", "ui", "prompts") for path in (ROOT / folder).rglob("*.yaml"))


def test_every_data_file_is_found():
    assert len(DATA_FILES) >= 15 and ROOT / "assistant" / "rules" / "awards.yaml" in DATA_FILES


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_data_file_reads_as_the_safe_loader_reads_it(path):
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_file_that_is_not_yaml_raises_a_yaml_error(tmp_path):
    broken = tmp_path / "awards.yaml"
    broken.write_text("rules: [unclosed\n  - m05: {", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        read_yaml(broken)


def test_a_tag_that_would_build_a_python_object_is_refused(tmp_path):
    hostile = tmp_path / "words.yaml"
    hostile.write_text("words: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        read_yaml(hostile)
