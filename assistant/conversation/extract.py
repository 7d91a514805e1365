"""The sentence that answers: the clause of an article that states the asked fact, in its own words.

``lead_clause(article_text, ask_kind, question_text) -> Lead``. Clauses are the article's sentences
cut at ；and ，; a clause qualifies when it carries what the ask wants (a duration for a duration
question, a figure for a figure question); among those the one sharing most search terms with the
question wins, ties going to the earlier clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant.conversation.premise import without_durations
from assistant.conversation.question import AskKind
from assistant.conversation.understand import has_word, lexicon, without_ask_words
from assistant.query import own_terms, prepare
from assistant.speakers import speaker_naming
from index.normalise import normalise
from index.tokens import tokenize

SENTENCE_END = re.compile(r"(?<=[。；！？])")
# a transcript writes half-width marks ("澎湃新闻:…流程?\n张清:近年来,…"), and a paragraph ends its sentence
BODY_SENTENCE_END = re.compile(r"(?<=[。；！？!?])|\n+")
ASKED = re.compile(r"[?？]\s*$")  # a sentence asking something (a journalist's question) answers nothing
CLAUSE_END = re.compile(r"(?<=[，,：:])")
LEAD_MAX_CHARS = 110
HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")  # a measure's own heading answers nothing
YEAR = re.compile(r"(19|20)\d\d年")
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]")  # a term the question quotes
QUOTED_LIST = re.compile(r"[“\"「『]([^”\"」』]{2,40})[”\"」』]")  # a quoted term of several parts ("一清单、两优化、三联动")
DEFINITION_WEIGHT = 2  # a sentence defining the term asked about outweighs every word another one shares
QUOTE_PREFIX = 12  # a rule's quote is found in its sentence by its opening characters
COMPARED_MIN_TERMS = 2  # a thing compared names what its sentence is about by at least this many search terms
POINT_OPENER_CHARS = 30  # a point's opener this short only names the point ("二是加快推动人工智能赋能药物研发。")
POINTS_MAX = 8  # the openers gathered after a sentence announcing them
FIRST_POINT = re.compile(r"^\s*(?:一是|第一|首先)")  # a list starting again: the points announced have ended


@dataclass(frozen=True)
class Lead:
    """The extracted words of the source and the figure they state (e.g. ``25周``), if any."""

    text: str
    figure: str = ""
    sentence: str = ""
    score: int = 0  # how well the clause matches the question (shared search terms, the clause's thrice)
    shared: int = 0  # the question's search terms the clause itself holds


def english_figure(figure: str) -> str:
    """``25周`` → ``25 weeks``, ``1个月`` → ``1 month``; ``19个`` → ``19`` (a counter English does not say); ``9337亿元`` → ``933.7 billion
    yuan`` (a unit counting in 万 or 亿 multiplied out); a figure with no known unit stays as it is."""
    lex = lexicon()
    units = lex.figure_units
    match = lex.figure.fullmatch(figure)
    if match and match[2] in lex.figure_scaled_units:
        scale, unit = lex.figure_scaled_units[match[2]]
        return f"{_in_english_words(Decimal(match[1]) * scale)} {unit}".strip()
    if not match or match[2] not in units:
        return figure
    unit = units[match[2]]
    if match[1] == "1" and unit.endswith("s"):
        unit = unit[:-1]  # "1个月" → "1 month", not "1 months"
    return f"{match[1]} {unit}".replace(" %", "%").strip()


def _in_english_words(value: Decimal) -> str:
    """``93370000000`` → ``93.37 billion``, ``5000000`` → ``5 million``, ``280000`` → ``280,000``."""
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if value >= size:
            return f"{(value / size).normalize():f} {word}"
    return f"{value.normalize():,f}"


def _around_figure(lead: Lead) -> tuple[str, str] | None:
    """(the text before ``lead``'s figure, the text after it) in its clause; None when it states no figure."""
    at = lead.text.find(lead.figure) if lead.figure else -1
    return None if at < 0 else (lead.text[:at], lead.text[at + len(lead.figure):])


def figure_bound(lead: Lead) -> str:
    """How the text bounds ``lead``'s figure: "ceiling" when a ceiling mark (``figure_ceiling_marks``: 最高, 不超过 …)
    stands right before it, "floor" when a floor mark (``figure_floor_marks``: 以上) follows it, else ""."""
    around = _around_figure(lead)
    if around is None:
        return ""
    lex = lexicon()
    if around[0].endswith(lex.figure_ceiling_marks):
        return "ceiling"
    return "floor" if around[1].startswith(lex.figure_floor_marks) else ""


def is_target(lead: Lead) -> bool:
    """Whether ``lead``'s figure is a target the text sets ("争取将…压缩至3周以内"): a target word
    (``understanding.yaml`` ``target_words``) before the figure in its clause and a bound word
    (``target_bounds``: 以内, 以下) right after it."""
    around = _around_figure(lead)
    if around is None:
        return False
    lex = lexicon()
    before, after = around
    return after.startswith(lex.target_bounds) and any(w in before for w in lex.target_words)


def lead_clause(text: str, kind: AskKind, question: str, units: tuple[str, ...] = (),
                naming: frozenset[str] = frozenset(), support: bool = False) -> Lead:
    """The clause of ``text`` that answers a ``kind`` ask about ``question`` (see ``_lead_clause``), chosen by the
    question's own words; by the words of the press speaker for the department it names only when none of its own
    is in any clause ("发布会上卫健委说了什么": his own words; "发布会上药监局说在建哪两个检验检测中心": the centres)."""
    named = speaker_naming(normalise(question))
    if not named:
        return _lead_clause(text, kind, question, units, naming, support, speakers=False)
    own = _lead_clause(text, kind, question, units, naming | set(tokenize(named.lower())), support, speakers=False)
    if own.shared:
        return own
    return _lead_clause(text, kind, question, units, naming, support, speakers=True)


def _lead_clause(text: str, kind: AskKind, question: str, units: tuple[str, ...], naming: frozenset[str],
                 support: bool, speakers: bool) -> Lead:
    """The clause of ``text`` that answers a ``kind`` ask about ``question``.

    ``units``: for a figure ask, only figures in these units answer (``家`` for "how many companies").
    ``naming``: the search terms with which the question names the document ("浦东那个生物医药行动方案里对CMO有什么
    说法": 生物医药 names the plan, CMO is the topic), which choose no clause.
    ``support``: the question asks what support the text gives (as "CVC能拿什么支持" does by its words): a clause
    granting it ("给予…等支持") that names something the question names answers before any clause that grants none.
    """
    lex = lexicon()
    duration, figure = lex.duration, lex.figure
    wanted = set(tokenize(prepare(question, speakers).keyword_text)) - naming
    # "作为牵头单位，伦理审查多长时间出意见": of the time limits a sentence sets, the clause naming what the question
    # names besides its ask words (多长时间 is the ask, not the overall 流程时间 of another clause)
    chooses = wanted
    if kind is AskKind.DURATION:
        # a time limit the asker states to be confirmed ("牵头机构是3周，对吧？") chooses no clause: what it names does
        chooses = (set(tokenize(prepare(without_durations(without_ask_words(question.lower())), speakers).keyword_text))
                   - naming) or wanted
    # "CVC能拿什么支持": the clause granting the support ("对符合条件的CVC给予…等支持") answers, not the one saying
    # what is encouraged ("支持企业单独或联合设立CVC"), however many of the asker's own words that one shares
    grants = support or (kind in (AskKind.WHAT, AskKind.ELIGIBILITY) and has_word(question.lower(), lex.support_asks))
    # what the question names besides asking for support: a clause sharing only "支持" names nothing asked
    topic = chooses - set(tokenize(" ".join([*lex.support_asks, *lex.granting_words]))) if grants else set()
    # "2023年规模多大": the quantity the question names (规模) weighs more than the words it shares besides
    named = _quantity_named(question) if kind is AskKind.FIGURE else set()
    stated = question.lower()
    best: tuple[bool, int, int, str, str, str, int] | None = None
    # "上海的药进了多少个": in a sentence giving a whole and Shanghai's part ("新增126个,其中本市…38个"), the part
    home_asked = kind in (AskKind.DURATION, AskKind.FIGURE) and has_word(stated, lex.home_city_asked)
    home_part: dict[str, tuple[str, str]] = {}
    order = 0
    # "「三联动」是哪三级": the sentence defining the term the question asks about ("“三联动”，即构建…") answers
    defined = _defining(question) if kind is AskKind.WHAT else None
    for sentence in _body_sentences(text):
        sentence_score = len(wanted & set(tokenize(sentence)))
        if defined is not None and defined.match(sentence):
            sentence_score += DEFINITION_WEIGHT * len(wanted)
        for clause in (c.strip() for c in CLAUSE_END.split(sentence) if c.strip()):
            order += 1
            found = ""
            if kind in (AskKind.DURATION, AskKind.FIGURE):
                # a time limit the asker states ("药品补充申请…压缩至30个工作日，对吗") chooses no figure: what it names does
                found = _best_figure(clause, duration if kind is AskKind.DURATION else figure,
                                     chooses if kind is AskKind.DURATION else wanted, units, stated)
                if not found:
                    continue
            if home_asked and found and has_word(clause, lex.home_city_stated):
                home_part.setdefault(sentence, (clause, found))
            clause_terms = set(tokenize(clause))
            score = 3 * len(chooses & clause_terms) + 3 * len(named & clause_terms) + sentence_score
            granting = grants and has_word(clause, lex.granting_words) and bool(topic & clause_terms)
            if best is None or (granting, score) > best[:2]:
                best = (granting, score, -order, clause, found, sentence, len(wanted & clause_terms))
    if best is None:
        return Lead(text=_shorten(_first_sentences(text)))
    _, score, _, clause, found, sentence, shared = best
    if sentence in home_part:
        clause, found = home_part[sentence]
    if kind is AskKind.WHAT:
        # "「一清单、两优化、三联动」是啥意思": each part's definition; "说了哪些方面": each point announced
        parts = _parts_defined(question, _body_sentences(text)) or _points(_body_sentences(text), sentence)
        if parts:
            return Lead(text="".join(_shorten(p.rstrip("，,：:；;")) for p in parts), sentence=sentence, score=score,
                        shared=shared)
    shown = sentence if len(sentence) <= LEAD_MAX_CHARS else _with_bound(clause, sentence)
    return Lead(text=_shorten(shown.rstrip("，,：:；;") ), figure=found, sentence=sentence, score=score, shared=shared)


def _with_bound(clause: str, sentence: str) -> str:
    """``clause`` with the clauses of ``sentence`` right after it that bound what it grants ("不超过研发投入的30%，"
    then "最高1000万元支持"): a rate is never shown without its ceiling."""
    clauses = [c.strip() for c in CLAUSE_END.split(sentence) if c.strip()]
    if clause not in clauses:
        return clause
    shown = clause
    for following in clauses[clauses.index(clause) + 1:]:
        if not following.startswith(lexicon().bound_continuations):
            break
        shown += following
    return shown


def _parts_defined(question: str, sentences: list[str]) -> list[str]:
    """For a question quoting a term made of parts ("“一清单、两优化、三联动”是啥意思"), the sentence defining each
    part ("“一清单”,是指…", "“三联动”,即…"), in the text's order; [] unless at least two parts are defined."""
    quoted = QUOTED_LIST.findall(question)
    parts = [p for p in re.split(r"[、,，]", quoted[-1]) if p.strip()] if quoted else []
    if len(parts) < 2:
        return []
    words = "|".join(re.escape(w) for w in lexicon().definition_words)
    defined = [s for s in sentences
               if any(re.match(rf"[“\"「『]?{re.escape(p.strip())}[”\"」』]?\s*[,，:：]?\s*(?:{words})", s) for p in parts)]
    return defined if len(defined) >= 2 else []


def _points(sentences: list[str], sentence: str) -> list[str]:
    """The spoken points ``sentence`` opens: after a sentence announcing points ("围绕三个方面进行更新和提升:"), it
    and the opener of each point ("一是…", "二是…", "三是…"); for a short opener of a point ("二是加快推动人工智能
    赋能药物研发。"), it and the sentence saying the point; [] otherwise."""
    lex = lexicon()
    if sentence not in sentences:
        return []
    at = sentences.index(sentence)
    after = sentences[at + 1:]
    if lex.points_announced.search(sentence):
        points: list[str] = []
        for other in after:
            if lex.point_opener.match(other):
                if points and FIRST_POINT.match(other):
                    break
                points.append(other)
            if len(points) == POINTS_MAX:
                break
        return [sentence, *points] if len(points) >= 2 else []
    if lex.point_opener.match(sentence) and len(sentence) <= POINT_OPENER_CHARS and after and not lex.point_opener.match(after[0]):
        return [sentence, after[0]]
    return []


def _defining(question: str) -> re.Pattern[str] | None:
    """The opening of a sentence that defines the last term ``question`` quotes ("「三联动」是哪三级" → "“三联动”，即…",
    "三联动是指…"), or None when it quotes none."""
    quoted = QUOTED.findall(question)
    if not quoted:
        return None
    words = "|".join(re.escape(w) for w in lexicon().definition_words)
    return re.compile(rf"[“\"「『]?{re.escape(quoted[-1])}[”\"」』]?\s*[,，:：]?\s*(?:{words})")


def unpriced_sentence(text: str, question: str, priced: Sequence[str], names: Iterable[str],
                      rare: Callable[[str], bool]) -> Lead | None:
    """The sentence of a measure's ``text`` about a part of it that no award rule prices, when that part is asked.

    ``priced``: the rules' quotes (the words that set amounts); ``names``: the rules' names and trigger words.
    The question's own words decide (not the synonyms a search adds: "贷款" would bring in 贴息). When it shares a
    ``rare`` term with the priced sentences or ``names``, the priced part is asked (None). Else the sentence is the
    one holding no quote and stating no amount of money that shares most rare terms with the question
    ("信贷贴息能贴多少": （二十九）'s 贴息 sentence sets none, its ceilings are the guarantees'); None when none does.
    """
    sentences = _body_sentences(text)
    wanted = set(tokenize(own_terms(question).lower()))
    quoted = [s for s in sentences if any(q[:QUOTE_PREFIX] in s for q in priced)]
    covered = {t for s in quoted for t in tokenize(s)} | {t for name in names for t in tokenize(name.lower())}
    if any(rare(t) for t in wanted & covered):
        return None
    best: tuple[int, str] | None = None
    for sentence in sentences:
        if sentence in quoted or states_amount(sentence):
            continue
        own = {t for t in wanted & set(tokenize(sentence)) if t not in covered and rare(t)}
        if own and (best is None or len(own) > best[0]):
            best = (len(own), sentence)
    return Lead(text=_shorten(best[1]), sentence=best[1]) if best else None


def unset_share_sentence(text: str, question: str) -> Lead | None:
    """The sentence of a measure's ``text`` that states no amount or share and shares most search terms with
    ``question``: what the measure says of a thing whose share the asker asks and the text leaves unset ("市里能补几个
    点的利息": （二十九）'s "通过重点产业优惠利率长期信贷贴息等政策工具加强对企业信贷支持", not its guarantee ceilings);
    None when no such sentence shares a term."""
    unset = [s for s in _body_sentences(text) if not states_amount(s)]
    if not unset:
        return None
    lead = _lead_clause("。".join(unset) + "。", AskKind.WHAT, question, (), frozenset(), False, speakers=False)
    return lead if lead.shared else None


def _body_sentences(text: str) -> list[str]:
    """The sentences of an article's ``text``, without the measure's own heading and the questions it quotes (a
    press answer's "记者:…?"): they answer nothing."""
    sentences = [s.strip() for s in BODY_SENTENCE_END.split(text) if s and s.strip()]
    sentences = sentences[1:] if len(sentences) > 1 and HEADING.match(sentences[0]) else sentences
    return [s for s in sentences if not ASKED.search(s)] or sentences


def states_amount(sentence: str) -> bool:
    """Whether ``sentence`` states an amount of money or a share (``figure_asks`` money and share units)."""
    lex = lexicon()
    units = {unit for name in ("money", "share") for unit in lex.figure_asks[name].stated}
    return any(match[2] in units for match in lex.figure.finditer(sentence))


def _quantity_named(question: str) -> set[str]:
    """The words of the phrases ``question`` asks its figure with ("规模多大" → 规模, 多大), of the first
    ``figure_asks`` entry it holds (the one that sets the ask's detail)."""
    text = question.lower()
    for ask in lexicon().figure_asks.values():
        phrases = [phrase for phrase in ask.asked if phrase in text]
        if phrases:
            return {t for phrase in phrases for t in tokenize(phrase)}
    return set()


REACHED_BEFORE = re.compile(r"(?:到|至)\s*(?:\d{4}\s*年)?\s*$")  # "增长到2023年", "压缩至": the figure a change reaches


def _best_figure(clause: str, pattern: re.Pattern[str], wanted: set[str], units: tuple[str, ...] = (),
                 stated: str = "") -> str:
    """The figure in ``clause`` (in one of ``units``, when given) whose own words share most with the question.

    When the question ``stated`` names a year ("2019年是多少"), it asks what stood then: no year answers. A number the question names (a year)
    decides before the words shared: "由2019年1319亿元增长到2023年1860亿元" answers "2023年是多少" with 1860亿元.

    A figure's own words run from the previous figure or 、 up to it ("审评时限压缩至60个工作日"). In a list of
    counts under one verb, where a later item starts with its figure ("获批26款1类创新药、43款创新医疗器械"),
    the counted thing follows each figure and the words before the first are shared by all: there a
    figure's own words run from it to the next figure or 、.
    """
    found = [m for m in pattern.finditer(clause) if (not units or m[2] in units) and not (YEAR.fullmatch(m[0]) and YEAR.search(stated))]
    marks = [i for i, c in enumerate(clause) if c == "、"]
    spans = []
    for i, match in enumerate(found):
        start = max([found[i - 1].end() if i else 0, *(m + 1 for m in marks if m < match.start())])
        end = min([found[i + 1].start() if i + 1 < len(found) else len(clause), *(m for m in marks if m >= match.end())])
        spans.append((start, end))
    parallel = any(not clause[start: m.start()].strip() for m, (start, _) in list(zip(found, spans, strict=True))[1:])
    best, best_score = "", (-1, -1, -1)
    for number, (match, (start, end)) in enumerate(zip(found, spans, strict=True)):
        own = clause[match.start(): end] if parallel else clause[start: match.end()]
        # ("工业总产值由2019年1319亿元稳步增长到2023年1860亿元", no year asked): the figure a change reaches shares the words
        # of the one it grew from, and wins the tie
        reached = int(bool(REACHED_BEFORE.search(clause[start: match.start()])))
        shared = wanted & set(tokenize(own))
        if reached and number and not parallel:  # (not the year the earlier figure stood in: "2019年是多少" is that one)
            shared |= {t for t in wanted & set(tokenize(clause[spans[number - 1][0]: start])) if not t.isdigit()}
        score = (len({t for t in shared if t.isdigit()}), len(shared), reached)
        if score > best_score:
            best, best_score = match[0], score
    return best


def best_sentence(text: str, question: str) -> str:
    """The sentence of ``text`` sharing most search terms with ``question`` (the first on a tie)."""
    return lead_clause(text, AskKind.WHAT, question).text


def _first_sentences(text: str) -> str:
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    return "".join(sentences[:1])


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= LEAD_MAX_CHARS * 2:
        return text if text.endswith(("。", "；", "！", "？")) else text + "。"
    return text[: LEAD_MAX_CHARS * 2 - 1] + "…"


def compared_lead(text: str, question: str, lead: Lead) -> Lead:
    """For a ``question`` comparing things ("1类新药的资助同细胞与基因治疗1类新药的资助有什么分别"), the sentences of
    ``text`` answering each thing compared, in the text's order, each a sentence of its own; ``lead`` (the clause for
    the whole question) when the question compares nothing or one sentence answers every thing compared. Two things
    joined under one what-ask ("联系人和电话是什么") are answered the same way, each thing by its own sentence. A thing
    compared sharing fewer than ``COMPARED_MIN_TERMS`` search terms with its clause ("细胞" cut from "细胞与基因治疗")
    chooses nothing."""
    lex = lexicon()
    lowered = question.lower()
    both = lex.both_asked.search(lowered)
    if not lex.difference_asked.search(lowered) and not both:
        return lead
    # things joined under one what-ask ("联系人和电话是什么") are named in a word each: one shared term chooses
    least = 1 if both else COMPARED_MIN_TERMS
    answering: dict[str, str] = {}
    for part in lex.compared_joiners.split(lex.difference_asked.sub(" ", lowered)):
        found = lead_clause(text, AskKind.WHAT, part) if part.strip() else None
        if found is not None and found.sentence and found.shared >= least:
            answering.setdefault(found.sentence, found.text)
    if len(answering) < 2:
        return lead
    shown = [_shorten(answering[s].rstrip("；;，,")) for s in sorted(answering, key=text.find)]
    return Lead(text="".join(shown), sentence="".join(sorted(answering, key=text.find)), score=lead.score,
                shared=lead.shared)
