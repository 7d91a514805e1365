"""The deterministic answer composer: a direct answer first, then where it comes from.

Every figure it writes is either quoted from the cited article or taken from a calculator result;
the words around them come from ``prompts/answers.yaml``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from assistant.amounts import find_amounts, format_yuan, format_yuan_en, yuan_in_words_en
from assistant.citations import day_named, validity
from assistant.conversation.currency import range_note, stated_note, usd_range
from assistant.conversation.elsewhere import FigureElsewhere
from assistant.conversation.extract import english_figure, figure_bound, is_target
from assistant.conversation.finders import SCOPE_KEY
from assistant.conversation.kinds import KindSupport, asker_kind
from assistant.conversation.plan_records import (
    ANNUAL_CAP,
    ANNUAL_CAP_USED,
    DOCUMENT_TERM,
    FORBIDDEN,
    SHARE,
    Eligibility,
    FullAwards,
    Plan,
    Route,
    Step,
    Verdict,
    extra_conditions,
    term_sentence,
)
from assistant.conversation.premise import asks_to_confirm, duration_in, figure_holds, stated_duration, stated_figure
from assistant.conversation.question import REGISTRATION_UNSAID, RELATION_CONDITIONS, AmountRole, AskKind, Facts
from assistant.conversation.slots import AssumedBase, AwardRequest, rule_named
from assistant.conversation.understand import (
    ISSUED,
    WHICH_DOCUMENT,
    asks_yes_or_no,
    has_word,
    holds_tasks,
    kinds_named,
    labels_named,
    lexicon,
    names_annual_cap,
)
from assistant.conversation.verdicts import REGISTERED
from assistant.language import Language, in_script
from assistant.match.report import finds_nothing, profile_reply
from assistant.records import AwardEstimate, Calculation, Status
from assistant.rules.book import Rule, RuleKind, rule_book
from assistant.rules.calculator import are_alternatives, distinct_estimates, held_by, joint_estimate, merged_notes, percent_text
from assistant.rules.eligibility import condition_rules
from index.articles import Article
from index.documents import Catalogue, Document, DocumentKind, DocumentStatus
from index.yaml_data import read_yaml
from prompts import templates

SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?])|(?<=\.\s)")
MIN_REPEAT_CHARS = 12  # shorter pieces ("说明：", "Notes:") may recur
MAX_PARTS_SHOWN = 4  # a total of more items leads with the total alone; its item lines follow
DEPARTMENTS_PATH = Path(__file__).resolve().parent.parent / "data" / "departments.yaml"
TERM_NAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "term_names.yaml"

ROUTE_STATUS = {
    Route.OUT_OF_SCOPE: Status.OUT_OF_SCOPE,
    Route.GREETING: Status.OUT_OF_SCOPE,
    Route.CLARIFY_RULE: Status.CLARIFY,
    Route.CLARIFY_BASE: Status.CLARIFY,
    Route.CLARIFY_CURRENCY: Status.CLARIFY,
    Route.CLARIFY_UNIT: Status.CLARIFY,
    Route.CLARIFY_REFERENT: Status.CLARIFY,
    Route.CLARIFY_MEASURE: Status.CLARIFY,
    Route.NO_AMOUNT: Status.NOT_SPECIFIED,
    Route.NOT_SPECIFIED: Status.NOT_SPECIFIED,
}


def _existence_then_unstated(steps: list[Step], statuses: list[Status]) -> bool:
    """Whether the turn asks a figure the sources leave unsaid, the other asks only asking yes or no whether the
    same article's support exists ("有没有贷款贴息？贴多少", "政府会不会直接发奖金？每人多少？") or whether the texts state it
    ("…能拿多少比例？文件里有规定吗"): the figure asked is what the turn wants, so the turn is not specified; the
    article's sentence still answers the yes or no."""
    unstated = [s for s, status in zip(steps, statuses, strict=True) if status is Status.NOT_SPECIFIED]
    others = [s for s, status in zip(steps, statuses, strict=True) if status is not Status.NOT_SPECIFIED]
    cited = {a.chunk_id for s in unstated for a in s.articles}
    return bool(unstated) and all(
        lexicon().sources_state_asked.search(s.ask.own_words) is not None  # no topic of its own: the figure's
        or lexicon().own_chance.search(s.ask.own_words.lower()) is not None  # "想看看有没有机会参与": a hope told
        or (s.route is Route.LOOKUP and bool(s.articles) and {a.chunk_id for a in s.articles} <= cited
            and (asks_yes_or_no(s.ask.own_words.lower()) or bool(lexicon().exists_asked.search(s.ask.own_words))
                 # "…规模多大？什么时候设立？", "…具体是建几个？我们想看看有没有机会参与": what the same article says,
                 # quoted, stating no figure ("What was the industry's size, and how fast did it grow?": its sentence's
                 # 9337亿元 answers the size)
                 or (s.ask.kind is AskKind.WHAT and not _states_figure(s))))
        # "这个产值门槛到底是多少？单品年销售过10亿算不算？": a verdict that waits on the very figure left unset
        or (s.route is Route.ELIGIBILITY and s.eligibility is not None and s.eligibility.verdict is Verdict.UNKNOWN
            and bool(s.articles) and {a.chunk_id for a in s.articles} <= cited)
        for s in others)


def _states_figure(step: Step) -> bool:
    """Whether the sentence a lookup step leads with states a figure (a digit in it)."""
    lead = step.lead
    return lead is not None and bool(re.search(r"\d", lead.sentence or lead.text))


@cache
def english_department_names() -> dict[str, str]:
    """责任单位 → its English name (``data/departments.yaml``)."""
    raw = read_yaml(DEPARTMENTS_PATH)
    return {str(k): str(v) for k, v in raw.items()}


@cache
def english_term_names() -> dict[str, str]:
    """The policies' key terms → their English names (``data/term_names.yaml``), the longest term first."""
    raw = read_yaml(TERM_NAMES_PATH)
    return dict(sorted(((str(k), str(v)) for k, v in raw.items()), key=lambda item: -len(item[0])))


@cache
def _glossed_names() -> dict[str, str]:
    """The key terms and the departments (a reply's "市科委会同市委组织部、市卫生健康委…") with their English names,
    the longest first."""
    names = {**english_department_names(), **english_term_names()}
    return dict(sorted(names.items(), key=lambda item: -len(item[0])))


def key_terms(text: str) -> list[tuple[str, str]]:
    """(term, English name) of each key term or department ``text`` holds, in the order they stand; a term inside
    a longer one found (试点 in 扩大开放试点) is not named again."""
    found: list[tuple[str, str]] = []
    for term, name in _glossed_names().items():
        if term in text and not any(term in longer for longer, _ in found):
            found.append((term, name))
    return sorted(found, key=lambda item: text.index(item[0]))


@dataclass
class Composed:
    """The answer's text with what it cites and computes; ``verdicts`` as (measure, verdict) pairs."""

    text: str
    status: Status
    articles: list[Article] = field(default_factory=list)
    estimates: list[AwardEstimate] = field(default_factory=list)
    verdicts: list[tuple[str, str]] = field(default_factory=list)
    alternatives: bool = False  # the computed figures are alternatives (one or the other), not a sum
    options: list[str] = field(default_factory=list)  # replies to a clarifying question, one per rule
    # several estimates under a shared per-entity annual cap, totalled with the cap across them (None: none shared, or
    # no total asked and the cap cutting nothing)
    joint: AwardEstimate | None = None


def _first_lowered(text: str) -> str:
    """``text`` with its first letter in lower case, to go on an English sentence ("No: the text does not …")."""
    return text[:1].lower() + text[1:]


class Composer:
    def __init__(self, catalogue: Catalogue, day: date, language: Language) -> None:
        self.catalogue = catalogue
        self.day = day
        self.language = language
        self.t = templates()["en" if language is Language.ENGLISH else "zh"]
        self.english = language is Language.ENGLISH
        self.registered_place = ""
        self.kind: str | None = None  # the asker's kind, as the question states it
        self.event_on: date | None = None
        self.event_facts = Facts()
        self.asked_of_today = False
        self.registration_planned = False  # the conversation says the asker will register in Shanghai ("准备在上海注册")
        self.more_of = ""  # "还能再拿多少": the turn asking what the items it names add (their ceiling leads, then the total)
        self.more_count = 1  # how many items that turn adds
        self.headroom_asked = False  # "离封顶还剩多少": what the per-entity annual cap leaves follows the total
        self.headroom_yes_no = False  # "会不会超过每年的上限？": the headroom asked as a yes or no
        self.several_blocks = False
        self.kind_asked = ""  # "那对医院呢？": a kind of asker the elliptical turn names
        self.rules_asked: set[str] = set()  # the rules some ask of the message answers (a later stage asked is not added)
        self._quoted: set[str] = set()
        self._figures_given: set[tuple[str, str]] = set()  # (sentence, figure) of each lookup answered in this reply
        self.said = ""  # the lines of the asks answered so far in the message
        self._named_terms: set[str] = set()  # key terms already put in English
        self._figure_leads: set[str] = set()  # award leads put after a verdict line, answers still

    # --- a whole plan ----------------------------------------------------------------------------
    def compose(self, plan: Plan) -> Composed:
        """One block per ask (its lead first), then the sources: each article, 责任单位 and validity once."""
        blocks: list[list[str]] = []
        articles: list[Article] = []
        estimates: list[AwardEstimate] = []
        verdicts: list[tuple[str, str]] = []
        statuses = []
        self.registered_place = plan.question.conversation_facts.registered_place
        self.kind = plan.question.conversation_facts.entity_type
        self.event_on = plan.question.conversation_facts.event_on
        self.event_facts = plan.question.conversation_facts
        self.registration_planned = bool(lexicon().registration_planned_here.search(
            f"{plan.question.context_text} {plan.question.text}".lower()))
        self.asked_of_today = plan.question.asks_of_today
        self.more_of = plan.question.text if plan.question.asks_more else ""
        self.headroom_asked = plan.question.asks_headroom
        self.heard = tuple(a.text for a in plan.question.facts.amounts_as(AmountRole.CLAIMED))  # figures heard of
        self.headroom_yes_no = self.headroom_asked and bool(
            lexicon().yes_no_question.search(plan.question.text.lower().rstrip(" ？?。")))
        # several asks answered: an annual cap line, gathered after all the answers, names the measure it caps
        self.several_blocks = len(plan.steps) > 1
        # "另外还有一个品种受托产值3200万，再一个2500万": each base stated this turn is an item it adds
        self.more_count = max(plan.question.items_added, len(plan.question.facts.amounts_as(AmountRole.BASE)))
        self.rules_asked = {rule.id for step in plan.steps if step.request is not None for rule in step.request.rules} | {
            c.rule_id for step in plan.steps if step.estimate is not None for c in step.estimate.calculations}
        # "那对医院呢？" after an award: the kind the turn itself names, said to be named by the measure's text
        # ("另外我们CMO一个品种受托产值3000万呢？" tells the asker's own case with its figure: no kind asked about)
        named = kinds_named(plan.question.text) if (plan.question.asks and plan.question.asks[0].elliptical
                                                    and not plan.question.states_amounts) else []
        self.kind_asked = named[0] if len(named) == 1 else ""
        self.said = ""  # a later ask does not quote again the sentence an earlier one's answer quoted
        self._figure_leads = set()  # award leads put after a verdict line ("要看情况…", then "按…最高可获…")
        rate_pending = any(a.usd_rate is not None for a in plan.question.facts.amounts)  # a rate the asker gave, said once
        for step in plan.steps:
            block = self._echoed(step, self._block(step))
            if step.no_cap_heard:  # "…没有上限，对吗？": the ceilings the text does set, first
                block.insert(0, self._no_cap_wrong(step.no_cap_heard))
            if step.ask.party and block:  # "A公司…；B公司…；C公司…。分别能拿多少": each answer names its party
                block[0] = self.t["party_named"].format(party=step.ask.party) + block[0]
            self.said += "\n".join(block)
            if step.eligibility is not None and step.eligibility.usd_by_range and step.route in {Route.AWARD, Route.ELIGIBILITY}:
                block.append(range_note(self.language))  # the rate range a dollar amount was compared at
            if rate_pending and step.route in {Route.AWARD, Route.ELIGIBILITY}:
                # the rate the asker gave, what it made of each dollar amount, and the award in dollars
                award = step.estimate.total_yuan if step.estimate is not None and step.route is Route.AWARD else None
                block.append(stated_note(plan.question.facts.amounts, self.language, award))
                rate_pending = False
            if step.either and step.route is Route.AWARD:  # the figure is the same whichever rule applies
                names = [self.rule_name(rule) for rule in step.either]
                block.append(self.t["award_either_way"].format(
                    names=" and ".join(names) if self.english else "、".join(names)))
            blocks.append(block)
            statuses.append(self._status(step))
            for article in step.articles:
                if article.chunk_id not in {a.chunk_id for a in articles}:
                    articles.append(article)
            if step.estimate is not None and step.estimate not in estimates:
                # the same award reached by two asks of one message is shown once and counted once
                estimates.append(step.estimate)
            if step.eligibility is not None and (step.route in {Route.ELIGIBILITY, Route.AWARD} or (
                    step.route is Route.CEILINGS and (step.ask.yes_no or step.declined or step.within_some is not None))):
                # "能拿3000万吗？" above what the text allows: a no, whatever the measure's conditions
                # "2800万的担保能给到吗" within one alternative ceiling and above another: the enterprise's kind decides
                verdict = (Verdict.NOT_ELIGIBLE if step.declined else Verdict.UNKNOWN if step.within_some is not None
                           else step.eligibility.verdict)
                verdicts.append((step.eligibility.measure, verdict.value))
            if step.instead_eligibility is not None:
                verdicts.append((step.instead_eligibility.measure, step.instead_eligibility.verdict.value))
            verdicts += [(v.measure, v.verdict.value) for _, v in step.listed if v is not None]
            verdicts += [(other.measure, other.verdict.value) for other in step.others]
        status = statuses[0] if len(set(statuses)) == 1 else (
            Status.NOT_SPECIFIED if _existence_then_unstated(plan.steps, statuses) else
            Status.ANSWERED if Status.ANSWERED in statuses else statuses[0])
        shown = articles if status is not Status.OUT_OF_SCOPE else []
        # ("贴息一年最多多少" of （四）'s per-project yearly ceiling asks no per-entity cap: its items count against none)
        cap_asked = len(plan.question.asks) > 1 and any(
            names_annual_cap(step.ask.text.lower()) and not (step.estimate is not None and not any(
                rule_book().rule(c.rule_id).annual_cap for c in step.estimate.calculations)) for step in plan.steps)
        estimates = distinct_estimates(estimates)  # a running total's earlier step: its items are counted once
        if plan.question.asks_total:
            # ("①一个CAR-T…②两个…合计最多能拿到多少？": the item a told case names is an item of the total asked, its
            # figure shown there once, not again as an answer of its own before the total)
            for number, step in enumerate(plan.steps):
                if step.estimate is None or step.ask.kind is AskKind.AMOUNT:
                    continue
                later = plan.steps[number + 1:]
                holding = held_by(step.estimate, [s.estimate for s in later if s.estimate is not None])
                holder = next((number + 1 + n for n, s in enumerate(later) if holding is not None and s.estimate is holding), None)
                if holder is not None:  # what it notes (conditions, the 择优 caveat) goes after the total's lines
                    blocks[holder] += [line for line in self._without_figure(blocks[number]) if line not in blocks[holder]]
                    blocks[number] = []
        joint = joint_estimate(rule_book(), estimates, self.language, total_asked=plan.question.asks_total)
        if joint is not None and not plan.question.asks_total and joint.total_yuan == sum(e.total_yuan for e in estimates):
            joint = None  # separate asks, no total asked and no cap cut across them: each ask's own figure stands alone
        # several awards under one per-entity annual cap: their total with the cap across them
        joined = [self.t["award_joint"].format(formula=joint.formula)] if joint is not None else []
        answered = _said_once(dict.fromkeys(line for block in self._in_blocks(plan.steps, blocks, cap_asked)
                                            for line in block.split("\n")))
        # ("这几个项目合计最多能拿到多少": the total asked leads)
        lines = [*joined, *answered] if plan.question.asks_total else [*answered, *joined]
        lines += self._sources(shown, plan)
        # (also across the asks' estimates: "中型…上限提高到几多？如果系小微企业又系几多？" — each ceiling, never their sum)
        alternatives = any(are_alternatives(e.calculations) for e in estimates) or are_alternatives(
            [c for e in estimates for c in e.calculations])
        options = [self.finish(self.t["clarify_reply"].format(name=self.rule_name(rule))) for step in plan.steps
                   if step.route is Route.CLARIFY_RULE and step.request for rule in step.request.candidates]
        return Composed(self.finish("\n".join(lines)), status, shown, estimates, verdicts, alternatives,
                        list(dict.fromkeys(options)), joint)

    @property
    def _formula_opens(self) -> str:
        """The words an award's formula line opens with ("计算：", "Calculation: ")."""
        return str(self.t["award_formula"]).split("{")[0]

    def _without_figure(self, block: list[str]) -> list[str]:
        """An award block without its lead and formula, keeping what it notes (conditions met, the 择优 caveat)."""
        return [line for line in block[1:] if not line.startswith(self._formula_opens)]

    @staticmethod
    def _status(step: Step) -> Status:
        """The status of one step's answer: its route's; a match that finds nothing yet asks for the facts it
        lacks ("我们是张江的一家器械公司，能申请哪些支持？" names no product), a question back."""
        match = step.profile.match if step.profile is not None else None
        if step.route is Route.MATCH and match is not None and finds_nothing(match):
            return Status.CLARIFY
        if step.route is Route.FULL_AWARDS and step.full_awards is not None and step.full_awards.count_unset:
            return Status.NOT_SPECIFIED  # "一年最多能补几次展会": the text counts money, not occasions
        return ROUTE_STATUS.get(step.route, Status.ANSWERED)

    def _in_blocks(self, steps: list[Step], blocks: list[list[str]], cap_asked: bool = False) -> list[str]:
        """The blocks' lines in the order asked, each ask's own lines kept together: its lead, then its calculation
        (the lead quotes its sentence), so no line of another ask stands between a lead and its figures. Several
        asks: a ceilings block answers in one line naming its ceilings, and what each answer adds after its figures
        (the annual cap, the conditions met or still to meet, "a ceiling, not a promise") follows all the asks'
        answers, in the same order. ``cap_asked``: one of the asks is the per-entity annual cap ("…一家单位一年最多
        多少？"), whose line is then an answer of its own, right after the last figure it caps."""
        if len([b for b in blocks if b]) < 2:
            return [line for block in blocks for line in block]
        formula_opens = self._formula_opens
        annual_opens = tuple(self.t[key].split("{")[0] for key in ("award_annual", "award_annual_of"))
        # (a total of several items keeps its cap under its sum, where it already stands)
        cap_asked = cap_asked and any(line.startswith(formula_opens) for block in blocks for line in block)
        annual: list[str] = []
        last_figure: int | None = None  # where the last award's lead stands among the answers
        answers: list[str] = []
        notes: list[str] = []
        for step, block in zip(steps, blocks, strict=True):
            if block and step.route is Route.CEILINGS and step.request is not None:
                # the listing itself follows the answers; a figure heard of is answered by its correction or its yes
                heard = self._heard(step)
                answers += heard or [self._ceilings_lead(step)]
                notes += [line for line in block if line not in heard]
                continue
            if step.route is Route.KIND_SUPPORT:  # "CRO和CMO分别…": each kind's head with its measures under it
                noted = len(block) > 1 and any(s.rule for s, _ in step.listed)  # a listing with ceilings ends in its note
                answers += block[:-1] if noted else block
                notes += block[-1:] if noted else []
                continue
            if step.estimate is not None and block:
                last_figure = len(answers)
            for number, line in enumerate(block):
                if cap_asked and line.startswith(annual_opens):
                    annual.append(line)
                    continue
                (answers if number == 0 or line.startswith(formula_opens) or line in self._figure_leads else notes).append(line)
        if annual:  # the cap asked: right after the last figure it caps, before that figure's formula
            at = len(answers) if last_figure is None else last_figure + 1
            answers[at:at] = list(dict.fromkeys(annual))
            # (a later ask's lead quoting the cap's own sentence, "每个单位每年累计支持金额不超过50万元。", says it again)
            answers = [line for line in answers if line in annual or not any(
                len(said := line.rstrip("。.")) >= MIN_REPEAT_CHARS and said in cap for cap in annual)]
        return answers + notes

    def _ceilings_lead(self, step: Step) -> str:
        assert step.request is not None and step.articles
        money = self._money_said
        label = step.articles[0].label
        rules = step.request.rules or list(step.request.candidates)
        # ("what's the max support rate and cap": the rate asked, a rule paid as a share of a base leads with it too)
        rate_asked = bool(lexicon().rate_asked.search(step.ask.text))
        parts = [self.t["ceilings_lead"].format(label=label, rule_name=self.rule_name(rule), ceiling=self._ceiling(rule) if rate_asked
                                                else self.t["ceiling_only"].format(amount=money(rule.cap_yuan)))
                 for rule in rules]
        caps = [rule_book().annual_caps[cap_id] for cap_id in dict.fromkeys(r.annual_cap for r in rules if r.annual_cap)]
        annual = [self.t["ceilings_lead_annual"].format(amount=money(cap.cap_yuan)) for cap in caps]
        # ("创新药、创新医疗器械…每年累计支持上限分别是多少": the cap asked comes first)
        first = step.annual_first or names_annual_cap(step.ask.text.lower())
        if first:
            annual = [self.t["ceilings_lead_annual_of"].format(label=label, cap=cap) for cap in annual]
        parts = [*annual, *parts] if first else [*parts, *annual]
        return self.t["ceilings_lead_separator"].join(parts)

    def _sources(self, articles: list[Article], plan: Plan) -> list[str]:
        """Each article's source lines; a document's validity once, a computed rule's quote under its article."""
        lines: list[str] = []
        seen_documents: set[str] = set()
        quotes = {step.articles[0].chunk_id: rule_quote for step in plan.steps
                  if step.articles and (rule_quote := self._rule_quote(step))}
        # ("研究型病房归哪些部门管？": the answer lists the article's 责任单位; its source lines do not list them again)
        said = {step.articles[0].chunk_id for step in plan.steps if step.route is Route.DEPARTMENTS and step.articles}
        for article in articles:
            for line in self.source_lines(article, quotes.get(article.chunk_id, ""), article.doc_id not in seen_documents,
                                          departments=article.chunk_id not in said):
                if line not in lines:  # the same 责任单位 of two articles are listed once
                    lines.append(line)
            seen_documents.add(article.doc_id)
        return lines

    def _rule_quote(self, step: Step) -> str:
        """The quote of the rules an award step computed (the article itself goes in the source card)."""
        if step.estimate is None or step.request is None:
            return ""
        if step.eligibility is not None and step.eligibility.instead:  # the measure that applies: the rule computed there
            return _quotes_joined([rule_book().rule(c.rule_id).quote for c in step.estimate.calculations])
        if step.eligibility is not None and step.eligibility.alternative is not None:
            return step.eligibility.alternative.quote  # the ceiling that applies in place of the one asked
        return _quotes_joined([rule.quote for rule in step.request.rules])

    def _block(self, step: Step) -> list[str]:
        route = step.route
        article = step.articles[0] if step.articles else None
        if route is Route.GREETING:
            return [self.t["greeting"]]
        if route is Route.CLARIFY_REFERENT:
            return [self.t["clarify_referent"]]
        if route in {Route.PROFILE, Route.MATCH} and step.profile is not None:
            return [profile_reply(step.profile, self.language)]
        if route is Route.OUT_OF_SCOPE:
            scope = step.scope
            if scope is not None and scope.reason == "place":
                return [self.t["out_of_scope_place"].format(place=scope.named.title() if scope.named.isascii() else scope.named)]
            if scope is not None and scope.reason == "ask":
                return [self.t["out_of_scope_ask"].format(text=step.ask.text.strip(" ，,。？?"))]
            if scope is not None and scope.reason == "document":
                return [self.t["out_of_scope_document"].format(name=scope.named)]
            return [self.t["out_of_scope"]]
        assert article is not None
        fields = self._fields(article)
        if route is Route.OUTLINE:
            return [self._outline(step)]
        if route is Route.DEPARTMENTS:
            key = "departments_answer" if article.departments else "departments_none"
            return [self._with_expiry(article, self.t[key].format(departments=self._departments(article.departments), **fields))]
        if route is Route.VALIDITY:
            document = self.catalogue.get(step.document or article.doc_id)
            issued = document.signed or document.published
            lines = [self.t["validity_lead"].format(number=document.number or "", title=document.title,
                                                    title_en=document.title_en, validity=self.validity(document.id))]
            if issued is not None:  # a press transcript names no issuer: the day it was published ("发布会是哪天开的")
                day = day_named(issued, self.language)
                issue = self.t["issued" if document.issuer else "published"].format(issuer=document.issuer, day=day)
                # "发布会是哪天开的": the day asked leads, the document's status follows
                lines.insert(0 if step.ask.detail == ISSUED else len(lines), issue)
            applies = self._applies(step, document)
            if applies is not None:  # "现在还有效吗", "does it still apply to a project of June 2024?": yes or no first
                lines[0] = self.t["validity_yes" if applies else "validity_no"] + self._event_against_term(document) + lines[0]
                in_force = self._policy_in_force() if not applies and document.kind is DocumentKind.DISTRICT_PLAN and has_word(
                    step.ask.text.lower(), lexicon().applying_words) else None
                if in_force is not None:
                    # "浦东那个三年方案，我们现在还能按它申请吗？": the no, then the policy in force one applies under
                    lines.insert(1, self.t["in_force_instead"].format(number=in_force.number or "", title=in_force.title,
                                                                      title_en=in_force.title_en, validity=self.validity(in_force.id)))
                if self.event_on is not None and article.doc_id == document.id and not self.asked_of_today:
                    lines.insert(1, self.t["quote"].format(text=term_sentence(article, document, self.event_on)))
            elif (self.event_on is not None and not self.asked_of_today and document.valid_from is not None
                  and self.event_on < document.valid_from and lexicon().term_not_started_told.search(step.ask.text.lower())
                  and (term := next((a for a in step.articles if a.chunk_id == f"{document.id}:validity"), None))):
                # "2024年7月中旬完成的…那会儿新政策还没开始实施吧": the time told is before the term; what the text says of
                # it (its funding measures may already apply then) leads, the document's status after it
                lines[0:0] = [self.t["validity_before_start"].format(
                    number=document.number or document.title, start=day_named(document.valid_from, self.language))
                    + self.t["quote"].format(text=term_sentence(term, document, self.event_on))]
            return lines
        if route is Route.NOT_SPECIFIED:
            if step.estimate is not None:  # no share set, a ceiling set: the ceiling follows
                return [self._not_specified(article, step.detail)[0], *self.award_lines(step.estimate, article)]
            lines = self._not_specified(article, step.detail, step.ask.kind, step.ask.own_words.lower(), step.ask.text.lower())
            # what the measure does say of the thing asked: of a figure, or of a named detail it leaves unset (the rent
            # of （二十五）'s 500万平方米 standardised plants)
            quoted = step.ask.kind is AskKind.FIGURE or step.detail == SHARE or (
                step.detail in lexicon().details and step.detail != ANNUAL_CAP)
            # (not again when an earlier ask's answer quoted that sentence: "是不是过了10个亿就奖1000万？门槛和金额到底是多少？")
            if step.lead is not None and quoted and step.lead.text.strip("。") not in self.said:
                lines.insert(1, self.t["quote"].format(text=step.lead.text) + self._glossed(step.lead.text))
            return lines
        if route is Route.NO_AMOUNT:
            assert step.lead is not None
            if step.lead.text.strip() and step.lead.text.strip() in self.said:
                # "并购基金是哪一条？有没有给企业补贴金额？": the sentence just quoted sets no amount; said once
                return [self._with_expiry(article, self.t["no_amount_said"])]
            # "听说最高能给5000万，是真的吗？" of a measure setting no amount: the figure heard is wrong, said first
            wrong = self.t["premise_wrong"] if asks_to_confirm(step.ask.own_words) and any(
                h in step.ask.own_words for h in self.heard) else ""
            said = self.t["no_amount"].format(text=step.lead.text)
            said = _first_lowered(said) if wrong and self.english else said  # "No: the text does not …"
            # ("举办这类会议能补多少": the amount the measure does set is for taking part, said after the no)
            return [self._with_expiry(article, wrong + said), *(self._unpaid(rule) for rule in step.unpaid)]
        if route is Route.LOOKUP and lexicon().replacement_asked.search(step.ask.own_words.lower()) and step.lead is not None:
            # "市里有没有能替代的？" after an ended plan: the policy in force's article, named, then its sentence
            fields = self._fields(article)
            return [self.t["replacement_lead"].format(text=step.lead.text, **fields)]
        if route is Route.LOOKUP:
            return self._lookup(step, article)
        if route is Route.ELIGIBILITY:  # a figure heard of put right first ("听说…5000万，我们能申请吗？")
            # ("能拿2000万吗？" within the ceiling, no spend stated: the spend that figure takes follows the yes)
            spend = self._required_base(step)[:1] if step.required_base is not None else []
            return [*(self._correction(c) for c in step.corrections),
                    *self._excluded_first(step, [*self._eligibility(step, article), *spend, *self._asker_lines(step)])]
        if route is Route.KIND_SUPPORT:
            return self._kind_support(step)
        if route is Route.CLARIFY_RULE and step.request is not None:
            return [self.clarify_rule(step.request, article)]
        if route is Route.CLARIFY_BASE and step.request is not None:
            return [self.clarify_base(step.request, article)]
        if route is Route.CLARIFY_MEASURE:
            return [self.clarify_measure(step.articles)]
        if route is Route.CLARIFY_UNIT:
            return [self.t["clarify_unit"].format(number=step.ask.text.strip(), number_of_document=fields["number"],
                                                  label=fields["label"], article_title=fields["article_title"])]
        if route is Route.CLARIFY_CURRENCY:
            rules = step.request.rules if step.request else []
            rule = next((r for r in rules if r.base), None)
            base = (rule.base_en or rule.base) if rule and self.english else (rule.base if rule else "")
            clarify = self.t["clarify_currency"].format(base=base or "", **fields)
            if len(rules) == 1:  # "Phase III, US$800,000 spent": the rule's ceiling first, the RMB figure asked after it
                clarify = self.t["clarify_currency_ceiling"].format(rule_name=self.rule_name(rules[0]),
                                                                     ceiling=self._ceiling(rules[0])) + clarify
            return [clarify]
        if route is Route.UNDER_CAP_AT_ANY_RATE and step.request is not None:
            [rule] = step.request.rules
            rates = usd_range()
            return [self.t["under_cap_at_any_rate"].format(rule_name=self.rule_name(rule), ceiling=self._ceiling(rule),
                                                            low=rates.low, high=rates.high, **fields)]
        if route is Route.REQUIRED_BASE:
            return self._required_base(step)
        if route is Route.FULL_AWARDS and step.full_awards is not None:
            return self._full_awards(step.full_awards)
        if route is Route.CEILINGS:
            # (a month before the term in the funding period: the sentence covering it, after the ceilings)
            noted = [self.t["term_note"].format(sentence=step.term_note)] if step.term_note else []
            return [*self._depends_first(step), *self._ceilings(step, article), *noted, *self._served(step)]
        if route is Route.NO_SPEND and step.request is not None:
            return self._no_spend(step.request, article)
        unset_cap = [self.t["not_specified_lead"].format(topic=lexicon().details[ANNUAL_CAP].topic[self._tongue()])] if (
            step.cap_unset) else []  # "6个项目总共最多贴多少，有没有年度封顶": the sum, then no yearly cap set
        return [*self._award(step, article), *unset_cap, *self._served(step)]

    def _depends_first(self, step: Step) -> list[str]:
        """Before a measure's ceilings, when a yes or no was asked ("我们是做创新药的，能申请…临床试验那块的补贴吗？") and a
        condition every rule shares waits on a fact not stated: "it depends", with that condition."""
        verdict = step.eligibility
        if (verdict is None or verdict.verdict is not Verdict.UNKNOWN or not verdict.condition or step.corrections
                or not lexicon().ability_asked.search(step.ask.own_words) or not asks_yes_or_no(step.ask.own_words.lower())):
            return []
        condition, quote = self._condition(verdict.condition)
        return [self.t["eligible_unknown"].format(condition=condition, quote=quote)]

    def _served(self, step: Step) -> list[str]:
        """"我是高校的…有啥支持": after a measure's terms, who it is for when the asker's kind is the one it serves."""
        if step.served is None:
            return []
        note = step.served.entry.note.get(self._tongue(), "")
        return [self.t["kind_served"].format(kind=step.served.kind.name_in(self._tongue()), note=note)]

    def _outline(self, step: Step) -> str:
        """How many measures (tasks) the document has, first to last, and its parts in order (the headings its measures
        stand under), counted from the document's own numbering."""
        document = self.catalogue.get(step.document or step.outline[0].doc_id)
        items = step.outline
        kind = "tasks" if holds_tasks(items[0].section) else "measures"
        if step.outline_topic:  # "专门提到CRO的有几条": the measures naming it, by label and title
            listed = self.t["outline_separator"].join(f"{a.label}“{a.title}”" for a in items)
            return self._with_expiry(items[0], str(self.t["outline_topic"].format(
                number=document.number or "", title=document.title, title_en=document.title_en, topic=step.outline_topic.upper()
                if step.outline_topic.isascii() else step.outline_topic, count=len(items), unit=self.t["outline_units"][kind],
                unit_title=self.t["outline_unit_titles"][kind], listed=listed)))
        parts = list(dict.fromkeys(a.section for a in items if a.section))
        if len(parts) > 1 and all(" " in part for part in parts) and len({part.split(" ", 1)[0] for part in parts}) == 1:
            parts = [part.split(" ", 1)[1] for part in parts]  # the plan's "三、重点任务 (一)…", "三、重点任务 (二)…": said once
        fields = {"number": document.number or "", "title": document.title, "title_en": document.title_en,
                  "count": len(items), "unit": self.t["outline_units"][kind], "first": items[0].label, "last": items[-1].label}
        if len(parts) < 2:
            return self._with_expiry(items[0], str(self.t["outline_flat"].format(**fields)))
        return self._with_expiry(items[0], str(self.t["outline"].format(
            parts=len(parts), part_list=self.t["outline_separator"].join(parts), **fields)))

    def _fields(self, article: Article) -> dict[str, str]:
        document = self.catalogue.get(article.doc_id)
        return {"label": article.label, "article_title": article.title, "number": document.number or "",
                "source_title": f"《{document.title}》"}

    def _lookup(self, step: Step, article: Article) -> list[str]:
        assert step.lead is not None
        if step.lead.figure and step.share is not None:  # "核定床位1500张": the share of the count stated, worked out, leads
            self._quoted.add(step.lead.text)
            share, counted = step.share, (lambda n: f"{n:,}" if self.english else str(n))
            lead = self.t["share_of_count"].format(
                base=share.base.base, count=counted(share.count), result=counted(share.result), figure=step.lead.figure,
                unit=share.base.unit_en if self.english else share.base.unit, text=step.lead.text)
        elif step.lead.figure:
            if (step.lead.text, step.lead.figure) in self._figures_given:
                return []  # "那药品的补充申请呢？审评要多久？": both asks are answered by the one figure, said once
            self._figures_given.add((step.lead.text, step.lead.figure))
            figure = english_figure(step.lead.figure) if self.english else step.lead.figure
            quoted = step.lead.text in self._quoted  # a second figure of a sentence already quoted: the figure alone
            self._quoted.add(step.lead.text)
            key = "lead_figure_only" if quoted else "lead_figure"
            if is_target(step.lead):  # "争取…压缩至3周以内": a target, not a promise
                key = f"{key}_target"
            elif key == "lead_figure" and len(article.speakers) == 2 and all(article.speakers):
                key = "lead_figure_spoken"  # a figure said at the press conference: who said it, answering whom
            asker, answerer = article.speakers if len(article.speakers) == 2 else ("", "")
            bounded = step.lead.figure
            bound = "" if key.endswith("_target") else figure_bound(step.lead)
            if bound:  # "最高支持1000万元": the lead says 最高1000万元, "首付款1亿元以上": 1亿元以上
                bounded, figure = (self.t[f"figure_{bound}"].format(figure=f) for f in (bounded, figure))
            lead = self.t[key].format(figure=bounded, figure_en=figure, text=step.lead.text, asker=asker,
                                      answerer=answerer)
            premise, text_sets = stated_duration(step.ask.text), duration_in(step.lead.figure)
            if step.ask.kind is AskKind.DURATION and premise is not None and text_sets is not None:
                lead = self.t["premise_right" if premise == text_sets else "premise_wrong"] + lead  # "…three weeks, right?" → "No: 15 working days"
        elif len(article.speakers) == 2 and all(article.speakers):
            # a press answer names who spoke, as the transcript does; a bare name is no answer of its own
            asker, answerer = article.speakers
            said = step.lead.text.strip(" 。.?？")
            asked = article.text.splitlines()[0]  # "记者:问题？": the journalist's words are never put in the answerer's mouth
            text = step.lead.text if said not in article.speakers and said not in asked else spoken_opening(article)
            text = re.sub(rf"^\s*{re.escape(answerer)}\s*[:：]\s*", "", text)  # the name is said once, before the words
            lead = self.t["lead_spoken"].format(text=text, asker=asker, answerer=answerer)
        elif lexicon().article_asked.search(step.ask.text.lower()):
            # "并购基金是哪一条？": the article asked names itself first, then says what it says
            lead = self.t["lead_which"].format(label=article.label, article_title=article.title, text=step.lead.text)
        else:
            lead = self._lead_text(article, step.lead.text)
        stated = stated_figure(step.ask.text) if step.ask.kind in {AskKind.WHAT, AskKind.FIGURE} else None
        holds = figure_holds(stated, step.lead.sentence or step.lead.text) if stated is not None else None
        if step.need is not None:  # "还要办…许可证吗": 不需要 / 需要 / the sources do not say, first
            lead = f"{self.t['need_' + step.need.value]}{' ' if self.english else ''}{lead}"
        # ("…浦东的行动方案目标是到2024年产业规模达到5000亿，对吗": the 不对 leads, the expired plan's warning after it)
        # (a figure heard right beside a ceiling said not to exist, "10%, no upper limit", is put right by that line)
        verdict = self.t["premise_right" if holds else "premise_wrong"] if (
            holds is not None and step.need is None and not step.no_cap_heard) else ""
        if step.affirmed is not None and step.need is None and holds is None:  # "有没有生物医药专区": the yes first
            lead = self.t["stated_yes"].format(word=step.affirmed) + lead
        said = lead + self._glossed(step.lead.text)
        elsewhere = [self._figure_elsewhere(step.elsewhere)] if step.elsewhere is not None else []
        if verdict and self.expired(article.doc_id):  # the claim's verdict and the sentence, then the plan's expiry
            return [f"{verdict}{said}{' ' if self.english else ''}{self.t['expired_after']}", *elsewhere]
        return [verdict + self._with_expiry(article, said), *elsewhere]

    def _figure_elsewhere(self, elsewhere: FigureElsewhere) -> str:
        """"您提到的1860亿：原文另一处是……": the figure the asker heard, in the sentence of the sources stating it."""
        fields = self._fields(elsewhere.article)
        return str(self.t["figure_elsewhere"].format(figure=elsewhere.figure, sentence=elsewhere.sentence, **fields))

    def _lead_text(self, article: Article, text: str) -> str:
        """What ``article`` says, introduced as a measure of the policy or, in English, as a part of the document it
        belongs to ("Reply to CPPCC Proposal No. 1228, 联系方式, says …": a reply's part is no measure)."""
        document = self.catalogue.get(article.doc_id)
        if document.kind is DocumentKind.POLICY and article.key != SCOPE_KEY:  # (the scope paragraph is no measure)
            return str(self.t["lead_text"].format(text=text, label=article.label))
        return str(self.t["lead_text_document"].format(text=text, label=article.label, document_en=document.title_en))

    def _glossed(self, quote: str) -> str:
        """For an English asker, the key terms of a Chinese ``quote`` in English ("Key terms: Free Trade pilot zone
        (自贸试验区) …"), so what the text says can be read; "" in Chinese, or when the quote holds none."""
        terms = [(term, name) for term, name in key_terms(quote) if term not in self._named_terms] if self.english else []
        self._named_terms.update(term for term, _ in terms)  # a term named once in the answer is not named again
        if not terms:
            return ""
        return str(self.t["key_terms"].format(terms=self._join([f"{name} ({term})" for term, name in terms])))

    def _unpaid(self, rule: Rule) -> str:
        """The line naming what ``rule``'s amount is for, after a no-amount answer on another part of its measure
        ("原文规定了金额的是参加国际性活动和展会支持：“…”，不适用于举办。")."""
        name = _first_lowered(rule.name_en) if self.english else rule.name
        part = (rule.unpaid_part_en if self.english else rule.unpaid_part) or ""
        return str(self.t["unpaid_rule"].format(rule_name=name, quote=rule.quote, part=part))

    def _with_expiry(self, article: Article, lead: str) -> str:
        """``lead`` of an expired document's article, its expiry said in the same line: one ask, one lead
        line, and the asker reads that the document no longer applies before what it said."""
        if not self.expired(article.doc_id):
            return lead
        return f"{self.t['expired_warning']}{' ' if self.english else ''}{lead}"

    def _not_specified(self, article: Article, detail: str = "", kind: AskKind | None = None, asked: str = "",
                       whole: str = "") -> list[str]:
        fields = self._fields(article)
        named = lexicon().details.get(detail) or lexicon().figure_asks.get(detail)
        # "整个流程要多久" of an article setting no time limit: no time limit, not the application's materials;
        # "补助额度是多少" of one setting no amount: no amount
        money = kind in {AskKind.FIGURE, AskKind.AMOUNT} and has_word(asked, (*lexicon().money_words, *lexicon().money_figures))
        unnamed = self.t["topic_duration" if kind is AskKind.DURATION else "topic_amount" if money else "topic_default"]
        topic = named.topic[self._tongue()] if named else unnamed
        share = lexicon().figure_asks["share"]
        if kind is AskKind.DURATION and named is None and has_word(whole, share.asked):
            # "贴息到底贴几个点？贴多久？" (one ask, the time's own words last): the share asked with the time, neither set
            topic = self._join([share.topic[self._tongue()], topic])
        lead = self.t["not_specified_lead"].format(topic=topic)
        key = "not_specified_where" if article.departments else "not_specified_where_no_departments"
        return [lead, self.t[key].format(departments=self._departments(article.departments), **fields)]

    def _eligibility(self, step: Step, article: Article) -> list[str]:
        verdict = step.eligibility
        fields = self._fields(article)
        text = step.lead.text if step.lead else ""
        if verdict is None or verdict.verdict is Verdict.ELIGIBLE:
            if verdict is not None and verdict.met:  # "没有投资关系，这一点重要吗": the condition the stated fact meets
                condition, quote = self._condition(verdict.met)
                return [self.t["eligible_met"].format(condition=condition, quote=quote, **fields)]
            if verdict is not None and verdict.rule is not None:
                name = verdict.rule.name_en if self.english else verdict.rule.name
                lines = [self.t["eligible_rule_yes"].format(rule_name=name, terms=verdict.rule.quote,
                                                            ceiling=self._ceiling(verdict.rule), **fields)]
            else:
                lines = [self.t["eligible_yes"].format(text=text, **fields) + self._glossed(text)]
            return [*lines, *self._holds(verdict), *self._pending(verdict)]
        if verdict.verdict is Verdict.UNKNOWN and not verdict.condition:
            # a press answer or a district plan: no conditions to judge, so what the text says
            return [self._with_expiry(article, self._lead_text(article, text))]
        lines = self._verdict_lines(step, article)
        if verdict.verdict is Verdict.UNKNOWN and verdict.rule is None and verdict.condition == REGISTERED and text and (
                text not in "".join(lines)):
            # "…准备在上海注册公司，用大模型做药物靶点发现…有支持吗": the registration it waits for, then what the measure
            # supports ("聚焦新药靶点挖掘与验证…")
            lines.append(self.t["quote"].format(text=text) + self._glossed(text))
        return lines

    def _echoed(self, step: Step, block: list[str]) -> list[str]:
        """A Chinese yes/no asked with a verb of its own (``yes_echo``: "算在支持范围里吗", "属于…吗") answered with that
        verb ("算。", "不属于。") where the block opens with 可以 or 不可以; one asking whether one can ("能…吗") keeps 可以."""
        verb = next((v for v, pattern in lexicon().yes_echo.items() if pattern.search(step.ask.own_words)), None) if (
            not self.english and block and asks_yes_or_no(step.ask.own_words.lower())
            and not lexicon().ability_asked.search(step.ask.own_words)) else None
        if verb is None:
            return block
        for said, echo in (("不可以。", f"不{verb}。"), ("不可以：", f"不{verb}："), ("可以。", f"{verb}。")):
            if block[0].startswith(said):
                return [echo + block[0][len(said):], *block[1:]]
        return block

    def _excluded_first(self, step: Step, lines: list[str]) -> list[str]:
        """A yes/no asked the other way round ("are we excluded from …"): whether the asker is excluded, first."""
        verdict = step.eligibility
        if (not lines or verdict is None or verdict.verdict is Verdict.UNKNOWN
                or not has_word(step.ask.text.lower(), lexicon().exclusion_asked)):
            return lines
        said = self.t["not_excluded" if verdict.verdict is Verdict.ELIGIBLE else "excluded"]
        first = next((lines[0][len(w):] for w in self.t["verdict_words"] if lines[0].startswith(w)), lines[0])
        return [f"{said}{' ' if self.english else ''}{first}", *lines[1:]]

    def _holds(self, verdict: Eligibility | None) -> list[str]:
        """After a yes: the conditions of another article (the scope) that the asker's stated facts meet, quoted."""
        if verdict is None or not verdict.holds:
            return []
        conditions = [self.t["condition_quoted"].format(condition=text, quote=quote)
                      for text, quote in map(self._condition, verdict.holds)]
        return [self.t["eligible_holds"].format(conditions=self._join(conditions))]

    def _pending(self, verdict: Eligibility | None) -> list[str]:
        """After a yes: the rule's conditions the stated facts do not meet yet, still to meet."""
        if verdict is None or not verdict.pending:
            return []
        return [self.t["eligible_pending"].format(conditions=self._join([self._condition(cid)[0] for cid in verdict.pending]))]

    def _verdict_lines(self, step: Step, article: Article) -> list[str]:
        verdict = step.eligibility
        assert verdict is not None
        fields = self._fields(self._asked_article(step, article))
        if verdict.condition == "registered_in_shanghai" and verdict.verdict is Verdict.NOT_ELIGIBLE:
            if not self.registered_place:  # "no legal entity in China yet": no other place to name
                return [self.t["eligible_no_registered_none"]]
            place = self.registered_place
            # a place read in lower case is named as written in English ("delaware" → "Delaware", "new south wales");
            # one already written as named ("the US") is kept
            return [self.t["eligible_no_registered"].format(place=string.capwords(place) if place.isascii() and place.islower() else place)]
        if verdict.condition == DOCUMENT_TERM and (ended := self._ended(step, article)):
            said = (step.lead.sentence or step.lead.text) if step.lead is not None else ""  # what the plan said, for the record
            return [ended, *([self.t["eligible_no_ended_said"].format(quote=said)] if said else [])]
        if verdict.condition == DOCUMENT_TERM and self.event_on is not None:
            return [self._outside_term(article)]
        if verdict.condition == ANNUAL_CAP_USED and step.annual_cap_used is not None:
            # "今年累计已经给了我们50万元…还能再申请吗": the cap's own words, what was received, nothing left this year
            cap = step.annual_cap_used
            return [self.t["eligible_annual_cap_used"].format(quote=cap.quote, cap=self._money(cap.cap_yuan), **fields)]
        if verdict.condition == FORBIDDEN:  # the sentence says 不得 to what was asked
            return [self.t["eligible_forbidden"].format(text=step.lead.text if step.lead else "", **fields)]
        condition = self._condition(verdict.condition)
        if (verdict.verdict is Verdict.UNKNOWN and tuple(verdict.missing) == ("registered",) and not verdict.fact
                and self.registration_planned):
            # "我是退休教授，准备在上海注册公司…有支持吗": the registration is said to be coming, not left unsaid
            return [self.t["eligible_unknown_planned"].format(condition=condition[0], quote=condition[1], **fields)]
        if verdict.verdict is Verdict.UNKNOWN and verdict.missing and not verdict.fact and verdict.rule is not None:
            # "中型企业能做3000万吗": a fact of the case the condition waits for is unsaid; a condition met by the
            # fact denied ("双方应无投资等关联") is met by a no
            described = condition_rules().conditions.get(verdict.condition)
            template = "eligible_unknown_fact_denied" if described is not None and all(
                described.holds_if.get(fact) == ("false",) for fact in verdict.missing) else "eligible_unknown_fact"
            if verdict.met == verdict.condition:  # "CE认证也算吗": what was stated counts; the rest is awaited
                template = "eligible_unknown_fact_counted"
            elif verdict.condition in RELATION_CONDITIONS and self.event_facts.relation_indirect:
                template = "eligible_unknown_fact_indirect"  # "客户的大股东也投过我们": the texts leave such a tie undefined
            # ("我们是做CMO的…能拿补贴吗": "没有则可以申请" would overstate while where the company is registered is unsaid
            # too, and the scope requires Shanghai)
            seat_unsaid = ([REGISTERED] if template == "eligible_unknown_fact_denied"
                           and self.event_facts.registered in {None, REGISTRATION_UNSAID}
                           and REGISTERED not in {verdict.condition, *verdict.also_waiting}
                           and article.doc_id == rule_book().document else [])
            also = [self.t["eligible_unknown_also"].format(condition=text, quote=quote, missing=self._facts_named(
                        (described_also.awaited or next(iter(described_also.holds_if), ""),)))
                    for cid in [*verdict.also_waiting, *seat_unsaid]
                    if (described_also := condition_rules().conditions.get(cid)) is not None
                    for text, quote in [self._condition(cid)]]
            if_met = [self.t["eligible_if_met"].format(amount=self._money(step.if_met.amount_yuan), formula=step.if_met.formula)
                      ] if step.if_met is not None else []
            return [self.t[template].format(
                condition=condition[0], quote=condition[1], missing=self._facts_named(verdict.missing),
                rule_name=self.rule_name(verdict.rule), ceiling=self._ceiling(verdict.rule, terms=True), **fields),
                *if_met, *also]
        if verdict.verdict is Verdict.UNKNOWN and verdict.missing and not verdict.fact:
            # "can a foreign-owned company join the gene therapy pilot?": a fact of the case the sentence names is unsaid
            return [self.t["eligible_unknown_measure_fact"].format(condition=condition[0], quote=condition[1],
                                                                   missing=self._facts_named(verdict.missing), **fields)]
        if verdict.verdict is Verdict.UNKNOWN and verdict.missing:  # "我们是医院…": a fact about who asks decides
            kind = asker_kind_name(verdict.fact, self.kind, self.english)
            return [self.t["eligible_unknown_asker"].format(condition=condition[0], quote=condition[1], kind=kind,
                                                            missing=self._facts_named(verdict.missing), **fields)]
        if verdict.verdict is Verdict.UNKNOWN:
            # of a measure whose rules all wait on the condition ("做细胞治疗的初创公司，能申请吗"), each rule's terms
            # follow, as what it gives if met
            # (of one rule whose condition the asker says it is unsure of, "我不清楚它在欧洲有没有开始卖", that rule's terms)
            waiting = list(dict.fromkeys(step.request.candidates)) if verdict.rule is None and step.request is not None else (
                [verdict.rule] if verdict.rule is not None else [])
            return [self.t["eligible_unknown"].format(condition=condition[0], quote=condition[1]),
                    *(self.t["eligible_unknown_terms"].format(rule_name=self.rule_name(rule), ceiling=self._ceiling(rule, terms=True))
                      for rule in waiting)]
        if verdict.instead:
            other = step.articles[0]
            lines = [self.t["eligible_no_instead"].format(condition=condition[0], quote=condition[1],
                                                          instead_label=other.label, instead_title=other.title, **fields)]
            instead_rule = step.instead_eligibility.rule if step.instead_eligibility is not None else None
            if instead_rule is not None and step.estimate is None:  # no base to compute with: the rule's terms
                lines.append(self.t["eligible_instead_terms"].format(rule_name=self.rule_name(instead_rule),
                                                                     ceiling=self._ceiling(instead_rule, terms=True)))
            return lines
        if verdict.others_yuan is not None:  # "其中一个委托方是我们的股东": that item fails, whichever; the others count
            low, high = verdict.others_yuan
            key = "eligible_no_one_item" if low == high else "eligible_no_one_item_range"
            return [self.t[key].format(condition=condition[0], quote=condition[1], low=self._money(low),
                                       high=self._money(high), **fields)]
        if verdict.item_yuan is not None:  # "1500万那个品种的委托方是我们的控股股东": that item alone fails
            return [self.t["eligible_no_item"].format(item=self._money(verdict.item_yuan), condition=condition[0],
                                                      quote=condition[1], **fields)]
        if (verdict.rule is not None and step.estimate is not None
                and any(c.eligible for c in step.estimate.calculations)
                and any(not c.eligible and c.rule_id == verdict.rule.id for c in step.estimate.calculations)):
            # "Does that change anything?" (the licensee now an investor): that rule's item alone fails
            return [self.t["eligible_no_rule"].format(rule_name=self.rule_name(verdict.rule), condition=condition[0],
                                                      quote=condition[1], **fields)]
        # "中小微…提到3000万了对吧？": a figure heard asked to be confirmed is put right, not refused
        # ("Can we claim the city's grant right now?" asks no confirmation: "right" ends no question there)
        key = "eligible_no_claim" if asks_to_confirm(step.ask.text.lower()) else "eligible_no"
        lines = [self.t[key].format(condition=condition[0], quote=condition[1], **fields)]
        if step.if_met is not None:  # "要明年先开始卖…研发投了3000万": what the spend gives once the step comes
            return [*lines, self.t["eligible_once_met"].format(amount=self._money(step.if_met.amount_yuan), formula=step.if_met.formula)]
        rules = rule_book().for_measure(verdict.measure) if step.ask.kind is AskKind.AMOUNT and step.estimate is None else ()
        if len(rules) != 1 and verdict.rule is not None and any(
                found.yuan == verdict.rule.cap_yuan for found in find_amounts(step.ask.text)):
            rules = (verdict.rule,)  # "还在等结果，现在能申请市里那个300万吗": the ceiling named, for when the condition is met
        if len(rules) == 1:  # "学校…这个贴息能拿多少，能直接申请吗": the no, then the ceiling asked, and whom it is for
            lines.append(self.t["eligible_no_ceiling"].format(rule_name=self.rule_name(rules[0]),
                                                              ceiling=self._ceiling(rules[0], terms=True)))
        return lines

    def _asker_lines(self, step: Step) -> list[str]:
        """After a verdict that turns on who asks: the measure's other rules still open or met for the asker,
        then the measures meant for the asker's kind that such a verdict points to."""
        lines = []
        for other in step.others:
            assert other.rule is not None
            condition, quote = self._condition(other.condition or other.met)
            if quote and quote in other.rule.quote:  # the rule's own sentence shows the condition with the ceiling it sets
                quote = other.rule.quote
            label = step.articles[0].label if step.articles else ""
            key = "other_rule_unknown" if other.verdict is Verdict.UNKNOWN else "other_rule_met"
            lines.append(self.t[key].format(label=label, rule_name=self.rule_name(other.rule), ceiling=self._ceiling(other.rule, terms=True),
                                            condition=condition, quote=quote, missing=self._facts_named(other.missing)))
        for support in step.pointers:
            lines.append(self._kind_line(support, "kind_pointer_rule" if support.rule else "kind_pointer_text"))
        return lines

    def _kind_support(self, step: Step) -> list[str]:
        """Every measure meant for the asker's kind: its ceiling and quote, or its sentence when it sets no amount."""
        supports = [support for support, _ in step.listed]
        head = "kind_support_head_one" if len(supports) == 1 else "kind_support_head"
        lines = [self.t[head].format(kind=supports[0].kind.name_in(self._tongue()) if supports else "", count=len(supports))]
        lines += [self._kind_line(s, "kind_support_rule" if s.rule else "kind_support_text") for s in supports]
        if any(s.rule for s in supports):
            lines.append(self.t["kind_support_note"])
        return lines

    def _kind_line(self, support: KindSupport, template: str) -> str:
        note = support.entry.note.get(self._tongue(), "")
        return self.t[template].format(
            kind=support.kind.name_in(self._tongue()), label=support.article.label, article_title=support.article.title,
            quote=support.entry.quote, rule_name=self.rule_name(support.rule) if support.rule else "",
            ceiling=self._ceiling(support.rule, terms=True) if support.rule else "",
            note=self.t["kind_note"].format(note=note) if note else "")

    def _money(self, yuan: Decimal | int) -> str:
        """A yuan amount as the answer's language writes it: ``format_yuan_en`` in English, else ``format_yuan``."""
        return format_yuan_en(yuan) if self.english else format_yuan(yuan)

    def _money_said(self, yuan: Decimal | int) -> str:
        """``_money`` and, in English, the round amount in words as well ("RMB 1,000,000 (1 million)"): the
        figure as an English reader says it, beside the digits the text's 万 and 亿 turn into."""
        words = yuan_in_words_en(yuan) if self.english else None
        return self._money(yuan) + (self.t["award_in_words"].format(words=words) if words else "")

    def _base_name(self, rule: Rule) -> str:
        """What ``rule``'s rate is a share of, in the asker's language ("研发投入", "R&D spending"); "" for none."""
        return ((rule.base_en or rule.base) if self.english else rule.base) or ""

    def _tongue(self) -> str:
        """The key of the asker's language in the data's bilingual entries: "en" or "zh"."""
        return "en" if self.english else "zh"

    def _ceiling(self, rule: Rule, terms: bool = False) -> str:
        """A rule's per-item ceiling as the text sets it: its rate of its base and its amount, or the amount alone;
        with ``terms``, also what one item is and the annual cap."""
        money = self._money_said
        if rule.rate is not None:
            base = self._base_name(rule)
            text = str(self.t["ceiling_with_rate"].format(base=base, rate=f"{rule.rate * 100:.0f}%", amount=money(rule.cap_yuan)))
        else:
            text = str(self.t["ceiling_only"].format(amount=money(rule.cap_yuan)))
        if not terms:
            return text
        if rule.per not in rule.name:  # "临床前研究转化贴息（每个项目每年）" says it already
            text += self.t["ceiling_per"].format(per=rule.per)
        if rule.annual_cap:
            cap = rule_book().annual_caps[rule.annual_cap]
            text += self.t["ceiling_annual_cap"].format(amount=money(cap.cap_yuan), quote=cap.quote)
        return text

    def _facts_named(self, facts: Iterable[str]) -> str:
        rules = condition_rules()
        return self._join([rules.fact_name(fact, self._tongue()) for fact in facts])

    def _policy_in_force(self) -> Document | None:
        """The policy in force today, the one to apply under when a district plan has ended; None when none is."""
        return next((d for d in self.catalogue.indexed() if d.kind is DocumentKind.POLICY and d.in_force_on(self.day)), None)

    def _event_against_term(self, document: Document) -> str:
        """Where the time the case names falls against ``document``'s term ("2030年已过有效期（至2029年7月31日）。"),
        said after a yes or no that time decided; "" when no time decides it (today is asked, or none is named)."""
        start, end = document.funding_valid_from or document.valid_from, document.valid_to
        if self.event_on is None or self.asked_of_today or start is None or end is None:
            return ""
        against = self.event_facts.event_against(date(start.year, start.month, 1), end)
        if against is None:
            return ""
        key = {-1: "validity_event_before", 0: "validity_event_within", 1: "validity_event_after"}[against]
        return str(self.t[key].format(event=self._event_named(), start=day_named(start, self.language),
                                      end=day_named(end, self.language)))

    def _applies(self, step: Step, document: Document) -> bool | None:
        """The yes or no of a yes/no validity question ("现在还有效吗", "is it still in force?"): whether the
        month the case names falls in the document's funding period, else whether it is in force today (whether
        it has ended, when that is what is asked: "is this policy expired?", "过期了吗"); None
        when the question is not a yes/no one (a date or the document to go by is asked) or the document has
        no term."""
        text = step.ask.text.lower()
        if step.ask.detail == WHICH_DOCUMENT or not asks_yes_or_no(text):
            return None
        start, end = document.funding_valid_from or document.valid_from, document.valid_to
        # ("…现在还能按它申请支持吗？另外，我们有个项目2024年7月10日出的结果…": this ask puts it to today, whatever
        # time another ask of the message states)
        today_asked = self.asked_of_today or has_word(text, lexicon().present_words)
        against = self.event_facts.event_against(date(start.year, start.month, 1), end) if (
            start and end and not today_asked) else None
        if against is not None:  # "项目2030年完成，那时候还有效吗": the time stated decides, not today
            return against == 0
        status = document.status_on(self.day)
        in_force = True if status is DocumentStatus.IN_FORCE else (
            False if status in {DocumentStatus.EXPIRED, DocumentStatus.SUPERSEDED} else None)
        # "Is this policy expired?": asked the other way round, yes is "it has ended"
        return None if in_force is None else (not in_force if has_word(text, lexicon().ended_asked) else in_force)

    def _ended(self, step: Step, article: Article) -> str:
        """The no for a case put to a document that ended before the case's time (the month stated, else today):
        "按浦东那个2022-2024方案…今年去申请还可以吗", with the measure of a document in force that the plan cites after it
        (the same kind of support); "" when ``article``'s document has no end or has not ended."""
        document = self.catalogue.get(article.doc_id)
        if document.valid_to is None or not document.ended_for(self.day, self.event_on):
            return ""  # a document still in force (a case after its end hears its term instead)
        fields = {"number": document.number or document.title, "end": day_named(document.valid_to, self.language)}
        current = next((a for a in step.articles if a.doc_id != article.doc_id
                        and (other := self.catalogue.get(a.doc_id)).valid_to is not None and self.day <= other.valid_to), None)
        if current is None:
            # ("浦东有个生物医药的三年行动方案有支持，现在还能按那个申请吗？": no measure named; the policy in force, named)
            in_force = self._policy_in_force()
            alone = str(self.t["eligible_no_ended_alone"].format(**fields))
            return alone if in_force is None else (" " if self.english else "").join([alone, self.t["in_force_instead"].format(
                number=in_force.number or "", title=in_force.title, title_en=in_force.title_en,
                validity=self.validity(in_force.id))])
        policy = self.catalogue.get(current.doc_id)
        return str(self.t["eligible_no_ended"].format(policy=policy.number or policy.title, instead_label=current.label,
                                                      instead_title=current.title, **fields))

    def _outside_term(self, validity_article: Article) -> str:
        """The no for a case outside the document's term: after it, the end of the term ``validity_article`` states
        (cited below it) and the month stated; before its funding period, the days it starts."""
        assert self.event_on is not None
        document = self.catalogue.get(validity_article.doc_id)
        first = document.funding_valid_from or document.valid_from
        if first is not None and self.event_on < first and document.valid_from is not None:
            # "2024年5月的投入能申请吗": before the term and before its funding period
            dates = [day_named(d, self.language) for d in (document.valid_from, first)]
            return str(self.t["eligible_no_before_term"].format(number=document.number or document.title, start=dates[0],
                                                                 funding_start=dates[1], month=self._event_named()))
        end = document.valid_to
        assert end is not None
        end_text = day_named(end, self.language)
        return str(self.t["eligible_no_term"].format(number=document.number or document.title, end=end_text,
                                                     month=self._event_named()))

    def _event_named(self) -> str:
        """The time the case happens as the asker named it: a month ("2029年10月", "October 2029") or a year alone
        ("2030年", "2030")."""
        assert self.event_on is not None
        if self.event_facts.event_year_only:
            return str(self.event_on.year) if self.english else f"{self.event_on.year}年"
        return self.event_on.strftime("%B %Y") if self.english else f"{self.event_on.year}年{self.event_on.month}月"

    def _asked_article(self, step: Step, article: Article) -> Article:
        return step.articles[1] if step.eligibility and step.eligibility.instead and len(step.articles) > 1 else article

    def _condition(self, condition_id: str) -> tuple[str, str]:
        condition = rule_book().conditions.get(condition_id) or extra_conditions().get(condition_id)
        if condition is None:
            return condition_id, ""
        return (condition.text_en if self.english else condition.text), condition.quote

    def _ceilings(self, step: Step, article: Article) -> list[str]:
        """Each rule's per-item ceiling (with its rate) and the annual caps, as the text sets them; a stated
        award above a ceiling corrected first."""
        assert step.request is not None
        money = self._money
        rules = step.request.rules or list(step.request.candidates)
        lines = self._heard(step)
        if step.within is not None:  # "能申请1500万的担保额度吗": within each alternative ceiling
            lines.append(self.t["within_alternatives"].format(stated=money(step.within)))
        if step.within_some is not None:  # "2800万的担保能给到吗", the kind unsaid: within one ceiling, above another
            lines.append(self._within_some(step.within_some, [(self.rule_name(rule), int(rule.cap_yuan)) for rule in rules]))
        annual = self._annual_caps(list(rules), "award_annual") if step.annual_first else []
        lines += annual
        lines.append(self.t["ceilings_head"].format(**self._fields(article)))
        lines += [f"· {self.rule_name(rule)}{self.t['ceiling_separator']}{self._ceiling(rule)}" for rule in rules]
        if not annual:
            lines += self._annual_caps(list(rules), "ceiling_annual")
        if step.lead is not None and step.lead.sentence:  # "有什么支持": the measure's own sentence says who gets it
            lines.append(self.t["ceilings_sentence"].format(text=step.lead.sentence))
        if any(rule.merit_based for rule in rules):
            lines.append(self.t["required_base_note"])
        rated = [rule for rule in rules if rule.rate is not None and rule.base]
        if step.invite_base and rated:  # "早期临床能支持多少": the ceiling answers; the spend would give the exact figure
            lines.append(self.t["invite_base"].format(base=(rated[0].base_en or rated[0].base) if self.english else rated[0].base))
        if step.ceilings_sum is not None:
            summed = step.ceilings_sum
            total, annual_cap, computed = summed.total, summed.annual_cap, summed.computed
            over = annual_cap is not None and total > annual_cap
            items = " + ".join(money(r.cap_yuan) if r.id not in computed else
                               self.t["sum_computed_item"].format(
                                   award=money(computed[r.id][1]), rate=percent_text(r.rate or Decimal(0)),
                                   base=money(computed[r.id][0]))
                               for r in rules)
            items = f"{step.products} × ({items})" if step.products > 1 else items  # "另外两个产品也都拿到顶"
            key = "ceilings_sum_uncapped" if annual_cap is None else "ceilings_sum_over" if over else "ceilings_sum"
            said = self.t[key].format(opening=self.t["sum_seen_bases" if computed else "sum_at_ceilings"], items=items,
                                      total=money(total), annual=money(annual_cap) if annual_cap is not None else "")
            if lexicon().yes_no_question.search(step.ask.text.lower().rstrip(" ？?。")):
                said = self.t["yes_over" if over else "no_not_over"] + said  # "加起来会超过一年的上限吗"
            lines.insert(0, said)
        elif (self._yes_asked(step) and step.eligibility is not None and step.eligibility.verdict is Verdict.ELIGIBLE and lines
              and not step.corrections and step.within is None and step.within_some is None):  # a figure asked answers itself
            # "能不能按基因治疗那一档申请？最高是多少？": yes, then the ceilings; "有没有保费补贴？": there is
            # ("能申请补贴吗" asks whether one can: 可以)
            key = "support_yes" if (lexicon().support_exists_asked.search(step.ask.own_words)
                                    and not lexicon().ability_asked.search(step.ask.own_words)) else "award_yes"
            lines[0] = self.t[key] + lines[0]
        return lines

    def _heard(self, step: Step) -> list[str]:
        """The figures the asker heard of, each put right ("更正：…最高500万元，不是1000万元") or confirmed; one heard
        of the per-entity annual cap against that cap."""
        money = self._money
        lines = [self._correction(c, step.declined) for c in step.corrections]
        annual = [self.t["annual_heard_right" if heard == cap.cap_yuan else "annual_heard_wrong"].format(
            cap=self._money_said(cap.cap_yuan), heard=money(heard), quote=cap.quote) for heard, cap in step.annual_heard]
        wrong_share = {rule.id: share for share, rule in step.share_wrong}
        return lines + [
            self.t["confirmed"].format(rule_name=self.rule_name(rule), right=money(stated)) if rule.id not in wrong_share
            else self.t["share_wrong"].format(rule_name=self.rule_name(rule), right=money(stated),
                                              rate=percent_text(rule.rate or Decimal(0)), base=self._base_name(rule),
                                              heard=percent_text(wrong_share[rule.id]))
            for stated, rule in step.confirmed] + annual

    def _required_base(self, step: Step) -> list[str]:
        assert step.required_base is not None
        rule, target, base = step.required_base
        money = self._money
        rate = f"{(rule.rate or 0) * 100:.0f}%"
        lines = [self._correction(c) for c in step.corrections]
        lines.append(self.t["required_base"].format(
            rule_name=rule.name_en if self.english else rule.name, target=money(target), rate=rate,
            base_name=(rule.base_en or rule.base) if self.english else rule.base, base=money(base)))
        if rule.merit_based:
            lines.append(self.t["required_base_note"])
        return lines

    def _full_awards(self, full: FullAwards) -> list[str]:
        """"一年最多几次能拿满额": the count, then the two figures it is worked out from and the cap's own words; "一年最多
        能补几次展会" (``count_unset``): first that the text sets no count, then the same figures."""
        money = self._money
        cap = rule_book().annual_caps[str(full.rule.annual_cap)]
        template = self.t["full_awards_unset" if full.count_unset else "full_awards"]
        lines = [template.format(count=full.count, unit=full.unit or self.t["full_awards_unit"],
                                              rule_name=self.rule_name(full.rule), cap=money(full.rule.cap_yuan),
                                              annual=money(full.annual_cap_yuan), quote=cap.quote)]
        if full.rule.merit_based:
            lines.append(self.t["required_base_note"])
        return lines

    def _correction(self, correction: tuple[Decimal, Rule, Decimal], declined: bool = False) -> str:
        """A stated award put right; ``declined``: an award asked for ("能拿3000万吗？"), the no leads."""
        stated, rule, right = correction
        money = self._money
        key = "correction" if right == rule.cap_yuan else "correction_computed"
        if declined:
            key = "declined_cap" if right == rule.cap_yuan else "declined_computed"
        said = self.t[key].format(rule_name=rule.name_en if self.english else rule.name, right=money(right),
                                  stated=money(stated))
        owner = _ceiling_owner(rule, stated)
        if owner is not None and key in ("correction", "declined_cap"):
            # "听说1类新药I期最多给3000万": 3000万 is the Ⅲ期 ceiling of the same measure, which says where the figure heard
            # comes from
            said += self.t["correction_owner"].format(stated=money(stated), owner=self.rule_name(owner))
        return said

    def _award(self, step: Step, article: Article) -> list[str]:
        estimate = step.estimate
        assert estimate is not None
        lines = self._heard(step)  # "能拿3000万吗？": the no leads; "…上限提到了2000万元，对吗": the yes
        # "具体啥关系我也说不清，这种能拿受托方补贴吗": a yes or no asked, a condition open: it depends, then the figure
        lines = [*self._depends_first(step), *lines]
        after: list[str] = []
        if step.eligibility is not None and step.eligibility.instead and step.eligibility.verdict is Verdict.NOT_ELIGIBLE:
            # "市里对海外做的临床有没有支持": the no on the measure found and the measure that applies, briefly, so that
            # the latter's figure follows at once; the text of the condition not met after the award
            condition = self._condition(step.eligibility.condition)
            fields = self._fields(self._asked_article(step, article))
            other = step.articles[0]
            unnamed = (step.ask.kind is AskKind.AMOUNT and not step.ask.yes_no and step.ask.listed
                       and step.eligibility.measure not in labels_named(step.ask.text))
            if unnamed or (step.ask.elliptical and step.ask.kind is AskKind.AMOUNT
                           and not lexicon().supposing.search(step.ask.text.lower())):
                # "what about a device?" after a drug's award: the same ask of another product, which its measure answers;
                # so is one case of several listed, asked how much with no measure named ("(1) ran a Phase II trial … in
                # Australia … (2) … how much could we get for each"): the measure that applies leads, not a no
                lines.append(self.t["instead_for_case"].format(instead_label=other.label, instead_title=other.title))
            else:
                lines.append(self.t["eligible_no_instead_brief"].format(condition=condition[0], instead_label=other.label,
                                                                        instead_title=other.title, **fields))
                after.append(self.t["eligible_no_instead_quote"].format(quote=condition[1], **fields))
        elif step.eligibility is not None and (step.eligibility.verdict is Verdict.NOT_ELIGIBLE or step.eligibility.missing) and (
                not self._registration_coming(step)):
            lines.extend(self._verdict_lines(step, article))
        calculations = estimate.calculations
        if are_alternatives(estimate.calculations):
            money = self._money
            book = rule_book()

            def ceiling(calculation: Calculation) -> int:  # the per-item ceiling the calculation carries (the rule's)
                if calculation.ceiling_yuan is not None:
                    return calculation.ceiling_yuan
                return int(book.rule(calculation.rule_id).cap_yuan)

            if step.within_some is not None:  # "2800万的担保能给到吗": within one kind's ceiling, above the other's
                lines.append(self._within_some(step.within_some, [(c.rule_name, ceiling(c)) for c in calculations]))
            lines.append(self.t["alternatives_head"].format(number=self._fields(article)["number"], label=article.label))
            # a guarantee asked for below a ceiling is no ceiling of its own: the ceiling the text sets beside it
            lines += [self.t["alternative_item_within" if c.eligible and c.amount_yuan < ceiling(c)
                             else "alternative_item"].format(rule_name=c.rule_name, amount=money(c.amount_yuan),
                                                             cap=money(ceiling(c)))
                      for c in calculations]
            notes = merged_notes((note for c in calculations for note in c.notes), self.language)
            if notes:
                lines.append(self.t["award_notes"].format(notes=(" " if self.english else "").join(notes)))
            return [*lines, *self._asker_lines(step)]
        # the ask's own words name the items it adds ("1. …特别审查程序，这一步能拿多少？2. …首次拿到注册证…还能再拿多少？")
        award = self.award_lines(estimate, article, step.annual_first, step.ask.text.lower() if self.more_of else "")
        if award and not lines and estimate.total_yuan > 0 and (named := self._kind_named(article)) is not None:
            award.insert(0, named)  # "那对医院呢？": the measure's own words naming that kind, before its ceiling
        uncapped = (len(estimate.calculations) > 1 and bool(lexicon().cap_exists_asked.search(step.ask.text.lower()))
                    and not any(rule_book().rule(c.rule_id).annual_cap for c in estimate.calculations))
        if award and uncapped:
            # "How much for each, and is there a combined cap?" of （三十六）: none; each item under its own ceiling
            award.insert(1, self.t["no_combined_cap"].format(label=article.label))
        elif award and self._yes_asked(step) and estimate.total_yuan > 0 and not lines:
            verdict = step.eligibility
            if (verdict is not None and verdict.verdict is Verdict.UNKNOWN and verdict.rule is not None
                    and verdict.condition not in {"", REGISTERED}):
                # "一款新药…可以申请吗？能拿多少？": the class the measure requires is unsaid: it depends, on what, then
                # the figure if it holds (where the asker is registered, when unsaid, stays a note after the figure)
                self._figure_leads.add(award[0])  # (an answer line still, among several asks' answers)
                award = [*self._verdict_lines(step, article), *award]
            else:
                award[0] = self.t["award_yes"] + award[0]  # "能不能申请？最高多少？": the yes leads, the figure follows
        if award and step.term_note:  # "2024年7月中旬完成的…能按新政策申请吗": the sentence covering that month
            award.insert(1, self.t["term_note"].format(sentence=step.term_note))
        if award and step.approximate:
            money = self._money
            award.insert(1, self.t["approximate_base"].format(amounts=self._join([money(a) for a in step.approximate])))
        if award and step.request is not None and step.request.assumed is not None:
            award.insert(1, self._assumed(step.request.assumed))  # an earlier base used for another stage or item
        if lines and award:  # the figure after a verdict ("要看情况…"): an answer line still, among several asks' answers
            self._figure_leads.add(award[0])
        lines.extend(award)
        return [*lines, *after, *self._holds(step.eligibility), *self._asker_lines(step)]

    def _within_some(self, stated: Decimal | int, ceilings: Sequence[tuple[str, int]]) -> str:
        """"要看企业类型：2800万元在…（最高3000万元）之内，但超过…（最高2000万元）": ``stated`` (yuan) against alternative
        ceilings ``ceilings`` ((rule name, ceiling in yuan)), within the highest and above the lowest."""
        ordered = sorted(ceilings, key=lambda ceiling: ceiling[1])
        (beyond, beyond_cap), (within, within_cap) = ordered[0], ordered[-1]
        money = self._money
        return str(self.t["alternatives_within"].format(stated=money(stated), within=within, within_cap=money(within_cap),
                                                        beyond=beyond, beyond_cap=money(beyond_cap)))

    def _registration_coming(self, step: Step) -> bool:
        """Whether ``step`` asks an amount (not a yes or no) whose verdict waits only on a registration in Shanghai the
        conversation says is coming ("准备在上海注册公司…I期研发花了1800万，能拿多少？"): the figure answers, the registration
        it needs is the award's note ("还须满足：在本市登记注册"), as when nothing is said of it."""
        verdict = step.eligibility
        return (verdict is not None and verdict.verdict is Verdict.UNKNOWN and verdict.condition == REGISTERED
                and step.ask.kind is AskKind.AMOUNT and not step.ask.yes_no and self.registration_planned)

    def _added(self, calculations: list[Calculation], more_of: str = "") -> list[Calculation]:
        """The items the turn asking how much more (``more_of``, the ask's words, else the turn's) adds: those whose
        rule its words name, or, when they name the rule of every item or of none ("第二个展能再多拿多少"), the last
        ``more_count`` items (the items discussed come first)."""
        named = [c for c in calculations if rule_named(more_of or self.more_of, rule_book().rule(c.rule_id))]
        return calculations[-self.more_count:] if len(named) in {0, len(calculations)} else named

    def _kind_named(self, article: Article) -> str | None:
        """The line saying the measure of ``article`` names the kind of asker the turn asks about, with the sentence
        naming it (``eligibility.yaml`` ``kinds``); None when the turn names no kind or the measure does not."""
        kind = asker_kind(self.kind_asked or None)
        entry = next((e for e in kind.measures if e.measure == article.key), None) if kind is not None else None
        if kind is None or entry is None:
            return None
        return self.t["kind_in_measure"].format(kind=kind.name_in(self._tongue()), label=article.label, quote=entry.quote)

    def _assumed(self, assumed: AssumedBase) -> str:
        """The base an answer took from an earlier turn for items it was not stated for, said with their ceiling:
        another stage or kind of the same product ("那二期呢？"), or products added with no amount of their own."""
        money = self._money
        rule = assumed.assumed_for[0]
        base = self._base_name(rule)
        if set(assumed.assumed_for) <= set(assumed.stated_for):
            return self.t["assumed_base_items"].format(count=len(assumed.assumed_for), base=base, amount=money(assumed.yuan),
                                                       cap=money(rule.cap_yuan))
        return self.t["assumed_base"].format(rule_name=self._join(list(dict.fromkeys(self.rule_name(r) for r in assumed.assumed_for))),
                                             base=base, amount=money(assumed.yuan), cap=money(rule.cap_yuan))

    @staticmethod
    def _yes_asked(step: Step) -> bool:
        """Whether the ask wants a yes or no before the figure: an amount asked with a yes/no ("能不能申请？最高
        多少？"), or a yes/no question answered with the award it asks about ("也能拿…的支持吗？"), when the
        stated case meets the measure's conditions."""
        return step.ask.yes_no or (step.ask.kind is AskKind.ELIGIBILITY and step.eligibility is not None
                                   and step.eligibility.verdict is Verdict.ELIGIBLE)

    def finish(self, text: str) -> str:
        return in_script(text, self.language)

    def _departments(self, names: list[str] | tuple[str, ...]) -> str:
        """The 责任单位 as the asker reads them: in English, the English name with the Chinese one."""
        if not self.english:
            return self._join(names)
        table = english_department_names()
        return self._join([f"{table[name]} ({name})" if name in table else name for name in names])

    def _join(self, items: list[str] | tuple[str, ...]) -> str:
        return ", ".join(items) if self.language is Language.ENGLISH else "、".join(items)

    def source_lines(self, article: Article, quote: str = "", with_validity: bool = True,
                     departments: bool = True) -> list[str]:
        """出处 (with ``quote``, a rule's own words, when given), 责任单位 (unless ``departments`` is False: the
        answer already lists them), and the document's validity."""
        document = self.catalogue.get(article.doc_id)
        fields = {
            "number": document.number or "",
            "title": f"《{document.title}》",
            "label": article.label,
            "article_title": article.title,
        }
        lines = [self.t["source" if document.number else "source_no_number"].format(**fields)]
        if quote:
            lines.append(self.t["quote"].format(text=quote))
        if article.departments and departments:
            lines.append(self.t["departments"].format(departments=self._departments(article.departments)))
        if with_validity:
            lines.append(self.t["validity"].format(validity=self.validity(article.doc_id)))
        for mentioned in article.mentions:
            successor = self.catalogue.successor_of(mentioned)
            follower = self.catalogue.follower_of(mentioned)
            if successor:
                lines.append(
                    self.t["mention_superseded"].format(
                        title=self.catalogue.get(mentioned).title, successor=successor.number
                    )
                )
            elif follower:  # the 2021 policy the reply quotes: no source says whether it still applies
                lines.append(self.t["mention_followed"].format(title=self.catalogue.get(mentioned).title,
                                                               follower=follower.number))
        return lines

    def validity(self, doc_id: str) -> str:
        return validity(self.catalogue.get(doc_id), self.catalogue, self.day, self.language)

    def expired(self, doc_id: str) -> bool:
        return self.catalogue.get(doc_id).status_on(self.day) in {
            DocumentStatus.EXPIRED,
            DocumentStatus.SUPERSEDED,
        }

    def rule_name(self, rule: Rule) -> str:
        return rule.name_en if self.english else rule.name

    def clarify_rule(self, request: AwardRequest, article: Article) -> str:
        money = format_yuan_en if self.language is Language.ENGLISH else format_yuan
        english = self.language is Language.ENGLISH
        options = "\n".join([
            *(self.t["clarify_option"].format(
                name=rule.name_en if english else rule.name,
                ceiling=self.t["clarify_ceiling_rate"].format(
                    rate=f"{rule.rate * 100:.0f}%", amount=money(rule.cap_yuan),
                    base=((rule.base_en or rule.base) if english else rule.base) or "")
                if rule.rate is not None else ("max " if english else "最高") + money(rule.cap_yuan),
            ) for rule in request.candidates),
            *self._annual_caps(list(request.candidates), "ceiling_annual"),
        ])
        return str(self.t["clarify_rule"].format(label=article.label, article_title=article.title, options=options))

    def clarify_measure(self, articles: list[Article]) -> str:
        """Which of several measures is asked: each with the most it grants, then what to tell."""
        money = self._money
        book = rule_book()
        options = "\n".join(self.t["clarify_measure_option"].format(
            label=a.label, article_title=a.title, amount=money(max(r.cap_yuan for r in book.for_measure(str(a.key)))))
            for a in articles)
        return str(self.t["clarify_measure"].format(options=options))

    def clarify_base(self, request: AwardRequest, article: Article) -> str:
        """What the rules set (rate of which base, ceiling), then the amount asked for."""
        english = self.language is Language.ENGLISH
        rates = [r for r in request.rules if r.rate is not None]
        rule = rates[0]
        ceilings = [f"· {self.rule_name(r)}{self.t['ceiling_separator']}{self._ceiling(r)}" for r in rates]
        text = "\n".join(ceilings + self._annual_caps(rates, "ceiling_annual")) + "\n" + self.t["clarify_base"].format(
            base=(rule.base_en or rule.base) if english else rule.base,
            number=self.catalogue.get(article.doc_id).number,
            label=article.label,
            article_title=article.title,
            rule_name=rule.name_en if english else rule.name,
        )
        return str(text)

    def _no_spend(self, request: AwardRequest, article: Article) -> list[str]:
        """A base stated as zero: each rate rule's support is 0 (its share of nothing), with the ceiling it sets."""
        money = self._money
        lines = []
        for rule in (r for r in request.rules if r.rate is not None):
            base = self._base_name(rule)
            lines.append(str(self.t["no_spend"].format(
                base=base, zero=money(Decimal(0)), rule_name=self.rule_name(rule), ceiling=self._ceiling(rule),
                number=self.catalogue.get(article.doc_id).number, label=article.label)))
        return lines

    def _item_lines(self, calculations: list[Calculation]) -> list[str]:
        """One line per item; a run of identical items (12 fairs at 10万 each) is one line with its range."""
        lines: list[str] = []
        index = 1
        while index <= len(calculations):
            c = calculations[index - 1]
            end = index
            while end < len(calculations) and (calculations[end].rule_id, calculations[end].formula) == (c.rule_id, c.formula):
                end += 1
            label = str(index) if end == index else f"{index}–{end}"
            words = yuan_in_words_en(c.amount_yuan) if self.english and c.eligible else None
            lines.append(self.t["award_item"].format(index=label, rule_name=c.rule_name, formula=c.formula,
                                                     in_words=self.t["award_in_words"].format(words=words) if words else "")
                         + self._uncapped(c))
            index = end + 1
        return lines

    def _uncapped(self, calculation: Calculation) -> str:
        """After a formula whose per-item ceiling binds: what the rate gives before it, as the calculation says it
        ("按30%计为1.2亿元，超过上限1亿元"), so the asker sees why the ceiling is the figure; "" otherwise."""
        if calculation.uncapped_yuan is None or not calculation.caps_applied:
            return ""
        return str(self.t["award_uncapped"]).format(text=calculation.caps_applied[0])  # the item's own ceiling comes first

    def award_lines(self, estimate: AwardEstimate, article: Article, annual_first: bool = False,
                    more_of: str = "") -> list[str]:
        """One item: its ceiling, formula, annual cap and notes. Several: the total first, then one line per item;
        ``annual_first``: the annual cap asked with the total ("这两块加起来，一年有没有封顶？") leads them;
        ``more_of``: the words of the ask asking how much more (lower case), else the turn's."""
        number = self.catalogue.get(article.doc_id).number
        calculations = estimate.calculations
        if len(calculations) == 1:
            [only] = calculations
            # a guarantee's ceiling is a limit on the guarantee, no money received (（二十九）)
            key = ("award_head_guarantee" if only.kind == RuleKind.GUARANTEE_LIMIT else "award_head") if only.eligible \
                else "award_head_not_eligible"
            received = estimate.received_yuan is not None and only.eligible
            head = self.t[key].format(number=number, label=only.citation.article, rule_name=only.rule_name,
                                      amount=estimate.total_text if received else only.amount_text)
            wanted = only.base_yuan
            if key == "award_head_guarantee" and wanted and only.ceiling_yuan and wanted <= only.ceiling_yuan:
                # "想借1500万，担保额度够不够": the amount wanted is held against the ceiling, not called the ceiling
                # (one above it is answered by the premise line: "拿不到2500万元")
                head = self.t["award_guarantee_within"].format(
                    number=number, label=only.citation.article, rule_name=only.rule_name,
                    cap=self._money(only.ceiling_yuan), wanted=self._money(wanted))
            lines = [head, self.t["award_formula"].format(formula=only.formula) + self._uncapped(only)]
            if received:  # "今年已经拿了48万": the item's own ceiling, then what the annual cap leaves
                lines += estimate.notes
            lines += self._later_stages(only) if only.eligible else []
            lines += self._other_tiers(only)
        elif (self.more_of and estimate.received_yuan is None and 0 < len(added := self._added(calculations, more_of)) < len(calculations)
              and all(c.eligible for c in added)):
            # "…首次取得注册证…还能再拿多少？": what the items this turn names add leads, then the total of all the items
            money = self._money
            # what the added items bring is what the annual cap leaves after the items before them
            # (by identity: an added item equal to one before it, "每个都差不多40万" after a 40万 fair, is still added)
            before = sum(c.amount_yuan for c in calculations if not any(c is a for a in added))
            more = min(sum(c.amount_yuan for c in added), max(estimate.total_yuan - before, 0))
            lines = [self.t["award_more_head"].format(
                number=number, label=added[0].citation.article, rule_name="、".join(dict.fromkeys(c.rule_name for c in added)),
                amount=money(more), count=len(calculations), total=estimate.total_text)]
            lines += self._item_lines(calculations)
        else:
            # items of several measures ("这两项加起来"): each measure's label, in the order of the items
            labels = self.t["award_labels_separator"].join(dict.fromkeys(c.citation.article for c in calculations))
            lines = [self.t["award_total_head"].format(number=number, label=labels,
                                                       count=len(calculations), amount=estimate.total_text,
                                                       parts=self._parts(estimate))]
            lines += self._item_lines(calculations)
        rules = [rule_book().rule(c.rule_id) for c in calculations]
        labels_of = {rule.measure: c.citation.article for rule, c in zip(rules, calculations, strict=True)}
        # items of several measures: each annual cap says whose items it caps ("（二十四）…1000万元", not the total's)
        annual = self._annual_caps(rules, "award_annual" if len(labels_of) == 1 and not self.several_blocks else "award_annual_of",
                                   labels_of)
        headroom = self._headroom(estimate, rules) if self.headroom_asked and len(labels_of) == 1 else []
        if len(calculations) == 1:
            lines += [*annual, *headroom]  # one item: its annual cap right under its formula, where "每年最多多少" looks
        else:
            lines[1:1] = headroom  # asked beside the total: right under it
            if headroom and self.headroom_yes_no:
                # "这两笔要是同一年批下来，会不会超过公司每年的上限？": no (or yes), then the total and what the cap leaves
                over = sum(c.amount_yuan for c in calculations) > estimate.total_yuan
                lines[0] = self.t["yes_over" if over else "no_not_over"] + lines[0]
        notes = merged_notes((note for c in calculations for note in c.notes), self.language)
        if notes:
            separator = " " if self.language is Language.ENGLISH else ""
            lines.append(self.t["award_notes"].format(notes=separator.join(notes)))
        if len(calculations) > 1:
            lines.append(self.t["award_total"].format(formula=estimate.formula))
            lines.extend(estimate.notes)
            if annual_first:
                return [*annual, *lines]
            lines += annual
        return lines

    def _headroom(self, estimate: AwardEstimate, rules: list[Rule]) -> list[str]:
        """What the one per-entity annual cap of ``rules`` leaves after the estimate's total and the support received
        this year ("离每年的封顶还剩多少空间"): the cap (yuan) less what is used, never below zero; nothing when the
        items count against no cap or against several."""
        caps = {rule.annual_cap for rule in rules if rule.annual_cap}
        if len(caps) != 1 or any(not rule.annual_cap for rule in rules):
            return []
        cap = Decimal(rule_book().annual_caps[caps.pop()].cap_yuan)
        used = Decimal(estimate.total_yuan + (estimate.received_yuan or 0))
        money = self._money
        return [self.t["award_headroom"].format(left=money(max(cap - used, Decimal(0))), cap=money(cap), used=money(used))]

    def _later_stages(self, calculation: Calculation) -> list[str]:
        """What the same product is granted on top at a later stage ("以上产品首次取得注册证…再给予"), with its
        ceiling, when the answer computed only the earlier one: a careful reader gives both stages."""
        return [str(self.t["award_later_stage"].format(rule_name=self.rule_name(later), ceiling=self._ceiling(later)))
                for later in rule_book().later_stages(calculation.rule_id) if later.id not in self.rules_asked]

    def _other_tiers(self, calculation: Calculation) -> list[str]:
        """The measure's other ceilings that are alternatives of the one computed (（二十九）'s 2000万 for 中小微 and 3000万
        for qualified medium firms: one or the other by the kind of enterprise), each with its ceiling, when not asked
        themselves: the reader sees the other tier and that the two are never added."""
        book = rule_book()
        rule = book.rule(calculation.rule_id)
        return [str(self.t["award_other_tier"].format(rule_name=self.rule_name(other), ceiling=self._ceiling(other)))
                for other in book.for_measure(rule.measure)
                if other.id != rule.id and other.id not in self.rules_asked and are_alternatives([rule, other])]

    def _parts(self, estimate: AwardEstimate) -> str:
        """What each of a few items adds to a total no annual cap cut ("（300万元+600万元）"), so "how much for
        each" is read in the lead; empty for many items, or when a cap took off part of the sum."""
        amounts = [c.amount_yuan for c in estimate.calculations if c.eligible]
        if not 1 < len(amounts) <= MAX_PARTS_SHOWN or sum(amounts) != estimate.total_yuan:
            return ""
        money = self._money
        return str(self.t["award_parts"].format(parts=self.t["award_parts_separator"].join(money(a) for a in amounts)))

    def _no_cap_wrong(self, rules: list[Rule]) -> str:
        """The line putting right a ceiling said not to exist: each rule's ceiling, then the annual caps it counts
        against ("不对：原文设有上限：合同研发生产组织（CMO）受托生产支持最高500万元；每个单位每年累计最高1000万元。")."""
        money = self._money_said
        caps = [self.t["no_cap_item"].format(rule_name=self.rule_name(rule), amount=money(rule.cap_yuan)) for rule in rules]
        caps += self._annual_caps(rules, "ceilings_lead_annual")
        return str(self.t["no_cap_wrong"].format(caps=self._join(caps) if self.english else "；".join(caps)))

    def _annual_caps(self, rules: list[Rule], template: str, labels: dict[str, str] | None = None) -> list[str]:
        """Each per-entity annual cap the rules count against, once, with its words; ``labels`` (measure → its label
        as printed) name the measure whose items it caps."""
        money = self._money_said
        caps = [rule_book().annual_caps[cap_id] for cap_id in dict.fromkeys(r.annual_cap for r in rules if r.annual_cap)]
        return [self.t[template].format(amount=money(cap.cap_yuan), quote=cap.quote, label=(labels or {}).get(cap.measure, ""))
                for cap in caps]


def _quotes_joined(quotes: list[str]) -> str:
    """Rules' quotes as one, each once and in order, a quote another of them holds left out ((二十三)'s two rules
    share "以上两项均最高支持1亿元": the text is quoted as it stands, no clause twice)."""
    kept = list(dict.fromkeys(quotes))
    return "；".join(q for q in kept if not any(q != other and q in other for other in kept))


def asker_kind_name(fact: str, kind: str | None, english: bool) -> str:
    """The asker's kind as an answer names it ("医疗机构", "a hospital"); the fact's own name when the kind has
    no entry (a kind denied, not stated)."""
    found = asker_kind(kind) if fact == "entity_type" else None
    if found is not None:
        return found.name_in("en" if english else "zh")
    return condition_rules().fact_name(fact, "en" if english else "zh")


def spoken_opening(article: Article) -> str:
    """The first sentence of what the answerer of a press question said (the text after "姓名:" that opens
    the answer); the article's first line when none is found."""
    _, answerer = article.speakers
    match = re.search(rf"^{re.escape(answerer)}[:：]\s*(?P<said>[^。！？!?]+[。！？!?]?)", article.text, re.MULTILINE)
    return match["said"] if match else article.text.splitlines()[0]


def _said_once(lines: Iterable[str]) -> list[str]:
    """``lines`` with a sentence already said by an earlier line left out (two award blocks share their
    caveat "上述为…不是承诺金额。"; a second ask answered by the sentence the first one quoted, "外资能申请吗？还是只限
    内资？"); a line left with nothing new is dropped."""
    said: set[str] = set()
    earlier = ""
    kept: list[str] = []
    for line in lines:
        parts = [p for p in SENTENCE_SPLIT.split(line) if p]
        new = [p for p in parts if len(p.strip()) <= MIN_REPEAT_CHARS or (p.strip() not in said and p.strip() not in earlier)]
        said.update(p.strip() for p in parts if len(p.strip()) > MIN_REPEAT_CHARS)
        earlier += f"\n{line}"
        if any(len(p.strip()) > MIN_REPEAT_CHARS for p in new) or new == parts:
            kept.append("".join(new).rstrip())
    return kept


def _ceiling_owner(rule: Rule, stated: Decimal) -> Rule | None:
    """The other rule of ``rule``'s measure whose per-item ceiling is ``stated`` yuan (one for the same product kind
    first), or None: the rule a wrongly heard ceiling belongs to ("I期最多3000万" → the Ⅲ期 rule of （五））."""
    siblings = [other for other in rule_book().for_measure(rule.measure) if other.id != rule.id and other.cap_yuan == stated]
    same = [other for other in siblings if other.product == rule.product]
    return next(iter(same or siblings), None)

