"""The typed record of what a turn asks and states: the output of the understanding step.

Later steps (scope, plan, answer) read this record, never the raw message: the message is
normalised once, here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from assistant.language import Language


class AskKind(StrEnum):
    """What one ask wants to know."""

    AMOUNT = "amount"  # an award ceiling, computed by the rules engine
    REQUIRED_BASE = "required_base"  # the spend needed to reach a ceiling (the inverse of AMOUNT)
    DURATION = "duration"  # a time limit or a duration the text sets
    DEPARTMENTS = "departments"  # 责任单位
    VALIDITY = "validity"  # which document, and is it in force
    ELIGIBILITY = "eligibility"  # a yes/no on whether a case is covered
    FIGURE = "figure"  # a count or another figure that is not an award
    HOW_TO_APPLY = "how_to_apply"  # materials, deadlines, where to apply
    WHAT = "what"  # what the policy says about a topic


class AmountRole(StrEnum):
    """What a stated amount is: the base of a calculation, or something else."""

    BASE = "base"  # R&D spend, premium, output value, investment: what a rate applies to
    DESIRED = "desired"  # an award the asker wants ("想拿满3000万") or an outcome named in passing
    CLAIMED = "claimed"  # a figure the asker heard of and takes as a premise ("听说I期最多给1500万")
    UPFRONT = "upfront"  # an out-licensing deal's upfront payment
    FEE = "fee"  # a project fee (e.g. a trade fair's)
    RECEIVED = "received"  # support already received this year under the measure ("今年已经拿了48万")
    CONTEXT = "context"  # a figure no award is paid on: a deal's total value, a valuation, an insured sum ("总交易额6亿美元")


CNY, USD, OTHER_CURRENCY = "CNY", "USD", "OTHER"  # a stated amount's currency
# the conditions that the parties of a deal have no investment relation (（三十六）'s and （二十四）'s): related_party decides
RELATION_CONDITIONS = ("no_investment_relation", "cmo_no_investment_relation")
REGISTRATION_UNSAID = "unsaid"  # ``Facts.registered`` when the asker says where it is registered is not known


@dataclass(frozen=True)
class StatedAmount:
    """One amount in the message: ``yuan`` is an integer-valued Decimal (the number as written, in the
    stated currency's units); ``currency`` CNY, USD or ``OTHER_CURRENCY`` (HK$, €, 日元 …: the sources set
    no rate and none is assumed); ``approximate`` when the asker hedged it ("约5000万"); ``base_kind`` what a
    base is when the words beside it say (investment, output value …)."""

    text: str
    yuan: Decimal
    role: AmountRole
    currency: str
    start: int
    approximate: bool = False
    base_kind: str = ""  # a base named by what it is, beside it ("产值", "capex"): understanding.yaml base_kinds; "" unnamed
    ranged: bool = False  # the upper end of a range the asker gives ("首付款在8000万到1.5亿元之间"), the lower end before it
    # a dollar amount converted at the rate the asker gave ("US$3 million (take 1 USD = 7.1 RMB)"): the dollars as
    # stated and the yuan per dollar; ``yuan`` and ``currency`` (CNY) are then the converted figure's
    dollars: Decimal | None = None
    usd_rate: Decimal | None = None
    # another currency's code (currency.yaml ``other_rates``: "eur", "hkd" …) for an ``OTHER_CURRENCY`` amount whose
    # currency is known, kept when the asker's rate converts it (``dollars`` then holds the amount in that currency,
    # ``usd_rate`` the yuan per unit of it)
    foreign: str = ""
    # the month the amount's own sentence names, when the message names several ("2024年5月…经费10万元；2024年7月…
    # 12万元"): the day its item is judged on against the policy's term
    on: date | None = None
    # the relation of the deal the amount's own sentence states, when the message's sentences state different ones
    # ("…这两家委托方跟我们没有任何投资关系；品种丙…委托方是我们控股股东投资的公司"): its item is judged by it
    related: bool | None = None


@dataclass(frozen=True)
class Facts:
    """Facts the asker states about itself and its products (None: not said)."""

    drug_class: str | None = None  # "1", "2" (改良型 included), "3" (a class 3 filing) or "generic"
    cgt: bool = False
    device: bool = False
    trial_location: str | None = None  # "domestic" or "overseas"
    registered: str | None = None  # "shanghai", "elsewhere" or REGISTRATION_UNSAID (said to be unknown)
    registered_place: str = ""  # the place named when elsewhere
    registered_by_other: bool = False  # the registration elsewhere is said of another company of the group ("our parent")
    related_party: bool | None = None
    # the relation the asker describes runs through a third party ("没有直接持股，但是客户的大股东也投过我们"): the
    # texts do not define whether it is an 投资等关联; related_party is then None
    relation_indirect: bool = False
    applicant_role: str | None = None  # "commissioning" (委托方), "licensee" (受让方) or "insurer" when the asker says so
    amounts: tuple[StatedAmount, ...] = ()
    item_count: int | None = None  # "12场…每场10万": one amount for this many like items
    # "其中3个小展每个8万元，另外3个大展每个30万元": the count of like items each amount stated holds for, in the
    # amounts' order; () unless two or more amounts each have their own count
    item_groups: tuple[int, ...] = ()
    unmet: tuple[str, ...] = ()  # condition ids the asker says are not met ("还没进入特别审查程序")
    met: tuple[str, ...] = ()  # condition ids the asker says are met ("进了国家创新医疗器械特别审查程序", "有专精特新资质")
    unsure: tuple[str, ...] = ()  # condition ids the asker says it is unsure of ("记不清是不是特别审查", "说不清啥关系")
    enterprise_size: str | None = None  # "small_micro", "medium" or "large" when the asker says so
    entity_type: str | None = None  # who the asker is when it says so: "hospital", "insurer", "cmo", "cro" …
    entity_denied: tuple[str, ...] = ()  # kinds the asker says it is not ("我们是药企不是CRO"): "cro", "cmo" …
    registration_applicant: bool | None = None  # whether the asker is the drug's 注册申请人, when it says so
    event_on: date | None = None  # the latest month the case names ("预计2029年10月才能拿到注册证"), its first day
    month_alone: int | None = None  # a month named without its year ("要是5月份完成的呢"): the year an earlier turn named
    event_year_only: bool = False  # event_on stands for a year named alone ("项目2030年完成"): its January, the whole year meant
    sold_abroad: bool | None = None  # True: the product is sold abroad ("在美国卖了"); a denial is an unmet condition
    regulator: str | None = None  # the regulator abroad the product is registered with: "fda", "brics" … (eligibility.yaml)
    clients: str | None = None  # whom the asker's services are for: "institutes" (高校科研院所) or "enterprises"
    cro_stage: str | None = None  # the stage of the CRO services this turn asks about: "preclinical" (临床前研究服务) or
    # "clinical" (临床试验服务); this turn's own (an earlier turn's services may be another project's)
    work: str | None = None  # the work the support is asked for: "research" (研究服务), "production" (受托生产),
    # "in_house" (the asker's own staff paid, "BD人员的工资"), "exhibition" (a fee paid for a trade fair, "展位费20万") or
    # "developed_elsewhere" (the product a parent outside Shanghai developed, "母公司自己研发的…子公司没参与研发")
    device_class: str | None = None  # the class ("2", "3") of the asker's own device, when it says so
    usd_rate: Decimal | None = None  # the yuan per US dollar the asker gave ("take 7.1 RMB/USD"), held for later turns
    # (another currency's code, the yuan per unit of it) the asker gave ("use 7.8 RMB per EUR"), held for later turns
    foreign_rate: tuple[str, Decimal] | None = None

    def over(self, earlier: Facts) -> Facts:
        """These facts, with what ``earlier`` turns stated about the asker where this turn says nothing
        (its product's class or kind, trial place, registration, relation, role, kind, the month its case happens
        in); amounts and counts are this turn's own."""
        registered = self.registered if self.registered is not None else earlier.registered
        # the product discussed stays the one named before until a turn names another ("体外诊断公司…" then
        # "试验其实在国内做": still a device; "那1类新药呢" after a device: a drug now)
        names_product = self.names_product()
        return replace(
            self,
            drug_class=self.drug_class if self.drug_class is not None else None if names_product else earlier.drug_class,
            device=self.device or (earlier.device and not names_product),
            trial_location=self.trial_location if self.trial_location is not None else earlier.trial_location,
            registered=registered,
            registered_place=self.registered_place if self.registered is not None else earlier.registered_place,
            related_party=self.related_party if self.related_party is not None else earlier.related_party,
            relation_indirect=self.relation_indirect or (earlier.relation_indirect and self.related_party is None),
            applicant_role=self.applicant_role if self.applicant_role is not None else earlier.applicant_role,
            enterprise_size=self.enterprise_size if self.enterprise_size is not None else earlier.enterprise_size,
            entity_type=self.entity_type if self.entity_type is not None else earlier.entity_type,
            event_on=self.event_on if self.event_on is not None else _in_year_of(self.month_alone, earlier.event_on),
            event_year_only=self.event_year_only if self.event_on is not None else (
                earlier.event_year_only and self.month_alone is None),
            entity_denied=tuple(dict.fromkeys((*earlier.entity_denied, *self.entity_denied))),
            registration_applicant=(self.registration_applicant if self.registration_applicant is not None
                                    else earlier.registration_applicant),
            sold_abroad=self.sold_abroad if self.sold_abroad is not None else earlier.sold_abroad,
            regulator=self.regulator if self.regulator is not None else earlier.regulator,
            clients=self.clients if self.clients is not None else earlier.clients,
            work=self.work if self.work is not None else earlier.work,
            device_class=self.device_class if self.device_class is not None else (
                None if names_product else earlier.device_class),
            usd_rate=self.usd_rate if self.usd_rate is not None else earlier.usd_rate,
            foreign_rate=self.foreign_rate if self.foreign_rate is not None else earlier.foreign_rate,
            unmet=tuple(dict.fromkeys((*earlier.unmet, *self.unmet))),
            # a condition said met before and denied now ("其实没进特别审查") is unmet only
            met=tuple(cid for cid in dict.fromkeys((*earlier.met, *self.met)) if cid not in self.unmet),
            # a fact the asker was unsure of stays open until a turn states it ("查了一下，是国家的特别审查")
            unsure=tuple(cid for cid in dict.fromkeys((*earlier.unsure, *self.unsure)) if cid in self.unsure or (
                cid not in self.met and cid not in self.unmet
                and not (cid in RELATION_CONDITIONS and self.related_party is not None))),
        )

    def event_against(self, start: date | None, end: date | None) -> int | None:
        """Where the case's stated time falls against a term from ``start`` to ``end`` (either may be open): -1 wholly
        before it, 1 wholly after it, 0 inside it; None when no time is stated, or a year named alone straddles a
        bound ("2029年完成" against a term ending 2029-07-31: its month decides)."""
        if self.event_on is None:
            return None
        last = date(self.event_on.year, 12, 31) if self.event_year_only else self.event_on
        if start is not None and last < start:
            return -1
        if end is not None and self.event_on > end:
            return 1
        if self.event_year_only and ((start is not None and self.event_on < start) or (end is not None and last > end)):
            return None
        return 0

    def enterprise_only(self) -> Facts:
        """What these facts say about the enterprise itself (where it is registered, its size, its kind), without
        what they say about one product or deal (class, trial place, relation, role, unmet conditions):
        those belong to the subject they were stated about. Amounts not yet asked about are kept."""
        return Facts(registered=self.registered, registered_place=self.registered_place,
                     enterprise_size=self.enterprise_size, entity_type=self.entity_type,
                     entity_denied=self.entity_denied, amounts=self.amounts)

    def tells_case(self) -> bool:
        """Whether these facts tell who or where the asker is (registration, kind, relation, role)."""
        return any(v is not None for v in (self.registered, self.entity_type, self.related_party, self.applicant_role))

    def names_product(self) -> bool:
        """Whether these facts name a product by its kind (a drug's class, a cell or gene therapy, a device)."""
        return self.drug_class is not None or self.cgt or self.device

    def states_subject(self) -> bool:
        """Whether these facts name a product or trial of their own (class, CGT, device, trial place)."""
        return self.drug_class is not None or self.cgt or self.device or self.trial_location is not None

    def amounts_as(self, role: AmountRole) -> list[StatedAmount]:
        return [a for a in self.amounts if a.role is role]

    @property
    def base_foreign(self) -> bool:
        """A base a rate applies to (spend, fee, premium …) is stated in another currency (dollars, HK$, € …):
        no yuan figure to compute with."""
        return self.base_foreign_for(fee_based=True)

    def base_foreign_for(self, fee_based: bool) -> bool:
        """``base_foreign`` of the bases rules take: a spend (premium, output …) in another currency always; a fee only
        when a rule is paid on fees (``fee_based``). "R&D was RMB 28 million; the notified body fees were around EUR
        200k" under （三十六）'s R&D share has its base in yuan."""
        kept = {AmountRole.BASE, AmountRole.FEE} if fee_based else {AmountRole.BASE}
        return any(a.currency != CNY for a in self.amounts if a.role in kept)


@dataclass(frozen=True)
class Ask:
    """One thing the message asks, with the clause it was read from (normalised)."""

    kind: AskKind
    text: str
    points_back: bool = False  # "这条归哪个部门管": about what was discussed before
    detail: str = ""  # a detail the article must state (understanding.yaml details / figure_asks: fee, count …)
    elliptical: bool = False  # "海外的呢": asks the ask before it again, about what the conversation was about
    yes_no: bool = False  # "能不能申请？最高多少？": an amount asked together with a yes/no, the verdict leads
    clause: str = ""  # the clause that asks, without the statements the text joins before it ("" when it is the text)
    listed: bool = False  # "(1) … (2) …": the asker numbered this ask, never joined to another
    party: str = ""  # "A公司是做1类新药的…；B公司…": the party a listed case is about, named before its answer

    @property
    def own_words(self) -> str:
        """The clause that asks ("…政策申报节奏，…从什么时候开始实施" asks in its last clause): the text when no
        statement was joined to it."""
        return self.clause or self.text


@dataclass(frozen=True)
class Question:
    """A turn, understood: the normalised text, language, asks, facts and the document referred to."""

    original: str
    text: str  # normalised once: simplified, half-width, lower case, phases as I期/II期/III期
    language: Language
    asks: tuple[Ask, ...]
    facts: Facts
    document: str | None = None  # a catalogued document the question names or points back at
    document_pointed: bool = False  # the document came from "这个方案 / this plan", not from its name
    adds_item: bool = False  # "再加一个品种": the items accumulate
    items_added: int = 1  # how many items a turn adding items adds ("又接了两个品种": 2)
    # a correction of an item stated before ("更正一下，第二个品种的产值是4000万元，不是8000万元"): the item's order
    # (1-based) and the amount it denies, each None when not said; the item named takes this turn's amount
    corrects_order: int | None = None
    corrects_yuan: Decimal | None = None
    corrects_item: bool = False  # a correction word said ("海外那笔我看错了，实际…"): the item may be named by its rule
    # the order (1-based) of an item said before that the turn names ("第二个品种", "the second product"), None when not said
    names_order: int | None = None
    labels_given: tuple[str, ...] = ()  # item labels this turn and those before gave, lower case, in order ("a", "b")
    asks_ceiling: bool = False  # "最高多少" / "maximum" / "补助标准是什么": the ceilings themselves may answer
    asks_total: bool = False  # "加起来一共多少": the items discussed so far, summed
    states_amounts: bool = False  # the turn's own words state an amount (``facts.amounts`` may hold earlier turns')
    asks_more: bool = False  # "还能再拿多少": what the items this turn adds bring, before the total
    # "如果投入比这个多20%呢", "What if the R&D spend were 20% higher?": the factor the bases said before are scaled by
    base_scaled: Decimal | None = None
    asks_headroom: bool = False  # "离每年的封顶还剩多少空间": the per-entity annual cap less the items computed
    asks_of_today: bool = False  # "现在还有效吗" with no time of the turn's own: put to today, not a time said before
    asks_annual_cap: bool = False  # "一年最多能拿多少": the per-entity annual cap, no amount stated
    follow_up: bool = False
    greeting_only: bool = False
    notes: list[str] = field(default_factory=list)
    earlier_facts: Facts | None = None  # what earlier turns of the conversation stated about the asker
    context_text: str = ""  # the last earlier turn in scope, normalised: the topic of a turn that names none
    recalled_text: str = ""  # an earlier turn pointed at past the last one ("第一个问的那个"), normalised
    recalled_turns: tuple[str, ...] = ()  # the last turns "这两件事分别找谁" counts back to, oldest first, normalised
    new_subject: bool = False  # a full question naming a product or trial of its own: earlier product facts do not hold
    bare_reply: bool = False  # no ask or question word at all ("二期", "6000万", "受托年生产产值6000万"): a reply
    replies_to_ask: bool = False  # a statement of the case answering the previous turn's award ask: that ask, with these facts

    @property
    def conversation_facts(self) -> Facts:
        """This turn's facts over the earlier turns' (a verdict reads both)."""
        return self.facts.over(self.earlier_facts) if self.earlier_facts is not None else self.facts


def _in_year_of(month: int | None, earlier: date | None) -> date | None:
    """The first day of ``month`` in the year of ``earlier`` (a month named without its year, "要是5月份呢", after
    "2024年7月"); ``earlier`` itself when no month is named, None when no year was named before."""
    if month is None or earlier is None:
        return earlier
    return date(earlier.year, month, 1)
