"""Scope: do the sources cover what a question asks about? Reads the ``Question`` record.

Out of scope: topics the sources do not treat (tax, listing rules, patients' reimbursement …, from
``data/scope.yaml``), another city's or country's own policies, a document that is not among the
sources (a named 《title》 or 管理办法, another district's plan), chit-chat and writing tasks, and a
question most of whose words the sources never use (``known_words``: the retriever's count of the
question's words found in the corpus). Whether an in-scope question matches an article at all is the
retriever's call (``is_about_policy``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.conversation.places import fold, is_abroad, places_abroad
from assistant.conversation.question import AmountRole, AskKind, Question, StatedAmount
from assistant.conversation.understand import (
    BRACKETED,
    PLACE_SUFFIXES,
    asks_detail,
    clause_around,
    clause_asks,
    ends_as_question,
    english_sentences_marked,
    has_word,
    lexicon,
    read_facts,
    sentences,
    states_conditions,
    tasks_named,
    without_ask_words,
    without_words,
)
from assistant.query import in_sources_words
from index.documents import Catalogue
from index.tokens import tokenizer
from index.yaml_data import read_yaml_once

if TYPE_CHECKING:
    from jieba.posseg import POSTokenizer

SCOPE_PATH = Path(__file__).resolve().parent.parent / "data" / "scope.yaml"
PHRASE_REACH = 4  # neighbouring characters read around an off-topic word to find it in the sources' phrase
PHRASE_MIN_EXTRA = 3  # fewer neighbours ("科创板上市") are a common phrase, not the sources' own topic
OFF_TOPIC_TEXTS_KEPT = 4096  # texts whose off-topic matches are kept
UNKNOWN_RUNS_KEPT = 8192  # runs of characters outside jieba's dictionary whose tags are kept
# asks a conversation's topic answers ("他又问申请材料要准备哪些，截止日期是哪天" after an award: that measure's)
CONVERSATION_KINDS = frozenset({AskKind.VALIDITY, AskKind.DEPARTMENTS, AskKind.HOW_TO_APPLY})
FIGURE_KINDS = frozenset({AskKind.FIGURE, AskKind.DURATION})  # asks one sentence stating a figure answers
# asks of a document's terms: a document the sources only mention cannot answer them
TERMS_KINDS = frozenset({AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY, AskKind.HOW_TO_APPLY})
ITEM_KINDS = frozenset({AskKind.VALIDITY, AskKind.DEPARTMENTS, AskKind.WHAT})  # asks an item named by its number answers
REGEX_SYNTAX = re.compile(r"[.^$*+?{}\[\]\\|()]")  # characters that make a pattern more than the word it spells
QUOTED_TERM = re.compile(r"[“\"「『‘]([^”\"」』’]{2,40})[”\"」』’]")  # a term the asker quotes ("那个“4个100”的清单")
CLAUSE_MARKS = "，,。？?！!；;"  # the marks ending a clause
CLAUSE_AND_MARK = re.compile(f"(?P<clause>[^{CLAUSE_MARKS}]+)(?P<mark>[{CLAUSE_MARKS}]?)")  # a clause and the mark ending it


@dataclass(frozen=True)
class ScopeVerdict:
    """``covered`` False with the reason (off_topic:<group>, place, document) and what was named."""

    covered: bool
    reason: str = ""
    named: str = ""


COVERED = ScopeVerdict(True)


@dataclass(frozen=True)
class _ScopeData:
    off_topics: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    other_places: tuple[str, ...]
    place_as_location: str
    place_as_subject: str
    place_asked_about: str
    place_pointed_asked: re.Pattern[str]
    location_marks: str  # "在美国…": the characters before a place that make it where something happens
    shanghai_givers: tuple[str, ...]  # "市里对这种…": words naming Shanghai's government as the one asked
    districts: tuple[str, ...]
    catalogued_districts: tuple[str, ...]
    district_document: str
    district_subject: str
    district_own: str
    named_document: re.Pattern[str]
    unnamed_document: re.Pattern[str]
    document_number: re.Pattern[str]
    mentioned_document: re.Pattern[str]
    min_known_share: float
    min_words_for_share: int
    subject_term_min_chars: int
    subject_term_max_articles: int
    place_term_max_articles: int
    min_clause_words: int
    clause_filler_words: tuple[str, ...]  # words naming no topic, left out of an asking clause's count
    min_quoted_run: int
    self_description: re.Pattern[str]
    min_terms_said_together: int
    asked_unit: re.Pattern[str]
    derived_document: re.Pattern[str]
    later_document: re.Pattern[str]
    content_asked: re.Pattern[str]
    earlier_document: re.Pattern[str]
    off_topic_pairs: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    home_places: tuple[str, ...]
    not_places: frozenset[str]
    shanghai_anchors: tuple[str, ...]
    zone: re.Pattern[str]
    measure_label: re.Pattern[str]
    policy_pointed: re.Pattern[str]  # "这套政策": the policy pointed at, not named
    district_matching: re.Pattern[str]  # "金山区自己会不会再配套一笔": a district's matching support, which the scope speaks of
    scene_groups: frozenset[str]
    names_groups: frozenset[str]
    request_groups: frozenset[str]  # requests refused whatever item they name (a writing task, chit-chat)
    own_writing: re.Pattern[str]  # the asker's own writing, told before the figures it checks ("…写个总结材料，想核对一下数字")


@cache
def _data() -> _ScopeData:
    raw = read_yaml_once(SCOPE_PATH)
    return _ScopeData(
        off_topics=tuple(
            (group, tuple(re.compile(str(p), re.IGNORECASE) for p in patterns)) for group, patterns in raw["off_topics"].items()
        ),
        other_places=tuple(str(p).lower() for p in raw["other_places"]),
        place_as_location=raw["place_as_location"],
        place_as_subject=raw["place_as_subject"],
        place_asked_about=raw["place_asked_about"],
        place_pointed_asked=re.compile(raw["place_pointed_asked"]),
        location_marks=raw["location_marks"],
        shanghai_givers=tuple(raw["shanghai_givers"]),
        districts=tuple(raw["shanghai_districts"]),
        catalogued_districts=tuple(raw["catalogued_districts"]),
        district_document=raw["district_document"],
        district_subject=raw["district_subject"],
        district_own=raw["district_own"],
        named_document=re.compile(raw["named_document"]),
        unnamed_document=re.compile(raw["unnamed_document"]),
        document_number=re.compile(raw["document_number"]),
        mentioned_document=re.compile(raw["mentioned_document"]),
        min_known_share=float(raw["min_known_share"]),
        min_words_for_share=int(raw["min_words_for_share"]),
        subject_term_min_chars=int(raw["subject_term_min_chars"]),
        subject_term_max_articles=int(raw["subject_term_max_articles"]),
        place_term_max_articles=int(raw["place_term_max_articles"]),
        min_clause_words=int(raw["min_clause_words"]),
        clause_filler_words=tuple(sorted(raw["clause_filler_words"], key=len, reverse=True)),
        min_quoted_run=int(raw["min_quoted_run"]),
        self_description=re.compile(raw["self_description"], re.IGNORECASE),
        min_terms_said_together=int(raw["min_terms_said_together"]),
        asked_unit=re.compile(raw["asked_unit"]),
        derived_document=re.compile(raw["derived_document"]),
        later_document=re.compile(raw["later_document"], re.IGNORECASE),
        content_asked=re.compile(raw["content_asked"], re.IGNORECASE),
        earlier_document=re.compile(raw["earlier_document"], re.IGNORECASE),
        off_topic_pairs=tuple(
            (group, _any_of(pair["who"]), _any_of(pair["what"])) for group, pair in raw["off_topic_pairs"].items()
        ),
        home_places=tuple(str(p) for p in raw["home_places"]),
        not_places=frozenset(str(p) for p in raw["not_places"]),
        shanghai_anchors=tuple(str(p).lower() for p in raw["shanghai_anchors"]),
        zone=re.compile(raw["zone"]),
        measure_label=re.compile(raw["measure_label"]),
        policy_pointed=re.compile(raw["policy_pointed"], re.IGNORECASE),
        district_matching=re.compile(raw["district_matching"].replace(
            "{district}", "|".join(re.escape(d) for d in raw["shanghai_districts"]))),
        scene_groups=frozenset(raw["scene_groups"]),
        names_groups=frozenset(raw["names_groups"]),
        request_groups=frozenset(raw["request_groups"]),
        own_writing=re.compile(raw["own_writing"]),
    )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def place_tagger() -> POSTokenizer:
    """jieba's part-of-speech tagger over the domain dictionary (``ns``: a place name). jieba's tagging
    tables (a quarter of a second to import) load with the first call, not with this module."""
    import jieba.posseg

    class PlaceTagger(jieba.posseg.POSTokenizer):
        """jieba's tagger, keeping its tags of the blocks it cuts a text into (runs of characters between
        punctuation) and of the runs of characters its dictionary does not hold: a block's tags, and a run's
        (jieba's HMM, the costly part of tagging), depend on the block or run alone, and the same ones
        ("能拿多少", "万呢") come back in question after question."""

        def __init__(self, words: jieba.Tokenizer) -> None:
            super().__init__(words)
            parent = super()._POSTokenizer__cut_detail
            self._detail = lru_cache(maxsize=UNKNOWN_RUNS_KEPT)(lambda run: tuple(parent(run)))
            blocks = super()._POSTokenizer__cut_DAG
            self._block = lru_cache(maxsize=UNKNOWN_RUNS_KEPT)(lambda block: tuple(blocks(block)))

        def _POSTokenizer__cut_detail(self, run: str) -> tuple[Any, ...]:  # jieba's own step, by its own name
            return self._detail(run)

        def _POSTokenizer__cut_DAG(self, block: str) -> tuple[Any, ...]:  # jieba's own step, by its own name
            return self._block(block)

    return PlaceTagger(tokenizer())


@lru_cache(maxsize=4096)
def names_a_thing(word: str) -> bool:
    """Whether jieba tags ``word`` (one search term) as a noun or a verbal noun ("产品", "销售"), not a verb ("提升")."""
    return all(flag.startswith(("n", "vn", "eng")) for _, flag in _tags(word))


def _tags(text: str) -> tuple[tuple[str, str], ...]:
    """``place_tagger``'s (word, tag) pairs of ``text``, kept for recent texts: tagging is the costly step of
    the scope check, and a conversation's earlier turns are judged again with every new turn."""
    return tuple((word, flag) for word, flag in place_tagger().cut(text))


def judge(question: Question, cat: Catalogue, known_words: tuple[int, int] = (0, 0),
          corpus_uses: Callable[[str], bool] | None = None,
          corpus_says: Callable[[str], bool] | None = None,
          known_share: Callable[[str], tuple[int, int]] | None = None,
          said_together: Callable[[str], tuple[str, tuple[str, ...]]] | None = None,
          quoted: Callable[[str, int], set[str]] | None = None) -> ScopeVerdict:
    """Whether the sources can cover ``question``; the reason when they cannot.

    ``known_words`` is (words the corpus uses, all words) of the question without its ask words; a
    follow-up ("那如果…呢") is exempt from that count, its topic being the conversation's.
    ``corpus_uses(word)``: whether the sources use a word; a word jieba tags as a place that the
    sources never use is a place outside them (中关村, 光谷, 坪山). ``corpus_says(phrase)``: whether
    the sources' text holds a phrase; an off-topic word the sources use in the question's own phrase
    ("免征进口环节税" in the Pudong plan) is their topic, not another one. A question naming a
    catalogued document is never out of scope for its unknown words. ``known_share(text)``: the same
    count for any text; the clause that asks is judged on its own words too, whatever the message states
    around it ("我们在张江选址，预算3亿。你觉得哪边的餐厅好吃？" asks about restaurants). ``said_together(text)``:
    the one sentence of the sources matching ``text`` best and the search terms of ``text`` it holds; a figure asked with an
    off-topic word that sentence holds with ``min_terms_said_together`` of the question's words is what the sources
    say ("能用医保个人账户的钱买的商业健康险产品，新增了多少款" is the press answer's "新增个人账户资金购买商业健康险的产品14款").
    ``quoted(text, min_chars)``: the articles ``text`` quotes by a run of their own words that few articles hold; a
    question quoting one ("考核目标里说看药物临床试验批件获得数量，那一年至少要拿到几个批件") asks about what it quoted.
    """
    data = _data()
    text = question.text
    # a question stating the asker's own case (an amount, a product class, a stage) is about an award,
    # whatever its other words ("二期投了3000万，听说能拿2000万，对吗？")
    # or a fact a condition reads ("委托方是我们的控股股东，我们做CMO能拿支持吗")
    states_case = bool(question.facts.amounts) or question.facts.states_subject() or states_conditions(question.facts)
    # a case told at length ("另外我们还有一个仿制药在做一致性评价。…这个Ⅱ期能拿多少？") is judged on what it
    # asks: an off-topic word in a sentence that asks nothing is background, when another sentence asks
    # ("展位加机票酒店算下来8万左右，市里能补多少": what the case's money paid for, named before it, is part of the case)
    # ("1类新药的Ⅰ期是在澳大利亚做的（那边启动快、还有研发退税），…能按国内Ⅰ期…申请吗": an aside in brackets that asks nothing)
    background = [*_background_spans(text), *_self_described_spans(text), *_costed_spans(text, question.facts.amounts),
                  *_aside_spans(text)] if states_case else []
    found = [(group, spans) for group, spans in _off_topic_words(text) if spans]
    # ("浦东那个行动方案里，人才落户那条归哪个部门？": the departments of the document's item, described by its words)
    # ("…which district bodies were responsible for the task of attracting talent (hukou, housing)? Can we still rely on
    # that plan?": the item's departments and the document's term)
    # ("浦东那个生物医药方案里说的人才落户安居，我们现在还能用吗？": the item's term, whatever words describe it)
    if (cat.named_in(text) and (tasks_named(text) or data.measure_label.search(text) or (
            bool(question.asks) and all(a.kind in {AskKind.DEPARTMENTS, AskKind.VALIDITY} for a in question.asks)))
            and all(a.kind in ITEM_KINDS for a in question.asks)):
        # "the Pudong plan … task 12, the one on … the import-tax exemption pilot — which departments were responsible?":
        # an item of a catalogued document named and asked for its terms, its departments or its term; the words
        # describing it are its own (a writing task or chit-chat is still another request)
        found = [(group, spans) for group, spans in found if group in data.request_groups]
    # "我爸在医院看病，听说上海出了政策让新药更快进医院，是怎么规定的？": a person's visit told before what is asked
    # sets the scene (``scene_groups``); the policy asked about is the topic
    scene = _scene_spans(text) if any(group in data.scene_groups for group, _ in found) else []
    # a count or a time asked of what one sentence of the sources states; what the sources only mention
    # ("国务院关于…的实施方案有哪些内容") is still another topic
    asks_figure = any(a.kind in FIGURE_KINDS for a in question.asks)
    off_words = {text[start:end] for _, spans in found for start, end in spans}
    said = _said_in_one_sentence(text, said_together, data, off_words) if asks_figure and (found or any(
        who.search(text) and what.search(text) for _, who, what in data.off_topic_pairs)) else ()
    # ("协会年底要给会员企业写个总结材料，想核对一下数字：…目标是多少"): the asker writes, the figures are asked
    own_writing = [m.span() for m in data.own_writing.finditer(text)] if any(group == "writing_tasks" for group, _ in found) else []
    for group, spans in found:
        setting = [*background, *scene] if group in data.scene_groups else background
        setting = [*setting, *own_writing] if group == "writing_tasks" else setting
        if any(not _sources_phrase(text, start, end, corpus_says) and not _inside(start, setting)
               and not any(term in text[start:end] for term in said) for start, end in spans):
            return ScopeVerdict(False, f"off_topic:{group}")
    for group, who, what in data.off_topic_pairs:  # a person's own insurance, in either order
        if (who_found := who.search(text)) and (what_found := what.search(text)) and not any(
                term in found_word[0] for term in said for found_word in (who_found, what_found)):
            return ScopeVerdict(False, f"off_topic:{group}")
    known, words = known_words
    about_conversation = asks_of_conversation(question)
    # words the sources never use refuse a question with a topic of its own: not a follow-up, not about the
    # conversation, not when the sources' own money is asked about in everyday words ("补贴多久能到账")
    # nor when it names a measure of the policy by its bracketed label ("我们一年能从（六）拿到的最多是多少？"): that is its topic
    # nor when it quotes a term the sources hold word for word ("市里那个“4个100”的清单…"): that term is its topic
    # nor when it retells a run of one article's own words (``quoted``, looked for only when the words would refuse it)
    # nor a validity ask of the policy pointed at ("还有这套政策有效到什么时候，我们扩产计划排到2028年")
    asked_here = [a for a in question.asks if a.text.lower() in text] or list(question.asks)  # (one ask judged alone)
    term_of_policy = all(a.kind is AskKind.VALIDITY for a in asked_here) and bool(data.policy_pointed.search(text))
    own_topic = (not question.follow_up and not about_conversation and not asks_payout(text) and not term_of_policy
                 and not data.district_matching.search(text)
                 and not data.measure_label.search(text)
                 and not (corpus_says is not None and any(corpus_says(term) for term in QUOTED_TERM.findall(text))))

    def retells_sources() -> bool:
        return quoted is not None and bool(quoted(text, data.min_quoted_run))

    if (own_topic and words >= data.min_words_for_share and known / words < data.min_known_share
            and not states_case and not cat.named_in(text) and not retells_sources()):
        return ScopeVerdict(False, "unknown_words")
    if (own_topic and known_share is not None and _asks_off_sources(question, cat, data, known_share)
            and not retells_sources()):
        return ScopeVerdict(False, "unknown_words")
    document = _unknown_document(text, cat, data, corpus_says)
    # ("…细胞治疗专项行动方案里，对CAR-T产业化基地建设具体怎么补贴的": how it pays is asked of its terms too)
    # ("那个多元支付的“28条”全文你发我一下吧，第15条写的是什么？": its text is asked)
    # ("…实施意见，有28条，你帮我把里面关于研究者激励的那几条原文列出来": its text asked, whatever kind the count makes it)
    terms_asked = any(a.kind in TERMS_KINDS or data.content_asked.search(a.text) or (
        a.kind is AskKind.WHAT and has_word(a.text.lower(), lexicon().money_words)) for a in question.asks)
    if not document and terms_asked and (
            mentioned := data.mentioned_document.search(text)):
        document = mentioned[0]  # "…那个实施意见…每项给多少经费": the press names it, its terms are not in the sources
    if document:
        cased = re.search(re.escape(document), question.original, re.IGNORECASE)
        document = cased[0] if cased else document  # "Zhangjiang Science City …" as the asker wrote it
        return ScopeVerdict(False, "document", document)
    # where the asker is registered is no subject; a sentence asking about that place's own support is
    # ("我们总部在杭州……杭州对1类新药有没有补贴？")
    # a regulator or a sale abroad named makes a place abroad the product's market ("欧洲拿的是CE认证，也算吗")
    market = question.facts.regulator is not None or question.facts.sold_abroad is not None
    place = _place_asked_about(text, data) if question.facts.registered == "elsewhere" else _other_place(
        text, data, corpus_uses, abroad_is_market=market)
    if place:
        return ScopeVerdict(False, "place", place)
    return COVERED


def _said_in_one_sentence(text: str, said_together: Callable[[str], tuple[str, tuple[str, ...]]] | None,
                          data: _ScopeData, off_words: set[str] | frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of ``text`` (as written in it, none inside a longer one) that one sentence of the sources holds
    together, when they are ``min_terms_said_together`` or more and the sentence states a figure in the unit
    ``text`` asks for ("多少款" → "14款"); else none. One fewer suffices when the sentence holds an off-topic word
    of ``off_words`` itself ("30家企业在科创板上市" for "科创板上市的生物医药企业有多少家")."""
    if said_together is None:
        return ()
    sentence, terms = said_together(without_ask_words(text))
    asked = data.asked_unit.search(text)
    if asked is None or not re.search(rf"\d\s*{re.escape(asked[1])}", sentence):
        return ()  # "申请费是多少美元": the sentence states no figure in the unit asked
    present = [term for term in terms if term in text]
    words = tuple(t for t in present if not any(t != other and t in other for other in present))
    needed = data.min_terms_said_together - (1 if any(word in sentence for word in off_words) else 0)
    return words if len(words) >= needed else ()


@lru_cache(maxsize=OFF_TOPIC_TEXTS_KEPT)
def _off_topic_words(text: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """(group, the (start, end) of every match of its patterns in ``text``) for each off-topic group, in
    ``scope.yaml``'s order; kept for recent texts (a turn's message is judged again as the next turn's context)."""
    return tuple((group, tuple(m.span() for p, word in zip(patterns, words, strict=True) if word is None or word in text
                               for m in p.finditer(text)))
                 for (group, patterns), words in zip(_data().off_topics, _off_topic_words_needed(), strict=True))


@cache
def _off_topic_words_needed() -> tuple[tuple[str | None, ...], ...]:
    """For each off-topic pattern, the word a text must hold for it to match, when the pattern is a plain
    word whose characters have no case ("税", "上市": most of them), so it runs only where its word stands;
    None for the others (run on every text)."""
    return tuple(tuple(p.pattern if not REGEX_SYNTAX.search(p.pattern) and p.pattern.lower() == p.pattern.upper() else None
                       for p in patterns) for _, patterns in _data().off_topics)


def _asks_off_sources(question: Question, cat: Catalogue, data: _ScopeData,
                      known_share: Callable[[str], tuple[int, int]]) -> bool:
    """Whether the last clause of a sentence that asks has a topic of its own (``min_clause_words`` words
    or more, ask words removed) most of whose words the sources never use: what is asked is not theirs,
    whatever case or policy words the message holds before it."""
    text = question.text
    for start, end, asks in sentences(text):
        if not asks:
            continue
        # ("…2800乘40%确实是1120，但我总觉得哪里不对，帮我看看最多到底能拿多少": the request after the musing asks)
        clause = re.split(r"[，,、]\s*(?=那|那么|请问|所以|帮我|帮忙|麻烦|你帮|so\b|then\b)", text[start:end].strip(" ，,。？?！!"))[-1]
        if start > 0 and lexicon().example_of_ask.match(clause.lower()):
            continue  # "…租金补贴有标准吗？比如每平米每天补几毛钱、前三年免租之类的？": the ask before, put another way
        facts = read_facts(clause, clause.lower())
        if cat.named_in(clause) or facts.amounts or facts.states_subject() or states_conditions(facts):
            continue  # the clause states the case ("委托方是我们的控股股东"): its words are the understanding's
        # ("出让方请律所、顾问的费用能按上海的政策拿补贴吗": everyday words the synonym list maps to the sources' terms are theirs)
        known, words = known_share(in_sources_words(without_words(without_ask_words(clause), data.clause_filler_words)))
        if words >= data.min_clause_words and known / words < data.min_known_share:
            return True
    return False


def asks_what_the_topic_answers(question: Question) -> bool:
    """Whether every ask of a later turn is one the conversation's topic answers: its validity, departments or how
    to apply ("到哪一年失效？", "好的，申报要准备哪些材料？"), or which article an answer came from ("这是哪一条规定的？").
    False for a first turn."""
    return bool(question.context_text) and all(
        a.kind in CONVERSATION_KINDS or lexicon().article_asked.search(a.text.lower()) for a in question.asks)


def asks_of_conversation(question: Question) -> bool:
    """Whether a later turn asks about what the conversation discussed rather than a topic of its own: what the topic
    answers (``asks_what_the_topic_answers``), the yearly cap of the award discussed, a fact a condition of its topic
    reads ("我们跟客户之间没有任何投资关系，这一点重要吗？"), or where the asker is registered, asked as a verdict ("if we
    registered in Hangzhou instead, would it still apply to us?"). False for a first turn."""
    return asks_what_the_topic_answers(question) or (bool(question.context_text) and (
        question.asks_annual_cap
        or (question.facts.related_party is not None or question.facts.applicant_role is not None)
        or (question.facts.registered is not None and all(a.kind is AskKind.ELIGIBILITY for a in question.asks))))


def asks_names(verdict: ScopeVerdict) -> bool:
    """Whether ``verdict`` refuses a question for asking the names behind a count (``names_groups``), not a figure."""
    return verdict.reason.removeprefix("off_topic:") in _data().names_groups


def asks_of_refused_person(verdict: ScopeVerdict, text: str) -> bool:
    """Whether ``text``, an ask right after one ``verdict`` refused as a person's own matter (an ``off_topic_pairs``
    group: "我妈…能买沪惠保吗？特药目录里的药怎么报销？"), asks of the same matter: it holds that group's words for
    the act (报销, 投保, reimbursement), not only the person."""
    group = verdict.reason.removeprefix("off_topic:")
    return not verdict.covered and any(name == group and what.search(text) for name, _, what in _data().off_topic_pairs)


def asks_payout(text: str) -> bool:
    """Whether ``text`` asks when or how the sources' money is paid ("补贴批下来多久能到账？", "資助什麼時候撥付？"):
    a money word (``money_words``: 补贴, 资助, funding) with a payout word (the ``payout`` detail's), in
    everyday words the sources never use, about their own support (answered ``not_specified``)."""
    lex = lexicon()
    # ("审下来以后钱大概多久能拨到账上": 钱 is the sources' money when its payout is asked)
    return has_word(text, (*lex.money_words, *lex.payout_money_words)) and asks_detail(text, "payout")


def _background_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text`` that asks nothing: the background of a case told
    at length. Empty when no sentence asks: then every sentence is the question."""
    spans = sentences(text)
    return [(start, end) for start, end, asks in spans if not asks] if any(asks for _, _, asks in spans) else []


def _aside_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each aside in brackets in ``text`` that asks nothing ("（那边启动快、还有研发退税）")."""
    return [m.span() for m in BRACKETED.finditer(text) if not re.search(r"[?？]", m[0])]


def _costed_spans(text: str, amounts: Sequence[StatedAmount]) -> list[tuple[int, int]]:
    """The (start, end) of the part of each clause of ``text`` before an amount the asker spent on its case (a fee or
    a base): the items the money paid for ("展位加机票酒店算下来" before "8万"), no subject of their own."""
    spans = []
    for amount in amounts:
        if amount.role not in {AmountRole.FEE, AmountRole.BASE} or not 0 <= amount.start <= len(text):
            continue
        opening, closing = clause_around(text, amount.start, CLAUSE_MARKS)
        # ("你觉得2026年…产业规模能不能突破1万亿", "What are hospitals paying … roughly RMB 10 million": a clause that
        # asks is the question, not the case's costs)
        if not clause_asks(text[opening:closing], text[closing:closing + 1]):
            spans.append((opening, amount.start))
    return spans


def _self_described_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of ``text`` in which the asker says who it is (``self_description``) and asks
    nothing: "我們是港股上市生物科技公司在上海註冊的子公司" before "…最多可以拿多少補助？"."""
    # "Hi, we're planning to set up a WFOE in Lingang. What documents …": an English sentence is a clause of its own
    spans = [(match.span("clause"), match["mark"]) for match in CLAUSE_AND_MARK.finditer(english_sentences_marked(text))]
    return [(start, end) for (start, end), mark in spans
            if mark not in {"？", "?"} and _data().self_description.search(clause := text[start:end]) and not ends_as_question(clause)]


def _scene_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of ``text`` that asks nothing and comes before a clause that asks: "我爸在医院看病"
    before "…是怎么规定的？". Empty when no later clause asks."""
    clauses = [(match.span("clause"), clause_asks(match["clause"], match["mark"])) for match in CLAUSE_AND_MARK.finditer(text)
               if match["clause"].strip()]
    last_ask = max((i for i, (_, asks) in enumerate(clauses) if asks), default=-1)
    return [span for i, (span, asks) in enumerate(clauses) if i < last_ask and not asks]



def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _sources_phrase(text: str, start: int, end: int, corpus_says: Callable[[str], bool] | None) -> bool:
    """Whether the word at ``text[start:end]`` stands in the sources within the question's own phrase:
    the word with three or more of its neighbouring characters, as the sources write it."""
    if corpus_says is None:
        return False
    for before in range(PHRASE_REACH + 1):
        for after in range(PHRASE_REACH + 1 - before):
            if before + after < PHRASE_MIN_EXTRA or start - before < 0 or end + after > len(text):
                continue
            phrase = text[start - before: end + after]
            if not re.search(r"[\s，,。？?！!；;]", phrase) and corpus_says(phrase):
                return True
    return False


def _unknown_document(text: str, cat: Catalogue, data: _ScopeData, corpus_says: Callable[[str], bool] | None = None) -> str:
    titles = [d.title for d in cat.documents] + [d.number or "" for d in cat.documents]
    names = [match[1] for match in data.named_document.finditer(text)]
    names += [match[0] for match in data.unnamed_document.finditer(re.sub(r"《[^》]*》", "", text))]
    names += [match[0] for match in data.document_number.finditer(text)
              if corpus_says is None or not corpus_says(match[0])]
    for name in names:
        # 《…若干意见实施细则（2026年版）》 names the policy and then another document made under it
        derived = [m[0] for m in data.derived_document.finditer(name) if not any(m[0] in title for title in titles if title)]
        if derived or not (cat.named_in(name) or any(name in title or title in name for title in titles if title)):
            return name
    for district, patterns in _district_patterns():
        if any(pattern.search(text) for pattern in patterns):
            return district
    return _dated_document(text, cat, data, corpus_says)


def _dated_document(text: str, cat: Catalogue, data: _ScopeData, corpus_says: Callable[[str], bool] | None = None) -> str:
    """The words naming a document issued in a year after every catalogued document's dates ("2025年新出的…行动方案")
    or before all of them in a year the sources never name ("2020年出台的那版政策"; the reply and the press answers speak
    of the 2021 round, so a question on it is theirs), or "" when ``text`` names none."""
    years = [day.year for d in cat.documents for day in (d.signed, d.published, d.valid_from) if day]
    for pattern, outside in ((data.later_document, lambda year: year > max(years)),
                             (data.earlier_document, lambda year: year < min(years) and not (
                                 corpus_says is not None and corpus_says(f"{year}年")))):
        for match in pattern.finditer(text):
            said = next(group for group in match.groups() if group)
            if not said.isdigit():  # "今年…新出的…政策": after every catalogued document, named by its own words
                return match["named"]
            if outside(int(said)):  # ("2025年以后有没有出新一轮的…方案": named without the words asking whether)
                asking = match.span("asking") if "asking" in pattern.groupindex else (-1, -1)
                return match[0] if asking[0] < 0 else (
                    text[match.start():asking[0]] + text[asking[1]:match.end()])
    return ""


@cache
def _district_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """(district, its patterns) for each district, in order: a district outside the catalogue by its document and
    subject patterns, every district by its own support asked as its own ("临港新片区自己针对…的租金补贴")."""
    data = _data()
    return tuple((district, tuple(re.compile(pattern.replace("{district}", re.escape(district))) for pattern in (
        (data.district_own,) if district in data.catalogued_districts
        else (data.district_document, data.district_subject, data.district_own))))
        for district in data.districts)


def _named_places(text: str, data: _ScopeData) -> list[str]:
    """The known places outside Shanghai that ``text`` names (one look for any of them first: most
    questions name none, and each place looked for alone costs a call)."""
    named = [p for p in data.other_places if has_word(text, [p])] if has_word(text, data.other_places) else []
    return named + [p for p in places_abroad(text) if p not in named]


def _place_asked_about(text: str, data: _ScopeData, named: list[str] | None = None) -> str:
    """A known place outside Shanghai that a sentence asking something makes its subject
    ("杭州对1类新药做临床有没有资金补贴？"), or ""."""
    named = _named_places(text, data) if named is None else named
    # (a sentence telling what the asker does not know, "我不清楚它在欧洲有没有开始卖", asks nothing of the place)
    spans = [(start, end) for start, end, asks in sentences(text) if asks and not lexicon().not_yet_found_out.search(
        text[start:end].strip(" ，,。.？?"))] if named else []
    asking = [text[start:end] for start, end in spans]
    for place in named:
        subject = re.compile(data.place_asked_about.replace("{place}", re.escape(place)))
        for sentence in asking:
            # each mention on its own, a match opening after the mention before it ("在杭州滨江注册的…杭州那边对1类新药临床
            # 有没有…补贴": the second asks about the place, whatever the first is)
            begin = 0
            for mention in re.finditer(re.escape(place), sentence):
                found = subject.search(sentence, begin)
                if found is not None and found.start() <= mention.start() and not _where_work_is(sentence, mention.start(), found.end()):
                    return place
                begin = mention.end()
    # "我们在苏州工业园区也有个厂…。园区那边对1类新药临床有没有补贴": a sentence naming no place, pointing at the one
    # place a sentence before it named
    for start, end in spans if len(named) == 1 else []:
        if (named[0] in text[:start] and named[0] not in text[start:end]
                and data.place_pointed_asked.search(text[start:end])):
            return named[0]
    return ""


def _where_work_is(sentence: str, at: int, end: int) -> bool:
    """Whether the place mentioned at ``at`` is where the asker's work happens, Shanghai's support then asked
    ("我们在美国给一款创新产品开了临床，市里对这种海外临床项目最多能给多少"): the place follows 在/于/赴, and a
    word naming Shanghai's government as the giver (``scope.yaml`` shanghai_givers) stands after the words that
    ask about it (ending at ``end``)."""
    data = _data()
    return at > 0 and sentence[at - 1] in data.location_marks and has_word(sentence[end:], data.shanghai_givers)


def _other_place(text: str, data: _ScopeData, corpus_uses: Callable[[str], bool] | None = None,
                 abroad_is_market: bool = False) -> str:
    """A place outside Shanghai whose own policies the question is about (not where work happens);
    ``abroad_is_market``: the message names a product's regulator or sale abroad, so a place abroad it names
    is that market, unless a sentence asks about the place's own support."""
    # "我们在苏州工业园区也有一家子公司…苏州工业园区对1类新药的奖励标准是多少？": a sentence that asks about
    # the place's own support makes it the subject, wherever else the message puts the asker
    # one look for any of the places first: most questions name none, and each place looked for alone costs a call
    named = _named_places(text, data)
    asked = _place_asked_about(text, data, named)
    if asked:
        return asked
    if has_word(text, data.shanghai_anchors):  # "我们是张江的一家CDMO…替北京的客户代工": the asker is in Shanghai
        return ""
    candidates = list(named)
    # jieba tags many policy words as places (伦理, 关联, 上市): a tagged word counts when it has a
    # place suffix, or when the sources never use it (they name no place outside Shanghai's)
    tagged = [w for w, flag in _tags(text) if flag == "ns" and w not in data.not_places and (
        (3 <= len(w) <= 5 and w.endswith(PLACE_SUFFIXES))
        or (corpus_uses is not None and len(w) >= 2 and not corpus_uses(w)))]
    if corpus_uses is not None:
        tagged += [zone[0] for zone in data.zone.finditer(text) if not corpus_uses(zone[1])]
    home = data.home_places
    candidates += [w for w in tagged if w.removesuffix("区").removesuffix("新区") not in data.districts
                   and not w.startswith(home) and not any(d in w for d in data.districts) and not is_abroad(w)]
    # "…一期临床放在澳大利亚做的（澳洲那边研发退税大概返了43%）…。想问下能不能按市里…申请": a place told only in the
    # sentences that ask nothing, when a sentence that asks names Shanghai's government as the giver, is background
    spans = sentences(text) if candidates else []
    shanghai_asked = any(asks and has_word(text[start:end], data.shanghai_givers) for start, end, asks in spans)
    told = [(start, end) for start, end, asks in spans if not asks] if shanghai_asked else []
    for place in dict.fromkeys(candidates):
        escaped = re.escape(place)
        if told and all(_inside(mention.start(), told) for mention in re.finditer(escaped, text)):
            continue
        abroad = is_abroad(place)
        seen = fold(text) if abroad else text  # a place abroad is named as the gazetteer spells it (accents folded)
        if re.search(data.place_as_location.replace("{place}", escaped), seen):
            continue
        if abroad and (abroad_is_market or not re.search(data.place_as_subject.replace("{place}", escaped), seen)):
            continue
        return place
    return ""


def asks_district_matching(text: str) -> bool:
    """Whether ``text`` (lower case) asks of a district's matching support ("金山区自己会不会再配套一笔，配多少"), which the
    policy's scope paragraph encourages without setting an amount."""
    return bool(_data().district_matching.search(text))


def subject_term_limits() -> tuple[int, int]:
    """(fewest characters, most articles) of a term that names a subject few articles speak of (``scope.yaml``)."""
    data = _data()
    return data.subject_term_min_chars, data.subject_term_max_articles


def place_term_limits() -> tuple[int, int]:
    """(fewest characters, most articles) of a term naming a place of the sources that keeps a turn (``scope.yaml``)."""
    data = _data()
    return data.subject_term_min_chars, data.place_term_max_articles


def sources_place(terms: Sequence[str]) -> str:
    """The first of ``terms`` (search terms a few articles hold: ``rare_terms``) naming a place of Shanghai the
    catalogued documents speak of ("张江药谷": a park of 张江), or ""."""
    data = _data()
    return next((term for term in terms if any(place in term for place in data.catalogued_districts)), "")


def without_other_places(text: str) -> str:
    """``text`` (simplified, lower case) without the places outside Shanghai it names beside a Shanghai one
    ("北京的生物医药企业搬来上海…" → "的生物医药企业搬来上海…"): whether such a place is what is asked about is the
    rules' reading (``_place_asked_about``), so a learned reading of the topic is given the rest; a text naming no
    Shanghai place is unchanged ("今晚香港会不会落雨": the place is all it is about)."""
    data = _data()
    if not has_word(text, data.shanghai_anchors):
        return text
    return without_words(text, sorted(_named_places(text, data), key=len, reverse=True))
