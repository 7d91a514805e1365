"""What the supervisor loads before forking its workers is what they answer with: no worker loads the
embedder again, and nothing that holds a connection is opened before the fork."""

from __future__ import annotations

import sys


def test_a_worker_answers_with_the_embedder_the_supervisor_loaded(settings):
    from assistant.api.app import create_app
    from assistant.preload import preload

    embedder = preload(settings)
    assert embedder.embed(["伦理审查多久"]).shape == (1, embedder.dimension)
    service = create_app(settings, embedder=embedder).state.service
    engine = service.start()
    assert engine.retriever.embedder is embedder
    assert service.ask("伦理审查要多久？", None, surface=_ui()).answer.citations, "the worker answers with it"


def test_the_preload_opens_no_database_and_no_chroma_client(settings, tmp_path):
    """Run in a fresh interpreter: a fork must not inherit a connection, a file lock or Chroma's threads."""
    import subprocess

    script = (
        "import sys; from assistant.settings import Settings; from assistant.preload import preload; "
        f"preload(Settings(data_dir={str(tmp_path / 'fresh')!r})); "
        "from assistant.store.database import _engines; "
        "import chromadb.api.shared_system_client as shared; "
        "print(len(_engines), len(shared.SharedSystemClient._identifier_to_system))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["0", "0"]
    assert not (tmp_path / "fresh").exists(), "nothing was written to the data dir"


def _ui():
    from assistant.service import Surface

    return Surface.UI
