"""A turn's answer worded by the chat model, served only when the guard passes every claim.

``CheckedWriter(model, engine).answer(plan, answer) -> Answer``: the deterministic ``answer`` of the
turn goes in (with the ``plan`` it was composed from); out comes the model's wording (``written_by:
llm``, its ``[chunk_id]`` marks rendered as readable citations, the source lines appended by the
composer) or, when the model fails or the guard finds a problem, the deterministic answer with the
problems in ``guard_problems`` (the question log keeps them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel

from assistant import guard
from assistant.amounts import format_yuan, format_yuan_en
from assistant.conversation.composer import Composer
from assistant.conversation.plan_records import Plan
from assistant.language import Language
from assistant.llm.claims import CITATION_MARK, cited_ids
from assistant.llm.facts import PlanFacts, facts_of
from assistant.records import Answer, Calculation, Citation
from assistant.retrieval import HybridRetriever
from assistant.rules.book import RuleBook
from assistant.settings import Settings
from assistant.writer import AnswerWriter, Brief, ContextArticle, PlannedRule
from index.articles import Article
from index.documents import Catalogue
from index.yaml_data import read_yaml
from prompts import PROMPTS_DIR

CONTEXT_ARTICLES = 3

log = logging.getLogger(__name__)


class EngineView(Protocol):
    """The parts of the engine the LLM path reads."""

    settings: Settings
    retriever: HybridRetriever
    book: RuleBook
    catalogue: Catalogue

    def citation(self, article: Article) -> Citation: ...

    def calculate(self, rule_id: str, inputs: Mapping[str, Any], language: Language = Language.SIMPLIFIED) -> Calculation: ...


def evidence_for(engine: EngineView, plan: Plan, answer: Answer, tool_results: Sequence[Calculation] = ()) -> guard.Evidence:
    """What the guard holds a written answer of this turn to: the plan's facts and the retrieved articles."""
    facts = facts_of(plan, engine.book)
    ids = dict.fromkeys([*facts.planned, *(c.chunk_id for c in answer.citations), *answer.retrieved])
    articles = [a for cid in ids if (a := engine.retriever.article(cid))]
    context = [context_article(engine, a) for a in articles]
    return guard.Evidence(
        question=plan.question.original,
        facts=facts,
        sources={c.chunk_id: f"{c.heading}\n{c.text}" for c in context},
        tool_results=tuple(tool_results),
        validity_dates={a.chunk_id: _validity_dates(engine.catalogue, a) for a in articles},
        known_departments=tuple(sorted({d for a in engine.retriever.articles for d in a.departments})),
    )


def context_article(engine: EngineView, article: Article) -> ContextArticle:
    """An article as the model reads it: its heading (document, 文号, label, title, status) and text."""
    citation = engine.citation(article)
    heading = f"{citation.doc_title} {citation.doc_number or ''} {citation.article} {citation.title}; {citation.validity}"
    return ContextArticle(article.chunk_id, heading, article.text, "、".join(article.departments))


def _validity_dates(catalogue: Catalogue, article: Article) -> tuple[str, ...]:
    document = catalogue.get(article.doc_id)
    days = (document.valid_from, document.valid_to, document.funding_valid_from)
    return tuple(d.isoformat() for d in days if d is not None)


@cache
def fact_templates() -> dict[str, dict[str, str]]:
    """The fact-line and citation templates by language (``prompts/facts.yaml``)."""
    loaded: dict[str, dict[str, str]] = read_yaml(PROMPTS_DIR / "facts.yaml")
    return loaded


class CheckedWriter:
    def __init__(self, model: BaseChatModel, engine: EngineView) -> None:
        self.engine = engine
        self.writer = AnswerWriter(model, engine.settings.llm_timeout_seconds)

    def answer(self, plan: Plan, answer: Answer) -> Answer:
        """The model's answer when the guard passes it; otherwise ``answer``, with the problems."""
        engine = self.engine
        language = Language(answer.language)
        english = language is Language.ENGLISH
        facts = facts_of(plan, engine.book)
        composer = Composer(engine.catalogue, engine.settings.current_date(), language)
        brief = self.brief(plan, answer)
        try:
            written = self.writer.write(brief, lambda rule_id, inputs: engine.calculate(rule_id, inputs, language))
        except Exception as error:  # a model endpoint that fails must never fail the answer
            log.warning("LLM failed, serving the deterministic answer: %s", error)
            return answer.model_copy(update={"guard_problems": [f"model failed: {error}"]})
        problems = guard.check(written.text, evidence_for(engine, plan, answer, written.calculations))
        if problems:
            log.warning("guard rejected the model's answer (%s); serving the deterministic answer", "; ".join(problems))
            return answer.model_copy(update={"guard_problems": problems})
        cited = [a for cid in dict.fromkeys([*facts.planned, *cited_ids(written.text)]) if (a := engine.retriever.article(cid))]
        documents = [a.doc_id for a in cited]
        sources = [line for i, a in enumerate(cited)
                   for line in composer.source_lines(a, with_validity=a.doc_id not in documents[:i])]  # validity once per document
        text = "\n".join([self._readable(written.text, english), *sources])
        return answer.model_copy(update={
            "answer": composer.finish(text),
            "citations": [engine.citation(a) for a in cited],
            "calculations": answer.calculations or written.calculations,
            "written_by": "llm",
        })

    # --- what the model is given -----------------------------------------------------------------
    def brief(self, plan: Plan, answer: Answer) -> Brief:
        """The model's brief for this turn: articles, the plan's facts, the marked draft, the planned rules."""
        engine = self.engine
        language = Language(answer.language)
        english = language is Language.ENGLISH
        facts = facts_of(plan, engine.book)
        ids = list(dict.fromkeys([*facts.planned, *(c.chunk_id for c in answer.citations), *answer.retrieved]))
        shown = ids[: max(CONTEXT_ARTICLES, len(facts.planned))]  # a small model's context is small: the planned ones first
        articles = [a for cid in shown if (a := engine.retriever.article(cid))]
        composer = Composer(engine.catalogue, engine.settings.current_date(), language)
        return Brief(
            question=plan.question.original,
            language=answer.language,
            articles=[context_article(engine, a) for a in articles],
            facts=self._fact_lines(facts, composer, english),
            draft=self._draft(answer, facts, composer),
            rules=[PlannedRule(r.id, r.name_en if english else r.name, inputs.amounts, inputs.required)
                   for r in facts.rules if any(c.rule_id == r.id for c in facts.calculations)
                   for inputs in [engine.book.inputs(r.id)]],
        )

    def _fact_lines(self, facts: PlanFacts, composer: Composer, english: bool) -> list[str]:
        t = fact_templates()["en" if english else "zh"]
        money = format_yuan_en if english else format_yuan
        lines: list[str] = []
        for c in facts.calculations:
            lines.append(t["award"].format(chunk_id=c.citation.chunk_id, rule_name=c.rule_name, rule_id=c.rule_id,
                                           amount=money(c.amount_yuan), formula=c.formula))
            if c.notes:
                lines.append(t["award_notes"].format(chunk_id=c.citation.chunk_id, rule_name=c.rule_name,
                                                     notes=" ".join(c.notes)))
        for rule in facts.rules:
            chunk_id = f"{self.engine.book.document}:{rule.measure}"
            lines.append(t["item_cap"].format(chunk_id=chunk_id, rule_name=rule.name_en if english else rule.name,
                                              per=rule.per, amount=money(rule.cap_yuan)))
            if rule.annual_cap:
                cap = self.engine.book.annual_caps[rule.annual_cap]
                lines.append(t["annual_cap"].format(chunk_id=chunk_id, amount=money(cap.cap_yuan), quote=cap.quote))
        if len(facts.calculations) > 1:
            if all(c.kind == "guarantee_limit" for c in facts.calculations):
                lines.append(t["alternatives"])
            else:
                lines += [t["total"].format(amount=money(total)) for total in facts.totals]
        if facts.rules:
            lines.append(t["merit"])
        for lookup in facts.lookups:
            key = "lookup_figure" if lookup.figure else "lookup_text"
            lines.append(t[key].format(chunk_id=lookup.chunk_id, figure=lookup.figure, sentence=lookup.sentence,
                                       clause=lookup.clause))
        first = facts.articles[0] if facts.articles else None
        if first is not None and facts.no_amount:
            lines.append(t["no_amount"].format(chunk_id=first.chunk_id, clause=first.text[:160]))
        elif first is not None and facts.not_specified:
            lines.append(t["not_specified"].format(chunk_id=first.chunk_id))
        for article in facts.articles:
            if article.departments:
                lines.append(t["departments"].format(chunk_id=article.chunk_id,
                                                     departments=("、" if not english else ", ").join(article.departments)))
            lines.append(t["validity"].format(chunk_id=article.chunk_id, validity=composer.validity(article.doc_id)))
        return list(dict.fromkeys(lines))

    def _draft(self, answer: Answer, facts: PlanFacts, composer: Composer) -> str:
        """The deterministic answer's own lines (before its source lines), each block closed by the marks."""
        lines = answer.answer.split("\n")
        first = self.engine.retriever.article(facts.planned[0]) if facts.planned else None
        if first is not None:
            source = composer.finish(composer.source_lines(first)[0])
            if source in lines:
                lines = lines[: lines.index(source)]
        marks = "".join(f"[{cid}]" for cid in facts.planned)
        return "\n".join(f"{line}{marks}" if line.rstrip().endswith(("。", ".", "）", ")")) or i == len(lines) - 1
                         else line for i, line in enumerate(lines))

    # --- what the user reads ---------------------------------------------------------------------
    def _readable(self, text: str, english: bool) -> str:
        """``[policy2024:05]`` → ``（沪府办规〔2024〕9号（五））``; a mark repeated right after itself once."""
        template = fact_templates()["en" if english else "zh"]["citation"]

        def render(match: re.Match[str]) -> str:
            article = self.engine.retriever.article(match[1])
            if article is None:
                return ""
            number = self.engine.catalogue.get(article.doc_id).number or self.engine.catalogue.get(article.doc_id).title
            return template.format(number=number, label=article.label)

        collapsed = re.sub(r"(\[[^\]]+\])(?:\s*\1)+", r"\1", text)
        return CITATION_MARK.sub(render, collapsed).replace(" （", "（")

