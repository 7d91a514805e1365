"""Every YAML data file names each key of a mapping once: a key written twice is silently overwritten by the second
(a word list defined again further down would replace the first without a word)."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(p for folder in ("assistant", "eval", "examples", "index", "prompts", "ui", "tests")
                    for p in (ROOT / folder).rglob("*.yaml"))


def _repeated_keys(node: yaml.Node) -> list[str]:
    repeated: list[str] = []
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value]
        repeated += sorted({f"{key} (line {k.start_mark.line + 1})" for key, (k, _) in zip(keys, node.value, strict=True)
                            if keys.count(key) > 1})
        for _, value in node.value:
            repeated += _repeated_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            repeated += _repeated_keys(item)
    return repeated


def test_the_data_files_are_found():
    assert len(DATA_FILES) >= 20


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_is_written_twice_in_one_mapping(path):
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert _repeated_keys(node) == [] if node is not None else True
