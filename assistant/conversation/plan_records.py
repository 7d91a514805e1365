"""The plan's records: how each ask is answered (``Route``), the verdict on a rule (``Eligibility``), one ask
planned (``Step``) and the whole turn's ``Plan``, with the validity sentence a term answer quotes.

``Planner`` (``plan.py``) fills them; the composer turns them into the answer's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from assistant.conversation.elsewhere import FigureElsewhere
from assistant.conversation.extract import Lead
from assistant.conversation.kinds import KindSupport
from assistant.conversation.needs import Need
from assistant.conversation.question import Ask, Question
from assistant.conversation.scope import ScopeVerdict
from assistant.conversation.shares import Share
from assistant.conversation.slots import AwardRequest
from assistant.match.chat import ProfileAnswer
from assistant.records import AwardEstimate, Calculation
from assistant.rules.book import AnnualCap, Rule
from assistant.rules.eligibility import ExtraCondition, condition_rules
from index.articles import Article
from index.documents import Document

FORBIDDEN = "forbidden"  # a verdict's condition: the sentence answering forbids what the ask asks to do
ANNUAL_CAP_USED = "annual_cap_used"  # a verdict's condition: support received this year already fills the per-entity annual cap
DOCUMENT_TERM = "document_term"  # a verdict's condition: the case falls outside the document's term (after it, or before its funding period)
ANNUAL_CAP = "annual_cap"  # the detail (understanding.yaml details) of a cap per entity and year
SHARE = "share"  # the figure ask (understanding.yaml figure_asks) of a rate or share
EARLIER_TERM = "earlier_term"  # the detail of the term of a policy the sources only quote
MENTIONED_TERM = "mentioned_term"  # the detail of the term of a plan an article names without stating its term


class Route(StrEnum):
    """How one ask is answered."""

    OUT_OF_SCOPE = "out_of_scope"
    GREETING = "greeting"
    AWARD = "award"  # the rules engine computes a ceiling
    REQUIRED_BASE = "required_base"  # the spend a ceiling needs (ceiling ÷ rate)
    CEILINGS = "ceilings"  # the per-item ceilings and annual cap, when no base is stated
    CLARIFY_RULE = "clarify_rule"
    CLARIFY_BASE = "clarify_base"
    CLARIFY_CURRENCY = "clarify_currency"
    UNDER_CAP_AT_ANY_RATE = "under_cap_at_any_rate"  # a dollar base whose share stays below the cap at every rate
    CLARIFY_UNIT = "clarify_unit"  # a bare number ("6000"): 6000元 or 6000万元?
    CLARIFY_MEASURE = "clarify_measure"  # an amount asked in words several measures share: which one?
    CLARIFY_REFERENT = "clarify_referent"  # a first turn pointing back ("这个要找哪个部门？"): at what?
    NO_AMOUNT = "no_amount"  # the measure supports, but sets no amount (一事一议 …): not_specified
    NO_SPEND = "no_spend"  # a base stated as zero ("研发投入0元") of a rule paid as a share of it: 0, never asked again
    NOT_SPECIFIED = "not_specified"  # the sources do not say (materials, deadlines …)
    ELIGIBILITY = "eligibility"
    LOOKUP = "lookup"
    DEPARTMENTS = "departments"
    VALIDITY = "validity"
    PROFILE = "profile"  # a "我们是……" statement noted in the session's company profile
    MATCH = "match"  # every measure the session's company profile may claim
    KIND_SUPPORT = "kind_support"  # "我们是CRO，有什么支持": every measure meant for the asker's kind, with its ceiling
    OUTLINE = "outline"  # how many measures (tasks) a document has, in which parts
    FULL_AWARDS = "full_awards"  # "一年最多几次能拿满额": how many items the annual cap lets reach their ceiling


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Eligibility:
    """A verdict on one rule (or measure) for the stated facts, with the condition that decided it."""

    verdict: Verdict
    measure: str
    rule: Rule | None = None
    condition: str = ""  # the condition id that failed, when not eligible
    instead: str = ""  # the measure that covers the case, when another one does
    usd_by_range: bool = False  # a dollar amount met or missed a yuan threshold at every plausible rate
    alternative: Rule | None = None  # not eligible for the asked rule: the same measure's alternative that applies
    met: str = ""  # eligible: the condition a fact stated in this turn meets ("与客户无投资关系" → no relation), when one does;
    # unknown: the condition a fact stated in this turn meets in part, asked whether it counts ("CE认证也算吗")
    fact: str = ""  # the stated fact that failed the condition, or that leaves it open ("entity_type": who asks)
    missing: tuple[str, ...] = ()  # unknown: the facts (eligibility.yaml names) that would decide the condition
    holds: tuple[str, ...] = ()  # eligible: conditions quoted from another article (the scope) that stated facts meet
    pending: tuple[str, ...] = ()  # eligible: the rule's conditions no stated fact meets yet (nothing contradicts them)
    also_waiting: tuple[str, ...] = ()  # unknown: the rule's further conditions still waiting for their ``awaited`` fact
    item_yuan: Decimal | None = None  # not eligible: the base (yuan) of the one item of several the failed condition is said of
    # not eligible for one item of several not said which ("其中一个委托方是我们的股东"): the lowest and highest totals
    # (yuan) of the others, whichever item it is
    others_yuan: tuple[int, int] | None = None


@dataclass(frozen=True)
class FullAwards:
    """How many items of ``rule`` can each get its full ceiling within the per-entity annual cap: ``count`` =
    ⌊``annual_cap_yuan`` ÷ the rule's ceiling⌋; ``unit`` is the counting word the ask used (次, 个; "" in English).
    ``count_unset``: the ask was how many occasions a year with no word for the full ceiling ("一年最多能补几次展会"),
    a count the text does not set (not_specified), ``count`` then said as what the cap allows at the full ceiling."""

    rule: Rule
    annual_cap_yuan: Decimal
    count: int
    unit: str = ""
    count_unset: bool = False


@dataclass(frozen=True)
class CeilingsSum:
    """A CEILINGS answer's total of several rules' items: ``total`` and ``annual_cap`` in yuan (None when the measure
    sets none); ``computed`` holds, by rule id, the (base, award) in yuan of each item the conversation already computed
    on a stated base ("确证性临床…研发投入是五千万元" then "两段都拿到了，一共最多"): that item counts its award, the
    others their ceilings."""

    total: Decimal
    annual_cap: Decimal | None
    computed: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)


@dataclass
class Step:
    """One ask, planned: the articles to cite (first = the answer's source) and what to say from them."""

    ask: Ask
    route: Route
    articles: list[Article] = field(default_factory=list)
    lead: Lead | None = None
    request: AwardRequest | None = None
    estimate: AwardEstimate | None = None
    eligibility: Eligibility | None = None
    instead_eligibility: Eligibility | None = None  # the verdict on the measure that applies instead
    corrections: list[tuple[Decimal, Rule, Decimal]] = field(default_factory=list)  # (stated, rule, right figure)
    no_cap_heard: list[Rule] = field(default_factory=list)  # "…没有上限，对吗？": the measure's capped rules, said first
    confirmed: list[tuple[Decimal, Rule]] = field(default_factory=list)  # a figure heard of that is the rule's ceiling
    # a figure heard of as the per-entity annual cap ("每家企业每年最多拿2亿"), with the cap the rules count against
    annual_heard: list[tuple[Decimal, AnnualCap]] = field(default_factory=list)
    # a share heard of beside a ceiling confirmed, that is not the rule's rate ("智能化改造听说能补总投资的30%，最高1亿"):
    # (the share heard as a fraction, the rule)
    share_wrong: list[tuple[Decimal, Rule]] = field(default_factory=list)
    required_base: tuple[Rule, Decimal, Decimal] | None = None  # (rule, target award, base needed)
    document: str | None = None  # VALIDITY: the document asked about
    outline: list[Article] = field(default_factory=list)  # OUTLINE: the document's measures (tasks), in order
    outline_topic: str = ""  # OUTLINE of a topic: the asker's words for it ("CRO"); the measures counted name one of its rare terms
    scope: ScopeVerdict | None = None
    profile: ProfileAnswer | None = None  # PROFILE / MATCH: the profile after the turn, and its match
    detail: str = ""  # NOT_SPECIFIED: the detail the article does not state (a fee, a count …)
    annual_first: bool = False  # CEILINGS: the per-entity annual cap was asked ("一年最多"), it leads
    declined: bool = False  # "能拿3000万吗？" above what the text allows: the corrections answer no
    annual_cap_used: AnnualCap | None = None  # "还能再申请吗" after the year's cap was received in full: that cap
    # a figure asked for that some of the alternative ceilings admit and others do not (yuan): the enterprise's kind decides
    within_some: Decimal | None = None
    ceilings_sum: CeilingsSum | None = None  # CEILINGS asked summed
    products: int = 1  # CEILINGS summed: how many products each take every rule's ceiling ("另外两个产品也都拿到顶")
    within: Decimal | None = None  # CEILINGS: a figure asked ("能申请1500万的担保吗") that each alternative ceiling allows
    invite_base: bool = False  # CEILINGS of a rate rule asked with no base: the base is invited after the ceiling
    approximate: list[Decimal] = field(default_factory=list)  # hedged bases computed with ("约5000万")
    term_note: str = ""  # the validity sentence covering a month stated before the term ("2024年6月1日至7月31日期间…")
    listed: list[tuple[KindSupport, Eligibility | None]] = field(default_factory=list)  # KIND_SUPPORT: each measure, its verdict
    served: KindSupport | None = None  # CEILINGS after a no on who applies: the asker's kind the measure serves
    pointers: list[KindSupport] = field(default_factory=list)  # a verdict on who asks: the measures meant for that kind
    others: list[Eligibility] = field(default_factory=list)  # a no for the asker's kind: the measure's other rules still open or met
    share: Share | None = None  # LOOKUP of a share: the share of the count the asker states, worked out
    cap_unset: bool = False  # AWARD: a total asked beside whether a yearly cap exists, which the measure sets none of
    full_awards: FullAwards | None = None  # FULL_AWARDS: the count the annual cap allows at the full ceiling
    either: tuple[Rule, ...] = ()  # AWARD: rules the stated base gives the same ceiling under, the one computed first
    need: Need | None = None  # LOOKUP of whether a step is still needed ("还要办…许可证吗"): what the sentence says of it
    affirmed: str | None = None  # LOOKUP of a yes/no the sentence states ("有没有生物医药专区"): the yes word ("有")
    # NO_AMOUNT: the measure's rules that set an amount for another part than the one asked ("举办" a conference is not
    # （三十七）'s 参加), named after the no
    unpaid: list[Rule] = field(default_factory=list)
    elsewhere: FigureElsewhere | None = None  # LOOKUP: a figure the asker heard that another sentence of the sources states
    # ELIGIBILITY waiting for an unsaid fact with the base stated ("研发投入1200万，能不能拿40%那一笔"): what the rule
    # gives when the fact holds
    if_met: Calculation | None = None


@dataclass
class Plan:
    question: Question
    steps: list[Step]
    retrieved: list[str] = field(default_factory=list)

    @property
    def last_step(self) -> Step | None:
        """The step planned last so far (the ask before the one being planned), None before the first."""
        return self.steps[-1] if self.steps else None

    @property
    def about_document_only(self) -> bool:
        """Whether every ask was answered about a document as a whole (its term, its issue): the measure the
        conversation discussed before stays its topic for the next turn ("委托方是关联公司呢？" after "还有效吗")."""
        return bool(self.steps) and all(step.route is Route.VALIDITY for step in self.steps)


def term_sentence(article: Article, document: Document, month: date) -> str:
    """The sentence of ``document``'s validity ``article`` that covers ``month``: the one naming the first day of
    funding before the start when the month is before the start ("2024年6月1日至7月31日期间…参照本意见执行"),
    else the one that sets the term."""
    early = document.valid_from is not None and document.funding_valid_from is not None and month < document.valid_from
    day = document.funding_valid_from if early else document.valid_to
    sentences = [s.strip() for s in re.split(r"(?<=。)", article.text) if s.strip()]
    named = [s for s in sentences if day is not None and f"{day.year}年{day.month}月{day.day}日" in s]
    return (named or sentences or [article.text])[0].rstrip("。")


def extra_conditions() -> dict[str, ExtraCondition]:
    """Conditions beyond the calculator's, by id."""
    return condition_rules().extras
