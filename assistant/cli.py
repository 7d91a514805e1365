"""The policy-assistant command: index, serve, ask, search, calc, match, eval.

Run policy-assistant --help, or policy-assistant COMMAND --help. Errors (the product's AssistantError)
print one line, error: <message>, and exit 2; they never show a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from assistant.errors import AssistantError
from assistant.language import Language
from assistant.rules.calculator import Item
from assistant.settings import Settings, load_settings

if TYPE_CHECKING:
    from assistant.engine import Engine

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, rich_markup_mode=None,
                  pretty_exceptions_enable=False)
console = Console()


def _fail(message: str) -> NoReturn:
    """Print ``error: <message>`` on one line of stderr (never wrapped, never read as markup); exit 2."""
    Console(stderr=True).print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        print(f"policy-assistant {version('policy-assistant')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    """The policy-assistant command: index, serve, ask, search, calc, eval."""


@contextmanager
def _reported() -> Iterator[None]:
    """Any ``AssistantError`` raised inside ends the command with its message and exit 2."""
    try:
        yield
    except AssistantError as error:
        _fail(str(error))


def _settings() -> Settings:
    """The validated settings; a bad ``PA_…`` value ends the command with one line and exit 2."""
    with _reported():
        return load_settings()


def _engine() -> Engine:
    from assistant.engine import Engine  # imported lazily so `--help` stays fast

    settings = _settings()
    with _reported():
        return Engine.from_settings(settings)


@app.command()
def index(rebuild: Annotated[bool, typer.Option("--rebuild", help="rebuild even if an index exists")] = False):
    """Parse the shipped sources and build the Chroma index (a new version, activated once complete).

    Two runs at once queue on the build lock: the second finds the index the first built."""
    from rich.progress import BarColumn, Progress, TextColumn  # a tenth of a second every other command need not pay

    from assistant.bootstrap import open_index
    from index.documents import catalogue

    settings = _settings()
    with _reported():
        if rebuild:
            with Progress(TextColumn("indexing"), BarColumn(), TextColumn("{task.completed}/{task.total}")) as bar:
                task = bar.add_task("index", total=None)
                opened = open_index(settings, rebuild=True,
                                    on_progress=lambda done, total: bar.update(task, completed=done, total=total))
        else:  # builds only when no usable index serves; a second run waits on the lock, then finds it
            opened = open_index(settings)
    report = opened.built
    if report is None:
        console.print(f"index exists: {opened.version.version} ({len(opened.version.articles)} chunks); use --rebuild")
        return
    documents = len(catalogue().indexed())
    console.print(
        f"built {report.version}: {documents} documents, {report.chunks} chunks "
        f"({report.embedded} embedded, {report.chunks - report.embedded} unchanged), "
        f"embedder {report.embedder}, {report.seconds:.1f} s"
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 7860,
    workers: Annotated[int | None, typer.Option(
        help="API worker processes (default PA_WORKERS, else the machine's cores); with more than one, "
             "the UI is served by one process of its own on --ui-port", min=1)] = None,
    ui_port: Annotated[int | None, typer.Option(help="the UI's port when several workers serve (default: port + 1)")] = None,
):
    """Serve the UI at / and the API under /v1 (builds the index when missing)."""
    from assistant.serving import serve as run

    settings = _settings()
    with _reported():
        run(settings, host, port, workers, ui_port)


@app.command()
def ask(
    question: str,
    session: Annotated[str | None, typer.Option("--session", help="continue a conversation: the session id an earlier answer printed")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the Answer record as JSON")] = False,
):
    """Ask a question; prints the answer with its citations."""
    if session is not None:
        _live_session(_settings(), session)
    engine = _engine()
    with _reported():
        answer = engine.ask(question, session)
    if as_json:
        print(answer.model_dump_json(indent=2))
        return
    print(answer.answer)
    console.print(f"[dim]status: {answer.status} · session: {answer.session_id}[/dim]")


def _live_session(settings: Settings, session_id: str) -> None:
    """Ends the command (exit 2) unless ``session_id`` is a stored conversation that has not expired."""
    from assistant.conversation.sessions import SessionStore
    from assistant.store import store_engine

    with _reported():
        found = SessionStore(store_engine(settings), settings.session_ttl_seconds, settings.max_sessions,
                             settings.max_session_turns).find(session_id)
    if found is None:
        _fail(f"no conversation {session_id!r}: it was never started here or has expired "
              f"(after {settings.session_ttl_seconds} s unused); ask without --session to start one")


@app.command()
def search(
    query: str,
    k: Annotated[int, typer.Option("-k", help="number of results")] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
):
    """Search the articles; prints citation-shaped hits."""
    engine = _engine()
    with _reported():
        results = engine.search(query, k=k)
    if as_json:
        print(json.dumps({"results": [r.model_dump() for r in results]}, ensure_ascii=False, indent=2))
        return
    for rank, result in enumerate(results, start=1):
        number = result.doc_number or result.doc_title
        console.print(f"{rank}. [bold]{number} {result.article}[/bold] {result.title}  ({result.score:.4f})")
        console.print(f"   {result.text[:160]}")


@app.command()
def calc(
    rule_id: str,
    param: Annotated[list[str] | None, typer.Option("--param", help="NAME=VALUE; repeat base=… for items")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    english: Annotated[bool, typer.Option("--en", help="explain in English")] = False,
):
    """Compute the award ceiling of one rule.

    Example: policy-assistant calc m05-drug-phase2 --param base=6000万
    (an amount needs its unit: 6000元 or 6000万, never a bare 6000)
    """
    from assistant.rules.book import rule_book
    from assistant.rules.units import require_units

    params = param or []
    bad = [p for p in params if "=" not in p]
    if bad:
        _fail(f"--param takes NAME=VALUE, not {bad[0]!r}")
    pairs = [p.split("=", 1) for p in params]
    bases = [value for name, value in pairs if name in ("base", "base_yuan", "amount")]
    shared = {name: value for name, value in pairs if name not in ("base", "base_yuan", "amount")}
    items = [Item(rule_id, {**shared, "base_yuan": b}) for b in bases] or [Item(rule_id, shared)]
    with _reported():
        book = rule_book()
        book.rule(rule_id)
        for item in items:  # every --param is typed text: 6000 may mean 6000元 or 6000万元, so it is asked
            require_units(book, item.rule_id, item.inputs)
    engine = _engine()
    with _reported():
        estimate = engine.estimate(items, Language.ENGLISH if english else Language.SIMPLIFIED)
    if as_json:
        payload = estimate.calculations[0] if len(items) == 1 else estimate
        print(payload.model_dump_json(indent=2))
        return
    for calculation in estimate.calculations:
        console.print(f"[bold]{calculation.rule_name}[/bold]: {calculation.amount_text}")
        console.print(f"  {calculation.formula}")
        for note in calculation.notes:
            console.print(f"  · {note}")
    if len(items) > 1:
        console.print(f"[bold]total[/bold]: {estimate.formula}")
    citation = estimate.calculations[0].citation
    console.print(f"[dim]{citation.doc_number} {citation.article} {citation.title}[/dim]")


@app.command()
def match(
    profile_file: Annotated[str, typer.Argument(metavar="PROFILE.yaml", help="a company profile (YAML or JSON)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the MatchResult record as JSON")] = False,
    english: Annotated[bool, typer.Option("--en", help="answer in English")] = False,
):
    """Every measure a company profile may claim, with ceilings, annual caps and what is missing."""
    from assistant.engine import InputError
    from assistant.match.files import ProfileFileError, read_profile
    from assistant.match.report import match_markdown

    try:
        profile = read_profile(profile_file)
        result = _engine().match(profile, "en" if english else "zh")
    except (ProfileFileError, InputError) as error:
        _fail(str(error))
    print(result.model_dump_json(indent=2) if as_json else match_markdown(result))


@app.command()
def migrate():
    """Bring the state store (PA_DATABASE_URL, or SQLite in the data dir) to the newest schema."""
    from assistant.store import open_store
    from assistant.store.migrate import current_revision

    settings = _settings()
    with _reported():
        store = open_store(settings)
    where = store.engine.url.render_as_string(hide_password=True)
    console.print(f"state store {escape(where)} is at revision {current_revision(store.engine)} (the newest)")


@app.command(name="eval")
def evaluate(
    report: Annotated[str | None, typer.Option("--report", help="where to write the Markdown report")] = None,
    llm: Annotated[bool, typer.Option("--llm", help="word answers with the model at PA_LLM_BASE_URL; report per question")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="with --llm: only the first N questions")] = None,
):
    """Run the evaluation set; exit 1 when a figure is below its threshold (with --llm: when a served answer is wrong)."""
    if llm:
        from eval.llm import run_llm_evaluation

        settings = _settings()
        if not settings.llm_base_url:
            _fail("eval --llm needs PA_LLM_BASE_URL (an OpenAI-compatible endpoint)")
        if not run_llm_evaluation(settings, report, limit):
            raise typer.Exit(1)
        return
    from eval.runner import run_evaluation

    passed = run_evaluation(_settings(), report)
    if not passed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
