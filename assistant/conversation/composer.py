"""The deterministic answer composer: a direct answer first, then where it comes from.

Every figure it writes is either quoted from the cited article or taken from a calculator result;
the words around them come from ``prompts/answers.yaml``.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.amounts import format_yuan, format_yuan_en
from assistant.citations import validity
from assistant.conversation.slots import AwardRequest
from assistant.language import Language, in_script
from assistant.records import AwardEstimate
from index.articles import Article
from index.documents import Catalogue, DocumentStatus
from index.tokens import tokenize
from prompts import templates

SENTENCE_END = re.compile(r"(?<=[。；！？?!])")
WHOLE_ARTICLE_CHARS = 320
LONG_ARTICLE_SENTENCES = 3


class Composer:
    def __init__(self, catalogue: Catalogue, day: date, language: Language) -> None:
        self.catalogue = catalogue
        self.day = day
        self.language = language
        self.t = templates()["en" if language is Language.ENGLISH else "zh"]

    def finish(self, text: str) -> str:
        return in_script(text, self.language)

    def _join(self, items: list[str] | tuple[str, ...]) -> str:
        return ", ".join(items) if self.language is Language.ENGLISH else "、".join(items)

    def source_lines(self, article: Article, with_quote: bool) -> list[str]:
        document = self.catalogue.get(article.doc_id)
        fields = {
            "number": document.number or "",
            "title": f"《{document.title}》",
            "label": article.label,
            "article_title": article.title,
        }
        lines = [self.t["source" if document.number else "source_no_number"].format(**fields)]
        if with_quote:
            lines.append(self.t["quote"].format(text=article.text))
        if article.departments:
            lines.append(self.t["departments"].format(departments=self._join(article.departments)))
        lines.append(self.t["validity"].format(validity=self.validity(article.doc_id)))
        for mentioned in article.mentions:
            successor = self.catalogue.successor_of(mentioned)
            if successor:
                lines.append(
                    self.t["mention_superseded"].format(
                        title=self.catalogue.get(mentioned).title, successor=successor.number
                    )
                )
        return lines

    def validity(self, doc_id: str) -> str:
        language = "en" if self.language is Language.ENGLISH else "zh"
        return validity(self.catalogue.get(doc_id), self.catalogue, self.day, language)

    def expired(self, doc_id: str) -> bool:
        return self.catalogue.get(doc_id).status_on(self.day) in {
            DocumentStatus.EXPIRED,
            DocumentStatus.SUPERSEDED,
        }

    def lookup(self, question: str, article: Article) -> str:
        sentences = self._answering_sentences(question, article)
        lines = []
        if self.expired(article.doc_id):
            lines.append(self.t["expired_warning"])
        lines.append(self.t["lookup_head"].format(sentences=sentences))
        lines.extend(self.source_lines(article, with_quote=False))
        return self.finish("\n".join(lines))

    def validity_answer(self, article: Article) -> str:
        document = self.catalogue.get(article.doc_id)
        head = f"{document.number or ''}《{document.title}》：{self.validity(article.doc_id)}。"
        if self.language is Language.ENGLISH:
            head = f"{document.number or ''} 《{document.title}》 ({document.title_en}): {self.validity(article.doc_id)}."
        return self.finish("\n".join([head, *self.source_lines(article, with_quote=True)]))

    def departments(self, article: Article) -> str:
        fields = {"label": article.label, "article_title": article.title}
        if article.departments:
            head = self.t["departments_answer"].format(departments=self._join(article.departments), **fields)
        else:
            head = self.t["departments_none"].format(**fields)
        return self.finish("\n".join([head, *self.source_lines(article, with_quote=False)]))

    def not_specified(self, article: Article | None, topic: str | None = None) -> str:
        topic = topic or self.t["topic_default"]
        if article is None:
            return self.finish(self.t["no_hit"])
        document = self.catalogue.get(article.doc_id)
        fields = {
            "topic": topic,
            "number": document.number or "",
            "source_title": f"《{document.title}》",
            "label": article.label,
            "article_title": article.title,
            "departments": self._join(article.departments),
        }
        key = "not_specified" if article.departments else "not_specified_no_departments"
        lines = [self.t[key].format(**fields), self.t["validity"].format(validity=self.validity(article.doc_id))]
        return self.finish("\n".join(lines))

    def out_of_scope(self, place: str | None = None) -> str:
        if place:
            return self.finish(self.t["out_of_scope_place"].format(place=place))
        return self.finish(self.t["out_of_scope"])

    def clarify_rule(self, request: AwardRequest, article: Article) -> str:
        money = format_yuan_en if self.language is Language.ENGLISH else format_yuan
        options = "\n".join(
            self.t["clarify_option"].format(
                name=rule.name_en if self.language is Language.ENGLISH else rule.name,
                ceiling=("max " if self.language is Language.ENGLISH else "最高") + money(rule.cap_yuan),
            )
            for rule in request.candidates
        )
        text = self.t["clarify_rule"].format(label=article.label, article_title=article.title, options=options)
        return self.finish(text)

    def clarify_base(self, request: AwardRequest, article: Article) -> str:
        rule = next(r for r in request.rules if r.rate is not None)
        english = self.language is Language.ENGLISH
        text = self.t["clarify_base"].format(
            base=(rule.base_en or rule.base) if english else rule.base,
            number=self.catalogue.get(article.doc_id).number,
            label=article.label,
            article_title=article.title,
            rule_name=rule.name_en if english else rule.name,
        )
        return self.finish(text)

    def award(self, estimate: AwardEstimate, article: Article) -> str:
        """One item: its ceiling, formula and notes. Several: the total first, then one line per item."""
        number = self.catalogue.get(article.doc_id).number
        calculations = estimate.calculations
        if len(calculations) == 1:
            [only] = calculations
            key = "award_head" if only.eligible else "award_head_not_eligible"
            lines = [
                self.t[key].format(number=number, label=only.citation.article, rule_name=only.rule_name,
                                   amount=only.amount_text),
                self.t["award_formula"].format(formula=only.formula),
            ]
        else:
            lines = [self.t["award_total_head"].format(number=number, label=calculations[0].citation.article,
                                                       count=len(calculations), amount=estimate.total_text)]
            lines += [self.t["award_item"].format(index=index, rule_name=c.rule_name, formula=c.formula)
                      for index, c in enumerate(calculations, start=1)]
        notes = list(dict.fromkeys(note for c in calculations for note in c.notes))
        if notes:
            separator = " " if self.language is Language.ENGLISH else ""
            lines.append(self.t["award_notes"].format(notes=separator.join(notes)))
        if len(calculations) > 1:
            lines.append(self.t["award_total"].format(formula=estimate.formula))
            lines.extend(estimate.notes)
        lines.extend(self.source_lines(article, with_quote=True))
        return self.finish("\n".join(lines))

    def _answering_sentences(self, question: str, article: Article) -> str:
        if len(article.text) <= WHOLE_ARTICLE_CHARS:
            return article.text
        wanted = set(tokenize(question))
        sentences = [s for s in SENTENCE_END.split(article.text) if s.strip()]
        scored = sorted(
            range(len(sentences)),
            key=lambda i: -len(wanted & set(tokenize(sentences[i]))),
        )[:LONG_ARTICLE_SENTENCES]
        return "".join(sentences[i].strip() for i in sorted(scored))

