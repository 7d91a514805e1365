"""The Gradio UI (see ``ui.app``). Importing any part of it first makes Gradio's import skip rewriting
its type stubs (``ui.gradio_import``), which would otherwise take most of a second at every start."""

from ui.gradio_import import skip_stub_writing

skip_stub_writing()
