"""A company profile read from a YAML (or JSON) file, with one readable error for a bad file."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.match.profile import CompanyProfile
from index.yaml_data import read_yaml

MAX_BYTES = 1_000_000


class ProfileFileError(ValueError):
    """The file cannot be read or is not a valid profile; the message names the file and the field."""


def read_profile(path: str | Path) -> CompanyProfile:
    """The profile in ``path``; raises ``ProfileFileError`` (missing, too large, not YAML, a bad field)."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise ProfileFileError(f"{file}: larger than {MAX_BYTES} bytes; a profile is a short YAML file")
        raw = read_yaml(file)
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileFileError(f"{file}: cannot be read: {error}") from None
    except yaml.YAMLError as error:
        raise ProfileFileError(f"{file}: not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise ProfileFileError(f"{file}: must be a mapping of profile fields (registered, drug_trials, ...)")
    try:
        return CompanyProfile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "profile"
        raise ProfileFileError(f"{file}: {where}: {first['msg']}") from None
