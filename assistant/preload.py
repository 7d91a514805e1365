"""Read-only data every serving process needs, loaded once by the supervising process before it forks its
workers, so that each worker starts with it in memory (shared copy-on-write) instead of loading its own.

What is loaded: the embedder's weights and tokenizer (about 1 s for USE parsed from its package, 0.1 s
read back from the load cache that ``cache_loads`` turns on), jieba's dictionary with the policy's terms
(0.65 s, or 0.2 s from the cache) and its part-of-speech model (0.3 s), and the YAML data of the question
path, the rules and the catalogue, filled by reading the warm-up questions once (what a worker's warm-up
still loads itself is what needs the index). What is not: anything holding a
connection, a file lock or a thread (the state store, Chroma, the index version): each worker opens its
own after the fork.

    embedder = preload(settings)   # in the supervisor, before forking
    Engine.from_settings(settings, embedder=embedder)   # in a worker
"""

from __future__ import annotations

from assistant.conversation.scope import judge
from assistant.conversation.understand import understand
from assistant.engine import warm_up_questions
from assistant.match.matcher import claim_data, match_words
from assistant.query import prepare
from assistant.rules.book import rule_book
from assistant.rules.eligibility import condition_rules
from assistant.settings import Settings
from assistant.thread_pools import limit_thread_pools
from index.documents import catalogue
from index.embedders import Embedder, make_embedder
from index.load_cache import use_directory
from index.tokens import tokenize

__all__ = ["Embedder", "cache_loads", "preload"]  # the embedder's type, for the surfaces that hand one to a worker
LOAD_CACHE_DIR = "cache"  # in the data dir: the loaded data a start reads back (``index.load_cache``)


def cache_loads(settings: Settings) -> None:
    """Makes this process, and the processes it forks, read the data they load (the embedder's weights,
    jieba's dictionary) back from ``<data dir>/cache`` when a start wrote it there, and write it there
    otherwise. A missing or damaged cache only costs the loading time; see ``index.load_cache``."""
    use_directory(settings.data_dir / LOAD_CACHE_DIR)


def preload(settings: Settings) -> Embedder:
    """Loads the read-only data above into this process and returns the loaded embedder (the one the
    settings name). Sizes this process's BLAS pools first, as a worker's, since forks inherit them.
    Raises what loading the data files or the embedder raises (``ValueError`` for an unknown backend)."""
    limit_thread_pools(settings.blas_threads)
    questions = list(warm_up_questions())
    embedder = make_embedder(settings.embedding_backend, settings.embedding_model, settings.blas_threads)
    embedder.embed(questions)
    cat = catalogue()
    rule_book()
    condition_rules()
    claim_data()
    match_words()
    for question in questions:
        tokenize(question)
        prepare(question)
        judge(understand(question, None, cat), cat)
    return embedder
