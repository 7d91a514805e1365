"""Scope and plan: for each ask of a ``Question``, the route, the article(s), the rule(s) and verdict.

``Planner.plan(question, session) -> Plan``. Nothing here writes words for the user: the composer
turns a ``Plan`` into the answer. Figures come from the rules engine (``AwardCalculator``); the
conditions that decide eligibility are the rule data's (``rules/awards.yaml`` + ``eligibility.yaml``), judged by
``Verdicts`` (``verdicts.py``); the sentence an ask names is found by ``SentenceFinder`` (``finders.py``); the
records a plan is made of are ``plan_records.py``'s.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assistant.amounts import find_amounts, is_bare_number
from assistant.conversation.currency import usd_range
from assistant.conversation.elsewhere import figure_elsewhere
from assistant.conversation.extract import (
    Lead,
    compared_lead,
    lead_clause,
    states_amount,
    unpriced_sentence,
    unset_share_sentence,
)
from assistant.conversation.finders import CLOSE_SCORE, HITS, MIN_KEYWORD_SCORE, OWN_TOPIC_SCORE, RARE_TERM_SHARE, SCOPE_KEY, SentenceFinder
from assistant.conversation.kinds import asker_kind, asks_what_kind_gets, kind_measures
from assistant.conversation.needs import Need, encouraging_sentence, need_answered
from assistant.conversation.plan_records import (
    ANNUAL_CAP,
    ANNUAL_CAP_USED,
    DOCUMENT_TERM,
    EARLIER_TERM,
    FORBIDDEN,
    MENTIONED_TERM,
    SHARE,
    CeilingsSum,
    Eligibility,
    FullAwards,
    Plan,
    Route,
    Step,
    Verdict,
    term_sentence,
)
from assistant.conversation.premise import asks_to_confirm, stated_figure, without_stated_shares
from assistant.conversation.question import CNY, REGISTRATION_UNSAID, RELATION_CONDITIONS, USD, AmountRole, Ask, AskKind, Facts, Question, StatedAmount
from assistant.conversation.scope import (
    QUOTED_TERM,
    ScopeVerdict,
    asks_district_matching,
    asks_names,
    asks_of_refused_person,
    asks_payout,
    asks_what_the_topic_answers,
    judge,
    names_a_thing,
    place_term_limits,
    sources_place,
    subject_term_limits,
    without_other_places,
)
from assistant.conversation.sessions import Session
from assistant.conversation.shares import share_of_count
from assistant.conversation.slots import (
    AwardRequest,
    AwardSlots,
    base_kinds_of,
    figures_named,
    matched_slots,
    named_as_rule_base,
    own_triggers,
    read_award,
    rule_named,
    shares_named,
    triggers_named,
)
from assistant.conversation.stated import stated_yes
from assistant.conversation.understand import (
    CHINESE_CHARACTER,
    CONTACT,
    COUNT_FIGURE,
    ISSUED,
    MONEY_FIGURE,
    QUESTION_WORDS,
    WHICH_DOCUMENT,
    asking_part,
    asks_detail,
    asks_overlap,
    asks_support_terms,
    asks_yes_or_no,
    clause_around,
    clause_asks,
    count_summed,
    device_class_fit,
    device_class_named,
    documents_named,
    has_word,
    holds_tasks,
    kind_asked_for,
    kinds_named,
    labels_named,
    lexicon,
    month_without_year,
    names_annual_cap,
    names_ceiling,
    names_other_device_class,
    points_at_document,
    points_back,
    points_only_at_document,
    read_facts,
    stated_month,
    tasks_named,
    without_ask_words,
    without_asker,
    without_kind_said,
    without_told_term,
    without_words,
    word_position,
)
from assistant.conversation.verdicts import ASKER_FACTS, CONDITIONS_UNLISTED, REGISTERED, SEAT_FACTS, Verdicts, figures_wanted, fixed_alternatives
from assistant.language import Language
from assistant.match.chat import match_estimate, profile_answer
from assistant.match.matcher import PolicyMatcher
from assistant.match.records import ClaimVerdict
from assistant.match.report import finds_nothing
from assistant.query import prepare
from assistant.records import AwardEstimate, Calculation
from assistant.retrieval import Hit, HybridRetriever
from assistant.rules.book import AnnualCap, Rule, RuleBook
from assistant.rules.calculator import AT_ANNUAL_CAP, AT_ITEM_CEILING, AwardCalculator, Item, MissingBase, are_alternatives
from assistant.rules.eligibility import AskerKind, ConditionEvaluator, ConditionState, condition_rules
from assistant.speakers import speaker_terms
from index.articles import Article
from index.documents import Catalogue, DocumentKind
from index.normalise import normalise, to_simplified
from index.tokens import tokenize

if TYPE_CHECKING:  # scikit-learn loads with the prior, not with every import of the planner
    from assistant.scope_prior import ScopePrior

FOLLOW_UP_MAX_CHARS = {Language.ENGLISH: 100}  # a follow-up is a short turn; English words are longer
FOLLOW_UP_MAX_CHARS_CHINESE = 40
REFERRED_FACTOR = 1.5  # a turn pointing back: an article the conversation cited outranks a new one this much
NAMED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")  # "Since 2021", "2019年以来": a year a figure ask counts from
YEAR_NAMED = re.compile(r"(?<!\d)(?:19|20)\d\d年?(?!\d)")  # "2021年那版政策": the year naming a policy, no topic
BOOK_TITLE = re.compile(r"《[^》]*》")
SUPPORT_WORDS = ("支持", "support")  # beside the money words, what names a support by its ceiling
LAST_CLAUSE = re.compile(r"[，,。；;!！?？]")  # what ends a clause of an ask
ASK_CLAUSE_MARK = re.compile(r"[，,。；;]")  # the marks cutting one ask's text into its clauses
CEILING_REACH = 6  # characters before a figure in which a ceiling word (最高, 不超过) makes it a ceiling
SENTENCE_MARK = re.compile(r"[？?。；;!！]")  # where one question ends and another begins  # a document's title as a sentence quotes it
YEAR_SENTENCES = 50  # sentences searched for the one describing a policy named by its year (few sentences hold a year)
QUOTED_PASSAGE_MIN_CHARS = 8  # a quoted passage this long names the item asked about ("招大企业、鼓励在浦东设总部")
PREPARING_SENTENCES = 3  # the sentences searched for one saying an unquoted plan asked about is still being drawn up
MENTIONED_NAME_MIN_CHARS = 6  # a quoted name this long is a plan's name ("4个100" is a list's, not a plan's)
QUOTED_RUN_CHARS = 6  # a run of a measure's own words this long that few articles hold quotes that measure
TIED_SCORE = 0.9  # a hit this close to the top one answers about as well
OWN_WORDS_BEYOND = 2  # words of its own a top hit was found by beyond a close hit's, for that hit to be close by common words only
LEARNED_OFF_TOPIC = "off_topic:learned"  # the scope prior's refusal, when the rules covered the turn
NAMED_REASONS = frozenset({"place", "document"})  # refusals for what a turn names: the scope prior cannot weigh them
FIGURE_ASKS = frozenset({AskKind.AMOUNT, AskKind.FIGURE, AskKind.DURATION, AskKind.REQUIRED_BASE})  # asks of a figure
FIGURE_SAID = re.compile(r"\d[\d.,]*\s*(?:%|％|万|萬|亿|億|元|个点|個點)?|[一二两三四五六七八九十百千]+(?:万|萬|亿|億)")  # a figure guessed
NAMED_FAR_SCORE = 0.5  # a measure its rule's words name, this far behind the top hit or further, is not the one asked
CLEAR_TOPIC_FACTOR = 1.7  # a follow-up's own words whose best article scores this many times the next name a topic of their own
TOPIC_IN_DOCUMENT_SCORE = MIN_KEYWORD_SCORE / 2  # own words that name a topic inside the one document a turn names
KIND_FACTS = frozenset({"entity_type", "entity_denied"})  # who the asker is (or is not)
# whom the asker applies as: a hospital that is not the drug's registration applicant is pointed to a hospital's measures
APPLICANT_FACTS = frozenset({"entity_type", "registration_applicant"})
# asks of the support itself (an award, a verdict on it, who runs it): about the sources' measures whatever ask they
# are joined to ("…withholding tax, and how much can we get under (三十六)?")
SUPPORT_KINDS = frozenset({AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY, AskKind.DEPARTMENTS})
FIGURE_DIGITS = re.compile(r"\d+(?:\.\d+)?")  # the figures a sentence states, as digits
OWN_RARE_TERM_CHARS = 5  # a term this long that few articles hold ("外资研发中心") names the subject of a money ask
OWN_RARE_TERM_ARTICLES = 3  # … held by at most this many articles
NAME_RUN_CHARS = 5  # a run of a rule's name this long in a question names the rule ("创新医疗器械那个300万")
MEASURE_DOCUMENTS = frozenset({DocumentKind.POLICY, DocumentKind.DISTRICT_PLAN})  # documents of measures or tasks, with a term


def _about(question: Question, ask: Ask, own: Facts, others: Sequence[Facts], supposed: Sequence[Facts] = ()) -> Question:
    """``question`` as one of its several asks reads it: the facts the ask's own words state win over
    the rest of the message's ("无关联的客户…？另外，如果客户是我们控股的子公司呢？"), and amounts stated
    for another ask are not this one's ("保费200万能补多少？另外海外临床试验本身最多支持多少？"). An
    elliptical ask ("…呢？") asks the ask before it again, with the message's amounts. ``own``: the facts
    the ask's own words state; ``others``: those the other asks' own words state; ``supposed``: those of the other asks
    that suppose a case ("如果我们没有任何资质呢？"), whose conditions said unmet are not this ask's."""
    amounts = own.amounts or (question.facts.amounts if ask.elliptical else ())
    whole = question.facts
    # ("1）2024年3月…项目经费8万元；2）2024年7月…六万": each amount keeps the month the whole message read with it)
    dated = {(a.text, a.yuan): a.on for a in whole.amounts if a.on is not None}
    amounts = tuple(replace(a, on=dated.get((a.text, a.yuan), a.on)) for a in amounts)

    def theirs(name: str) -> bool:
        # a product or trial another ask states in its own words is that ask's ("1类新药三期投入5000万能拿多少？
        # 另外海外临床试验保险保费80万能补多少？": the overseas trial is the premium's, not the Phase III's)
        return not ask.elliptical and not getattr(own, name) and any(getattr(o, name) for o in others)

    whole = replace(whole, drug_class=None if theirs("drug_class") else whole.drug_class,
                    trial_location=None if theirs("trial_location") else whole.trial_location,
                    cgt=whole.cgt and not theirs("cgt"), device=whole.device and not theirs("device"),
                    # ("(1) … a trial run overseas? (2) once our drug is FDA-approved and selling in the US, …": the
                    # approval and the sales are the second ask's)
                    regulator=None if theirs("regulator") else whole.regulator,
                    sold_abroad=None if theirs("sold_abroad") else whole.sold_abroad,
                    # ("…有专精特新资质…担保额度上限是多少？如果我们没有任何资质呢？": the qualification denied is the
                    # second ask's supposition, not the first's case)
                    unmet=tuple(c for c in whole.unmet if ask.elliptical or c in own.unmet or not any(c in o.unmet for o in supposed)))
    facts = replace(own.over(whole), amounts=amounts, item_count=own.item_count if own.amounts else whole.item_count,
                    cgt=own.cgt or (whole.cgt and not own.device),
                    device=own.device or (whole.device and own.drug_class is None and not own.cgt))
    # "CRO贴息最高多少？考核指标是什么？": the ceiling the first ask names is not the second's
    ceiling = question.asks_ceiling and (ask.elliptical or names_ceiling(ask.text.lower(), facts))
    # "…授权…能补多少？另外一个产品在FDA注册也卖了…最多补多少": another product asked of on its own is its own
    # award, not an item added to the ask before it; "再加一个品种5000万，一共多少？" sums them
    adds = question.adds_item and (ask.elliptical or has_word(ask.text.lower(), lexicon().total_words))
    return replace(question, facts=facts, asks_ceiling=ceiling, adds_item=adds)


_corpus_texts: weakref.WeakKeyDictionary[HybridRetriever, str] = weakref.WeakKeyDictionary()
_TOPIC_TRIGGERS: dict[int, tuple[RuleBook, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def corpus_text(retriever: HybridRetriever) -> str:
    """Every article of the index, normalised as questions are (simplified, lower case), kept per index."""
    text = _corpus_texts.get(retriever)
    if text is None:
        text = _corpus_texts[retriever] = "\n".join(normalise(a.text).lower() for a in retriever.articles)
    return text


def _favouring(hits: list[Any], cited: set[str]) -> list[Any]:
    """``hits`` re-ranked for a turn that refers back ("这类支持", "你头一个说的那个时间", "the overseas
    one"): the articles the conversation just cited count ``REFERRED_FACTOR`` times their score."""
    return sorted(hits, key=lambda hit: -hit.score * (REFERRED_FACTOR if hit.article.chunk_id in cited else 1.0))


def _cite_after(step: Step, articles: Sequence[Article]) -> None:
    """``articles`` cited after ``step``'s own, each once and none it cites already."""
    cited = {a.chunk_id for a in step.articles}
    for article in articles:
        if article.chunk_id not in cited:
            step.articles.append(article)
            cited.add(article.chunk_id)


# a measure the asker names in quotes ("that 'up to 20 million for overseas trials' grant", "那个“海外临床最高2000万”的补贴");
# a straight apostrophe quotes only between non-letters ("Shanghai's … company's" quotes nothing)
QUOTED_NAME = re.compile(r"[“\"「『‘]([^”\"」』’]{6,60})[”\"」』’]|(?<![a-z0-9])'([^']{6,60})'(?![a-z0-9])")


def _item_ceiling_asked_first(text: str) -> bool:
    """Whether ``text`` (lower case) asks an item's ceiling ("最高多少", "what's the maximum") before it names the
    year's cap ("一年", "annual"), in a clause of its own: the per-item ceiling is its first question ("the cap per
    company per year" names the year's cap in one phrase)."""
    return _asked_before_annual(text, lexicon().ceiling_words, lambda between: lexicon().clause_split.search(
        between) is not None or any(mark in between for mark in "，,"))


def _sum_asked_before_cap(text: str) -> bool:
    """Whether ``text`` (lower case) asks the sum ("加起来一共多少？") in a sentence of its own before the one naming
    the year's cap ("一年封顶是多少"): the sum is its first question and leads."""
    return _asked_before_annual(text, lexicon().total_words, lambda between: SENTENCE_MARK.search(between) is not None)


def _asked_before_annual(text: str, words: tuple[str, ...], apart: Callable[[str], bool]) -> bool:
    """Whether one of ``words`` stands in ``text`` before the first word naming the year's cap (``annual_words``),
    with what stands between them ``apart`` (a clause or sentence of its own)."""
    first = word_position(text, words)
    annual = word_position(text, lexicon().annual_words)
    return first < annual < len(text) and apart(text[first:annual])


def _asks_cap_not_sum(request: AwardRequest, question: Question) -> bool:
    """Whether a year's most is the measure's annual cap: its rules count against one, and either the
    conversation has not computed several items (stages, products) or the question asks no sum of them
    ("这个补贴一年最多能拿多少？" after two fairs asks the cap; "两个加起来一年最多多少" their sum, and so is
    "这两项加起来一年最多能拿多少" after two measures' items, the other measure's in ``request.elsewhere``)."""
    rules = request.rules or list(request.candidates)
    # ("同一年我们还有另一个海外临床项目也要报，两个加起来最多多少？单位一年有没有封顶？": the items this turn adds to the
    # one computed are summed too)
    counted = len(request.seen) + len(request.elsewhere) + (len(request.rules) - 1 if question.adds_item else 0)
    return any(r.annual_cap for r in rules) and (counted < 2 or not question.asks_total)


def _asks_share(text: str) -> bool:
    """Whether ``text`` asks a share ("按研发投入的百分之几", "what share of the interest", "几个点")."""
    share = lexicon().figure_asks.get(SHARE)
    return share is not None and has_word(text.lower(), share.asked)


def _usd_bases_capped(question: Question, request: AwardRequest) -> list[Decimal]:
    """Yuan bases for dollar bases whose award is the ceiling at every rate of ``currency.usd_range``: the
    rule's rate times the base at the lowest rate already reaches its cap, so no exchange rate changes
    the figure (the base given is that lowest-rate yuan amount). Empty when any base's award depends on
    the rate, when the request is not one rule with a rate, or when a yuan base is stated too (the
    request's bases are then the dollar figures read as yuan, replaced here)."""
    if len(request.rules) != 1:
        return []
    [rule] = request.rules
    # a trade fair's fee is its base as a spend is ("项目经费US$800,000": 50% of it passes 5万 at every rate); of
    # several, the one named as the rule's kind of base ("trial budget USD 25 million … the premium was 420,000 dollars")
    stated = named_as_rule_base(question.facts.amounts_as(AmountRole.BASE), [rule]) or question.facts.amounts_as(AmountRole.FEE)
    # ("What about Phase III?" after "US$5 million": the dollar base the topic carries, checked against this rule's cap)
    stated_currencies = [a.currency for a in stated] or [currency for currency, _ in request.foreign]
    dollars = [Decimal(a.yuan) for a in stated if a.currency == USD] or [
        Decimal(amount) for currency, amount in request.foreign if currency == USD and not stated]
    if (rule.rate is None or not dollars or len(dollars) != len(stated_currencies)
            or len(request.bases) not in {0, len(dollars)}):
        return []
    lowest = [amount * usd_range().low for amount in dollars]
    return lowest if all(rule.rate * base >= rule.cap_yuan for base in lowest) else []


def _usd_bases_under_cap(question: Question, request: AwardRequest) -> bool:
    """Whether the one rule of ``request`` pays a rate whose share of every stated base, all in dollars, stays
    below its cap at the highest rate of ``currency.usd_range``: no exchange rate makes the cap bite, so the
    award is the rate times the yuan figure recognised, whatever the rate."""
    stated = question.facts.amounts_as(AmountRole.BASE) or question.facts.amounts_as(AmountRole.FEE)
    if len(request.rules) != 1 or not stated or any(a.currency != USD for a in stated):
        return False
    [rule] = request.rules
    return rule.rate is not None and all(rule.rate * Decimal(a.yuan) * usd_range().high < rule.cap_yuan for a in stated)


def _products_at_ceiling_said(question: Question, rules: Sequence[Rule]) -> int:
    """How many products a total takes each at the one rule's ceiling, when the turn counts them and says so ("三个CGT产品
    都做完确证性临床了，假设每个都按上限给，一共能拿多少" → 3); 1 otherwise (of several rules, "两个产品，一个做完早期一个做完
    确证性，都拿最高", each product takes one of them)."""
    count = question.facts.item_count or 0
    one_rule = len({rule.id for rule in rules}) == 1
    return count if one_rule and count > 1 and has_word(question.text, lexicon().at_ceiling_words) else 1


def _same_award_either_way(request: AwardRequest) -> tuple[Rule, ...]:
    """The candidate rules of ``request`` when its one stated base gives the same ceiling under each (rate × base
    below every cap: "保费80万" under （十三）'s 50万 and 100万 alike), the one with the lowest cap first; empty
    when the figure depends on which rule applies."""
    candidates = sorted(request.candidates, key=lambda rule: rule.cap_yuan)
    if len(candidates) < 2 or len(request.bases) != 1 or are_alternatives(candidates):
        return ()
    [base] = request.bases
    if any(rule.rate is None or rule.base != candidates[0].base for rule in candidates):
        return ()
    awards = {min(rule.rate * base, rule.cap_yuan) for rule in candidates if rule.rate is not None}
    return tuple(candidates) if len(awards) == 1 else ()


def _product_query(ask: Ask, request: AwardRequest) -> str:
    """The ask's words for finding the clause a yes quotes, with the trigger words of the rules of the product the
    asker's case is read to ("CAR-T…只做早期跟确证性两段，也能申请吗": the CGT clause's 1500万、3000万, not the
    measure's first sentence on Ⅰ–Ⅲ期)."""
    names = " ".join(dict.fromkeys(t for r in (request.rules or request.candidates) if r.product for t in r.triggers))
    return f"{ask.text} {names}".strip().lower() if names else ask.text


def _topic_triggers(book: RuleBook) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(measure, the trigger words of one of its rules) for each rule of ``book``, without the words inside
    a base's name: a base's own words ("研发投入" of "如果研发投入是5000万呢？") name what an amount is, not a
    topic. Worked out once per rule book."""
    kept = _TOPIC_TRIGGERS.get(id(book))
    if kept is not None:  # the entry holds its book: no other object has that id while it is kept
        return kept[1]
    bases = [r.base.lower() for r in book.rules if r.base]
    topics = tuple((rule.measure, tuple(t for t in rule.triggers if not any(t.lower() in base for base in bases)))
                   for rule in book.rules)
    _TOPIC_TRIGGERS[id(book)] = (book, topics)  # holds the book: its id is never another's while kept
    return topics


def _after_preamble(text: str) -> str:
    """``text`` after its first colon when the words before it ask nothing and state no figure ("…写个总结材料，想核对一下
    数字：…目标是多少"), else ``text`` (the caller keeps the words before it when they name a document)."""
    parts = _colon_parts(text)
    if len(parts) < 2 or not parts[1].strip() or re.search(r"\d", parts[0]) or clause_asks(parts[0]):
        return text
    return parts[1]


def _colon_parts(text: str) -> list[str]:
    """``text`` cut at its first colon (full- or half-width): the words before it and after it, or ``text`` alone."""
    return re.split(r"[:：]", text, maxsplit=1)


def _support_clauses(text: str) -> str:
    """The clauses of ``text`` naming a support (``support_named``: "…方案里对新药临床有支持"), without the support's and
    applying's own words: what the support asked for is of ("新药临床"); "" when none names one, little when it is of
    no topic ("企业还能按那个去申请支持")."""
    lex = lexicon()
    # ("记得浦东2022年那个方案里写过推进CMO/CDMO基地扩大生产能力，现在还能拿这个方案去区里申请支持吗": a clause telling
    # what the plan says names the support too; "目标是产业规模冲到4000亿" tells a goal, no support)
    named = "，".join(clause for clause in LAST_CLAUSE.split(text)
                     if has_word(clause, lex.support_named) or lex.plan_content_told.search(clause))
    return without_words(named, (*lex.support_named, *lex.applying_words, *lex.generic_applicants))


def _named_by_trigger(text: str, rule: Rule) -> bool:
    """Whether ``text`` (lower case) holds any of ``rule``'s own triggers (``own_triggers``)."""
    return triggers_named(text, own_triggers(rule))


def _names_specifically(text: str, rule: Rule) -> bool:
    """Whether ``text`` names ``rule`` by a trigger of several words or of three Chinese characters or
    more ("特别审查", "special review"), not a common word ("平台", "registration") nor the rule's base."""
    specific = tuple(t for t in own_triggers(rule) if " " in t or (not t.isascii() and len(t) >= 3)
                     or (t.isascii() and t.isupper() and len(t) >= 3))  # an acronym: "CMO", "CRO", "FDA"
    return bool(specific) and triggers_named(text, specific)


def _time_limit(ask: Ask, article: Article) -> Lead | None:
    """The duration ``article`` sets that a deadline ask saying nothing of applying wants (``time_limit_asks``):
    the lead of its clause, when that clause names what the ask names ("参与机构…5个工作日内" for "a participating
    site"); None when the ask is about applying or the article states no such duration ("本意见自2024年8月1日起实施"
    for "每年截止日期是哪天")."""
    text, lex = ask.text.lower(), lexicon()
    if not has_word(text, lex.time_limit_asks) or has_word(text, lex.application_words):
        return None
    lead = lead_clause(article.text, AskKind.DURATION, ask.text)
    return lead if lead.figure and lead.shared else None


def _without_context_clauses(text: str, amounts: Sequence[StatedAmount]) -> str:
    """``text`` without each clause (between commas, semicolons or sentence ends) holding a figure no award is paid on
    (``AmountRole.CONTEXT``: a deal's total, a valuation, letters of intent); ``text`` itself when nothing else is left."""
    context = [a.text for a in amounts if a.role is AmountRole.CONTEXT]
    clauses = re.split(r"(?<=[，,；;。？?！!])|(?<=\.)\s+", text)
    kept = [clause for clause in clauses if not any(figure in clause for figure in context)]
    return "".join(kept).strip() or text


def _department_topic(text: str) -> str:
    """The topic of a departments ask (lower case): ``text`` without its ask words and without what one does with a
    department ("要跟哪个部门联系", "哪些部门牵头" → no topic)."""
    return without_words(without_ask_words(text), sorted(lexicon().department_ask_words, key=len, reverse=True))


def _ask_topic(ask: Ask) -> str:
    """The words of ``ask`` (lower case) that may name a topic: without its ask words, and for a departments ask
    without what one does with a department too (``_department_topic``)."""
    text = ask.text.lower()
    return _department_topic(text) if ask.kind is AskKind.DEPARTMENTS else without_ask_words(text)


def _asks_only_whether_supported(ask: Ask) -> bool:
    """Whether an ask asks only whether something is supported ("does the city also subsidise interest on loans?",
    "有没有研发补助？"): it asks support's existence, and neither its terms, what support, nor a quantity."""
    text = ask.text.lower()
    lex = lexicon()
    return bool(lex.support_exists_asked.search(text)) and not (
        has_word(text, lex.terms_asks) or has_word(text, lex.support_asks) or lex.support_asked.search(text)
        or has_word(text, lex.quantity_words))


def _clause_around(text: str, at: int) -> str:
    """The clause of ``text`` that holds position ``at``: between the nearest clause marks (，、；。！？ and their
    half-width forms) on either side."""
    start, end = clause_around(text, at, "，,、；;。！？!?")
    return text[start:end]


def _heard_clause(question: Question, heard: StatedAmount) -> str:
    """The clause (lower-cased) of the message that holds the figure ``heard``. An ask of several reads its amounts
    in its own words, so where one stands in the message is found by its text; its own position is the fallback."""
    text = question.text.lower()
    at = text.find(heard.text.lower())
    return _clause_around(text, at if at >= 0 else heard.start)


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent characters ``text`` holds."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _asks_after_colon(text: str) -> bool:
    """Whether the words after a colon of ``text`` (lower case) ask something themselves ("要给客户讲几个数：新政说要推出
    多少平方米…"), so the words before it are a preamble, not an overview asked."""
    parts = _colon_parts(text)
    return len(parts) == 2 and bool(QUESTION_WORDS.search(parts[1]))


def _label_remembered(text: str) -> bool:
    """Whether a measure's printed label in ``text`` (lower case) stands in a sentence saying the asker only remembers
    or heard it ("我记得是第（二十三）条？", "I think it was measure 23")."""
    label = lexicon().article_label.search(text)
    return label is not None and bool(lexicon().label_hedged.search(_sentence_around(text, label.start())))


def _sentence_around(text: str, at: int) -> str:
    """The sentence of ``text`` that holds position ``at``: between the nearest sentence marks (``SENTENCE_MARK``:
    ？。；！ and their half-width forms) on either side."""
    ends = [m.end() for m in SENTENCE_MARK.finditer(text)]
    start = max([end for end in ends if end <= at], default=0)
    end = min([end for end in ends if end > at], default=len(text))
    return text[start:end]


def _short(question: Question) -> bool:
    """Whether the turn is short enough to follow up on what was discussed (``FOLLOW_UP_MAX_CHARS`` for its language)."""
    return len(question.text) <= FOLLOW_UP_MAX_CHARS.get(question.language, FOLLOW_UP_MAX_CHARS_CHINESE)


def _forbids(lead: Lead, ask: Ask) -> bool:
    """Whether the sentence answering a yes/no ask forbids something (``prohibition_words``) and the ask does not
    itself name the ban: asked whether one may, the answer is no."""
    lex = lexicon()
    return any(word in lead.text for word in lex.prohibition_words) and not has_word(ask.text.lower(), lex.prohibition_asked)


def _ceiling_for_floor(ask: Ask, lead: Lead) -> bool:
    """Whether a floor is asked (a threshold, "至少几年", "minimum revenue") and the figure found is a ceiling: one of
    ``bound_continuations`` ("最高", "不超过") stands right before it in its sentence."""
    lex = lexicon()
    if ask.detail not in lex.floor_details or not lead.figure:
        return False
    at = lead.sentence.find(lead.figure)
    return at >= 0 and any(word in lead.sentence[max(0, at - CEILING_REACH):at] for word in lex.bound_continuations)


def _stands_clear(hits: Sequence[Any]) -> bool:
    """Whether the best of ``hits`` (at least one) stands clearly above the next (``CLEAR_TOPIC_FACTOR``)."""
    return len(hits) < 2 or hits[0].score >= CLEAR_TOPIC_FACTOR * hits[1].score


def _common_words_only(hit: Any, top: Any) -> bool:
    """Whether ``hit`` was found only by words ``top`` was found by too, while ``top`` was found by at least
    ``OWN_WORDS_BEYOND`` more of its own (not compounds of the hit's words): "创新药…销售首次破了10亿…大品种有奖励" finds
    （二十二） by 首次, 突破, 产值, 规模 and （六） by 创新, 首次 alone; "this same device measure" finds （十七） by 医疗器械
    and （六） by 医疗, 器械, no evidence against it."""
    words, top_words = set(hit.matched_terms), set(top.matched_terms)
    beyond = {word for word in top_words - words if not any(part in word for part in words)}
    return words < top_words and len(beyond) >= OWN_WORDS_BEYOND


def _sets_no_amount(article: Article, book: RuleBook) -> bool:
    """Whether ``article`` is a numbered measure of the policy that carries no award rules (（二）, （十一）),
    not its validity or scope article."""
    return str(article.key).isdigit() and article.key not in book.measures()


class Planner:
    def __init__(self, retriever: HybridRetriever, book: RuleBook, calculator: AwardCalculator, cat: Catalogue,
                 today: date, scope_prior: ScopePrior | None = None) -> None:
        self.retriever = retriever
        self.scope_prior = scope_prior
        self.book = book
        self.calculator = calculator
        self.catalogue = cat
        self.today = today
        self.verdicts = Verdicts(book, cat)
        self._topics_at_start: set[int] = set()  # the session's award topics when the turn began (by identity)
        self.finder = SentenceFinder(retriever, book, cat, today)

    def plan(self, question: Question, session: Session, language: Language) -> Plan:
        """Every ask of ``question`` planned against the sources and the session's earlier turns."""
        plan = Plan(question, [])
        self._topics_at_start = {id(topic) for topic in session.award_topics()}
        if question.greeting_only:
            plan.steps.append(Step(question.asks[0], Route.GREETING))
            return plan
        if session.award is not None and is_bare_number(question.original):
            # "6000" after "CMO能补多少": the unit is asked back, as the calculator does
            plan.steps.append(Step(question.asks[0], Route.CLARIFY_UNIT, [self._measure_article(session.award.measure)]))
            return plan
        if self._points_at_nothing(question, session):
            # "这个要找哪个部门？", "加起来多少？" as the first turn: nothing said before to point at, asked back
            plan.steps.append(Step(question.asks[0], Route.CLARIFY_REFERENT))
            return plan
        # a statement about the enterprise ("我们在上海闵行区注册") is the profile's, before any scope decision;
        # a match asked for in words still passes it
        profiled = profile_answer(question, session.profile, PolicyMatcher(self.calculator, self.catalogue),
                                  self.today, language)
        if profiled is not None and not profiled.memory.matched and (question.replies_to_ask or self._states_base_of_topic(question, session)):
            # a statement answering the award asked just before is that award's case: the profile keeps it quietly
            # ("Our Phase II spend is actually RMB 60 million." after the Phase II figure: that stage's base)
            session.profile, profiled = profiled.memory, None
        if profiled is not None and not profiled.memory.matched and question.bare_reply and self._leaves_scope(question, session):
            # "啊对了，我们公司其实是在杭州注册的" while the policy's support is discussed: the verdict that fact gives,
            # not a note for the company profile (which keeps it)
            session.profile = profiled.memory
            scope_article = self._measure_article(SCOPE_KEY)
            plan.steps.append(Step(question.asks[0], Route.ELIGIBILITY, [scope_article],
                                   lead=lead_clause(scope_article.text, AskKind.WHAT, question.text),
                                   eligibility=Eligibility(Verdict.NOT_ELIGIBLE, SCOPE_KEY, None, REGISTERED)))
            return plan
        if (profiled is not None and profiled.match is not None and finds_nothing(profiled.match)
                and self.retriever.rare_terms(question.text, *subject_term_limits())):
            # "我们是香港的生物科技公司，打算在上海设外资研发中心，有哪些支持？": a subject few articles speak of is named;
            # they answer, not a question back for the facts a match lacks
            profiled = None
        if (profiled is not None and profiled.match is not None and question.document is not None
                and question.document != self.book.document and lexicon().document_words.search(question.text.lower())):
            # "我们是浦东的园区运营方。浦东那个2022-2024行动方案里，产业用地方面有哪些支持措施？": what another document says
            # is asked, not a match over the policy's measures ("a biotech registered in Pudong" names a place, no plan)
            session.profile, profiled = profiled.memory, None
        if (profiled is not None and profiled.match is not None and finds_nothing(profiled.match)
                and question.facts.amounts_as(AmountRole.BASE) and self._names_one_rule(question)):
            # "We're a CDMO; output for one product is RMB 40 million. What can we get?": that award, computed with
            # the conditions still to meet, rather than a match that finds nothing for want of the registration
            profiled = None
        if (profiled is not None and profiled.match is not None and profiled.match.total_yuan == 0
                and len(profiled.match.measures) == 1 and (session.profile is None or not session.profile.matched)
                and (question.facts.states_subject() or question.states_amounts)
                and not any(c.verdict is ClaimVerdict.NOT_ELIGIBLE for c in profiled.match.measures[0].claims)):
            # "Our device just got into the special review procedure. What support can we get?": the turn's own case
            # under one measure, nothing computed for want of the profile's facts (none refused); that award answers,
            # its conditions still to meet noted
            session.profile, profiled = profiled.memory, None
        scope = self._scope(question)
        if not scope.covered and scope.reason == "unknown_words" and self._full_awards(question.text, session) is not None:
            scope = ScopeVerdict(True, "")  # "所以一年最多几次能拿满额" after an award: its words are the conversation's
        if not scope.covered and self._same_speakers_answer(question.asks[0], [
                a for cid in session.last_chunk_ids[:1] if (a := self.retriever.article(cid))]) is not None:
            scope = ScopeVerdict(True, "")  # "他后面还答了哪家媒体的提问" after a press answer: the speaker's other one
        if not scope.covered and question.recalled_turns and has_word(question.text, lexicon().comparison_asks):
            scope = ScopeVerdict(True, "")  # "这两个数怎么对不上？": the figures of the conversation's last turns
        if (not scope.covered and scope.reason == "unknown_words" and session.award is not None
                and lexicon().why_asked.match(question.text) and question.asks[0].elliptical):
            scope = ScopeVerdict(True, "")  # "为什么是按10%算，不是30%？" after an award: that award's terms, asked why
        if (not scope.covered and scope.reason.startswith("off_topic") and not asks_names(scope)
                and self._figure_of_discussed(question, session)):
            # "科创板上市的有几家" after figures of the reply's industry overview: that document's figure, not listing advice
            scope = ScopeVerdict(True, "")
        scope = self._learned_scope(question, scope)
        # a statement about the enterprise may name places and words the sources lack; a writing task or
        # chit-chat is refused even when it also says something about the enterprise
        if not scope.covered and (profiled is None or profiled.asked or scope.reason.startswith("off_topic")):
            covered = self._covered_asks(question)
            if asks_names(scope) and len(covered) == len(question.asks):
                covered = []  # "…具体是哪几家，能列一下吗": the names asked across the clauses, none refused alone
            if not covered or len(question.asks) < 2:
                plan.steps.append(Step(question.asks[0], Route.OUT_OF_SCOPE, scope=scope))
                return plan
            # "担保额度上限是多少？另外小微企业所得税税率是多少？": the covered asks answered, the other refused
            return self._plan_asks(replace(question, asks=tuple(covered)), session, language, plan,
                                   [a for a in question.asks if a not in covered])
        # the kind this turn states, else the one the company profile holds when the turn asks for its match
        profile_kind = profiled.memory.profile.entity_type if profiled is not None else None
        kind = question.facts.entity_type or (profile_kind.value if profile_kind is not None else None)
        named_kinds = kinds_named(question.text)
        if kind is None and len(named_kinds) == 1 and not question.facts.entity_denied:
            # "CRO企业有什么支持？" names the kind it asks about without saying it is one: every measure meant for it
            kind = named_kinds[0]
        if kind is None and len(named_kinds) > 1 and profiled is None and not question.facts.entity_denied:
            each = self._kinds_listed(question, named_kinds)
            if each:  # "CMO和CRO的补贴分别是多少？": each kind's measures, in the order named
                plan.steps += each
                return plan
        if kind is not None and profiled is None and self._applicant_of_discussed(question, session, kind):
            # "And for a hospital?" right after a （三十七） answer: that measure, asked for another kind of applicant
            question = replace(question, facts=replace(question.facts, entity_type=question.facts.entity_type or kind))
            plan.question = question
            return self._plan_asks(question, session, language, plan)
        listed = self._kind_support(question, kind) if (
            profiled is None or profiled.match is None or not profiled.match.measures) and self._returned_kind_topic(
            question, session) is None else None
        if listed is None and profiled is None:
            listed = self._other_kind_support(question, session)
        if listed is not None:  # "我们是CRO，有什么支持": the measures meant for that kind, each with its ceiling
            if profiled is not None:
                session.profile = profiled.memory
            plan.steps.append(listed)
            return plan
        if profiled is not None:
            session.profile = profiled.memory
            match = profiled.match
            for measure in match.measures if match else []:
                # the items the match computed are the award topics a follow-up ("加起来一共多少") builds on
                if (slots := matched_slots(measure)) is not None:
                    session.remember_award(slots)
            plan.steps.append(Step(question.asks[0], Route.MATCH if match else Route.PROFILE,
                                   [self._measure_article(m.measure) for m in match.measures] if match else [],
                                   estimate=match_estimate(match) if match else None, profile=profiled))
            return plan
        return self._plan_asks(question, session, language, plan)

    def _covered_asks(self, question: Question) -> list[Ask]:
        """The asks of a message out of scope as a whole that the sources cover each on its own: in scope in its own
        words, with a topic of its own or naming a catalogued document; an ask with no topic of its own right after a
        covered one asks of the same ("When did the full-chain policy take effect, when does it expire, and what does
        Hangzhou offer?"). When another ask is off topic on its own, a figure asked before it ("How many Shanghai firms
        are listed on the STAR Market? What is its fifth listing standard?"), in scope on its own, needs only words the
        sources know, not a topic as weighty: the refusal is that other ask's (or a catalogued district's own terms);
        one right after an ask refused ("给我妈买沪惠保怎么买？保费多少？", "…, and how long does CDE take to review the
        request?") still asks of that one's subject, and chat ("你是哪家公司做的？") asks no figure."""
        verdicts = [self._scope(replace(question, text=ask.text.lower())) for ask in question.asks]
        # ("我们是个AI制药团队，明年…想冲科创板。问三个：1.听说市里要搞生物医药并购基金，是真的吗；…": what the asker
        # tells before numbering its asks is no part of the first one's topic)
        verdicts = [self._scope(replace(question, text=ask.clause.lower()))
                    if not verdict.covered and ask.listed and ask.clause and ask.clause != ask.text else verdict
                    for ask, verdict in zip(question.asks, verdicts, strict=True)]
        # (a catalogued district's own current terms refused too: "…新增上市企业的目标是多少家？另外现在浦东区里最新的补贴标准
        # 是什么")
        refused_elsewhere = [any(not v.covered and (v.reason.startswith("off_topic") or (
            v.reason == "document" and bool(self.catalogue.named_in(v.named))))
                                 for j, v in enumerate(verdicts) if j != i)
                             for i in range(len(verdicts))]
        covered: list[Ask] = []
        for number, ask in enumerate(question.asks):
            text = ask.text.lower()
            score = self.retriever.keyword_score(without_ask_words(text))
            # ("…按投入的多少比例给？算下来能不能拿好几千万？": a sum or a yes/no right after a covered ask, in words the
            # sources lack and with no topic of its own, asks of that one)
            bare_follow = (number > 0 and question.asks[number - 1] in covered and verdicts[number].reason == "unknown_words"
                           and ask.kind in {AskKind.AMOUNT, AskKind.ELIGIBILITY, AskKind.FIGURE} and score < MIN_KEYWORD_SCORE)
            if not verdicts[number].covered and not bare_follow:
                continue
            after_covered = number == 0 or question.asks[number - 1] in covered
            if not after_covered and lexicon().refers_to_ask_before.search(text):
                continue  # "…breakthrough designation, and how long does CDE take to review the request?": that one's subject
            if (number > 0 and not verdicts[number - 1].covered and ask.kind not in SUPPORT_KINDS
                    and _joined_to_ask_before(question.text, text)):
                continue  # "…what minimum market capitalisation and how many years of R&D track record…": one subject
            if number > 0 and asks_of_refused_person(verdicts[number - 1], text):
                continue  # "我妈今年68岁…能买沪惠保吗？特药目录里的药怎么报销？": the same person's reimbursement
            if (number > 0 and not verdicts[number - 1].covered and verdicts[number - 1].reason in {"place", "document"}
                    and not self.catalogue.named_in(text) and not self.catalogue.names_city(text)):
                # "深圳坪山区有没有厂房租金补贴？大概每平方米补多少？", "浦东出了2025到2027年的行动方案没有？新一轮对临床试验的补贴
                # 标准是多少？": still that place's or that document's, naming no other
                continue
            if (number > 0 and not verdicts[number - 1].covered and ask.kind in {AskKind.WHAT, AskKind.FIGURE}
                    and lexicon().share_of_refused.search(text) and not lexicon().share_of_refused_unless.search(text)
                    and not self.catalogue.named_in(text) and not any(rule_named(text, r) for r in self.book.rules)):
                continue  # "研发费用加计扣除…？生物医药企业有没有特殊比例？": the share of the refused ask's subject
            # ("第一个，…三期做完上海最多能给多少；第二个，我们公司一年里如果多个品种同时申请，总的有没有上限": the yearly cap
            # of the award just asked)
            follows = number > 0 and after_covered and (score < MIN_KEYWORD_SCORE or names_annual_cap(text))
            figure_only = ask.kind is AskKind.FIGURE and refused_elsewhere[number] and after_covered
            own_topic = MIN_KEYWORD_SCORE if figure_only else OWN_TOPIC_SCORE
            # ("(1) until what date does Shanghai's 2024 biomedicine policy run, …, (3) what are HKEX … requirements": the
            # term of the policy asked is the sources' own, with or without a topic)
            of_policy = ask.kind is AskKind.VALIDITY and bool(lexicon().document_words.search(text))
            if score >= own_topic or self.catalogue.named_in(text) or follows or of_policy:
                covered.append(ask)
        return covered

    def _follows_ask_before(self, ask: Ask) -> bool:
        """Whether a later ask of a message has no topic of its own ("找哪个部门申请？", "要多久？", "有没有时间表"): its
        words, without ask words (and, asking departments, without what one does with one), score under
        ``MIN_KEYWORD_SCORE`` and name no document; a validity or eligibility ask may be of the policy itself."""
        if ask.kind not in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.DEPARTMENTS, AskKind.DURATION,
                            AskKind.FIGURE, AskKind.WHAT}:
            return False
        return (self.retriever.keyword_score(_ask_topic(ask)) < MIN_KEYWORD_SCORE
                and not self.catalogue.named_in(ask.text.lower()))

    def _asks_unset_amount_again(self, ask: Ask, unset: Article) -> bool:
        """Whether a later ask of a message asks again of the amount the article ``unset`` leaves unset: an amount,
        figure or duration ask (or a yes/no on a figure: "是不是也按投入的40%？"; or a question beside a clause stating
        the case's figure: "有没有固定比例，我们预计规模5亿") whose words, without its figures and ask words, name no topic
        (``MIN_KEYWORD_SCORE``) or only terms ``unset`` holds ("贴息期限多长" after （二十九）'s 贴息)."""
        figure_asked = ask.kind is AskKind.ELIGIBILITY and bool(FIGURE_SAID.search(ask.text))
        if ask.kind not in {*FIGURE_ASKS, AskKind.WHAT} and not figure_asked:
            return False
        if self.catalogue.named_in(ask.text.lower()) or ask.detail in lexicon().floor_details:
            return False  # ("…and is there a minimum registered-capital threshold?": a floor, another figure unset)
        topic = _ask_topic(ask)
        guessed = False
        if ask.kind is AskKind.WHAT:
            # ("有没有固定比例，我们预计规模5亿": a clause stating a figure of the case is no part of what is asked)
            clauses = [c for c in ASK_CLAUSE_MARK.split(topic) if c.strip()]
            asked = [c for c in clauses if not FIGURE_SAID.search(c)]
            # ("…一事一议…市里到底能给多少钱？有没有像某些城市那样直接给1个亿？", "是不是也按投入的40%？": a figure guessed,
            # asked as a yes or no, of the amount left unset)
            guessed = not asked and bool(lexicon().yes_no_question.search(ask.text.lower() + "?")
                                         or lexicon().figure_guessed.match(ask.text.lower()))
            # ("…补助额度是多少？有没有按投入比例给的说法？": a share asked of the amount left unset is that amount's too)
            share_words = lexicon().figure_asks["share"].asked
            share_asked = has_word(ask.text.lower(), share_words)
            if not guessed and not share_asked and (not asked or len(asked) == len(clauses)):
                return False
            topic = topic if guessed else without_words(" ".join(asked), share_words) if share_asked else " ".join(asked)
        topic = without_words(FIGURE_SAID.sub(" ", topic), (*lexicon().ceiling_words, *lexicon().guess_words,
                                                           *lexicon().plain_money_words))
        if guessed and not any(triggers_named(topic, rule.triggers) for rule in self.book.rules):
            return self.retriever.keyword_score(topic) < OWN_TOPIC_SCORE
        return (self.retriever.keyword_score(topic) < MIN_KEYWORD_SCORE
                or self.retriever.holds_every_term(unset.chunk_id, topic))

    def _points_at_nothing(self, question: Question, session: Session) -> bool:
        """Whether a conversation's first turn only points back ("这个要找哪个部门？", "加起来多少？", "What about the
        departments for that?"): shaped as a follow-up, with no document, measure, kind of applicant, case or amount
        named and no word the sources use once the ask words, a department ask's verbs and the nouns pointed at are left
        out; a writing task or chit-chat pointing at "这份政策" is refused, not asked back. A validity ask
        ("这个还有效吗") is the policy's own term, answered."""
        if question.context_text or session.last_chunk_ids or session.award is not None or question.document is not None:
            return False
        ask = question.asks[0]
        if not (question.follow_up and (ask.points_back or question.asks_total)) or ask.kind is AskKind.VALIDITY:
            return False
        if (question.facts.amounts or question.facts.tells_case() or kinds_named(question.text)
                or any(triggers_named(question.text, rule.triggers) for rule in self.book.rules)):
            return False
        rest = without_words(_department_topic(question.text), lexicon().referent_nouns)
        if self.retriever.known_share(rest)[0] or self.retriever.keyword_score(rest) >= MIN_KEYWORD_SCORE:
            return False  # "新药临床那个补贴是哪些部门管", "How many drugs did the national list add in total?": a topic
        scope = self._scope(question)
        return scope.covered or not scope.reason.startswith("off_topic")  # "帮我把这份政策翻译成英文": a task, refused

    def _repeats_subject(self, ask: Ask, before: Step) -> bool:
        """Whether every word of ``ask`` the sources use, its ask words and money in general left out, stands in the
        ask of ``before`` (the step of the ask before it in the same message) or in the article that answered it: the
        same subject asked again or asked more of, looked up with that ask."""
        own = without_words(without_ask_words(ask.text.lower()), lexicon().plain_money_words)
        words = self.retriever.rare_terms(own, 2, len(self.retriever.articles))
        earlier = before.ask.text.lower()
        return bool(words) and (all(word in earlier for word in words)
                                or self.retriever.holds_every_term(before.articles[0].chunk_id, own))

    def _asks_scope_of_registration(self, question: Question, ask: Ask, topic: str) -> bool:
        """Whether an eligibility ask of a company registered outside Shanghai names no measure of its own: its words
        left without the registration said, the document's name and money in general ("补贴", "这份若干意见里的")
        find nothing, so the policy's scope (在我市内登记注册) decides."""
        if ask.kind is not AskKind.ELIGIBILITY or question.facts.registered not in {"elsewhere", REGISTRATION_UNSAID}:
            return False
        # "…在张江租了个实验室…，能申请这些补贴吗": the policy's support as a whole, whatever the case's words
        in_general = has_word(ask.text.lower(), lexicon().policy_in_general) and not any(
            triggers_named(topic, rule.triggers) for rule in self.book.rules)
        if question.facts.registered == REGISTRATION_UNSAID:
            # ("母公司注册在昆山，在张江有个研发中心…这37条的补贴能申请吗": where the unit is registered, unsaid, decides
            # when every measure of the city's policy is asked of; another document named is answered on its own terms)
            return in_general and question.document in (None, self.book.document) and has_word(
                ask.text.lower(), lexicon().all_measures)
        if in_general:
            return True
        rest = lexicon().registered_elsewhere.sub(" ", topic)
        if question.document is not None:
            rest = self.finder.without_name(rest, question.document)
        rest = without_words(rest, lexicon().plain_money_words)
        return self.retriever.keyword_score(rest) < MIN_KEYWORD_SCORE

    def _leaves_scope(self, question: Question, session: Session) -> bool:
        """Whether a turn states a registration outside Shanghai while the conversation is about the policy's
        support (an award topic, or an article of the policy just cited)."""
        discussed = session.award is not None or any(cid.startswith(f"{self.book.document}:") for cid in session.last_chunk_ids[:1])
        return discussed and ConditionEvaluator(self.book).check(
            REGISTERED, self.verdicts.fact_values(question)[0]).state is ConditionState.FAILED

    def _states_base_of_topic(self, question: Question, session: Session) -> bool:
        """Whether a statement gives a base for a rule of the award topic discussed, named by its trigger ("Ⅲ期實際
        投入是9000萬。", "Our Phase II spend is actually RMB 60 million."), or for an item it adds to that topic
        ("我们还有一个品种产值8000万" after a CMO answer)."""
        return bool(question.facts.amounts_as(AmountRole.BASE)) and session.award is not None and (
            question.adds_item or self._recalled(question.asks[0], session) is not None)

    def _paying_on_stated_kind(self, question: Question, ask: Ask, hits: list[Hit]) -> list[Hit]:
        """``hits`` with a close one first whose text names the kind of base the amount ask states (产值), when the top
        measure's rules pay on none of that kind ("医学影像设备…年产值第一次突破10亿…奖励金额是多少": （二十二）'s 首次突破
        相关产值, not （六）'s 40% of R&D); ``hits`` unchanged otherwise."""
        stated = self._stated_exclusive_kinds(question)
        if (ask.kind is not AskKind.AMOUNT or not hits or hits[0].article.doc_id != self.book.document
                or not self._pays_on_other_kind(str(hits[0].article.key), question)):
            return hits
        patterns = [lexicon().base_kinds[kind] for kind in stated]
        naming = next((hit for hit in hits[1:HITS] if hit.score >= CLOSE_SCORE * hits[0].score
                       and hit.article.doc_id == self.book.document and any(p.search(hit.article.text) for p in patterns)), None)
        return [naming, *[hit for hit in hits if hit is not naming]] if naming is not None else hits

    def _asked_in_asking_sentence(self, ask: Ask, hits: list[Hit]) -> list[Hit]:
        """``hits`` with a close one first when the sentence that asks, searched alone, finds it first and it has a topic
        of its own ("We are a foreign-invested pharma … transfer clinical trial data to our headquarters abroad. Does the
        policy support cross-border data flows?": （三十三）'s 数据跨境, not （三十四）'s 外资企业 the case told before it);
        ``hits`` unchanged for an ask of one sentence, one whose sentence asks no support of a thing, or any other kind."""
        if ask.kind not in {AskKind.ELIGIBILITY, AskKind.WHAT} or len(hits) < 2:
            return hits
        asked = asking_part(ask.own_words)
        # (who asks is no topic: "…1类新药Ⅱ期…. As a foreign-invested company, can we apply?" asks of the trial told)
        topic = without_words(without_asker(without_ask_words(asked.lower())),
                              (*lexicon().applicant_words, *lexicon().ownership_words))
        if (asked.strip() == ask.own_words.strip() or self.retriever.keyword_score(topic) < OWN_TOPIC_SCORE
                or not (asks_support_terms(asked.lower()) or lexicon().policy_support_asked.search(asked))):
            return hits  # ("Can it go through the Class II fast track…?": "it", the case told, is what is asked of)
        found = self.retriever.search(topic, k=1, prefer_on=self.today)
        if not found or found[0].article.chunk_id == hits[0].article.chunk_id:
            return hits
        close = next((hit for hit in hits[1:HITS] if hit.article.chunk_id == found[0].article.chunk_id
                      and hit.score >= CLOSE_SCORE * hits[0].score), None)
        return [close, *[hit for hit in hits if hit is not close]] if close is not None else hits

    @staticmethod
    def _stated_exclusive_kinds(question: Question) -> set[str]:
        """The kinds of base the turn's stated bases are named as, of those no rule reads as another (产值, 研发投入, 保费)."""
        return {a.base_kind for a in question.facts.amounts_as(AmountRole.BASE)} & set(lexicon().exclusive_base_kinds)

    def _pays_on_other_kind(self, measure: str, question: Question) -> bool:
        """Whether ``measure``'s rules pay on a kind of base other than every one the turn names its bases as ("年产值
        10亿" against （六）'s 研发投入)."""
        stated = self._stated_exclusive_kinds(question)
        paid_on = {kind for rule in self.book.for_measure(measure) for kind in base_kinds_of(rule)} & set(lexicon().exclusive_base_kinds)
        return bool(stated) and bool(paid_on) and not stated & paid_on

    @staticmethod
    def _asks_money_of(ask: Ask) -> bool:
        """Whether ``ask`` asks for an amount, or whether there is money at all ("新药临床有补贴吗")."""
        return ask.kind is AskKind.AMOUNT or (ask.kind is AskKind.WHAT and has_word(ask.text.lower(), lexicon().money_words))

    def _scope(self, question: Question) -> ScopeVerdict:
        return judge(question, self.catalogue, self.retriever.known_share(without_ask_words(question.text)),
                     self.retriever.uses_word, lambda phrase: phrase in corpus_text(self.retriever),
                     self.retriever.known_share, self._said_together, self.retriever.quoted_articles)

    def _learned_scope(self, question: Question, scope: ScopeVerdict) -> ScopeVerdict:
        """The rules' ``scope`` overruled where the learned scope prior is sure: a covered turn is refused
        (off_topic:learned) when the prior gives P(out of scope) ≥ ``refuse_at`` to it, or to each of its asks when it
        has several ("互联网医院牌照怎么申请？…示范项目每个最多支持多少？" keeps its covered ask), unless it asks what the
        conversation's topic answers ("好的，申报要准备哪些材料？" after an award) or names a place of the sources few
        articles speak of ("张江药谷的租金补贴是多少？": they name 张江药谷 and set no rent). The prior reads the turn
        without the places outside Shanghai it names (whether "北京的生物医药企业搬来上海…" asks of Beijing is the rules'
        reading, ``without_other_places``), nor overrules a company moving here asking the city's support
        (``support_for_moving_here``). A turn of one ask the rules refused for its words (not for a place or a
        document named, which the prior cannot weigh) is covered below ``keep_at``."""
        if self.scope_prior is None:
            return scope
        # (the prediction first: most covered turns end there, before the search terms are looked up)
        if (scope.covered and not asks_what_the_topic_answers(question)
                and not lexicon().support_for_moving_here.search(to_simplified(question.original).lower()) and all(
                self.scope_prior.off_sources(without_other_places(to_simplified(text).lower())) >= self.scope_prior.refuse_at
                for text in ([a.text for a in question.asks] if len(question.asks) > 1 else [question.original]))
                and not sources_place(self.retriever.rare_terms(question.text, *place_term_limits()))):
            return ScopeVerdict(False, LEARNED_OFF_TOPIC)
        if (not scope.covered and len(question.asks) == 1 and scope.reason not in NAMED_REASONS
                and self.scope_prior.off_sources(question.original) < self.scope_prior.keep_at):
            return ScopeVerdict(True, "")
        return scope

    def _said_together(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The sentence of the sources matching ``text`` best and the search terms of ``text`` it holds."""
        found = self.retriever.sentences(text, k=1)
        return (found[0].sentence, found[0].matched_terms) if found else ("", ())

    def _plan_asks(self, question: Question, session: Session, language: Language, plan: Plan,
                   uncovered: Sequence[Ask] = ()) -> Plan:
        """Each covered ask planned in the order asked; ``uncovered`` asks refused after them."""
        previous_articles = [a for cid in session.last_chunk_ids if (a := self.retriever.article(cid))]
        asks = self._joined(question.asks)
        # each ask's own facts, read once: an ask reads its own and the others' (``_about``)
        stated = [read_facts(a.text, a.text.lower()) for a in asks] if len(asks) > 1 else []
        for number, ask in enumerate(asks):
            about = question
            if len(asks) > 1:
                about = _about(question, ask, stated[number], [f for n, f in enumerate(stated) if n != number],
                               [f for n, (a, f) in enumerate(zip(asks, stated, strict=True))
                                if n != number and lexicon().supposing.search(a.text.lower())])
                if (question.document is not None and not self._names_document(ask, question.document, plan)
                        and not has_word(ask.text.lower(), lexicon().speaker_asks)):
                    # ("这个发布会是哪天开的，谁讲的审评审批那部分": who spoke is asked of the press conference named)
                    about = replace(about, document=None, document_pointed=False)
                elif question.document is None and len(named := documents_named(ask.text.lower(), self.catalogue)) == 1:
                    # "…意见有效期到哪天？另外发布会上是谁讲的医保支付那块？": each ask of the document it names itself
                    about = replace(about, document=next(iter(named)))
            spoken = self._same_speakers_answer(ask, previous_articles) if not number else None
            if spoken is not None:  # "他后面还答了哪家媒体的提问": his other answer, opened with the question he took
                taken, reply = [*spoken.text.splitlines(), ""][:2]
                exchange = f"{taken} / {reply.split('。')[0]}。" if reply else taken
                plan.steps.append(Step(ask, Route.LOOKUP, [spoken], lead=Lead(text=exchange)))
                previous_articles = [spoken]
                continue
            compared = self._compared_figures(question, ask, previous_articles) if not number else []
            if compared:  # "这两个数怎么对不上？": each figure again, from its own article, in the order asked
                plan.steps += compared
                continue
            if ask.kind is AskKind.DEPARTMENTS and has_word(ask.text.lower(), lexicon().each_asked) and (
                    number or question.recalled_turns):
                # "…能拿多少？伦理审查要多久？这两件事分别找哪个部门？": the departments of each article asked before,
                # in this message or, as a turn of its own, in the turns it counts back to
                asked = [s.articles[0] for s in plan.steps if s.articles] if number else self._turn_articles(
                    question, previous_articles)
                firsts = list({a.chunk_id: a for a in asked}.values())
                if not number and len(firsts) < len(question.recalled_turns):
                    # "伦理整体流程…？临床试验启动前院内用时…？" answered in one turn, then "这两条分别是哪些部门负责？": the
                    # last turn's other measures answered count too
                    named = {f.chunk_id for f in firsts}
                    firsts += [a for a in previous_articles if a.departments and a.chunk_id not in named]
                    firsts = firsts[:len(question.recalled_turns)]
                if firsts:
                    plan.steps += [Step(ask, Route.DEPARTMENTS, [article]) for article in firsts]
                    continue
            refused = plan.steps[-1] if number and plan.steps and plan.steps[-1].route is Route.OUT_OF_SCOPE else None
            if refused is not None and self._follows_ask_before(ask):
                # "首台套设备奖励是多少？找哪个部门申请？": an ask with no topic of its own asks of the subject refused
                # just before it, not of what its few words find
                plan.steps.append(Step(ask, Route.OUT_OF_SCOPE, scope=refused.scope))
                continue
            replacement = self._replacement(question, ask, previous_articles)
            if replacement is not None:  # "这个方案现在还管用吗？…市里有没有能替代的？": the policy in force's measure
                plan.steps.append(replacement)
                continue
            before = plan.last_step
            if (before is not None and before.route in {Route.NOT_SPECIFIED, Route.NO_AMOUNT} and before.ask.kind is ask.kind
                    and self._follows_ask_before(ask)):
                continue  # "…计划到哪一年全部推出？有没有分年度的时间表？": the same time the text leaves unset, asked again
            if (before is not None and before.articles and (before.route is Route.NO_AMOUNT or (
                    before.route is Route.NOT_SPECIFIED and before.ask.kind in FIGURE_ASKS))
                    and self._asks_unset_amount_again(ask, before.articles[0])):
                # "…一事一议…市里能给多少钱？有没有个上限，比如5000万？", "…贴几个点？贴息期限多长？": the amount the article before
                # leaves unset, asked again of a figure or a term of that article's
                continue
            if (before is not None and before.route is Route.AWARD and before.estimate is not None
                    and ask.kind in {AskKind.FIGURE, AskKind.AMOUNT}
                    and lexicon().figure_again_asked.fullmatch(ask.text.lower().strip(" ？?。!！，,"))):
                continue  # "这个600万算得对吗？应该是多少？": the figure the award just computed, asked again
            if ask.kind not in FIGURE_ASKS and any(s.elsewhere is not None and s.elsewhere.figure in ask.text for s in plan.steps):
                continue  # "…我在另一篇报道里看到是19个，是不是口径不一样？": where that figure stands was just said
            step = self._plan_ask(about, ask, session, previous_articles, plan, language)
            last = plan.last_step
            if (last is not None and step.route is Route.NO_AMOUNT and last.route is Route.NO_AMOUNT and step.articles
                    and last.articles and step.articles[0].chunk_id == last.articles[0].chunk_id):
                continue  # "市里给不给建设补贴？一张床位补多少钱": the same measure's unset amount, said once
            if (last is not None and last.eligibility is not None and last.eligibility.condition == CONDITIONS_UNLISTED
                    and step.route in {Route.NO_AMOUNT, Route.NOT_SPECIFIED, Route.LOOKUP}
                    and lexicon().sufficiency_asked.search(ask.text.lower())):
                continue  # "…这样够格了吗？具体要啥条件": the verdict before it says the conditions are not listed
            step.no_cap_heard = self._ceilings_said_absent(ask, step)
            if step.route in {Route.ELIGIBILITY, Route.AWARD} and step.eligibility is not None and step.eligibility.holds:
                # "在上海新注册的…能享受吗": the scope a stated fact meets is cited after the measure
                _cite_after(step, [a for cid in step.eligibility.holds for a in self._condition_articles(cid, step.eligibility.measure)])
            plan.steps.append(step)
            if step.articles and (step.route is not Route.VALIDITY or not previous_articles):
                # "这个政策到什么时候截止？还有找哪个部门？": the document's term leaves the measure discussed the topic
                previous_articles = step.articles
        plan.steps += [Step(ask, Route.OUT_OF_SCOPE, scope=ScopeVerdict(False, "ask")) for ask in uncovered]
        return plan

    def _ceilings_said_absent(self, ask: Ask, step: Step) -> list[Rule]:
        """The capped rules of the policy's measure ``step`` answers from when ``ask`` says it sets no ceiling ("听说…
        是产值的10%，没有上限，对吗？", ``no_cap_claimed``): what puts that right; none otherwise."""
        text = ask.text.lower()
        if not step.articles or not has_word(text, lexicon().no_cap_claimed):
            return []
        # (said as a premise checked or heard of: "…没有上限，对吗？", "I heard … no upper limit", "是不是上不封顶")
        if not (has_word(text, lexicon().claim_check) or lexicon().roles["claimed"].search(text) or asks_yes_or_no(text)):
            return []
        article = step.articles[0]
        if article.doc_id != self.book.document:
            return []
        capped = [rule for rule in self.book.for_measure(str(article.key)) if rule.cap_yuan]
        named = [rule for rule in capped if rule_named(text, rule)]  # ("III期…上不封顶": that stage's)
        return named or capped

    def _replacement(self, question: Question, ask: Ask, previous: list[Article]) -> Step | None:
        """What the policy in force says in place of an ended document's article discussed, when the ask asks for
        what replaces it ("市里有没有能替代的？", "what replaces it now?", ``understanding.yaml`` replacement_asked):
        the city policy's article nearest that article's words and the message's, led by its sentence; None
        otherwise."""
        # (a bare "What replaced it?" asks the document to go by now, which the validity step answers; a message telling
        # its own subject, "我们的三类器械明年上市…市里有没有能替代的？", asks the measure)
        if not previous or not lexicon().replacement_asked.search(ask.own_words.lower()) or not question.facts.states_subject():
            return None
        ended = self.catalogue.get(previous[0].doc_id)
        if ended.id == self.book.document or ended.valid_to is None or ended.valid_to >= self.today:
            return None
        # (the ended article's sentence sharing most character pairs with the asker's words, read with the turn before,
        # whose subject "it" is, and in the sources' terms: "…对创新医疗器械和三类医疗器械产品上市给予支持" for "我们的三类
        # 器械明年上市", "CMO" 合同研发生产组织 for an English ask)
        said = prepare(f"{question.context_text} {question.text}").keyword_text
        asked = _pairs(said)
        sentences = [part for part in re.split("[。；;]", previous[0].text) if part.strip()]
        nearest = max(sentences, key=lambda part: len(asked & _pairs(part)), default="")
        words = f"{nearest} {without_ask_words(said)}"
        hits = self.retriever.search(words, k=1, doc_ids=[self.book.document])
        if not hits:
            return None
        article = hits[0].article
        return Step(ask, Route.LOOKUP, [article], lead=lead_clause(article.text, AskKind.WHAT, words))

    def _names_other_article(self, question: Question, ask: Ask, previous: list[Article]) -> bool:
        """Whether a follow-up's own words (without ask words) find one article clearly, and not one the
        conversation just cited: "那展会呢" after a CMO answer names the trade-fair measure, "那细胞治疗的呢"
        (several articles alike) stays on the topic discussed. Another article is looked for in the document
        discussed: "改良型的能申请吗" after a (五) answer is about (五), not the expired plan that names 改良型新药."""
        # "今年我们有3个这种项目，总共最多多少": a count of items names no topic (the plan's "2-3个" is not theirs)
        # (a statement answering the award asked before names its topic in its own words, not the ask's: "那医疗器械呢？
        # 我们另一个产品进了…特别审查程序" after "1类新药国内II期…最多补多少")
        words = lexicon().item_count.sub(" ", without_ask_words((question.text if question.replies_to_ask else ask.text).lower()))
        # "The R&D spend on that drug was US$800,000": a base the asker states names no topic (800 is no 800万 ceiling)
        words = without_words(words, [a.text.lower() for a in question.facts.amounts_as(AmountRole.BASE)])
        if question.facts.sold_abroad:  # "US sales started this quarter": a sale there, a condition's fact, names no topic
            words = re.sub(lexicon().facts["sold_there"], " ", words)
        if ask.kind is AskKind.DEPARTMENTS:  # "这个任务是哪些部门牵头": leading names no article (the plan's 牵头部门 clause)
            words = lexicon().item_count.sub(" ", _department_topic(ask.text.lower()))
        discussed = {a.chunk_id for a in previous}
        named = [f"{self.book.document}:{key}" for key in labels_named(ask.text)]
        if previous and any(cid != previous[0].chunk_id and self.retriever.article(cid) is not None for cid in named):
            return True  # "那（二十）呢？" after a （五） verdict (which pointed to （二十）) names （二十） by its label
        item = self._plan_item_named(words, previous[0]) if previous and ask.elliptical else None
        if item is not None:  # "一類新藥的目標呢" after the plan's industry-scale goal: its goal for 1类新药
            return item.chunk_id != previous[0].chunk_id
        if self.retriever.keyword_score(words) < OWN_TOPIC_SCORE:
            # "那医疗数据跨境这块呢" after （三十二）'s corpora: few words, but one the discussed article never says that
            # the best of the others does (跨境) names a topic of its own
            return (bool(previous) and ask.elliptical and not lexicon().hypothetical.search(ask.text.lower())
                    and self._term_of_other(words, previous[0]))
        if previous and self.retriever.holds_every_term(previous[0].chunk_id, words):
            return False  # "那临床试验申请呢" after （十四）'s 补充申请 time limit: （十四） sets that one too
        hits = self.retriever.search(words, k=3, prefer_on=self.today, doc_ids=[previous[0].doc_id] if previous else None)
        # "what about IND review time" after the ethics answer: the article discussed is none of the close ones
        # "What about M&A — is there a dedicated fund?" after （二十七）'s funds: the best holds every word, it does not
        # "数据出境这块呢" after （三十二）'s corpora: the best matches 跨境 as well as every word （三十二） matches, a
        # topic of its own ("研发投入只有2000万的话呢" names the base of the award discussed, which another measure also says)
        return bool(hits) and hits[0].article.chunk_id not in discussed and (
            _stands_clear(hits) or not discussed & {h.article.chunk_id for h in hits}
            or (bool(previous) and self.retriever.holds_every_term(hits[0].article.chunk_id, words))
            or (ask.kind not in {AskKind.AMOUNT, AskKind.REQUIRED_BASE} and any(  # a base's words name no topic
                h.article.chunk_id == previous[0].chunk_id and set(hits[0].matched_terms) > set(h.matched_terms)
                for h in hits[1:])))

    def _term_of_other(self, words: str, discussed: Article) -> bool:
        """Whether the best article for ``words`` in ``discussed``'s document is another one that matches, beside a term
        ``discussed`` holds too, a term of them ``discussed`` does not hold and that narrows none of the shared ones, no
        close article matching that term (a term only that article says)."""
        hits = self.retriever.search(words, k=3, prefer_on=self.today, doc_ids=[discussed.doc_id])
        if not hits or hits[0].article.chunk_id == discussed.chunk_id:
            return False
        # (a term it shares with the discussed article keeps the subject: "数据" beside "跨境"; a term holding a shared
        # one is that one narrowed, no other topic: "分中心" beside "中心")
        shared = [t for t in hits[0].matched_terms if t in discussed.text]
        own = [t for t in hits[0].matched_terms if t not in discussed.text and not any(s in t for s in shared)]
        return bool(own) and bool(shared) and not any(t in h.matched_terms for h in hits[1:] for t in own)

    def _plan_item_named(self, words: str, discussed: Article) -> Article | None:
        """The item (goal, task) of the district plan ``discussed`` belongs to that an elliptical follow-up's words
        (ask words removed) name by the rarest of their terms: the discussed item when it holds that term ("那创新医疗
        器械的目标呢" after the goal counting them), else the best of the plan's articles for the words, or one close
        to it, that holds it ("一類新藥的目標呢" after the industry-scale goal: the goal counting 1类新药). A plan's
        items are parallel, so a term of one of them names that one, however few the words; that a target is asked
        (目标, 争取 …) names none. None when the discussed article is no plan's or no close item holds the term."""
        if self.catalogue.get(discussed.doc_id).kind is not DocumentKind.DISTRICT_PLAN:
            return None
        terms = [t for t in dict.fromkeys(tokenize(without_words(words, lexicon().target_words)))
                 if self.retriever.uses_word(t)]
        if not terms:
            return None
        rarest = min(terms, key=self.retriever.article_share)
        if self.retriever.holds_every_term(discussed.chunk_id, rarest):
            return discussed
        hits = self.retriever.search(words, k=HITS, doc_ids=[discussed.doc_id])
        holding = next((h for h in hits if self.retriever.holds_every_term(h.article.chunk_id, rarest)), None)
        return holding.article if holding is not None and holding.score >= CLOSE_SCORE * hits[0].score else None

    def _discussed_topic(self, question: Question, discussed: Article) -> str:
        """The topic the conversation discussed, in the sources' words: the title of the article just discussed and
        its sentence the earlier turn matched best (the title again when that turn said nothing of its own)."""
        earlier = without_ask_words(question.context_text.lower()) or discussed.title
        return f"{discussed.title} {self._discussed_sentence(earlier, discussed)}"

    def _discussed_sentence(self, words: str, article: Article) -> str:
        """The sentence of ``article`` (the one just discussed) that ``words`` (the earlier turn's) match best, "" for
        none: the topic in the sources' own words, which another document states alike ("2021年那轮旧政策对出海成功
        的产品支持多少" → the reply's "对成功出海的…按研发投入30%，最高支持1000万元", as （三十六） states it)."""
        found = self.retriever.sentences(words, k=HITS, doc_ids=[article.doc_id])
        return next((hit.sentence for hit in found if hit.article.chunk_id == article.chunk_id), "")

    def _asks_text_of_award(self, question: Question, ask: Ask, measure: str) -> bool:
        """Whether a follow-up on the award of ``measure`` asks what its text says on something else than the award
        ("考核看什么指标？"): a what-ask putting no case of its own (no amount, added item, count of items, fact of who
        or where the asker is, nor one of the measure's rules: "And Phase III?") and asking no money, ceiling or terms."""
        text = ask.text.lower()
        lex = lexicon()
        return (ask.kind is AskKind.WHAT and not ask.elliptical and not question.facts.amounts and not question.adds_item
                and not question.replies_to_ask and not question.asks_ceiling and not question.facts.tells_case()
                and not (question.facts.item_count or 0) > 1  # "我们今年报了4个这样的项目": that many items of the award
                and not has_word(text, lex.money_words)
                and not has_word(text, lex.terms_asks) and not self._picks_rule(text, measure))

    def _asks_of_discussed(self, question: Question, ask: Ask, previous: Sequence[Article], plan: Plan,
                           session: Session) -> bool:
        """Whether an ask with no topic of its own, naming no amount, asks the amount or a figure of the measure just
        discussed (``previous[0]``), which its text states or leaves unsaid, rather than what its few words find
        elsewhere:
        - "有具体补贴金额吗？" right after a measure was looked up: that measure's amount (a later ask of the same
          message, "…各补多少比例？上限分别是多少？", asks it of the article just found; one asked again, "…现在的政策又是
          多少？", asks it of what its own words find);
        - "how big is it?" / "多久？" right after a measure: a figure of that measure, not one another document states
          ("产业规模达到9337亿元" would answer another question);
        - "how big is it?" after （二十八）'s M&A fund: the size of that fund, pointed back at, before any award."""
        if not previous or question.facts.amounts:
            return False
        if ask.kind is AskKind.AMOUNT:
            # ("这两块市里给我们多少钱的补贴？" after two answers on （三十三）: pointed back at, that measure's amount)
            return (not plan.steps or not ask.elliptical) and (not question.follow_up or ask.points_back) and session.award is None
        if plan.steps:
            return False
        if ask.kind is AskKind.FIGURE and ask.points_back and ask.detail == MONEY_FIGURE and session.award is None:
            return True
        return (ask.kind in {AskKind.FIGURE, AskKind.DURATION} and question.document in (None, previous[0].doc_id)
                and self.catalogue.get(previous[0].doc_id).kind in MEASURE_DOCUMENTS)

    def _held_by_discussed(self, question: Question, ask: Ask, previous: Sequence[Article], plan: Plan) -> bool:
        """Whether a short turn naming no document, product or trial of its own asks of the article just discussed:
        every search word of its own the article holds. That a target is asked of a time limit or a figure (目标,
        争取 …) names no topic: "整个流程目标压到多长" after （十）'s ethics review asks （十）'s 总体流程, not a plan's goals."""
        short = _short(question)
        words = lexicon().rule_set_asked.sub(" ", without_ask_words(ask.text.lower()))  # ("有没有规定医院…")
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE}:
            words = without_words(words, lexicon().target_words)
        # (a later ask of the turn after one answered from that article: "代持之后收益怎么分？有没有规定医院拿多少比例？")
        after_it = not plan.steps or (bool(plan.steps[-1].articles) and bool(previous)
                                      and plan.steps[-1].articles[0].chunk_id == previous[0].chunk_id)
        return (bool(previous) and short and after_it and question.document is None and not question.new_subject
                and not question.facts.states_subject()
                and self.retriever.holds_every_term(previous[0].chunk_id, words))

    def _states_base_of_discussed(self, question: Question, ask: Ask, previous: Sequence[Article], plan: Plan) -> bool:
        """Whether a turn that asks nothing of its own states a base (a spend, an output) of the measure just
        discussed, one whose rules compute from a base: the award of that measure with it is what is wanted."""
        if not previous or plan.steps or question.new_subject or question.document is not None:
            return False
        if not (question.bare_reply or ask.points_back) or not question.facts.amounts_as(AmountRole.BASE):
            return False
        discussed = previous[0]
        return discussed.doc_id == self.book.document and any(
            rule.rate is not None for rule in self.book.for_measure(str(discussed.key)))

    def _asks_money_only(self, words: str) -> bool:
        """Whether ``words`` (an ask's, ask words removed) name money in general (``plain_money_words``: 资金额度,
        specific amount) and nothing else to search for: an amount is asked, of no topic of its own."""
        plain = lexicon().plain_money_words
        return has_word(words, plain) and self.retriever.keyword_score(without_words(words, plain)) < MIN_KEYWORD_SCORE

    def _measure_retold(self, top: Article, hits: Sequence[Hit], ask: Ask) -> Article | None:
        """The policy's measure among ``hits`` that states every figure the ask names which the sentence an explanatory
        document's ``top`` answers it with states too (a press answer retelling （十六）'s "40个工作日"); None when ``top``
        is a measure document's or no figure is both asked and stated."""
        if self.catalogue.get(top.doc_id).kind in MEASURE_DOCUMENTS:
            return None
        lead = lead_clause(top.text, AskKind.WHAT, ask.text)
        figures = set(FIGURE_DIGITS.findall(lead.sentence or lead.text)) & set(FIGURE_DIGITS.findall(ask.text))
        if not figures:
            return None
        return next((hit.article for hit in hits[:HITS] if hit.article.doc_id == self.book.document
                     and str(hit.article.key).isdigit()
                     and figures <= set(FIGURE_DIGITS.findall(hit.article.text))), None)

    def _revises_condition_of_topic(self, question: Question, ask: Ask, measure: str, previous: Sequence[Article]) -> bool:
        """Whether a yes/no or amount turn, however long, tells a fact about the asker's case that a condition of the
        award topic discussed reads ("Actually wait, the client turns out to be a subsidiary of our parent company. Does
        that change anything?" after a CMO award: the relation (二十四) reads; "US sales started this quarter. R&D
        investment … What's the maximum?" after （三十六）: the sale there), naming no product, document or article of
        its own."""
        if ask.kind not in {AskKind.ELIGIBILITY, AskKind.AMOUNT} or question.new_subject or question.document is not None or (
                question.facts.states_subject() or self._names_other_article(question, ask, list(previous))):
            return False
        stated = {name for name in ASKER_FACTS if getattr(question.facts, name) is not None} - SEAT_FACTS
        if question.facts.sold_abroad is not None:
            stated.add("sold_locally")  # the name the conditions read it by (eligibility.yaml)
        conditions = condition_rules().conditions
        return any(stated & {*conditions[c].holds_if, *conditions[c].fails_if}
                   for rule in self.book.for_measure(measure) for c in rule.conditions if c in conditions)

    def _picks_rule(self, text: str, measure: str) -> bool:
        """Whether ``text`` names one of ``measure``'s several rules (a stage, a kind of product): naming the only
        rule ("贴息" of （四）) names the measure itself."""
        rules = self.book.for_measure(measure)
        return len(rules) > 1 and any(rule_named(text, r) for r in rules)

    def _continues_in_plan(self, question: Question, ask: Ask, previous: Sequence[Article]) -> bool:
        """Whether a follow-up that names no document ("人才方面呢", "And for Class 1 new drugs?") asks the
        plan or policy no longer in force that the conversation is about: its own words find an article there.
        Search favours the documents in force, which would take the conversation away from the one discussed."""
        short = _short(question)
        if (not previous or question.document is not None or ask.kind is AskKind.VALIDITY
                or not short or has_word(question.text, lexicon().city_document_words)):
            return False  # "OK, so which city-level document should we rely on now …" asks of another document
        document = self.catalogue.get(previous[0].doc_id)
        if document.kind not in MEASURE_DOCUMENTS or document.in_force_on(self.today):
            return False
        words = without_ask_words(ask.text.lower())
        if question.new_subject or not (ask.elliptical or question.follow_up):
            # "那1类新药定了几个？" after the plan's industry-scale goal: a figure of another of the plan's parallel items,
            # named by a term of its own, is the plan's figure (its product names no award of the policy in force)
            return ask.kind is AskKind.FIGURE and self._plan_item_named(words, previous[0]) is not None
        hits = self.retriever.search(words, k=1, doc_ids=[document.id])
        if not hits or not hits[0].matched_terms:
            return False
        # "And for ethics review, how fast must the lead institution give its opinion?" after a plan's task: a topic
        # of its own that a document in force answers far better than the plan does is asked of that document
        return self.retriever.keyword_score(words) < OWN_TOPIC_SCORE or not self._answered_in_force(words, document.id)

    def _answered_in_force(self, words: str, document: str) -> bool:
        """Whether the best article for ``words`` is one of a document in force other than ``document``, and
        ``document``'s best scores under ``CLOSE_SCORE`` of it."""
        hits = self.retriever.search(words, k=HITS * 4, prefer_on=self.today)
        if not hits or hits[0].article.doc_id == document or not self.catalogue.get(hits[0].article.doc_id).in_force_on(self.today):
            return False
        there = next((h for h in hits if h.article.doc_id == document), None)
        return there is None or there.score < CLOSE_SCORE * hits[0].score

    def _figure_of_discussed(self, question: Question, session: Session) -> bool:
        """Whether a short turn asking only figures, naming no document or subject of its own, asks figures the
        explanatory document discussed (a reply, a press conference) states: one of its articles holds every word."""
        document = session.current_document
        if (document is None or question.document is not None or question.new_subject or not _short(question)
                or not all(a.kind is AskKind.FIGURE for a in question.asks)):
            return False
        return self._explanatory_article_holds(without_ask_words(question.text), document)

    def _figure_of_explanatory(self, ask: Ask, discussed: Article) -> bool:
        """Whether an amount asked after an explanatory document's article (a press answer, a reply) is a figure that
        document states, not an award: one of its articles holds every word the ask names ("成果转化合同金额")."""
        words = without_ask_words(ask.text.lower())
        return (self.retriever.keyword_score(words) >= MIN_KEYWORD_SCORE
                and self._explanatory_article_holds(words, discussed.doc_id))

    def _explanatory_article_holds(self, words: str, document: str) -> bool:
        """Whether ``document`` explains rather than sets measures (a reply, a press conference) and its best article
        for ``words`` holds every one of them."""
        if self.catalogue.get(document).kind in MEASURE_DOCUMENTS:
            return False
        hits = self.retriever.search(words, k=1, doc_ids=[document])
        return bool(hits) and self.retriever.holds_every_term(hits[0].article.chunk_id, words)

    def _continues_in_figures(self, question: Question, ask: Ask, previous: Sequence[Article]) -> bool:
        """Whether a short figure ask naming no document ("那国际前20的药企有几家把总部放上海", "how many newly listed
        companies were they aiming for") asks the document just discussed, when search would favour another (it is
        an explanatory one, or a plan no longer in force): its words find an article of it close to the best of all
        (``CLOSE_SCORE``)."""
        if (not previous or ask.kind is not AskKind.FIGURE or question.document is not None or question.new_subject
                or not _short(question)):
            return False
        document = self.catalogue.get(previous[0].doc_id)
        if document.kind in MEASURE_DOCUMENTS and document.in_force_on(self.today):
            return False
        words = without_ask_words(ask.text.lower())
        if self.retriever.keyword_score(words) < MIN_KEYWORD_SCORE:
            return False
        hits = self.retriever.search(words, k=HITS * 4, prefer_on=self.today)
        there = next((h for h in hits if h.article.doc_id == previous[0].doc_id), None)
        return bool(hits) and there is not None and there.score >= CLOSE_SCORE * hits[0].score

    @staticmethod
    def _asks_similar(ask: Ask) -> bool:
        """Whether an ask asks whether another document has the like of what was discussed ("Did the 2021 policy have
        something similar?"): the words stand in the clause that asks; one saying a like support exists and asking
        whether both can be had ("区里也有类似的补贴，两边能都拿吗") asks about overlap instead."""
        lex = lexicon()
        text = ask.text.lower()
        return has_word(asking_part(text), lex.similar_asked) and not asks_overlap(text)

    def _figure_elsewhere(self, ask: Ask, discussed: Article) -> bool:
        """Whether a figure ask's own words ("2019年以来上海有几个创新药在海外获批上市") are not all the discussed
        article's and find another article of another document clearly, the discussed one not close to it."""
        words = without_ask_words(ask.text.lower())
        if self.retriever.holds_every_term(discussed.chunk_id, words):
            return False
        hits = self.retriever.search(words, k=HITS)
        if not hits or hits[0].article.doc_id == discussed.doc_id:
            return False
        return not any(h.article.chunk_id == discussed.chunk_id and h.score >= CLOSE_SCORE * hits[0].score for h in hits)

    def _before_term(self, question: Question, ask: Ask) -> Article | None:
        """The validity article of the policy when an eligibility ask (or an amount asked with a yes/no: "能按新政策申请吗？
        能拿多少？") states a month before its term: its funding measures may already apply then ("2024年6月1日至7月31日
        期间…参照本意见执行"), or not yet; else None."""
        document = self.book.document
        asks_whether = ask.kind is AskKind.ELIGIBILITY or (ask.kind is AskKind.AMOUNT and ask.yes_no)
        if not asks_whether or question.document not in (None, document) or self.verdicts.month_against_term(question) >= 0:
            return None  # after the start, the measure's own conditions (and the term's end) decide
        # a month the ask names itself ("expenses our lab ran up in March 2024"), or, for one said before, a case or an
        # application in the ask's words or (a follow-up: "要是5月份完成的呢") in the turn before it
        own, text = ask.text.lower(), f"{ask.text} {question.context_text if ask.elliptical else ''}".lower()
        if not (stated_month(own) is not None or month_without_year(own) is not None
                or question.conversation_facts.tells_case() or any(a.text.lower() in own for a in question.facts.amounts)
                or has_word(text, lexicon().application_words) or has_word(text, lexicon().money_words)):
            return None  # "…industry hit 933.7 billion in 2023. And the line on the top-20 firms?": no case, no applying
        return self.retriever.article(f"{document}:validity")

    def _finds_clearly_in(self, words: str, doc_ids: list[str]) -> bool:
        """Whether ``words`` (lower case, no ask words) name a topic (``MIN_KEYWORD_SCORE``) that one article of
        ``doc_ids`` stands clearly first for: "这跟浦东方案的政府首购是同一回事吗" names the plan's 政府首购 task
        itself, so the topic discussed before is not carried into the plan. Inside a named document a word or two
        (``TOPIC_IN_DOCUMENT_SCORE``) name a topic: the other documents' words no longer compete."""
        if self.retriever.keyword_score(words) < TOPIC_IN_DOCUMENT_SCORE:
            return False
        hits = self.retriever.search(words, k=2, prefer_on=self.today, doc_ids=doc_ids)
        return bool(hits) and _stands_clear(hits)

    def _own_words_find(self, ask: Ask, measure: str | None) -> bool:
        """Whether the ask's own words (without ask words, nothing of the conversation added) find ``measure``'s
        article first and clearly above the next (``CLEAR_TOPIC_FACTOR``). A count of items ("两项加起来") names no
        topic: the policy's own "两项" is not the asker's."""
        words = lexicon().item_count.sub(" ", without_ask_words(ask.text.lower()))
        if measure is None or self.retriever.keyword_score(words) < MIN_KEYWORD_SCORE:
            return False
        hits = self.retriever.search(words, k=2, prefer_on=self.today)
        return (bool(hits) and hits[0].article.doc_id == self.book.document and hits[0].article.key == measure
                and _stands_clear(hits))

    def _takes_base_not_recalled(self, question: Question, found: str, recalled: str) -> bool:
        """Whether the turn states a base (a spend, a premium) that ``found``'s rules compute from and the recalled
        topic ``recalled`` cannot take: none of its rules computes from a base (fixed ceilings only)."""
        return (bool(question.facts.amounts_as(AmountRole.BASE))
                and any(rule.base is not None for rule in self.book.for_measure(found))
                and all(rule.base is None for rule in self.book.for_measure(recalled)))

    def _names_document(self, ask: Ask, document: str, plan: Plan) -> bool:
        """Whether one ask of several is about the document the message names: the ask names it or
        points at it, or has no topic of its own and follows an ask answered from it ("浦东方案里对研发
        有什么支持？多少钱？"). "能补多少？另外浦东有没有额外的支持？" asks the first ask of the main policy."""
        text = ask.text.lower()
        if document in self.catalogue.named_in(text) or points_at_document(text):
            return True
        if ask.kind is AskKind.VALIDITY and document == self.book.document and lexicon().city_policy_named.search(text):
            return True  # "…three quick things: when does Shanghai's current biomedicine support policy stop applying, …"
        if ask.kind is AskKind.VALIDITY and ask.detail == WHICH_DOCUMENT:
            return False  # "浦东那个方案还能申请吗？现在应该按哪个文件？": the document in force now is asked
        if (ask.kind is AskKind.VALIDITY and has_word(text, lexicon().term_subjects) and not self.catalogue.named_in(text)
                and not lexicon().city_policy_named.search(text)):
            return True  # "1）浦东方案的目标是几个？2）方案期限到什么时候？": the term of the document the message names
        before = plan.steps[-1].articles if plan.steps else []
        if not before or before[0].doc_id != document:
            return False
        words = without_ask_words(text)
        if self.retriever.keyword_score(words) < MIN_KEYWORD_SCORE:
            return True
        if ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY} or self.catalogue.named_in(text):
            return False
        # "浦东的行动方案什么时候到期，目标产业规模是多少？": a topic the document answers about as well as any other
        # document does is asked of it (its 4000亿元 target, not the reply's 9337亿元 of 2023)
        hits = self.retriever.search(words, k=HITS, prefer_on=self.today)
        return any(h.article.doc_id == document and h.score >= TIED_SCORE * hits[0].score for h in hits)

    def _outline(self, question: Question, ask: Ask) -> Step | None:
        """How many measures (a plan: tasks) the document asked about has and in which parts, counted from its own
        numbering ("新出的那个若干意见一共多少条措施？分成几大块？": （一）…（三十七）, 8 parts); the first and the last
        cited. None when the ask counts nothing of a document, or names a measure or task of its own."""
        text = ask.text.lower()
        if ask.kind not in {AskKind.FIGURE, AskKind.WHAT} or not lexicon().outline_asked.search(text):
            return None
        if labels_named(ask.text) or tasks_named(text) or not (
                question.document is not None or self.catalogue.named_in(text) or points_at_document(text)
                or lexicon().document_words.search(text)):
            return None
        document = question.document or next(iter(sorted(self.catalogue.named_in(text))), self.book.document)
        # "里面跟细胞治疗有关的有几条": a count of the measures on a topic of its own is no count of the document's: the
        # measures whose text names the topic are counted ("专门提到CRO的一共有几条措施，分别是第几条": （四）、（十二）)
        rest = lexicon().document_words.sub(" ", lexicon().outline_asked.sub(" ", without_ask_words(text)))
        items = [a for a in self.retriever.articles if a.doc_id == document and (a.key.isdigit() or holds_tasks(a.section))]
        topic = self.finder.without_name(rest, document)
        if self.retriever.keyword_score(topic) >= MIN_KEYWORD_SCORE:
            named = lexicon().outline_topic.search(text)
            said = next((g for g in named.groups() if g), "").strip() if named is not None else ""
            terms = [t for t in self.retriever.terms_used(said) if self.retriever.article_share(t) <= RARE_TERM_SHARE]
            naming = [a for a in items if any(self.retriever.holds_every_term(a.chunk_id, t) for t in terms)]
            if not naming:
                return None
            return Step(ask, Route.OUTLINE, naming, document=document, outline=naming, outline_topic=said)
        if not items:
            return None
        return Step(ask, Route.OUTLINE, [items[0], items[-1]], document=document, outline=items)

    def _joined(self, asks: Sequence[Ask]) -> list[Ask]:
        """Amount asks in a row are one when the later names no topic of its own ("…单个最多多少，一年
        最多多少？" about one measure); with a topic ("…展会最多多少？CMO每个品种最高多少？") each is its own."""
        joined: list[Ask] = []
        # ("上海这次对审评提速给了哪些数字？…、…、…分别是多少？", "写稿要用几个数：…是多少？…": the overview is answered by
        # the asks naming its parts)
        # ("要给客户讲几个数：新政说要推出多少平方米的…厂房？": the overview is the colon's preamble, a figure is asked after it)
        asks = [ask for number, ask in enumerate(asks) if not (
            ask.kind in {AskKind.WHAT, AskKind.FIGURE} and number + 1 < len(asks)
            and has_word(ask.text.lower(), lexicon().overview_asks) and not _asks_after_colon(ask.text.lower()))]
        for ask in asks:
            last = joined[-1] if joined else None
            if last is not None and lexicon().asks_if_stated.match(ask.text.lower()):
                continue  # "…总规模是多少亿？政策文件里有写明吗？": the ask before, whose answer says whether it is stated
            # "…具体补贴标准是多少？按研发投入的百分之几？": the award's share, asked after its amount, is that ask again;
            # the base the share is of ("研发投入") names no topic or rule
            share = ask.kind is AskKind.FIGURE and _asks_share(ask.text)
            text = ask.text.lower()
            if share:
                text = without_words(text, (*lexicon().figure_asks[SHARE].asked, *lexicon().share_of_words))
            # "I期投入2000万能拿多少？II期最多多少？": a rule the earlier ask does not name is an ask of its own
            other_rule = last is not None and any(rule_named(text, r) and not rule_named(last.text.lower(), r)
                                                  for r in self.book.rules)
            # "…政策给多少钱？有没有个具体数": an amount asked again in the words of an ask pattern names no topic either
            own = lexicon().kind_patterns[AskKind.AMOUNT].sub(" ", without_ask_words(text))
            if names_annual_cap(text):  # "…分别最多给多少？每个单位一年最多多少？": the cap of the measure just asked
                own = without_words(own, (*lexicon().annual_words, *lexicon().entity_words))
            # "…最高多少？一年最多能补几次满额？": how many items get the full ceiling is an ask of its own
            full_awards = bool(lexicon().full_awards_asked.search(ask.text.lower()))
            # "区里会再配套多少？比如是不是按1:1配套？": an example of the ask before it is that ask, put another way
            example = bool(lexicon().example_of_ask.match(ask.text.lower()))
            # ("一家单位一年累计有没有上限，是多少？": a bare "是多少" asks the amount before it again)
            bare = ask.kind is AskKind.FIGURE and not CHINESE_CHARACTER.search(own) and not re.search(r"[a-z]{3,}", own)
            # "听人讲1类新药一期最高能补3000万？…一期做完了，研发投入两千八百万，能拿多少": the figure heard of, then the
            # asker's own case of the same rule, is one ask, whose answer puts the figure heard right
            claimed = lexicon().roles["claimed"]
            heard_then_case = (last is not None and last.kind is AskKind.AMOUNT and ask.kind is AskKind.AMOUNT
                               and bool(claimed.search(last.text.lower())) and not claimed.search(text)
                               and any(rule_named(text, r) and rule_named(last.text.lower(), r) for r in self.book.rules))
            # "市里对团队有没有奖金？每个项目奖多少？": whether there is money, then how much, is one amount ask
            money_then_amount = (last is not None and last.kind in {AskKind.WHAT, AskKind.ELIGIBILITY}
                                 and ask.kind is AskKind.AMOUNT and has_word(last.text.lower(), lexicon().money_words))
            # "…目录多久更新一次？是每季度还是每半年？": the values offered for the detail asked before are that ask again
            offered = (last is not None and bool(last.detail) and last.detail in lexicon().details
                       and has_word(text, lexicon().details[last.detail].stated))
            # "…具体能拿多少钱补贴？是按研发投入比例给还是给定额？": how the amount just asked is set, that ask again
            offered = offered or (last is not None and last.kind is AskKind.AMOUNT and bool(lexicon().ways_offered.match(text)))
            # "…按投入的多少比例给？算下来能不能拿好几千万？": whether the sum asked reaches a figure, that ask again
            reaches = (last is not None and last.kind in {AskKind.AMOUNT, AskKind.FIGURE} and ask.kind is AskKind.ELIGIBILITY
                       and (bool(find_amounts(ask.text)) or has_word(text, lexicon().money_words))
                       and self.retriever.keyword_score(own) < MIN_KEYWORD_SCORE)
            # "…年产值4200万呢？总数会变成多少？": the total of the items just asked, that ask again
            total_again = last is not None and last.kind is AskKind.AMOUNT and bool(lexicon().total_again.match(text))
            if last is not None and (example or heard_then_case or offered or reaches or total_again or (
                    (last.kind is AskKind.AMOUNT or money_then_amount) and (ask.kind is AskKind.AMOUNT or share or bare)
                    and not ask.elliptical and not full_awards
                    and not other_rule and self.retriever.keyword_score(own) < (
                        OWN_TOPIC_SCORE if money_then_amount else MIN_KEYWORD_SCORE))):
                # ("重磅产品有没有奖励？比如…年销售第一次破10亿，会奖多少钱？": an example asking the sum asks the amount)
                kind = AskKind.AMOUNT if money_then_amount or (
                    example and ask.kind is AskKind.AMOUNT and last.kind is AskKind.WHAT) else last.kind
                joined[-1] = Ask(kind, f"{last.text}，{ask.text}", last.points_back, last.detail, last.elliptical)
            else:
                joined.append(ask)
        return joined

    # --- one ask ---------------------------------------------------------------------------------
    def _plan_ask(self, question: Question, ask: Ask, session: Session, previous: list[Article], plan: Plan,
                  language: Language) -> Step:
        outline = self._outline(question, ask)
        if outline is not None:  # "新出的那个若干意见一共多少条措施？分成几大块？": the document's own numbering counted
            return outline
        if asks_overlap(ask.text.lower()) or (len(question.asks) == 1 and asks_overlap(question.text)):
            # "同一个产品…先按2021年那轮老政策拿…，再按新政策再拿一次？两头都拿": the scope's rule on overlapping support
            # answers, whatever measures the case's other words find (its own words, quoted: whether a district's
            # matching support stacks is the districts' to say)
            scope = self._measure_article(SCOPE_KEY)
            lead = lead_clause(scope.text, AskKind.WHAT, " ".join(lexicon().overlap_rule_words))
            if lexicon().district_overlap.search(question.text):
                # "区里也给了临床补贴，市里的还能再拿吗": the districts' matching support the paragraph encourages too
                matching = lead_clause(scope.text, AskKind.WHAT, " ".join(lexicon().district_matching_words))
                lead = replace(lead, text=f"{lead.text}{matching.text}") if matching.text not in lead.text else lead
            return Step(ask, Route.LOOKUP, [scope], lead=lead)
        if (ask.kind in {AskKind.AMOUNT, AskKind.WHAT, AskKind.ELIGIBILITY} and not question.facts.amounts_as(AmountRole.BASE)
                and asks_district_matching("，".join(ASK_CLAUSE_MARK.split(ask.text.lower())[-2:]))):
            # "另外问下，金山区自己会不会再配套一笔，配多少？": the scope paragraph encourages the districts' matching support
            # and sets no amount
            scope = self._measure_article(SCOPE_KEY)
            return Step(ask, Route.NO_AMOUNT, [scope], lead=lead_clause(scope.text, AskKind.WHAT, " ".join(lexicon().district_matching_words)))
        unset = plan.steps[-1] if plan.steps and plan.steps[-1].route is Route.NOT_SPECIFIED else None
        if (unset is not None and ask.kind is AskKind.ELIGIBILITY and unset.detail in lexicon().floor_details
                and self.retriever.keyword_score(without_ask_words(ask.text.lower())) < OWN_TOPIC_SCORE):
            # "年营收门槛是多少？我们去年营收8亿元，够不够格？": the verdict turns on the floor just found unset
            return Step(ask, Route.NOT_SPECIFIED, unset.articles, detail=unset.detail)
        asked_before = plan.steps[-1].request if plan.steps else None  # "国际展会补贴最高多少？一年最多能补几次满额？"
        full = self._full_awards(ask.text, session, (asked_before.rules or list(asked_before.candidates)) if asked_before else (),
                                 previous[0].key if previous and previous[0].key in self.book.measures() else None)
        if full is not None:  # "所以一年最多几个品种能拿到满额": the annual cap over the award topic's ceiling
            return Step(ask, Route.FULL_AWARDS, [self._measure_article(full.rule.measure)], full_awards=full)
        uncapped = self._uncapped_measure(question, ask, previous[0] if previous and not plan.steps else None)
        if uncapped is not None:  # "海外注册这一条，每家每年有没有累计封顶？": （三十六） sets none, not （十二）'s 1亿
            return Step(ask, Route.NOT_SPECIFIED, [uncapped], detail=ANNUAL_CAP)
        capped = self._cap_of_award_before(ask, plan)
        if capped is not None:
            # "第一个，…三期做完上海最多能给多少；第二个，我们公司一年里如果多个品种同时申请，总的有没有上限": the yearly cap
            # of the award the ask before it asked, in that measure's own words
            return Step(ask, Route.LOOKUP, [capped], lead=lead_clause(capped.text, AskKind.WHAT, " ".join(lexicon().annual_words)))
        pointed_before = self._measure_pointed_before(ask, plan)
        if pointed_before is not None:
            # "想申请那个按受托产值给受托方补钱的政策。…这条政策文件里写的到底是哪几个部门负责": the measure the ask before
            # it in the message found
            return Step(ask, Route.DEPARTMENTS, [pointed_before])
        if ask.kind is not AskKind.VALIDITY and len(previous) > 1 and self._states_term(previous[0]):
            # "委托方是我们关联公司呢？" right after "这个政策还有效吗": the measure discussed before the validity turn
            previous = [a for a in previous if not self._states_term(a)] or previous
        if (not plan.steps and session.award is not None and previous and previous[0].key != session.award.measure
                and has_word(question.text, lexicon().return_words) and has_word(question.text, lexicon().money_words)):
            # "回到刚才的补贴，这个事情找哪些部门？" after a side question on a review time: the award discussed
            previous = [self._measure_article(session.award.measure), *previous]
        if question.recalled_text and not plan.steps:
            # "第一个问的那个是哪些部门负责": the article of the earlier turn pointed at is the one referred to
            pointed_at = self.finder.recalled_article(question)
            previous = [pointed_at] if pointed_at is not None else previous
        if ask.elliptical and ask.kind not in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY} and (
                self._recalled(ask, session) is not None or self._named_elsewhere(ask, session) is not None):
            # "那I期呢？" after a validity turn: the stage named is an award topic's, the award is asked again
            ask = replace(ask, kind=AskKind.AMOUNT)
        if (ask.kind is AskKind.AMOUNT and previous and not question.facts.amounts and not plan.steps
                and self._figure_of_explanatory(ask, previous[0])):
            ask = replace(ask, kind=AskKind.FIGURE, detail=MONEY_FIGURE)  # "那成果转化合同金额一共多少" after a press count
        topic = _ask_topic(ask)  # "要跟哪个部门联系": reaching a department is no topic (a letter's contact)
        # (an ask of the same message after another, "研究型床位占比多少？有没有资金支持？", asks it of the article just found)
        if ask.kind is AskKind.WHAT and bool(previous) and self._asks_money_only(topic):
            ask = replace(ask, kind=AskKind.AMOUNT)  # "有具体的资金额度吗" after a measure: the amount it sets, if any
        if ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE}:
            topic = without_words(topic, lexicon().plain_money_words)  # "有没有直接的资金额度？": money, no topic of its own
            if plan.steps:  # "…各补多少比例？上限分别是多少？": a ceiling asked of each, after another ask, names no topic
                topic = without_words(topic, sorted([*lexicon().ceiling_words, *lexicon().each_asked], key=len, reverse=True))
        if ask.kind is AskKind.DEPARTMENTS and previous and question.document == previous[0].doc_id:
            # "which Pudong departments own that task?" in a conversation about the Pudong plan: the plan's name is no
            # topic, the task discussed is the one asked
            topic = self.finder.without_name(topic, question.document)
        topic_is_empty = self.retriever.keyword_score(topic) < MIN_KEYWORD_SCORE
        other_label = any(key != previous[0].key for key in labels_named(ask.text)) if previous else False
        if ask.kind is AskKind.DEPARTMENTS and previous and not other_label and (topic_is_empty or (
                ask.points_back and not self._names_other_article(question, ask, previous))) and (
                question.document is None or question.document == previous[0].doc_id):
            # "示范应用那条是哪些部门负责" after another measure names the one it points at by its own words
            # "那市里的政策呢？" after "这项任务谁负责" names another document: that document's article is looked for
            # "Who do I contact about that?" after a verdict citing the scope before the measure: the measure's departments
            listing = next((a for a in previous if a.departments), None)
            contact = self._contact_step(ask, previous[0].doc_id) if listing is None else None
            if contact is not None:  # "有问题找谁？" about the reply letter, which lists no departments: its own contact
                return contact
            topics = session.award_topics()
            if listing is None and topics and previous[0].key == SCOPE_KEY:
                # "Which departments handle this?" after the scope's verdict on who applies: the measure discussed
                listing = self._measure_article(topics[0].measure)
            return Step(ask, Route.DEPARTMENTS, [listing or previous[0]])
        if ask.kind is AskKind.DEPARTMENTS and previous and question.document in (None, previous[0].doc_id):
            # "who administers the overseas trial support?" after a validity turn: the measure the conversation cited
            # that holds every word of the topic, not a letter that also speaks of it
            held = next((a for a in previous if a.departments and self.retriever.holds_every_term(a.chunk_id, topic)), None)
            if held is not None:
                return Step(ask, Route.DEPARTMENTS, [held])
        which = ask.kind is AskKind.VALIDITY and ask.detail == WHICH_DOCUMENT and question.document is None
        # "这个政策什么时候到期？" as a first turn: nothing discussed yet, so "this policy" is the one the service is about
        first_turn_policy = (not previous and not question.context_text and not plan.steps
                             and not without_words(without_ask_words(ask.text.lower()), lexicon().policy_self_words).strip(" ?？"))
        earlier_term = self._earlier_policy_term(ask) if ask.kind is AskKind.VALIDITY else None
        if earlier_term is not None:  # "2021年那个若干意见现在还有效吗": the sources only quote it
            return earlier_term
        named_document = question.document if question.document and not self._named_only_later(question, ask) else None
        if ask.kind is AskKind.VALIDITY and not which and (named_document or (previous and topic_is_empty) or first_turn_policy):
            document = named_document or (previous[0].doc_id if previous else self.book.document)
            mentioned = self.finder.mentioned_issue(ask, document, plan)
            if mentioned is not None:
                return mentioned
            articles = self.finder.document_articles(document, previous, ask.detail == ISSUED)
            # the asking clause's own words: the asker's case told before it names no article of the document
            # ("现在在排…一个海外注册计划,想知道市里24年那个…文件管到什么时候": from the words saying what is wanted)
            own = ask.own_words.lower()
            wanted = lexicon().wants_to_know.search(own)
            topic = self.finder.topic_in(own[wanted.start():] if wanted else own, document)
            # ("…对创新医疗器械上市有补贴。具体补多少钱？现在还能去申请吗？": an ask with no topic of its own applies for the
            # support the ask before it named)
            applied = ask if not (plan.steps and topic_is_empty) else replace(
                ask, text=f"{plan.steps[-1].ask.text}，{ask.text}")
            applying = has_word(ask.text.lower(), lexicon().applying_words)
            supported = applying and self._names_support_topic(
                self.finder.topic_in(_support_clauses(applied.text.lower()), document))
            if (ask.kind is AskKind.VALIDITY and self.catalogue.get(document).ended_for(self.today, question.conversation_facts.event_on)
                    and not QUOTED_TERM.search(applied.text) and supported):
                # "之前一直按浦东2022-2024那个方案申请新药临床支持，明年还能按那个方案申请吗" ("…方案里对新药临床有支持，我们
                # 现在还能申请吗"): a support of the ended plan asked for again is a no on the plan, with the measure in
                # force for the same support
                return self._plan_ask(question, replace(applied, kind=AskKind.ELIGIBILITY, yes_no=True), session, previous,
                                      plan, language)
            # "那个行动方案里提到“新药贷”，现在还能依据这个方案去申请吗？": the item holding the term quoted in the asking
            # sentence, first ("…方案现在还有效吗？我们想按里面说的“新药贷”试点去申请": the term, the quote a purpose)
            asking_sentence = asking_part(question.text)
            holding = [(term in asking_sentence, a) for term in QUOTED_TERM.findall(ask.text) for a in self.retriever.articles
                       if a.doc_id == document and term in a.text]
            if holding:
                in_asking, quoted = holding[0]
                others = [a for a in articles if a.chunk_id != quoted.chunk_id]
                articles = [quoted, *others] if in_asking else [*others, quoted]
            elif self.retriever.keyword_score(topic) >= OWN_TOPIC_SCORE and (supported or not applying) and (
                    self.retriever.keyword_score(self.finder.topic_in(asking_part(ask.own_words).lower(), document)) >= MIN_KEYWORD_SCORE):
                # "「规模达到4000亿」这个目标是哪份文件提的？还算数吗": the article the words stand in, first; an asker
                # applying for no support named ("朋友说目标是冲到4000亿，我们打算照那个方案去申请支持，那个方案现在还
                # 有效吗") asks the document's term, whatever else the message tells, as does a sentence asking of the
                # document alone after the goal it quotes ("…引用咗…嘅產業規模目標（4000億嗰個）。想確認吓呢份方案而家仲係咪有效？")
                found = self.retriever.search(topic, k=1, doc_ids=[document])
                if found and found[0].article.chunk_id not in {a.chunk_id for a in articles}:
                    # ("2029年上半年再去报（五）的补贴，到时候还在有效期里吗": the term asked for an application leads,
                    # the measure applied for after it)
                    articles = [*articles, found[0].article] if applying else [found[0].article, *articles]
            return Step(ask, Route.VALIDITY, articles, document=document)

        ended_before = self._ended_document_asked_again(question, ask, plan) if session.award is None else None
        if ended_before is not None:
            return ended_before
        early = self._before_term(question, ask)
        if early is not None:  # "2024年7月初的临床试验投入能按新政策申请吗": the funding period before the term decides
            policy = self.catalogue.get(early.doc_id)
            when = question.conversation_facts.event_on or self.today
            step = Step(ask, Route.ELIGIBILITY, [early], lead=Lead(term_sentence(early, policy, when)))
            funding = policy.funding_valid_from or policy.valid_from
            if funding and when >= funding and (question.facts.amounts or ask.kind is AskKind.AMOUNT):
                # "6月参加的展会花了10万，能按新政策申请吗": the funding period covers the month, so the measure the
                # words find computes the award of the amount stated, the yes leading; the term is cited after it
                # (planned as a plain amount, whose month is not looked at again; the yes/no is the ask's once planned);
                # an amount asked with no spend stated ("7月初立项的示范项目，能按它申请吗？最多多少？") gets the ceiling
                # the case and its fee, without the term the asker told ("…政策是8月1日才开始实施的"), find the measure
                award = self._plan_ask(question, replace(ask, kind=AskKind.AMOUNT, yes_no=False, text=without_told_term(ask.text)),
                                       session, previous, plan, language)
                award.ask = replace(award.ask, yes_no=True)
                if (award.route is Route.AWARD and award.estimate is not None) or (
                        award.route is Route.CEILINGS and not question.facts.amounts):
                    _cite_after(award, [early])
                    # the month is answered, not only cited; of several months ("2024年5月…；2024年7月…"), each item's
                    # own calculation says whether its month is in the term, and no one sentence speaks for all
                    if not any(a.on is not None for a in question.facts.amounts):
                        award.term_note = term_sentence(early, policy, when)
                    return award
            step.eligibility = (Eligibility(Verdict.NOT_ELIGIBLE, str(early.key), None, DOCUMENT_TERM) if funding and when < funding
                                else self.verdicts.measure_verdict(question, early))
            # "要是2024年5月做的呢，能按这个申请不" after （二十）'s award: the measure asked about is cited after the term,
            # so "刚才那个示范项目归哪个部门" later still finds it
            step.articles += [a for a in previous[:1] if a.doc_id == early.doc_id and a.key in self.book.measures()]
            return step
        discussed = plan.steps[-1].articles[:1] if plan.steps else previous[:1]
        if ask.detail == CONTACT and discussed and question.document in (None, discussed[0].doc_id) and self._detail_unstated(
                ask, discussed[0]) and self.retriever.keyword_score(
                without_words(without_ask_words(ask.text.lower()), lexicon().details[CONTACT].asked)) < MIN_KEYWORD_SCORE:
            # "CMO补贴找谁？联系电话是多少？": the contact of the measure just named, which states none (the reply
            # letter's contact is not the measure's; "going back to that reply letter — who is the contact person?" asks
            # the letter's); a document naming its own contact (the reply letter) is asked for it
            letter = self._contact_step(ask, discussed[0].doc_id, ask.kind)
            if letter is not None:
                return letter
            return Step(ask, Route.NOT_SPECIFIED, discussed, detail=ask.detail)
        refused = plan.last_step if plan.last_step is not None and plan.last_step.route is Route.OUT_OF_SCOPE else None
        if refused is not None and lexicon().comparison_asked.search(ask.text.lower()) and self.retriever.keyword_score(
                self.finder.topic_in(lexicon().comparison_asked.sub(" ", without_ask_words(ask.text.lower())), self.book.document)
        ) < MIN_KEYWORD_SCORE:
            # "2021年那版…里Ⅲ期临床给的上限是多少？我想跟新政对比一下涨了多少": the comparison needs what was refused
            return Step(ask, Route.OUT_OF_SCOPE, scope=refused.scope)
        earlier_policy = self._earlier_policy(ask, plan, question, previous)
        if earlier_policy is not None:  # "what did the 2021 policy offer for the same thing?": the sentence describing it
            return earlier_policy
        covered = self.finder.scope_article(question, ask, previous)
        if covered is not None:  # "这个若干意见到底覆盖哪些单位？": the document's scope article
            lead = lead_clause(covered.text, AskKind.WHAT, ask.text)
            if ask.kind is not AskKind.ELIGIBILITY:
                return Step(ask, Route.LOOKUP, [covered], lead=lead)
            # "我们在上海有全资子公司，子公司能申请吗？": the scope's verdict on who the asker says it is
            step = Step(ask, Route.ELIGIBILITY, [covered], lead=lead, eligibility=self.verdicts.measure_verdict(question, covered))
            self._about_the_asker(question, step, str(covered.key))  # "我是个人研究者…": what is meant for that kind
            return step
        # "那海外临床试验责任保险的保费补贴呢？" after the trade-fair measure names an article of its own: that one
        elsewhere_topic = bool(previous) and (ask.elliptical or question.follow_up) and self._names_other_article(question, ask, previous)
        # "And the Pudong plan, anything on patent pre-examination?" after a measure of the policy: a topic of its own,
        # asked of another document, is no longer the article discussed
        own_elsewhere = elsewhere_topic or (
            bool(previous) and question.document is not None and question.document != previous[0].doc_id
            and self.retriever.keyword_score(without_ask_words(self.finder.without_name(ask.text, question.document)))
            >= OWN_TOPIC_SCORE)
        # a short or elliptical ask ("如果对方是股东呢？") is about the article discussed: search with its title
        anchor = previous[0] if previous else None
        if ask.elliptical and len(previous) > 1:
            # "那如果换成我们只是参与机构、走简易审查程序呢？" after a turn answering （七） and （十）: of the articles discussed,
            # the one its own words find first
            discussed_ids = {a.chunk_id for a in previous}
            anchor = next((h.article for h in self.retriever.search(ask.text, k=HITS) if h.article.chunk_id in discussed_ids), anchor)
        # ("那新增上市企业的目标呢" after the Pudong plan's size goal: a topic of its own that article does not hold is
        # looked for as asked, within the document the conversation is about)
        own_words = without_ask_words(ask.text.lower())
        own_beside = (ask.elliptical and anchor is not None and anchor.doc_id != self.book.document
                      and self.retriever.keyword_score(own_words) >= MIN_KEYWORD_SCORE
                      and not self.retriever.holds_every_term(anchor.chunk_id, " ".join(
                          term for term in tokenize(own_words) if term not in anchor.section)))  # (目标 of 行动目标)
        query = f"{ask.text} {anchor.title}" if anchor is not None and not own_elsewhere and not own_beside and (
            len(ask.text) < 6 or ask.elliptical or question.adds_item) else ask.text
        if query == ask.text and ask.kind in {AskKind.DURATION, AskKind.FIGURE} and (asked := asking_part(ask.text)) != ask.text and (
                self.retriever.keyword_score(without_ask_words(asked.lower())) >= OWN_TOPIC_SCORE):
            # "We're a gene therapy start-up registered in Lingang. How long does the ethics review take?": a time or a
            # figure asked with a topic of its own is looked up by the sentence that asks; who the asker is is no topic
            query = asked
        # ("有个澳门客户在上海徐汇注册了一家医疗器械公司，想问三样嘢：第一，新政里面有没有讲到同港澳的合作": what is asked
        # of the policy follows the colon; the client's device company before it is no topic)
        if query == ask.text and ask.kind in {AskKind.DURATION, AskKind.FIGURE, AskKind.WHAT} and (
                asked := _after_preamble(ask.text)) != ask.text and (
                self.retriever.keyword_score(without_ask_words(asked.lower())) >= OWN_TOPIC_SCORE
                and not self.catalogue.named_in(ask.text[:-len(asked)].lower())):
            # "协会年底要给会员企业写个总结材料，想核对一下数字：…当时定的目标是新增多少家上市企业？": what the colon opens
            # is asked; the words before it say why, no topic
            query = asked
        if query == ask.text and any(a.role is AmountRole.CONTEXT for a in question.facts.amounts):
            # "…booth and travel cost RMB 90,000, and we signed letters of intent worth US$20 million": a figure no award is
            # paid on, and the clause telling it, are no topic to search by
            query = _without_context_clauses(query, question.facts.amounts)
        if query == ask.text and plan.steps and plan.steps[-1].articles and not ask.elliptical and self._repeats_subject(
                ask, plan.steps[-1]):
            # "想申请那个优惠利率的长期贷款贴息，贴几个点？贴息比例到底多少", "2024版“沪惠保”国内特药增加到几种？投保人数有多少？":
            # the subject of the ask before it, asked again or asked more of
            query = f"{plan.steps[-1].ask.text} {ask.text}"
        if ask.elliptical and plan.steps and question.document is not None and question.document != previous[0].doc_id:
            # "2021年那版政策对出海的创新产品支持多少？新政策又是多少？": the topic the ask before it named, in the
            # document this one names (the earlier document's title would find its own kind there); the sentence that
            # answered it says the topic in the sources' words ("对成功出海的…按研发投入30%，最高支持1000万元")
            answered = plan.steps[-1]
            said = BOOK_TITLE.sub(" ", answered.lead.sentence) if answered.lead else ""  # the other policy's own title is no topic
            earlier = YEAR_NAMED.sub(" ", f"{without_ask_words(answered.ask.text.lower())} {said}")
            for document_named in self.catalogue.named_in(earlier):
                earlier = self.finder.without_name(earlier, document_named)
            query = f"{ask.text} {without_words(earlier, lexicon().earlier_policy_named)}"
        if ask.kind is AskKind.DEPARTMENTS and not topic_is_empty:
            # "Who should we contact about the insurance subsidy?": the topic finds the measure, not the words "contact"
            query = without_ask_words(query.lower())
            clauses = [c for c in ASK_CLAUSE_MARK.split(ask.text.lower()) if c.strip()]
            if (len(clauses) > 1 and lexicon().departments_pointer.match(clauses[-1].strip())
                    and self.retriever.keyword_score(without_ask_words(clauses[-2])) >= OWN_TOPIC_SCORE):
                # "…病理切片图像数据要传出境训练模型…。新政里说在临港搞试点支持数据跨境，这个归哪些部门管啊": "这个" is the
                # clause right before it
                # ("…应用示范项目的支持，每个最高200万那个。这事归哪些部门管": a clause telling only its figure goes on
                # naming the thing of the clause before it)
                said_before = [*clauses[-3:-2], clauses[-2]] if find_amounts(clauses[-2]) else [clauses[-2]]
                query = without_ask_words(" ".join(said_before))
        of_discussed = topic_is_empty and self._asks_of_discussed(question, ask, previous, plan, session)
        if topic_is_empty and not plan.steps and not question.follow_up and question.context_text:
            topic = question.context_text  # "能拿多少？" after a turn that stated the case
            if previous and self.retriever.keyword_score(without_ask_words(topic)) < MIN_KEYWORD_SCORE:
                topic = previous[0].title  # "is there a money amount" after "which departments": the article discussed
            query = f"{topic} {ask.text}"
        if question.facts.entity_type is not None:
            # "我们是医院，能申请CMO支持吗": who asks is a fact of the case; the rest, when it has a topic, is searched
            topic = without_ask_words(without_asker(query))
            if self.retriever.is_about_policy(topic, MIN_KEYWORD_SCORE):
                query = topic
            rest = without_ask_words(without_kind_said(query.lower(), question.facts.entity_type))
            if ask.kind in {AskKind.DEPARTMENTS, AskKind.DURATION, AskKind.FIGURE} and self.retriever.keyword_score(rest) >= OWN_TOPIC_SCORE:
                # "我们台湾CDMO的上海子公司，QC实验室要从国外进一批微量检测用的标准品…哪几个单位负责": a kind that names a
                # measure's topic, said as who asks, is no topic of a departments, time or figure ask whose own words have
                # one ("…标准化厂房，我们是做细胞治疗CDMO的，…总共大概有多大面积")
                query = rest
        # ("an international CRO trade show": the show searched for, not the CRO measures)
        query = lexicon().kind_of_event.sub(lambda found: f" {found['event'] or found['event_zh']} ", query)
        if (question.facts.trial_location == "overseas" and lexicon().trial_named.search(ask.text)
                and not lexicon().abroad_trial.search(query)):
            # "the pivotal trial in Germany": a trial abroad, said in the sources' words, whatever place it names
            query = f"{query} {lexicon().abroad_trial_words}"
        # the one document the question names ("发布会上…", "浦东方案里…") or points at is where to look
        pointed = [question.document] if question.document and not self._named_only_later(question, ask) else None
        if (pointed == [self.book.document] and ask.kind is AskKind.WHAT
                and lexicon().earlier_version_compared.search(ask.text)):
            pointed = None  # "这次的新政跟2021年那一版比，主要改了啥": the press answer on what changed, not a measure
        if pointed and self._asks_now_after_ended(question, ask, pointed[0], plan):
            # "那这个方案现在还能用吗？…器械刚进了特别审查程序，现在能申请啥、多少钱？": the ended plan's term answered, what
            # can be applied for now is the policy in force's
            pointed = [self.book.document]
        # "In that same answer, what share …": the article just answered, whatever else the words find
        same_article = bool(previous) and not plan.steps and bool(lexicon().same_article.search(question.text))
        if same_article and pointed is None:
            pointed = [previous[0].doc_id]
        in_figures = pointed is None and self._continues_in_figures(question, ask, previous)
        if pointed is None and (in_figures or self._continues_in_plan(question, ask, previous)):
            pointed = [previous[0].doc_id]  # "人才方面呢" in a conversation about the Pudong plan: that plan's task
        labelled = [a for key in labels_named(ask.text) if (a := self.retriever.article(f"{self.book.document}:{key}"))]
        described = self._described_not_labelled(ask)
        if described is not None:
            # "第（二十四）条那个企业做智能化绿色化改造的": the label mistaken, the measure described by its own words
            labelled = [a for a in [self.retriever.article(f"{self.book.document}:{described}")] if a is not None]
            query = lexicon().article_label.sub(" ", query)
        if len(labelled) == 1 and (not pointed or pointed[0] == self.book.document):
            query = f"{labelled[0].title} {query}"  # "under measure 8": the measure named by its label, by its title too
        task = self.finder.task_named(ask, question.document)
        if task is not None:  # "第九项任务": the task of that number, in the document the conversation is about
            pointed = [task.doc_id]
            query = f"{task.title} {query}"
        # "再回到发布会，…": the turn returns to an earlier one's document; returning is no topic to search for
        returned = bool(question.recalled_text) and bool(previous) and not plan.steps
        if returned:
            query = without_words(query, lexicon().return_words).strip() or query
        # "据说境外注册那条是按研发投入的40%支持？": the share asked to be confirmed is checked against the measure found, not
        # searched for (（六）'s 40% is another measure's)
        search_query = (without_stated_shares(query).strip() or query) if ask.kind in {AskKind.WHAT, AskKind.FIGURE} else query
        carried = ""  # the topic discussed, carried into the other document the turn names (its sentence chooses the lead)
        if pointed:  # inside that document its own name is no evidence: search with the rest
            search_query = self.finder.without_name(query, pointed[0]) or query
            # ("Since that Pudong plan is old — what does the current city-wide policy offer…": nor another one's named)
            for named_too in sorted(documents_named(question.text, self.catalogue) - {pointed[0]}):
                search_query = self.finder.without_name(search_query, named_too) or search_query
            # "发布会上卫健委说了什么": the department named is found by its speaker, whom the rest no longer places
            search_query = " ".join(filter(None, [search_query, speaker_terms(query)]))
            own = without_ask_words(self.finder.without_name(ask.text, pointed[0]))
            if (not plan.steps and previous and previous[0].doc_id != pointed[0] and question.context_text
                    and self.retriever.keyword_score(own) < OWN_TOPIC_SCORE
                    and (ask.points_back or not self._finds_clearly_in(own, pointed))):
                # "那浦东的方案呢" / "市里的呢": the topic discussed, looked for in the other document; "这块" points at
                # it whatever the few words left find there ("现在2024年的新政策对这块上限变了吗": not （二十九）'s 上限)
                earlier = self.finder.topic_in(question.context_text, previous[0].doc_id)
                # the sentence of the article discussed the earlier words matched, in the sources' own words: an
                # English turn's few words ("what did the 2021 policy give for products that went overseas") find it
                # though they weigh little in the keyword index
                said = self._discussed_sentence(earlier, previous[0])
                if self.retriever.keyword_score(earlier) < OWN_TOPIC_SCORE:
                    # "这项任务谁负责" names no topic: the article it was about has one, in its title; the sentence
                    # found says it more closely than a long title (a press question's) would
                    earlier = "" if said else previous[0].title
                    said = said or self._discussed_sentence(earlier, previous[0])
                carried = f"{earlier} {said}".strip()
                search_query = f"{carried} {self.finder.without_name(ask.text, pointed[0])}"
            if plan.steps and self.retriever.keyword_score(without_ask_words(search_query)) < MIN_KEYWORD_SCORE:
                # "…展会能补多少？另外浦东有没有额外的支持？": the document's own words on the topic asked before
                search_query = f"{without_ask_words(plan.steps[-1].ask.text.lower())} {search_query}"
        # (a document's own name quoted names no item of it: "《…若干意见》")
        # (a quoted claim with a figure, "“按新政可获得600万元支持”", is what is checked, not the item's name)
        # (nor a measure described by what it says: "新政里讲企业数据出境要安全合规的那条，牵头是哪些部门")
        described_terms = [m[1] for m in lexicon().measure_described.finditer(ask.text)] if not labelled else []
        passage = " ".join(self.finder.without_name(term, pointed[0]) if pointed else term
                           for term in [*QUOTED_TERM.findall(ask.text), *described_terms]
                           if len(term) >= QUOTED_PASSAGE_MIN_CHARS and not find_amounts(term)).strip()
        if passage and self.retriever.keyword_score(passage) >= MIN_KEYWORD_SCORE:
            # "…浦东那个方案里“招大企业、鼓励在浦东设总部”那一条当时是哪几个部门负责的": the passage quoted names the item;
            # the asker's own case told around it (园区、招商、年度报告) does not
            search_query = passage
        similar_elsewhere = pointed is None and bool(previous) and not plan.steps and self._asks_similar(ask)
        if similar_elsewhere:
            # "Did the earlier 2021 policy have something similar?": the topic discussed, looked for in the other documents
            search_query = f"{self._discussed_topic(question, previous[0])} {search_query}"
            pointed = [d.id for d in self.catalogue.documents if d.id != previous[0].doc_id]
        # ("…按什么比例补？第二，市里这个政策本身有没有明确支持现代中药研制？": a later ask of the message pointing only at the
        # document points at no measure an earlier ask found)
        at_document_only = bool(plan.steps) and points_only_at_document(ask.text.lower())
        refers_back = (bool(previous) and question.follow_up and not question.new_subject and not pointed and not which
                       and not elsewhere_topic and not at_document_only)
        hits = []
        if ask.kind is AskKind.VALIDITY and not pointed and not refers_back:
            # "这份新政策哪天施行？" names no document: the documents in force on the day answer it first
            hits = self.retriever.search(search_query, k=HITS, in_force_on=self.today)
        if not hits:
            hits = self.retriever.search(search_query, k=HITS * 4 if refers_back else HITS, prefer_on=self.today, doc_ids=pointed)
        years = [f"{year}年" for year in NAMED_YEAR.findall(ask.text)]
        if similar_elsewhere and years:
            # "Did the 2021 policy have anything similar?": the articles that speak of that year first
            hits = sorted(hits, key=lambda h: not any(y in h.article.text for y in years))
        if refers_back:
            # a scope answer ("适用于我们吗" → who the policy covers) discussed the document, no measure: a follow-up
            # stating a condition ("我们跟客户没有投资关系，这重要吗") is about the measure its words find
            # ("…现在还能拿来申请支持吗？它定的2024年底产业规模目标是多少？": the article the ask before it found for the
            # document's term is no topic of a figure asked of the document)
            term_found = bool(plan.steps) and plan.steps[-1].route is Route.VALIDITY and ask.kind is not AskKind.VALIDITY
            if not term_found:
                hits = _favouring(hits, {a.chunk_id for a in previous if a.key != SCOPE_KEY})[:HITS]
            pointed_at = next((a for a in previous if a.key != SCOPE_KEY), None)
            # ("回到刚才提速那个，是靠哪个平台？" returns to an earlier turn, named by its words)
            if (ask.points_back and not term_found and pointed_at is not None
                    and not has_word(ask.text.lower(), lexicon().return_words)
                    and all(hit.article.chunk_id != pointed_at.chunk_id for hit in hits)):
                # "这两块市里给我们平台多少钱的奖励或者补贴？" after （三十三）'s trading zone and pilot: the words point at
                # what was discussed, which the asker's own words ("平台", "奖励") do not find
                hits = [Hit(pointed_at, hits[0].score if hits else 1.0, ()), *hits][:HITS]
        if returned:
            # "再回到发布会，成果转化的合同金额一共多少": the answer of the earlier turn returned to, over another
            # article of its document its words find about as well
            hits = _favouring(hits, {previous[0].chunk_id})
        if task is not None:
            hits = [Hit(task, hits[0].score if hits else 1.0, ()), *[h for h in hits if h.article.chunk_id != task.chunk_id]]
        elif same_article:
            hits = [Hit(previous[0], hits[0].score if hits else 1.0, ()), *[h for h in hits if h.article.chunk_id != previous[0].chunk_id]]
        elif of_discussed:
            hits = [Hit(previous[0], hits[0].score if hits else 1.0, ())]
        elif self._held_by_discussed(question, ask, previous, plan) and hits and hits[0].article.chunk_id != previous[0].chunk_id:
            # "Is there a specific amount the mother fund would put in?" after （二十七）, which names that fund: its
            # words are the article's; another that holds them too is not what the conversation is about
            hits = [Hit(previous[0], hits[0].score, ()), *[h for h in hits if h.article.chunk_id != previous[0].chunk_id]]
        device_class = device_class_named(ask.text, question.context_text if ask.elliptical or topic_is_empty else "")
        # (a yes/no on the asker's own device class, "Our Class III device: can it go through the Class II fast
        # track?", keeps the measure asked about: its condition on the class decides, and names the one that applies)
        if device_class is not None and hits and not (ask.kind is AskKind.ELIGIBILITY and question.facts.device_class):
            # "三类器械审评要多久": （十六）'s 第二类 does not answer for a Class III device; an article naming the class
            # asked comes first
            fits = [(fit, hit) for hit in hits if (fit := device_class_fit(hit.article.text, device_class)) is not None]
            if not fits:  # "那三类呢" after （十六）'s 第二类: the articles that name the class asked
                named_class = f"{lexicon().device_classes[device_class][1]} {search_query}"
                fits = [(fit, hit) for hit in self.retriever.search(named_class, k=HITS)
                        if (fit := device_class_fit(hit.article.text, device_class)) == 0]
            if ask.kind is AskKind.AMOUNT:
                # "Our Class III device … spent RMB 15 million, how much support?": （十五） names 第三类 and sets no
                # amount; naming the class puts first only the articles that set amounts
                fits = [(max(fit, 1) if _sets_no_amount(hit.article, self.book) else fit, hit) for fit, hit in fits]
            hits = [hit for _, hit in sorted(fits, key=lambda pair: pair[0])] or hits
        plan.retrieved.extend(h.article.chunk_id for h in hits if h.article.chunk_id not in plan.retrieved)
        # "补贴批下来多久能到账？": the sources' own support asked about in everyday words they never use
        # "那（二十）呢？": a measure named by its label is a topic of the policy, however few its words
        in_scope = bool(hits) and (any(self.retriever.is_about_policy(q, MIN_KEYWORD_SCORE) for q in dict.fromkeys((query, search_query)))
                                   or task is not None or in_figures or self.finder.sentence_counts_rare_term(search_query, ask, pointed)
                                   or asks_payout(ask.text.lower())
                                   or (self._asks_money_of(ask) and has_word(ask.text.lower(), lexicon().award_topic_words))
                                   or any(
                                       h.article.doc_id == self.book.document and h.article.key in labels_named(ask.text) for h in hits[:1]))
        award_slots = session.award
        short = _short(question)
        has_amounts = bool(question.facts.amounts)
        # a question naming a product or trial of its own starts a new subject: it is not the award before it
        # a statement answering the award asked just before follows up whatever its length
        # a short turn right after an award answer ("那一场最多多少来着") stays on that award unless its own words
        # clearly find another article
        # "2019年以来上海有几个创新药在海外获批上市？" after the overseas-registration award: a count of its own, not the award
        figure_of_its_own = (ask.kind is AskKind.FIGURE and bool(previous) and not topic_is_empty
                             and (self._figure_elsewhere(ask, previous[0]) or self._switched_to_figure(question, ask)))
        names_other = award_slots is not None and self._names_other_article(question, ask, previous)
        on_award = (award_slots is not None and any(a.key == award_slots.measure for a in previous)
                    and not figure_of_its_own and not names_other)
        # a turn naming another document than the award's ("那浦东的方案呢") is about that document
        other_document = question.document is not None and question.document != self.book.document
        # "改良型的能申请吗" after a (五) answer: another product, asked of the same measure
        same_measure = ask.kind is AskKind.ELIGIBILITY and on_award
        # "CMO一个品种最多补多少？CVC市里出不出钱，出多少？": a later amount ask of the message with a topic of its own is
        # no follow-up on the award the ask before it just answered ("…贴息最高多少？考核指标是什么？" asks that award's text)
        # ("两份保险加起来能补多少？另外伦理审查牵头机构多少天内要出意见？": a time limit or figure with a topic of its own too)
        own_topic_after = (bool(plan.steps) and ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.DURATION,
                                                             AskKind.FIGURE}
                           and not ask.elliptical and not topic_is_empty)
        follow_up = award_slots is not None and not other_document and not figure_of_its_own and not similar_elsewhere and not own_topic_after and (
            question.replies_to_ask or (short and (not question.new_subject or same_measure) and (
                question.follow_up or has_amounts or not in_scope or (question.bare_reply and not names_other) or on_award))
            # "ok back to business. If we do 12 such international events this year at about the same cost each, what's the
            # total?": an amount asked by a turn pointing back with no topic of its own follows up, however long
            or (ask.kind is AskKind.AMOUNT and question.follow_up and topic_is_empty and not question.new_subject
                and points_back(question.text.lower()))
            or (not plan.steps and self._revises_condition_of_topic(question, ask, award_slots.measure, previous))
            # "不好意思啊我刚才第一个说错了，注射剂那个不是3000万，是7000万，那现在一共多少": an item of the award put right,
            # however long the turn
            or (not plan.steps and has_amounts and (question.corrects_order is not None or question.corrects_yuan is not None)))

        if not in_scope and not follow_up and not (which and hits):
            # "现在应该按哪个文件" has no topic of its own: the documents in force today answer it
            # "…, and what documents are required?": a later ask of the message with no topic of its own
            # "what if we are mid sized …" right after an answer: a short follow-up about the article discussed
            # "if we registered in Hangzhou instead, would it still apply to us?": the registration stated is the
            # scope's condition of the article discussed, which decides
            if previous and (ask.points_back or (plan.steps and topic_is_empty) or (question.follow_up and short and topic_is_empty)
                             or (ask.kind is AskKind.ELIGIBILITY and question.facts.registered == "elsewhere")):
                hits = []
            else:
                return Step(ask, Route.OUT_OF_SCOPE, scope=ScopeVerdict(False, "no_match"))
        if ask.kind in {AskKind.FIGURE, AskKind.WHAT} and hits and self.catalogue.district_for_city(search_query, hits[0].article.doc_id):
            # "上海生物医药产业规模现在多大": the city's figure (the reply's 9337亿元), not a district plan's target
            hits = sorted(hits, key=lambda hit: self.catalogue.district_for_city(search_query, hit.article.doc_id))
        hits = self._paying_on_stated_kind(question, ask, hits) if not pointed else hits
        found_first = hits[0].article.chunk_id if hits else ""
        hits = self._asked_in_asking_sentence(ask, hits) if not pointed and not plan.steps and not previous else hits
        by_asking_sentence = bool(hits) and hits[0].article.chunk_id != found_first
        top = hits[0].article if hits else previous[0]
        scope_decides = self._asks_scope_of_registration(question, ask, topic)
        if scope_decides:
            # "我们公司注册在苏州，能申请这份若干意见里的补贴吗？": no measure named, the registration decides (支持范围)
            top = self._measure_article(SCOPE_KEY)
        if not hits and top.key == SCOPE_KEY and (read := self._measure_reading_stated_facts(question)) is not None:
            # "我们跟客户之间没有投资关系，这重要吗？" after a scope answer: the measure whose condition the fact meets
            top = self._measure_article(read)

        if ask.kind is AskKind.HOW_TO_APPLY:
            if (ask.points_back or topic_is_empty) and previous and previous[0].key in self.book.measures():
                # "这个补贴申报截止是什么时候？" after an award, or "Still valid? What's the deadline?" (no topic of its
                # own): the measure discussed, not one 申报 or a time limit finds
                top = previous[0]
            limit = _time_limit(ask, top)
            if limit is not None:  # "What's the deadline for a participating site?": （十）'s 5个工作日, no application's
                return Step(replace(ask, kind=AskKind.DURATION), Route.LOOKUP, [top], lead=limit)
            money = self._money_hit(hits, ask, question)  # "创新药补贴什么时候开始申报": the measure that pays it
            if money is not None:
                top = money.article
            elif self._states_term(top) and previous and not self._states_term(previous[0]):
                top = previous[0]  # "那申报截止日期呢？" after "还有效吗": the measure discussed, not the document's term
            return Step(ask, Route.NOT_SPECIFIED, [top])
        if ask.kind is AskKind.DEPARTMENTS:
            if not top.departments and hits and top.chunk_id == hits[0].article.chunk_id:
                # "浦东那个方案里，吸引大企业来浦东设总部、研发中心这块是哪些部门负责的": a goal lists no 责任单位; the
                # task of the same document its words find about as well lists them
                listing = next((hit.article for hit in hits[1:] if hit.article.doc_id == top.doc_id and hit.article.departments
                                and hit.score >= CLOSE_SCORE * hits[0].score), None)
                if listing is None and question.document is None and self.catalogue.get(top.doc_id).kind not in MEASURE_DOCUMENTS:
                    # "数据产品挂到数交所…数据传出境，这块市里是哪几个部门牵头？": a press answer retelling a measure names no
                    # 责任单位; the measure it retells, close behind, lists them
                    listing = next((hit.article for hit in hits[1:] if hit.article.doc_id == self.book.document
                                    and hit.article.departments and hit.score >= CLOSE_SCORE * hits[0].score), None)
                top = listing or top
            lead = lead_clause(top.text, AskKind.WHAT, ask.text)
            if not top.departments and not lexicon().department_name.search(lead.sentence):
                # ("政协那份第1228号提案（关于促进上海生物医药产业发展），市科委是会同哪些部门…": the proposal's title
                # the words find names none; of the sentences naming departments, the one the words find best)
                said_by = [part for part in re.split(r"(?<=[。；;])", top.text) if lexicon().department_name.search(part)]
                lead = lead_clause("".join(said_by), AskKind.WHAT, ask.text) if said_by else lead
            if not top.departments and lexicon().department_name.search(lead.sentence):
                # "市科委答复提案时，是会同哪些部门一起研究的？": a reply lists no 责任单位; its sentence naming them answers,
                # as does a plan's sentence naming the one department that coordinates ("由区科经委统筹，按季度跟踪…")
                return Step(ask, Route.LOOKUP, [top], lead=lead)
            contact = self._contact_step(ask, top.doc_id) if not top.departments and topic_is_empty else None
            if contact is not None:  # "有问题找谁？" of the reply letter, which lists none: its contact
                return contact
            return Step(ask, Route.DEPARTMENTS, [top])
        if ask.kind is AskKind.VALIDITY:
            return Step(ask, Route.VALIDITY, self.finder.document_articles(top.doc_id, [top], ask.detail == ISSUED),
                        document=top.doc_id)

        if self._detail_unstated(ask, top) and not has_amounts:
            return Step(ask, Route.NOT_SPECIFIED, [top], detail=ask.detail, lead=self._unset_lead(top, ask))
        # ("…有效期到什么时候？我们6月份发生的研发投入能不能算？": right after the term answered, the month asks of it)
        term_month = self._month_under_term(question, ask, pointed, after_term=bool(plan.steps) and plan.steps[-1].route is Route.VALIDITY)
        measure = self._award_measure(hits, question, ask) if in_scope and not scope_decides and term_month is None else None
        if measure is not None and self._money_of_discussed(question, ask, hits, previous, measure):
            measure = None  # "那我们上架交易的话，政府有没有挂牌补贴或者交易奖励？" after （三十三）: its money, which it sets none of
        if question.base_scaled is not None and ask.elliptical and session.award is not None:
            measure = session.award.measure  # "如果投入比这个多20%呢": the award discussed, its bases scaled
        named_detail = lexicon().details.get(ask.detail)
        if (measure is None and named_detail is not None and ask.kind is AskKind.AMOUNT and not has_amounts and hits
                and not has_word(top.text.lower(), named_detail.stated)):
            # "张江药谷的租金补贴是多少": no measure pays it and the article found states no rent terms
            return Step(ask, Route.NOT_SPECIFIED, [top], detail=ask.detail, lead=self._unset_lead(top, ask))
        if (measure is None and not hits and (not plan.steps or (topic_is_empty and ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE}))
                and top.doc_id == self.book.document
                and top.key in self.book.measures()):
            # a short follow-up on the measure discussed ("so can we get both added up"), or a later ask of the message
            # with no topic of its own ("…: which departments handle it, and what's the maximum?")
            measure = str(top.key)
        if self._states_base_of_discussed(question, ask, previous, plan) and not elsewhere_topic:
            # "Our R&D spend on that product was RMB 25 million." after （三十六）'s terms: that measure's award
            measure = str(previous[0].key)
        # a statement answering the award asked before reads as that ask with the statement, whose words name the
        # earlier topic's rule ("1类新药国内I期…，那医疗器械呢？我们另一个产品进了…特别审查程序"): the statement's own
        # words recall a topic, not the ask it answers
        recalled = self._recalled(replace(ask, text=question.text) if question.replies_to_ask else ask, session) if follow_up else None
        before = plan.steps[-1].request if plan.steps and ask.kind in {AskKind.AMOUNT, AskKind.ELIGIBILITY} else None
        # "…另外在海外做临床试验项目本身最多多少？": an ask with a topic of its own that names a rule of its own
        # measure stays there; a bare "海外的最高多少？" asks the measure before it for its other rule
        names_own = measure is not None and any(rule_named(ask.text.lower(), r) for r in self.book.for_measure(measure)) and (
            self.retriever.keyword_score(without_ask_words(ask.text.lower())) >= OWN_TOPIC_SCORE)
        if before is not None and measure != before.measure and (ask.elliptical or not names_own) and any(
                rule_named(ask.text.lower(), rule) for rule in self.book.for_measure(before.measure)):
            measure = before.measure  # "国内的最高多少？海外的最高多少？": the same measure's other rule
        # "does the city also subsidise interest on loans?" after （二十九）'s guarantees: its own words find the measure
        # discussed (信贷贴息), whatever other measure's rule their "interest" names
        finds_discussed = measure in {t.measure for t in session.award_topics()} and self._own_words_find(ask, measure)
        elsewhere = self._named_elsewhere(ask, session) if follow_up and recalled is None and not finds_discussed else None
        if recalled is not None and measure not in (None, recalled.measure) and self._own_words_find(ask, measure):
            recalled = None  # "那海外临床的保险呢" after (十二): its own words find (十三) clearly, whose rule "海外" names too
        if recalled is not None and measure not in (None, recalled.measure) and self._takes_base_not_recalled(
                question, str(measure), recalled.measure):
            recalled = None  # "为这个海外试验买了责任险，保费260万" after (十二)'s fixed ceiling: the premium is (十三)'s base
        returned_to = self._returned_kind_topic(question, session) if not plan.steps else None
        if returned_to is not None:  # "Back to the CRO: …two such projects…": the topic the kind named was discussed as
            measure = returned_to.measure
        elif recalled is not None:  # "那III期呢？" names a rule of a topic discussed before: that topic
            measure = recalled.measure
        elif elsewhere is not None:  # "那III期呢？" in a CMO conversation: the one measure that has that stage
            measure = elsewhere
        elif follow_up and award_slots is not None and (
                (measure is None and not (elsewhere_topic and not question.facts.tells_case()))
                or (ask.kind not in {AskKind.AMOUNT, AskKind.ELIGIBILITY} and not elsewhere_topic)
                or (question.facts.amounts_as(AmountRole.RECEIVED) and not self._own_words_find(ask, measure))
                or (question.asks_total and (len(award_slots.seen) > 1 or (question.facts.item_count or 0) > 1
                                             or (count_summed(question.text.lower()) or 0) > 1)
                    and not self._own_words_find(ask, measure))
                or (question.asks_annual_cap and (
                    not self._sets_annual_cap(measure) or not self._own_words_find(ask, measure)))):
            # "今年已经拿了48万，这次还能拿多少" after a trade-fair award: what that measure's annual cap has left
            # "同一年两段加起来会超过上限吗" after two items computed: their total, under that measure's annual cap;
            # "我們一共做三個項目，合計呢？" after one project's ceiling: that many of the measure's items
            # "这个每年上限是多少？" after a CMO award: the annual cap of the measure discussed, not a ceiling its words
            # find in a measure that sets no annual cap (（二十九）'s 担保额度上限), or whose own words find no measure;
            # "那一家医院一年最多能拿几个项目、累计上限是多少？" after （二十）, which sets none: still （二十）, whose cap is unset
            # ("一年一个单位最多拿多少" after （六）'s awards: （六）'s cap, not （五）'s that the earlier R&D words find)
            # "那III期呢" stays on the award; "那海外临床试验责任保险的保费补贴呢" names its own, and so does "And for young
            # researchers like me, is there anything?" whose words find a measure without award rules clearly; "What
            # about a hospital, can it apply?" puts another asker to the measure discussed
            measure = award_slots.measure
        pointed_measure = self._pointed_measure(question, previous, plan)
        if ask.kind is AskKind.AMOUNT and pointed_measure is not None and not has_amounts:
            # "第一项一个单位一年累计最多多少": the measure of the earlier turn pointed at, not the last one's
            measure = pointed_measure
        if measure and award_slots is not None and follow_up and measure == award_slots.measure and self._asks_text_of_award(question, ask, measure):
            # "考核看什么指标？" / "How is performance measured for that scheme?" after an award: what the measure's
            # text says on that, not its award again
            article = self._measure_article(measure)
            return Step(ask, Route.LOOKUP, [article], lead=lead_clause(article.text, ask.kind, ask.text))
        # "有没有贷款贴息？贴多少": an amount ask with no topic of its own names its part by the ask of the message before it
        priced_ask = replace(ask, text=f"{plan.steps[-1].ask.text} {ask.text}") if (
            (ask.elliptical or topic_is_empty) and plan.steps) else ask
        # ("…信贷贴息，我们贷了三千万，能贴几个点？": a rate asked of the unpriced part, whatever the case's amounts)
        # ("…贴息，请问市里贴几个点，最多能贴多少钱？": the amount asked right after that rate, of the same part)
        unpriced_before = bool(plan.steps) and plan.steps[-1].route is Route.NO_AMOUNT and topic_is_empty
        # ("Our biotech is taking a bank loan of RMB 80 million … interest subsidies … what's the rate or amount": the
        # loan is no base of the guarantees, the part asked is priced by no rule; an amount stated in a follow-up on an
        # award, "那如果是另一个小一点的国际学术会，只花了6万呢", is that award's base)
        unpriced = self._unpriced_part(priced_ask, measure, case_amounts=True) if measure and recalled is None and (
            not has_amounts or ask.kind is AskKind.FIGURE or unpriced_before or not follow_up) else None
        if measure and unpriced is not None:
            if (ask.kind in {AskKind.WHAT, AskKind.ELIGIBILITY} and _asks_only_whether_supported(ask)
                    and not question.facts.tells_case()):
                # "does the city also subsidise interest on loans?": yes, the sentence saying so answers; no amount is asked
                return Step(ask, Route.LOOKUP, [self._measure_article(measure)], lead=unpriced)
            # "重点产业优惠利率长期信贷贴息，能贴多少？": （二十九） names 贴息 and sets no amount for it (its ceilings are the
            # guarantees'), so the amount is not specified
            return Step(ask, Route.NO_AMOUNT, [self._measure_article(measure)], lead=unpriced,
                        unpaid=self._unpaid_rules(priced_ask.text.lower(), measure))
        # "is there any support for trial insurance premiums?" tells no case of the asker's to judge: the measure's terms
        # ("我们的新药已经在欧洲上市销售了，能申请…的支持吗" tells one: the product's sale abroad)
        support_exists = (ask.kind is AskKind.ELIGIBILITY and bool(lexicon().support_exists_asked.search(ask.text))
                          and not question.facts.tells_case() and not question.facts.states_subject()
                          and not question.facts.sold_abroad and question.facts.regulator is None)
        if (ask.kind is AskKind.FIGURE and ask.detail == COUNT_FIGURE and measure and follow_up and not has_amounts
                and not lexicon().hypothetical.search(question.text)):
            # "how many such projects can one hospital get per year?" after （二十）'s award: a count asked of the
            # measure discussed, which its text states or leaves unsaid; its award is not asked again ("要是跑了十几个展呢"
            # supposes a count: the award of that many items answers)
            article = self._measure_article(measure)
            counted = lead_clause(article.text, ask.kind, ask.text, lexicon().figure_asks[COUNT_FIGURE].stated)
            if not counted.figure:
                return Step(ask, Route.NOT_SPECIFIED, [article], detail=ask.detail)
            return Step(ask, Route.LOOKUP, [article], lead=counted)
        # ("那审评一般要多久？" after （六）'s verdict: a time asked is no award asked again)
        wants_award = ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY} or has_amounts or (
            follow_up and ask.kind is not AskKind.DURATION)
        # "…贴息一个项目一年最多多少？考核看什么？": a later what-ask of the message, with no amount, asks what the measure
        # says, not its award again
        what_after = ask.kind is AskKind.WHAT and bool(plan.steps) and not has_amounts and not ask.elliptical
        if measure and wants_award and (ask.kind is not AskKind.WHAT or has_amounts or (follow_up and not what_after)) and not (
                support_exists and not has_amounts):
            # ("…对智能化、绿色化改造有支持吧？我们项目总投资1.5亿，最多给多少？": the earlier ask of the message on the same
            # measure names the rule the amount ask's own words do not)
            before_on_measure = (plan.steps and plan.steps[-1].articles and plan.steps[-1].articles[0].key == measure
                                 and not lexicon().another_case_opening.search(ask.text))
            return self._award(question, ask, measure, session, language,
                               plan.steps[-1].ask if plan.steps and (ask.elliptical or before_on_measure) else None)
        if measure and not has_amounts and (support_exists or (ask.kind is AskKind.WHAT and asks_support_terms(ask.text.lower()))):
            # "对产品出海注册是怎么规定的", "产品要去美国FDA注册，有什么支持？", "is there help with trial insurance
            # premiums?": the terms of a measure that sets amounts are its ceilings and rates, all of them; asked yes
            # or no, the yes leads them
            terms_ask = replace(ask, kind=AskKind.AMOUNT) if support_exists else ask
            step = self._award(replace(question, asks_ceiling=True), terms_ask, measure, session, language)
            if step.route is Route.CEILINGS and step.request is not None and not step.corrections:
                named = [r for r in step.request.candidates if _names_specifically(ask.text.lower(), r)]
                step.request.rules = named if len(named) == 1 else []  # "去美国FDA注册": the rule named, else all
                step.ask = replace(step.ask, yes_no=support_exists or asks_yes_or_no(ask.own_words.lower()) or bool(
                    lexicon().support_exists_asked.search(ask.own_words)))
                # who gets it, on what terms, after the figures: said by the measure's own article
                terms_of = top if top.doc_id == self.book.document and top.key == measure else self._measure_article(measure)
                step.lead = lead_clause(terms_of.text, AskKind.WHAT, ask.text)
            return step
        if (ask.kind is AskKind.AMOUNT and pointed is None and hits
                and self.catalogue.get(top.doc_id).kind is DocumentKind.PRESS_QA and not states_amount(top.text)):
            # "How much will the state-owned capital or the mother fund put into it?": the press answer that retells
            # （二十七） states no sum; the policy's measure close behind it, which sets none either, answers
            retold = next((hit.article for hit in hits[1:HITS] if hit.score >= CLOSE_SCORE * hits[0].score
                          and hit.article.doc_id == self.book.document and _sets_no_amount(hit.article, self.book)), None)
            top = retold or top
        names_money = has_word(ask.text.lower(), lexicon().money_words)
        # "浦东方案里对改良型新药研发给多少钱支持？": a district plan's task that supports and states no amount, as a
        # measure of the policy that sets none; so does the reply letter's part on a field ("How much grant money per
        # project is on offer for synbio?": 一、五是 "研究制定…合成生物学…等行动方案" names no sum)
        unpriced_task = (self.catalogue.get(top.doc_id).kind in {DocumentKind.DISTRICT_PLAN, DocumentKind.REPLY_LETTER}
                         and ask.kind is AskKind.AMOUNT and not states_amount(top.text))
        # "研究型病房建设有没有专项经费？": whether money is given, asked of a measure that sets no amount
        money_asked = names_money and _sets_no_amount(top, self.book) and (
            ask.kind is AskKind.ELIGIBILITY or (ask.kind is AskKind.WHAT and _asks_only_whether_supported(ask)))
        if (top.doc_id == self.book.document or unpriced_task) and (
                ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE} or money_asked):
            close = self._close_award_articles(hits) if ask.kind is AskKind.AMOUNT and not plan.steps else []
            if len(close) > 1:
                # "我们的临床试验做完了，市里能补多少钱？": several measures that set amounts fit alike; which one is asked
                return Step(ask, Route.CLARIFY_MEASURE, close)
            # "上海对AI制药有资金支持吗": the measure supports, the text sets no amount; a plan's task, its sentence
            # naming what is asked ("加大创新药、改良型新药…研发支持力度")
            return Step(ask, Route.NO_AMOUNT, [top], lead=lead_clause(top.text, AskKind.WHAT, "支持 " + priced_ask.text,
                                                                     support=not unpriced_task))
        if (ask.kind is AskKind.WHAT and _sets_no_amount(top, self.book) and lexicon().support_asked.search(ask.text)
                and any(word in top.text for word in lexicon().case_by_case)):
            # "顶尖科学家来上海有什么支持": （三） supports "按照“一事一议”原则", the amount is not specified
            return Step(ask, Route.NO_AMOUNT, [top], lead=lead_clause(top.text, AskKind.WHAT, "支持 " + ask.text, support=True))
        own_class = question.facts.device_class
        if (ask.kind in {AskKind.WHAT, AskKind.ELIGIBILITY} and hits and not topic_is_empty and not refers_back and not returned
                and not same_article and not similar_elsewhere and not by_asking_sentence
                and not (ask.kind is AskKind.ELIGIBILITY and own_class and names_other_device_class(ask.text, own_class))):
            # a yes/no on another class's track than the asker's own device's is decided by that track's measure, not
            # by the sentence naming the asker's class
            top = self.finder.sentence_decides(search_query, hits, pointed) or top
        if ask.kind is AskKind.ELIGIBILITY and pointed is None:
            # "Can it go through the Class II fast track, the one with 40 working days?": the press retells （十六）'s
            # figure; a yes/no is decided by the policy's measure that states it
            top = self._measure_retold(top, hits, ask) or top
        month = question.conversation_facts.event_on
        if term_month is not None:
            top, month = term_month
        # "浦东2022年出的那个…行动方案，我们现在还能依据它去申报支持吗？": the ended plan as a whole, no task of it named;
        # its article naming the year it ended, not a task the apply words happen to find (nor its quote)
        whole_document = (ask.kind is AskKind.ELIGIBILITY and question.document == top.doc_id and not ask.elliptical
                          and not (question.follow_up and question.context_text)
                          and self.catalogue.get(top.doc_id).ended_for(self.today, question.conversation_facts.event_on)
                          and self._names_no_item(ask, top.doc_id))
        if whole_document:
            top = self.finder.document_articles(top.doc_id, [])[0]
        if (ask.kind is AskKind.ELIGIBILITY and (heard_of := next((a for a in question.facts.amounts if a.role is AmountRole.CLAIMED
                                                                   and a.text in ask.own_words), None)) is not None
                and asks_to_confirm(ask.own_words)
                and _sets_no_amount(top, self.book)
                and not lexicon().ability_asked.search(ask.own_words.split(heard_of.text, 1)[1])
                and (set_up := self._unset_lead(top, ask)) is not None):
            # "听说市里最高能给5000万，是真的吗？" of （三）'s 一事一议: whether the figure heard is true, no verdict on the
            # asker (the words after the figure ask no "能…吗"); the text sets no amount, what the measure sets up follows
            return Step(replace(ask, kind=AskKind.WHAT), Route.NO_AMOUNT, [top], lead=set_up)
        if ask.kind is AskKind.ELIGIBILITY:
            lead = lead_clause(top.text, AskKind.WHAT, ask.text)
            if month is not None and top.chunk_id == f"{top.doc_id}:validity":
                # "a project of June 2024, does the policy apply?": the sentence on the period that month falls in
                lead = Lead(term_sentence(top, self.catalogue.get(top.doc_id), month))
            step = Step(ask, Route.ELIGIBILITY, [top], lead=None if whole_document else lead)
            step.eligibility = self.verdicts.measure_verdict(question, top, lead.sentence or lead.text)
            if self.catalogue.get(top.doc_id).ended_for(self.today, question.conversation_facts.event_on):
                # "按浦东那个2022-2024方案里对新药临床的支持，今年去申请还可以吗": the plan has ended; the measure of
                # the policy in force that its words find is the same kind of support, named after the no
                step.eligibility = Eligibility(Verdict.NOT_ELIGIBLE, str(top.key), None, DOCUMENT_TERM)
                if session.award is None and not (self._names_support_topic(self._plan_words(search_query, top.doc_id))
                                                  and self._names_support_topic(self._plan_words(question.text.lower(), top.doc_id))):
                    # ("浦东那个三年行动方案，还能按它来申请东西不？": no support of the plan named, only the plan, and none
                    # discussed; its term says the no, and no measure in force is the same kind of support)
                    step.articles = self.finder.document_articles(top.doc_id, previous, False)[:1] or step.articles
                    step.lead = None
                    return step
                asked = f"{top.title} {self.finder.without_name(search_query, top.doc_id)}"  # the plan's item, as the asker put it
                found = self.retriever.search(asked, k=HITS, doc_ids=[self.book.document])
                # a measure that funds, as the plan's support did, when the item's words find one first ("set up an R&D
                # centre in Zhangjiang": the policy's best is （三十四）'s foreign R&D centres, which fund nothing; no
                # funding measure further down is the same kind of support)
                # ("浦东…方案，对创新医疗器械上市有补贴…还能去申请吗": money asked, a funding measure tied with the top
                # hit, （六） beside （十九）'s 医保 terms, is that support)
                # ("Does Pudong's plan still support innovative medical devices? Can we apply under it now?": the plan's
                # support asked for, in the asker's own words, is its funding too)
                money_asked = has_word(asked.lower(), lexicon().money_words) or (
                    has_word(search_query.lower(), lexicon().support_named) and has_word(ask.text.lower(), lexicon().applying_words))
                current = [hit.article for hit in found if hit.article.key in self.book.measures() and (
                    hit is found[0] or hit.score >= TIED_SCORE * found[0].score)] if found and (
                    found[0].article.key in self.book.measures() or money_asked) else []
                # (a device start-up's conversation on （六）: of the measures the plan's item finds, the one discussed)
                measures_discussed = {topic.measure for topic in session.award_topics()}
                current.sort(key=lambda article: str(article.key) not in measures_discussed)
                if session.award is not None and not holds_tasks(top.section) and (
                        not current or str(current[0].key) not in measures_discussed):
                    # ("浦东那个方案还能按它申请吗" as a whole, after （六）'s award): the support discussed is the kind asked
                    current = [self._measure_article(session.award.measure)]
                step.articles = [*step.articles, *current[:1]]
                return step
            if step.eligibility.verdict is Verdict.ELIGIBLE and _forbids(lead, ask):
                # "医院能以药占比为理由不让新药进院吗": the answering sentence says 不得 to that
                step.eligibility = Eligibility(Verdict.NOT_ELIGIBLE, str(top.key), None, FORBIDDEN)
                return step
            if step.eligibility.verdict is Verdict.NOT_ELIGIBLE:
                step.articles = [*self._condition_articles(step.eligibility.condition, top.key), *step.articles]
                instead = self.retriever.article(f"{self.book.document}:{step.eligibility.instead}") if (
                    step.eligibility.instead) else None
                if instead is not None:  # "三类器械能走二类那个40个工作日吗": （十五） serves the case, named first
                    step.articles = [instead, *step.articles]
                self._about_the_asker(question, step, str(top.key))
            return step
        figure_ask = lexicon().figure_asks.get(ask.detail) if ask.kind is AskKind.FIGURE else None
        units = figure_ask.stated if figure_ask else ()
        asked_units = set(lexicon().count_unit_asked.findall(ask.text)) if ask.detail == COUNT_FIGURE else set()
        if len(asked_units) == 1 and (unit := asked_units.pop()) != "个" and unit in units:
            units = (unit,)  # "有几家把总部放在上海": a count of firms, stated in 家
        # "浦东那个生物医药行动方案里对CMO有什么说法": the words naming the document choose no sentence of it
        naming = self.finder.naming(top.doc_id) if question.document == top.doc_id else frozenset()
        lead = lead_clause(top.text, ask.kind, f"{ask.text} {carried}" if carried else ask.text, units, naming)
        if ask.kind is AskKind.WHAT:  # "A和B有什么区别": A's sentence and B's, not the one of them sharing most words
            lead = compared_lead(top.text, ask.text, lead)
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and hits and not pointed and top.doc_id != self.book.document:
            # "上海推出多少平方米标准化厂房": a close article of the policy itself whose sentence states the figure
            # in the question's own words wins over a reply's (（二十五）"推出500万平方米…", not the reply's 189万)
            for hit in hits[1:HITS]:
                if hit.score < CLOSE_SCORE * hits[0].score:
                    break
                if hit.article.doc_id != self.book.document:
                    continue
                other = lead_clause(hit.article.text, ask.kind, ask.text, units)
                if other.figure and (not lead.figure or other.score > lead.score):
                    top, lead = hit.article, other
            # the same, sentence by sentence: the reply's one-line fact outranks a measure of several sentences
            # ("听说上海要推出一大批生物医药标准厂房，总共有多大面积？"), not the measure's sentence stating it
            stated = self.finder.sentence_stating(search_query, ask, units, of_document=self.book.document) if (
                top.doc_id != self.book.document) else None
            if stated is not None:
                top, lead = stated
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and not lead.figure and not topic_is_empty:
            # "上海现在有多少家有临床试验资格的医疗机构？": the best article states no such figure; a sentence
            # matching the question's own words as well as the best one does and stating the figure answers,
            # wherever it stands (a press answer states background facts in one sentence of a thousand
            # characters). An ask with no topic of its own ("门槛是多少产值？" after a measure) is the
            # article's: a figure found elsewhere by its few words would answer another question.
            # "上海生物医药产业母基金规模多大？": （二十六）, in force, names the 母基金 and sets no size; the expired
            # Pudong plan's 产业规模4000亿元, not named, does not answer in its place, nor does a sentence without the
            # rare word of the question the best article holds (the city's own name, 全市, is no such word)
            # (the words naming the document are no such word, nor is a single character: "那场政策发布会上说…多少位两院院士")
            rare_held = tuple(term for term in dict.fromkeys(tokenize(self.finder.without_name(search_query, top.doc_id).lower()))
                         if 0 < self.retriever.article_share(term) <= RARE_TERM_SHARE and term in top.text
                         and term not in self.catalogue.city_names and len(term) > 1)
            # (who the asker is, told in a sentence before the one that asks, finds no figure: "We're a listed CDMO
            # planning a CVC fund. What percentage will the mother fund put in?" is not （二十四）'s 10%); what the
            # sentence before names still has to be found too: "Our product is a Class III medical device. Is there a
            # guaranteed review timeline, like X working days?" is not （十四）'s 60 working days for drugs
            stated = self.finder.sentence_stating(search_query, ask, units, pointed, holding=rare_held, beside=top)
            asked = asking_part(ask.text)
            if stated is not None and asked != ask.text and self.retriever.keyword_score(
                    without_ask_words(asked.lower())) >= MIN_KEYWORD_SCORE:
                stated = self.finder.sentence_stating(asked, ask, units, pointed, holding=rare_held, beside=top)
            # ("上海有哪些生物医药产业基金，规模多大": the size of the funds the best article names, not the Pudong plan's
            # 产业规模4000亿元, a size of something else)
            measured = lexicon().measured_subject.search(ask.text)
            if stated is not None and measured and measured[1] in top.text and measured[1] not in stated[1].sentence:
                stated = None
            if stated is not None:
                top, lead = stated
        # ("那这个厂房一共推出多少面积？" after （二十五）: the figure of the article pointed at, not a reply's 189万平方米 of
        # another count that names more of the words)
        figure_pointed_at = ask.points_back and bool(previous) and top.chunk_id == previous[0].chunk_id
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and lead.figure and not topic_is_empty and not figure_pointed_at:
            # "上海有多少家三甲医院？": the reply's 18家 (of TOP20 companies) shares only 上海 with the question; the
            # press answer's sentence holding 三甲医院 states 35家
            rarer = self.finder.sentence_naming_more(search_query, ask, units, pointed, lead)
            if rarer is not None:
                top, lead = rarer
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and years and not any(y in lead.sentence for y in years):
            # "Since 2021, how many class 1 drugs were approved?": the sentence counting from that year ("2021年至今…
            # 19个"), not one counting from another ("2016年以来…26款")
            stated = self.finder.sentence_stating(search_query, ask, units, pointed, holding=tuple(years))
            if stated is not None:
                top, lead = stated
        step_before = plan.last_step
        if (ask.kind in {AskKind.DURATION, AskKind.FIGURE} and step_before is not None and step_before.lead is not None
                and step_before.articles and lead.figure
                and (step_before.articles[0].chunk_id, step_before.lead.figure) == (top.chunk_id, lead.figure)):
            # "…有几家把中国区总部放在上海？在科创板上市的有多少家？": the figure the ask before took is not this
            # ask's; its own words find its own in the same article (30家, beside the 18家)
            its_own = lead_clause(top.text, ask.kind, ask.own_words, units)
            lead = its_own if its_own.figure and its_own.figure != lead.figure else lead
        if ask.kind is AskKind.WHAT and _sets_no_amount(top, self.book) and any(
                a.role in {AmountRole.CLAIMED, AmountRole.DESIRED} and a.text.lower() in ask.text.lower()
                for a in question.facts.amounts):
            # "聽講…重磅產品有獎勵，係咪年產值過10億就獎1000萬？": an award figure heard of a measure that sets no amount is
            # no figure of the text: the amount is not specified, and what the measure does set up follows
            set_up = self._unset_lead(top, ask)
            if set_up is not None:
                return Step(ask, Route.NO_AMOUNT, [top], lead=set_up)
            return Step(replace(ask, kind=AskKind.AMOUNT), Route.NOT_SPECIFIED, [top])
        share = None
        if ask.kind is AskKind.FIGURE:
            # "我们医院核定床位1500张，研究型病床要占多少比例？" / "2,000 approved beds. How many research beds?": the
            # share the text sets of the count stated, worked out
            shares = lead if lead.figure.endswith("%") else lead_clause(top.text, AskKind.FIGURE, ask.text, ("%",))
            share = share_of_count(shares.sentence, shares.figure, question.text) if shares.figure else None
            # (a count of firms or people, "会选几家企业参加", is never a share of something: 50% answers no such count)
            counted_units = set(lexicon().count_unit_asked.findall(ask.text)) & set(lexicon().entity_count_units)
            if share is not None or (ask.detail == COUNT_FIGURE and not lead.figure and shares.figure and not counted_units):
                # "How many research beds should a hospital set aside?": the text sets them as a share (核定床位的10%),
                # which answers the count as the text states it
                lead = shares
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE} and (not lead.figure or _ceiling_for_floor(ask, lead)):
            # the article states no such figure (a ceiling, "最高100万元", is no minimum asked for); a measure of the
            # policy says what it does set up ("设立上海市生物医药产业并购基金…" for "how big is the M&A fund?"),
            # quoted after the figure said to be unset
            return Step(ask, Route.NOT_SPECIFIED, [top], detail=ask.detail, lead=self._unset_lead(top, ask))
        # "还要办农业部门的进口许可证吗": the sentence frees from it (免于办理), requires it, or says neither
        need = need_answered(ask.own_words.lower(), lead.sentence or lead.text)
        encouraged = encouraging_sentence(ask.own_words.lower(), top.text) if need is None else None
        if encouraged is not None:  # "参与医院还要再审一遍吗": the sentence of the article that only encourages answers
            lead, need = lead_clause(encouraged, ask.kind, ask.text), Need.ENCOURAGED
        # "Is there a biomedicine section at the Shanghai Data Exchange?": the sentence stating it says yes; a measure's
        # own title states it too ("Does the policy set up an M&A fund?" of （二十八） “支持企业通过并购重组做大做强”)
        titled = top.title if self.catalogue.get(top.doc_id).kind in MEASURE_DOCUMENTS else ""
        contact_lines = self._contact_lines(ask, top)
        if contact_lines:  # "答复上留的联系人是谁、电话多少？": each contact line asked, not the first alone
            lead = Lead(text=contact_lines, sentence=contact_lines)
        affirmed = None if need is not None or lead.figure else stated_yes(
            ask.own_words, f"{titled}\n{lead.sentence or lead.text}",
            lambda term: 0 < self.retriever.article_share(term) <= RARE_TERM_SHARE)
        # ("…2023年产业规模多少？我见有篇报道写1860亿": the figure heard stands in another sentence of the sources, quoted)
        # (the ask's own words, and those of the asks after it that ask no figure of their own: "…多少个？我在另一篇报道里
        # 看到是19个，是不是口径不一样？")
        told = " ".join([ask.text, *(a.text for a in question.asks[question.asks.index(ask) + 1:] if a.kind not in FIGURE_ASKS)]
                        ) if ask in question.asks else ask.text
        heard = told if lead.figure and not any(s.elsewhere for s in plan.steps) and lexicon().roles["claimed"].search(
            told.lower()) else ""
        stated_elsewhere = figure_elsewhere(heard, lead.sentence or lead.text, self.retriever.articles) if heard else None
        articles = [top, *([stated_elsewhere.article] if stated_elsewhere is not None
                           and stated_elsewhere.article.chunk_id != top.chunk_id else [])]
        return Step(ask, Route.LOOKUP, articles, lead=lead, share=share, need=need, affirmed=affirmed, elsewhere=stated_elsewhere)

    def _unset_lead(self, article: Article, ask: Ask) -> Lead | None:
        """What a measure of the policy does set up, quoted after a detail or figure said to be unset ("推出500万平方米
        生物医药标准化厂房…" for the rent of those buildings); None for an article that is no numbered measure."""
        if article.doc_id != self.book.document or not str(article.key).isdigit():
            return None
        return lead_clause(article.text, AskKind.WHAT, ask.text)

    def _unpriced_part(self, ask: Ask, measure: str, case_amounts: bool = False) -> Lead | None:
        """The sentence of ``measure`` about the part an amount or support ask names when no award rule of the
        measure prices that part (``unpriced_sentence``); None when the ask asks no amount or figure (a rate, "几个点")
        or a rule covers it. With ``case_amounts``, the amounts of the asker's own case name no part ("我们要贷款3000万…
        贴息贴几个点" asks no 3000万 guarantee ceiling); a figure heard of does."""
        text = ask.text.lower()
        # ("What is the interest subsidy rate for the preferential long-term credit": a rate asked is a figure)
        if not (ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.FIGURE} or asks_support_terms(text) or (
                ask.kind is AskKind.WHAT and (has_word(text, lexicon().quantity_words) or lexicon().rate_asked.search(text)))):
            return None
        rules = self.book.for_measure(measure)
        words = ask.text
        for stated in read_facts(words, text).amounts if case_amounts else ():
            if stated.role is not AmountRole.CLAIMED:
                words = words.replace(stated.text, " ")
        # ("我们明年办一个国际学术会议…作为主办方能拿多少": （三十七）'s rule pays taking part, not hosting; the part asked
        # is named by the text's own word for it)
        unpaid = self._unpaid_rules(text, measure)
        paying = [rule for rule in rules if rule not in unpaid]
        words = " ".join((words, *(rule.unpaid_part or "" for rule in unpaid)))
        return unpriced_sentence(self._measure_article(measure).text, words, [r.quote for r in paying],
                                 [word for r in paying for word in (r.name, *r.triggers)],
                                 lambda term: self.retriever.article_share(term) <= RARE_TERM_SHARE)

    def _unpaid_rules(self, text: str, measure: str) -> list[Rule]:
        """The rules of ``measure`` whose ``not_for`` words ``text`` (an ask's, lower case) names: they pay for another
        part of the measure than the one asked ("我们打算办一场国际学术大会": （三十七） pays taking part, not hosting)."""
        return [rule for rule in self.book.for_measure(measure) if has_word(text, rule.not_for)]

    def _switched_to_figure(self, question: Question, ask: Ask) -> bool:
        """Whether a turn opening by leaving the topic ("另外问一下，上海现在有多少家三甲医院？") asks a figure that a
        sentence of the sources states with a rare word of the ask's own (the press answer's 35家三甲医院)."""
        return bool(lexicon().topic_switch.search(question.text)) and self.finder.sentence_counts_rare_term(
            without_ask_words(ask.text.lower()), ask, None)

    def _earlier_years(self, ask: Ask) -> list[str]:
        """The years ("2021年") of a policy the ask names by a year no catalogued document has, with a word naming a
        policy ("2021年那轮政策"); none otherwise. A year after every catalogued document ("III期要2029年底才做完") dates
        the asker's case, no earlier policy."""
        if not has_word(ask.text.lower(), lexicon().earlier_policy_named):
            return []
        known = {str(day.year) for d in self.catalogue.indexed() for day in (d.signed, d.published, d.valid_from) if day}
        return [f"{year}年" for year in NAMED_YEAR.findall(ask.text) if year not in known and year < max(known)]

    def _describing_earlier(self, query: str, years: Sequence[str]) -> list[Any]:
        """The sentences matching ``query`` that hold one of ``years`` and a word stating a policy: those describing the
        earlier policy. The years are searched too, so a sentence the topic's few words miss is still found."""
        return [hit for hit in self.retriever.sentences(f"{query} {' '.join(years)}".strip(), k=YEAR_SENTENCES)
                if any(year in hit.sentence for year in years) and has_word(hit.sentence, lexicon().earlier_policy_stated)]

    def _earlier_policy_term(self, ask: Ask) -> Step | None:
        """Whether a policy the ask names by a year no catalogued document has ("2021年那个若干意见现在还有效吗") still
        applies: the sources state no term of it, only quote it — not_specified, citing the sentence quoting it (whose
        source lines name the policy in force on the subject); None when the ask names no such policy."""
        years = self._earlier_years(ask)
        if not years:
            return self._mentioned_plan_term(ask)
        quoting = next((hit.article for hit in self._describing_earlier("", years) if hit.article.mentions), None)
        return None if quoting is None else Step(ask, Route.NOT_SPECIFIED, [quoting], detail=EARLIER_TERM)

    def _uncapped_measure(self, question: Question, ask: Ask, discussed: Article | None = None) -> Article | None:
        """The measure a what-ask about whether a yearly cap per entity exists is about, when its award rules set none
        ("（三十六）每家每年有没有累计封顶？"): the measure its label or its words name once the cap's words are left out, not
        the article holding the words 每年累计 (（十二）'s 1亿). An ask naming no measure of its own in a conversation
        ("那一家单位一年累计有没有上限" after （二十）'s projects) is about the ``discussed`` measure. None when the ask is no
        such question, states amounts, names no measure, or the measure sets a cap (or no award at all)."""
        text = ask.text.lower()
        if (ask.kind not in {AskKind.WHAT, AskKind.AMOUNT} or question.facts.amounts or not names_annual_cap(text)
                or not lexicon().cap_exists_asked.search(text)):
            return None
        lex = lexicon()
        topic = without_words(without_ask_words(text), (*lex.annual_words, *lex.ceiling_words, *lex.plain_money_words))
        labels = labels_named(ask.text)
        if ask.kind is AskKind.AMOUNT:  # (an amount ask's own words are the award's: only the measure discussed is meant)
            measure: str | None = str(discussed.key) if (
                discussed is not None and discussed.doc_id == self.book.document and discussed.key in self.book.measures()
                and self.retriever.keyword_score(topic) < MIN_KEYWORD_SCORE) else None
        elif labels:
            measure = labels[0]
        elif self.retriever.keyword_score(topic) >= MIN_KEYWORD_SCORE:
            hits = self.retriever.search(topic, k=HITS, doc_ids=[self.book.document])
            measure = next((h.article.key for h in hits if h.article.key in self.book.measures()), None)
        else:  # "这一条每家每年有没有累计封顶？" after an award: the award's own answer says so, with its ceiling
            return None
        rules = self.book.for_measure(measure) if measure is not None else ()
        if not rules or any(rule.annual_cap for rule in rules):
            return None
        return self._measure_article(str(measure))

    def _money_of_discussed(self, question: Question, ask: Ask, hits: Sequence[Any], previous: Sequence[Article],
                            measure: str) -> bool:
        """Whether a follow-up asking about money ("…有没有挂牌补贴或者交易奖励？一般多少钱") is about the measure just
        discussed, which its words still find first and which sets no amount, rather than ``measure``, another that pays
        and that the ask names by no label nor any word of its rules ("交易" is （三十三）'s, no rule's of （三十六）)."""
        if not (question.context_text and not question.new_subject and previous and hits
                and hits[0].article.chunk_id == previous[0].chunk_id):
            return False
        discussed = previous[0]
        # (a numbered measure of the policy, not its scope or its term)
        if (discussed.doc_id != self.book.document or discussed.key == measure or not str(discussed.key).isdigit()
                or not _sets_no_amount(discussed, self.book) or labels_named(ask.text)):
            return False
        return not any(_named_by_trigger(ask.own_words.lower(), rule) for rule in self.book.for_measure(measure))

    def _names_no_item(self, ask: Ask, document: str) -> bool:
        """Whether ``ask`` names nothing of ``document`` but the document itself: without its name, who asks, the ask
        words and the words of applying (申请, 申报, 依据, apply), its words score under ``MIN_KEYWORD_SCORE``."""
        topic = without_words(self.finder.without_name(_ask_topic(ask), document), lexicon().applying_words)
        return self.retriever.keyword_score(topic) < MIN_KEYWORD_SCORE

    def _ended_document_asked_again(self, question: Question, ask: Ask, plan: Plan) -> Step | None:
        """The no of a verdict asked pointing at an ended document whose term the ask before it in the message answered,
        naming no support of it ("…三年行动方案…现在这个还有效吗？还能按它来申请东西不？"): not eligible by the document's
        term, its term article cited; None otherwise (the caller asks it only with no award discussed: after one, the
        support discussed is the kind asked for again)."""
        before = plan.last_step
        if (ask.kind is not AskKind.ELIGIBILITY or not ask.points_back or before is None or before.route is not Route.VALIDITY
                or not before.articles or before.document is None):
            return None
        if not self.catalogue.get(before.document).ended_for(self.today, question.conversation_facts.event_on):
            return None
        if self._names_support_topic(self._plan_words(ask.text.lower(), before.document)):
            return None
        step = Step(ask, Route.ELIGIBILITY, before.articles[:1])
        step.eligibility = Eligibility(Verdict.NOT_ELIGIBLE, str(before.articles[0].key), None, DOCUMENT_TERM)
        return step

    def _plan_words(self, text: str, document: str) -> str:
        """``text`` (an ask's, lower case) without the document's name, the words of supporting and applying, the
        generic applicants and the words describing a plan as a whole: what is left names a support of the plan."""
        lex = lexicon()
        text = lex.seat_told.sub(" ", text)  # ("我们在张江": the seat, no support of the plan)
        return without_words(self.finder.topic_in(text, document), (
            *lex.support_named, *lex.applying_words, *lex.generic_applicants, *lex.plan_descriptors))

    def _names_support_topic(self, words: str) -> bool:
        """Whether ``words`` (a support's clauses, ``_support_clauses``) name what it is for by a word of two characters
        or more the sources use ("新药 临床"), not only function words ("按 去"); English words, which the sources do
        not use, by what they find ("innovative medical devices")."""
        if re.search(r"[a-z]{3}", words):
            return self.retriever.keyword_score(words) >= MIN_KEYWORD_SCORE
        return any(len(term) >= 2 and self.retriever.article_share(term) > 0 for term in tokenize(words))

    def _measure_pointed_before(self, ask: Ask, plan: Plan) -> Article | None:
        """The article of the ask before this one in the message, when this one asks its departments pointing at it
        ("这条政策…哪几个部门负责", "who runs this measure?") and names no measure by label nor a document of its own, and
        that article lists departments; else None."""
        before = plan.last_step
        if (ask.kind is not AskKind.DEPARTMENTS or before is None or not before.articles or not before.articles[0].departments
                or not lexicon().measure_pointer.search(ask.text.lower()) or labels_named(ask.text)
                or self.catalogue.named_in(ask.text.lower()) - {before.articles[0].doc_id}):
            return None
        return before.articles[0]

    def _cap_of_award_before(self, ask: Ask, plan: Plan) -> Article | None:
        """The article of the measure whose award the ask before it in the message asked, when this ask names a yearly
        cap and no topic of its own besides ("总的有没有上限", "一年里最多能拿多少") and that measure sets one; else None."""
        before = plan.last_step
        if (before is None or before.route not in {Route.AWARD, Route.CEILINGS} or not before.articles
                or ask.kind not in {AskKind.WHAT, AskKind.AMOUNT, AskKind.FIGURE} or not names_annual_cap(ask.text.lower())):
            return None
        measure = before.articles[0]
        lex = lexicon()
        topic = without_words(_ask_topic(ask), (*lex.annual_words, *lex.ceiling_words, *lex.plain_money_words))
        rules = self.book.for_measure(str(measure.key)) if measure.doc_id == self.book.document else ()
        # ("…(2) what's the max for running a high-level trial … overseas, and (3) is there a yearly cap": a rule of its
        # own named beside the cap is that rule's award asked)
        if (not any(rule.annual_cap for rule in rules) or self.retriever.keyword_score(topic) >= OWN_TOPIC_SCORE
                or any(_named_by_trigger(ask.text.lower(), rule) for rule in rules)):
            return None
        return measure

    def _mentioned_plan_term(self, ask: Ask) -> Step | None:
        """The term of a plan or programme the ask quotes by the name an article of the sources gives it, word for word,
        no catalogued document's ("第三轮“促进市级医院临床技能与临床创新三年行动计划”是从哪一年到哪一年？"), or names
        unquoted while a sentence of the sources says it is still being drawn up ("…在研究制定一个支持创新产品出海的专项
        行动方案，这个方案什么时候出台？" → "本市正围绕该领域研究制定行动方案"): the sources only mention it — not_specified,
        citing the article that does; None when the ask names no such plan."""
        lex = lexicon()
        for term in QUOTED_TERM.findall(ask.text):
            if (len(term) < MENTIONED_NAME_MIN_CHARS or not lex.plan_name.search(term)
                    or self.catalogue.named_in(term.lower())):
                continue
            holding = next((hit.article for hit in self.retriever.sentences(term, k=5) if term in hit.sentence), None)
            if holding is not None:
                return Step(ask, Route.NOT_SPECIFIED, [holding], detail=MENTIONED_TERM)
        tails = set(lex.plan_tail.findall(ask.text))
        if not tails:
            return None
        preparing = next((hit.article for hit in self.retriever.sentences(without_ask_words(ask.text.lower()), k=PREPARING_SENTENCES)
                          if lex.plan_in_preparation.search(hit.sentence) and any(tail in hit.sentence for tail in tails)), None)
        named = self.catalogue.named_in(ask.text.lower())
        if preparing is None or (named and preparing.doc_id not in named):
            # ("浦东那个三年行动方案什么时候出台的": the plan named is a catalogued document, whose issue answers)
            return None
        return Step(ask, Route.NOT_SPECIFIED, [preparing], detail=MENTIONED_TERM)

    def _earlier_policy(self, ask: Ask, plan: Plan, question: Question, previous: Sequence[Article]) -> Step | None:
        """The lookup of the sentence describing a policy the ask names by a year no catalogued document
        has ("the 2021 policy" → the reply's "2021年发布的《关于促进本市生物医药产业高质量发展的若干意见》，明确对成功出海
        的…最高支持1000万元"): the sentence matching the ask best (with the ask before it, when this one has no topic of
        its own) among those holding the year and a word stating a policy; None when the ask names no such year.
        An ask with a topic of its own that the sentence does not share ("what was the 2021 policy's cap for Phase
        III?", which the sources never quote) is out of scope: that policy's own text is not among the sources."""
        lex = lexicon()
        text = ask.text.lower()
        if ask.kind in {AskKind.DURATION, AskKind.FIGURE, AskKind.VALIDITY} or asks_detail(text, CONTACT):
            return None  # ("that reply letter about the 2021 policy — who is the contact person there?": the letter's)
        years = self._earlier_years(ask)
        if not years:
            return None
        # the topic decides between the sentences holding the year, not the words naming a policy
        # (its own 《title》 quoted is no topic: "那份《关于促进…高质量发展的若干意见》里面对CRO…怎么补贴的")
        query = NAMED_YEAR.sub(" ", without_words(without_ask_words(BOOK_TITLE.sub(" ", text)), lex.earlier_policy_named))
        # a topic of its own: the ask's words found in the sources (the year's 年 aside), or a measure's trigger named
        # ("III期", "Class 1")
        own_topic = self.retriever.keyword_score(query.replace("年", " ")) >= MIN_KEYWORD_SCORE or any(
            triggers and triggers_named(text, triggers) for _, triggers in _topic_triggers(self.book))
        if plan.steps and self.retriever.keyword_score(query) < OWN_TOPIC_SCORE:
            query = f"{plan.steps[-1].ask.text} {query}"  # "…? And what did the 2021 policy offer for the same thing?"
        elif previous and self.retriever.keyword_score(query) < OWN_TOPIC_SCORE:
            # "2021年那版旧政策有类似的支持吗？" after an award: the topic the conversation discussed
            query = f"{self._discussed_topic(question, previous[0])} {query}"
        describing = self._describing_earlier(query, years)
        # a sentence sharing the ask's topic: a term besides the year, the words stating a policy and money words
        # (a verb many articles use, "提升", shares no topic: "在2021年发布的上一轮政策基础上…进行更新和提升"; a thing
        # named, "产品", or a rare word does)
        # (nor do the words of the earlier policy's own title, "生物医药" of "…生物医药产业高质量发展的若干意见", nor a
        # ceiling word, nor one character: "2021年那版上海生物医药《若干意见》里，Ⅲ期临床最高补多少")
        titled = " ".join(d.title for d in self.catalogue.documents if d.source is None)
        sharing = [hit for hit in describing if any(
            not NAMED_YEAR.fullmatch(t) and len(t) > 1 and not has_word(t, lex.earlier_policy_stated)
            and not has_word(t, lex.money_words) and not has_word(t, lex.ceiling_words) and t not in titled
            and (self.retriever.article_share(t) <= RARE_TERM_SHARE or names_a_thing(t))
            for t in hit.matched_terms)]
        # ("2021年那版…《若干意见》": a catalogued document's alias with another year names that year's policy, not it)
        named = [d for d in map(self.catalogue.get, self.catalogue.named_in(text))
                 if (issued := d.published or d.signed) is None or any(str(issued.year) in year for year in years)]
        if own_topic and describing and not sharing and not named:
            return Step(ask, Route.OUT_OF_SCOPE, scope=ScopeVerdict(False, "document", self._unshipped_title(years)))
        hit = next(iter(sharing or describing), None)
        return None if hit is None else Step(ask, Route.LOOKUP, [hit.article], lead=lead_clause(hit.sentence, AskKind.WHAT, ask.text))

    def _unshipped_title(self, years: Sequence[str]) -> str:
        """How to name the policy of ``years`` ("2021年") whose own text is not among the sources: the 《title》 of the
        catalogue's unshipped policy the sources quote with that year, else "2021年的政策"."""
        for document in self.catalogue.documents:
            if document.source is None and any(
                    year in hit.sentence and f"《{document.title}》" in hit.sentence
                    for year in years for hit in self.retriever.sentences(f"{document.title} {year}", k=YEAR_SENTENCES)):
                return f"《{document.title}》"
        return f"{years[0]}的政策"

    def _measure_reading_stated_facts(self, question: Question) -> str | None:
        """The one measure with a condition that the turn's own facts about the asker (a relation, a role; not
        where it is registered) decide, among those whose rules the conversation names by their trigger
        words when several are; else None."""
        stated = {name for name in ASKER_FACTS if getattr(question.facts, name) is not None} - SEAT_FACTS
        if not stated:
            return None
        conditions = condition_rules().conditions

        def reads(measure: str) -> bool:
            return any(stated & set(conditions[c].holds_if) for rule in self.book.for_measure(measure)
                       for c in rule.conditions if c in conditions)

        measures = [m for m in self.book.measures() if reads(m)]
        if len(measures) > 1:  # "…注册的CDMO…" said before: the measure whose rules the conversation names
            said = f"{question.context_text} {question.text}"
            measures = [m for m in measures if any(triggers_named(said, rule.triggers) for rule in self.book.for_measure(m))]
        return measures[0] if len(measures) == 1 else None

    def _same_speakers_answer(self, ask: Ask, previous: Sequence[Article]) -> Article | None:
        """The press answer the speaker of the answer just given gave next (else the one before) when ``ask`` asks
        what else he answered ("他后面还答了哪家媒体的提问"); None otherwise."""
        if not previous or len(previous[0].speakers) != 2 or not lexicon().same_speaker_asked.search(ask.text):
            return None
        last = previous[0]
        answers = [a for a in self.retriever.articles if a.doc_id == last.doc_id and len(a.speakers) == 2]
        at = next((i for i, a in enumerate(answers) if a.chunk_id == last.chunk_id), -1)
        his = [a for a in [*answers[at + 1:], *reversed(answers[:at])] if a.speakers[1] == last.speakers[1]]
        return his[0] if his else None

    def _compared_figures(self, question: Question, ask: Ask, previous: Sequence[Article]) -> list[Step]:
        """A figure lookup for each of the last turns an ask comparing them counts back to ("这两个数怎么对不上？"
        after 2016年以来获批26款 and 2021年至今19个): the sentence of each turn's article stating its figure, which
        says what it counts and since when; [] when the ask compares none or a turn's article is not found."""
        if not question.recalled_turns or not has_word(ask.text.lower(), lexicon().comparison_asks):
            return []
        articles = self._turn_articles(question, previous)
        if len(articles) != len(question.recalled_turns):
            return []
        figure = replace(ask, kind=AskKind.FIGURE)
        return [Step(figure, Route.LOOKUP, [article], lead=lead_clause(article.text, AskKind.FIGURE, text))
                for article, text in zip(articles, question.recalled_turns, strict=True)]

    def _turn_articles(self, question: Question, previous: Sequence[Article]) -> list[Article]:
        """The article of each turn ``question.recalled_turns`` counts back to, oldest first: the last turn's is the
        one it cited (``previous``), an older turn's the one its own words find."""
        older = [self.finder.recalled_article(question, text) for text in question.recalled_turns[:-1]]
        return [a for a in older if a is not None] + list(previous[:1])

    def _contact_step(self, ask: Ask, doc_id: str, kind: AskKind = AskKind.WHAT) -> Step | None:
        """The lookup of the article of document ``doc_id`` naming its own contact person or phone (the reply letter's
        联系方式), its lead chosen for a ``kind`` ask; None for the policy, whose measures name departments and no
        contact, and for a document naming none."""
        if doc_id == self.book.document:
            return None
        stated = lexicon().details[CONTACT].stated
        article = next((a for a in self.retriever.articles if a.doc_id == doc_id and has_word(a.text.lower(), stated)), None)
        return None if article is None else Step(ask, Route.LOOKUP, [article], lead=lead_clause(article.text, kind, ask.text))

    @staticmethod
    def _contact_lines(ask: Ask, article: Article) -> str:
        """The lines of a contact article (the reply letter's 联系人、联系电话、联系地址) when the ask asks two or more of
        them ("联系人是谁、电话多少"), joined with "；"; "" otherwise."""
        contact = lexicon().details[CONTACT]
        lines = [line.strip() for line in re.split(r"[；;\n]", article.text) if has_word(line.lower(), contact.stated)]
        # each line asked by its own last word ("联系人…电话…": 联系人 and 联系电话); a word opening no line of its own
        # ("联系方式") asks them all
        text = ask.text.lower()
        asked = {word for word in contact.stated if word[-2:] in text}
        whole = any(not any(line.startswith(word) for line in lines) for word in asked)
        return "；".join(lines) if len(lines) > 1 and (len(asked) > 1 or whole) else ""

    @staticmethod
    def _detail_unstated(ask: Ask, article: Article) -> bool:
        """The ask names a detail (a fee, rent …) and the article covering its topic never states one."""
        detail = lexicon().details.get(ask.detail)
        if detail is None or ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE}:
            return False
        return not has_word(article.text.lower(), detail.stated)

    def _named_only_later(self, question: Question, ask: Ask) -> bool:
        """Whether the document the message names is named only by an ask after ``ask`` ("when does Shanghai's current
        policy expire, …, and is the Pudong plan still in force?": the first ask is not about the Pudong plan; "浦东方案
        还有效吗？里面对CMO有什么支持？": the second is)."""
        if len(question.asks) < 2 or question.document in self.catalogue.named_in(ask.text):
            return False
        text = question.text.lower()
        at = text.find(ask.text.lower())
        later = [a for a in question.asks if question.document in self.catalogue.named_in(a.text)]
        return at >= 0 and bool(later) and all(text.find(a.text.lower()) > at for a in later)

    def _states_term(self, article: Article) -> bool:
        """Whether ``article`` is the one a validity answer cites for its document's term."""
        return article.chunk_id in {a.chunk_id for a in self.finder.document_articles(article.doc_id, [])}

    def _month_under_term(self, question: Question, ask: Ask, pointed: Sequence[str] | None,
                          after_term: bool = False) -> tuple[Article, date] | None:
        """(the policy's validity article, the month asked) for a yes/no on whether a month named without its year falls
        under the policy ("他们6月份发生的项目能不能按新文件算"): the ask names a document, no other topic and no other
        document, or ``after_term``, it follows the document's term answered in the same message ("有效期到什么时候？
        我们6月份发生的研发投入能不能算？"); the month is taken in the policy's first year (a June before August 2024
        falls under the funding measures' earlier start). None otherwise."""
        in_month = question.facts.month_alone
        if (ask.kind is not AskKind.ELIGIBILITY or question.conversation_facts.event_on is not None or in_month is None
                or (pointed is not None and list(pointed) != [self.book.document])):
            return None
        if not after_term and (not lexicon().document_words.search(ask.text.lower())
                               or self.retriever.keyword_score(without_ask_words(ask.text.lower())) >= OWN_TOPIC_SCORE):
            return None
        term = self.retriever.article(f"{self.book.document}:validity")
        start = self.catalogue.get(self.book.document).valid_from
        return (term, date(start.year, in_month, 1)) if term is not None and start is not None else None

    def _award_measure(self, hits: Sequence[Any], question: Question, ask: Ask | None = None) -> str | None:
        """The measure an award question is about: the top hit's, when it carries award rules.

        A top hit that is a measure of the policy without rules means the text sets no amount (None);
        a top hit in another document (a press answer about a measure) defers to the next hits.
        """
        measures = set(self.book.measures())
        labelled = [key for key in labels_named(ask.text) if key in measures] if ask is not None and question.document in (
            None, self.book.document) else []
        described = self._described_not_labelled(ask) if labelled else None
        if described is not None:  # "我记得是第（二十三）条那个CMO受托生产的": the measure its words describe
            return described
        if len(labelled) == 1:  # "Does the cell & gene therapy track in measure (5) apply to us?": the measure named
            # ("我记得是第（二十三）条？按10%算…受托年产值…": a label the asker only remembers gives way to the measure
            # paying the share said on the base said)
            text = ask.text.lower() if ask is not None else ""
            shares = shares_named(text) if _label_remembered(text) else set()
            paying = [str(h.article.key) for h in hits[:HITS] if h.article.doc_id == self.book.document
                      and self._pays_share_named(str(h.article.key), shares, text)] if shares else []
            return paying[0] if paying and not self._pays_share_named(labelled[0], shares, text) else labelled[0]
        asked_for = self._measure_of_kind(hits, question, ask)
        if asked_for is not None:  # "我们是药企不是CRO，能拿CRO的支持吗": the CRO measure is asked, its verdict a no
            return asked_for
        by_ceiling = self._measure_named_by_ceiling(question, ask)
        if by_ceiling is not None:  # "AI影像辅助诊断软件…能拿创新医疗器械那个300万吗": （六）, named by its ceiling
            return by_ceiling
        rated = self._measure_named_by_share(hits, ask)
        if rated is not None:  # "the innovative device funding, the one paying 40% of R&D spend": that measure is asked
            # (unless the registration and sale abroad told meet （三十六）'s condition outright: "FDA approval, selling in
            # the US … someone told me the reward is 40% of R&D" is （三十六）'s 30%, the share heard put right)
            sold = self._measure_meeting(question, "regulator") if (
                question.facts.regulator is not None and question.facts.sold_abroad
                and any(hit.article.doc_id == self.book.document for hit in hits[:3])) else None
            return sold or rated
        refused = self._named_but_failed(question, ask)
        if refused is not None:  # "产品按第三类体外诊断试剂管理…1类新药临床补贴我们能申请吗": the measure asked is judged
            return refused
        denied = set(self.verdicts.unmet(question))
        for hit in hits[:3]:  # "never in special review … the device support": the measure whose condition is denied
            # (close to a top hit that sets awards: "we don't manufacture ourselves … the contract-manufacturing
            # subsidy" is about （二十四）, far ahead of （六）'s 落地生产 that the words deny)
            if denied and hit.article.doc_id == self.book.document and (
                    hit.score >= CLOSE_SCORE * hits[0].score or not self.book.for_measure(str(hits[0].article.key))) and any(
                    denied & set(rule.conditions) for rule in self.book.for_measure(str(hit.article.key))):
                return str(hit.article.key)
        policy = [hit for hit in hits[:3] if hit.article.doc_id == self.book.document]
        if (len(policy) > 1 and policy[0].article.key == SCOPE_KEY and ask is not None and ask.kind is AskKind.WHAT
                and asks_support_terms(ask.text.lower())):
            # "想自己研发生产三类医疗器械，政策上有什么支持？": whom the policy covers is no support; the measure after it is
            policy = policy[1:]
        paid_on = self._measure_paid_on_base(policy, question, ask, "base_kind")
        if paid_on is not None:  # "cell therapy manufacturing base, new investment RMB 200 million": （二十三）'s investment
            return paid_on
        if question.facts.regulator is not None and question.facts.sold_abroad:
            # "我们的二类器械拿了CE认证，在德国也开始卖了，研发投入2000万": the registration and sale abroad told meet
            # （三十六）'s condition outright, whatever measure the device's words find first
            sold = self._measure_paid_on_base(policy, question, ask, "regulator")
            if sold is not None:
                return sold
        if (question.facts.regulator is not None and question.facts.sold_abroad is None
                and lexicon().regulator_as_registration.search(question.text.lower())):
            # "…got its CE certificate in October … the city's global registration support": the regulator told names the
            # measure whose condition reads it, among the first hits, whether or not a sale abroad is said (its verdict
            # then waits for the sale)
            registered = next((str(hit.article.key) for hit in policy if any(
                "regulator" in condition_rules().conditions[cid].holds_if
                for rule in self.book.for_measure(str(hit.article.key)) for cid in condition_rules().of_rule(rule)
                if cid in condition_rules().conditions)), None)
            if registered is not None:
                return registered
        in_clause = self._measure_of_asking_clause(policy, hits, ask)
        if in_clause is not None:  # "我们是做临床CRO的…能申请出国参展的补贴吗": the support the asking clause names
            return in_clause
        money = self._money_hit(hits, ask, question)
        if money is not None:  # "仿制药做临床能拿补贴吗": the money is the measure that sets amounts
            return str(money.article.key)
        if policy and policy[0].article.key not in measures and ask is not None and (
                ask.kind is AskKind.AMOUNT or asks_support_terms(ask.text.lower())):
            # "how much for entering the special review procedure", "…special review. does shanghai give anything for
            # that?": an amount or support ask naming a rule by its own words goes to that rule's measure, close behind
            # a measure that only mentions the procedure
            for hit in policy[1:]:
                if (hit.article.key in measures and hit.score >= CLOSE_SCORE * policy[0].score
                        and any(_names_specifically(ask.text.lower(), r) for r in self.book.for_measure(str(hit.article.key)))):
                    return str(hit.article.key)
        if (policy and policy[0].article.key not in measures and ask is not None and ask.kind is AskKind.WHAT
                and question.document is None and asks_support_terms(ask.text.lower())
                and self.catalogue.get(hits[0].article.doc_id).ended_for(self.today, question.conversation_facts.event_on)):
            # "创新药有什么支持": the ended district plan's task is what its words find first, no document named; the
            # support asked is the policy in force's, the measure of it close behind that pays
            funding = next((hit for hit in policy if hit.article.key in measures and hit.score >= CLOSE_SCORE * hits[0].score), None)
            if funding is not None:
                return str(funding.article.key)
        return str(policy[0].article.key) if policy and policy[0].article.key in measures else None

    def _measure_of_asking_clause(self, policy: Sequence[Any], hits: Sequence[Any], ask: Ask | None) -> str | None:
        """The one measure among the first ``HITS`` hits whose rule the ask's last clause (else its clauses other than
        those saying what the asker is) names specifically (``_names_specifically``: "出国参展", "特别审查"), when the top hit of the policy
        (found by who the asker says it is: "我们是做临床CRO的") has no rule those words name; None otherwise."""
        if ask is None or not policy:
            return None
        clauses = [c for c in LAST_CLAUSE.split(ask.text.lower()) if c.strip()]
        top = str(policy[0].article.key)
        said_of_self = [bool(lexicon().self_described_clause.match(c)) for c in clauses]
        described = "，".join(c for c, own in zip(clauses, said_of_self, strict=True) if own)
        if (not described or FIGURE_SAID.search(described)
                or not any(triggers_named(described, rule.triggers) for rule in self.book.for_measure(top))):
            # the top hit is not found by what the asker says it is, or that clause tells an item of the case too ("We're a
            # Shanghai CMO with … contract output of RMB 50 million")
            return None
        # (the last clause, else the ask's other clauses than the one saying what the asker is: "…按那个出国参展的政策拿了
        # 50万了…这个还能再申请吗"); a described clause exists, so ``clauses`` is not empty
        rest = "，".join(c for c, own in zip(clauses, said_of_self, strict=True) if not own)
        for words in (clauses[-1], rest):
            if not words.strip() or any(triggers_named(words, rule.triggers) for rule in self.book.for_measure(top)):
                return None
            named = {str(hit.article.key) for hit in hits[:HITS] if hit.article.doc_id == self.book.document
                     and any(_names_specifically(words, rule) for rule in self.book.for_measure(str(hit.article.key)))}
            if named:
                return named.pop() if len(named) == 1 else None
        return None

    def _named_but_failed(self, question: Question, ask: Ask | None) -> str | None:
        """The measure a yes/no ask's last clause names clearly by its own words ("市里那个1类新药临床补贴我们能申请吗")
        when a stated fact fails one of its rules' conditions (the product told before it is a device): that measure
        is the one asked about, its verdict a no naming the one that applies instead, whatever the case's words find
        first. None when the ask is no yes/no, its last clause finds no measure clearly, or no condition fails."""
        if ask is None or ask.kind is not AskKind.ELIGIBILITY:
            return None
        # ("Is our phase II trial eligible for that 'up to 20 million for overseas trials' grant?": the measure quoted)
        quoted = [next(group for group in found.groups() if group) for found in QUOTED_NAME.finditer(ask.text.lower())]
        # (a statement told after the clause that asks is no part of it: "…这种情况可以申请上海对海外注册的支持吗？研发投入
        # 大概3000万人民币" asks of the support abroad, not of 研发投入's measure)
        asked_text = ask.text.lower()
        if ask.clause and (at := asked_text.find(ask.clause.lower())) >= 0:
            asked_text = asked_text[: at + len(ask.clause)]
        clauses = LAST_CLAUSE.split(asked_text.rstrip(" ?？!！。"))
        # ("听说有个海外临床最高2000万的支持，我们这个能申请吗": a clause naming a support by a rule's ceiling names it too)
        quoted = quoted or [c for c in clauses[:-1] if self._names_by_ceiling(c)][:1]
        clause = without_ask_words(quoted[0] if quoted else clauses[-1])
        if (not quoted and len(clauses) > 1 and lexicon().measure_said_before.search(clauses[-1])
                and self.retriever.keyword_score(clause) < OWN_TOPIC_SCORE):
            # ("新政说1类新药按研发投入40%给钱，我们能不能按那条申请": a last clause pointing back names by the clause before it)
            clause = without_ask_words(clauses[-2])
        if self.retriever.keyword_score(clause) < (MIN_KEYWORD_SCORE if quoted else OWN_TOPIC_SCORE):
            return None
        hits = self.retriever.search(clause, k=HITS, doc_ids=[self.book.document])
        clear = _stands_clear(hits)
        if hits and not clear:
            # ("'up to 20 million for overseas trials'": of the measures the words find alike, the one whose ceiling it names)
            named = {a.yuan for a in find_amounts(clause)}
            capped = [h for h in hits[:2] if any(Decimal(r.cap_yuan) in named for r in self.book.for_measure(str(h.article.key)))]
            if len(capped) > 1:  # ("海外临床最高2000万": （五）'s Ⅱ期 and （十二） both cap at 2000万; the words name （十二）'s rule)
                capped = [h for h in capped if any(Decimal(r.cap_yuan) in named and triggers_named(clause, r.triggers)
                                                   for r in self.book.for_measure(str(h.article.key)))]
            # ("Can we apply for Shanghai's support for overseas clinical trials?": of two measures found alike, the one a
            # rule of which the words name specifically)
            # (who the asker says it is names no measure: "We are a CRO … Can we get the innovative drug support?")
            told = without_kind_said(clause, question.facts.entity_type) if question.facts.entity_type else clause
            specific = [h for h in hits[:2] if any(_names_specifically(told, r) for r in self.book.for_measure(str(h.article.key)))]
            hits = capped if len(capped) == 1 else specific if len(specific) == 1 else []
        if not hits or str(hits[0].article.key) not in self.book.measures():
            return None
        asked = ask.text.lower()
        shares = shares_named(asked)
        # "拿证之后那笔按研发投入40%的补助": （五） and （六） both pay that share, the clause names neither ("1类新药按研发投入40%"
        # names （五） clearly)
        if shares and not clear and sum(self._pays_share_named(key, shares, asked) for key in self.book.measures()) > 1:
            return None
        measure = str(hits[0].article.key)
        values = self.verdicts.fact_values(question)[0]
        evaluator = ConditionEvaluator(self.book)
        # (a registration elsewhere fails every measure: the policy's scope answers it, the measure named by its own words
        # cited after it: "registered in Hong Kong … Can we apply for Shanghai's support for overseas clinical trials?")
        # (the text's extra conditions too: "临床前研究服务的CRO…听说代工的可以按产值10%拿补贴，我们这种能按那个申请吗" fails
        # （二十四）'s commissioned production)
        failed = any(evaluator.first_failure(rule, values) is not None for rule in self.book.for_measure(measure))
        return measure if failed else None

    def _asks_now_after_ended(self, question: Question, ask: Ask, document: str, plan: Plan) -> bool:
        """Whether ``ask`` asks what support applies now ("现在能申请啥、多少钱") right after this message's ask on the
        term of ``document``, an ended one, with the asker's own case told: the answer is the policy in force's."""
        return (document != self.book.document and self.catalogue.get(document).ended_for(self.today)
                and ask.kind in {AskKind.AMOUNT, AskKind.WHAT, AskKind.ELIGIBILITY} and bool(plan.steps)
                and plan.steps[-1].route is Route.VALIDITY and has_word(ask.text.lower(), lexicon().present_words)
                and question.facts.states_subject())

    def _described_not_labelled(self, ask: Ask | None) -> str | None:
        """The measure an ask's words describe by a rule's own specific words ("CMO受托生产", "智能化绿色化改造") when the
        one measure it names by label has no such rule: the label mistaken ("第（二十三）条那个CMO受托生产的" is （二十四）);
        None when the ask names no label, several, or its words describe the labelled one or no single other."""
        if ask is None:
            return None
        labels = [key for key in labels_named(ask.text) if key in self.book.measures()]
        label = lexicon().article_label.search(ask.text.lower())
        if len(labels) != 1 or label is None:
            return None
        # the words right after the label in its clause describe it ("第（五）条写的不超过研发投入40%…客户能按（五）来申请吗"
        # asks of （五） itself, the case told elsewhere)
        words = ASK_CLAUSE_MARK.split(ask.text.lower()[label.end():], maxsplit=1)[0]
        described = {rule.measure for rule in self.book.rules if _names_specifically(words, rule)}
        return described.pop() if len(described) == 1 and labels[0] not in described else None

    def _names_by_ceiling(self, clause: str) -> bool:
        """Whether ``clause`` (lower case) names a support by the ceiling of one of the policy's rules ("海外临床最高2000万的
        支持", "the RMB 20 million overseas trial support"): a rule's ceiling among its amounts and a word of support."""
        caps = {Decimal(rule.cap_yuan) for rule in self.book.rules}
        return has_word(clause, (*lexicon().money_words, *SUPPORT_WORDS)) and any(a.yuan in caps for a in find_amounts(clause))

    def _pays_share_named(self, key: str, shares: Collection[Decimal], text: str) -> bool:
        """Whether a rule of measure ``key`` pays one of ``shares`` of a base ``text`` (lower case) names by its words, or by
        its head noun beside one of the rule's own trigger words ("委托生产按产值10%": （二十四）'s 受托年生产产值; "示范项目…按
        经费的50%" names no trade fair's 项目经费)."""
        def named(base: str, rule: Rule) -> bool:
            first = base.split()[0].lower()
            return first in text or (bool(CHINESE_CHARACTER.match(first)) and first[-2:] in text
                                     and triggers_named(text, rule.triggers))
        return any(rule.rate in shares and any(base and named(base, rule) for base in (rule.base, rule.base_en))
                   for rule in self.book.for_measure(key))

    def _measure_named_by_share(self, hits: Sequence[Any], ask: Ask | None) -> str | None:
        """The measure the ask names by the share it pays and its base ("the one paying 40% of R&D spend", "按研发投入
        40%的支持") when the policy's top hit pays no such share: the first hit of the policy among the first ``HITS``
        one of whose rules does, else the first such hit of the policy searched alone; None otherwise."""
        if ask is None:
            return None
        text = ask.text.lower()
        shares = shares_named(text)
        if not shares:
            return None

        def pays(key: str) -> bool:
            return self._pays_share_named(key, shares, text)

        policy = [str(hit.article.key) for hit in hits[:HITS] if hit.article.doc_id == self.book.document]
        if not policy or pays(policy[0]):
            return None
        own = [str(hit.article.key) for hit in self.retriever.search(ask.text, k=HITS * 2, doc_ids=[self.book.document])]
        return next((key for key in [*policy[1:], *own] if pays(key)), None)

    def _measure_named_by_ceiling(self, question: Question, ask: Ask | None) -> str | None:
        """The measure an ask names by one of its rules' ceilings, wanted, beside that rule's own words ("能拿创新医疗器械那个
        300万吗": （六）'s 300万 for the special review, whatever measure the product's other words find first); None when
        no such figure is said or it fits the rules of several measures (a figure heard of may be wrong: it is checked
        against the measure found, not used to find it)."""
        if ask is None:
            return None

        def called(rule: Rule, text: str) -> bool:  # by a trigger word, or by a run of its name ("创新医疗器械")
            name = rule.name.lower()
            return rule_named(text, rule) or any(text[i:i + NAME_RUN_CHARS] in name for i in range(len(text) - NAME_RUN_CHARS + 1))

        # (in the figure's own sentence: "老板认识一个国外挺牛的科学家…。我印象里新政对这种顶尖科学家是给2000万？" names
        # no overseas trial by its 2000万)
        named = {rule.measure for amount in question.facts.amounts
                 if amount.role is AmountRole.DESIRED and amount.currency == CNY
                 for rule in self.book.rules if rule.cap_yuan == amount.yuan
                 and called(rule, _sentence_around(question.text, amount.start).lower()) and called(rule, ask.text.lower())}
        if not named:
            # "CFO话新政入面I期、II期、III期临床最高1000万、2000万、3000万嗰条佢哋都可以攞，系咪真㗎": several figures heard,
            # each a ceiling of one measure's rules named in their sentence, name that measure (whose verdict then decides)
            claimed = [a for a in question.facts.amounts if a.role is AmountRole.CLAIMED and a.currency == CNY]
            fits = [{rule.measure for rule in self.book.rules if rule.cap_yuan == amount.yuan
                     and called(rule, _sentence_around(question.text, amount.start).lower())} for amount in claimed]
            # (several figures, not one said twice: "听说最高1000万…1000万能拿到吗" names nothing by it)
            common = set.intersection(*fits) if len({a.yuan for a in claimed}) > 1 else set()
            named = common if len(common) == 1 else set()
        return named.pop() if len(named) == 1 else None

    def _measure_paid_on_base(self, policy: Sequence[Any], question: Question, ask: Ask | None,
                              fact: str = "base_kind") -> str | None:
        """The measure whose rule's condition the stated ``fact`` meets (``_measure_meeting``), when the top hit of the
        policy (``policy``) is another measure and the ask names none of its rules; None otherwise."""
        if not policy or ask is None:
            return None
        top = str(policy[0].article.key)
        if any(_names_specifically(ask.text.lower(), rule) for rule in self.book.for_measure(top)):
            return None  # "the contract-manufacturing 10% subsidy on that investment": that measure is asked, its no follows
        if not self.book.for_measure(top) and all(hit.score <= NAMED_FAR_SCORE * policy[0].score for hit in policy[1:]):
            # "新建研究型医院，总投资12亿，市里对社会资本建研究型医院补多少钱": the measure its words find far ahead of the rest
            # sets no amount; a total investment told does not make it （二十三）'s project
            return None
        met = self._measure_meeting(question, fact)
        return None if met == top else met

    def _measure_meeting(self, question: Question, fact: str) -> str | None:
        """The first measure with a rule whose condition the stated ``fact`` meets (``eligibility.yaml``: a condition
        its ``holds_if`` meets by that fact: the kind of base the amounts name, "verified new investment"; the regulator
        abroad a product is registered and sold with); None when the fact is not stated or meets none."""
        values, _ = self.verdicts.fact_values(question)
        if values.get(fact) is None:
            return None
        evaluator = ConditionEvaluator(self.book)
        described = condition_rules().conditions
        for key in self.book.measures():
            if any(fact in described[cid].holds_if and evaluator.stated_meet(cid, values)
                   for rule in self.book.for_measure(key) for cid in condition_rules().of_rule(rule) if cid in described):
                return key
        return None

    def _measure_of_kind(self, hits: Sequence[Any], question: Question, ask: Ask | None) -> str | None:
        """The measure for a kind of entity the asker says it is not but asks about ("we are a drug company,
        not a CRO; can we claim the CRO support?"): the hit of the policy among the first ``HITS`` one of whose
        rules that kind's words trigger, or None."""
        if ask is None or not question.facts.entity_denied:
            return None
        kinds = set(kind_asked_for(ask.text.lower(), question.facts)) & set(lexicon().facts["entity_topics"])
        if not kinds:
            return None
        words = {str(w).lower() for kind in kinds for w in lexicon().facts["entity_type"][kind]}
        for hit in hits[:HITS]:
            key = str(hit.article.key)
            if hit.article.doc_id == self.book.document and any(
                    words & {t.lower() for t in rule.triggers} for rule in self.book.for_measure(key)):
                return key
        return None

    def _money_hit(self, hits: Sequence[Any], ask: Ask | None, question: Question | None = None) -> Any | None:
        """An ask about money (补贴, 资助, funding …) whose top policy hit sets no amount: the hit of the policy
        whose award rules the ask names ("作为三甲医院，能拿CMO补贴吗" → （二十四）), else the close hit that
        carries award rules ("仿制药做临床能拿补贴吗" is about （五）'s money, not （十一）'s incentives), else None."""
        if ask is None or not (ask.kind in {AskKind.AMOUNT, AskKind.REQUIRED_BASE} or has_word(ask.text.lower(), lexicon().money_words)):
            return None  # "创新医疗器械能补多少": an amount asked is about money whatever its words
        measures = set(self.book.measures())
        policy = [hit for hit in hits[:HITS] if hit.article.doc_id == self.book.document]
        if not policy or not _sets_no_amount(policy[0].article, self.book):
            return None
        if lexicon().text_quoted.search(ask.text):  # ("听说", "文件里说": the sources' words retold, looked for then)
            quoted = self.retriever.quoted_articles(ask.text, QUOTED_RUN_CHARS)
            if policy[0].article.chunk_id in quoted and not any(h.article.chunk_id in quoted for h in policy[1:]):
                return None  # "听说这种项目可以视同市级科研课题，能拿多少经费": the words quoted are that measure's, which sets none
        text = ask.text.lower()
        # (the asking clause's own words name the rule: "来电人：某三甲医院临床试验机构办公室。问：…团队能拿多少奖励" names
        # （十二）'s 临床试验机构 only in who is calling)
        own = ask.own_words.lower()
        # (a measure named by words of the case, far behind a top hit its words find clearly, is not the money asked:
        # "…去年在上海落地生产，今年销售额第一次破了10亿…大品种有奖励" asks （二十二）'s, not （六）'s 落地生产)
        # (nor one paying on another kind of base than the one stated: "医学影像设备…研发生产…年产值第一次突破10亿": not （六）)
        named = next((hit for hit in policy[1:] if hit.article.key in measures and hit.score >= NAMED_FAR_SCORE * policy[0].score
                      and any(_names_specifically(own, rule) for rule in self.book.for_measure(str(hit.article.key)))
                      and not (question is not None and self._pays_on_other_kind(str(hit.article.key), question))), None)
        # (a close hit whose words found are fewer than the top hit's and all among them is close by the common words
        # only: "创新药…销售首次破了10亿…大品种有奖励" finds （二十二）'s 首次突破…产值…规模 and （六） by 创新, 首次 alone)
        close = [hit for hit in policy[1:] if hit.article.key in measures and hit.score >= CLOSE_SCORE * policy[0].score
                 and not _common_words_only(hit, policy[0])
                 and not (question is not None and self._pays_on_other_kind(str(hit.article.key), question))]
        if named is None and len(close) > 1 and not has_word(text, lexicon().money_words):
            return None  # "临床试验做完了能补多少": several measures that pay fit alike; which one is asked back
        if named is None and close:
            # "is there any cash subsidy for setting up our R&D center": the long rare term the ask names (外资研发中心)
            # stands in the top hit and not in the paying one; the money asked is the top hit's, which sets none
            own_terms = [t for t in self.retriever.rare_terms(ask.own_words, OWN_RARE_TERM_CHARS, OWN_RARE_TERM_ARTICLES)
                         if self.retriever.holds_every_term(policy[0].article.chunk_id, t)]
            if own_terms and not any(self.retriever.holds_every_term(close[0].article.chunk_id, t) for t in own_terms):
                return None
        return named or next(iter(close), None)

    # --- awards ----------------------------------------------------------------------------------
    def _full_awards(self, text: str, session: Session, earlier: Sequence[Rule] = (),
                     discussed: str | None = None) -> FullAwards | None:
        """How many items of the award topic discussed can each get the full ceiling within its annual cap, when
        ``text`` asks that (``full_awards_asked``: "一年最多几次能拿满额") and the topic is one rule counted against
        an annual cap; None otherwise. ``earlier``: the rules an earlier ask of the same message answers, the topic
        when there is one ("国际展会补贴最高多少？一年最多能补几次满额？"); ``discussed``: the measure of the conversation,
        whose rules are the topic of a count of occasions asked ("一年最多能补几次展会", ``count_unset``) when no award
        was computed."""
        asked = lexicon().full_awards_asked.search(text.lower())
        times = lexicon().times_asked.search(text.lower()) if asked is None else None
        if asked is None and times is None:
            return None
        if not earlier and session.award is not None:
            earlier = [self.book.rule(rule_id) for rule_id in session.award.rule_ids]
        if not earlier and times is not None and discussed is not None:
            earlier = self.book.for_measure(discussed)  # "参加海外展会有补贴吗？" answered, then "一年最多能补几次展会？"
        rules = list(dict.fromkeys(earlier))
        if len(rules) != 1 or not rules[0].annual_cap or not rules[0].cap_yuan:
            return None
        [rule] = rules
        cap = Decimal(self.book.annual_caps[str(rule.annual_cap)].cap_yuan)
        found = asked if asked is not None else times
        assert found is not None
        unit = found["unit"] or found["unit2"] or ""
        return FullAwards(rule, cap, int(cap // Decimal(rule.cap_yuan)), "个" if unit == "個" else unit,
                          count_unset=asked is None)

    def _items_elsewhere(self, question: Question, request: AwardRequest, session: Session) -> list[Item]:
        """The items of other measures discussed earlier in the conversation that a total asked of a count of items
        or parts ("这两项加起来一共多少？", "那这两块加起来能拿多少", "兩個加一起多少？") adds to this topic's, in the order
        they were said: the most recent topics' only, when this topic holds fewer items than the count and they make
        up exactly the rest; none otherwise. A topic whose turn gave ceilings with no base adds them at the figure it
        gave: the annual cap when that was asked ("CMO一年最多能拿多少" → 1000万), else each per-item ceiling. This
        topic's own items are then taken at their ceilings too when it stated no base either. A measure new to the
        conversation whose items the turn states with an adding word and a total ("另外参加了两次国际展会…加起来一共")
        adds every item discussed before."""
        others = [topic for topic in session.award_topics() if topic.measure != request.measure]
        # ("我们还有个骨科植入器械…进了…特别审查程序，这个也算上，一共最多多少": an item of a fixed ceiling added, no amount)
        if (question.asks_total and (question.states_amounts or question.adds_item) and request.missing is None and others
                and len(others) == len(session.award_topics()) and has_word(question.text, lexicon().award_added)):
            # "另外参加了两次国际展会，每次经费8万，加起来一共能拿多少？" after two premiums: a measure new to the
            # conversation, its items added to every item discussed before
            return list(reversed([item for topic in others for item in self._topic_items(topic)]))
        if (not question.asks_total or question.states_amounts or question.adds_item or request.missing == "rule"
                or (request.missing == "base" and not self._shown_only(request))):
            return []
        own = len(request.items())
        # "那一共能拿多少" with no count, this topic one item: every measure the conversation discussed ("一年所有项目
        #加起来封顶是多少" asks this measure's annual cap, no sum over measures)
        count = count_summed(question.text.lower()) or (
            own + sum(len(self._topic_items(t)) for t in others) if own == 1 and others and not question.asks_annual_cap else 0)
        if count < 2:
            return []
        found: list[Item] = []
        for topic in others:
            if own + len(found) >= count:
                break
            found += self._topic_items(topic)
        if own + len(found) != count:
            return []
        if request.missing == "base":
            request.at_ceiling = self._at_ceiling(request.rules, request.annual_shown)
        return list(reversed(found))  # in the order the conversation said them

    def _shown_at_ceiling(self, question: Question, request: AwardRequest, session: Session) -> list[Item]:
        """Rules of the topic discussed whose ceilings an earlier turn gave with no base, named again to be taken at their
        ceilings beside this turn's own items ("假设今年早期和确证性都拿满，另外还有个小分子1类新药国内III期…研发投入9000万，
        同一年合计最多能拿多少"): each an item at its per-item ceiling (``AT_ITEM_CEILING``) in the total; none when no
        total is asked, no base stated, or the ceilings are not said to be taken in full."""
        topic = session.award
        if topic is None or topic.measure != request.measure or not request.bases:
            return []
        own = {rule.id for rule in request.rules}
        if question.adds_item and topic.kept_at_ceiling:
            # "要是再加两个小分子II期，每个投入6000万呢" after such a total: the ceilings taken in full stay in it
            rules = [self.book.rule(rule_id) for rule_id in topic.kept_at_ceiling if rule_id not in own]
        elif question.asks_total and has_word(question.text, lexicon().at_ceiling_words):
            text = question.text.lower()
            rules = [rule for rule_id in topic.shown if rule_id not in own and rule_named(text, rule := self.book.rule(rule_id))]
        else:
            return []
        request.kept_at_ceiling = [rule.id for rule in rules]
        return [Item(rule.id, self._topic_inputs(topic, rule.id), AT_ITEM_CEILING) for rule in rules]

    def _awards_added(self, question: Question, request: AwardRequest) -> list[Item]:
        """Items a total adds by the award they are said to get, each one rule's ceiling ("together with a Phase I award
        of RMB 10 million for our other drug", "再加上另一个1类新药III期（按最高3000万算）"): an award figure, in a
        clause with an adding word, that is the ceiling of exactly one rule the clause names. Each is taken at that
        ceiling, under its own measure's caps; none when no total is asked or no such figure is said."""
        if not question.asks_total or request.missing == "rule":
            return []
        lex = lexicon()
        items: list[Item] = []
        for amount in question.facts.amounts:
            if amount.role not in {AmountRole.DESIRED, AmountRole.CLAIMED} or amount.currency != CNY:
                continue
            clause = _clause_around(question.text, amount.start)
            if not has_word(clause, lex.award_added):
                continue
            named = {rule.id: rule for rule in self.book.rules if rule.cap_yuan == amount.yuan and rule_named(clause, rule)}
            if len(named) == 1:
                [rule] = named.values()
                items.append(Item(rule.id, {}, AT_ITEM_CEILING))
        return items

    def _bases_elsewhere(self, question: Question, request: AwardRequest, measure: str) -> list[Item]:
        """Items of other measures a total adds from the same message, each said with its own base (yuan) after a word
        adding it ("另外", "also": ``understanding.yaml`` other_item_added), or as a base none of this measure's rules is
        paid on (a new investment beside a CMO's output: ``eligibility.yaml`` base conditions), in a sentence that names, by what it
        supports (no base's word: "研发投入" is a trigger of many rules), exactly one rule of another measure, its
        clause none of this measure's ("CMO受托产值5000万；另外新建生产线新增投资2亿，一共能拿多少": （二十三）'s 30% of
        the 2亿 beside （二十四）'s item, each under its own ceilings). The base is taken out of this measure's own
        items. None when no total is asked."""
        if not question.asks_total or len(question.asks) != 1:
            return []
        own = self.book.for_measure(measure)
        topics = list(zip(self.book.rules, _topic_triggers(self.book), strict=True))

        def others_named(text: str) -> list[Rule]:
            return [rule for rule, (_, words) in topics
                    if rule.measure != measure and rule.base is not None and triggers_named(text, words)]

        sentence_of = {amount.start: _sentence_around(question.text, amount.start).lower() for amount in question.facts.amounts}
        items: list[Item] = []
        for amount in question.facts.amounts:
            if amount.currency != CNY or amount.role not in {AmountRole.BASE, AmountRole.FEE}:
                continue
            sentence = sentence_of[amount.start]
            clause = _clause_around(question.text, amount.start).lower()
            said = sentence.find(amount.text.lower())
            added = has_word(sentence[:said] if said >= 0 else sentence, lexicon().other_item_added)
            # ("…受托产值5000万，二是新建生产线新增投资2亿"): a base said to be what none of this measure's rules is paid on
            foreign_base = bool(amount.base_kind) and all(
                condition_rules().refuses(rule, "base_kind", amount.base_kind) for rule in own)
            # (a base this measure could be paid on belongs to it when its clause names one of its rules)
            owned = not foreign_base and any(rule_named(clause, rule) for rule in own)
            if not (added or foreign_base) or owned:
                continue
            others = others_named(clause) or ([] if not foreign_base and any(rule_named(sentence, rule) for rule in own)
                                              else others_named(sentence))
            if amount.base_kind:  # "RMB 200 million of new investment": the rules paid on a new investment
                kind = lexicon().base_kinds[amount.base_kind]
                others = [rule for rule in others if rule.base is not None and kind.search(rule.base)]
            elif amount.role is AmountRole.FEE:  # "两个海外展会，每个花了10万": the rules paid on a fee (项目经费), no premium
                others = [rule for rule in others if rule.base is not None and lexicon().roles["fee"].search(rule.base)]
            if len(others) != 1:
                continue
            [rule] = others
            request.bases = [base for base in request.bases if base != amount.yuan]
            inputs = {key: value for key, value in request.facts.items() if key in rule.conditions}
            # "参加了两个海外展会，每个花了10万": the count said before the one amount of its sentence, each item at it
            alone = list(sentence_of.values()).count(sentence) == 1
            counted = said >= 0 and alone and bool(question.facts.item_count) and bool(lexicon().item_count.search(sentence[:said]))
            items += [Item(rule.id, {**inputs, "base_yuan": amount.yuan})] * ((question.facts.item_count or 1) if counted else 1)
        return items

    def _each_item_failed(self, request: AwardRequest, bases: Sequence[Decimal], condition_id: str,
                          language: Language) -> list[AwardEstimate]:
        """For each item of ``bases`` (yuan), the estimate of ``request`` with ``condition_id`` failed for that item
        alone ("其中一个委托方是我们的股东": whichever it is, the others count)."""
        estimates = []
        # (by each item's place, not its base: of two items of the same base, "其中一个" fails one)
        for order, base in enumerate(request.bases, start=1):
            if base in bases:
                request.item_facts = {f"#{order}": {condition_id: False}}
                estimates.append(self.calculator.estimate(request.items(), self.today, language))
        request.item_facts = {}
        return estimates

    def _item_named_by_figure(self, question: Question, request: AwardRequest) -> Decimal | None:
        """The base (yuan) of the one item of several that the turn names by its figure ("the 8.7m client", "产值870万
        那个品种"), when it states no other amount; None otherwise."""
        bases = [base for base in request.bases if base > 0]
        if len(bases) < 2 or len(question.facts.amounts) > 1:
            return None
        named = figures_named(question.text) & set(bases)
        return named.pop() if len(named) == 1 else None

    def _shown_only(self, request: AwardRequest) -> bool:
        """Whether every rule of ``request`` that needs a base had its ceiling given with no base before."""
        return bool(request.rules) and all(rule.rate is None or rule.id in request.shown for rule in request.rules)

    def _at_ceiling(self, rules: Sequence[Rule], annual_shown: bool) -> str:
        """How items of ``rules`` with no base are taken: at the annual cap when that was the figure given for the
        one rule that counts against it, else at each per-item ceiling."""
        return AT_ANNUAL_CAP if annual_shown and len(rules) == 1 and rules[0].annual_cap else AT_ITEM_CEILING

    def _topic_inputs(self, topic: AwardSlots, rule_id: str) -> dict[str, Any]:
        """The facts of an award topic that the rule ``rule_id`` takes as calculator inputs."""
        accepted = self.book.inputs(rule_id).accepted
        return {k: v for k, v in topic.facts.items() if k in accepted}

    def _topic_items(self, topic: AwardSlots) -> list[Item]:
        """An earlier topic's items, latest first: those computed, else its rules whose ceilings were given."""
        items: list[Item] = []
        for rule_id, base in topic.seen:
            inputs = self._topic_inputs(topic, rule_id)
            if base and self.book.rule(rule_id).base is not None:
                inputs["base_yuan"] = Decimal(base)
            items.append(Item(rule_id, inputs))
        if not items and topic.shown:
            rules = [self.book.rule(rule_id) for rule_id in topic.shown]
            at = self._at_ceiling(rules, topic.annual_shown)
            items = [Item(rule.id, self._topic_inputs(topic, rule.id), at) for rule in rules]
        return list(reversed(items))

    def _annual_cap_used(self, request: AwardRequest) -> AnnualCap | None:
        """The per-entity annual cap of the request's rules that the support said received this year already fills
        (``request.received`` at or above its ``cap_yuan``: （三十七）'s 50万元); None when none is filled."""
        caps = {rule.annual_cap for rule in request.rules or request.candidates if rule.annual_cap}
        filled = [self.book.annual_caps[cap] for cap in sorted(caps) if request.received >= self.book.annual_caps[cap].cap_yuan]
        return filled[0] if request.received and len(caps) == 1 and filled else None

    def _sets_annual_cap(self, measure: str | None) -> bool:
        """Whether ``measure`` (a key such as ``24``) sets a per-entity annual cap on its awards."""
        return measure is not None and any(rule.annual_cap for rule in self.book.for_measure(measure))

    def _recalled(self, ask: Ask, session: Session) -> AwardSlots | None:
        """The most recent award topic of the conversation one of whose rules the follow-up names by its
        trigger words ("III期", "海外", "注册证"), or None."""
        text = ask.text.lower()
        bases = {name.lower() for rule in self.book.rules for name in (rule.base, rule.base_en) if name}
        # "那个II期的研发投入应该是4500万" after a device topic: the stage names the drug topic; the base's own name
        # ("研发投入", also a trigger of the device's registration rule) names a topic only when nothing else does
        for own_words in (True, False):
            for slots in session.award_topics():
                if any(triggers_named(text, [t for t in rule.triggers if not own_words or t.lower() not in bases])
                       for rule in self.book.for_measure(slots.measure)):
                    return slots
        return None

    def _if_met(self, request: AwardRequest, verdict: Eligibility, language: Language) -> Calculation | None:
        """What the one rule a verdict waits on gives at the base stated, should the fact it waits for hold ("研发投入
        1200万…能不能拿40%那一笔": min(40% × 1200万元, 800万元)); None without a rate, a base or an eligible figure."""
        rule = verdict.rule
        if rule is None or rule.rate is None or not request.bases:
            return None
        return self._at_stated_base(request, rule, language)

    def _at_stated_base(self, request: AwardRequest, rule: Rule, language: Language, without: str = "") -> Calculation | None:
        """What ``rule`` gives at the base the request states (its first item), the input ``without`` (a condition
        the case has not met yet) left out; None when no item is the rule's or it is not eligible."""
        items = [replace(item, inputs={k: v for k, v in item.inputs.items() if k != without})
                 for item in request.items() if item.rule_id == rule.id][:1]
        if not items:
            return None
        calculation = self.calculator.estimate(items, self.today, language).calculations[0]
        return calculation if calculation.eligible else None

    def _once_met(self, request: AwardRequest, verdict: Eligibility, language: Language) -> Calculation | None:
        """After a no on a step the case has not reached yet (a condition marked ``awaited``: "日本代理话要明年先开始卖",
        "no registration certificate yet"): what the one rule with that condition gives at the base stated once the step
        comes; None when the condition is no such step, no base is stated or several rules have it."""
        described = condition_rules().conditions.get(verdict.condition or "")
        if described is None or not described.awaited or not request.bases:
            return None
        rules = [rule for rule in dict.fromkeys(request.rules or request.candidates)
                 if verdict.condition in condition_rules().of_rule(rule)]
        if len(rules) != 1 or rules[0].rate is None:
            return None
        return self._at_stated_base(request, rules[0], language, without=verdict.condition or "")

    def _named_elsewhere(self, ask: Ask, session: Session) -> str | None:
        """The one measure not discussed yet whose rule a follow-up names by its trigger ("那III期呢？" in a CMO
        conversation names （五）'s Ⅲ期), when no topic discussed has such a rule; None when several or none do."""
        if session.award is None:
            return None
        # "what interest rate does the long-term credit discount give": the words asking name no rule ("interest")
        text = without_ask_words(ask.text.lower())
        discussed = {t.measure for t in session.award_topics()}
        named = {measure for measure, triggers in _topic_triggers(self.book) if triggers_named(text, triggers)}
        if not named or named & discussed or len(named) != 1:
            return None
        return next(iter(named))

    def _award(self, question: Question, ask: Ask, measure: str, session: Session, language: Language,
               asked_before: Ask | None = None) -> Step:
        """The award step of ``ask`` under ``measure``. ``asked_before``: the ask of the same message an elliptical
        ``ask`` asks again ("…对出海的创新产品支持多少？新政策又是多少？") or that was answered from the same measure,
        whose words name the rule when its own do not."""
        article = self._measure_article(measure)
        earlier = next((t for t in session.award_topics() if t.measure == measure), session.award)
        if (ask.listed and earlier is not None and id(earlier) not in self._topics_at_start
                and not has_word(ask.text.lower(), lexicon().total_words)):
            # "1）…核定新增投资2.8亿…？2）另一个老厂…总投资15个亿，这个又能拿多少？", "①…保费160万 ②…保费38万元…各项能补多少":
            # a case the asker numbered is its own; the one before it in the same message is no item of it
            earlier = None
        if (earlier is not None and earlier is not session.award and earlier.measure == measure
                and question.earlier_facts is not None and not question.facts.states_subject()):
            # "前面说错了，那个II期的投入其实是5800万" after a turn on a device: back on the drug's topic, the product
            # named since was another one; its class was that turn's, not this topic's
            question = replace(question, earlier_facts=replace(question.earlier_facts, device=False, drug_class=None,
                                                               cgt=False))
        words = ask.text.lower()
        parts = re.split("[,，]", ask.own_words.lower())
        own = parts[-1]  # the words that ask, after the case told
        if len(parts) > 1 and lexicon().stage_pointer.search(own) and not any(
                rule_named(own, r) for r in self.book.for_measure(measure)):
            own = f"{parts[-2]}，{own}"  # "…明年首次拿证并在上海投产，这一步能拿多少": the stage of the clause before
        if lexicon().stage_pointer.search(own) and len(
                [r for r in self.book.for_measure(measure) if rule_named(own, r)]) == 1:
            words = own  # "…首次取得注册证…，注册后这一段最多可以补多少": the one stage its clause points at
        if asked_before is not None and not any(rule_named(words, r) for r in self.book.for_measure(measure)):
            words = f"{asked_before.text.lower()} {words}"
        if question.replies_to_ask and any(rule_named(question.text, rule) for rule in self.book.for_measure(measure)):
            # "说错了，其实是海外临床试验的保险，保费还是120万" answering the award asked before: the rule the statement
            # names replaces the one the earlier ask named ("国内临床试验…"), it is not a second item
            words = question.text
        request = read_award(question, measure, self.book, earlier, words, sum(
            len(self._topic_items(topic)) for topic in session.award_topics() if topic.measure != measure))
        added = self._awards_added(question, request)
        if added and question.adds_item and earlier is not None and earlier.measure == measure and earlier.seen and not (
                question.facts.amounts_as(AmountRole.BASE)):
            # "再加上另一个产品的I期（按最高1000万算），一共多少": the item added is the award said; the topic's own items
            # are those computed before, not one more assumed at their base
            request.rules = [self.book.rule(rule_id) for rule_id, _ in earlier.seen]
            request.bases = [Decimal(base or 0) for _, base in earlier.seen]
            request.assumed = None
        request.elsewhere = [*self._items_elsewhere(question, request, session), *added,
                             *self._bases_elsewhere(question, request, measure), *self._shown_at_ceiling(question, request, session)]
        if (len(question.asks) > 1 and question.asks_ceiling and not question.facts.amounts and not ask.elliptical
                and request.assumed is not None):
            # "早期临床投入6000万，能补多少？确证性临床最多多少？": the later ask wants its own ceiling, not the earlier
            # ask's spend assumed for it
            request.bases, request.assumed = [], None
        wanted = self.verdicts.alternative_wanted(question, request)
        if wanted is not None:  # "小型企业，没有专精特新，担保能到2000万吗": the ceiling asked for is the rule asked about
            request.rules = [wanted]
        fitting = self.verdicts.fitting_alternative(question, request.rules)
        if fitting is not None:  # "明年长成中型企业了，拿了专精特新资质": of the two ceilings, the one the facts decide
            request.rules = [fitting]
        # (a measure's alternative ceilings are decided above, by the facts that pick one of them)
        told = self.verdicts.rule_the_case_describes(question, request) if not request.rules and not are_alternatives(
            list(request.candidates)) else None
        if told is not None:  # "我们的新药已经在欧洲上市销售了，能申请（三十六）吗": the sale abroad is the registration rule's case
            request.rules = [told]
        session.remember_award(request.slots())
        step = Step(ask, Route.AWARD, [article], request=request)
        # (a total over the conversation's items cites each measure it adds up)
        step.articles += list({a.chunk_id: a for item in request.elsewhere
                               if (a := self._measure_article(self.book.rule(item.rule_id).measure)) != article}.values())
        step.eligibility = self.verdicts.rules_verdict(question, measure, request.rules or list(request.candidates))
        if self.verdicts.after_term(question):
            # "预计2029年10月才能拿证，到时候还能申请吗": the document no longer applies then, whatever else holds
            step.eligibility = Eligibility(Verdict.NOT_ELIGIBLE, measure, request.rules[0] if len(request.rules) == 1 else None,
                                           DOCUMENT_TERM)
            step.articles = [*self._condition_articles(DOCUMENT_TERM, measure), article]
            step.route = Route.ELIGIBILITY
            return step
        # "在上海注册": the calculator does not list what the stated facts meet as still to meet, of one rule or several
        for condition_id in (*step.eligibility.holds, *self.verdicts.stated_met(question, request.rules or list(request.candidates))):
            request.facts.setdefault(condition_id, True)
        # what the stated facts fail fails its own items, whichever rule the verdict speaks for ("工厂在浙江嘉兴…进了特别审查，
        # 首次拿到注册证": （六）'s 300万 for the special review stands, the 落地生产 item fails)
        own = {cid for rule in request.rules for cid in rule.conditions}
        for condition_id in self.verdicts.unmet(question):
            if condition_id in own and condition_id in self.book.conditions and self.book.conditions[condition_id].input is None:
                request.facts.setdefault(condition_id, False)
        if step.eligibility.verdict is Verdict.NOT_ELIGIBLE:
            if step.eligibility.instead and self.verdicts.open_to_case(question, step.eligibility.instead):
                return self._instead(question, ask, step, language, session=session)
            sent_elsewhere = bool(step.eligibility.instead)
            if sent_elsewhere:  # "体外诊断…试验其实在国内做": （五） is for drugs, so no measure is named instead
                step.eligibility = replace(step.eligibility, instead="")
            alternative = self.verdicts.alternative(question, measure, step.eligibility)
            if alternative is not None:
                # "中型企业没有资质，担保额度能做到3000万吗": no; the alternative ceiling of the same measure applies
                step.articles = [*self._condition_articles(step.eligibility.condition, measure), *step.articles]
                step.eligibility = replace(step.eligibility, alternative=alternative)
                step.estimate = self.calculator.estimate([Item(alternative.id, {})], self.today, language)
                return step
            # (an amount below the measure's threshold, "首付款8000万": no other measure pays for that deal instead)
            failed = self.book.conditions.get(step.eligibility.condition) if step.eligibility.condition else None
            below_threshold = failed is not None and failed.min_yuan is not None
            applies = None if below_threshold else self.verdicts.rule_that_applies(question, ask, measure)
            if applies is not None:
                # "我们是药企不是CRO，能申请吗？…1类新药国内Ⅰ期，研发投入2000万": no; （五） applies, at most 800万
                step.eligibility = replace(step.eligibility, instead=applies.measure)
                return self._instead(question, ask, step, language, applies, session)
            served = self._served(question, ask, step.eligibility, measure, session, language)
            if served is not None:
                return served
            step.articles = [*self._condition_articles(step.eligibility.condition, measure), *step.articles]
            self._about_the_asker(question, step, measure, sent_elsewhere)
            # the amount asked is computed too when the failed condition is the calculator's: it shows that condition
            # and 0; one only the eligibility data decides (（四）'s CRO serving universities), failed by what this turn
            # states, leaves the no alone, not beside a ceiling computed as if it were met (a fact of an earlier turn may
            # be another applicant's: "如果投保的药企实际交了150万保费" after the insurer's own no)
            condition = self.book.conditions.get(step.eligibility.condition)
            stated_now = ConditionEvaluator(self.book).check(step.eligibility.condition, self.verdicts.fact_values(
                replace(question, earlier_facts=None))[0]).state is ConditionState.FAILED
            # ("Does that change anything?" after two items of （三十六）, the licensee now an investor: the condition is
            # the licensing item's only, so the items are computed again, the other one unaffected)
            # ("A的委托方其实是我们母公司控股的另一家公司，那会变吗" after A and B: that item alone fails; "其中一个的客户是我们
            # 母公司有投资的公司，咁总数会唔会变" in a later turn: one of them, whichever; a supposition beside the sum asked in the
            # same message, "如果其中一家委托方是…还能算进去吗", is its own yes or no)
            some_items = condition is not None and (
                (len({r.id for r in request.rules}) > 1 and not all(condition.id in r.conditions for r in request.rules))
                or ((request.named_item is not None or (request.unnamed_item and bool(question.context_text)))
                    and len(request.bases) > 1))
            if ((ask.kind is AskKind.AMOUNT or some_items) and request.missing is None and not question.facts.base_foreign_for(_fee_based(request.rules))
                    and (condition is not None or not stated_now)):
                if condition is not None and condition.input is None:
                    named = request.named_item if request.named_item is not None else self._item_named_by_figure(
                        question, request)
                    if named is not None:  # "the 8.7m client is 30% owned by our parent": that item alone fails
                        request.item_facts[str(named)] = {condition.id: False}
                        if named in request.bases:  # kept for the turns after: that item stays failed
                            request.failed_items = sorted({*request.failed_items, request.bases.index(named) + 1})
                            session.remember_award(request.slots())
                        request.facts.pop(condition.id, None)
                        if (condition.id in RELATION_CONDITIONS and question.earlier_facts is not None
                                and question.earlier_facts.related_party is False):
                            request.facts[condition.id] = True  # ("委託方都是外部客戶，沒有投資關係" before: the others still are not)
                        step.eligibility = replace(step.eligibility, item_yuan=named)
                    elif request.unnamed_item and len(bases := [b for b in request.bases if b > 0]) >= 2:
                        # "如果其中一个委托方是我们的股东呢？": that one item fails, whichever it is; the others count
                        request.facts.pop(condition.id, None)
                        estimates = self._each_item_failed(request, bases, condition.id, language)
                        step.estimate = min(estimates, key=lambda estimate: estimate.total_yuan)
                        totals = [estimate.total_yuan for estimate in estimates]
                        step.eligibility = replace(step.eligibility, others_yuan=(min(totals), max(totals)))
                        return step
                    else:
                        request.facts[condition.id] = False
                step.estimate = self.calculator.estimate(request.items(), self.today, language)
                return step
            step.route = Route.ELIGIBILITY
            step.if_met = self._once_met(request, step.eligibility, language)
            return step
        awaited = self.verdicts.awaited(question, ask, request)
        if awaited is not None and step.eligibility.verdict is Verdict.ELIGIBLE:
            # "中型企业，能做3000万的担保吗": the qualification the ceiling waits for is unsaid; if not, the alternative applies
            step.eligibility = awaited
            step.others = [other for rule in (self.verdicts.alternatives_to(awaited.rule) if awaited.rule is not None else [])
                           if (other := self.verdicts.other_rule(question, measure, rule)) is not None]
            step.articles = [*self._condition_articles(awaited.condition, measure), *step.articles]
            step.route = Route.ELIGIBILITY
            step.if_met = self._if_met(request, awaited, language) if awaited.verdict is Verdict.UNKNOWN else (
                self._once_met(request, awaited, language))
            if step.if_met is None and awaited.verdict is Verdict.UNKNOWN and not request.bases:
                # "刚拿到注册证，能拿800万的补贴吗？": what the figure wanted takes, should the fact waited for hold
                step.required_base = self._spend_for_wanted(question, [awaited.rule] if awaited.rule else request.rules)
            return step
        if step.eligibility.verdict is Verdict.UNKNOWN and step.eligibility.missing:
            # "我们是医院，能申请（五）吗": it depends on a fact about who asks; the measures meant for that kind follow
            self._about_the_asker(question, step, measure)
            if ask.kind is not AskKind.AMOUNT or request.missing is not None or question.facts.base_foreign_for(_fee_based(request.rules)):
                step.route = Route.ELIGIBILITY
                return step
        by_size = self.verdicts.alternatives_by_size(question, request)
        if ask.kind is AskKind.AMOUNT and by_size and not question.facts.amounts:
            # "我们是专精特新企业，担保额度上限多少": the size unsaid decides between the ceilings, both shown, never summed
            step.estimate = self.calculator.estimate([Item(rule.id, {}) for rule in [*by_size, *request.rules]],
                                                     self.today, language)
            return step
        met = self.verdicts.met_now(question, step.eligibility.rule) if (
            ask.kind is AskKind.ELIGIBILITY and step.eligibility.rule is not None and not question.facts.amounts
            and question.context_text) else ""
        if met:
            # "我们跟客户之间没有任何投资关系，这一点重要吗？" inside a conversation: the verdict on that condition, no repeat
            step.eligibility = replace(step.eligibility, met=met)
            step.route = Route.ELIGIBILITY
            return step
        if ask.kind is AskKind.REQUIRED_BASE:
            # (before any route a flag of the whole message would take: "…最高补多少？要拿满这个数研发投入至少要多少？一家
            # 公司一年…累计最多拿多少？" asks the annual cap in another ask)
            return self._required_base(question, step)
        # ("Can we still get the subsidy for one more show?" asks it as an amount: nothing is left this year either)
        used = self._annual_cap_used(request) if (
            ask.kind in {AskKind.ELIGIBILITY, AskKind.AMOUNT} and step.eligibility.verdict is Verdict.ELIGIBLE) else None
        if used is not None:
            # "今年累计已经给了我们50万元…还能再申请吗": the per-entity annual cap is already filled; no more this year
            step.eligibility = replace(step.eligibility, verdict=Verdict.NOT_ELIGIBLE, condition=ANNUAL_CAP_USED)
            step.annual_cap_used = used
            step.route = Route.ELIGIBILITY
            return step
        at_ceiling = self._products_at_ceiling(question, earlier if earlier is not None and earlier.measure == measure else None)
        if at_ceiling is not None:
            # "同一年另外两个产品也走这条路、也都拿到顶，全部加起来最多多少": every product takes each award of the path
            # discussed at its ceiling; their sum, held to the annual cap they all count against
            request.rules, step.products = at_ceiling
            step.route = Route.CEILINGS
            step.ceilings_sum = self._ceilings_sum(question, request.rules, step.products)
            return step
        if question.asks_annual_cap and _asks_cap_not_sum(request, question) and not (question.facts.item_count or 0) > 1:
            # (a count of items stated, "如果一年参加15个展会…一年最多多少", is their sum under the cap: computed below)
            step.route = Route.CEILINGS  # "一年最多能拿多少": the annual cap leads, the per-item ceilings follow
            # "What's the maximum for a Phase III trial, and what's the annual cap?": the ceiling asked first leads
            # ("参加海外展会最多补多少？CMO…最高多少？每家企业一年最多多少？": of several asks, one naming no year leads with
            # its own ceiling)
            step.annual_first = not _item_ceiling_asked_first(ask.text.lower()) and (
                len(question.asks) < 2 or has_word(ask.text.lower(), lexicon().annual_words))
            if session.award is not None and session.award.measure == measure:
                session.award.annual_shown = step.annual_first  # a later total over measures adds this cap
            step.products = _products_at_ceiling_said(question, request.rules)
            step.ceilings_sum = self._ceilings_sum(question, request.rules, step.products,
                                                   self._seen_for_sum(question, session, measure))
            return step
        asked = question.text.lower().rstrip(" ？?。")
        # ("如果二期三期都在同一年申请，一共最多能拿多少": the year the items share is theirs, no cap asked of it)
        asked = lexicon().items_year.sub(" ", asked)
        if question.asks_annual_cap and (question.asks_total or question.adds_item) and any(
                r.annual_cap for r in request.rules or request.candidates) and (
                lexicon().cap_exists_asked.search(asked) or (names_annual_cap(asked) and not lexicon().yes_no_question.search(asked))):
            # "这两块加起来，一年有没有封顶？", "如果同一年还有另外两个品种也在拿这个支持，全公司一年累计有没有封顶？": the cap
            # leads, the sum under it follows ("合计多少？会不会超过每年的上限？" asks whether the sum passes it: the sum leads;
            # "同一年做了三个那样的项目呢？加起来多少？" names the year of the items and asks no cap: the sum leads)
            # "加起来一共多少？一年封顶是多少": the sum first; so for "两项加起来一年最多多少" (the most the two bring in a
            # year, no question whether a cap exists)
            # ("…what is the total, and does any annual cap bite?": whether the sum passes the cap is asked after it)
            # ("如果两个产品同一年都拿到钱，一年一家最多封顶多少？": the items supposed in a clause of their own ask no sum)
            asked_for_sum = " ".join(part for part in LAST_CLAUSE.split(asked) if not lexicon().supposing_opening.match(part))
            summed = (not lexicon().cap_exists_asked.search(asked) or bool(lexicon().cap_reached_asked.search(asked))) and (
                _asked_before_annual(asked_for_sum, lexicon().total_words, lambda between: True))
            step.annual_first = not (_sum_asked_before_cap(asked) or summed)
        if (question.asks_annual_cap and not any(r.annual_cap for r in request.rules or request.candidates)
                and lexicon().cap_exists_asked.search(ask.own_words.lower()) and not question.facts.amounts):
            # "这一条每家每年有没有累计封顶？" of （三十六）: the text sets a ceiling per product, no cap per company and
            # year; it says so, then the ceiling. A total asked beside it ("6个项目总共最多贴多少，有没有年度封顶")
            # is answered first, the cap's absence said after it
            if question.asks_total and len(request.items()) > 1 and has_word(asked, lexicon().sum_figure_words):
                step.cap_unset = True
            else:
                step.route, step.detail = Route.NOT_SPECIFIED, ANNUAL_CAP
                items = request.items()  # (the ceiling follows when there is one to show: a rate with no base shows none)
                step.estimate = self.calculator.estimate(items, self.today, language, received=request.received) if items else None
                return step
        capped = _usd_bases_capped(question, request)
        if capped:  # "premiums of USD 500,000": 50% of it passes the 100万 ceiling at every plausible rate
            request.bases = capped
            step.eligibility = replace(step.eligibility, usd_by_range=True)
        if request.missing == "rule" and question.asks_total and are_alternatives(list(request.candidates)):
            # "so can we get both added up" of the two guarantee ceilings: both shown, one or the other, never summed
            step.estimate = self.calculator.estimate([Item(rule.id, {}) for rule in request.candidates], self.today, language)
            return step
        # a figure heard of with no spend stated ("听说早期临床能拿2000万，是吗？") is checked against the ceiling
        heard = bool(question.facts.amounts_as(AmountRole.CLAIMED)) and not question.facts.amounts_as(AmountRole.BASE)
        # ("每家企业每年最多拿2亿，对不对": a figure heard of the annual cap is checked against that cap, not a ceiling)
        step.annual_heard = self._heard_annual_cap(question, request.rules or list(request.candidates)) if heard else []
        of_cap = {yuan for yuan, _ in step.annual_heard}
        heard_wrong = [w for w in self._heard_above_ceiling(question, request.rules or list(request.candidates),
                                                            request.candidates) if w[0] not in of_cap] if (
            # (a ceiling heard beside the asker's own figure is put right too: "听说…中型…上限提到1000万了？…想贷2500万")
            question.facts.amounts_as(AmountRole.CLAIMED)) else []
        # "…最高支持5000万元，是这样吗？" asks whether the figure is right, not whether the asker may apply
        verdict_asked = ask.kind is AskKind.ELIGIBILITY and not (heard and has_word(ask.text.lower(), lexicon().claim_check))
        if heard and not verdict_asked:
            step.ask = replace(ask, kind=AskKind.AMOUNT, yes_no=False)
            step.confirmed = [] if heard_wrong else [c for c in self._heard_ceilings(
                question, request.rules or list(request.candidates)) if c[0] not in of_cap]
            share = stated_figure(question.text)
            if share is not None and share.kind == "percent" and share.bound == 0:
                # "听说能补总投资的30%，最高1亿，对吗？": the ceiling is right, the share heard is another rule's
                heard_rate = share.value / 100
                step.share_wrong = [(heard_rate, rule) for _, rule in step.confirmed
                                    if rule.rate is not None and rule.rate != heard_rate]
        either = _same_award_either_way(request) if request.missing == "rule" and not (heard or verdict_asked) else ()
        if either:
            # "临床试验责任险保费交了80万能补多少": 50% of 80万 is under the 50万 and the 100万 ceiling alike, so the
            # figure does not wait for which insurance it is; the answer names both
            request.rules, step.either = [either[0]], either
        if request.missing == "rule" and _asks_share(ask.text) and all(r.rate is None for r in request.candidates):
            # "What percentage of the interest is subsidised? Our client has a RMB 80 million loan": the text sets
            # ceilings and no share; it says so, then the ceilings (the loan is no guarantee wanted)
            step.route, step.detail = Route.NOT_SPECIFIED, SHARE
            # (what the measure does say of it follows: "通过重点产业优惠利率长期信贷贴息等政策工具…")
            step.lead = unset_share_sentence(self._measure_article(request.measure).text, ask.text) if (
                request.measure) else None
            return step
        if request.missing == "rule":
            figures = figures_wanted(question, request.candidates) if fixed_alternatives(request.candidates) else []
            if figures and not heard and question.conversation_facts.enterprise_size is None:
                # "能申请1500万的担保额度吗" of alternative ceilings (one or the other by the enterprise's size), the size
                # unsaid: within each, yes; above them all, no; in between, it depends (``_awaited``); each ceiling follows
                highest = max(request.candidates, key=lambda rule: rule.cap_yuan)
                if all(figure > highest.cap_yuan for figure in figures):
                    step.corrections, step.declined = [(max(figures), highest, Decimal(highest.cap_yuan))], True
                elif all(figure <= rule.cap_yuan for figure in figures for rule in request.candidates):
                    step.within = max(figures)
                elif all(min(r.cap_yuan for r in request.candidates) < figure <= highest.cap_yuan for figure in figures):
                    # "2800万的担保能给到吗": within the higher ceiling, above the lower: the enterprise's kind decides
                    # (the ceilings themselves named, "2000万/3000万那条", ask nothing of them)
                    step.within_some = max(figures)
                step.route = Route.CEILINGS
                return step
            if verdict_asked:
                step.route = Route.ELIGIBILITY
                step.lead = lead_clause(article.text, AskKind.WHAT, _product_query(ask, request))
                waiting = self.verdicts.every_rule_waiting(question, request) if step.eligibility.verdict is Verdict.ELIGIBLE else None
                if waiting is not None:
                    # "我们是医疗器械公司，能申请（六）吗": every rule of the measure waits for the special review, unsaid
                    step.eligibility = waiting
                    step.articles = [*self._condition_articles(waiting.condition, measure), *step.articles]
                    return step
                # (an "it depends" on a condition every rule shares keeps it: "做细胞治疗的初创公司，能申请吗" waits on 1类新药)
                step.eligibility = (replace(step.eligibility, rule=None) if step.eligibility.verdict is Verdict.UNKNOWN
                                    and step.eligibility.condition else Eligibility(step.eligibility.verdict, measure))
                step.corrections = heard_wrong
                return step
            if (question.asks_ceiling and not question.facts.amounts) or heard:
                step.route = Route.CEILINGS  # "最高多少": every ceiling of the measure, with its annual cap
                step.corrections = heard_wrong
                return step
            step.route = Route.CLARIFY_RULE
            return step
        if request.missing == "base":
            if question.facts.base_foreign or request.foreign:  # ("US$800,000" said now, or before with no yuan since)
                # "USD 4.1 million of output": 10% of it stays below 500万 at every rate, so the rule is the answer
                step.route = Route.UNDER_CAP_AT_ANY_RATE if _usd_bases_under_cap(question, request) else Route.CLARIFY_CURRENCY
                return step
            out_of_reach = [] if heard_wrong else self._wanted_above_ceiling(question, request.rules)
            if verdict_asked and out_of_reach:
                # "我们1类新药III期，能拿0.5亿吗？": no spend stated, and the figure asked is above the ceiling whatever
                # the spend: a no, then the ceiling (never the figure asked taken as the spend)
                step.corrections, step.declined = out_of_reach, True
                step.route = Route.CEILINGS
                return step
            if verdict_asked:
                step.route = Route.ELIGIBILITY
                step.lead = lead_clause(article.text, AskKind.WHAT, _product_query(ask, request))
                step.corrections = heard_wrong  # "听说Ⅲ期最高5000万，我们能申请吗？": the figure put right first
                step.required_base = self._spend_for_wanted(question, request.rules) if not heard_wrong else None
                return step
            if question.asks_ceiling and not question.facts.amounts:
                step.route = Route.CEILINGS
                step.products = _products_at_ceiling_said(question, request.rules)
                step.ceilings_sum = self._ceilings_sum(question, request.rules, step.products)
                return step
            if heard and len(request.rules) == 1:
                step.route = Route.CEILINGS
                step.corrections = heard_wrong
                return step
            if len(request.rules) == 1 and not question.facts.amounts and ask.kind is AskKind.AMOUNT and len(question.asks) == 1:
                # "CAR-T早期临床能支持多少": the one rule asked has its ceiling; the spend would only lower it
                # (a message of several asks lists each ceiling and asks for the bases, as before)
                step.route = Route.CEILINGS
                step.invite_base = True
                return step
            if (len(request.rules) == 1 and ask.kind is AskKind.WHAT and question.facts.amounts
                    and all(a.role is AmountRole.UPFRONT for a in question.facts.amounts)):
                # "那首付款1亿以上的海外授权交易呢？": the deal named by its upfront, its terms asked: the ceiling, the
                # service spend it is a share of invited
                step.route = Route.CEILINGS
                step.invite_base = True
                return step
            step.route = Route.CLARIFY_BASE
            return step
        if question.facts.base_foreign_for(_fee_based(request.rules)) and not capped and any(r.rate is not None for r in request.rules):
            step.route = Route.CLARIFY_CURRENCY
            return step
        if request.bases and not any(request.bases) and any(r.rate is not None for r in request.rules):
            # "研发投入0元": a share of nothing is nothing; the calculator takes only spends above zero
            step.route = Route.NO_SPEND
            return step
        try:
            step.estimate = self.calculator.estimate(request.items(), self.today, language, received=request.received)
        except MissingBase:  # items the conversation could not pair with a spend: the spend is asked, not guessed
            step.route = Route.CLARIFY_BASE
            return step
        met_rules = self._rules_met(question, request.rules) if are_alternatives(step.estimate.calculations) else []
        if len(met_rules) == 1 and question.facts.amounts_as(AmountRole.DESIRED) and not request.bases:
            # "中型…拿到了专精特新资质…担保额度上限可以到3000万吗？": of the alternatives, the one the case meets answers
            request.rules = met_rules
            step.estimate = self.calculator.estimate(request.items(), self.today, language, received=request.received)
        within_some = self._within_some(question, request, step.estimate)
        # (a ceiling heard below the one the text sets is put right too: "海外…临床试验最高支持1000万元，对不对")
        step.corrections = [c for c in self._corrections(question, request, step.estimate, within_some=within_some)
                            if c[0] not in of_cap] or heard_wrong
        # "贴息的利率或比例是多少": the text sets a ceiling and no share; it says so, then the ceiling (an amount the
        # asker states beside it, "a RMB 80 million loan", is no award wanted)
        no_share = _asks_share(ask.text) and all(r.rate is None for r in request.rules)
        last_sentence = re.split(r"[。！？!?]|\.\s", ask.text.lower().rstrip(" ，,。?？"))[-1]
        if not step.corrections and not no_share and lexicon().yes_no_question.search(last_sentence + "?"):
            # "投入1亿，能拿3000万吗？": a wanted award the ceiling or the computation does not reach is a no
            step.corrections = self._corrections(question, request, step.estimate, AmountRole.DESIRED, within_some)
            step.declined = bool(step.corrections)
            step.within_some = within_some
        # (an approximate amount that is no base of the award, "trial budget around RMB 25 million", is not noted, nor
        # one beside rules that set only a ceiling: "投了大概四百五十万" computes nothing under （十二）'s 100万)
        step.approximate = [a.yuan for a in question.facts.amounts
                            if a.approximate and a.role in {AmountRole.BASE, AmountRole.FEE} and (not request.bases or a.yuan in request.bases)
                            and any(rule.rate for rule in request.rules)]
        if no_share:
            step.route = Route.NOT_SPECIFIED
            step.detail = SHARE
        request.computed()
        session.remember_award(request.slots())
        return step

    def _heard_annual_cap(self, question: Question, rules: Sequence[Rule]) -> list[tuple[Decimal, AnnualCap]]:
        """Each figure heard of whose clause names the per-entity annual cap ("每家企业每年最多拿2亿"), with the one cap
        ``rules`` count against; none when they count against none or several."""
        caps = {rule.annual_cap for rule in rules if rule.annual_cap}
        if len(caps) != 1:
            return []
        cap = self.book.annual_caps[caps.pop()]
        return [(heard.yuan, cap) for heard in question.facts.amounts_as(AmountRole.CLAIMED)
                if names_annual_cap(_heard_clause(question, heard))]

    @staticmethod
    def _heard_ceilings(question: Question, rules: Sequence[Rule]) -> list[tuple[Decimal, Rule]]:
        """Each figure heard of that is the ceiling of one of ``rules``, with that rule ("听说Ⅱ期最高2000万，是吗？")."""
        confirmed = []
        for heard in question.facts.amounts_as(AmountRole.CLAIMED):
            rule = next((r for r in rules if r.cap_yuan == heard.yuan), None)
            if rule is not None:
                confirmed.append((heard.yuan, rule))
        return confirmed

    @staticmethod
    def _heard_above_ceiling(question: Question, rules: Sequence[Rule],
                             candidates: Sequence[Rule] = ()) -> list[tuple[Decimal, Rule, Decimal]]:
        """Each figure heard of that the ceilings of ``rules`` contradict, put right: (heard, rule, its ceiling). Above
        every ceiling, with the highest ("听说1类新药最高能给5000万" → （五）'s Ⅲ期 3000万); heard as the most one rule
        gives and not its ceiling, with that ceiling ("听说Ⅲ期最多给2000万" → 3000万). A figure whose own clause names
        one of the measure's ``candidates`` is checked against that rule, whichever the ask names ("听说确证性临床那一段
        最高可以补5000万…早期临床又能补多少": the confirmatory stage's 3000万, not the early stage's 1500万)."""
        if not rules:
            return []
        highest = max(rules, key=lambda rule: rule.cap_yuan)
        one = len(set(rules)) == 1 and question.asks_ceiling
        wrong = []
        for heard in question.facts.amounts_as(AmountRole.CLAIMED):
            clause = _heard_clause(question, heard)
            named = list(dict.fromkeys(rule for rule in candidates if rule_named(clause, rule)))
            if len(named) == 1 and named[0] not in rules:
                if heard.yuan > named[0].cap_yuan or (question.asks_ceiling and heard.yuan != named[0].cap_yuan):
                    wrong.append((heard.yuan, named[0], Decimal(named[0].cap_yuan)))
            elif heard.yuan > highest.cap_yuan or (heard.yuan != highest.cap_yuan and len(set(rules)) == 1 and (
                    one or has_word(clause, lexicon().ceiling_words))):
                # ("…海外开展创新产品临床试验最高支持1000万元，对不对": the ceiling heard, below the one the text sets)
                wrong.append((heard.yuan, highest, Decimal(highest.cap_yuan)))
        return wrong

    def _products_at_ceiling(self, question: Question, topic: AwardSlots | None) -> tuple[list[Rule], int] | None:
        """(the rules of ``topic``'s path, how many products take it) when a total asks that many products each at
        every award's ceiling: "同一年另外两个产品也走这条路、也都拿到顶" (the one discussed and two more: 3),
        "五个产品都这样，每个都拿满300万加800万" (5). None when no total is asked, no product count is said, the
        topic has no items computed, the total names rules of its own, or an amount stated is not one of its
        ceilings (a base of its own)."""
        if topic is None or not question.asks_total or not has_word(question.text, lexicon().at_ceiling_words) or any(
                rule_named(question.text, rule) for rule in self.book.for_measure(topic.measure)):
            return None  # ("海外临床试验项目有3个都拿最高，另外再加2个CRO能力提升项目": the rules it names, each counted)
        products = 1 + question.items_added if question.adds_item else (question.facts.item_count or 0)
        rules = [self.book.rule(rule_id) for rule_id in dict.fromkeys(rule_id for rule_id, _ in topic.seen)]
        ceilings = {rule.cap_yuan for rule in rules}
        if products < 2 or not rules or any(a.yuan not in ceilings for a in question.facts.amounts):
            return None
        return rules, products

    def _ceilings_sum(self, question: Question, rules: Sequence[Rule], products: int = 1,
                      seen: Mapping[str, Decimal] | None = None) -> CeilingsSum | None:
        """"两个产品…都拿最高，加起来会超过一年的上限吗": each of several rules at its ceiling, summed (yuan) over
        ``products`` products each taking them all, with the one per-entity annual cap they all count against (None when
        the measure sets none: "报3个这样的项目，要是都拿满一共多少" of （二十）, 3 × 200万); None when no total is asked,
        when one rule is (for one product), or when they count against several caps or some against none.
        ``seen`` (rule id → base yuan, for one product): items the conversation computed on a stated base count the
        award the calculator gives that base, not the ceiling ("确证性临床…研发投入是五千万元" then "两段都拿到了，
        一共最多": 1500万 + min(40% × 5000万, 3000万))."""
        if not question.asks_total or len({r.id for r in rules}) * products < 2:
            return None
        caps = {r.annual_cap for r in rules}
        if len(caps) != 1:
            return None
        cap_id = caps.pop()
        annual = Decimal(self.book.annual_caps[str(cap_id)].cap_yuan) if cap_id is not None else None
        computed: dict[str, tuple[Decimal, Decimal]] = {}
        for rule in rules if products == 1 else ():
            base = (seen or {}).get(rule.id)
            if base is not None and rule.rate is not None:
                award = self.calculator.calculate(rule.id, {"base_yuan": base}, self.today)
                if award.eligible:
                    computed[rule.id] = (base, Decimal(award.amount_yuan))
        total = sum((computed[r.id][1] if r.id in computed else Decimal(r.cap_yuan) for r in rules), Decimal(0))
        return CeilingsSum(products * total, annual, computed)

    @staticmethod
    def _seen_for_sum(question: Question, session: Session, measure: str) -> dict[str, Decimal]:
        """The bases (yuan, by rule id) the conversation computed the measure's items on, for a total that does not say
        each is taken at its ceiling ("都按最高算" keeps the ceilings)."""
        topic = session.award
        if topic is None or topic.measure != measure or has_word(question.text, lexicon().at_ceiling_words):
            return {}
        return topic.seen_bases()

    def _pointed_measure(self, question: Question, previous: list[Article], plan: Plan) -> str | None:
        """The measure key of the earlier turn a turn points at past the last one ("第一项…", "第一个问的那个"),
        when that turn's article is one of the policy's measures; None otherwise."""
        if not question.recalled_text or plan.steps or not previous:
            return None
        article = previous[0]
        if article.doc_id != self.book.document or str(article.key) not in self.book.measures():
            return None
        return str(article.key)

    def _instead(self, question: Question, ask: Ask, step: Step, language: Language, rule: Rule | None = None,
                 session: Session | None = None) -> Step:
        """The asked measure does not apply; the one that does (``rule``, else the rule ``instead_rule``
        names for the measure) is computed in its place, and becomes the session's award topic: a later "what's
        the annual cap under that one?" asks the measure that applies."""
        assert step.eligibility is not None
        other = step.eligibility.instead
        rule_id = rule.id if rule is not None else condition_rules().instead_rule(other, step.eligibility.fact)
        step.articles = [self._measure_article(other), *step.articles]
        if rule_id is None:  # the measure that applies has no one rule to compute ("海外那条" for a domestic trial → （五）)
            step.route = Route.ELIGIBILITY
            return step
        rule = self.book.rule(rule_id)
        step.instead_eligibility = self.verdicts.rules_verdict(question, other, [rule])
        # "我们公司在上海注册…在美国做的二期": what the case meets is not listed as still to meet
        inputs: dict[str, Any] = dict(self.verdicts.stated_met(question, [rule]))
        bases = [a.yuan for a in question.facts.amounts_as(AmountRole.BASE)]
        if rule.rate is not None:
            if not bases:
                step.route = Route.ELIGIBILITY
                return step
            inputs["base_yuan"] = bases[0]
        if question.facts.base_foreign_for(rule.fee_base) and rule.rate is not None:
            step.route = Route.CLARIFY_CURRENCY
            return step
        step.estimate = self.calculator.estimate([Item(rule.id, inputs)], self.today, language)
        if session is not None and step.estimate.calculations[0].eligible:
            base = str(inputs.get("base_yuan", ""))
            session.remember_award(AwardSlots(measure=other, rule_ids=[rule.id], bases=[base] if base else [],
                                              seen=[(rule.id, base)]))
        return step

    def _about_the_asker(self, question: Question, step: Step, measure: str, sent_elsewhere: bool = False) -> None:
        """A verdict that turns on who the asker is (a kind it is, or says it is not), or a no whose case the data
        sends to a measure the case does not fit (``sent_elsewhere``: a CRO's clinical services for companies are
        neither （二十四）'s production nor （四）'s services for institutes): the measures meant for its kind that
        such a verdict points to are added (those not asked about, and not contradicted by the case), and on a no,
        the measure's other rules the asker's facts still leave open or meet are judged (``Step.others``)."""
        verdict = step.eligibility
        if verdict is None or (verdict.fact not in KIND_FACTS | APPLICANT_FACTS and not sent_elsewhere):
            return
        entity_type = question.conversation_facts.entity_type
        kind = asker_kind(entity_type) if (verdict.fact in APPLICANT_FACTS or sent_elsewhere) and entity_type else None
        if kind is not None:
            pointed = [s for s in kind_measures(kind, self.book, self._measure_article)
                       if s.entry.point and s.entry.measure != measure and (
                           not sent_elsewhere or self.verdicts.open_to_case(question, s.entry.measure))]
            step.pointers = pointed
            _cite_after(step, [s.article for s in pointed])
        if verdict.verdict is Verdict.NOT_ELIGIBLE and verdict.rule is not None:
            step.others = [other for rule in self.book.for_measure(measure) if rule.id != verdict.rule.id
                           and (other := self.verdicts.other_rule(question, measure, rule)) is not None]

    def _served(self, question: Question, ask: Ask, verdict: Eligibility, measure: str, session: Session,
                language: Language) -> Step | None:
        """After a no on who applies, for an asker whose kind the measure serves rather than pays (``eligibility.yaml``
        kinds with a ``note``: "我是高校的，想找CRO做临床前研究，市里有啥支持？") and who does not ask whether it may
        apply itself: the measure's terms (its ceiling; a yes when asked whether there is any), then who it is for;
        None otherwise."""
        facts = question.conversation_facts
        kind = asker_kind(facts.entity_type) if verdict.fact == "entity_type" else None
        served = next((s for s in kind_measures(kind, self.book, self._measure_article)
                       if s.entry.measure == measure and s.entry.note), None) if kind is not None else None
        if served is None or lexicon().own_ability_asked.search(ask.own_words.lower()):
            return None
        # the measure's terms read as for an asker of no kind: the asker is the one its applicant serves
        unnamed = replace(question, facts=replace(question.facts, entity_type=None, clients=None), asks_ceiling=True,
                          earlier_facts=replace(question.earlier_facts, entity_type=None, clients=None)
                          if question.earlier_facts is not None else None)
        step = self._award(unnamed, replace(ask, kind=AskKind.AMOUNT), measure, session, language)
        if step.route not in {Route.CEILINGS, Route.AWARD}:
            return None
        step.ask = replace(step.ask, yes_no=ask.kind is AskKind.ELIGIBILITY and asks_yes_or_no(ask.own_words.lower()))
        step.served = served
        return step

    def _applicant_of_discussed(self, question: Question, session: Session, kind: str) -> bool:
        """Whether a short follow-up names only a kind of applicant (``kind``: "And for a hospital?", "那医院呢？") right
        after an award of the policy that kind may claim (（三十七）: "我市企业或组织"): it asks that award's measure again,
        for that applicant. After a measure the kind cannot claim (（四） is the CRO's), the kind's own measures answer."""
        award = session.award
        if award is None or not _short(question) or question.facts.amounts or not session.last_chunk_ids:
            return False
        if not (question.follow_up or any(a.elliptical for a in question.asks)):
            return False
        discussed = self.retriever.article(session.last_chunk_ids[0])
        if discussed is None or discussed.doc_id != self.book.document or discussed.key != award.measure:
            return False
        evaluator = ConditionEvaluator(self.book)
        rules = [self.book.rule(rid) for rid in award.rule_ids] or list(self.book.for_measure(award.measure))
        return not any(check.state is ConditionState.FAILED for rule in rules
                       for check in evaluator.judge(rule, {"entity_type": kind}))

    def _kind_support(self, question: Question, kind_id: str | None) -> Step | None:
        """"我们是CRO，有什么支持": a question asking what support the asker's kind (``kind_id``) gets and naming
        no topic besides is answered with every measure meant for that kind, each with its verdict for the
        stated facts; None for any other question (or a kind no measure is meant for, or an asker registered
        elsewhere)."""
        kind = asker_kind(kind_id)
        if kind is None or question.conversation_facts.registered == "elsewhere" or question.document not in (
                None, self.book.document):
            return None  # ("浦东那个方案…里面对CMO有什么支持？": what that plan says of the kind, not the policy's measures)
        # "CRO能拿多少钱？": an amount asked for a kind that several measures pay is each of their ceilings, not one's
        # ("CRO贴息最高多少？" names one of them by its rule's own words)
        rest = without_kind_said(question.text.lower(), kind.id)
        amount_asked = (not question.facts.amounts and all(a.kind is AskKind.AMOUNT for a in question.asks)
                        and sum(1 for m in kind.measures if m.rule) > 1
                        and not any(triggers_named(rest, rule.triggers) for rule in self.book.rules))
        # "医院本身在这份若干意见里能申请到哪些支持？": the policy named by its own name is where to look, no topic
        policy = self.catalogue.get(self.book.document)
        asked = without_words(question.text.lower(), sorted((a.lower() for a in policy.aliases), key=len, reverse=True))
        if not asks_what_kind_gets(asked, kind, self.retriever.keyword_score, OWN_TOPIC_SCORE, amount_asked):
            return None
        if question.facts.amounts_as(AmountRole.BASE) and any(
                m.rule and self.book.rule(m.rule).rate is not None for m in kind.measures):
            # "We're a CMO … annual contract output of RMB 30 million. What support?": a base a measure meant for the
            # kind computes from puts a case; its award answers, not the list of what the kind may claim
            return None
        return self._kind_listing(question, kind)

    def _returned_kind_topic(self, question: Question, session: Session) -> AwardSlots | None:
        """The award topic of the conversation a turn returns to by the kind it names ("Back to the CRO: if they have two
        such projects running…" after （四）'s interest subsidy for CROs): the most recent topic that is a measure meant
        for that kind; None when the turn says no return word or names no such kind."""
        if not has_word(question.text.lower(), lexicon().return_words):
            return None
        meant = {m.measure for name in kinds_named(question.text.lower()) if (kind := asker_kind(name)) is not None
                 for m in kind.measures}
        return next((topic for topic in session.award_topics() if topic.measure in meant), None)

    def _kinds_listed(self, question: Question, named: Sequence[str]) -> list[Step]:
        """"CMO和CRO的补贴分别是多少？": the measures meant for each of several kinds the question names, when it asks
        their support or an amount and states none, naming nothing else to search for; [] otherwise."""
        kinds = [k for name in named if (k := asker_kind(name)) is not None]
        if len(kinds) != len(named) or question.facts.amounts or question.conversation_facts.registered == "elsewhere":
            return []
        text = question.text.lower()
        for kind in kinds:
            text = without_kind_said(text, kind.id)
            text = without_words(text, tuple(str(w).lower() for w in lexicon().facts["entity_type"][kind.id]))
        if any(triggers_named(text, rule.triggers) for rule in self.book.rules):
            return []  # "CMO和CRO的研发贴息分别是多少？" names a rule by its own words
        amount_asked = all(a.kind in {AskKind.AMOUNT, AskKind.FIGURE, AskKind.WHAT} for a in question.asks)
        if not any(asks_what_kind_gets(text, kind, self.retriever.keyword_score, OWN_TOPIC_SCORE, amount_asked) for kind in kinds[:1]):
            return []
        return [self._kind_listing(question, kind) for kind in kinds]  # in the order named (``kinds_named``)

    def _kind_listing(self, question: Question, kind: AskerKind) -> Step:
        """The measures meant for ``kind``, each with its verdict for the facts ``question`` states."""
        supports = kind_measures(kind, self.book, self._measure_article)
        step = Step(question.asks[0], Route.KIND_SUPPORT, [s.article for s in supports])
        step.listed = [(s, self.verdicts.rules_verdict(question, s.entry.measure, [s.rule]) if s.rule is not None else None)
                       for s in supports]
        return step

    def _names_one_rule(self, question: Question) -> bool:
        """Whether ``question`` names the triggers of one measure's rules, and of no other measure."""
        text = question.text
        measures = {rule.measure for rule in self.book.rules if triggers_named(text, rule.triggers)}
        return len(measures) == 1

    def _other_kind_support(self, question: Question, session: Session) -> Step | None:
        """"And for a hospital?" right after "We are a CRO. What support is there for us?": the measures meant for
        the kind the elliptical turn names, as the turn before asked them for its own; also after a measure that is
        not meant for that kind ("那对医院呢？" after （四）'s support of CROs' services), unless the turn asks whether
        the measure applies (the kind supposed is judged against it); None for any other turn."""
        if not question.asks or not question.asks[0].elliptical or not question.context_text:
            return None
        named, before = kinds_named(question.text), kinds_named(question.context_text)
        if len(named) != 1 or named[0] in before:
            return None
        earlier = asker_kind(before[0]) if len(before) == 1 else None
        kind_asked = earlier is not None and asks_what_kind_gets(
            question.context_text, earlier, self.retriever.keyword_score, OWN_TOPIC_SCORE)
        if not kind_asked and not self._discussed_not_meant_for(question, named[0], session):
            return None
        rest = without_words(without_ask_words(question.text), (*lexicon().facts["entity_type"][named[0]],))
        if self.retriever.keyword_score(rest) >= OWN_TOPIC_SCORE:
            return None  # "那医院的研究型床位呢？" names a topic of its own
        kind = asker_kind(named[0])
        if kind is None or question.conversation_facts.registered == "elsewhere":
            return None
        return self._kind_listing(replace(question, facts=replace(question.facts, entity_type=named[0])), kind)

    def _discussed_not_meant_for(self, question: Question, kind_id: str, session: Session) -> bool:
        """Whether the measure the conversation just discussed is one of the policy's that is not meant for
        ``kind_id`` while other measures are, and the turn asks no verdict on it."""
        kind = asker_kind(kind_id)
        discussed = session.last_chunk_ids[0] if session.last_chunk_ids else ""
        if kind is None or question.asks[0].kind is AskKind.ELIGIBILITY or not discussed.startswith(f"{self.book.document}:"):
            return False
        measure = discussed.split(":", 1)[1]
        return measure in self.book.measures() and all(entry.measure != measure for entry in kind.measures)

    def _required_base(self, question: Question, step: Step) -> Step:
        request = step.request
        assert request is not None
        rules = [r for r in request.rules if r.rate is not None]
        if len(rules) != 1:
            step.route = Route.CLARIFY_RULE
            return step
        [rule] = rules
        desired = question.facts.amounts_as(AmountRole.DESIRED) or question.facts.amounts_as(AmountRole.CLAIMED)
        target = min(desired[0].yuan, rule.cap_yuan) if desired else rule.cap_yuan
        step.route = Route.REQUIRED_BASE
        step.required_base = _spend_taking(rule, target)
        if desired and desired[0].yuan > rule.cap_yuan:
            step.corrections.append((desired[0].yuan, rule, rule.cap_yuan))
        return step

    def _spend_for_wanted(self, question: Question, rules: Sequence[Rule]) -> tuple[Rule, Decimal, Decimal] | None:
        """(the rule, the award wanted in yuan, the spend in yuan it takes at the rule's share) for an award asked for
        within the one rated rule's ceiling with no spend stated ("我们1类新药III期，能拿2000万吗？": 40% of at least
        5000万); None otherwise."""
        wanted = _wanted_yuan(question)
        rated = [rule for rule in rules if rule.rate]
        if len(wanted) != 1 or len(rated) != 1 or question.asks_total or wanted[0] > rated[0].cap_yuan:
            return None
        return _spend_taking(rated[0], wanted[0])

    def _wanted_above_ceiling(self, question: Question, rules: Sequence[Rule]) -> list[tuple[Decimal, Rule, Decimal]]:
        """The award in yuan the asker wants ("能拿0.5亿吗", "Can we get RMB 50 million?") when it is above the
        ceiling of every one of ``rules`` (each item's 最高), as one correction (wanted, the rule of the highest
        ceiling, that ceiling); none when a total over items or a year is asked (the annual cap may admit it)."""
        wanted = _wanted_yuan(question)
        capped = [rule for rule in rules if rule.cap_yuan]
        if not wanted or not capped or question.asks_total or question.asks_annual_cap:
            return []
        highest = max(capped, key=lambda rule: rule.cap_yuan)
        figure = max(wanted)
        return [(figure, highest, Decimal(highest.cap_yuan))] if figure > highest.cap_yuan else []

    def _within_some(self, question: Question, request: AwardRequest, estimate: AwardEstimate) -> Decimal | None:
        """The figure (yuan) asked for that some alternative ceilings admit and others do not ("中型科创企业…2800万的
        担保能给到吗": within （二十九）'s qualified medium ceiling, 3000万, above the 2000万 one), else None."""
        # a medium-sized enterprise that leaves its qualification unsaid; one that names no size is read by the
        # ceiling of 中小微 it asks under (2000万), as before
        if not are_alternatives(estimate.calculations) or question.conversation_facts.enterprise_size != "medium":
            return None
        caps = [rule.cap_yuan for rule in request.rules]
        wanted = figures_wanted(question, request.candidates)
        stated = [a.yuan for a in (*question.facts.amounts_as(AmountRole.DESIRED), *question.facts.amounts_as(AmountRole.BASE))
                  if a.role is AmountRole.DESIRED or a.yuan in wanted]
        within = next((yuan for yuan in stated if min(caps) < yuan <= max(caps)), None)
        if within is None:
            return None
        # only while the stated facts leave open which kind the enterprise is: a ceiling admitting the figure whose
        # conditions the facts meet, or every such ceiling failed, decides it
        values, _ = self.verdicts.fact_values(question)
        admitting = [rule for rule in request.rules if within <= rule.cap_yuan]
        evaluator = ConditionEvaluator(self.book)
        checks = [evaluator.judge(rule, values) for rule in admitting]
        undecided = [c for c in checks if not any(x.state is ConditionState.FAILED for x in c)]
        # (where the enterprise is registered is the policy's scope, the same for every alternative: it decides none)
        decided = bool(self._rules_met(question, admitting))
        return within if undecided and not decided else None

    def _rules_met(self, question: Question, rules: Sequence[Rule]) -> list[Rule]:
        """The rules of ``rules`` every condition of which the stated facts meet (where the enterprise is registered,
        the policy's scope, aside: it is the same for every alternative)."""
        values, _ = self.verdicts.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        return [rule for rule in rules if all(x.state is ConditionState.MET or x.condition_id == REGISTERED
                                              for x in evaluator.judge(rule, values))]

    def _corrections(self, question: Question, request: AwardRequest, estimate: AwardEstimate,
                     role: AmountRole = AmountRole.CLAIMED,
                     within_some: Decimal | None = None) -> list[tuple[Decimal, Rule, Decimal]]:
        """A stated award (heard of, or with ``role`` DESIRED one asked for) that the sources or the
        computation do not reach: (stated, rule, the right figure)."""
        corrections = []
        computed = Decimal(estimate.total_yuan)
        stated_amounts = question.facts.amounts_as(role)
        if role is AmountRole.DESIRED and figures_wanted(question, request.candidates):
            # "想走担保基金担保2500万，可以吗": of ceilings that take no base, the amount asked for is the one wanted
            fixed = [a for a in question.facts.amounts_as(AmountRole.BASE) if a.yuan in figures_wanted(question, request.candidates)]
            stated_amounts = [*stated_amounts, *fixed]
        # ``within_some`` (``_within_some``): a figure within one of the alternative ceilings (（二十九）'s guarantees by
        # the enterprise's kind) while the kind is open is out of reach of none ("中型科创企业…2800万", 3000万 / 2000万)
        met_rules = self._rules_met(question, request.rules) if are_alternatives(estimate.calculations) else []
        # ("…都按最高算，今年一共能拿多少？财务说能上1.3亿": a figure heard of a total asked is held against the total, not an item)
        # ("12个国际展会，每个经费12万，可不可以拿到60万元的补贴？": an award wanted beside several items is the total's)
        # ("…进了特别审查…首次拿证投产…听说能拿1200万，真的吗？": a figure heard beside items of different rules is their total's)
        several_rules = len({c.rule_id for c in estimate.calculations}) > 1 and role is AmountRole.CLAIMED
        of_total = (question.asks_total or role is AmountRole.DESIRED or several_rules) and len(
            estimate.calculations) > 1 and not are_alternatives(estimate.calculations)
        for stated in stated_amounts:
            if within_some is not None and stated.yuan == within_some:
                continue
            # (a figure heard of one rule's items, "听说海外开展高水平临床试验每个项目最高给3000万", is that rule's ceiling's;
            # one wanted of each item, "每个能拿到1000万吗", is each item's)
            clause = _heard_clause(question, stated) if role in {AmountRole.CLAIMED, AmountRole.DESIRED} else ""
            if of_total and not (lexicon().each.search(clause) or any(rule_named(clause, r) for r in request.rules)):
                if stated.yuan > computed and request.rules:
                    corrections.append((stated.yuan, request.rules[0], computed))
                continue
            if any(stated.yuan <= rule.cap_yuan for rule in met_rules):
                continue  # "中型…拿到了专精特新资质…可以到3000万吗": the alternative whose conditions the case meets admits it
            # (the rule the figure's own clause names first: "听说海外开展高水平临床试验每个项目最高给3000万" is the overseas
            # trial's 2000万, not the 100万 of the other item asked of)
            ordered = sorted(request.rules, key=lambda rule: not (clause and rule_named(clause, rule)))
            for rule in ordered:
                if stated.yuan > rule.cap_yuan:
                    corrections.append((stated.yuan, rule, rule.cap_yuan))
                    break
            else:
                if stated.yuan > computed and request.rules:
                    corrections.append((stated.yuan, request.rules[0], computed))
        return corrections

    def _condition_articles(self, condition_id: str, measure: str) -> list[Article]:
        """The article a condition is quoted from, when it is not the measure's own (the scope; the validity
        article for the document's term)."""
        if condition_id == DOCUMENT_TERM:
            return self.finder.document_articles(self.book.document, [])
        quoted_in = self.verdicts.condition_measure(condition_id)
        if quoted_in is None or quoted_in == measure:
            return []
        article = self.retriever.article(f"{self.book.document}:{quoted_in}")
        return [article] if article is not None else []

    def _close_award_articles(self, hits: Sequence[Any]) -> list[Article]:
        """The policy's measures that set amounts among ``hits`` scoring within ``CLOSE_SCORE`` of the best one,
        in rank order, when the best hit itself sets none (an amount asked in words several measures share)."""
        if not hits or hits[0].article.key in self.book.measures():
            return []
        measures = set(self.book.measures())
        return [hit.article for hit in hits[:HITS] if hit.article.doc_id == self.book.document
                and hit.article.key in measures and hit.score >= CLOSE_SCORE * hits[0].score]

    def _measure_article(self, measure: str) -> Article:
        article = self.retriever.article(f"{self.book.document}:{measure}")
        assert article is not None, f"the index holds no article {measure}"
        return article


def _wanted_yuan(question: Question) -> list[Decimal]:
    """The awards in yuan the asker wants ("能拿0.5亿吗"): its desired amounts in yuan, in the order said."""
    return [a.yuan for a in question.facts.amounts_as(AmountRole.DESIRED) if a.currency == CNY]


def _spend_taking(rule: Rule, target: Decimal) -> tuple[Rule, Decimal, Decimal]:
    """(``rule``, the award ``target`` in yuan, the spend in yuan its share takes to reach it: target ÷ rate, whole
    yuan) — "要拿满3000万，研发至少投7500万". ``rule`` must set a rate."""
    assert rule.rate is not None
    return rule, target, (target / rule.rate).quantize(Decimal(1))


def _fee_based(rules: Sequence[Rule]) -> bool:
    """Whether any of ``rules`` is paid on a fee (``Rule.fee_base``: a fair's 项目经费), not on a spend."""
    return any(rule.fee_base for rule in rules)


def _joined_to_ask_before(text: str, ask_text: str) -> bool:
    """Whether the ask ``ask_text`` follows the ask before it in the same sentence of ``text`` (the question's text,
    both lower case), joined by "and" / "以及" (``understanding.yaml`` ``joined_to_ask_before``): the two share one
    subject."""
    at = text.find(ask_text[:24])
    return at > 0 and bool(lexicon().joined_to_ask_before.search(text[:at]))
