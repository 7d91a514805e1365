"""The deployment's secret: ``PA_SECRET_KEY``, or one generated once into ``<data dir>/secret_key``.

Every process of a deployment (the UI process, the API workers, a restarted service) derives the same
keys from it, so what a browser holds stays valid across restarts and processes: the key of the chat's
browser storage and the signature of a desk sign-in. Each use takes its own key, derived one-way with
HMAC-SHA256, so a derived key that reaches the browser reveals nothing about the secret or other keys.

    derived_key(settings, "desk-sign-in")  # 32 bytes
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from assistant.settings import Settings

SECRET_FILE = "secret_key"
SECRET_BYTES = 32


def secret_key(settings: Settings) -> bytes:
    """``PA_SECRET_KEY`` as bytes; when unset, the key in ``<data dir>/secret_key``, generated on first use
    (file mode 0600; several processes starting together agree on one). Raises ``OSError`` when the data
    dir cannot be written."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode("utf-8")
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        _create(path)
    if path.stat().st_mode & 0o077:  # copied in by hand with a looser mode: only the owner may read it
        path.chmod(0o600)
    return path.read_text(encoding="ascii").strip().encode("ascii")


def derived_key(settings: Settings, purpose: str) -> bytes:
    """The 32-byte key for one ``purpose`` (``"desk-sign-in"``, ``"chat-browser-storage"`` …)."""
    return hmac.new(secret_key(settings), purpose.encode("utf-8"), hashlib.sha256).digest()


def _create(path: Path) -> None:
    """Writes a new key beside ``path`` and links it into place: the first process to link wins and
    every other one reads that key; a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(SECRET_BYTES) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
    finally:
        draft.unlink(missing_ok=True)
