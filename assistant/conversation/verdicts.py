"""Eligibility verdicts over stated facts: whether the facts a conversation states meet a rule's or a measure's
conditions (``rules/awards.yaml`` + ``eligibility.yaml``), which condition decides, and which alternative rule
applies instead.

``Verdicts(book, catalogue)``; the planner asks it for each eligibility and award step. Nothing here finds
articles or writes words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from assistant.conversation.currency import threshold_input
from assistant.conversation.plan_records import DOCUMENT_TERM, Eligibility, Verdict
from assistant.conversation.question import REGISTRATION_UNSAID, AmountRole, Ask, AskKind, Facts, Question
from assistant.conversation.slots import AwardRequest, read_award
from assistant.conversation.understand import PROJECT_BASE_KINDS, asks_yes_or_no, has_word, lexicon
from assistant.rules.book import Rule, RuleBook
from assistant.rules.calculator import are_alternatives
from assistant.rules.eligibility import ConditionCheck, ConditionEvaluator, ConditionState, condition_rules
from index.articles import Article
from index.documents import Catalogue

SEAT_FACTS = frozenset({"registered"})  # where the asker is registered says nothing of which measure its case is
ASKER_FACTS = ("related_party", "applicant_role", "entity_type", "registered", "registration_applicant")  # facts of a turn that may meet one condition
REGISTERED = "registered_in_shanghai"  # the policy's scope: the one condition of a measure without award rules


def fixed_alternatives(candidates: Sequence[Rule]) -> bool:
    """Whether ``candidates`` are alternative ceilings that take no base (the guarantee ceilings by the size)."""
    return bool(candidates) and all(rule.rate is None for rule in candidates) and are_alternatives(list(candidates))


def figures_wanted(question: Question, candidates: Sequence[Rule]) -> list[Decimal]:
    """The figures the asker wants ("想拿满3000万", "能拿800万那部分吗"); for alternative ceilings that take no base (the
    guarantee ceilings), any figure it states ("担保能到2000万吗")."""
    fixed = fixed_alternatives(candidates)
    return [a.yuan for a in question.facts.amounts
            if a.role in {AmountRole.DESIRED, AmountRole.CLAIMED} or (fixed and a.role is AmountRole.BASE)]


def _named_by_figure(text: str, rule: Rule, wanted: Sequence[Decimal]) -> bool:
    """Whether an ask (lower case) names ``rule`` by its own figures: its rate ("the 40% top-up") or its ceiling
    as the figure wanted ("能拿800万那部分吗")."""
    rate = f"{(rule.rate * 100).normalize():f}%" if rule.rate is not None else ""
    return bool(rate and rate in text.replace("％", "%")) or rule.cap_yuan in wanted


def _yes_no_clause_first(own_words: str) -> bool:
    """Whether an amount ask (lower case) asks a yes/no of its own before the figure it asks ("can we get the global
    registration support, and how much", "想问我们这个能不能拿这笔钱，能拿的话大概多少"): the yes leads, so it waits as one."""
    # (the words opening a sentence, "ok and once we get the certificate…, how much on top of that", ask nothing: the
    # clause after them must ask the yes itself)
    clauses = [lexicon().discourse_opening.sub("", c) for c in YES_NO_THEN_AMOUNT.split(own_words)]
    clauses = [c for c in clauses if len(c.strip()) > 3]
    quantity = [has_word(c, lexicon().quantity_words) or bool(lexicon().figure_of_it.match(c)) for c in clauses]
    return any(asks_yes_or_no(c) and not quantity[i] and any(quantity[i + 1:]) for i, c in enumerate(clauses))


YES_NO_THEN_AMOUNT = re.compile(r"[，,；;？?]")
CONDITIONS_UNLISTED = "conditions_unlisted"  # ``eligibility.yaml``: "符合条件的…" with no conditions listed


class Verdicts:
    """The verdicts of one rule book's conditions on the facts a question states; ``catalogue`` gives the
    policy's term."""

    def __init__(self, book: RuleBook, catalogue: Catalogue) -> None:
        self.book = book
        self.catalogue = catalogue

    def open_to_case(self, question: Question, measure: str) -> bool:
        """Whether some rule of ``measure`` (one named to apply instead of another) has no condition the stated facts
        contradict: a domestic trial points from （十二） to （五）, unless the product is a device, which （五） is not for."""
        values, _ = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        return any(evaluator.first_failure(rule, values) is None for rule in self.book.for_measure(measure))

    def other_rule(self, question: Question, measure: str, rule: Rule) -> Eligibility | None:
        """``rule``'s verdict when the asker's facts decide it or leave it waiting for a fact of the case:
        unknown, naming the facts it waits for (where the asker is registered aside), or eligible when a fact
        of the case meets one of its conditions; None when a fact contradicts it or nothing stated bears on it."""
        values, _ = self.fact_values(question)
        described = condition_rules().conditions
        evaluator = ConditionEvaluator(self.book)
        checks = evaluator.judge(rule, values)
        if any(c.state is ConditionState.FAILED for c in checks) or set(rule.conditions) & set(self.unmet(question)):
            return None
        waiting = next((c for c in checks if c.state is ConditionState.UNKNOWN and set(c.missing) - SEAT_FACTS), None)
        if waiting is not None:
            return Eligibility(Verdict.UNKNOWN, measure, rule, waiting.condition_id,
                               missing=tuple(f for f in waiting.missing if f not in SEAT_FACTS))
        met = next((c for c in checks if c.state is ConditionState.MET and c.condition_id in described
                    and set(described[c.condition_id].holds_if) - SEAT_FACTS and evaluator.stated_meet(c.condition_id, values)), None)
        return Eligibility(Verdict.ELIGIBLE, measure, rule, met=met.condition_id) if met is not None else None

    def rules_verdict(self, question: Question, measure: str, rules: Sequence[Rule]) -> Eligibility:
        """Not eligible when a stated fact (this turn's or an earlier one's) contradicts a condition of a
        candidate rule; unknown when who the asker is leaves one open (``open_if``: "我们是医院" and （五）'s
        注册申请人), naming the facts that decide it, or when a fact never presumed is unsaid (``stated_only``: the
        drug's class); else eligible."""
        facts = question.conversation_facts
        values, by_range = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        denied = self.unmet(question)
        open_rules = [rule for rule in rules if not set(condition_rules().of_rule(rule)) & set(denied)]
        if open_rules and len(open_rules) < len(rules) and (facts.item_count or 0) <= 1:
            # "进了特别审查程序，还没拿到注册证，现在能申请吗": the top-up waits for the registration, the 300万 does not
            # (of two products counted, the one a denied condition fails is its own item's no: "…B是委托苏州的工厂生产的")
            rules = open_rules
        for candidate in rules:
            failed = evaluator.first_failure(candidate, values)
            if failed is not None and failed.condition_id == REGISTERED:
                # "registered in Hangzhou … its product is in Zhejiang's special review": the policy's scope fails first
                return Eligibility(Verdict.NOT_ELIGIBLE, measure, candidate, REGISTERED, usd_by_range=by_range)
            unmet = next((cid for cid in condition_rules().of_rule(candidate) if cid in denied), None)
            if unmet is not None:  # the asker says the condition is not met ("还没进入特别审查程序", "只做研发")
                # a condition on who applies, denied by a kind that said what it is ("我们是CRO，只做研发"): its measures follow
                return Eligibility(Verdict.NOT_ELIGIBLE, measure, candidate, unmet,
                                   condition_rules().conditions[unmet].instead_if_unmet if unmet in condition_rules().conditions
                                   else "", fact="entity_type" if facts.entity_type and self._on_who_applies(unmet) else "")
            if failed is not None:
                return Eligibility(Verdict.NOT_ELIGIBLE, measure, candidate, failed.condition_id, failed.instead,
                                   usd_by_range=by_range, fact=failed.fact)
        only = rules[0] if len(rules) == 1 else None
        checks = evaluator.judge(rules[0], values) if rules else []
        doubted = next((c.condition_id for c in checks if c.condition_id in facts.unsure), None)
        if doubted is not None:
            # "记不清是创新医疗器械特别审查还是别的优先审批，能拿那300万吗": the fact the asker is unsure of decides
            return Eligibility(Verdict.UNKNOWN, measure, only, doubted, usd_by_range=by_range)
        opened = next((c for c in checks if c.opened_by), None)
        if opened is not None:  # "我们是医院，能申请（五）吗": whether it is the registration applicant decides
            return Eligibility(Verdict.UNKNOWN, measure, only, opened.condition_id, usd_by_range=by_range,
                               fact=opened.opened_by, missing=opened.missing)
        if values.get("registered") == REGISTRATION_UNSAID and any(c.condition_id == REGISTERED for c in checks):
            # "来电人没说客户公司注册在哪儿": the scope's condition waits for where the asker is registered
            return Eligibility(Verdict.UNKNOWN, measure, only, REGISTERED, usd_by_range=by_range, missing=("registered",))
        described = condition_rules().conditions
        unsaid = next((c for c in checks if c.condition_id in described
                       and set(c.missing) & set(described[c.condition_id].stated_only)), None)
        if unsaid is not None and (only is not None or (not _tells_case(facts) and all(any(
                c.condition_id == unsaid.condition_id and c.state is ConditionState.UNKNOWN for c in evaluator.judge(rule, values))
                for rule in rules[1:]))):
            # "CAR-T…能拿那个1500万吗", "做细胞治疗的初创公司，能申请吗": whether it is a 1类新药 is not said (of every rule,
            # by an asker telling nothing of its case: one telling where it is registered and what it has run is taken
            # at its word)
            return Eligibility(Verdict.UNKNOWN, measure, only, unsaid.condition_id)
        holds = self._held_elsewhere(checks, measure, values) if only is not None else ()
        # "1类新药确证性临床刚做完，我们能拿吗": a yes on what was said, with what was not said still to meet
        pending = tuple(c.condition_id for c in checks if c.state in {ConditionState.UNKNOWN, ConditionState.ASSESSED}
                        ) if only is not None else ()
        return Eligibility(Verdict.ELIGIBLE, measure, only, usd_by_range=by_range, holds=holds, pending=pending)

    def awaited(self, question: Question, ask: Ask, request: AwardRequest) -> Eligibility | None:
        """A no for a yes/no on one rule whose condition the asker says is unmet; an "it depends" for a yes/no on one
        rule (asked as such, or as a figure wanted: "能拿那个最高800万的吗")
        whose condition marked ``awaited`` (``eligibility.yaml``) the conversation has not stated met: unknown,
        naming the fact it waits for; None otherwise, and when an alternative ceiling of the measure (the same
        measure's other guarantee ceiling) applies whatever that fact, unless a figure wanted is above it. The rule
        is the one the ask names, else the one whose ceiling is the figure wanted."""
        if has_word(ask.text.lower(), lexicon().claim_check):
            return None  # "据说CMO每个品种最多能补600万，是这样吗？" asks whether the figure is right: it is put right
        own_words = ask.own_words.lower()
        # "Can it get the contract manufacturing support?": an amount asked only as a yes/no, with no spend stated and
        # no figure asked, waits all the same; "研发投入1200万，能不能拿研发投入40%那一笔？": a yes/no on the one rule its
        # own figure names waits, a spend stated or not; so does a yes of its own asked before the figure ("Can we get
        # the global registration support, and how much?"), the figure following as what it would give
        named = [rule for rule in dict.fromkeys(request.rules or request.candidates) if _named_by_figure(own_words, rule, ())]
        # ("这种算不算有投资关联？会不会影响我们申请受托生产那个补贴": the yes/no in a clause after the ask's own words)
        after = ask.text.lower().partition(own_words)[2] if own_words else ""
        yes_no = ((asks_yes_or_no(own_words) or (ask.kind is AskKind.ELIGIBILITY and asks_yes_or_no(after))) and (
            ask.kind is AskKind.ELIGIBILITY or (ask.yes_no and (
            len(named) == 1 or not question.facts.amounts_as(AmountRole.BASE)) and not has_word(own_words, lexicon().quantity_words)))) or (
            ask.kind is AskKind.AMOUNT and _yes_no_clause_first(own_words))
        # "中型企业，想申请3000万的担保，行不行": the guarantee asked of the ceiling the facts read is the figure wanted
        wanted = figures_wanted(question, request.candidates)
        rules = list(dict.fromkeys(request.rules)) or [r for r in request.candidates if r.cap_yuan in wanted]
        if not wanted and not yes_no:
            return None  # "产值4000万，能拿什么？" asks what it gets: computed, the condition noted
        values, _ = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        if len(rules) > 1:
            # "went through special review and just got its first registration certificate: can we claim the 40%
            # top-up?": of the items the case names, the one the ask names by its rate or ceiling
            rules = [rule for rule in rules if _named_by_figure(ask.own_words.lower(), rule, wanted)]
        if len(rules) != 1:
            return None
        denied = next((cid for cid in condition_rules().of_rule(rules[0]) if cid in self.unmet(question)), None)
        if denied is not None:  # "no registration certificate yet: is the 40% top-up open to us?": the rule named is a no
            return Eligibility(Verdict.NOT_ELIGIBLE, request.measure, rules[0], denied)
        if any(figure > rules[0].cap_yuan for figure in wanted):
            return None  # "中型企业，想担保4000万可以吗": above every ceiling, a no whatever the condition (the corrections)
        others = [other.cap_yuan for other in self.alternatives_to(rules[0]) if evaluator.first_failure(other, values) is None]
        if others and not any(figure > max(others) for figure in wanted):
            return None  # "中型企业能申请担保吗": the alternative ceiling applies either way; only a figure above it waits
        waiting = self._waiting(evaluator, rules[0], values)
        if waiting is None:
            return None
        # "海外权益授权出去了，能拿顾问费一半的补贴吗": the upfront payment and the parties' relation both wait, both named
        also = tuple(c.condition_id for c in self._all_waiting(evaluator, rules[0], values) if c != waiting)
        own, _ = self.fact_values(replace(question, earlier_facts=None))
        counted = has_word(ask.text.lower(), lexicon().counts_asked) and evaluator.stated_toward(waiting.condition_id, own)
        # "欧洲拿的是CE认证，也算吗": the regulator stated counts; the sale there is what the verdict still waits for
        return Eligibility(Verdict.UNKNOWN, request.measure, rules[0], waiting.condition_id,
                           missing=(condition_rules().conditions[waiting.condition_id].awaited,),
                           met=waiting.condition_id if counted else "", also_waiting=also)

    def every_rule_waiting(self, question: Question, request: AwardRequest) -> Eligibility | None:
        """When every rule of the measure asked waits for a fact the conversation has not stated (``awaited``): "it
        depends" on the first rule's waiting condition (（六）'s 特别审查程序, which its top-up needs as well); None
        when a rule waits for nothing, or none is read."""
        rules = list(dict.fromkeys(request.candidates))
        values, _ = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        waiting = [self._waiting(evaluator, rule, values) for rule in rules]
        first = waiting[0] if waiting else None
        if first is None or not all(waiting):
            return None
        return Eligibility(Verdict.UNKNOWN, request.measure, rules[0], first.condition_id,
                           missing=(condition_rules().conditions[first.condition_id].awaited,))

    @classmethod
    def _waiting(cls, evaluator: ConditionEvaluator, rule: Rule, values: dict[str, object]) -> ConditionCheck | None:
        """The first condition of ``rule`` still waiting for its ``awaited`` fact (``eligibility.yaml``), or None."""
        return next(iter(cls._all_waiting(evaluator, rule, values)), None)

    @staticmethod
    def _all_waiting(evaluator: ConditionEvaluator, rule: Rule, values: dict[str, object]) -> list[ConditionCheck]:
        """Every condition of ``rule`` still waiting for its ``awaited`` fact (``eligibility.yaml``), in the rule's order."""
        described = condition_rules().conditions
        return [c for c in evaluator.judge(rule, values)
                if c.state is ConditionState.UNKNOWN and c.condition_id in described
                and described[c.condition_id].awaited in c.missing]

    @staticmethod
    def _sentence_waiting(measure: str, sentence: str, evaluator: ConditionEvaluator,
                          values: dict[str, object]) -> ConditionCheck | None:
        """The first extra condition of ``measure`` whose quote ``sentence`` holds and which still waits for its
        ``awaited`` fact, or None (none, or no sentence)."""
        if not sentence:
            return None
        extras, described = condition_rules().extras, condition_rules().conditions
        return next((check for cid in condition_rules().of_measure(measure)
                     if extras[cid].quote in sentence and described[cid].awaited
                     and (check := evaluator.check(cid, values)).state is ConditionState.UNKNOWN
                     and described[cid].awaited in check.missing), None)

    @staticmethod
    def _on_who_applies(condition_id: str) -> bool:
        """Whether a condition (``eligibility.yaml``) is decided by the kind of entity that applies."""
        condition = condition_rules().conditions.get(condition_id)
        return condition is not None and any(
            "entity_type" in facts for facts in (condition.fails_if, condition.holds_if, condition.open_if))

    def _held_elsewhere(self, checks: Sequence[ConditionCheck], measure: str, values: dict[str, object]) -> tuple[str, ...]:
        """The conditions among ``checks`` that the stated ``values`` meet (``holds_if``) and that the measure's
        quote does not show: another article's (the scope's 在我市内登记注册, 民办非企业单位), or one marked
        ``quote_when_met`` (（三十六）'s regulators)."""
        evaluator = ConditionEvaluator(self.book)
        described = condition_rules().conditions
        return tuple(c.condition_id for c in checks if c.state is ConditionState.MET
                     and evaluator.stated_meet(c.condition_id, values)
                     and (self.condition_measure(c.condition_id) not in {None, measure}
                          or described[c.condition_id].quote_when_met))

    def condition_measure(self, condition_id: str) -> str | None:
        """The article key a condition's quote is from (``awards.yaml`` conditions; an extra condition's
        ``article``), None when it is the rule's own measure."""
        condition = self.book.conditions.get(condition_id)
        if condition is not None:
            return condition.measure
        extra = condition_rules().extras.get(condition_id)
        return extra.article if extra is not None else None

    def unmet(self, question: Question) -> tuple[str, ...]:
        """The conditions the conversation says are not met, less those this turn revises with a fact that meets
        them ("还没开始销售" … "那已经在美国卖了呢？": the product is now sold there)."""
        own = question.facts
        if question.earlier_facts is None:
            return own.unmet
        values, _ = self.fact_values(replace(question, earlier_facts=None))
        evaluator = ConditionEvaluator(self.book)
        return tuple(cid for cid in question.conversation_facts.unmet
                     if cid in own.unmet or not evaluator.stated_toward(cid, values))

    def stated_met(self, question: Question, rules: Sequence[Rule]) -> dict[str, bool]:
        """The conditions of ``rules`` the conversation's stated facts meet (``holds_if``), as calculator inputs
        ({condition id: True}): "我們是上海註冊的…" is not listed as still to meet, whichever of the rules is computed."""
        values = self.fact_values(question)[0]
        evaluator = ConditionEvaluator(self.book)
        return {c: True for rule in rules for c in rule.conditions if evaluator.stated_meet(c, values)}

    def fact_values(self, question: Question) -> tuple[dict[str, object], bool]:
        """The facts conditions read (``eligibility.yaml``'s names), from this turn and the earlier ones, and
        whether a dollar amount met or missed a threshold at every plausible rate."""
        facts = question.conversation_facts
        values: dict[str, object] = {
            "drug_class": facts.drug_class,
            "trial_location": facts.trial_location,
            "registered": facts.registered,
            "related_party": facts.related_party,
            "applicant_role": facts.applicant_role,
            "enterprise_size": facts.enterprise_size,
            "entity_type": facts.entity_type,
            "entity_denied": facts.entity_denied,
            "registration_applicant": facts.registration_applicant,
            "sold_locally": facts.sold_abroad,
            "regulator": facts.regulator,
            "clients": facts.clients,
            "cro_stage": facts.cro_stage,
            "work": facts.work,
            "device_class": facts.device_class,
            # what the stated base is, when every base amount of the turn names the same kind ("RMB 300m capex"); a
            # project's total beside its new investment, and its land, name one project ("项目总投资3.2亿，里面土地款4000万，
            # 经核定的新增投资是2.6亿": its new investment)
            "base_kind": _one_kind({a.base_kind for a in facts.amounts_as(AmountRole.BASE)}),
        }
        if values["base_kind"] == "":
            values["base_kind"] = None
        if facts.device and facts.drug_class is None:
            values["drug_class"] = None
        # the product the case is about, when only one kind is named ("we're a medical device company…")
        values["product_kind"] = ("device" if facts.device and facts.drug_class is None
                                  else "drug" if facts.drug_class is not None and not facts.device else None)
        described = condition_rules().conditions
        for condition_id in facts.met:  # "进了特别审查程序": the fact a yes/no waits for is stated, with the value that meets it
            awaited = described[condition_id].awaited if condition_id in described else ""
            if awaited and values.get(awaited) is None:
                values[awaited] = described[condition_id].holds_if.get(awaited, ("true",))[0]
        # Amounts stated with their role are the inputs of threshold conditions (upfront_yuan …); a dollar
        # amount only when every plausible rate gives the same outcome (currency.py)
        by_range = False
        straddled: set[str] = set()
        for amount in facts.amounts:
            name = f"{amount.role.value}_yuan"
            threshold = self._threshold(name)
            given = threshold_input(amount, threshold)
            if given.yuan is not None:
                before = values.get(name)
                if (amount.ranged and threshold is not None and isinstance(before, Decimal)
                        and (before >= threshold) != (given.yuan >= threshold)):
                    straddled.add(name)  # "首付款可能在8000万到1.5亿元之间": the range straddles the threshold
                values[name] = given.yuan
                by_range = by_range or given.by_range
        for name in straddled:
            del values[name]  # undecided: the verdict waits for the figure
        return values, by_range

    def met_now(self, question: Question, rule: Rule) -> str:
        """The first condition of ``rule`` that a fact this turn states (not an earlier one) meets; "" when none."""
        own, facts = question.facts, question.conversation_facts
        values: dict[str, object] = {name: getattr(facts, name) for name in ASKER_FACTS}
        stated = {name for name in ASKER_FACTS if getattr(own, name) is not None}
        conditions = condition_rules().conditions
        return next((check.condition_id for check in ConditionEvaluator(self.book).judge(rule, values)
                     if check.state is ConditionState.MET and check.condition_id in conditions
                     and stated & set(conditions[check.condition_id].holds_if)), "")

    def alternatives_by_size(self, question: Question, request: AwardRequest) -> list[Rule]:
        """The measure's other ceilings that apply in place of the one rule asked by the enterprise's size, when
        that rule's conditions read a size the conversation has not stated (（二十九）: 2000万 for 中小微,
        3000万 for a qualified 中型); none otherwise."""
        if len(request.rules) != 1 or question.conversation_facts.enterprise_size is not None:
            return []
        rule = request.rules[0]
        if not condition_rules().reads(rule, "enterprise_size"):
            return []
        return self.alternatives_to(rule)

    def alternatives_to(self, rule: Rule) -> list[Rule]:
        """The rules of ``rule``'s measure that are its alternatives (one ceiling or the other by the kind of
        enterprise, ``are_alternatives``), in the measure's order."""
        return [other for other in self.book.for_measure(rule.measure) if other.id != rule.id and are_alternatives([rule, other])]

    def alternative_wanted(self, question: Question, request: AwardRequest) -> Rule | None:
        """The rule whose ceiling is the figure the asker wants: of a measure's alternative ceilings (``are_alternatives``)
        when the rules read from the words are another one or none ("担保能到2000万吗", "能申请3000万的担保额度吗"); of
        several items read, that one ("能申请（十二）海外临床那2000万吗"); None otherwise."""
        wanted = figures_wanted(question, request.candidates)
        named = [rule for rule in dict.fromkeys(request.candidates) if rule.cap_yuan in wanted]
        if len(named) != 1 or request.rules == named:
            return None
        if not are_alternatives(list(request.candidates)):
            # "能申请（十二）海外临床那2000万吗": of the items read, the one whose ceiling is the figure wanted (a
            # total asked is of every item: "三个都拿那300万，再加上刚才那个800万，一共多少")
            return named[0] if named[0] in request.rules and not question.asks_total else None
        return named[0] if all(rule in self.alternatives_to(named[0]) for rule in request.rules) else None

    def fitting_alternative(self, question: Question, rules: Sequence[Rule]) -> Rule | None:
        """Of several alternative ceilings (one or the other by the kind of enterprise, ``are_alternatives``),
        the one the stated facts decide: the only one no fact contradicts, or, when the facts meet every
        condition of each one left, the highest (a qualified 中型 enterprise is 中小微 too, and its ceiling is
        raised to 3000万); None when they are no alternatives, an amount is stated (it is judged against each),
        or the facts leave one open."""
        if not are_alternatives(list(rules)) or question.facts.amounts:
            return None  # "申请一笔3000万的担保能做到吗": the amount asked about is judged against each ceiling
        values, _ = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        denied = self.unmet(question)
        left = [rule for rule in dict.fromkeys(rules) if not set(condition_rules().of_rule(rule)) & set(denied)
                and evaluator.first_failure(rule, values) is None]
        if len(left) == 1:
            return left[0]
        decided = all(check.state is ConditionState.MET or check.condition_id == REGISTERED
                      for rule in left for check in evaluator.judge(rule, values))
        return max(left, key=lambda rule: rule.cap_yuan) if left and decided else None

    def rule_the_case_describes(self, question: Question, request: AwardRequest) -> Rule | None:
        """Of a measure's several rules none of which the words name, the one whose condition the stated facts
        speak to (a fact with a value that meets it, where the asker is registered aside): the sale abroad of
        （三十六）'s registration rule, not its licensing rule; None when no rule or more than one is so described."""
        candidates = list(dict.fromkeys(request.candidates))
        if len(candidates) < 2:
            return None
        values, _ = self.fact_values(question)
        case = {name: value for name, value in values.items() if name not in SEAT_FACTS}
        evaluator = ConditionEvaluator(self.book)
        told = [rule for rule in candidates if any(evaluator.stated_toward(cid, case) for cid in condition_rules().of_rule(rule))]
        return told[0] if len(told) == 1 else None

    def alternative(self, question: Question, measure: str, failed: Eligibility) -> Rule | None:
        """The rule of the same measure that applies in place of the failed one: its alternative (one
        ceiling or the other by the kind of enterprise, see ``are_alternatives``) with no stated fact
        against it and a fixed ceiling, else None."""
        if failed.rule is None:
            return None
        for other in self.alternatives_to(failed.rule):
            if other.rate is not None:
                continue
            if self.rules_verdict(question, measure, [other]).verdict is not Verdict.NOT_ELIGIBLE:
                return other
        return None

    def rule_that_applies(self, question: Question, ask: Ask, failed_measure: str) -> Rule | None:
        """After a "no": the rule of another measure whose conditions the asker's own facts meet, or None.

        Each other measure's rule is read from the ask as for that measure (its stage, its product), else, when
        the ask names none of its rules, the one rule of the measure the facts alone single out; it applies
        when none of its conditions is contradicted or waits for a fact, the asker says none is unmet, and at
        least one is met by a fact about the case itself (what it is, where the trial runs, who applies, where
        it is sold, not only where the asker is registered). The best is the one with most conditions so met,
        then the highest ceiling."""
        values, _ = self.fact_values(question)
        evaluator = ConditionEvaluator(self.book)
        described = condition_rules().conditions
        denied = self.unmet(question)
        # a follow-up supposing a case of its own ("What if the licensee is our own parent company?") is sent to a
        # measure only by what it says itself, not by an earlier turn's other case (that conversation's overseas trial)
        own = question.facts.states_subject() or question.facts.tells_case()
        own_values = self.fact_values(replace(question, earlier_facts=None))[0] if (
            own and question.earlier_facts is not None) else values

        def met_by_case(rule: Rule) -> int:
            """How many of ``rule``'s conditions facts of the case meet; 0 when one is unmet, failed or open."""
            if any(cid in denied for cid in rule.conditions):
                return 0
            checks = evaluator.judge(rule, values)
            if any(c.state in {ConditionState.FAILED, ConditionState.UNKNOWN} for c in checks):
                return 0
            return sum(1 for c in checks if c.state is ConditionState.MET and c.condition_id in described
                       and set(described[c.condition_id].holds_if) - SEAT_FACTS and evaluator.stated_meet(c.condition_id, own_values))

        best: tuple[int, Decimal, Rule] | None = None
        for measure in dict.fromkeys(rule.measure for rule in self.book.rules):
            if measure == failed_measure:
                continue
            read = read_award(question, measure, self.book, None, ask.text.lower())
            rules = list(dict.fromkeys(read.rules))
            if not rules:  # "CE mark, selling in Germany": of （三十六）'s rules, the one those facts meet
                rules = [rule for rule in dict.fromkeys(read.candidates) if met_by_case(rule)]
            if len(rules) != 1:
                continue
            met = met_by_case(rules[0])
            if met and (best is None or (met, rules[0].cap_yuan) > best[:2]):
                best = (met, rules[0].cap_yuan, rules[0])
        return best[2] if best is not None else None

    def _threshold(self, input_name: str) -> Decimal | None:
        """The least yuan a threshold condition reading ``input_name`` asks for (None: no such condition)."""
        minimums = [c.min_yuan for c in self.book.conditions.values() if c.input == input_name and c.min_yuan is not None]
        return Decimal(min(minimums)) if minimums else None

    def after_term(self, question: Question) -> bool:
        """Whether the case happens in a month after the policy's term ends ("预计2029年10月才能拿证")."""
        return self.month_against_term(question) > 0

    def month_against_term(self, question: Question) -> int:
        """Where the month the conversation states for the case falls against the policy's term: -1 before its
        start ("2024年5月的投入"), 1 after its end ("2029年底", a year alone wholly after it: "2030年完成"), 0 inside it
        or when no month (or no bound) is known, or a year alone straddles a bound."""
        document = self.catalogue.get(self.book.document)
        return question.conversation_facts.event_against(document.valid_from, document.valid_to) or 0

    def measure_verdict(self, question: Question, article: Article, sentence: str = "") -> Eligibility:
        """A measure with no award rules: eligible unless the asker is registered elsewhere, the case happens
        after the policy's term, or a stated fact contradicts who the measure names (``eligibility.yaml`` extra
        conditions with ``measures``); a registration in Shanghai stated is the scope's condition met. Unknown,
        naming the fact it waits for, when ``sentence`` (the one answering the ask) holds the quote of such a
        condition marked ``awaited`` that the conversation has not stated met (（三十四）'s pilot in the free trade zone)."""
        if article.doc_id == self.book.document and self.after_term(question):
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, DOCUMENT_TERM)
        values = self.fact_values(question)[0]
        evaluator = ConditionEvaluator(self.book)
        scope = evaluator.check(REGISTERED, values)
        if scope.state is ConditionState.FAILED and not lexicon().thing_yes_no.search(question.text.lower()):
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, REGISTERED)
        if values.get("registered") == REGISTRATION_UNSAID and article.doc_id == self.book.document:
            return Eligibility(Verdict.UNKNOWN, article.key, None, REGISTERED, missing=("registered",))
        if article.doc_id != self.book.document:
            return Eligibility(Verdict.UNKNOWN, article.key)
        checks = [evaluator.check(cid, values) for cid in condition_rules().of_measure(str(article.key))]
        failed = next((check for check in checks if check.state is ConditionState.FAILED), None)
        if failed is not None:  # "我们是药企，能申请研究者发起的临床研究支持吗": who takes part is named
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, failed.condition_id, failed.instead, fact=failed.fact)
        extras, denied = condition_rules().extras, self.unmet(question)
        unmet = next((cid for cid in condition_rules().of_measure(str(article.key))
                      if cid in denied and sentence and extras[cid].quote in sentence), None)
        if unmet is not None:  # "不在自贸区，能参加基因诊断与治疗的开放试点吗": the asker says the pilot's zone is not where it sits
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, unmet)
        waiting = self._sentence_waiting(str(article.key), sentence, evaluator, values)
        if waiting is not None:  # "can a foreign-owned company join the gene therapy pilot?": where it sits decides
            return Eligibility(Verdict.UNKNOWN, article.key, None, waiting.condition_id,
                               missing=(condition_rules().conditions[waiting.condition_id].awaited,))
        rules = self.book.for_measure(str(article.key)) if article.doc_id == self.book.document else ()
        failures = [evaluator.first_failure(rule, values) for rule in rules]
        if failures and all(failures) and failures[0] is not None:
            # "We're a medical device company: can we apply for the class 1 new drug support?": a stated fact fails
            # every rule of the measure and sends the case to another measure, which follows; "我们是委托方，自己能申请吗"
            # of （二十四）: the role fails every rule, whether or not another measure takes the case
            return Eligibility(Verdict.NOT_ELIGIBLE, article.key, None, failures[0].condition_id, failures[0].instead,
                               fact=failures[0].fact)
        doubted = next((cid for rule in rules for cid in rule.conditions if cid in question.conversation_facts.unsure), None)
        if doubted is not None:  # "我也记不清是创新医疗器械特别审查还是别的优先审批，能拿那300万吗": that fact decides
            return Eligibility(Verdict.UNKNOWN, article.key, None, doubted)
        judged = next((check for check in checks if check.state is ConditionState.ASSESSED), None)
        if judged is not None:  # "销售额第一次过了10个亿，这算不算重磅产品": a threshold the text never sets is the departments' to judge
            return Eligibility(Verdict.UNKNOWN, article.key, None, judged.condition_id)
        unlisted = condition_rules().extras[CONDITIONS_UNLISTED]
        if sentence and unlisted.quote in sentence and lexicon().sufficiency_asked.search(question.text.lower()):
            # "新政里说要把药店纳入双通道范围，我们门店都有执业药师也有冷链，这样够格了吗？": "符合条件的药店" lists no
            # conditions; whether the case's attributes are enough is the departments' to decide
            return Eligibility(Verdict.UNKNOWN, article.key, None, CONDITIONS_UNLISTED)
        return Eligibility(Verdict.ELIGIBLE, article.key, holds=self._held_elsewhere([scope], str(article.key), values))


def _tells_case(facts: Facts) -> bool:
    """Whether ``facts`` tell something of the asker's case beyond what it is: where it is registered, where its
    trial runs, whether it holds the registration, an amount."""
    return bool(facts.registered or facts.trial_location or facts.registration_applicant is not None or facts.amounts)


UNPAID_KINDS = {"land"}  # base kinds no rule pays on, told beside a project's investment


def _one_kind(kinds: set[str]) -> str | None:
    """The one kind of base ``kinds`` (``understanding.yaml`` base_kinds) name: a project's new and total investment are
    its new investment, and land told beside them is no kind of its own; None when the kinds differ otherwise."""
    if kinds - UNPAID_KINDS and kinds - UNPAID_KINDS <= PROJECT_BASE_KINDS:
        kinds = {"new_investment"} if "new_investment" in kinds else kinds - UNPAID_KINDS
    return kinds.pop() if len(kinds) == 1 else None

