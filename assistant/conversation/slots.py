"""Award slots: which rules of a measure a turn is about, with what bases, facts and items.

The measure comes from planning (the article the question is about); the rule within it from the
rules' trigger words; amounts from the ``Question`` record, by role (a desired award or an upfront
payment is never a base; a fee is the base only of rules whose base is a fee). Items accumulate
across turns when the asker adds one ("再加一个品种").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from assistant.amounts import AmountError, parse_amount
from assistant.conversation.currency import threshold_input
from assistant.conversation.question import CNY, RELATION_CONDITIONS, AmountRole, Question, StatedAmount
from assistant.conversation.understand import (
    count_of,
    count_summed,
    counts_the_total,
    has_word,
    lexicon,
    read_facts,
    word_pattern,
)
from assistant.match.records import MeasureMatch
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import Item

SPEND_REACH = 12  # characters before a spend within which a stage's name says whose spend it is ("确证性临床研发投入五千万元")
DONE_REACH = 16  # characters after a stage's name within which a word saying it is done reads as said of it
SET_ASIDE_REACH = 48  # characters before a step's name within which a word setting it aside ("leaving aside …") reads
AMOUNT_ASKED = re.compile(r"多少|几|上限|最高|最多|封顶|how much|what'?s the|what is the|ceiling|\bcap\b|\bmax", re.IGNORECASE)
ASKING_CLAUSE_MARK = re.compile(r"[—–:：、，,。；;？?！!]")  # what ends a clause, a dash and a colon too
ONE_ITEM = ("一", "1", "one")  # a count of one item ("另外一个CAR-T…"), which count_of leaves out
PART_MARK = re.compile(r"[；;。\n]")  # what ends a part of a case told in parts ("X药III期…；Y药III期…")
CLAUSE_MARK = re.compile(r"[、，,。；;？?！!]")  # "早期临床、另一个做完确证性": the done word of another clause is not its


@dataclass
class AwardSlots:
    """What a conversation has established about an award: kept in the session between turns."""

    measure: str
    rule_ids: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # yuan, as Decimal strings, one per item
    facts: dict[str, Any] = field(default_factory=dict)
    cgt: bool = False  # the rules were the cell and gene therapy ones (rule product cgt), kept for follow-ups
    seen: list[tuple[str, str]] = field(default_factory=list)  # (rule id, base yuan or "") of each item computed so far
    received: str = ""  # yuan (a Decimal string) the asker said it already received this year under the measure
    shown: list[str] = field(default_factory=list)  # ids of rules whose ceilings were given with no base, in order
    # (rule id, base yuan) of items a later turn's item of the same rule took the place of ("若产值是4200万呢" after
    # 6000万): a total counting more items than the topic holds ("这两个品种合计") counts them again
    replaced: list[tuple[str, str]] = field(default_factory=list)
    # (currency, amount in its units as a Decimal string) of the topic's last bases when stated in another currency
    # ("US$800,000": ("USD", "800000")): no yuan figure is known, and a later turn never takes the number as yuan
    foreign: list[tuple[str, str]] = field(default_factory=list)
    annual_shown: bool = False  # the per-entity annual cap was the figure asked and given ("一年最多能拿多少")
    # the orders (1-based) of items a fact said of that item alone fails ("C的委托方是我们母公司参股的企业"): a later
    # turn that puts another item right keeps that one failed, the others counted
    failed_items: list[int] = field(default_factory=list)
    # rules whose ceilings a total took in full beside the computed items ("早期和确证性都拿满，另外…III期…合计"): a later
    # turn adding items ("要是再加两个小分子II期") keeps them in the total
    kept_at_ceiling: list[str] = field(default_factory=list)

    def seen_bases(self) -> dict[str, Decimal]:
        """The latest base computed for each rule of this topic."""
        return {rule_id: Decimal(base) for rule_id, base in self.seen if base}


@dataclass(frozen=True)
class AssumedBase:
    """A base this turn did not state, taken from an earlier turn for other items: ``yuan`` was stated for
    ``stated_for`` (a stage, a product) and is assumed for ``assumed_for`` ("那二期呢？" after Ⅰ期's 研发投入;
    "又接了两个品种" after one product's 产值). The answer says so; the rules of ``assumed_for`` may repeat
    (one entry per added item)."""

    yuan: Decimal
    stated_for: tuple[Rule, ...]
    assumed_for: tuple[Rule, ...]


@dataclass
class AwardRequest:
    measure: str
    rules: list[Rule] = field(default_factory=list)
    bases: list[Decimal] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # calculator inputs by name: condition ids, threshold amounts
    candidates: tuple[Rule, ...] = ()
    accepted: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rule id → the inputs it takes

    @property
    def missing(self) -> str | None:
        if not self.rules:
            return "rule"
        if any(rule.rate is not None for rule in self.rules) and not self.bases and not self.at_ceiling:
            return "base"
        return None

    def items(self) -> list[Item]:
        """Calculator items: the items of other measures a total asked over the conversation adds (``elsewhere``,
        said before this topic's), then this topic's: one rule and several amounts → several items of that rule."""
        return [*self.elsewhere, *self._own_items()]

    def _own_items(self) -> list[Item]:
        at = "" if self.bases else self.at_ceiling
        if len(self.rules) == 1:
            bases: list[Decimal | None] = list(self.bases) or [None]
            return [Item(self.rules[0].id, self._inputs(self.rules[0], base, order), at, self._day(base))
                    for order, base in enumerate(bases, start=1)]
        if len(self.bases) == len(self.rules):
            return [Item(r.id, self._inputs(r, b, order), on=self._day(b))
                    for order, (r, b) in enumerate(zip(self.rules, self.bases, strict=True), start=1)]
        paid = _spends_of_paid_steps(self.rules, self.bases)
        if paid is not None:
            return [Item(r.id, self._inputs(r, b), on=self._day(b)) for r, b in zip(self.rules, paid, strict=True)]
        base = self.bases[0] if self.bases else None
        return [Item(rule.id, self._inputs(rule, base), at, self._day(base)) for rule in self.rules]

    def _day(self, base: Decimal | None) -> date | None:
        """The day the item of ``base`` happens, when its own sentence names it; None otherwise."""
        return self.days.get(str(base)) if base is not None else None

    def _inputs(self, rule: Rule, base: Decimal | None, order: int = 0) -> dict[str, Any]:
        accepted = self.accepted.get(rule.id, rule.conditions)
        facts = {**self.facts, **self.item_facts.get(str(base), {})} if base is not None else self.facts
        facts = {**facts, **self.item_facts.get(f"#{order}", {})}  # said of the item in that place ("#2"), whatever its base
        inputs: dict[str, Any] = {k: v for k, v in facts.items() if k in accepted}
        # the calculator takes a base exactly when the rule names one; a rule summed without one (a fixed ceiling
        # in "两个加起来") has none, not a zero
        if base is not None and base > 0 and rule.base is not None:
            inputs["base_yuan"] = base
        return inputs

    seen: list[tuple[str, str]] = field(default_factory=list)  # items computed earlier in this topic
    assumed: AssumedBase | None = None  # an earlier base used for items it was not stated for
    received: Decimal = Decimal(0)  # support the asker says it already received this year under the measure
    shown: list[str] = field(default_factory=list)  # rules of this topic whose ceilings were given with no base
    # items of other measures computed earlier in the conversation that a total asked of "这两项" adds, each under
    # its own measure's ceilings and annual cap
    elsewhere: list[Item] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # items of this topic a later one took the place of
    # (currency, amount) of bases in another currency, this turn's or carried from an earlier one: no yuan figure
    foreign: list[tuple[str, str]] = field(default_factory=list)
    corrected: bool = False  # an item's base was put right: the base it replaces was a mistake, not another item
    # no base stated, summed with other measures' items: each rule at its ceiling (``Item.at_ceiling``)
    at_ceiling: str = ""
    annual_shown: bool = False  # the topic's annual cap was the figure asked and given
    # facts said of one item only, by its base (a Decimal string): "the 8.7m client is 30% owned by our parent"; or by
    # its place among the items ("#2"), when items of the same base are told apart
    item_facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    named_item: Decimal | None = None  # the base (yuan) of the item said before that the turn states a fact of
    unnamed_item: bool = False  # the turn states a fact of one item said before, not which ("其中一个委托方是我们的股东")
    failed_items: list[int] = field(default_factory=list)  # orders of items failed by a fact of theirs (``AwardSlots``)
    # the month each base's own sentence names, by the base (a Decimal string), when the message names several
    # ("2024年5月…经费10万元；2024年7月…12万元"): the item is judged on that day
    days: dict[str, date] = field(default_factory=dict)
    kept_at_ceiling: list[str] = field(default_factory=list)  # rule ids taken at their ceilings in the total (``AwardSlots``)

    def slots(self) -> AwardSlots:
        """The slots a follow-up turn can build on."""
        return AwardSlots(
            measure=self.measure,
            rule_ids=[rule.id for rule in self.rules],
            bases=[str(base) for base in self.bases],
            facts=dict(self.facts),
            cgt=any(rule.product == "cgt" for rule in (self.rules or self.candidates)),
            seen=list(self.seen),
            received=str(self.received) if self.received else "",
            shown=list(dict.fromkeys([*self.shown, *(r.id for r in self.rules if not self.bases and r.rate is not None)])),
            replaced=list(self.replaced),
            foreign=list(self.foreign),
            annual_shown=self.annual_shown,
            failed_items=list(self.failed_items),
            kept_at_ceiling=list(self.kept_at_ceiling),
        )

    def computed(self) -> None:
        """Records this turn's items as computed: a rule's earlier entries give way to this turn's, so
        "那Ⅱ期呢" after Ⅰ期 keeps both phases for a later "两期加起来"; items added to others replace all."""
        items = [(item.rule_id, str(item.inputs.get("base_yuan", ""))) for item in self._own_items()]
        rules = {rule_id for rule_id, _ in items}
        gone = [entry for entry in self.seen if entry[0] in rules and entry[1] and entry not in items]
        self.replaced = [entry for entry in [*self.replaced, *([] if self.corrected else gone)] if entry not in items]
        self.seen = [entry for entry in self.seen if entry[0] not in rules] + items


def matched_slots(match: MeasureMatch) -> AwardSlots | None:
    """The award topic a match's computed items under one measure establish (the rules, their bases and
    the items as computed), so that a later turn ("加起来一共能拿多少？", "那III期呢？") builds on them; None
    when no item of the measure was computed."""
    computed = [c.calculation for c in match.claims if c.calculation is not None and c.calculation.eligible]
    if not computed:
        return None
    items = [(c.rule_id, c.inputs.get("base_yuan", "")) for c in computed]
    return AwardSlots(measure=match.measure, rule_ids=list(dict.fromkeys(r for r, _ in items)),
                      bases=[base for _, base in items if base], seen=items)


def rule_named(text: str, rule: Rule) -> bool:
    """Whether ``text`` (lower case) names ``rule`` by one of its trigger words."""
    return triggers_named(text, rule.triggers)


def own_triggers(rule: Rule) -> tuple[str, ...]:
    """``rule``'s trigger words without its base, which other measures and stages pay on too ("研发投入")."""
    return tuple(t for t in rule.triggers if t != rule.base)


def triggers_named(text: str, triggers: Sequence[str]) -> bool:
    """Whether ``text`` (lower case) holds one of ``triggers`` as ``rule_named`` finds a rule's."""
    return any(_trigger_pattern(trigger).search(text) for trigger in triggers)


def _named_each_before_its_base(text: str, candidates: Sequence[Rule], bases: Sequence[StatedAmount]) -> list[Rule] | None:
    """The rules of ``text`` (lower case) in the order named, one per naming, when some rule is named more than once
    and every naming is followed by its own base before the next naming (``bases`` in order); or, when the rules are
    all listed before the first base and named again, the rule named last before each base; None otherwise."""
    # (two triggers of one rule at one place, "确证性" in "确证性临床", are one naming)
    at_place = {(at, rule.id): rule for rule in candidates for at in _trigger_positions(text, rule)}
    named = [(at, at_place[at, rule_id]) for at, rule_id in sorted(at_place)]
    if len(named) < 2 or len(named) == len({rule.id for _, rule in named}) or len(named) < len(bases) or len(bases) < 2:
        return None
    found, at = [], 0
    for amount in bases:
        at = text.find(amount.text.lower(), at)
        if at < 0:
            return None
        found.append(at)
        at += len(amount.text)
    # ("①A药III期做完，III期研发投入1.5个亿；②…": a rule named again before any base is one naming)
    named = [(pos, rule) for i, (pos, rule) in enumerate(named)
             if i == 0 or rule.id != named[i - 1][1].id or any(named[i - 1][0] < f < pos for f in found)]
    if len(named) == len(bases):
        bounds = [at for at, _ in named[1:]] + [len(text)]
        if all(named[i][0] < found[i] < bounds[i] for i in range(len(named))):
            return [rule for _, rule in named]
        return None
    # "…only need an early-stage trial and a confirmatory trial. Product A finished its confirmatory trial (RMB 92.4
    # million) and product B its early-stage trial (RMB 41.3 million)": the rules listed first, then each base after its
    # own naming: each base is the rule named last before it
    if {rule.id for at, rule in named if at < found[0]} != {rule.id for _, rule in named}:
        return None
    paired, start = [], 0
    for at, amount in zip(found, bases, strict=True):
        before = [rule for pos, rule in named if start <= pos < at]
        if not before:
            return None
        paired.append(before[-1])
        start = at + len(amount.text)
    return paired


def _items_by_part(text: str, candidates: Sequence[Rule], bases: Sequence[StatedAmount]) -> list[Rule] | None:
    """One rule per base when ``text`` (lower case) tells products in parts of their own, cell or gene therapies beside
    other drugs ("X药III期研发投入9000万；Y药III期7000万；Z是CAR-T…只做早期+确证性两期，确证性这一段投入1.5亿；W药II期
    5000万"): each base is the stage named last before it in its part, among the rules of its part's kind (a part
    naming a cell or gene therapy takes its clause's stages, the others the ordinary ones); None unless the kinds are
    mixed and every base is paired so, one per part."""
    words = lexicon().facts["cgt"]
    parts = [part for part in PART_MARK.split(text) if part.strip()]
    if len(bases) < 2 or len(parts) < 2:
        return None
    kinds = {has_word(part, words) for part in parts if any(amount.text.lower() in part for amount in bases)}
    if kinds != {True, False}:
        return None
    holding = _parts_holding(parts, bases)
    if holding is None:
        return None
    paired: list[Rule] = []
    for amount, part in zip(bases, holding, strict=True):
        told = part[:part.find(amount.text.lower())]
        cgt = has_word(part, words)
        named = sorted(((m.start(), rule) for rule in candidates if (rule.product == "cgt") == cgt
                        for trigger in own_triggers(rule) for m in _trigger_pattern(trigger).finditer(told)),
                       key=lambda pair: pair[0])
        if not named:
            return None
        # ("两个…Ⅲ期，研发投入各9000万": a count in the part, after any colon or dash opening the list, is that stage's
        # items; "4个1类新药完成了临床阶段——A药III期…" counts the list)
        counts = [n for m in lexicon().item_count.finditer(re.split(r"[:：—–]", told)[-1])
                  if (n := count_of(m["n"])) is not None and n > 1]
        paired += [named[-1][1]] * (counts[-1] if counts else 1)
    return paired


def _items_by_place(text: str, candidates: Sequence[Rule], bases: Sequence[StatedAmount]) -> list[Rule] | None:
    """One rule per base when ``text`` (lower case) tells items in parts of their own, each part placing its work at
    home or abroad, and the measure has one rule named by each place's words ("给在澳洲做的一期临床买了临床试验责任险，
    保费260万；国内的二期也买了临床试验险，保费60万": the first part's premium is the overseas rule's, the second's the
    domestic one's); None unless every base's part places it and the parts place them both ways."""
    if len(bases) < 2:
        return None
    by_place: dict[str, Rule] = {}
    for place in ("domestic", "overseas"):
        named = _placed_rules(candidates, place)
        if len(named) != 1:
            return None
        by_place[place] = named[0]
    holding = _parts_holding([part for part in PART_MARK.split(text) if part.strip()], bases)
    if holding is None:
        return None
    paired: list[Rule] = []
    for part in holding:
        where = read_facts(part, part).trial_location
        if where is None or where not in by_place:
            return None
        paired.append(by_place[where])
    return paired if len(set(paired)) > 1 else None


def _parts_holding(parts: Sequence[str], bases: Sequence[StatedAmount]) -> list[str] | None:
    """The part of ``parts`` (lower case, in order) each of ``bases`` is told in, each in a part after the one before
    it; None when a base is in no such part."""
    holding: list[str] = []
    at = 0
    for amount in bases:
        at = next((i for i in range(at, len(parts)) if amount.text.lower() in parts[i]), -1) + 1
        if not at:
            return None
        holding.append(parts[at - 1])
    return holding


def _placed_rules(candidates: Sequence[Rule], place: str) -> list[Rule]:
    """The rules of ``candidates`` a trigger of which is one of the words of a trial's ``place`` ("domestic",
    "overseas": ``understanding.yaml`` facts), in their order."""
    placed = {str(word).lower() for word in lexicon().facts.get(place, ())}
    return [rule for rule in candidates if placed & {t.lower() for t in rule.triggers}]


def _cgt_beside_others(text: str, candidates: Sequence[Rule], heard: Sequence[str] = ()) -> bool:
    """Whether ``text`` (lower case) tells a cell or gene therapy's stage in a sentence of its own beside other drugs'
    stages told in clauses without it ("两个完成Ⅲ期…；一个完成Ⅱ期…；还有一个基因治疗1类新药完成确证性临床"): each
    stage is computed under its own clause of the measure, not every one as the cell or gene therapy's. A clause
    holding a figure the asker heard of (``heard``: "听同行说I期最高就给1000万") tells no other drug's stage."""
    words = lexicon().facts["cgt"]
    parts = [part for part in CLAUSE_MARK.split(text) if part.strip()]
    own = [r for r in candidates if r.product == "cgt"]
    others = [r for r in candidates if r.product != "cgt"]
    # ("我们是上海注册的CAR-T公司，1类新药。早期临床研发投入1,800万元，确证性临床…0.9亿元…另外…一个小分子1类新药II期投入
    # 4500万": the asker says it is a CGT company, in a clause naming no stage; its CGT stages follow by their own names)
    company = any(has_word(part, words) and part.lstrip().startswith(lexicon().self_words)
                  and not any(rule_named(part, r) for r in candidates) for part in parts)
    # ("…；Z是CAR-T细胞治疗，只做早期+确证性两期，确证性这一段投入1.5亿；W药II期5000万": the therapy and its stages told
    # in one part of the case, clauses apart)
    own_told = any((company or has_word(part, words)) and any(rule_named(part, r) for r in own)
                   for part in [*parts, *PART_MARK.split(text)])
    return own_told and any(not has_word(part, words) and not any(rule_named(part, r) for r in own)
                            and any(rule_named(part, r) for r in others) and not any(h in part for h in heard)
                            for part in parts)


def _mentions(text: str, rule: Rule) -> Iterator[re.Match[str]]:
    """Each place ``text`` names ``rule`` by one of its triggers, trigger by trigger."""
    for trigger in rule.triggers:
        yield from _trigger_pattern(trigger).finditer(text)


def _trigger_positions(text: str, rule: Rule) -> list[int]:
    return [m.start() for m in _mentions(text, rule)]


def _closely_after(text: str, mention: re.Match[str], words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` follows ``mention`` closely (``DONE_REACH``), in its own clause."""
    return has_word(CLAUSE_MARK.split(text[mention.end(): mention.end() + DONE_REACH])[0], words)


def _counted_items(rules: list[Rule]) -> bool:
    """Whether a count made some rule more than one item ("5个进入特别审查，其中3个首次拿证"): the rules are the items."""
    return any(rules.count(rule) > 1 for rule in rules)


def _named_not_done(text: str, rule: Rule, words: tuple[str, ...]) -> bool:
    """Whether ``text`` also names ``rule`` by a trigger with none of ``words`` closely after it in its clause (the
    "4个产品进了…特别审查" beside "另外3个早些年进过特审（那笔钱之前已经拿过）")."""
    return any(not _closely_after(text, m, words) for m in _mentions(text, rule))


def _named_as_done(text: str, rule: Rule, words: tuple[str, ...] | None = None) -> bool:
    """Whether ``text`` names ``rule`` by a trigger followed closely, in the same clause, by a word saying it is done
    ("确证性临床做完了", "Phase II completed"; ``understanding.yaml`` ``done_words``), or one of ``words``; without
    ``words``, also by a trigger right after such words ("just finished the confirmatory one"; ``done_before``)."""
    return any(_closely_after(text, m, words or lexicon().done_words)
               or (words is None and lexicon().done_before.search(
                   CLAUSE_MARK.split(text[max(0, m.start() - SET_ASIDE_REACH): m.start()])[-1]) is not None)
               for m in _mentions(text, rule))


def _named_as_set_aside(text: str, rule: Rule) -> bool:
    """Whether ``text`` names ``rule`` by a trigger with a word setting it aside before it in the same clause ("leaving
    aside whatever is paid for the special-review step"), or after it ("特审那块先不算"; ``understanding.yaml``
    ``set_aside_words``), or with the clause right after its own putting asking of it off ("另外还有个老车间智能化改造，
    那个年底再来问"; ``deferred_clause``)."""
    lex = lexicon()
    spaced = text.replace("-", " ")
    for m in _mentions(spaced, rule):
        before = CLAUSE_MARK.split(spaced[max(0, m.start() - SET_ASIDE_REACH):m.start()])[-1]
        rest = CLAUSE_MARK.split(spaced[m.end():], maxsplit=1)[1:]  # what follows the mention's own clause
        if has_word(before, lex.set_aside_words) or _closely_after(spaced, m, lex.set_aside_words) or (
                rest and lex.deferred_clause.search(CLAUSE_MARK.split(rest[0], maxsplit=1)[0])):
            return True
    return False


@cache
def _trigger_pattern(trigger: str) -> re.Pattern[str]:
    """A trigger word as it names its rule in lower-case text: a word with English letters only as a whole
    word, as ``has_word`` finds the lexicon's words."""
    return re.compile(word_pattern(trigger.lower()))


def _last_clause(text: str) -> str:
    """The last clause of ``text`` (after a dash, colon, comma or sentence mark): where a question asks what it asks."""
    return next((part for part in reversed(ASKING_CLAUSE_MARK.split(text.strip(" ?？!！。."))) if part.strip()), text)


def read_award(question: Question, measure: str, book: RuleBook, previous: AwardSlots | None,
               ask_text: str = "", items_elsewhere: int = 0) -> AwardRequest:
    """The award request of this turn; ``previous`` holds the session's slots, for follow-ups.

    ``ask_text``: the ask's own words (lower case), where the rule is named when a message asks
    about two ("国内的能补多少？海外的呢？"); the whole question by default. ``items_elsewhere``: how many
    items the conversation's other measures hold, which a count of a total may be of ("把这两项全部加起来" after a
    premium and a CMO product).
    """
    # ("是II期不是I期", "Phase II, not Phase I": the stage denied names no rule of the turn)
    text = lexicon().stage_denied.sub(" ", ask_text or question.text)
    facts_said = question.facts
    stated_bases = facts_said.amounts_as(AmountRole.BASE)  # the spends, outputs, premiums … the message states
    unnamed = lexicon().names_holding_triggers.sub(" ", text)
    if any(set(rule.conditions) & set(facts_said.met) for rule in book.for_measure(measure) if rule_named(unnamed, rule)):
        # "中型科创企业，有专精特新资质，市中小微企业政策性融资担保基金的担保额度上限": a fund's name names no rule when the
        # words left name one whose condition the asker says it meets (without that, both ceilings stay in view)
        text = unnamed
    same_measure = previous is not None and previous.measure == measure
    candidates = book.for_measure(measure)
    if any(r.product == "cgt" for r in candidates):
        is_cgt = facts_said.cgt or (
            same_measure and previous is not None and previous.cgt and not question.new_subject
            and not re.search(r"(?<![a-z])i{1,3}期", text)
        )
        if not is_cgt and not any(rule_named(text, r) for r in candidates if r.product != "cgt"):
            # "确证性临床的上限是多少": a stage only the CGT clause has names that clause
            is_cgt = any(rule_named(text, r) for r in candidates if r.product == "cgt")
        # ("…小分子那个II期的投入…是6千万…CAR-T那个不变" after a CGT drug and an ordinary one: both kinds stay in view)
        mixed_before = same_measure and previous is not None and len(
            {r.product == "cgt" for r in candidates if r.id in previous.rule_ids}) == 2
        heard_texts = [a.text.lower() for a in facts_said.amounts_as(AmountRole.CLAIMED)]
        if not (mixed_before or (is_cgt and _cgt_beside_others(text, candidates, heard_texts))):
            candidates = tuple(r for r in candidates if (r.product == "cgt") == bool(is_cgt))
    mentioned = sorted(
        ((min(pos), rule) for rule in candidates if (pos := _trigger_positions(text, rule))),
        key=lambda pair: pair[0],
    )
    if not mentioned and not same_measure and question.context_text:
        # "能拿多少？" after "我们II期投入了3000万。": the stage was stated in the turn before
        text = question.context_text
        mentioned = sorted(((min(pos), rule) for rule in candidates if (pos := _trigger_positions(text, rule))),
                           key=lambda pair: pair[0])
    rules = [rule for _, rule in mentioned]
    # (the parts read in the message as written: an ask's text joins its clauses with commas)
    told_in_parts = question.text.lower() if len(question.asks) == 1 else text
    each_named = _items_by_part(told_in_parts, candidates, stated_bases) or _named_each_before_its_base(
        text, candidates, stated_bases) or _items_by_place(told_in_parts, candidates, stated_bases)
    if each_named is not None:
        # "药物甲完成Ⅲ期，投入¥68,000,000；药物乙完成Ⅱ期…；药物丙完成Ⅰ期…；药物丁也完成Ⅲ期，投入1.2亿": each stage named
        # with the spend after it is one item, a stage named twice two items (a count of all of them counts nothing more)
        rules = each_named
    elif len(mentioned) > 1:
        rules = _counted(text, mentioned)
        if (len(rules) > len(mentioned) and len(stated_bases) == len(mentioned)
                and not lexicon().each.search(text)
                and not _spends_of_paid_items(rules, len(stated_bases))):
            # "两个1类新药…A药II期投入6370万，B药III期投入9850万": the count is of the products, one amount each
            # ("两个…Ⅲ期，研发投入各9000万": the amount is each counted item's)
            rules = [rule for _, rule in mentioned]
    # ("今年有4个产品进了…特别审查；另外3个早些年进过特审（那笔钱之前已经拿过）的产品今年首次拿证": a step counted as
    # this year's items is asked, whatever was had of it for other products)
    had_words = lexicon().received_words
    had = {rule for rule in rules if _named_as_done(text, rule, had_words)
           and not (rules.count(rule) > 1 and _named_not_done(text, rule, had_words))}
    if had and set(rules) - had:
        # "早期臨床那段之前已經領過補助。這次確證性臨床最多可以拿多少": a stage whose support the asker already had is
        # not computed again; the others named are
        rules = [rule for rule in rules if rule not in had]
    aside = {rule for rule in rules if _named_as_set_aside(text, rule)}
    if aside and set(rules) - aside:
        # "Leaving aside whatever is paid for the special-review step, whats the max for the registration + production
        # step?": a step set aside is not computed; the others named are
        rules = [rule for rule in rules if rule not in aside]
    not_yet = {rule for rule in rules if set(rule.conditions) & set(facts_said.unmet)
               and _named_as_done(text, rule, lexicon().not_yet_words)}
    if not_yet:
        # (a step asked by its share or ceiling, "那个40%的后续支持现在能申请吗", is the one asked: its no follows)
        heard = shares_named(text) | {a.yuan for a in facts_said.amounts}
        not_yet = {rule for rule in not_yet
                   if not heard & {rule.rate, Decimal(rule.cap_yuan) if rule.cap_yuan is not None else None}}
    if not_yet and set(rules) - not_yet:
        # "进了上海市的创新医疗器械特别审查程序，注册证还没拿到": a step the asker says it has not reached is named only
        # to be denied; the others named are asked
        rules = [rule for rule in rules if rule not in not_yet]
    done = [rule for rule in dict.fromkeys(rules) if _named_as_done(text, rule)]
    if len(set(rules)) > 1 and len(done) == 1 and len(stated_bases) <= 1 and not (
            stated_bases and _counted_items(rules)):
        # "只做早期和确证性两期临床，现在确证性临床做完了，能申请吗": of the stages named, the one said to be done (with one
        # spend: "…的早期临床是2024年7月启动并完成的，这一阶段研发投入5000万元" is that stage's)
        rules = done
    last = _last_clause(text)
    asked = [rule for rule in dict.fromkeys(rules) if _trigger_positions(last, rule)] if AMOUNT_ASKED.search(last) else []
    if len(set(rules)) > 1 and len(asked) == 1 and (not stated_bases or (
            asked[0].base is not None and all(rule.base is None for rule in rules if rule is not asked[0])
            and has_word(last, lexicon().follow_on_award))):
        # "a cell therapy that only needs early-stage and confirmatory trials — what's the ceiling for the early stage?":
        # the stages named tell the case; the clause that asks names the one asked ("…special review … first registration
        # … R&D US$3 million — how much is the extra grant for that registration-and-production step?": the further award
        # asked, on that step's base; "how much can we get for it" asks both)
        rules = asked
    by_base = [rule for rule in dict.fromkeys(rules) if _base_named(text, rule)]
    # (a rule paid on a fee stated as such, "第三方专业服务费用是1,280万", keeps its own base: both stay)
    fee_paid = any(rule.fee_base for rule in rules) and bool(facts_said.amounts_as(AmountRole.FEE))
    # (a base of a kind these rules pay on none of, "年产值大概6亿" beside an upgrade's 总投资, is no second item)
    if (len(set(rules)) > 1 and all(rule.base for rule in rules) and len(named_as_rule_base(stated_bases, rules)) == 1
            and len(by_base) == 1 and not fee_paid):
        # "retrofitting our plant to make it smarter … approved total project investment is RMB 300 million": the
        # one amount is named as one rule's base (核定项目总投资, not the other rule's 核定新增投资): that rule's
        # ("…特别审查，后来首次拿证…研发投入3000万，前后两笔" names a fixed award too: both stay)
        rules = by_base
    said_of = _rules_in_clause_of(text, stated_bases[0], rules) if len(stated_bases) == 1 and len(set(rules)) > 1 else []
    if len(said_of) == 1 and said_of[0].base is not None:
        # "只需要早期和确证性临床，确证性临床研发投入五千万元，能拿多少": the one spend is said in the clause of one stage,
        # the other stages paid on a spend are not asked (a fixed award named beside it, （六）'s special review, stays)
        rules = [rule for rule in rules if rule.base is None or rule in said_of]
    def placed_among(these: Sequence[Rule]) -> list[Rule]:  # the rules the trial's place names by a trigger
        return _placed_rules(these, facts_said.trial_location or "")

    placed = placed_among(list(dict.fromkeys(rules)))
    if (len(set(rules)) > 1 and len(placed) == 1 and not lexicon().each.search(text)
            and len(named_as_rule_base(stated_bases, rules)) == 1):
        # "a Phase II trial in the US and Europe … overseas trial liability insurance from a domestic insurer; the premium
        # was RMB 420,000": one base, and the trial's place names one of the rules the words name ("domestic" is the insurer's)
        rules = placed
    if not rules and facts_said.trial_location == "overseas":
        rules = [r for r in candidates if "overseas_trial" in r.conditions]
    if not rules and facts_said.trial_location is not None:
        # "liability insurance for a trial we're running in Australia": the one rule named by the place's own words
        placed = placed_among(candidates)
        rules = placed if len(placed) == 1 else rules
    if len(candidates) == 1:
        rules = list(candidates)
    # ("a smart and green upgrade of our old plant, total approved investment RMB 350 million": "plant" names the
    # industrial-base rule too, but the one base stated is named as the upgrade's kind)
    rules = _rules_of_stated_kinds(rules, stated_bases)
    bases = _bases(question, rules or list(candidates), ask_text)
    named_once = list(dict.fromkeys(rules))
    if (len(rules) > len(bases) > 1 and len(bases) == len(named_once) and not _spends_of_paid_items(rules, len(bases))
            and rules == [rule for rule in named_once for _ in range(rules.count(rule))]):
        # "两个…Ⅲ期，研发投入各9000万；一个…Ⅱ期，研发投入五千万元": each base is the one of the rule named before it,
        # for as many items as that rule counts (9000万 twice, then 5000万), not the first base for every item
        bases = [base for rule, base in zip(named_once, bases, strict=True) for _ in range(rules.count(rule))]
    # "两项合计" after one step and with another: the count is of the items discussed, each once
    count = facts_said.item_count
    if count and ask_text and _counted_by_another_ask(question, text, candidates):
        # "(1) 两个能力提升项目，每个最多多少？… (3) 贴息一年最多多少？": the count is of the first ask's items
        count = None
    if count and same_measure and previous is not None and question.asks_total and (
            count == len({r for r, _ in previous.seen} | {r.id for r in rules}) > len(rules)
            or (items_elsewhere and not facts_said.amounts and count == len(previous.seen) + items_elsewhere)
            or (question.adds_item and previous.seen and count == len(previous.seen) + question.items_added)) and not (
            len(mentioned) == 1 and _counts_rule(text, mentioned[0][1])):
        # ("还做了两个能力提升项目，加起来": a count said of the rule named is that rule's items; "另外一个品种产值7800万，
        # 两个加起来": the count is of the item before and the one added)
        count = None
    if (count and not bases and same_measure and previous is not None and question.asks_total and question.adds_item
            and previous.seen and count == question.items_added and count_summed(text) == len(previous.seen) + count):
        count += len(previous.seen)  # "另外两个海外试验项目，三个加起来": the items added with those before, all of them
    if count and not rules and not bases and same_measure and previous is not None:
        # "Sorry, make that four projects" after three of one rule: that rule, with the count now said
        discussed = {book.rule(rule_id) for rule_id in previous.rule_ids}
        rules = list(discussed) if len(discussed) == 1 else rules
    groups = facts_said.item_groups
    grouped = [a.yuan for a in facts_said.amounts if a.currency == CNY and a.role in (AmountRole.BASE, AmountRole.FEE)]
    if len(groups) == len(grouped) == len([a for a in facts_said.amounts if a.role is not AmountRole.CONTEXT]) > 1 and bases:
        # "其中3个小展每个8万元，另外3个大展每个30万元": each amount for its own count of items (the second read as
        # the same kind of amount as the first, whatever words stand beside it)
        bases, count = [base for base, n in zip(grouped, groups, strict=True) for _ in range(n)], None
        if len(rules) == len(groups) == len(set(rules)):
            # "三个1类新药…Ⅲ期，每个研发投入0.9亿；另外还有一个…Ⅱ期，投了5000万": each stage's rule for its own count
            rules = [rule for rule, n in zip(rules, groups, strict=True) for _ in range(n)]
    if count and len(bases) == 1:
        bases = bases * count
    elif count and not bases and len(rules) == 1 and rules[0].rate is None:
        rules = rules * count  # "3个…项目，三个加起来": a fixed ceiling per item, that many items
    facts: dict[str, Any] = {}
    upfront = facts_said.amounts_as(AmountRole.UPFRONT)
    if upfront:  # a dollar upfront only when every plausible rate meets (or misses) the threshold alike
        minimums = [c.min_yuan for c in book.conditions.values() if c.input == "upfront_yuan" and c.min_yuan is not None]
        given = threshold_input(upfront[0], Decimal(min(minimums)) if minimums else None)
        if given.yuan is not None:
            facts["upfront_yuan"] = given.yuan
    # the relation as the conversation now holds it: one supposed in an earlier turn ("Hypothetically, if the licensee
    # were an affiliate?") was judged in that turn only, and the one stated before it is back in force
    related_party = question.conversation_facts.related_party
    if related_party is not None:
        facts.update(dict.fromkeys(RELATION_CONDITIONS, not related_party))

    seen: list[tuple[str, str]] = []
    assumed: AssumedBase | None = None
    corrected: tuple[list[Rule], list[Decimal]] | None = None
    named_item: Decimal | None = None
    unnamed_item = False
    if same_measure and previous is not None:
        seen = list(previous.seen)
        earlier_rules = [book.rule(rule_id) for rule_id in previous.rule_ids if book.rule(rule_id) in candidates]
        # a base stated in another currency before ("US$800,000") is no yuan figure: never carried as one
        earlier_bases = [] if previous.foreign else [Decimal(b) for b in previous.bases]
        seen_bases = {} if previous.foreign else previous.seen_bases()
        seen_rules = [book.rule(rule_id) for rule_id in dict.fromkeys(r for r, _ in previous.seen)]
        counted = len(rules) > len({r.id for r in rules})  # "海外试验项目有5个…再加3个能力提升项目": the turn's own items
        shown = [book.rule(r) for r in previous.shown if book.rule(r) in candidates]
        both_shown = list(dict.fromkeys([*shown, *rules]))
        if (question.asks_total and not bases and not facts_said.amounts and len(previous.seen) < 2 and not counted
                and len(both_shown) > 1 and (count is None or count == len(both_shown))
                and not lexicon().uncounted_items.search(text)):  # "好几个管线一起申请": more than the ceilings shown
            # "假如两个阶段都批下来，合计最多多少" after each stage's ceiling was given with no spend: those stages'
            # ceilings, summed (each once) under the measure's annual cap
            rules = both_shown
        corrected = _corrected_items(question, _per_base(earlier_rules, earlier_bases), earlier_bases, rules, bases)
        threshold_only = (not bases and len(earlier_bases) > 1 and len(earlier_rules) == len(earlier_bases)
                          and bool(facts_said.amounts_as(AmountRole.UPFRONT))
                          and all(a.role is AmountRole.UPFRONT for a in facts_said.amounts))
        revised = _one_base_revised(question, earlier_rules, earlier_bases, rules, bases) if corrected is None else None
        if corrected is not None:  # "更正一下，第二个品种的产值是4000万元": the items before, that one's base replaced
            rules, bases = corrected
        elif revised is not None:  # "那如果研发投入其实只有1500万呢" after 进特审 and 拿证投产: both items, the spend replaced
            rules, bases = revised
        elif threshold_only:
            # "Sorry, correction: the upfront was US$15 million, not 12": the items stay as they were, the threshold
            # the upfront is held against read again
            rules, bases = list(earlier_rules), list(earlier_bases)
        elif facts_said.related_party is not None and (not question.adds_item or question.names_order is not None):
            # "1500万那个品种的委托方是我们的控股股东", "the second product's client is our parent's": a fact of one item
            # said before; the items stay as they were
            per_base = _per_base(earlier_rules, earlier_bases)
            of_item = _item_named(question, per_base, earlier_bases, rules, bases)
            if of_item is not None:
                rules, bases, named_item = of_item
            elif _one_item_unnamed(question, per_base, earlier_bases, bases):
                # "如果其中一个委托方是我们的股东呢？": a fact of one item, whichever: the items stay as they were
                rules, bases, unnamed_item = _rules_kept(per_base), list(earlier_bases), True
        summed_seen = False  # the total is over the items computed so far: none of them is added again
        if (question.asks_total and counted and not facts_said.amounts and corrected is None
                and {r.id for r in rules} >= {r for r, _ in previous.seen}
                and all(r.rate is None or r.id in seen_bases for r in rules)):
            # "两个产品加一起：二类进特审的那笔，三类进特审的那笔再加上拿证投产这部分，总共最多多少": the turn lists every
            # item to sum itself, each rule computed before keeping its base; none is added to those before
            bases = [seen_bases.get(r.id, Decimal(0)) for r in rules]
            summed_seen = True
        # (bases read from the turns before are no items of this one: "两笔加起来一共多少" states none)
        if question.asks_total and (not bases or not question.states_amounts) and len(previous.seen) > 1 and not counted:
            # "两期加起来一共多少", "三个品种一共能拿多少": every item of this topic computed so far, each with
            # its own base (the rules the ask names, when it names some)
            # (rules this turn's words name: one the topic only carries over names none, "这两笔…一共多少")
            named = {r.id for r in rules if r in seen_rules and len(rules) < len(candidates) and rule_named(question.text.lower(), r)}
            # ("客户另一个产品今年也进了特别审查程序。那三项加一起总共最多多少": the items computed so far and the one this
            # turn adds, a fixed ceiling each)
            added_fixed = question.adds_item and bool(rules) and not bases and all(r.rate is None for r in rules)
            items = [(book.rule(r), base) for r, base in previous.seen if not named or r in named or added_fixed]
            if added_fixed:
                items += [(rule, "") for rule in rules for _ in range(max(question.items_added, 1))]
            rules = [rule for rule, _ in items]
            # a rule with no base (a fixed ceiling) takes none: its placeholder is never read
            bases = [] if any(rule.rate is not None and not base for rule, base in items) else [
                Decimal(base or 0) for _, base in items]
            summed_seen = True
        elif question.asks_total and rules and not (question.adds_item and earlier_bases) and (
                others := _other_items(rules, bases, [(book.rule(r), base) for r, base in previous.seen], seen_bases)):
            # "首次拿证了，研发投入1500万，加起来一共多少": this turn's item with the topic's other items computed before
            rules, bases = [*rules, *others[0]], others[1]
            summed_seen = True  # (an item added too, "plus another drug's Phase III", is among them already)
        elif (rules and not bases and not question.adds_item and not count and len(earlier_bases) > 1
              and earlier_rules and len({r.id for r in (*rules, *earlier_rules)}) == 1):
            # "我们今年已经从这一条拿到了400万，还能再拿多少" after three products of the one rule: every item stays
            rules, bases = list(earlier_rules), list(earlier_bases)
        elif rules and not bases and not question.adds_item and all(r.id in seen_bases for r in rules):
            bases = [seen_bases[r.id] for r in rules]  # a rule named again keeps the base it was computed with
        if question.adds_item and earlier_bases and not summed_seen and corrected is None and named_item is None:
            # ("add the first and second one up" sums the items computed, each once: it adds none)
            # one rule with several bases is that many items of the rule: "三个III期" then "再加一个II期"
            earlier_rules = _per_base(earlier_rules, earlier_bases)
            whole = None if previous.foreign else _seen_items(previous.seen, book)
            if whole is not None and len(whole[0]) > len(earlier_rules):
                # "Phase I, then Phase II of the same drug, then another drug's Phase III: the total?": every item of
                # the topic computed so far, not only the last turn's, with the one this turn adds
                earlier_rules, earlier_bases = whole
                if rules and not bases and all(r.rate is None for r in rules):
                    # a fixed ceiling added ("另外两个产品也进了特别审查") takes placeholders, one per item it adds
                    rules = rules * question.items_added if len(rules) == 1 else rules
                    bases = [Decimal(0)] * len(rules)
            if len(seen_rules) > 1 and set(rules) < set(seen_rules) and lexicon().alike_items.search(text):
                # "另外两个产品也都是一样的情况，…把这两步走完，研发投入都在5000万左右": the steps the topic computed
                rules = seen_rules
            path = _path_per_product(rules, bases, question.items_added)
            if path is not None:
                # "另外还有两个产品情况一模一样，也是进特审加拿证投产，投入也都2500万": each product added takes every
                # step of the path, the spend stated for the steps paid on it
                rules, bases = path
            if len(rules) == 1 and len(bases) == 1 and question.items_added > 1 and lexicon().each.search(text):
                # "还有C、D两个1类药…每个投入都是1亿": that many items added, each with the base stated
                rules, bases = rules * question.items_added, bases * question.items_added
            if rules and not bases and any(r.rate is not None for r in rules):
                # "又接了两个品种" with no output value: the items added take the last base stated, said as assumed
                rules = rules * question.items_added if len(rules) == 1 else rules
                bases = [earlier_bases[-1]] * len(rules)
                assumed = AssumedBase(earlier_bases[-1], tuple(dict.fromkeys(earlier_rules)), tuple(rules))
            rules = _per_base(rules, bases)
            added = earlier_rules + rules
            # one rule throughout pairs with every base (see items()); several rules keep one entry per item
            rules = list(dict.fromkeys(added)) if len(set(added)) <= 1 else added
            bases = earlier_bases + bases
        else:
            if not rules:
                rules = earlier_rules
                if count and not bases and len(rules) == 1 and rules[0].rate is None:
                    rules = rules * count  # "我们今年有三个这样的项目，一共能拿多少": that many items of the topic's ceiling
                path = _path_per_product(rules, earlier_bases, count or 0) if (
                    not bases and not facts_said.amounts and lexicon().like_items.search(text)) else None
                if path is not None:
                    # "如果同一年有5个这样的产品，一年最多能拿多少" after 进特审 and 拿证投产 of one product: each of that
                    # many products takes every step, with the spend said before
                    rules, bases = path
            elif (question.adds_item and question.asks_total and not bases and not facts_said.amounts and previous.seen
                  and len(rules) == 1 and rules[0].rate is None and all(r == rules[0].id for r, _ in previous.seen)):
                # "同一年我们还有另一个海外临床项目也要报，两个加起来最多多少" after one project's fixed ceiling: the
                # projects computed so far and the ones added, a ceiling each
                rules = rules * (len(previous.seen) + max(question.items_added, 1))
            if not bases and question.base_scaled is not None and earlier_bases and not facts_said.amounts:
                # "如果投入比这个多20%呢": the same items, each base said before scaled (yuan, whole)
                bases = [(base * question.base_scaled).quantize(Decimal(1)) for base in earlier_bases]
            if not bases:
                bases = earlier_bases
                unstated = [r for r in rules if r not in earlier_rules and r.rate is not None]
                if bases and earlier_rules and unstated:
                    # "那二期呢？" after Ⅰ期's 研发投入: that spend was stated for another stage; used, and said to be assumed
                    assumed = AssumedBase(bases[-1], tuple(dict.fromkeys(earlier_rules)), tuple(unstated))
        said_before = [Decimal(base) for rule_id, base in previous.replaced if rules and rule_id == rules[0].id]
        if (count and question.asks_total and not facts_said.amounts and len(bases) == 1 and len(rules) == 1
                and count == len(said_before) + 1):
            # "这两个品种同一年合计？" after "6000万" then "若产值是4200万呢": the items stated, each with its own base
            bases = [*said_before, *bases]
        elif count and not facts_said.amounts and len(bases) == 1 and len(rules) == 1 and rules[0].rate is not None:
            # "如果一年有五个品种呢" after one product's output: that many items, each assumed to have the base stated
            # (the one it was stated for among them: the others are the ones assumed)
            assumed = AssumedBase(bases[0], tuple(rules), tuple(rules) * (count - 1))
            bases = bases * count
        facts = {**previous.facts, **facts}
    accepted = {rule.id: book.inputs(rule.id).accepted for rule in candidates}
    received = sum((a.yuan for a in facts_said.amounts_as(AmountRole.RECEIVED) if a.currency == CNY), Decimal(0))
    if not received and same_measure and previous is not None and previous.received and not question.new_subject:
        received = Decimal(previous.received)  # "we already received 25 million this year" said in an earlier turn still holds
    shown_before = list(previous.shown) if same_measure and previous is not None else []
    # the bases are in another currency when this turn states them so, or when it states none and the topic's were
    foreign = [(a.currency, str(a.yuan)) for a in facts_said.amounts
               if a.currency != CNY and a.role in {AmountRole.BASE, AmountRole.FEE}]
    if not foreign and same_measure and previous is not None and not _bases(question, rules or list(candidates), ask_text):
        foreign = list(previous.foreign)
    failed_before = list(previous.failed_items) if same_measure and previous is not None and not question.adds_item else []
    if (failed_before and named_item is None and not unnamed_item and len(bases) > 1
            and all(order <= len(bases) for order in failed_before)):
        # "A的数字报错了，其实是0.65亿" after "C的委托方是我们母公司参股的企业": C stays failed, the items put right counted
        named_item = bases[failed_before[0] - 1]
    return AwardRequest(measure=measure, rules=rules, bases=bases, facts=facts, candidates=candidates, accepted=accepted,
                        seen=seen, assumed=assumed, received=received, shown=shown_before, corrected=corrected is not None,
                        replaced=list(previous.replaced) if same_measure and previous is not None else [],
                        foreign=foreign, annual_shown=same_measure and previous is not None and previous.annual_shown,
                        named_item=named_item, unnamed_item=unnamed_item, failed_items=failed_before,
                        days={str(a.yuan): a.on for a in facts_said.amounts if a.on is not None},
                        item_facts={str(a.yuan): dict.fromkeys(RELATION_CONDITIONS, not a.related)
                                    for a in facts_said.amounts if a.related is not None})


def _other_items(rules: list[Rule], bases: list[Decimal], seen: Sequence[tuple[Rule, str]],
                 seen_bases: dict[str, Decimal]) -> tuple[list[Rule], list[Decimal]] | None:
    """(the topic's earlier items whose rules are not asked again, one rule per item, the bases of all items: this
    turn's, then theirs) for a total asked over this turn's items and the ones computed before (``seen``: one (rule,
    base or "") per item, two products of one fixed ceiling being two items); None when there are none, or when a base
    is not known (an earlier rule with a rate and no base, or this turn's bases not one per rule). A fixed ceiling's
    base is a placeholder (0) that the calculator never reads."""
    others = [(rule, base) for rule, base in seen if rule not in rules]
    if not others or any(r.rate is not None and not base and r.id not in seen_bases for r, base in others):
        return None
    if bases and len(bases) != len(rules):
        return None
    if not bases and any(r.rate is not None for r in rules):
        return None
    own = bases or [Decimal(0)] * len(rules)
    return [r for r, _ in others], [*own, *(Decimal(base) if base else seen_bases.get(r.id, Decimal(0)) for r, base in others)]


def _seen_items(seen: Sequence[tuple[str, str]], book: RuleBook) -> tuple[list[Rule], list[Decimal]] | None:
    """(one rule per item, one base per item in yuan) of the items ``seen`` (rule id, base or "") records; a fixed
    ceiling's base is a placeholder (0) the calculator never reads; None when a rule with a rate has no base."""
    rules = [book.rule(rule_id) for rule_id, _ in seen]
    if not rules or any(rule.rate is not None and not base for rule, (_, base) in zip(rules, seen, strict=True)):
        return None
    return rules, [Decimal(base or 0) for _, base in seen]


def _counts_rule(text: str, rule: Rule) -> bool:
    """Whether a count of more than one item stands before one of ``rule``'s trigger words in the same clause, so
    that it counts that rule's items ("两个对接国际标准的临床服务能力提升项目"; "另一个…III期" names one item, and a
    count said after it, "两个产品…一共", is of all the items)."""
    for position in _trigger_positions(text, rule):
        clause_start = max(text.rfind(mark, 0, position) for mark in "，,。；;？?！!") + 1
        if any(m.start() >= clause_start and count_of(m["n"]) is not None  # (count_of: two or more)
               for m in lexicon().item_count.finditer(text, 0, position)):
            return True
    return False


def _counted_by_another_ask(question: Question, ask_text: str, candidates: Sequence[Rule]) -> bool:
    """Whether the turn's count of items is said in another ask of the message, one that counts none of
    ``candidates``' items, while ``ask_text`` (lower case) holds no count: the count is that ask's own."""
    if len(question.asks) < 2 or lexicon().item_count.search(ask_text):
        return False
    counting = [a.text.lower() for a in question.asks if lexicon().item_count.search(a.text.lower())]
    return bool(counting) and all(text not in ask_text and not any(_counts_rule(text, r) for r in candidates)
                                  for text in counting)


def _corrected_items(question: Question, earlier_rules: list[Rule], earlier_bases: list[Decimal], rules: list[Rule],
                     bases: list[Decimal]) -> tuple[list[Rule], list[Decimal]] | None:
    """(rules, bases) of the items stated before (``earlier_rules`` one per base in ``earlier_bases``) with the one a
    correction names, by its order ("第二个品种"), by the old base it denies ("不是8000万") or by the one rule it names
    whose item is the only one of that rule ("海外那笔我看错了"), given this turn's one base (yuan); None when the turn
    corrects no earlier item (no such order or base, not one base stated, or a rule named that is not the item's). One
    rule throughout is given once (it pairs with every base)."""
    if (question.corrects_order is None and question.corrects_yuan is None and not question.corrects_item) or len(bases) != 1 or (
            len(earlier_rules) != len(earlier_bases)):
        return None
    order = question.corrects_order
    if order is not None and 1 <= order <= len(earlier_bases):
        index = order - 1
    elif question.corrects_yuan is not None and question.corrects_yuan in earlier_bases:
        index = earlier_bases.index(question.corrects_yuan)
    elif len(rules) == 1 and earlier_rules.count(rules[0]) == 1 and len(set(earlier_rules)) > 1:
        index = earlier_rules.index(rules[0])  # "海外那笔我看错了，实际缴纳的是两百三十万": the one item of the rule it names
    else:
        return None
    if rules and earlier_rules[index] not in rules:
        return None
    items = list(earlier_bases)
    items[index] = bases[0]
    return _rules_kept(earlier_rules), items


def _one_base_revised(question: Question, earlier_rules: list[Rule], earlier_bases: list[Decimal], rules: list[Rule],
                      bases: list[Decimal]) -> tuple[list[Rule], list[Decimal]] | None:
    """(the items computed before, the one paid on a base given this turn's base) for a follow-up that puts another
    figure for the one base of an award of several items, one paid on it and the others fixed ceilings ("那如果研发投入其实
    只有1500万呢" after （六）'s 300万 and 40% of 2000万): no item added, one base stated, the rule it names among those
    before; None otherwise."""
    paid = [number for number, rule in enumerate(earlier_rules) if rule.rate is not None]
    if (question.adds_item or len(bases) != 1 or len(earlier_rules) < 2 or len(paid) != 1
            or len(earlier_bases) not in {1, len(earlier_rules)} or (rules and rules != [earlier_rules[paid[0]]])):
        return None
    text, rule = question.text.lower(), earlier_rules[paid[0]]
    if any(t.lower() in text for t in rule.triggers if t.lower() not in (rule.base or "").lower()):
        return None  # ("那拿证投产那部分，研发投入1500万能拿多少": that item asked on its own, by its own words)
    if len(earlier_bases) == 1:  # (the fixed ceilings take no base: the one stated is the paid item's)
        return list(earlier_rules), list(bases)
    items = list(earlier_bases)
    items[paid[0]] = bases[0]
    return list(earlier_rules), items


def _rules_kept(rules: list[Rule]) -> list[Rule]:
    """``rules``, one per item, as a request keeps them: one rule throughout is given once (it pairs with every base)."""
    return list(dict.fromkeys(rules)) if len(set(rules)) <= 1 else list(rules)


def _one_item_unnamed(question: Question, earlier_rules: list[Rule], earlier_bases: list[Decimal],
                      bases: list[Decimal]) -> bool:
    """Whether the turn states a fact of one of two or more items said before (``earlier_rules`` one per base in
    ``earlier_bases``) without saying which ("其中一个委托方", "one of the clients"), stating no base of its own."""
    return (not bases and len(earlier_bases) >= 2 and len(earlier_rules) == len(earlier_bases)
            and bool(lexicon().item_unnamed.search(question.text)))


def _item_named(question: Question, earlier_rules: list[Rule], earlier_bases: list[Decimal], rules: list[Rule],
                bases: list[Decimal]) -> tuple[list[Rule], list[Decimal], Decimal] | None:
    """(rules, bases, the named item's base in yuan) of the items stated before (``earlier_rules`` one per base in
    ``earlier_bases``) when the turn names one of them by its base (this turn's one base, "1500万那个品种") or by its
    order ("第二个品种"); None when it names none, when fewer than two items were stated, or when it names a rule
    that is not the item's. One rule throughout is given once (it pairs with every base)."""
    if len(earlier_bases) < 2 or len(earlier_rules) != len(earlier_bases) or len(bases) > 1:
        return None
    order = question.names_order
    said = figures_named(question.text)
    figures = [base for base in dict.fromkeys(earlier_bases) if base in said]
    if bases:
        if bases[0] not in earlier_bases:
            return None
        index = earlier_bases.index(bases[0])
    elif len(figures) == 1:  # "the 15m client": a figure said in passing, not read as an amount
        index = earlier_bases.index(figures[0])
    elif order is not None and 1 <= order <= len(earlier_bases):
        index = order - 1
    else:
        return None
    if rules and earlier_rules[index] not in rules:
        return None
    return _rules_kept(earlier_rules), list(earlier_bases), earlier_bases[index]


def figures_named(text: str) -> set[Decimal]:
    """The yuan of the figures ``text`` names in passing ("the 8.7m client", "870万那个品种"); one that reads as no
    amount is left out."""
    named: set[Decimal] = set()
    for found in lexicon().item_figure.finditer(text):
        try:
            named.add(parse_amount(found[0]))
        except AmountError:
            continue
    return named


SHARE_NAMED = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*%")  # a share the asker names ("the 40% one")
# a share of a company held ("我个人占股30%", "a 30% stake"): no share a measure pays
STAKE_BEFORE = re.compile(r"(?:股|持有|\bstake\b|\bequity\b|\bowns?\b|\bowned\b)[^%，,。;；]{0,6}$", re.IGNORECASE)


def shares_named(text: str) -> set[Decimal]:
    """The shares (0.4 for "40%") ``text`` (lower case) names as a rate ("the 40% one", "那个40%的后续支持"); a stake held
    ("我个人占股30%") is none."""
    return {Decimal(m[1]) / 100 for m in SHARE_NAMED.finditer(text) if not STAKE_BEFORE.search(text[:m.start()])}


def _per_base(rules: list[Rule], bases: list[Decimal]) -> list[Rule]:
    """``rules`` as one entry per base when a single rule holds several bases."""
    return rules * len(bases) if len(rules) == 1 and len(bases) > 1 else rules


def _spends_of_paid_items(rules: list[Rule], spends: int) -> bool:
    """Whether ``spends`` stated spends are one per item of ``rules`` paid on a spend while others are fixed ceilings
    ("一是有5个产品进了特别审查程序；二是…两个产品…首次拿到注册证…，这两个的研发投入分别是5000万和2500万": five
    fixed awards and two paid on their own spend), so each spend is a paid item's and the counts stand."""
    paid = sum(rule.rate is not None for rule in rules)
    return spends > 0 and paid == spends and paid < len(rules)


def _spends_of_paid_steps(rules: list[Rule], bases: list[Decimal]) -> list[Decimal | None] | None:
    """The spend of each of ``rules`` when there are more rules than spends and the spends stated (zeros are
    placeholders of fixed ceilings) are one figure or one per rule paid on a spend ("4个产品新进了特别审查，另外还有3个…
    首次拿证投产，研发投入都是2500万": each 拿证投产 item on 2500万, each 特别审查 item at its fixed ceiling, None); None
    when they cannot be paired so (the items then take the first spend, as one rule with one spend does)."""
    spends = [base for base in bases if base]
    paid = [rule for rule in rules if rule.rate is not None]
    if len(rules) < 2 or len(bases) >= len(rules) or not spends or not paid or (
            len(set(spends)) != 1 and len(spends) != len(paid)):
        return None
    each = iter(spends if len(spends) == len(paid) else spends[:1] * len(paid))
    return [next(each) if rule.rate is not None else None for rule in rules]


def _path_per_product(rules: list[Rule], bases: list[Decimal], products: int) -> tuple[list[Rule], list[Decimal]] | None:
    """(rules, bases) of ``products`` products added, each taking every step of a path of several rules
    (("进特审", "拿证投产") of （六）), when this turn's rules are those steps, some counted once per product, and the
    spends stated are one figure: each product's steps, a step paid on the spend with it and a fixed one with none
    (0, never read). None otherwise."""
    steps = list(dict.fromkeys(rules))
    spends = set(bases)
    if products < 2 or len(steps) < 2 or len(spends) != 1 or len(rules) > len(steps) * products:
        return None
    spend = spends.pop()
    if not spend or not any(step.rate is not None for step in steps):
        return None
    each = [spend if step.rate is not None else Decimal(0) for step in steps]
    return steps * products, each * products


def _rules_in_clause_of(text: str, amount: StatedAmount, rules: Sequence[Rule]) -> list[Rule]:
    """The distinct ``rules`` named by a trigger right before ``amount`` in its clause of ``text`` (lower case), within
    ``SPEND_REACH`` characters ("确证性临床研发投入五千万元"); [] when the amount is not found in ``text`` or found twice."""
    at = text.find(amount.text.lower())
    if at < 0 or text.count(amount.text.lower()) > 1:
        return []  # (the figure said twice, "按最高3000万算…也3000万": which one is the spend is not read here)
    # ("确证性临床这一段研发投入大概两个亿": words pointing at the stage or hedging the figure stand between, no others)
    clause = lexicon().spend_filler.sub("", re.split(r"\.\s", CLAUSE_MARK.split(text[:at])[-1])[-1])[-SPEND_REACH:]
    # (the base's own words, "研发投入", are every stage's: they name none)
    return [rule for rule in dict.fromkeys(rules) if triggers_named(clause, own_triggers(rule))]


def _base_named(text: str, rule: Rule) -> bool:
    """Whether ``text`` (lower case) names ``rule``'s base in its own words (核定项目总投资, "approved total project
    investment")."""
    return any(name and name.lower() in text for name in (rule.base, rule.base_en))


COUNT_TO_ITS_RULE = 2  # characters at most between a count and the rule's words it counts ("2个海外临床试验")
ALL_OF_THEM = re.compile(r"也都|都|均|全部|全都|\ball of them\b|\beach of them\b|\bboth\b|\ball\b", re.IGNORECASE)


def _counts_inside(text: str, mentioned: list[tuple[int, Rule]], number: int) -> list[re.Match[str]]:
    """The counts inside the words of the ``number``-th rule mentioned ("在海外做了4个高水平临床试验项目"): in its clause,
    after its first trigger and before the next rule's, none followed by a total ("这两个环节加起来" adds up the items)."""
    position = mentioned[number][0]
    ends = [i for i in (text.find(mark, position) for mark in "，,。；;？?！!") if i >= 0]
    following = mentioned[number + 1][0] if number + 1 < len(mentioned) else None
    limit = min([*ends, len(text), *([following] if following is not None else [])])
    # ("1个cro能力提升项目加2个海外临床试验": a count right before the next rule's words is that rule's)
    return [m for m in lexicon().item_count.finditer(text, position, limit) if not counts_the_total(text, m.end())
            and not (following is not None and following - m.end() <= COUNT_TO_ITS_RULE)]


def _counted(text: str, mentioned: list[tuple[int, Rule]]) -> list[Rule]:
    """Each mentioned rule as many times as the count said just before it: "5个进入特别审查程序，其中3个
    首次拿证" is five special-review items and three registration items; a rule with no count before it takes the
    first one said after it, before the next rule's count ("海外试验项目有5个都拿最高，再加3个能力提升项目")."""
    pattern = lexicon().item_count
    rules: list[Rule] = []
    start = 0
    taken = -1  # where the count a rule took from after it ends: the next rule counts from there
    for number, (position, rule) in enumerate(mentioned):
        # ("我们是一家上海的CRO，今年有3个…": a count of one, the asker itself, counts no items)
        # ("two overseas trials": an English count's words run on past the rule's own, up to the next rule's)
        reach = mentioned[number + 1][0] if number + 1 < len(mentioned) else len(text)
        counts = [n for m in pattern.finditer(text, max(start, taken), reach)
                  if m.start() < position and (n := count_of(m["n"])) not in (None, 1)]
        if not counts and number + 1 < len(mentioned):
            # a lone count before the next rule is that rule's ("海外的和3个国内的"); after the last rule, a count
            # adds up the items named ("这两个环节加起来")
            gap = list(pattern.finditer(text, position, mentioned[number + 1][0]))
            # ("3个…能力的项目，另外…在海外做了4个…项目": the next rule counts its own inside its words)
            if (len(gap) > 1 or (len(gap) == 1 and _counts_inside(text, mentioned, number + 1))) and (
                    lone := count_of(gap[0]["n"])):
                counts, taken = [lone], gap[0].end()
        if not counts and (inside := _counts_inside(text, mentioned, number)) and (n := count_of(inside[0]["n"])):
            counts, taken = [n], inside[0].end()
        # ("…三个1类新药的三期临床都做完了…；另外一个CAR-T（也是1类新药）的确证性临床": one item said of this rule's own)
        one_said = any(m["n"] in ONE_ITEM and not CLAUSE_MARK.search(text, m.end(), position)
                       for m in pattern.finditer(text, start, position))
        if not counts and number > 0 and rules and ALL_OF_THEM.search(text[start:position]) and not one_said:
            # "4个产品，都进了特别审查，也都首次拿证": each of the items counted before takes this step too
            counts = [rules.count(rules[-1])]
        rules += [rule] * (counts[-1] or 1 if counts else 1)
        start = position
    return rules


def base_kinds_of(rule: Rule) -> set[str]:
    """The kinds of base (``understanding.yaml`` base_kinds) ``rule``'s base is named by."""
    return {kind for kind, pattern in lexicon().base_kinds.items() if rule.base and pattern.search(rule.base)}


def _rules_of_stated_kinds(rules: list[Rule], bases: Sequence[StatedAmount]) -> list[Rule]:
    """``rules`` without those whose base is of no kind the stated bases are named as, when every base stated is
    named as a kind some rule pays on and the rules differ ("total approved investment RMB 350 million" for the
    upgrade, not the new-investment rule "plant" also names); ``rules`` unchanged otherwise."""
    kinds = {a.base_kind for a in bases}
    if len(set(rules)) < 2 or not bases or "" in kinds:
        return rules
    paid_on = {rule: base_kinds_of(rule) for rule in rules}
    # (a fixed ceiling takes no base; a fee or a base named by no kind, "第三方等专业服务投入", is not judged by kind)
    kept = [rule for rule in rules if not paid_on[rule] or paid_on[rule] & kinds]
    return kept if kept and all(any(kind in paid_on[rule] for rule in kept) for kind in kinds) else rules


def named_as_rule_base(amounts: Sequence[StatedAmount], rules: Sequence[Rule]) -> list[StatedAmount]:
    """``amounts`` without the bases named as another kind than the rules pay on, when one is named as theirs ("trial
    budget RMB 25 million … the premium was RMB 420,000" under （十三）'s 实际缴纳保费: the premium; "A品种受托年产值3,860万，
    B品种6,420万": both, the second named by the first); all of them when none is named as theirs."""
    kinds = {kind for rule in rules for kind in base_kinds_of(rule)}
    if not any(a.role is AmountRole.BASE and a.base_kind in kinds for a in amounts):
        # (an output named is never an R&D spend, nor a premium: "年產值第一次突破10億" pays no 40% of R&D under （六）)
        exclusive = set(lexicon().exclusive_base_kinds)
        return [a for a in amounts if not (a.role is AmountRole.BASE and a.base_kind in exclusive
                                           and kinds & exclusive and a.base_kind not in kinds)]
    return [a for a in amounts if a.role is not AmountRole.BASE or not a.base_kind or a.base_kind in kinds]


UNNAMED_OR_BUDGET = ("", "budget")  # base kinds (understanding.yaml base_kinds) a fee-paid rule reads as its fee


def _bases(question: Question, rules: list[Rule], ask_text: str = "") -> list[Decimal]:
    """Amounts in yuan that are bases for these rules: fees for fee-based rules, spend for the rest. An amount
    in another currency ("US$800,000") is none: the sources set no exchange rate (``Facts.base_foreign`` tells it).

    When the ask's own words state amounts ("海外的保费200万…？国内的保费60万呢？"), only those.
    """
    fee_based = any(rule.fee_base for rule in rules)
    stated = [a for a in question.facts.amounts if a.currency == CNY]
    own = [a for a in stated if a.text.lower() in ask_text]
    amounts = named_as_rule_base(own or list(stated), rules)
    fees = [a.yuan for a in amounts if a.role is AmountRole.FEE]
    spend = [a.yuan for a in amounts if a.role is AmountRole.BASE]
    fee_rules = [rule for rule in rules if rule.fee_base]
    if fee_based and fees and spend and len(fees) == len(fee_rules) and len(spend) == len(rules) - len(fee_rules):
        # "(a) … R&D spend was RMB 28M. (b) … adviser fees RMB 13M": each rule its own kind of base, in the rules' order
        each_fee, each_spend = iter(fees), iter(spend)
        return [next(each_fee) if rule.fee_base else next(each_spend) for rule in rules]
    if fee_based and fees and len(fee_rules) == len(rules):
        # "MEDICA, budget EUR 40,000 (…); Arab Health, USD 8,000 (…); and a Singapore congress budgeted at RMB 80k": of
        # rules paid on a fee only, an amount named as no other kind of base is a fee too, each in its place
        fees = [a.yuan for a in amounts if a.role is AmountRole.FEE
                or (a.role is AmountRole.BASE and a.base_kind in UNNAMED_OR_BUDGET)]
    if fee_based:
        return fees or spend
    return spend
