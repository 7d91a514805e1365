"""The shipped corpus and the code that turns it into searchable articles.

Reading order: ``documents`` (what each source is) → ``parsers`` (sources → ``Article``) →
``normalise``/``tokens``/``embedders`` (text → terms and vectors) → ``store`` (Chroma, atomic builds).
"""

from pathlib import Path

INDEX_DIR = Path(__file__).resolve().parent
SOURCES_DIR = INDEX_DIR / "sources"
