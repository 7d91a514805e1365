"""Sentence and article finders: the sentence of an article that decides, states or counts what an ask names,
the document or task a question mentions, and the article a turn recalls or the scope article it asks of.

``SentenceFinder(retriever, book, catalogue, today)``; the planner asks it which article or sentence answers.
Nothing here judges eligibility or computes figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from assistant.conversation.extract import Lead, lead_clause
from assistant.conversation.plan_records import Plan, Route, Step
from assistant.conversation.question import Ask, AskKind, Question
from assistant.conversation.slots import triggers_named
from assistant.conversation.understand import (
    ISSUED,
    asking_part,
    has_word,
    holds_tasks,
    lexicon,
    tasks_named,
    without_ask_words,
    without_asker,
    without_registration,
    without_words,
)
from assistant.retrieval import HybridRetriever
from assistant.rules.book import RuleBook
from assistant.rules.eligibility import condition_rules
from index.articles import Article
from index.documents import Catalogue, DocumentStatus
from index.tokens import tokenize

MIN_KEYWORD_SCORE = 1.8
HITS = 5
OWN_TOPIC_SCORE = 2 * MIN_KEYWORD_SCORE  # an ask with this much topic of its own is about its own measure
CLOSE_SCORE = 0.7  # a hit this close to the top one may be the measure an amount ask names by its rule
OUTMATCHED_FACTOR = 2  # a sentence holding this many times the question's words of the lead's sentence answers instead
RARE_TERM_SHARE = 0.05  # a word this few of the articles use names what one of them is about
SCOPE_KEY = "scope"  # the article of a document that says whom it covers
APPLICANT_ONLY_WORDS = 6  # what is left of "我们在上海有全资子公司，子公司能申请吗" without who applies: a few words at most
WORD_OR_CHARACTER = re.compile(r"[\u4e00-\u9fff]|[a-z]+")  # a Chinese character or an English word


class SentenceFinder:
    """Finds, in the sources ``retriever`` indexes, the article or sentence an ask names; ``book`` is the policy
    whose measures and scope it reads, ``catalogue`` the documents, ``today`` the day a document's term is read on."""

    def __init__(self, retriever: HybridRetriever, book: RuleBook, catalogue: Catalogue, today: date) -> None:
        self.retriever = retriever
        self.book = book
        self.catalogue = catalogue
        self.today = today

    def sentence_decides(self, query: str, hits: Sequence[Any], doc_ids: Sequence[str] | None) -> Article | None:
        """Between close articles, the one holding the sentence that matches ``query`` best, when that sentence
        holds a rare word of the question (used by at most ``RARE_TERM_SHARE`` of the articles) that the top
        article never uses ("Which two quality testing centres are the testing institutes building?": one
        sentence of a press answer names both centres and both institutes; the measure on testing platforms
        ranks first by its many shared common words, none of them the institutes'); else None."""
        sentences = self.retriever.sentences(query, k=HITS * 4, doc_ids=doc_ids)
        if not sentences:
            return None
        top, best = hits[0], sentences[0]
        # "想自己研发生产三类医疗器械，政策上有什么支持？" names no document: the expired plan's sentence holding 三类
        # does not displace the policy in force that answers
        close = {h.article.chunk_id for h in hits[1:HITS]
                 if h.score >= CLOSE_SCORE * top.score and not self._lapsed_beside(h.article, top.article, query)}
        own = set(best.matched_terms) - set(top.matched_terms)
        if best.article.chunk_id in close and any(self.retriever.article_share(t) <= RARE_TERM_SHARE for t in own):
            return best.article
        # "浦东方案里对新药临床研究有支持吗": task 5's one sentence says all the question says (对新药临床研究…给予支持);
        # task 17, first by its many 临床研究, never says 新药 in the sentences that match
        said = [set(s.matched_terms) for s in sentences if s.article.chunk_id == top.article.chunk_id]
        for other in sentences[1:]:
            if other.score < CLOSE_SCORE:
                break
            if other.article.chunk_id in close and all(set(other.matched_terms) > terms for terms in said):
                return other.article
        return None

    def _lapsed_beside(self, article: Article, top: Article, query: str) -> bool:
        """Whether ``article`` is of a document no longer in force that ``query`` does not name, while ``top``'s
        document is in force: an expired plan leads only when named or when nothing in force answers."""
        status = self.catalogue.get(article.doc_id).status_on(self.today)
        return (status in {DocumentStatus.EXPIRED, DocumentStatus.SUPERSEDED}
                and self.catalogue.get(top.doc_id).in_force_on(self.today)
                and article.doc_id not in self.catalogue.named_in(query))

    def sentence_stating(self, query: str, ask: Ask, units: tuple[str, ...], doc_ids: Sequence[str] | None = None,
                          of_document: str | None = None, holding: tuple[str, ...] = (),
                          beside: Article | None = None) -> tuple[Article, Lead] | None:
        """The article and lead of the best sentence for ``query`` (searched in ``doc_ids`` when given; one of
        ``of_document``'s when given; one holding a word of ``holding`` when given; none of a document no longer in
        force that ``query`` does not name when ``beside``, the article found, is in force) that states a figure of
        the kind ``ask`` wants (in ``units`` when given), among the sentences scoring at least ``CLOSE_SCORE`` of the
        best one; None when none does."""
        for hit in self.retriever.sentences(query, k=HITS, doc_ids=doc_ids):
            if hit.score < CLOSE_SCORE:
                break
            if (of_document is not None and hit.article.doc_id != of_document) or (
                    holding and not any(word in hit.sentence for word in holding)) or (
                    beside is not None and self._lapsed_beside(hit.article, beside, query)):
                continue
            lead = lead_clause(hit.sentence, ask.kind, ask.text, units)
            if lead.figure:
                return hit.article, lead
        return None

    def sentence_counts_rare_term(self, query: str, ask: Ask, doc_ids: Sequence[str] | None) -> bool:
        """Whether a figure ask is answered by the sentence matching ``query`` best: it holds a rare word of the
        query (used by at most ``RARE_TERM_SHARE`` of the articles) and states a figure of the kind asked ("how many
        academicians does Shanghai have": the press answer's "拥有64位…两院院士", which a long article's keyword score
        hides)."""
        if ask.kind not in {AskKind.FIGURE, AskKind.DURATION}:
            return False
        found = self.retriever.sentences(query, k=1, doc_ids=doc_ids)
        if not found or not any(0 < self.retriever.article_share(t) <= RARE_TERM_SHARE for t in found[0].matched_terms):
            return False
        figure_ask = lexicon().figure_asks.get(ask.detail) if ask.kind is AskKind.FIGURE else None
        return bool(lead_clause(found[0].sentence, ask.kind, ask.text, figure_ask.stated if figure_ask else ()).figure)

    def sentence_naming_more(self, query: str, ask: Ask, units: tuple[str, ...], doc_ids: Sequence[str] | None,
                              lead: Lead) -> tuple[Article, Lead] | None:
        """The article and lead of the sentence matching ``query`` best, when it states a figure of the kind asked
        and holds a rare word of the question (used by at most ``RARE_TERM_SHARE`` of the articles) while the
        sentence of ``lead`` holds none: the figure of what the question names, not of something beside it; else None."""
        found = self.retriever.sentences(query, k=1, doc_ids=doc_ids)
        if not found or found[0].sentence == lead.sentence:
            return None
        best = found[0]
        if self.catalogue.district_for_city(query, best.article.doc_id):
            return None  # "上海生物医药产业规模有多大": the city's 9337亿元, not the Pudong plan's 4000亿元 target

        def rare(term: str) -> bool:
            return 0 < self.retriever.article_share(term) <= RARE_TERM_SHARE

        shared = [t for t in best.matched_terms if t in lead.sentence]
        # "How many hospitals with clinical-trial qualification …": the sentence holding every word of the question
        # ("65家拥有临床试验资格的医疗机构"), not one holding two of them beside another count ("临床研究(IIT)3608项")
        outmatched = len(best.matched_terms) >= OUTMATCHED_FACTOR * max(len(shared), 1)
        if not outmatched and (not any(rare(t) for t in best.matched_terms if t not in lead.sentence) or any(
                rare(t) for t in shared)):
            return None  # the lead's own sentence holds a rare word of the question too: it is about what was asked
        stated = lead_clause(best.sentence, ask.kind, ask.text, units)
        return (best.article, stated) if stated.figure else None

    def mentioned_issue(self, ask: Ask, document: str, plan: Plan) -> Step | None:
        """The issue asked right after an ask answered from a press answer or a reply ("发布会上说的那个实施意见有
        多少条举措？哪天印发的？"): an explanatory document has no issue of its own to ask about there, so the
        date is of what the answer quoted mentions; the sentence of that answer matching the ask leads. None
        when the ask is not about an issue, the message asked nothing before, or asked about the document's
        own opening (its issue is the document's)."""
        before = plan.steps[-1].articles[:1] if plan.steps else []
        if ask.detail != ISSUED or not before or before[0].doc_id != document:
            return None
        if self.catalogue.get(document).status_on(self.today) is not DocumentStatus.REFERENCE:
            return None
        opening = next((a for a in self.retriever.articles if a.doc_id == document), None)
        if opening is None or before[0].chunk_id == opening.chunk_id:
            return None
        return Step(ask, Route.LOOKUP, before, lead=lead_clause(before[0].text, AskKind.WHAT, ask.own_words))

    def recalled_article(self, question: Question, text: str | None = None) -> Article | None:
        """The best article for the earlier turn ``question`` points back at (or ``text``, an earlier turn's), within
        the document it names; None when the turn's own words find none."""
        topic = without_ask_words(question.recalled_text if text is None else text)
        if question.document is not None:
            topic = self.without_name(topic, question.document) or topic
        if text is not None and self.retriever.keyword_score(topic) < MIN_KEYWORD_SCORE:
            return None  # "那II期呢": a turn with no topic of its own
        hits = self.retriever.search(topic, k=1, prefer_on=self.today,
                                     doc_ids=[question.document] if question.document else None)
        return hits[0].article if hits else None

    def scope_article(self, question: Question, ask: Ask, previous: Sequence[Article]) -> Article | None:
        """The scope article of the document asked about (named, else the policy) when the ask is who the
        document covers and names no topic of its own besides, or, with nothing discussed before, a yes/no on
        whether the asker may apply that names nobody but who applies ("子公司能申请吗？"); else None."""
        if ask.kind is AskKind.DEPARTMENTS:
            return None  # "这件事归哪些单位管？": the units that administer it, not the ones it covers
        text = ask.text.lower()
        asked = asking_part(ask.own_words.lower())  # the asker's case told before the ask is no topic of its own
        words = lexicon().scope_words
        if not has_word(asked, words):
            facts = question.facts
            # (after the scope's own answer, "子公司能申请吗" asks the scope again)
            discussed = bool(previous) and previous[0].key != SCOPE_KEY
            if discussed and facts.related_party is not None and any(
                    condition_rules().reads(rule, "related_party") for rule in self.book.for_measure(str(previous[0].key))):
                return None  # "如果这家客户是我们母公司控股的企业呢": the parties' relation, a condition of the measure discussed
            if discussed and self._asks_who_applies(ask):
                return self.retriever.article(f"{self.book.document}:scope")
            if ask.kind is not AskKind.ELIGIBILITY or discussed or facts.drug_class or facts.cgt or facts.device:
                return None  # a product named is a topic of its own
            # "我是个人研究者，能申请这个政策的补贴吗": the policy's money asked of in plain words is no topic of its own
            money = (*lexicon().money_words, *lexicon().plain_money_words)
            # (who the asker is owned by is who applies too: "外资企业能申请这些资金支持吗")
            rest = _without_who(text, lexicon().applicant_words, lexicon().ownership_words, money)
            # the sentences told before the ask ("The company is registered in Singapore and we have no Shanghai entity
            # yet.") say who applies: the words counted are the asking sentence's, the topic looked for is the whole's
            asking = _without_who(asked, lexicon().applicant_words, lexicon().ownership_words, money)
            if (len(WORD_OR_CHARACTER.findall(asking)) > APPLICANT_ONLY_WORDS or self.retriever.keyword_score(rest) >= MIN_KEYWORD_SCORE
                    or any(triggers_named(asking, rule.triggers) for rule in self.book.rules)):
                return None  # ("the 10%-of-output subsidy": an award rule's own words name its measure)
            return self.retriever.article(f"{self.book.document}:scope")
        document = question.document or self.book.document
        scope = self.retriever.article(f"{document}:{SCOPE_KEY}")
        if lexicon().scope_of_document.search(asked) and not (question.document and question.document != self.book.document):
            return scope  # "我们这种包材企业算不算若干意见的支持对象": the scope named by its own name, whatever else is told
        rest = self.topic_in(asked, document)
        for word in words:
            rest = rest.replace(word, " ")
        if self.retriever.keyword_score(rest) >= OWN_TOPIC_SCORE:
            # "适用于我们这种提供专业服务的企业吗": words of the scope's own ("专业服务") are no other topic
            found = self.retriever.search(rest, k=1, doc_ids=[document])
            if not found or scope is None or found[0].article.chunk_id != scope.chunk_id:
                return None
        return scope

    def _asks_who_applies(self, ask: Ask) -> bool:
        """Whether an ask in a conversation already on a measure asks whether the asker, as who it says it is (its
        ownership or the entity it sets up: ``ownership_words``), may apply (``applying_words``), its asking clause naming
        no topic of its own ("我们是外资企业，这些服务也一样适用吗？", "台湾母公司直接申请可以吗")."""
        lex = lexicon()
        text = ask.text.lower()
        if ask.kind not in {AskKind.ELIGIBILITY, AskKind.WHAT} or not has_word(text, lex.ownership_words):
            return False
        asked = asking_part(ask.own_words.lower())
        if not has_word(asked, lex.applying_words):
            return False
        rest = _without_who(asked, {*lex.applicant_words, *lex.ownership_words, *lex.document_pointers})
        return self.retriever.keyword_score(rest) < MIN_KEYWORD_SCORE

    def naming(self, document: str) -> frozenset[str]:
        """The search terms (lower case) of ``document``'s title, issuer and aliases, and the year of its issue
        ("2024年的若干意见对出海产品支持多少": the year names the document, it is no topic)."""
        name = self.catalogue.get(document)
        years = {word for day in (name.signed, name.published, name.valid_from) if day for word in (str(day.year), f"{day.year}年")}
        return (frozenset(tokenize(f"{name.title} {name.issuer or ''} {' '.join(name.issuer_names)}".lower()))
                | {alias.lower() for alias in name.aliases} | years)

    def topic_in(self, text: str, document: str) -> str:
        """What ``text`` asks about inside ``document``: its words without the ask's own words and the document's
        name (``without_name``)."""
        return self.without_name(without_ask_words(text), document)

    def without_name(self, query: str, document: str) -> str:
        """``query``'s words (lower case) without those of ``document``'s title, issuer and aliases ("市政府办公厅那份
        若干意见" names the policy by its issuer too)."""
        name = self.catalogue.get(document)
        naming = self.naming(document)
        query = query.lower()
        for alias in sorted(name.aliases, key=len, reverse=True):  # "2024年的新政策": the alias as a whole, not its words
            query = query.replace(alias.lower(), " ")
        return " ".join(t for t in tokenize(query) if t not in naming and t.strip())

    def task_named(self, ask: Ask, document: str | None) -> Article | None:
        """The one task ``ask`` names by its number ("第九项任务", "task 9"): in ``document`` (the one the turn names
        or the conversation is about), else in the one document that numbers tasks; the policy's measure of that
        number when the document numbers measures, not tasks; None when it names none or several."""
        numbers = tasks_named(ask.text)
        if len(numbers) != 1:
            return None
        label = str(numbers[0])
        tasks = [a for a in self.retriever.articles if a.label == label and holds_tasks(a.section)
                 and (document is None or a.doc_id == document)]
        if len(tasks) == 1:
            return tasks[0]
        if document == self.book.document:
            return self.retriever.article(f"{document}:{numbers[0]:02d}")
        return None

    def document_articles(self, document: str, previous: list[Article], issued: bool = False) -> list[Article]:
        """The article that states a document's validity; else, for its issue (``issued``: date, 文号, issuer),
        its opening; else its first article naming the year it ends (a plan's "到2024年底"); else the one
        discussed, else its first."""
        stated = self.retriever.article(f"{document}:validity")
        if stated is not None:
            return [stated]
        articles = [a for a in self.retriever.articles if a.doc_id == document]
        end = self.catalogue.get(document).valid_to
        if end is not None and not issued:
            naming = [a for a in articles if f"{end.year}年" in a.text or str(end.year) in a.text]
            if naming:
                return naming[:1]
        same = [a for a in previous if a.doc_id == document and not issued]
        return same[:1] or articles[:1]


def _without_who(text: str, *dropped: Iterable[str]) -> str:
    """``text`` without who asks (the asker, its registration), the ask words, then each of ``dropped`` in turn
    (longest word first): what is left to name a topic of its own."""
    bare = without_registration(without_ask_words(without_asker(text)))
    for words in dropped:
        bare = without_words(bare, sorted(words, key=len, reverse=True))
    return bare
