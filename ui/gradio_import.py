"""Gradio imported without rewriting its type stubs, which is most of the time ``import gradio`` takes.

Gradio defines each component class through a metaclass that, on every import, reads the component's
source file, parses it with ``ast``, renders a Jinja template and compares or rewrites the ``.pyi`` stub
beside it (``gradio.component_meta.create_or_modify_pyi``): about 80 parses, 0.8–1.4 s of the 2.1–2.8 s
the import takes on this machine. The stubs only serve an editor's type checking of Gradio itself and
ship with the package; a serving process needs none of them. ``skip_stub_writing`` makes the import of
``gradio.component_meta`` (the first time, in this process) replace that function with one that does
nothing; Gradio's components, events and pages are otherwise untouched.

    skip_stub_writing()   # before the first ``import gradio`` (``ui/__init__.py`` does it)
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

STUB_MODULE = "gradio.component_meta"
STUB_WRITER = "create_or_modify_pyi"


def _write_no_stub(*_args: object, **_kwargs: object) -> None:
    """Stands in for Gradio's stub writer: a serving process keeps the stubs the package shipped."""


class _StubWriterRemover(importlib.abc.MetaPathFinder):
    """Finds ``gradio.component_meta`` as the standard finder does and, once it has run, replaces its
    stub writer; every other module is left to the finders after this one."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None,
                  ) -> importlib.machinery.ModuleSpec | None:
        if fullname != STUB_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        loader = spec.loader if spec is not None else None
        if spec is None or not isinstance(loader, importlib.abc.Loader):
            return spec
        run_module = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_module(module)
            if callable(getattr(module, STUB_WRITER, None)):  # a Gradio without it needs nothing replaced
                setattr(module, STUB_WRITER, _write_no_stub)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def skip_stub_writing() -> None:
    """Makes the coming ``import gradio`` skip rewriting Gradio's stubs; does nothing when Gradio's
    component module is already imported or the finder is already in place. Never raises."""
    if STUB_MODULE in sys.modules or any(isinstance(finder, _StubWriterRemover) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _StubWriterRemover())
