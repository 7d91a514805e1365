"""The project's YAML data files, read with libyaml's parser when PyYAML was built with it: the same values
as ``yaml.safe_load`` (the same safe constructor), about ten times faster, which a start reading some
twenty files notices (0.18 s → 0.02 s measured here).

    rules = read_yaml(Path("assistant/rules/awards.yaml"))
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML without libyaml: the Python parser


def read_yaml(path: Path) -> Any:
    """The data of the YAML file at ``path`` (UTF-8). Raises ``OSError`` when it cannot be read and
    ``yaml.YAMLError`` when it is not YAML."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


@cache
def read_yaml_once(path: Path) -> Any:
    """``read_yaml(path)`` parsed once per process: several modules read the same file (the understanding word lists
    are read by the understanding step, the spelling step and the share step). Callers must not change the data."""
    return read_yaml(path)
