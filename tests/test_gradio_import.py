"""The UI imports Gradio without Gradio rewriting its type stubs (most of the time its import takes), and
the page's components behave as Gradio's own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    {first}
    import gradio as gr
    import dial                      # a component class defined in a module of its own
    print(gr.Textbox(label="问题", value="伦理审查多久").value)
""")
DIAL = textwrap.dedent("""
    import gradio as gr

    class Dial(gr.HTML):
        EVENTS = ["click"]
""")


def _import(tmp_path: Path, first: str) -> tuple[str, bool]:
    """Imports Gradio in a fresh interpreter after ``first``; (what it printed, whether a stub was written)."""
    (tmp_path / "dial.py").write_text(DIAL, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", SCRIPT.format(first=first), str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip(), (tmp_path / "dial.pyi").exists()


def test_the_ui_imports_gradio_without_writing_stubs(tmp_path):
    printed, stub_written = _import(tmp_path, "import ui")
    assert printed == "伦理审查多久", "components work as before"
    assert not stub_written


def test_gradio_imported_on_its_own_still_writes_them(tmp_path):
    """The control: the same import without the UI's package first writes the stub, so the test above can fail."""
    printed, stub_written = _import(tmp_path, "")
    assert printed == "伦理审查多久"
    assert stub_written
