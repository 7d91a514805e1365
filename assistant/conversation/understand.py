"""Understanding a turn: normalise once, then read the asks, the facts with their roles, the document.

``understand(message, current_document, catalogue) -> Question``. Word lists and patterns live in
``data/understanding.yaml``; money is read by ``assistant.amounts``.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import cn2an

from assistant.amounts import OTHER_MARKS, USD_MARKS, FoundAmount, currency_marks, find_amounts
from assistant.conversation.currency import at_foreign_rates, at_stated_rate, foreign_code, stated_rate, usd_range
from assistant.conversation.places import fold, places_abroad
from assistant.conversation.premise import asks_to_confirm, stated_duration
from assistant.conversation.question import (
    CNY,
    OTHER_CURRENCY,
    REGISTRATION_UNSAID,
    RELATION_CONDITIONS,
    USD,
    AmountRole,
    Ask,
    AskKind,
    Facts,
    Question,
    StatedAmount,
)
from assistant.conversation.spelling import written
from assistant.events import names_event
from assistant.language import Language, detect_language, in_script
from assistant.query import IGNORECASE_LETTERS
from index.documents import Catalogue, Document, DocumentKind
from index.normalise import normalise
from index.tokens import tokenize
from index.yaml_data import read_yaml_once

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "understanding.yaml"
SCOPE_PATH = DATA_PATH.with_name("scope.yaml")
PLACE_SUFFIXES = ("市", "省", "县", "州", "自治区")
AWARD_KINDS = {AskKind.AMOUNT, AskKind.REQUIRED_BASE, AskKind.ELIGIBILITY}
VERDICT_WITH_AMOUNT = {AskKind.AMOUNT, AskKind.ELIGIBILITY}  # one award question however its clauses are cut
# question words ASKING_WORDS leaves out, for a part of a clause (十几 says "a dozen or so": "做商业化生产十几年了")
PART_QUESTION = re.compile(r"谁|(?<!十)几|多久|多长|多少天|哪天|哪一天|哪年|哪一年|何时|[吗呢么]$")
COMMA = re.compile(r"[，,](?![^（(]*[）)])")  # a comma outside brackets
CONTACT = "contact"  # the detail (understanding.yaml details) of a contact's name, phone or address
WHICH_DOCUMENT = "which_document"  # a validity ask's detail: which document to go by now
ISSUED = "issued"  # a validity ask's detail: the document's issue (date, 文号, issuer), not its term
MONEY_FIGURE = "money"  # a figure ask's detail (understanding.yaml figure_asks): a sum of money stated in 亿元, 万元
COUNT_FIGURE = "count"  # a figure ask's detail: a number of things (家, 个, 项 …)
POINTER_MAX_CHARS = 24  # a clause pointing back is short: longer ones bring a topic of their own
POINTER_MAX_CHARS_LATIN = 72  # the same for English words
SENTENCE_CACHE_SIZE = 1024  # messages whose sentences are kept (a turn cuts its message more than once)
MATCHERS_KEPT = 4096  # word tuples whose matcher is found by identity (the lexicon's lists: a few hundred)
READ_CACHE_SIZE = 2048  # messages kept read (``_read_kept``): a conversation's latest turn is read again by its next
NEGATION_WINDOW = 40  # characters before a condition's topic word where a negation denies it
NEGATION_WINDOW_LATIN = 64  # the same in English, whose words are longer ("never went through any innovative-device special review")
ROLE_WINDOW = 30  # characters before an amount that decide its role (role patterns stop at a clause end)
CHINESE_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
STAGE_WORD = re.compile(r"[iv]+期")  # a stage as normalisation writes it ("iii期"), a word of the rules' triggers
NORMALISED_PHASE = re.compile(r"(?<![a-z])i{1,3}期", re.IGNORECASE)  # "Phase II" as normalisation writes it: II期
ROLE_WINDOW_LATIN = 48  # the same in English, whose words are longer ("we hope to get the full award of RMB")
ROLE_WINDOW_FAR = 100  # characters before an amount a role word further back in its clause is read over (``upfront_far``)
BASE_KIND_AFTER = 24  # characters after a base amount where what it is may be named ("RMB 300m capex", "RMB 200m of new investment")
CLAIM_WINDOW = 24  # characters before an amount in which a hearsay word ("听说") makes it a claimed figure
CLAIM_WINDOW_LATIN = 64  # the same in English ("we heard the CRO measure gives up to RMB")
QUESTION_WORDS = re.compile(r"(什么|哪些|哪个|哪里|怎么|如何|是否|多少|多久|多长时间|(?<!十)几|何时|有没有|是不是|有无|"
                            r"\b(?:what|which|how|when|where|why|is there|are there|does|do|can)\b)")
CITATION_MARKER = re.compile(r"\[[^\]]*\]")
# (a request in the imperative asks too: "请测算…最高支持金额", "麻烦把苏州工业园区…列一下", "please calculate …")
ASKING_WORDS = re.compile(r"什么|哪些|哪个|哪里|怎么|怎样|如何|是否|多少|有没有|是不是|能不能|可不可以|能否|可否|"
                          r"(?:请|烦请|麻烦)(?:您|你)?(?:帮忙|帮我)?(?:测算|计算|核算|算一下|列一下|列出|告知|把)|"
                          r"\bplease (?:calculate|compute|list|tell|confirm)\b|"
                          r"\b(?:what|which|how|when|where|why|who|whether)\b|^\s*(?:is|are|does|do|did|can|could|may|would|will|should)\b",
                          re.IGNORECASE)
# ", and is there …", ", can we …": a question opening with its verb also lists a question of its own
# (", and what's …"; a run-on "… and whats the per-project max …" (written "what's") with no comma too; ", and separately, …")
LISTED_QUESTION = re.compile(r",\s*(?:and\s+|or\s+)?(?=(?:how|what|which|when|where|who)\b|(?:is|are|does|do|can|could|will|"
                             r"would|should)\s+(?:there|it|we|they|i|our|this|that|these|those|the|a|an)\b)|"
                             r"\s+and\s+(?=(?:what'?s|what\s+is|how\s+(?:much|long|many)|is\s+there|are\s+there|is\s+the|is\s+it)\s)|"
                             r",\s*and\s+(?:separately|secondly|also|another thing)\s*,\s*",
                             re.IGNORECASE)
# An English clause opening with a subordinating word and no inversion ("When a hospital lets …, what …") states
# the case of the question after it; "when is …", "when does …" ask.
CONDITION_OPENING = re.compile(r"^\s*(?:when|whenever|if|once|after|before|while|as soon as)\s+(?!(?:is|are|was|were|do|does|did|"
                               r"will|would|can|could|should|shall|may|might|must|has|have|had)\b)", re.IGNORECASE)
# "做注册的，想确认三个时限：1. …": a clause counting what follows and ending in a colon announces the asks, asks none
ANNOUNCING = re.compile(r"(?:几|两|兩|三|四|五|[2-5])\s*(?:个|個|件|点|點|项|項|条|條)[^，,。？?：:]{0,8}[:：]\s*$|"
                        r"\b(?:two|three|four|five|[2-5]|a few|several|couple of)\b[^,.?:]{0,30}:\s*$", re.IGNORECASE)
# "At the press conference where this policy was launched, what …": "where"/"when" after a noun relates, it asks nothing
RELATIVE_WH = re.compile(r"\b(?:the|a|an|this|that)\s+(?:[a-z'-]+\s+){0,3}?[a-z'-]+\s+(?:where|when)\b", re.IGNORECASE)
DEVICE_OWNER_REACH = 16  # characters before a device class within which words saying it is the asker's are read
ENGLISH_SENTENCE_END = re.compile(r"(?<=[^\s.。])\.\s+(?=[a-z])", re.IGNORECASE)  # after a word, a figure or a term put in Chinese ("ii期. could you")
CASE_MARK = re.compile(r"\bi{1,3}期|(?<![a-z])i{1,3}期|临床|试验|trial|phase|\d\s*(万|亿|元|million|billion)|rmb|usd|\$", re.IGNORECASE)
FEW_UNITS = "个|家|款|项|场|次|名|位|所|种|条|笔|篇|轮|批|本|台|套|件|例"  # the counters after 几 that say "a few" ("几所高校", "卖出去几台了")
# "参加几个展会", "建个年产几十吨的产业化基地": a few, or a few tens, when the sentence asks nothing
INDEFINITE_COUNT = re.compile(rf"几({FEW_UNITS})|几[十百千](?:{FEW_UNITS}|吨|台|亩|人|平方米|平米)?")
# "全放在上海几家三甲医院做", "跟几个课题组合作": 几家 inside a phrase of place or company says "some";
# "欧美日那几家监管机构": those few; neither asks a count ("要拿到几个批件": 到 ending a verb asks one)
SOME_SAID = re.compile(rf"(?:在|放在|放到|(?<![拿收得达找办要])到|去|跟|和|与|给|替|为)[^，,。；;？?几有是共哪了]{{0,6}}"
                       rf"几(?:{FEW_UNITS})|(?<![是有])[那这]几(?:个|家|款|项|场|次|名|位)")
# a department as the actor of the case told ("主管部门核定的新增投资", "经主管部门批准"): named, not asked for
DEPARTMENT_ACTED = re.compile(r"(?:部门|单位|机构)(?:已经?|已)?(?:核定|批准|认定|审核|审定|出具|确认|备案|立项|同意|批复)")
ORDINAL_ASKED = re.compile(r"第几")  # "知识产权那块是第几项任务": which item it is, no count
TOTAL_REACH = 4  # characters after a count where a total word ("两个加起来") makes it the count of the items discussed
# a count of companies ("这两家企业的补贴加在一起") may name them before its total word: a short phrase, no figure, no
# clause break, no "each"; a count of products or projects keeps the total word right after it ("这两个品种同一年合计"
# adds the products said, "我们有3个这种项目，总共" states three)
COUNTED_COMPANIES = re.compile(r"家[\u4e00-\u9fff]{0,12}")
COLON_END = re.compile(r"[:：]\s*$")  # words that end in a colon introduce what follows
# the words between an amount and the same amount restated in yuan in brackets: "USD 20 million (roughly RMB 140 million"
RESTATED = re.compile(r"\s*(?:美元|美金|欧元|日元|港元|港币|英镑|dollars?|euros?)?\s*[（(]\s*"
                      r"(?:roughly|about|approximately|approx\.?|around|i\.e\.|ca\.?|约合|约|折合|合|相当于|即)?\s*"
                      r"(?:人民币|rmb|cny)?\s*", re.IGNORECASE)
# a conversion into yuan said in words after an amount in another currency ("新台币1亿元，折合人民币约2300万", "HK$10
# million, i.e. about RMB 9.2 million")
CONVERTED_SAID = re.compile(r"\s*[,，]?\s*(?:折合|约合|换算成|换算下来|相当于|合|即|i\.e\.|which is|equivalent to)\s*(?:人民币|rmb|cny)?\s*"
                            r"(?:约|大约|大概|about|around|roughly|approximately)?\s*(?:人民币|rmb|cny)?\s*", re.IGNORECASE)
# the words between a yuan amount and the same amount restated in dollars in brackets: "RMB 90 mn (~USD 12.4m"
RESTATED_IN_DOLLARS = re.compile(r"\s*(?:元|人民币|yuan)?\s*[（(]\s*(?:~|≈|roughly|about|approximately|approx\.?|around|ca\.?|"
                                 r"约合|约|折合|合|相当于|即)?\s*(?:us\$|usd|\$|美元|美金)?\s*", re.IGNORECASE)
# "5000萬人民幣(約5,450萬港元)": a yuan figure said again in another currency than the dollar, in brackets
RESTATED_IN_OTHER = re.compile(r"\s*(?:元|人民币|yuan)?\s*[（(]\s*(?:~|≈|roughly|about|approximately|approx\.?|around|ca\.?|"
                               r"约合|约|折合|合|相当于|即)\s*(?:hk\$|nt\$|s\$|€|£|港币|港元|港纸|新台币|欧元|英镑|日元)?\s*", re.IGNORECASE)
# "RMB 1.5bn (the group board signed off SGD 280m, whatever)": a bracket opened right after a yuan figure, words but no
# figure before the amount in another currency inside it: the same figure as the asker's group counts it, no second base
BRACKETED_ASIDE = re.compile(r"\s*(?:元|人民币|yuan)?\s*[（(][^（()）\d]{0,40}", re.IGNORECASE)
RESTATED_RATIO = (Decimal("0.01"), Decimal(100))  # yuan per unit of any currency lies within this (the yen's to the euro's)
# understanding.yaml base_kinds a project's approved investment is named by (its new investment, its total)
PROJECT_BASE_KINDS = frozenset({"new_investment", "total_investment"})
CONVERSION_REACH = 60  # characters between a dollar amount and the yuan figure the asker converted it to
# "6万和20万", "一个经费8万，一个30万" (items named alike: the second is the first's kind)
LIST_JOINER = re.compile(r"\s*(?:元|人民币|元人民币)?\s*(?:和|与|及|、|,|，|/|and|or)\s*(?:另一个|另一场|另一项|一个|一场|一项|第二个|the other|another)?"
                         r"\s*(?:是|为|花了|costs?|is|was)?\s*(?:rmb|cny)?\s*", re.IGNORECASE)
LIST_END = re.compile(r"\s*(?:元|人民币|yuan)?\s*(?:[，,、。.;；？?!！:：]|(?:那|这|嗰)(?:条|个|档|项)|$)", re.IGNORECASE)  # the list ends with the amount
BARE_FIGURE_ASK = re.compile(r"(?:多少|几[个种家款项条]?)[?？]?$")  # "…、投保人数多少": a figure asked by its question word alone
COORDINATOR = re.compile(r"以及|和|与|及|、|(?<=[a-z\d])\s+and\s+", re.IGNORECASE)  # topics asked together ("A和B分别…")
EXHIBITION_WORK = "exhibition"  # Facts.work of a fee paid for a trade fair (eligibility.yaml)
# the end of a list of topics before the words asked of them all ("A、B这两条，", "A and B,")
LISTED_THEN_ASKED = re.compile(r"(?:(?:这|那)?(?:[两二三四几]|两个|三个)?(?:条|项|个|款|方面)?\s*)?[,，]\s*")
OWN_TOPIC_CHARACTERS = 4  # a part's words besides its ask words that make a topic of its own (Chinese characters; half in English words)
# "(2) Is there a yearly cap …", "②…": a list's number opening an ask marks it as an ask of its own, no topic
LIST_MARKER = re.compile(r"(?:^|(?<=[\s。.?？!！;；]))(?:[(（]\s*\d{1,2}\s*[)）]|[①-⑩])")
BRACKETED = re.compile(r"[（(][^）)]*[）)]")  # an aside in brackets
SEAT_LEAD = "是在于一家个间所"  # words a seat's place may be caught with before it ("在香港", "一家香港注册的")
CLAUSE_MARKS = "，,；;。"  # what ends a clause a forecast is said in, and the clause before it
ANOTHER_WORDS = "另外|此外|另一|还有一"  # the words saying something else is told besides what came before
ANOTHER_ITEM = re.compile(rf"{ANOTHER_WORDS}|\b(?:another|one more|in addition)\b")  # an item said besides those before
POINTED_AGAIN = re.compile(r"(?:这个|那个|这笔|那笔|这|那|该|\b(?:this|that|the same))\s*(?:rmb|￥|¥)?\s*$")  # "这个600万"
POINTED_REACH = 8  # characters before an amount searched for the word pointing at it again
# "，另外一个1类新药…", "，明年还想扩一个仓库先不算": another subject begins
OTHER_SUBJECT = re.compile(rf"[,，]\s*(?={ANOTHER_WORDS}|明年|后年|以后|将来|下一步)")
_read_cache: OrderedDict[tuple[str, int, int, int], tuple[Question, tuple[Any, Any, Any]]] = OrderedDict()
_read_lock = threading.Lock()
Matcher = tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]
_matchers: dict[int, tuple[tuple[str, ...], Matcher]] = {}
GREETINGS = ("你好", "您好", "在吗", "谢谢", "再见", "hello", "hi", "thanks", "thank you", "bye", "ok", "好的")


@dataclass(frozen=True)
class Detail:
    """A detail an ask can name: the words that ask it, the words (or figure units) that state it,
    and its name for the answer ({"zh": …, "en": …})."""

    asked: tuple[str, ...]
    stated: tuple[str, ...]
    topic: dict[str, str]


def _details(raw: dict[str, Any], stated_key: str) -> dict[str, Detail]:
    return {
        name: Detail(tuple(str(w).lower() for w in entry["asked"]), tuple(str(w).lower() for w in entry[stated_key]),
                     {str(k): str(v) for k, v in entry["topic"].items()})
        for name, entry in raw.items()
    }


@dataclass(frozen=True)
class _Lexicon:
    kinds: tuple[tuple[AskKind, tuple[str, ...]], ...]
    kind_patterns: dict[AskKind, re.Pattern[str]]
    clause_split: re.Pattern[str]
    purpose_tail: re.Pattern[str]  # "，我们好写进BP里": why the asker asks, closing a clause
    list_opening: re.Pattern[str]  # "几个问题：", "Three things:": the words announcing the asks, asking none
    text_quoted: re.Pattern[str]  # "听说", "文件里说": the words before the sources' own words retold
    numbered_ask: re.Pattern[str]  # "(1) … (2) …": the number before each ask, one of its groups the digit
    case_mark: re.Pattern[str]  # "一是…二是…": cases marked and then asked of together
    each_case_asked: re.Pattern[str]  # "分别能拿多少": an amount asked of each case numbered before it
    party_opening: re.Pattern[str]  # "A公司是做…": the party a listed case opens by naming
    ordinal_opening: re.Pattern[str]  # "Second, what … can we claim …?": a listed ask, on its own
    list_of_figures: re.Pattern[str]  # "Two numbers:": the announced asks are figures
    respectively: re.Pattern[str]
    difference_asked: re.Pattern[str]  # "A和B有什么区别": the things compared, each answered
    both_asked: re.Pattern[str]  # "联系人和电话是什么": two things under one what-ask, each answered
    compared_joiners: re.Pattern[str]  # the words joining the things compared
    comparison_asked: re.Pattern[str]  # "对比一下涨了多少": a comparison with what was asked before
    pointers: tuple[str, ...]
    forward_pointer: re.Pattern[str]  # "那这个呢：…": points at what follows it, not at what was discussed
    pointer_pattern: re.Pattern[str]  # "这方案", "这类支持", "the overseas one": a demonstrative before a noun
    same_article: re.Pattern[str]  # "in that same answer": the article just answered, however long the question
    department_ask_words: tuple[str, ...]  # "要跟哪个部门联系": what one does with a department, no topic
    full_awards_asked: re.Pattern[str]  # "一年最多几次能拿满额": how many items the annual cap lets reach their ceiling
    times_asked: re.Pattern[str]  # "一年最多能补几次展会": a count of occasions a year, which the text does not set
    at_ceiling_words: tuple[str, ...]  # "另外两个产品也都拿到顶": each product's awards at their ceilings
    similar_asked: tuple[str, ...]  # "something similar": the topic discussed, in another document
    document_pointers: tuple[str, ...]
    document_nouns: tuple[str, ...]
    city_document_words: tuple[str, ...]  # "市里的呢": the city's policy, not the district plan discussed
    first_turn: re.Pattern[str]  # "第一个问的那个": the conversation's first question
    return_words: tuple[str, ...]  # "再回到发布会": back to an earlier turn's document
    article_label: re.Pattern[str]  # "（二十）", "measure 20": a measure named by its label
    support_asks: tuple[str, ...]  # "能拿什么支持": what support is given
    granting_words: tuple[str, ...]  # "给予": the clause that grants the support
    document_pointer_pattern: re.Pattern[str]
    follow_up: tuple[str, ...]
    question_particles: tuple[str, ...]  # "吗", "呢": a clause ending in one asks
    each_asked: tuple[str, ...]  # "分别找哪个部门": an ask about every ask before it in the message
    each_turn_counts: tuple[tuple[int, re.Pattern[str]], ...]  # "这两件事分别找谁": how many last turns it asks of
    several_turns_max: int  # "这几件事分别…": the most last turns "several" counts back to
    comparison_asks: tuple[str, ...]  # "这两个数怎么对不上": the figures of the last turns compared
    earlier_version_compared: re.Pattern[str]  # "跟2021年那一版比": the policy compared with an earlier version of it
    same_speaker_asked: re.Pattern[str]  # "他后面还答了哪家媒体的提问": the same speaker's other press answer
    policy_self_words: tuple[str, ...]  # "这个政策", "it": words naming no topic beside the policy itself
    add_item: tuple[str, ...]
    ceiling_words: tuple[str, ...]
    guess_words: tuple[str, ...]  # "比如5000万": a figure offered as a guess
    total_words: tuple[str, ...]
    cap_named_total: re.Pattern[str]  # "the total cap per company": the cap's name, no sum of items
    spend_total: re.Pattern[str]  # "研发总共投了2350万": the spend's total, no sum of items
    applies_to_asker: re.Pattern[str]  # "does it still apply to us": a measure applied to the asker's case
    more_asked: tuple[str, ...]  # "还能再拿多少": what the added item brings on top of those discussed
    base_changed_by: re.Pattern[str]  # "多20%", "20% higher": a base said before, scaled (group up or down: the percent)
    headroom_asked: re.Pattern[str]  # "离封顶还剩多少": what the per-entity annual cap leaves
    cap_reached_asked: re.Pattern[str]  # "到每年的上限没有": whether the items reach the per-entity annual cap
    why_asked: re.Pattern[str]  # "为什么是按10%算": why the answer before says what it says
    replacement_asked: re.Pattern[str]  # "市里有没有能替代的": what the policy in force has in place of an ended plan
    step_needed_asked: re.Pattern[str]  # "还要再审一遍吗", "还要办许可证吗": whether a step is needed, never a verdict
    received_total_after: re.Pattern[str]  # "…, RMB 500,000 in total": a total of what was received
    part_follows: re.Pattern[str]  # "总投资15亿，其中核定新增投资12亿": the next amount is a part of this one
    whole_follows: re.Pattern[str]  # "6200万（整个项目累计投了快1.3个亿了）": the next amount is the whole of this one
    spend_filler: re.Pattern[str]  # "这一段", "大概": words beside a spend that name no stage
    departments_pointer: re.Pattern[str]  # "这个归哪些部门管": the departments of the clause before
    confirmed_figure: re.Pattern[str]  # "…是1500万？": a figure put as a question
    computed_claim: re.Pattern[str]  # "算下来…对吧": the asker's own sum put forward to be confirmed
    share_computed_claim: re.Pattern[str]  # "按40%算是3,600万": the asker's own product of a share, never a spend
    received_total_before: re.Pattern[str]  # "一共拿了50万", "a total of RMB 500,000"
    amount_range: re.Pattern[str]  # the words between a range's two ends ("到", "-", " to ")
    supposing: re.Pattern[str]  # "What if the trial is run in Australia instead?": a change to the case supposed
    annual_words: tuple[str, ...]
    entity_words: tuple[str, ...]  # "每个单位", "per company": whom the per-entity annual cap counts
    facts: dict[str, Any]
    roles: dict[str, re.Pattern[str]]
    base_kinds: dict[str, re.Pattern[str]]  # what a base is, named beside it ("产值", "capex")
    exclusive_base_kinds: tuple[str, ...]  # kinds of base no rule paying on another of them reads as its own
    fair_words: re.Pattern[str]  # a trade fair named in a sentence: what was paid there is its fee
    other_bases: re.Pattern[str]  # a spend, premium or output named in that sentence: what was paid may be that
    item_count: re.Pattern[str]
    parts_summed: re.Pattern[str]  # "这两块", "both measures": the parts of the conversation a total adds, counted
    award_added: tuple[str, ...]  # "together with", "再加上": an item added to a total by the award it gets
    other_item_added: tuple[str, ...]  # "另外", "also": a sentence adding an item of another measure, with its base
    abroad_trial: re.Pattern[str]  # the sources' words for a trial abroad ("海外", "境外"), already in a query
    abroad_trial_words: str  # those words, added to the search for a trial said to run in a place abroad ("in Germany")
    trial_named: re.Pattern[str]  # a clinical trial named ("关键性临床", "pivotal trial")
    item_figure: re.Pattern[str]  # "the 8.7m client", "870万那个": a figure naming an item said before
    add_items: re.Pattern[str]  # "还有两个III期": several items added at once
    item_correction: re.Pattern[str]  # "更正一下", "correction": a turn putting right an item stated before
    item_ordinal: re.Pattern[str]  # "第二个品种", "the second one": an item named by its order
    item_unnamed: re.Pattern[str]  # "其中一个委托方": one item of several, whichever it is
    english_ordinals: dict[str, int]  # "second" → 2
    each: re.Pattern[str]
    rest_kept: re.Pattern[str]  # "其他两个还是8万": the rest of the items, a count of them, keep an amount
    one_item_named: re.Pattern[str]  # "迪拜那个预算是20万": one item pointed at by what it is
    counted_aside: re.Pattern[str]  # "最便宜的也有12万", "一共花了210万": an amount beside a count's per-item one
    uncounted_items: re.Pattern[str]  # "好几个管线": items told as many, with no count
    like_items: re.Pattern[str]  # "5个这样的产品", "five such products": a count of items like the one discussed
    alike_items: re.Pattern[str]  # "另外两个产品也都是一样的情况": items added going the topic's whole path
    english_numbers: dict[str, int]
    registered_elsewhere: re.Pattern[str]
    duration: re.Pattern[str]  # a number with a unit of time, for duration asks
    figure: re.Pattern[str]  # a number with a unit, for figure asks
    figure_units: dict[str, str]  # Chinese unit → English, for English leads
    figure_scaled_units: dict[str, tuple[int, str]]  # Chinese unit counting in 万/亿 → (its multiple, the English unit)
    target_words: tuple[str, ...]  # a figure after one of these in its sentence is a target ("争取…3周以内")
    target_bounds: tuple[str, ...]  # … when one of these follows it
    example_of_ask: re.Pattern[str]  # an ask opening with an example puts the ask before it another way ("比如…？")
    total_again: re.Pattern[str]  # "总数会变成多少": the total of the items the ask before it computes, asked again
    share_of_refused: re.Pattern[str]  # a share asked right after a refused ask ("…有没有特殊比例？")
    figure_guessed: re.Pattern[str]  # a figure guessed as a yes or no ("有没有…直接给1个亿？")
    self_described_clause: re.Pattern[str]  # a clause saying what the asker is ("我们是做临床CRO的")
    support_for_moving_here: re.Pattern[str]  # the city's support asked by a company moving to Shanghai
    share_of_refused_unless: re.Pattern[str]  # words that give such a share a subject of the sources' (上海, 市里)
    asks_if_stated: re.Pattern[str]  # "政策文件里有写明吗" after an ask: whether the text states what that one asks
    apart_opening: re.Pattern[str]  # an ask opening with "另外", "separately": another thing than the ask before
    outline_topic: re.Pattern[str]  # the topic a count of measures is asked of ("提到CRO的有几条")
    speaker_asks: tuple[str, ...]  # "谁讲的…": who spoke, asked of the document the message names
    frame_openers: tuple[str, ...]  # words opening a clause that frames the question after it ("under", "按照")
    plan_name: re.Pattern[str]  # a quoted name that is a plan's or programme's ("…三年行动计划"), not a passage's
    courtesy_only: re.Pattern[str]  # a clause of thanks or courtesy alone ("谢谢！！", "thanks a lot"): no ask
    asks_announced: re.Pattern[str]  # "我一口气问几个啊", "好就这三个": a clause counting the asks, asking none
    relayed_request: re.Pattern[str]  # "老板让我算一下：": who wants the figure, before the case
    not_yet_found_out: re.Pattern[str]  # "有没有股权往来我还没来得及问": a question the asker has yet to ask, told
    wants_to_know: re.Pattern[str]  # "客户想了解下…" told in a sentence asking nothing
    own_chance: re.Pattern[str]  # "想看看有没有机会参与": the asker's hope told beside a figure asked
    ask_opening: re.Pattern[str]  # "请问…": the question begins; a sentence before it asking nothing is told
    not_wanted: re.Pattern[str]  # "这个不用查": what the clause tells is set aside
    plan_said_ended: re.Pattern[str]  # "that Pudong plan is old", "浦东那个方案已经过期了": the plan named as ended
    sufficiency_asked: re.Pattern[str]  # "这样够格了吗？具体要啥条件": whether the case's attributes are enough
    seat_told: re.Pattern[str]  # "我们在张江": where the asker is, a clause of its own
    already_had: re.Pattern[str]  # "工业总产值那个我已经有了": a thing beside the ask the asker has already
    plan_tail: re.Pattern[str]  # the tail of a plan's name said unquoted ("行动方案" of "…专项行动方案")
    plan_in_preparation: re.Pattern[str]  # a sentence stating a plan is still being drawn up ("研究制定行动方案")
    topic_switch: re.Pattern[str]  # a turn opening by leaving the topic ("另外问一下，…", "by the way, …")
    subject_pointer: re.Pattern[str]  # "器械那条": a pointer the subject it names stands before
    measure_described: re.Pattern[str]  # "讲企业数据出境要安全合规的那条": the words describing a measure (group 1)
    stage_pointer: re.Pattern[str]  # "这一段", "this stage": the one stage of several the asking clause names
    stage_denied: re.Pattern[str]  # "不是I期", "not Phase I": a stage named only to be denied
    names_holding_triggers: re.Pattern[str]  # "中小微企业政策性融资担保基金": a name whose words name no rule
    another_case_opening: re.Pattern[str]  # "另外我们自己的…": an ask opening on a case of its own
    discourse_opening: re.Pattern[str]  # "OK and once …": the words opening a sentence that ask nothing, all of them
    doubted_fact: re.Pattern[str]  # "我不清楚那个基金有没有投对方。": a fact the asker does not know, no question to us
    figure_of_it: re.Pattern[str]  # "…, and what is it?": the figure of what the clause before names, no ask of its own
    validity_described: re.Pattern[str]  # "按现在还有效的市里政策": a document described as in force, no ask of its term
    item_label: re.Pattern[str]  # "A做完Ⅱ期…；B…" then "B的投入我说错了": an item named by its label
    figure_ceiling_marks: tuple[str, ...]  # a figure after one of these is a ceiling ("最高1000万元")
    figure_floor_marks: tuple[str, ...]  # a figure before one of these is a floor ("1亿元以上")
    details: dict[str, Detail]  # a fee, rent …: asked words, the words that state it, its name
    described_details: re.Pattern[str]  # a detail's word describing the measure ("…给钱的政策") or inside another word, not asking it
    figure_asks: dict[str, Detail]  # a count, a size, a share: asked words, the units that state it
    home_city_asked: tuple[str, ...]  # "上海的…多少": Shanghai's own share of a figure is asked
    home_city_stated: tuple[str, ...]  # 本市, 我市: how the sources name Shanghai's share
    figure_words: tuple[str, ...]  # every word asking a figure (the figure kind's and figure_asks'), longest first
    elliptical: re.Pattern[str]  # "海外的呢": asks what the ask before it asked
    asked_again: re.Pattern[str]  # "新政策又是多少": the ask before it, asked of another subject
    yes_no_eligibility: re.Pattern[str]  # "能申请贴息吗": a verdict is asked
    get_not_money: re.Pattern[str]  # "can we get faster review": a service got, a yes or no asked, not an amount
    yes_no_question: re.Pattern[str]  # "…吗？", "Is …?": a yes/no question
    hypothetical: re.Pattern[str]  # "另外，如果…": an ask putting a case of its own
    yes_no_words: tuple[str, ...]  # "能不能", "eligible": an amount ask that also asks yes or no
    claim_check: tuple[str, ...]  # "是真的吗", "is that right": a yes/no on a figure heard of
    no_cap_claimed: tuple[str, ...]  # "没有上限", "no upper limit": a ceiling said not to exist
    exclusion_asked: tuple[str, ...]  # "are we excluded": a yes/no asked the other way round
    counts_asked: tuple[str, ...]  # "也算吗", "does it count": a yes/no on whether a fact stated counts for a condition
    prohibition_words: tuple[str, ...]  # "不得": a sentence that forbids what it names next
    prohibition_asked: tuple[str, ...]  # "是不是禁止", "is it prohibited": an ask naming the ban itself
    yes_echo: dict[str, re.Pattern[str]]  # "算…吗" is answered "算。": the verb a yes/no question asks with
    ability_asked: re.Pattern[str]  # "能…吗": whether one can is asked, answered 可以
    money_words: tuple[str, ...]  # "补贴", "funding": an ask about money, answered by a measure that sets amounts
    award_topic_words: tuple[str, ...]  # "新药临床": an award topic, an amount asked of it in scope
    payout_money_words: tuple[str, ...]  # "钱": money said plainly, the sources' when its payout is asked
    plan_descriptors: tuple[str, ...]  # "三年", "行动": words describing a plan, naming none of its supports
    support_named: tuple[str, ...]  # "支持", "funding": a support named, as one of an ended plan's asked for again
    plan_content_told: re.Pattern[str]  # "…方案里写过…": a clause telling what a plan says
    measure_pointer: re.Pattern[str]  # "这条政策", "this measure": the measure an earlier ask of the message named
    generic_applicants: tuple[str, ...]  # "企业", "companies": who applies, said in general, names no support
    money_figures: tuple[str, ...]  # "额度", "多少钱": a figure asked that is an amount of money
    plain_money_words: tuple[str, ...]  # "资金额度", "specific amount": money named with no topic of its own
    policy_in_general: tuple[str, ...]  # "这些补贴", "this policy's support": the policy's support as a whole
    all_measures: tuple[str, ...]  # "这37条", "all 37 measures": every measure of the policy, none singled out
    referent_nouns: tuple[str, ...]  # "这项政策", "that measure": what a pointing word points at, no topic
    bound_continuations: tuple[str, ...]  # "最高1000万元支持" after "不超过研发投入的30%，": the ceiling of that grant
    floor_details: frozenset[str]  # figure asks of a floor ("至少几年", "minimum revenue"): a ceiling stated answers none
    device_classes: dict[str, tuple[re.Pattern[str], str]]  # class → (asked pattern, the words an article names it by)
    device_owned: re.Pattern[str]  # words before a device class saying the device is the asker's ("我们有一个", "our")
    device_classes_bare: dict[str, re.Pattern[str]]  # class → the class alone ("三类"), read after a device class named
    quantity_words: tuple[str, ...]  # "多少", "how much": an ask for a figure, not for a yes or no
    sum_figure_words: tuple[str, ...]  # "多少" beside a cap asked: the sum's figure is asked too
    self_words: tuple[str, ...]  # "我们", "our": the asker speaks of itself
    or_else: re.Pattern[str]  # "还是只限本地企业？": a clause offering the other answer of a yes/no
    target_deadline_asked: re.Pattern[str]  # "计划到哪一年全部推出": the year a target is due
    label_hedged: re.Pattern[str]  # "我记得是第（二十三）条", "好像是第5条": a measure's label the asker is unsure of
    kind_of_event: re.Pattern[str]  # "a CRO trade show", "CRO展会": a kind naming an event's trade
    figure_again_asked: re.Pattern[str]  # "应该是多少": the figure just computed, asked once more
    measure_said_before: re.Pattern[str]  # "我们能不能按那条申请": the measure named in the clause before
    overlap_words: tuple[str, ...]  # "两边能都拿": whether two policies' support adds up
    district_overlap: re.Pattern[str]  # "区里也给了…市里的还能再拿吗": a district's support and the city's added up
    overlap_rule_words: tuple[str, ...]  # "不重复": the words of the scope's sentence on overlapping support
    district_matching_words: tuple[str, ...]  # "各区 配套": the words of its sentence on the districts' matching support
    case_opening: re.Pattern[str]  # "If our CVC qualifies, …": the case put before what is asked
    case_unclosed: re.Pattern[str]  # "(1) if our drug gets EMA approval": a case its comma has not closed yet
    rate_asked: re.Pattern[str]  # "what's the max support rate and cap": a measure's rate asked beside its ceiling
    regulator_as_registration: re.Pattern[str]  # "got its CE certificate": a regulator named as the product's registration
    ways_offered: re.Pattern[str]  # "是按研发投入比例给还是给定额": how the amount asked before is set
    or_later: re.Pattern[str]  # "还是必须等拿证以后": the other half of a yes/no, put as a later time
    terms_asks: tuple[str, ...]  # "怎么规定的", "补助标准是什么": a measure's terms asked
    support_size_asks: tuple[str, ...]  # "补贴有多少": the size of a measure's support asked, no case told
    stated_month: tuple[re.Pattern[str], ...]  # "2029年10月", "October 2029": a month the case names
    policy_month: tuple[re.Pattern[str], re.Pattern[str]]  # (before, after) a month: words making it a document's date
    month_names: dict[str, int]
    month_without_year: tuple[re.Pattern[str], ...]  # "5月份", "in May": a month whose year an earlier turn said
    year_alone: tuple[re.Pattern[str], ...]  # "2030年才完成", "finishes in 2030": the year the case happens, no month
    case_by_case: tuple[str, ...]  # "一事一议": a measure's text that sets its support case by case, no amount
    done_words: tuple[str, ...]  # "做完了", "completed": said right after a stage, the stage the case is at
    done_before: re.Pattern[str]  # "just finished the", "已经完成了": said right before a stage, the stage the case is at
    not_yet_words: tuple[str, ...]  # "还没拿到": said right after a step, the step not reached
    received_words: tuple[str, ...]  # "之前已经领过补助": said after a stage in its clause, that stage's support is had
    supposing_opening: re.Pattern[str]  # "如果两个产品同一年都拿到钱": a clause opening with a supposition
    within_term_asked: re.Pattern[str]  # "在不在它管的时间里": whether a month told falls in the term
    set_aside_words: tuple[str, ...]  # "leaving aside …", "先不算…": said before a step in its clause, that step is not asked
    deferred_clause: re.Pattern[str]  # "…智能化改造，那个年底再来问": the clause after a step's puts asking of it off
    article_asked: re.Pattern[str]  # "是哪一条": which article a thing is in
    reply_form_words: tuple[str, ...]  # "给一句话口径": the reply's form asked, no topic
    support_asked: re.Pattern[str]  # "有什么支持", "what support": an ask for the support a measure gives
    support_exists_asked: re.Pattern[str]  # "有没有支持", "is there help with …": whether a measure supports at all
    thing_yes_no: re.Pattern[str]  # "数据能不能出境": a yes/no asked of a thing, not of the asker
    own_ability_asked: re.Pattern[str]  # "我们能申请吗", "can we apply": whether the asker may apply itself
    cap_exists_asked: re.Pattern[str]  # "有没有累计封顶", "is there an annual cap": whether a cap exists
    exists_asked: re.Pattern[str]  # "有没有贷款贴息", "is there a loan interest subsidy": whether a thing exists
    sources_state_asked: re.Pattern[str]  # "文件里有规定吗", "does the policy say?": whether the texts state it
    rule_set_asked: re.Pattern[str]  # "有没有规定…": whether the texts set a thing, no topic of its own
    registration_planned_here: re.Pattern[str]  # "准备在上海注册公司": the scope's registration still to come
    policy_support_asked: re.Pattern[str]  # "Does the policy support cross-border data flows?": a thing asked by name
    kind_support_asked: re.Pattern[str]  # "能申请哪些", "which measures": what the asker can claim at all
    scope_words: tuple[str, ...]  # "覆盖哪些单位": who a document covers
    scope_of_document: re.Pattern[str]  # "若干意见的支持对象": the document's scope named by its own name
    applicant_words: tuple[str, ...]  # "子公司", "our company": who applies, no topic
    ownership_words: tuple[str, ...]  # "外资企业", "that entity": who the asker is, said mid-conversation
    applying_words: tuple[str, ...]  # "申请", "covered": whether one may apply is asked
    which_document: tuple[str, ...]  # "该看哪个文件": the document in force is asked, not the one discussed
    issue_words: tuple[str, ...]  # "印发", "文号", "issued": a validity ask about the document's issue
    issuer_asked: re.Pattern[str]  # "是哪个部门发的": the issuer is asked, not the departments of a measure
    departments_thing_asked: re.Pattern[str]  # "免哪些部门的许可证": what departments issue is asked, not who is responsible
    department_name: re.Pattern[str]  # a department named in a text ("市卫生健康委", "市药品监管局")
    definition_words: tuple[str, ...]  # what opens a term's definition ("“三联动”，即…", "…是指")
    list_asked: re.Pattern[str]  # "哪几个方面": which ones, a list, not a count
    measured_subject: re.Pattern[str]  # "…基金，规模多大": the thing whose size is asked (group 1)
    items_year: re.Pattern[str]  # "都在同一年申请": the year the items share, no annual cap asked
    term_not_started_told: re.Pattern[str]  # "那会儿新政策还没开始实施吧": the asker tells the time was before the term
    point_opener: re.Pattern[str]  # "一是…", "第二,…": the opener of a point of a spoken list
    points_announced: re.Pattern[str]  # "…围绕三个方面进行更新和提升:": a sentence announcing the points after it
    earlier_policy_named: tuple[str, ...]  # words naming a policy by its year ("the 2021 policy", "2021年那轮政策")
    earlier_policy_stated: tuple[str, ...]  # words of a sentence describing an earlier policy ("2021年发布的《…》")
    term_asks: tuple[str, ...]  # "到什么时候截止", "until when": when something ends
    term_subjects: tuple[str, ...]  # "政策", "this plan", "it": what ends is the document
    application_words: tuple[str, ...]  # "申报", "apply": what ends is an application window
    time_limit_asks: tuple[str, ...]  # "deadline": asked of an article setting a time limit, that limit
    city_policy_named: re.Pattern[str]  # "the main policy", "Shanghai's biomedicine policy": the city's policy
    city_policy_current: re.Pattern[str]  # "回到市里今年这个新政", "the current city policy": back to the city's policy
    task_label: re.Pattern[str]  # "第九项任务", "task 9": a document's numbered task
    overview_asks: tuple[str, ...]  # "给了哪些数字": an overview the asks after it answer part by part
    growth_words: tuple[str, ...]  # "grow", "增长": a "how fast" of growth asks a rate
    present_words: tuple[str, ...]  # "现在", "now": a question put to today
    ended_asked: tuple[str, ...]  # "is it expired", "过期了吗": a yes/no on whether the document has ended
    task_sections: tuple[str, ...]  # "任务": a section heading holding numbered tasks
    known_places: tuple[str, ...]  # places outside Shanghai (scope.yaml), to tell a place from a word
    unmet_patterns: dict[str, re.Pattern[str]]  # a condition denied by naming another place ("在江苏生产")
    unmet_unless: dict[str, re.Pattern[str]]  # the kind a condition wants named as the case's own: no denial then
    met_patterns: dict[str, re.Pattern[str]]  # a condition met by naming a place of Shanghai ("在松江工厂生产")
    district_plan_pointed: re.Pattern[str]  # "区里以前发过一个…三年行动方案": the plan of the district named as the seat
    other_tie: re.Pattern[str]  # "委托方的董事长以前是受托方的总经理": a tie between the parties other than a stake
    unsure_patterns: dict[str, re.Pattern[str]]  # by condition id: the asker unsure of it ("记不清是不是特别审查")
    place_as_seat: re.Pattern[str]  # a Shanghai place named as the asker's seat, not as a document
    seat_places: tuple[str, ...]  # the places ``place_as_seat`` names, one of which each of its matches holds
    min_stated_yuan: Decimal
    no_spend_words: tuple[str, ...]  # "还没花钱": a base of zero said in words
    follow_on_award: tuple[str, ...]  # "the extra grant for that step": the further award of a measure's later step
    share_of_words: tuple[str, ...]  # "按销售额的几个点": what a share asked is of, no topic of its own
    outline_asked: re.Pattern[str]  # "一共多少条措施？分成几大块？": a document's measures counted
    document_words: re.Pattern[str]  # "若干意见", "the policy": a document spoken of in general
    refers_to_ask_before: re.Pattern[str]  # "…, and how long does CDE take to review the request?"
    joined_to_ask_before: re.Pattern[str]  # "what minimum market capitalisation and how many years …": one sentence
    count_unit_asked: re.Pattern[str]  # "有几家…": the unit a count is asked in
    entity_count_units: tuple[str, ...]  # units counting firms or people (家, 位 …): a share answers no such count
    slip_corrected: re.Pattern[str]  # "3000万，哦不对…是3500万": a slip put right inside the message
    slip_kinds: dict[str, re.Pattern[str]]  # the kinds of word a slip put right replaces (a place, a stage)
    background: re.Pattern[str]  # the enterprise's size (headcount, turnover, registered capital): no rule reads it
    answer_form_request: re.Pattern[str]  # "要条款和一句能念的答复": the form of the answer asked for, no topic


def ends_as_question(clause: str) -> bool:
    """Whether ``clause`` (trailing spaces allowed) ends in a question particle (``understanding.yaml``
    ``question_particles``: "…能申请吗")."""
    return clause.rstrip().endswith(lexicon().question_particles)


def clause_asks(clause: str, mark: str = "") -> bool:
    """Whether a clause (with its closing mark, or the mark apart as ``mark``) asks: a question mark, a closing
    question particle ("…能申请吗") or a question word ("多少", "how")."""
    if mark in {"？", "?"} or "?" in clause or "？" in clause or ends_as_question(clause.strip(" ,。！!；;\n")):
        return True
    # ("我不清楚那个基金有没有投对方。": a fact the asker does not know is no question put to us)
    if not ASKING_WORDS.search(clause):
        return False
    return bool(ASKING_WORDS.search(lexicon().doubted_fact.sub(" ", clause)))


@cache
def lexicon() -> _Lexicon:
    raw = read_yaml_once(DATA_PATH)
    lower = lambda words: tuple(str(w).lower() for w in words)  # noqa: E731
    return _Lexicon(
        kinds=tuple((AskKind(kind), lower(words)) for kind, words in raw["ask_kinds"].items()),
        kind_patterns={AskKind(kind): re.compile(p, re.IGNORECASE) for kind, p in raw["ask_patterns"].items()},
        clause_split=re.compile(raw["clause_split"], re.IGNORECASE),
        purpose_tail=re.compile(raw["purpose_tail"], re.IGNORECASE),
        list_opening=re.compile(raw["list_opening"], re.IGNORECASE),
        text_quoted=re.compile(raw["text_quoted"], re.IGNORECASE),
        numbered_ask=re.compile(raw["numbered_ask"]),
        case_mark=re.compile(raw["case_mark"]),
        each_case_asked=re.compile(raw["each_case_asked"], re.IGNORECASE),
        party_opening=re.compile(raw["party_opening"]),
        ordinal_opening=re.compile(raw["ordinal_opening"], re.IGNORECASE),
        list_of_figures=re.compile(raw["list_of_figures"], re.IGNORECASE),
        respectively=re.compile(raw["respectively"], re.IGNORECASE),
        difference_asked=re.compile(raw["difference_asked"], re.IGNORECASE),
        both_asked=re.compile(raw["both_asked"], re.IGNORECASE),
        compared_joiners=re.compile(raw["compared_joiners"], re.IGNORECASE),
        comparison_asked=re.compile(raw["comparison_asked"], re.IGNORECASE),
        pointers=lower(raw["pointers"]),
        forward_pointer=re.compile(raw["forward_pointer"], re.IGNORECASE),
        pointer_pattern=re.compile(raw["pointer_pattern"], re.IGNORECASE),
        same_article=re.compile(raw["same_article"], re.IGNORECASE),
        full_awards_asked=re.compile(raw["full_awards_asked"], re.IGNORECASE),
        times_asked=re.compile(raw["times_asked"], re.IGNORECASE),
        at_ceiling_words=lower(raw["at_ceiling_words"]),
        item_label=re.compile(raw["item_label"], re.IGNORECASE),
        department_ask_words=lower(raw["department_ask_words"]),
        similar_asked=lower(raw["similar_asked"]),
        document_pointers=lower(raw["document_pointers"]),
        document_nouns=lower(raw["document_nouns"]),
        city_document_words=lower(raw["city_document_words"]),
        first_turn=re.compile(raw["first_turn_pattern"], re.IGNORECASE),
        return_words=lower(raw["return_words"]),
        article_label=re.compile(raw["article_label"], re.IGNORECASE),
        support_asks=lower(raw["support_asks"]),
        granting_words=lower(raw["granting_words"]),
        document_pointer_pattern=re.compile(raw["document_pointer_pattern"], re.IGNORECASE),
        follow_up=lower(raw["follow_up"]),
        question_particles=tuple(str(w) for w in raw["question_particles"]),
        each_asked=lower(raw["each_asked"]),
        each_turn_counts=tuple((int(n), re.compile(p, re.IGNORECASE)) for n, p in raw["each_turn_counts"].items()),
        several_turns_max=int(raw["several_turns_max"]),
        comparison_asks=lower(raw["comparison_asks"]),
        earlier_version_compared=re.compile(raw["earlier_version_compared"], re.IGNORECASE),
        same_speaker_asked=re.compile(raw["same_speaker_asked"], re.IGNORECASE),
        policy_self_words=lower(raw["policy_self_words"]),
        add_item=lower(raw["add_item"]),
        ceiling_words=lower(raw["ceiling_words"]),
        guess_words=lower(raw["guess_words"]),
        total_words=lower(raw["total_words"]),
        cap_named_total=re.compile(raw["cap_named_total"], re.IGNORECASE),
        spend_total=re.compile(raw["spend_total"], re.IGNORECASE),
        applies_to_asker=re.compile(raw["applies_to_asker"], re.IGNORECASE),
        more_asked=lower(raw["more_asked"]),
        base_changed_by=re.compile(raw["base_changed_by"], re.IGNORECASE),
        headroom_asked=re.compile(raw["headroom_asked"], re.IGNORECASE),
        cap_reached_asked=re.compile(raw["cap_reached_asked"], re.IGNORECASE),
        why_asked=re.compile(raw["why_asked"], re.IGNORECASE),
        replacement_asked=re.compile(raw["replacement_asked"], re.IGNORECASE),
        step_needed_asked=re.compile("|".join(f"(?:{raw['needs'][key]})" for key in ("need_asked", "obligation_asked", "review_again_asked")),
                                     re.IGNORECASE),
        received_total_after=re.compile(raw["received_total_after"], re.IGNORECASE),
        part_follows=re.compile(raw["part_follows"], re.IGNORECASE),
        whole_follows=re.compile(raw["whole_follows"], re.IGNORECASE),
        spend_filler=re.compile(raw["spend_filler"]),
        departments_pointer=re.compile(raw["departments_pointer"], re.IGNORECASE),
        confirmed_figure=re.compile(raw["confirmed_figure"]),
        computed_claim=re.compile(raw["computed_claim"], re.IGNORECASE),
        share_computed_claim=re.compile(raw["share_computed_claim"], re.IGNORECASE),
        amount_range=re.compile(raw["amount_range"], re.IGNORECASE),
        supposing=re.compile(raw["supposing"], re.IGNORECASE),
        received_total_before=re.compile(raw["received_total_before"], re.IGNORECASE),
        annual_words=lower(raw["annual_words"]),
        entity_words=lower(raw["entity_words"]),
        facts=raw["facts"],
        roles={name: re.compile(pattern, re.IGNORECASE) for name, pattern in raw["amount_roles"].items()},
        base_kinds={str(kind): re.compile(pattern, re.IGNORECASE) for kind, pattern in raw["base_kinds"].items()},
        exclusive_base_kinds=tuple(raw["exclusive_base_kinds"]),
        fair_words=re.compile(raw["fair_words"], re.IGNORECASE),
        other_bases=re.compile(raw["other_bases"], re.IGNORECASE),
        item_count=re.compile(raw["item_count"], re.IGNORECASE),
        parts_summed=re.compile(raw["parts_summed"], re.IGNORECASE),
        award_added=lower(raw["award_added"]),
        other_item_added=lower(raw["other_item_added"]),
        abroad_trial=re.compile(raw["abroad_trial"], re.IGNORECASE),
        abroad_trial_words=raw["abroad_trial_words"],
        trial_named=re.compile(raw["trial_named"], re.IGNORECASE),
        item_figure=re.compile(raw["item_figure"], re.IGNORECASE),
        add_items=re.compile(raw["add_items"], re.IGNORECASE),
        item_correction=re.compile(raw["item_correction"], re.IGNORECASE),
        item_ordinal=re.compile(raw["item_ordinal"], re.IGNORECASE),
        item_unnamed=re.compile(raw["item_unnamed"], re.IGNORECASE),
        english_ordinals={str(k): int(v) for k, v in raw["english_ordinals"].items()},
        each=re.compile(raw["each"], re.IGNORECASE),
        rest_kept=re.compile(raw["rest_kept"]),
        one_item_named=re.compile(raw["one_item_named"]),
        counted_aside=re.compile(raw["counted_aside"], re.IGNORECASE),
        uncounted_items=re.compile(raw["uncounted_items"], re.IGNORECASE),
        like_items=re.compile(raw["like_items"], re.IGNORECASE),
        alike_items=re.compile(raw["alike_items"], re.IGNORECASE),
        english_numbers={str(k): int(v) for k, v in raw["english_numbers"].items()},
        registered_elsewhere=re.compile(raw["facts"]["registered_elsewhere"], re.IGNORECASE),
        duration=re.compile(raw["duration_units"]),
        figure=re.compile(raw["figure_pattern"]),
        figure_units={str(k): str(v) for k, v in raw["figure_units"].items()},
        figure_scaled_units={str(k): (int(v["scale"]), str(v["unit"])) for k, v in raw["figure_scaled_units"].items()},
        target_words=tuple(str(w) for w in raw["target_words"]),
        target_bounds=tuple(str(w) for w in raw["target_bounds"]),
        example_of_ask=re.compile(raw["example_of_ask"], re.IGNORECASE),
        total_again=re.compile(raw["total_again"], re.IGNORECASE),
        share_of_refused=re.compile(raw["share_of_refused"], re.IGNORECASE),
        figure_guessed=re.compile(raw["figure_guessed"], re.IGNORECASE),
        self_described_clause=re.compile(raw["self_described_clause"], re.IGNORECASE),
        support_for_moving_here=re.compile(raw["support_for_moving_here"], re.IGNORECASE),
        share_of_refused_unless=re.compile(raw["share_of_refused_unless"], re.IGNORECASE),
        plan_name=re.compile(raw["plan_name"]),
        courtesy_only=re.compile(raw["courtesy_only"], re.IGNORECASE),
        not_yet_found_out=re.compile(raw["not_yet_found_out"]),
        wants_to_know=re.compile(raw["wants_to_know"], re.IGNORECASE),
        own_chance=re.compile(raw["own_chance"], re.IGNORECASE),
        ask_opening=re.compile(raw["ask_opening"], re.IGNORECASE),
        not_wanted=re.compile(raw["not_wanted"], re.IGNORECASE),
        plan_said_ended=re.compile(raw["plan_said_ended"], re.IGNORECASE),
        sufficiency_asked=re.compile(raw["sufficiency_asked"], re.IGNORECASE),
        seat_told=re.compile(raw["seat_told"]),
        already_had=re.compile(raw["already_had"]),
        asks_announced=re.compile(raw["asks_announced"], re.IGNORECASE),
        relayed_request=re.compile(raw["relayed_request"], re.IGNORECASE),
        plan_tail=re.compile(raw["plan_tail"]),
        plan_in_preparation=re.compile(raw["plan_in_preparation"]),
        frame_openers=tuple(str(w) for w in raw["frame_openers"]),
        speaker_asks=lower(raw["speaker_asks"]),
        outline_topic=re.compile(raw["outline_topic"], re.IGNORECASE),
        apart_opening=re.compile(raw["apart_opening"], re.IGNORECASE),
        asks_if_stated=re.compile(raw["asks_if_stated"], re.IGNORECASE),
        topic_switch=re.compile(raw["topic_switch"], re.IGNORECASE),
        subject_pointer=re.compile(raw["subject_pointer"], re.IGNORECASE),
        measure_described=re.compile(raw["measure_described"], re.IGNORECASE),
        stage_pointer=re.compile(raw["stage_pointer"], re.IGNORECASE),
        stage_denied=re.compile(raw["stage_denied"], re.IGNORECASE),
        names_holding_triggers=re.compile(raw["names_holding_triggers"], re.IGNORECASE),
        another_case_opening=re.compile(raw["another_case_opening"], re.IGNORECASE),
        discourse_opening=_openings(raw["discourse_openings"]),
        doubted_fact=re.compile(raw["facts"]["doubted_fact"], re.IGNORECASE),
        figure_of_it=re.compile(raw["figure_of_it"], re.IGNORECASE),
        validity_described=re.compile(raw["validity_described"]),
        figure_ceiling_marks=tuple(str(w) for w in raw["figure_ceiling_marks"]),
        figure_floor_marks=tuple(str(w) for w in raw["figure_floor_marks"]),
        details=_details(raw["details"], "stated"),
        described_details=_described(raw["details"], raw["detail_described"], raw["detail_holding_words"]),
        figure_asks=_details(raw["figure_asks"], "units"),
        home_city_asked=lower(raw["home_city_asked"]),
        home_city_stated=lower(raw["home_city_stated"]),
        figure_words=tuple(sorted({str(w).lower() for w in [*raw["ask_kinds"]["figure"],
                                                              *(w for d in raw["figure_asks"].values() for w in d["asked"])]},
                                  key=lambda w: (-len(w), w))),
        elliptical=re.compile(raw["elliptical"], re.IGNORECASE),
        asked_again=re.compile(raw["asked_again"]),
        yes_no_eligibility=re.compile(raw["yes_no_eligibility"], re.IGNORECASE),
        get_not_money=re.compile(raw["get_not_money"], re.IGNORECASE),
        yes_no_question=re.compile(raw["yes_no_question"], re.IGNORECASE),
        which_document=lower(raw["which_document"]),
        issue_words=lower(raw["issue_words"]),
        issuer_asked=re.compile(raw["issuer_asked"], re.IGNORECASE),
        departments_thing_asked=re.compile(raw["departments_thing_asked"], re.IGNORECASE),
        department_name=re.compile(raw["department_name"]),
        definition_words=tuple(raw["definition_words"]),
        list_asked=re.compile(raw["list_asked"]),
        measured_subject=re.compile(raw["measured_subject"]),
        items_year=re.compile(raw["items_year"], re.IGNORECASE),
        term_not_started_told=re.compile(raw["term_not_started_told"], re.IGNORECASE),
        point_opener=re.compile(raw["point_opener"]),
        points_announced=re.compile(raw["points_announced"]),
        earlier_policy_named=tuple(raw["earlier_policy_named"]),
        earlier_policy_stated=tuple(raw["earlier_policy_stated"]),
        term_asks=lower(raw["term_asks"]),
        term_subjects=lower(raw["term_subjects"]),
        application_words=lower(raw["application_words"]),
        time_limit_asks=lower(raw["time_limit_asks"]),
        city_policy_named=re.compile(raw["city_policy_named"], re.IGNORECASE),
        city_policy_current=re.compile(raw["city_policy_current"], re.IGNORECASE),
        task_label=re.compile(raw["task_label"], re.IGNORECASE),
        overview_asks=lower(raw["overview_asks"]),
        growth_words=lower(raw["growth_words"]),
        present_words=lower(raw["present_words"]),
        ended_asked=lower(raw["ended_asked"]),
        task_sections=tuple(str(w) for w in raw["task_sections"]),
        scope_words=lower(raw["scope_words"]),
        scope_of_document=re.compile(raw["scope_of_document"]),
        applicant_words=lower(raw["applicant_words"]),
        ownership_words=lower(raw["ownership_words"]),
        applying_words=lower(raw["applying_words"]),
        hypothetical=re.compile(raw["hypothetical"], re.IGNORECASE),
        yes_no_words=lower(raw["yes_no_words"]),
        claim_check=lower(raw["claim_check"]),
        no_cap_claimed=lower(raw["no_cap_claimed"]),
        exclusion_asked=lower(raw["exclusion_asked"]),
        counts_asked=lower(raw["counts_asked"]),
        prohibition_words=lower(raw["prohibition_words"]),
        prohibition_asked=lower(raw["prohibition_asked"]),
        yes_echo={str(verb): re.compile(pattern) for verb, pattern in raw["yes_echo"].items()},
        ability_asked=re.compile(raw["ability_asked"]),
        money_words=lower(raw["money_words"]),
        payout_money_words=lower(raw["payout_money_words"]),
        award_topic_words=lower(raw["award_topic_words"]),
        plan_descriptors=lower(raw["plan_descriptors"]),
        support_named=lower(raw["support_named"]),
        plan_content_told=re.compile(raw["plan_content_told"], re.IGNORECASE),
        measure_pointer=re.compile(raw["measure_pointer"], re.IGNORECASE),
        generic_applicants=lower(raw["generic_applicants"]),
        money_figures=lower(raw["money_figures"]),
        plain_money_words=lower(raw["plain_money_words"]),
        policy_in_general=lower(raw["policy_in_general"]),
        all_measures=lower(raw["all_measures"]),
        referent_nouns=lower(raw["referent_nouns"]),
        bound_continuations=tuple(raw["bound_continuations"]),
        floor_details=frozenset(raw["floor_details"]),
        device_classes={str(name): (re.compile(entry["asked"], re.IGNORECASE), str(entry["stated"]))
                        for name, entry in raw["device_classes"].items()},
        device_owned=re.compile(raw["device_owned"], re.IGNORECASE),
        device_classes_bare={str(name): re.compile(entry["bare"], re.IGNORECASE) for name, entry in raw["device_classes"].items()},
        quantity_words=lower(raw["quantity_words"]),
        sum_figure_words=lower(raw["sum_figure_words"]),
        self_words=lower(raw["self_words"]),
        or_else=re.compile(raw["or_else"], re.IGNORECASE),
        target_deadline_asked=re.compile(raw["target_deadline_asked"], re.IGNORECASE),
        kind_of_event=re.compile(raw["kind_of_event"], re.IGNORECASE),
        figure_again_asked=re.compile(raw["figure_again_asked"], re.IGNORECASE),
        label_hedged=re.compile(f"{raw['label_hedged']}|{raw['amount_roles']['claimed']}", re.IGNORECASE),
        measure_said_before=re.compile(raw["measure_said_before"], re.IGNORECASE),
        overlap_words=lower(raw["overlap_words"]),
        district_overlap=re.compile(raw["district_overlap"], re.IGNORECASE),
        overlap_rule_words=lower(raw["overlap_rule_words"]),
        district_matching_words=lower(raw["district_matching_words"]),
        case_opening=re.compile(raw["case_opening"], re.IGNORECASE),
        case_unclosed=re.compile(raw["case_unclosed"], re.IGNORECASE),
        rate_asked=re.compile(raw["rate_asked"], re.IGNORECASE),
        regulator_as_registration=re.compile(raw["regulator_as_registration"], re.IGNORECASE),
        ways_offered=re.compile(raw["ways_offered"], re.IGNORECASE),
        or_later=re.compile(raw["or_later"], re.IGNORECASE),
        terms_asks=lower(raw["terms_asks"]),
        support_size_asks=lower(raw["support_size_asks"]),
        stated_month=tuple(re.compile(p, re.IGNORECASE) for p in raw["stated_month"]["patterns"]),
        policy_month=(re.compile(raw["stated_month"]["policy_before"], re.IGNORECASE),
                      re.compile(raw["stated_month"]["policy_after"], re.IGNORECASE)),
        month_names={str(k): int(v) for k, v in raw["stated_month"]["months"].items()},
        month_without_year=tuple(re.compile(p, re.IGNORECASE) for p in raw["stated_month"]["without_year"]),
        year_alone=tuple(re.compile(p, re.IGNORECASE) for p in raw["stated_month"]["year_alone"]),
        case_by_case=tuple(raw["case_by_case"]),
        done_words=tuple(raw["done_words"]),
        done_before=re.compile(raw["done_before"], re.IGNORECASE),
        not_yet_words=tuple(raw["not_yet_words"]),
        received_words=tuple(raw["received_words"]),
        set_aside_words=tuple(raw["set_aside_words"]),
        deferred_clause=re.compile(raw["deferred_clause"], re.IGNORECASE),
        within_term_asked=re.compile(raw["within_term_asked"]),
        supposing_opening=re.compile(raw["supposing_opening"]),
        article_asked=re.compile(raw["article_asked"]),
        reply_form_words=lower(raw["reply_form_words"]),
        support_asked=re.compile(raw["support_asked"], re.IGNORECASE),
        support_exists_asked=re.compile(raw["support_exists_asked"], re.IGNORECASE),
        thing_yes_no=re.compile(raw["thing_yes_no"], re.IGNORECASE),
        own_ability_asked=re.compile(raw["own_ability_asked"], re.IGNORECASE),
        cap_exists_asked=re.compile(raw["cap_exists_asked"], re.IGNORECASE),
        exists_asked=re.compile(raw["exists_asked"], re.IGNORECASE),
        sources_state_asked=re.compile(raw["sources_state_asked"], re.IGNORECASE),
        rule_set_asked=re.compile(raw["rule_set_asked"], re.IGNORECASE),
        registration_planned_here=re.compile(raw["registration_planned_here"], re.IGNORECASE),
        policy_support_asked=re.compile(raw["policy_support_asked"], re.IGNORECASE),
        kind_support_asked=re.compile(raw["kind_support_asked"], re.IGNORECASE),
        known_places=_known_places(),
        unmet_patterns={str(cid): re.compile(str(p).replace("{place}", "|".join(map(re.escape, _known_places()))))
                        for cid, p in raw["facts"].get("unmet_patterns", {}).items()},
        unmet_unless={str(cid): re.compile(str(p)) for cid, p in raw["facts"].get("unmet_unless", {}).items()},
        met_patterns={str(cid): re.compile(str(p).replace("{shanghai_place}", "|".join(
            re.escape(str(place).lower()) for place in raw["facts"]["shanghai_places"])), re.IGNORECASE)
                      for cid, p in raw["facts"].get("met_patterns", {}).items()},
        unsure_patterns=_unsure_patterns(raw["facts"]),
        other_tie=re.compile(raw["facts"]["other_tie"]),
        district_plan_pointed=re.compile(raw["facts"]["district_plan_pointed"]),
        place_as_seat=re.compile("|".join(
            f"(?:{raw['place_as_seat'].replace('{place}', re.escape(str(place).lower()))})"
            for place in raw["facts"]["shanghai_places"] if str(place) not in {"上海", "本市", "我市", "沪"})),
        seat_places=tuple(str(place).lower() for place in raw["facts"]["shanghai_places"]
                          if str(place) not in {"上海", "本市", "我市", "沪"}),
        min_stated_yuan=Decimal(str(raw["min_stated_yuan"])),
        no_spend_words=lower(raw["no_spend_words"]),
        follow_on_award=lower(raw["follow_on_award"]),
        share_of_words=lower(raw["share_of_words"]),
        outline_asked=re.compile(raw["outline_asked"], re.IGNORECASE),
        document_words=re.compile(raw["document_words"], re.IGNORECASE),
        refers_to_ask_before=re.compile(raw["refers_to_ask_before"], re.IGNORECASE),
        joined_to_ask_before=re.compile(raw["joined_to_ask_before"], re.IGNORECASE),
        count_unit_asked=re.compile(raw["count_unit_asked"]),
        entity_count_units=tuple(str(u) for u in raw["entity_count_units"]),
        slip_corrected=re.compile(raw["slip_corrected"], re.IGNORECASE),
        slip_kinds={kind: re.compile(p, re.IGNORECASE) for kind, p in raw["slip_kinds"].items()},
        background=re.compile("|".join(
            f"(?:{str(p).replace('{num}', raw['background_figures']['number'])})" for p in raw["background_figures"]["patterns"]),
            re.IGNORECASE),
        answer_form_request=re.compile(raw["answer_form_request"], re.IGNORECASE),
    )


def _described(details: dict[str, Any], described: str, holding: list[str]) -> re.Pattern[str]:
    """Any detail's asked word (Chinese ones: the English are whole words) right before ``described``, and any
    word of ``holding`` (a longer word that holds an asked word and asks no detail: "研发钱" holds "发钱")."""
    words = sorted({str(w).lower() for entry in details.values() for w in entry["asked"] if not str(w).isascii()},
                   key=len, reverse=True)
    inside = "".join(f"|{re.escape(str(word).lower())}" for word in holding)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})(?={described}){inside}")


def _openings(words: list[str]) -> re.Pattern[str]:
    """All of ``words`` (understanding.yaml ``discourse_openings``) opening a text, as many as stand there, each a
    whole word followed by spaces or punctuation ("ok, and so "): what reading past them removes."""
    alternation = "|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:\s*(?:{alternation})\b[\s,，.!-]*)+", re.IGNORECASE)


@cache
def _writing_task() -> re.Pattern[str]:
    """A request to write something (scope.yaml ``writing_tasks``): a clause of its own that the sources never answer."""
    return re.compile("|".join(f"(?:{p})" for p in read_yaml_once(SCOPE_PATH)["off_topics"]["writing_tasks"]), re.IGNORECASE)


def _known_places() -> tuple[str, ...]:
    scope = read_yaml_once(SCOPE_PATH)
    return tuple(str(p).lower() for p in [*scope["other_places"], *scope["foreign_places"]])


def has_word(text: str, words: tuple[str, ...] | list[str]) -> bool:
    """Whether ``text`` (lower case) holds one of ``words``; an English word only as a whole word."""
    if len(words) == 1:  # a word tested alone, in a tuple made per call ("(word,)"): no matcher kept for the tuple
        word, alone = _one_word(words[0])
        return word in text and (alone is None or alone.search(text) is not None)
    plain, latin, pattern = _word_matcher(words)
    if plain is not None and plain.search(text) is not None:
        return True
    # the whole-word pattern can match only where one of its words stands: most texts hold none
    return latin is not None and latin.search(text) is not None and pattern is not None and pattern.search(text) is not None


def names_annual_cap(text: str) -> bool:
    """Whether ``text`` (lower case) names the per-entity annual cap: a year's word with a ceiling's ("一家单位一年最多
    多少", "what's the company-wide yearly ceiling"; "同一年三个品种合计多少" asks a sum, not the cap)."""
    lex = lexicon()
    return has_word(text, lex.annual_words) and has_word(text, lex.ceiling_words)


def word_position(text: str, words: tuple[str, ...] | list[str]) -> int:
    """Where the first of ``words`` stands in ``text`` (lower case), found as ``has_word`` finds it (an English word
    only as a whole word); ``len(text)`` when none does."""
    plain, _, whole = _word_matcher(words)
    found = [m.start() for pattern in (plain, whole) if pattern is not None and (m := pattern.search(text)) is not None]
    return min(found, default=len(text))


def _word_matcher(words: tuple[str, ...] | list[str]) -> Matcher:
    """``_words_matcher`` of ``words``; a tuple (the lexicon's lists) is found by identity, without hashing
    its words on every call."""
    if type(words) is tuple:
        kept = _matchers.get(id(words))
        if kept is not None:  # the entry holds its tuple: no other object has that id while it is kept
            return kept[1]
        matcher = _words_matcher(words)
        if len(_matchers) >= MATCHERS_KEPT:  # tuples made per call: start again rather than grow
            _matchers.clear()
        _matchers[id(words)] = (words, matcher)  # holds the tuple: its id is never another's while kept
        return matcher
    return _words_matcher(tuple(words))


@lru_cache(maxsize=MATCHERS_KEPT)
def _one_word(word: str) -> tuple[str, re.Pattern[str] | None]:
    """A word in lower case, and the pattern finding it only as a whole word when it has English letters
    (what ``_words_matcher`` makes of a list of one word)."""
    lowered = str(word).lower()
    return lowered, re.compile(word_pattern(lowered)) if re.search(r"[a-z]", lowered) else None


@cache
def _words_matcher(words: tuple[str, ...]) -> Matcher:
    """(one pattern finding any of the words without English letters as a substring, one finding any of the
    words with them as a substring, one finding those only as whole words); None where there are none.
    An alternation of plain words finds what testing each word as a substring finds, in a tenth of the
    time for the lexicon's longer lists."""
    lowered = [str(word).lower() for word in words]
    latin = sorted({w for w in lowered if re.search(r"[a-z]", w)}, key=lambda w: (-len(w), w))
    plain = [w for w in lowered if not re.search(r"[a-z]", w)]
    return (re.compile("|".join(map(re.escape, plain))) if plain else None,
            re.compile("|".join(map(re.escape, latin))) if latin else None,
            re.compile("|".join(word_pattern(w) for w in latin)) if latin else None)


def word_pattern(word: str) -> str:
    """A word with English letters matches only between non-letters ("it" not in "with"): where it starts with a
    letter, none before it; where it ends with one, none after it ("i期" in "i期ii期", before another stage)."""
    before = r"(?<![a-z])" if re.match(r"[a-z]", word) else ""
    if STAGE_WORD.match(word):  # ("A三期投了1.1亿" normalised "aiii期": a one-letter label may stand right before a stage)
        before = r"(?:(?<![a-z])|(?<=(?<![a-z])[a-hj-uw-z]))"
    after = r"(?![a-z])" if re.search(r"[a-z]$", word) else ""
    return f"{before}{re.escape(word)}{after}"


def points_back(text: str) -> bool:
    """Whether ``text`` (lower case) refers to what the conversation said before: a pointer word
    ("这个", "刚才") or a demonstrative before a noun ("这方案", "这类支持", "你头一个说的", "the overseas one")."""
    lex = lexicon()
    return has_word(text, lex.pointers) or bool(lex.pointer_pattern.search(text))


def points_only_at_document(text: str) -> bool:
    """Whether ``text`` (lower case) points at the document discussed ("市里这个政策本身有没有明确支持…") and at nothing
    else said before: the ask is about the document, not about what an ask before it found."""
    lex = lexicon()
    return points_at_document(text) and not points_back(
        lex.document_pointer_pattern.sub(" ", without_words(text, lex.document_pointers)))


def points_at_document(text: str) -> bool:
    """Whether ``text`` (lower case) points at the document discussed ("这个方案", "这方案", "this plan")."""
    lex = lexicon()
    return has_word(text, lex.document_pointers) or bool(lex.document_pointer_pattern.search(text))


def _pointed_document(text: str, current_document: str, cat: Catalogue) -> str:
    """The document "这个方案" / "那个意见" / "that plan" in ``text`` (lower case) points at: the one discussed, unless
    the kind of document it names is not in that one's title and the title of exactly one other document of
    measures or tasks holds it ("那市里2024年出的那个意见呢" after the Pudong 行动方案: the city's 若干意见)."""
    lex = lexicon()
    spans = [m.group(0) for m in lex.document_pointer_pattern.finditer(text)] + [w for w in lex.document_pointers if w in text]
    nouns = {noun for noun in lex.document_nouns if any(noun in span for span in spans)}
    if not nouns:
        return current_document

    def titled(document: Document) -> bool:
        return any(noun in f"{document.title} {document.title_en}".lower() for noun in nouns)

    if titled(cat.get(current_document)):
        return current_document
    others = [d.id for d in cat.indexed() if d.kind in {DocumentKind.POLICY, DocumentKind.DISTRICT_PLAN} and titled(d)]
    return others[0] if len(others) == 1 else current_document


def without_ask_words(text: str) -> str:
    """``text`` (lower case) without its ask words and pointers: what is left to search for."""
    # "哪几个部门负责", "找哪个部门办理", "which agencies handle …": a departments ask worded freely is an ask phrase
    # too, taken out whole before its words ("哪个部门") would leave the rest ("办理") behind
    text = lexicon().kind_patterns[AskKind.DEPARTMENTS].sub(" ", LIST_MARKER.sub(" ", text))
    words, starting_with = _ask_word_patterns()
    # every ask word is found in the text as written, overlaps too: "现在还能用吗" holds 现在还能 and 还能用, and
    # taking the longer out first would leave "用" behind as a topic. Only a word whose first character stands in
    # the text can stand in it ("" stands in every text); each run of removed characters becomes one space
    covered = bytearray(len(text))
    for index in {i for character in {*text, " ", ""} for i in starting_with.get(character, ())}:
        word, pattern = words[index]
        if word in text:  # a pattern matches only where its word stands: most of them are skipped without a regex call
            for match in pattern.finditer(text):
                covered[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    if any(covered):
        text = "".join(" " if covered[i] and (i == 0 or not covered[i - 1]) else "" if covered[i] else character
                       for i, character in enumerate(text))
    return " ".join(lexicon().pointer_pattern.sub(" ", text).split())


@cache
def _ask_word_patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, tuple[int, ...]]]:
    """(each ask word or pointer with its pattern, the longest first; the positions of the words by their
    first character)."""
    lex = lexicon()
    words = sorted({w for _, ws in lex.kinds for w in ws} | set(lex.pointers) | set(lex.reply_form_words), key=lambda w: (-len(w), w))
    starting_with: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        starting_with.setdefault(word[:1], []).append(index)
    return (tuple((word, re.compile(word_pattern(word))) for word in words),
            {character: tuple(indices) for character, indices in starting_with.items()})


def in_shanghai(place: str) -> bool:
    """Whether a registration place names Shanghai or one of its districts (``understanding.yaml``
    ``shanghai_places``): "上海市浦东新区", "Shanghai", "张江" are Shanghai; "杭州" is not."""
    text = normalise(place).lower()
    return any(str(name).lower() in text for name in lexicon().facts["shanghai_places"])


def _without_seat(text: str, lex: _Lexicon) -> str:
    """``text`` with each Shanghai place named as the asker's seat ("在浦东注册") blanked out; the pattern is
    run only when one of its places stands in the text (most messages name none)."""
    if not any(place in text for place in lex.seat_places):
        return text
    return lex.place_as_seat.sub(" ", text)


def documents_named(text: str, cat: Catalogue) -> set[str]:
    """The ids of the documents ``text`` (lower case) names; "[pudong2022:task-01]" is a marker, not a name, and
    "在浦东注册" names where the asker is, not the Pudong plan, unless the text then points at its district's plan
    ("我们去年把公司搬到浦东了，区里以前发过一个…三年行动方案": the plan of the district named as the seat)."""
    unmarked = CITATION_MARKER.sub(" ", text)
    named = cat.named_in(_without_seat(unmarked, lexicon()))
    if not named and lexicon().district_plan_pointed.search(unmarked):
        named = {doc for doc in cat.named_in(unmarked) if cat.get(doc).kind is DocumentKind.DISTRICT_PLAN}
    return named


def without_background(cased: str) -> str:
    """``cased`` (normalised) with the figures about the enterprise's size blanked out, character for
    character (positions are kept): "员工320人，去年营收3.2亿元，注册资本1.5亿" states nothing a rule reads,
    so no amount is taken from it and its words do not decide the question's scope."""
    return lexicon().background.sub(lambda m: " " * len(m[0]), cased)


def without_form_requests(cased: str) -> str:
    """``cased`` (normalised) with the requests for the answer's form blanked, character for character (positions
    are kept): "要条款和一句能念的答复", "give me the article and a line I can read out" ask for the citation and a
    lead, which every answer has; their words find no article and ask nothing of their own."""
    return lexicon().answer_form_request.sub(lambda m: " " * len(m[0]), cased)


def without_slips(cased: str) -> str:
    """``cased`` (normalised) with each slip the asker puts right blanked, character for character (positions are
    kept): after a correction word (``slip_corrected``: "哦不对他更正一下是3500万", "等下他说搞错了，是海外临床试验的险"),
    the first amount, trial place or stage (``slip_kinds``) of its clause replaces the last different one of that kind
    said before the word; unchanged when no such pair stands."""
    lowered = cased.lower()
    blanked = list(cased)
    for marker in lexicon().slip_corrected.finditer(lowered):
        slip = _slip_put_right(cased, lowered, marker)
        if slip is not None:
            start, stop = slip
            blanked[start:stop] = " " * (stop - start)
    return "".join(blanked)


def _slip_put_right(cased: str, lowered: str, marker: re.Match[str]) -> tuple[int, int] | None:
    """The (start, end) of the slip the correction word ``marker`` puts right: the last amount before it other than
    the first one of its clause, else the last trial place or stage before it other than the one its clause names;
    None when its clause restates none of them."""
    mark = re.search(r"[。？?！!；;]", lowered[marker.end():])
    end = marker.end() + mark.start() if mark is not None else len(lowered)
    amounts = find_amounts(cased)
    said = next((a for a in amounts if marker.end() <= a.start < end), None)
    if said is not None:
        slips = [(a.start, a.end) for a in amounts if a.end <= marker.start() and a.yuan != said.yuan]
        return slips[-1] if slips else None
    for pattern in lexicon().slip_kinds.values():
        restated = pattern.search(lowered, marker.end(), end)
        if restated is not None:
            slips = [m.span() for m in pattern.finditer(lowered, 0, marker.start()) if m[0] != restated[0]]
            return slips[-1] if slips else None
    return None


def english_sentences_marked(text: str) -> str:
    """``text`` with each English sentence's closing ". " written "。 ", the same length: positions are kept."""
    return ENGLISH_SENTENCE_END.sub(lambda m: "。" + m[0][1:], text)


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def sentences(text: str) -> tuple[tuple[int, int, bool], ...]:
    """``text`` (normalised) cut into sentences: (start, end, whether it asks something). A sentence
    ends at 。？！； (or ". " in English), or before a clause opening another subject ("，另外…");
    it asks when it holds a question mark, ends in 吗/么/呢 or holds a question word ("几个仿制药"
    states a count: 几 is no question word here). Kept for recent texts: a turn's understanding and its
    scope check both cut the same message."""
    bounded = english_sentences_marked(text)
    ends = {m.end() for m in lexicon().clause_split.finditer(bounded)} | {m.end() for m in OTHER_SUBJECT.finditer(bounded)}
    cuts = [0, *sorted(ends - {0, len(text)}), len(text)]
    spans = []
    for start, end in itertools.pairwise(cuts):
        sentence = text[start:end]
        if sentence.strip(" ,。!;\n"):
            asks = clause_asks(sentence)
            spans.append((start, end, asks))
    return tuple(spans)


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` (normalised, cut as ``sentences`` cuts it) that holds position
    ``at``; the whole text when none does."""
    return next(((a, b) for a, b, _ in sentences(text) if a <= at < b), (0, len(text)))


def asks_overlap(text: str) -> bool:
    """Whether lower-cased ``text`` asks if two policies' support adds up (``overlap_words``, ``district_overlap``):
    the scope paragraph's 从优、就高、不重复 answers."""
    lex = lexicon()
    return has_word(text, lex.overlap_words) or bool(lex.district_overlap.search(text))


def asking_part(text: str) -> str:
    """The sentences of ``text`` (an ask's clause) that ask, joined; its last sentence when none is marked as
    asking (an English question whose mark the clause lost: "I lead a device company in Jiading. Are
    companies like ours covered …"); "" for an empty text."""
    spans = sentences(text)
    asking = [text[start:end] for start, end, asks in spans if asks]
    if asking:
        return " ".join(asking)
    return text[spans[-1][0]:spans[-1][1]] if spans else text


def understand(message: str, current_document: str | None, cat: Catalogue, previous: Question | None = None,
               earlier_facts: Facts | None = None, earlier: Sequence[Question] = ()) -> Question:
    """Read one turn. ``current_document`` is the document the conversation was about (or None);
    ``previous`` the turn before, whose ask an elliptical turn ("那细胞治疗的呢？") asks again;
    ``earlier_facts`` what the conversation's earlier turns stated about the asker; ``earlier`` its
    earlier turns in scope, oldest first, one of which a turn may point back at ("第一个问的那个").

    A message is read once per (previous turn, earlier facts): the next turn reads this one again as its
    context, with the same arguments but no earlier turns, and finds it read (``_read_kept``)."""
    question = _read_kept(message, cat, previous, earlier_facts, tuple(earlier))
    if question.document is None and current_document is not None and (
            points_at_document(question.text) or tasks_named(question.text)):
        # "这个方案…", "第九项任务是什么": the document the conversation is about, unless the turn names another
        return replace(question, document=_pointed_document(question.text, current_document, cat), document_pointed=True)
    if (question.document is None and current_document is None and previous is None
            and any(a.kind is AskKind.VALIDITY for a in question.asks) and lexicon().document_pointer_pattern.search(question.text)):
        # "这个政策什么时候到期？" as the first turn: no document discussed yet, so the policy in force the service is about
        return replace(question, document=city_policy(cat))
    return question


def _read_kept(message: str, cat: Catalogue, previous: Question | None, earlier_facts: Facts | None,
               earlier: tuple[Question, ...]) -> Question:
    """``_read`` of these arguments, with the earlier turn ``earlier`` recalls. The reading is kept for
    recent messages, by the identity of the catalogue, previous turn and facts: the kept entry holds on
    to them, so while it is kept no other object can have one of their ids, and a key found is those very
    objects. The earlier turns decide only which one is recalled, so the reading is kept without them
    (the next turn reads this message again as its context, with none)."""
    key = (message, id(cat), id(previous), id(earlier_facts))
    with _read_lock:
        kept = _read_cache.get(key)
        if kept is not None:
            _read_cache.move_to_end(key)
    if kept is not None:
        question = kept[0]
    else:
        question = _read(message, cat, previous, earlier_facts)
        with _read_lock:
            _read_cache[key] = (question, (cat, previous, earlier_facts))
            _read_cache.move_to_end(key)
            while len(_read_cache) > READ_CACHE_SIZE:
                _read_cache.popitem(last=False)
    recalled = _recalled_turn(question.text, question.document, previous, earlier)
    if recalled:
        return replace(question, recalled_text=recalled)
    each = _each_recalled(question, earlier)
    return replace(question, recalled_turns=each) if each else question


def _read(message: str, cat: Catalogue, previous: Question | None, earlier_facts: Facts | None) -> Question:
    """The turn read without the conversation's current document (``understand`` points at it) and
    without an earlier turn recalled (``_read_kept`` finds it)."""
    lex = lexicon()
    cased = without_slips(without_background(without_form_requests(written(normalise(message)))))
    # "那这个呢：国内临床试验责任险保费交了80万": the pointer points at the premium that follows, asked as the last turn asked
    forward = lex.forward_pointer.search(cased)
    if forward is not None and cased[forward.end():].strip():
        cased = cased[forward.end():]
    else:
        forward = None
    text = cased.lower()
    facts = read_facts(*_of_party_asked(cased, lex))
    if earlier_facts is not None and earlier_facts.usd_rate is not None and any(a.currency == USD for a in facts.amounts):
        # "correction: the upfront was US$15 million, not 12" after "(take 7.1 RMB/USD)": the rate the asker gave holds
        amounts = at_stated_rate(facts.amounts, earlier_facts.usd_rate)
        facts = replace(facts, amounts=amounts, usd_rate=earlier_facts.usd_rate)
    if earlier_facts is not None and earlier_facts.foreign_rate is not None and any(
            a.currency == OTHER_CURRENCY and a.foreign == earlier_facts.foreign_rate[0] for a in facts.amounts):
        # "what if the overseas trial premium had been EUR 300,000 instead?" after "take 7.8 RMB per euro"
        amounts = at_foreign_rates(facts.amounts, "", earlier_facts.foreign_rate)
        facts = replace(facts, amounts=amounts, foreign_rate=earlier_facts.foreign_rate)
    if not facts.amounts and previous is not None and (rate := stated_rate(cased)) is not None:
        # "汇率改成7.0，重新算一下？" after "9000美元，汇率按7.2算": the dollars the turn before stated, at the new rate
        dollars = tuple(replace(a, yuan=a.dollars, currency=USD) for a in previous.facts.amounts
                        if a.dollars is not None and not a.foreign)
        if dollars:
            facts = replace(facts, amounts=at_stated_rate(dollars, rate), usd_rate=rate)
    own_amounts = bool(facts.amounts)
    asks = _asks(cased, lex, previous.asks[-1] if previous and previous.asks else None, facts)
    # the item a turn names, by its order ("第二个品种") or by the label the turn before gave it ("B的投入")
    # (labels given over several turns count in the order given: "A品种…", then "再加一个B品种…", then "…品种C")
    given = tuple(dict.fromkeys([*(previous.labels_given if previous is not None else ()), *_labels(cased, lex)]))
    order = _item_order(text, lex) or _label_order(cased, previous.labels_given if previous is not None else (), lex)
    corrected = _item_corrected(cased, text, lex, order)
    # "更正：第1项的产值应为2000万元，请重新计算": a correction of an item said before follows it up
    # ("器械那条，每个单位每年累计也有封顶吗" after turns on drugs: the pointer names a subject of its own, not the one before)
    pointed = points_back(text) and not (facts.states_subject() and lex.subject_pointer.search(text))
    follow_up = has_word(text, lex.follow_up) or pointed or has_word(text, lex.total_words) or (
        previous is not None and corrected != (None, None))
    # "1类新药II期能拿多少？" after a question on an overseas trial's premium is a new subject: what was said
    # about that trial is not said about this drug; a follow-up ("那海外的呢？", "再加一个") keeps it
    new_subject = (previous is not None and facts.states_subject() and not follow_up
                   and not has_word(text, lex.add_item) and not any(a.elliptical or a.points_back for a in asks))
    if new_subject and earlier_facts is not None:
        earlier_facts = earlier_facts.enterprise_only()
    elif (earlier_facts is not None and has_word(text, lex.add_item) and facts.names_product()
          and not earlier_facts.names_product() and facts.trial_location is None):
        # "再加上一个1类新药Ⅱ期" after an overseas trial's premium: the product added is named for the first time;
        # where the earlier trial ran was said of that trial, not of this drug
        earlier_facts = replace(earlier_facts, trial_location=None)
    # amounts stated before the question came; a figure heard and put right in its own turn ("I read it gives up to RMB
    # 50 million for Phase III. Correct?") is no premise of the next ("And for a cell therapy's early stage?")
    carried = tuple(a for a in earlier_facts.amounts if a.role is not AmountRole.CLAIMED) if earlier_facts is not None else ()
    if not facts.amounts and carried and any(a.kind in AWARD_KINDS for a in asks):
        facts = replace(facts, amounts=carried)
    inherits = previous is not None and bool(lex.elliptical.search(text)) and _kind(text, lex, own_words_only=True) is None
    # "[pudong2022:task-01]" is a marker, not a name; "在浦东注册" names where the asker is, not the Pudong plan
    named = documents_named(text, cat)
    document = sorted(named)[0] if len(named) == 1 else None
    if document is None and previous is not None and has_word(text, lex.city_document_words) and _brief(text):
        document = city_policy(cat)  # a short "那市里的呢" after a question on the Pudong plan
    if document is None and not named and any(a.kind is AskKind.VALIDITY for a in asks) and lex.city_policy_named.search(text):
        document = city_policy(cat)  # "Is the main policy still in force?": the city's policy, named in everyday words
    if document is None and not named and previous is not None and lex.city_policy_current.search(text):
        document = city_policy(cat)  # "回到市里今年这个新政，…" after turns on the Pudong plan: back to the city's policy
    if (len(named) == 1 and cat.get(next(iter(named))).kind is DocumentKind.DISTRICT_PLAN
            and lex.city_policy_current.search(text) and lex.plan_said_ended.search(text)):
        # "Since that Pudong plan is old — what does the current city-wide policy offer…": the plan named as ended, the
        # policy in force asked
        document = city_policy(cat)
    stripped = re.sub(r"[\s\W_]+", "", text)
    bare_reply = _kind(text.rstrip(" ？?。.!！"), lex) is None
    pending = _pending_ask(previous, facts) if bare_reply else None
    if pending is not None:
        # "是一个1类新药，在国内做的确证性临床，研发投入2亿元。" after "临床试验做完了，能补多少？": the statement
        # answers the ask still open, with the facts it states (not a note for the company profile)
        asks = (replace(pending, text=cased if forward is not None else f"{pending.text}，{cased}", points_back=False, elliptical=False),)
    elif previous is not None and lex.why_asked.match(text) and any(a.kind in FIGURE_ASKS for a in previous.asks):
        # "为什么是按10%算，不是30%？", "为什么不是按500万给？" after an award: the award before again, its terms quoted; the
        # figures the asker names are the answer's own (a rate, a ceiling), none of them a base of the case
        asks = (Ask(AskKind.AMOUNT, cased, points_back=True, elliptical=True),)
        facts = replace(facts, amounts=tuple(replace(a, role=AmountRole.CONTEXT) for a in facts.amounts))
    elif (previous is not None and not facts.amounts and any(a.kind in FIGURE_ASKS for a in previous.asks)
          and len(asks) == 1 and asks[0].kind in FIGURE_ASKS and _base_scaled(text, lex) is not None):
        # "如果投入比这个多20%呢" after an award: the award before again, its bases scaled
        asks = (Ask(AskKind.AMOUNT, cased, points_back=True, elliptical=True),)
    return Question(
        original=message,
        text=text,
        language=_language(message, previous),
        asks=asks,
        facts=facts,
        document=document,
        # ("另外还有B品种，受托产值8000万，这样两个加起来呢？": an amount of its own and a count of the items summed, after
        # a turn: the item is added to those before it)
        # ("乙品种受托产值6,800万呢" after "甲品种…3200万": a 甲乙丙 label not given before, with an amount, is one more item;
        # "那B药呢，…III期…8000万" after "A药…II期" stays the stage's own item)
        adds_item=(has_word(text, lex.add_item) or bool(lex.add_items.search(text)) or (
            previous is not None and bool(own_amounts) and bool(previous.labels_given)
            and any(label not in previous.labels_given and label in ORDINAL_LABELS for label in _labels(cased, lex))) or (
            previous is not None and bool(own_amounts) and (_items_counted_by_total(text, lex) or 0) > 1
            and not lex.each.search(text))) and corrected[0] is None
        # ("好，那这个呢：另一个产品在日本PMDA通过了…研发投入4000万": the case pointed at is asked on its own, unless a
        # total is asked of it with the others)
        and (forward is None or has_word(text, lex.total_words)),
        items_added=_items_added(text, lex),
        corrects_order=corrected[0],
        corrects_yuan=corrected[1],
        corrects_item=bool(lex.item_correction.search(text)),
        names_order=order,
        labels_given=given,
        asks_ceiling=names_ceiling(text, facts) or (
            (inherits or bare_reply) and previous is not None and previous.asks_ceiling),
        asks_total=has_word(lex.spend_total.sub(" ", lex.cap_named_total.sub(" ", text)), lex.total_words),
        asks_more=has_word(text, lex.more_asked),
        base_scaled=_base_scaled(text, lex) if previous is not None and not own_amounts else None,
        asks_headroom=bool(lex.headroom_asked.search(text)) or any(
            # ("这两笔要是同一年批下来，会不会超过公司每年的上限？": whether the total reaches the cap, asked yes or no)
            lex.cap_reached_asked.search(a.own_words.lower()) for a in asks if a.kind in {*FIGURE_ASKS, AskKind.WHAT}),
        # "那个方案现在还有效吗" after "…到2024年…目标": no time of this message's own, the question is put to today
        asks_of_today=facts.event_on is None and has_word(text, lex.present_words),
        states_amounts=own_amounts,
        asks_annual_cap=not own_amounts and has_word(text, lex.annual_words) and (
            has_word(text, lex.ceiling_words) or has_word(text, lex.total_words)),
        earlier_facts=earlier_facts,
        context_text=previous.text if previous is not None else "",
        follow_up=follow_up,
        new_subject=new_subject,
        bare_reply=bare_reply,
        replies_to_ask=pending is not None,
        greeting_only=bool(stripped) and any(stripped.rstrip("啊呀呢吗哈") == re.sub(r"\W+", "", g) for g in GREETINGS),
    )


def _language(message: str, previous: Question | None) -> Language:
    """The script to answer in: the message's own; a message whose characters are the same in both scripts
    ("那二期呢？", "三期") keeps the traditional script of the conversation's turn before it."""
    language = detect_language(message)
    if language is Language.SIMPLIFIED and previous is not None and previous.language is Language.TRADITIONAL and (
            in_script(message, Language.TRADITIONAL) == message):
        return Language.TRADITIONAL
    return language


def _recalled_turn(text: str, document: str | None, previous: Question | None, earlier: Sequence[Question]) -> str:
    """The text of the earlier turn ``text`` points back at past the last one: the first question
    ("第一个问的那个是哪些部门负责"), or the latest one about the document it names when the last turn was
    about another and the turn points back or returns ("浦东那条哪个部门负责" after "市里的呢", "再回到发布会，…");
    "" when it points at none of them."""
    if len(earlier) < 2:
        return ""
    lex = lexicon()
    if lex.first_turn.search(text):
        return earlier[0].text
    if document is not None and previous is not None and previous.document != document and (
            points_back(text) or has_word(text, lex.return_words)):
        return next((q.text for q in reversed(earlier) if q.document == document), "")
    if (document is None and previous is not None and previous.document is not None and has_word(text, lex.return_words)
            and not _names_topic_of(text, previous.text)):
        # "回到政策里厂房那条" after a turn about the reply letter: the latest turn before it about another document
        # ("回到刚才的目录，…" after the press answer on the catalogue returns to that answer, not past it)
        return next((q.text for q in reversed(earlier[:-1]) if q.document != previous.document), "")
    return ""


def _names_topic_of(text: str, earlier: str) -> bool:
    """Whether ``text`` names a topic word of the ``earlier`` turn (a search term of two characters or more that
    is neither a return word nor a word naming a policy as such: "目录" of "国家药品目录")."""
    lex = lexicon()
    plain = set(lex.return_words) | set(lex.policy_self_words)
    own = {t for t in tokenize(without_ask_words(text.lower())) if len(t) > 1 and t not in plain}
    return bool(own & set(tokenize(earlier.lower())))


def _each_recalled(question: Question, earlier: Sequence[Question]) -> tuple[str, ...]:
    """The texts of the last turns a turn asking "each of these" or comparing them counts back to, oldest first
    ("这两件事分别找谁？", "这两个数怎么对不上？" after two questions: those two); () when the turn counts none, asks something besides, or fewer turns came."""
    lex = lexicon()
    if len(question.asks) != 1 or not has_word(question.text, (*lex.each_asked, *lex.comparison_asks)):
        return ()
    count = next((n for n, pattern in lex.each_turn_counts if pattern.search(question.text)), None)
    if count == 0:  # "这几件事": several, as many as were asked (up to several_turns_max)
        count = min(len(earlier), lex.several_turns_max)
    return tuple(q.text for q in earlier[-count:]) if count is not None and 1 < count <= len(earlier) else ()


def city_policy(cat: Catalogue) -> str | None:
    """The id of the city's policy no later one superseded (``policy2024``), or None."""
    return next((d.id for d in cat.documents if d.kind is DocumentKind.POLICY and not d.superseded_by
                 and not d.followed_by), None)


def _pending_ask(previous: Question | None, facts: Facts) -> Ask | None:
    """The award ask a statement answers: the last amount, base or eligibility ask of the previous turn, when
    that turn was a question and the statement says something an award reads (a class, a trial's place, a
    registration …) beyond a bare number; None otherwise."""
    if previous is None or not previous.asks or not (previous.replies_to_ask or any(asking for _, _, asking in sentences(previous.text))):
        # "我们是上海注册的企业，属于中小微企业。" states, it asks nothing to be answered; a statement answering the
        # ask still open ("还没开始卖" … "现在已经在日本上市销售了") leaves it open for the next one
        return None
    ask = previous.asks[-1]
    if ask.kind not in AWARD_KINDS:
        return None
    return ask if states_conditions(facts) or facts.states_subject() or facts.cgt or facts.device else None


def states_conditions(facts: Facts) -> bool:
    """Whether ``facts`` say something a condition of an award reads (class, trial place, registration,
    relation, role, who the asker is or is not, a product sold abroad and its regulator, whom its services are for,
    a condition said unmet)."""
    return any(v is not None for v in (facts.drug_class, facts.trial_location, facts.registered,
                                        facts.related_party, facts.applicant_role, facts.enterprise_size,
                                        facts.entity_type, facts.registration_applicant, facts.sold_abroad,
                                        facts.regulator, facts.clients)) or bool(
        facts.unmet or facts.entity_denied)


def _opens_the_next(clause: str, text: str, following: str, lex: _Lexicon) -> bool:
    """Whether ``clause``, asking nothing itself, opens the clause after it in the same question: its last sentence
    starts with a word framing what follows (``frame_openers``: "under", "according to", "按照"), only a comma stands
    between them in ``text`` and that clause has an ask kind of its own ("Under the new Shanghai policy, how much would
    the city put up for him?": the document the amount is asked under, not a question of its own)."""
    last_sentence = re.split(r"(?<=[.!])\s+|[。！]", clause)[-1].strip().lower()
    if not last_sentence.startswith(lex.frame_openers):
        return False
    start = text.find(clause)
    start_next = text.find(following, start + len(clause)) if start >= 0 else -1
    if start_next < 0:
        return False
    return text[start + len(clause):start_next].strip() in {",", "，"} and _asked_kind(following.lower(), lex) is not None


def _kept_beside_set_aside(clause: str, lex: _Lexicon) -> str:
    """The parts of ``clause`` (cut at commas) a part setting something aside leaves: a part that names what it sets
    aside ("贷款利率8.5%不用管") drops itself; one pointing back ("这个不用查") drops the part before it too; "" when
    nothing is left."""
    parts = re.split(r"[,，]", clause)
    dropped: set[int] = set()
    for i, part in enumerate(parts):
        if lex.not_wanted.search(BRACKETED.sub(" ", part.lower())):
            dropped.add(i)
            if POINTS_BACK.match(part) and i > 0:
                dropped.add(i - 1)
    return "，".join(part for i, part in enumerate(parts) if i not in dropped and part.strip())


POINTS_BACK = re.compile(r"\s*(?:这|那|此|该|\bthis\b|\bthat\b|\bit\b|\bthose\b|\bthese\b)", re.IGNORECASE)


def _asks(text: str, lex: _Lexicon, before: Ask | None = None, facts: Facts | None = None) -> tuple[Ask, ...]:
    """One ask per clause that asks something; a message with no ask word is one WHAT ask.

    ``text`` is the normalised message in its own case (search terms such as ``II期`` keep it);
    ask words are matched on its lower-case form. An elliptical clause ("海外的呢") takes the kind of
    the ask before it: this message's, else ``before`` (the previous turn's last ask); one that states
    a base ("那III期呢？投入5000万") asks for an amount whatever the ask before it was. ``facts``: the
    message's; when a condition reads them, a yes/no question about them asks for a verdict.
    """
    stated = facts is not None and states_conditions(facts)
    own_case = facts is not None and tells_own_case(text.lower(), facts)
    bases = [a.text.lower() for a in (facts.amounts if facts else ()) if a.role in {AmountRole.BASE, AmountRole.FEE}]
    asks: list[Ask] = []
    context: list[str] = []
    stated_sentences = {text[a:b].strip(" ，,。") for a, b, asking in sentences(text) if not asking} if (
        "?" in text or "？" in text) else set()
    opening = lex.list_opening.match(text)
    announced = AskKind.FIGURE if opening is not None and lex.list_of_figures.search(opening[0]) else AskKind.WHAT
    clauses = _clauses(text, lex)
    for number, (clause, questioned, numbered) in enumerate(clauses):
        if lex.courtesy_only.match(clause):
            continue  # "…③在科创板上市的有多少家。谢谢！！": thanks ask nothing, whatever list they close
        clause = lex.relayed_request.sub("", clause, count=1) or clause  # ("老板让我算一下：" asks nothing itself)
        # ("拿证这一块的研发支持（不是特别审查那300万）能申请吗": the item named as not asked about is no part of the ask)
        if lex.roles["other_item_aside"].search(clause):
            clause = lex.roles["other_item_aside"].sub(" ", clause).strip() or clause
        if lex.asks_announced.match(clause):
            continue  # "喂你好，我一口气问几个啊，…第一个是…": the count of asks is no ask of its own
        if lex.not_yet_found_out.search(clause.lower()):
            continue  # "两家之间有没有股权往来我还没来得及问": what the asker has yet to find out, told, not asked
        if not questioned and lex.doubted_fact.search(clause.lower()) and not BRACKETED.sub(
                " ", lex.doubted_fact.sub(" ", clause.lower())).strip(" ，,。"):
            continue  # "拿证后生产怎么安排我不太清楚（归运营部管）。": what the asker does not know, told, not asked
        if lex.not_wanted.search(BRACKETED.sub(" ", clause.lower())) and not QUESTION_WORDS.search(clause.lower()):
            # "我手上材料说工业总产值2023年是1860亿，这个不用查，就要前面那个": told and set aside, no ask's words (an aside
            # in brackets sets aside only itself: "II期…3800万左右（I期那时候花的1100万…不用管）"); a part naming what it
            # sets aside sets aside only itself ("…受托年生产产值分别是3200万、6800万、2500万，贷款利率8.5%不用管")
            kept = _kept_beside_set_aside(clause, lex)
            if not kept:
                continue
            clause = kept
        if (lex.wants_to_know.search(clause.lower()) and any(clause in told for told in stated_sentences)
                and any(questioned for _, questioned, _ in clauses[number + 1:])):
            continue  # "有个客户想了解下…整体盘子有几大，写投资报告用。2023年…规模是多少？": the wish told, the question after it asks
        kind = _asked_kind(clause.lower(), lex)
        if kind is AskKind.WHAT and clause in stated_sentences and any(
                questioned and lex.ask_opening.match(later) for later, questioned, _ in clauses[number + 1:]):
            continue  # "…想把未来几年各个节点和市里的政策申报对一下。请问…到哪天为止有效？": what the asker is doing, told before "请问"
        # the message's last words with no mark after them may be a question that lost its mark ("…？16年以来批了几个1类创新药")
        unmarked_end = text.rstrip().endswith(clause)
        # the asker counting its own ("我们孵化器里有几家做AI制药的小公司，…有支持吗") tells, before what it asks
        told_of_own = clause.lstrip().lower().startswith(lex.self_words)
        # ("…II期临床全放在上海几家三甲医院做，做完以后能申请…吗": 几家 with more after it in a clause that is no question)
        few = bool(INDEFINITE_COUNT.search(clause))  # "几个", "几所": a few, said or asked
        # (the kind the clause asks once "a few" is taken out, read once for the two readings below)
        kind_without_few = _kind(INDEFINITE_COUNT.sub(" ", clause.lower()), lex, own_words_only=True) if (
            few and kind in {AskKind.FIGURE, AskKind.WHAT}) else None
        # (a clause of a sentence that asks nothing, "今年有几个1类新药项目完成了国内临床——药A三期，研发投入1.2亿；药B…", is told)
        if (kind is AskKind.FIGURE or (kind is AskKind.WHAT and not questioned)) and (
                any(clause in told for told in stated_sentences) or told_of_own or SOME_SAID.search(clause)) and not unmarked_end and (
                few and kind_without_few is None):
            # "明年打算参加几个展会。补助标准是什么？": 几个 says "a few" in a sentence that asks nothing ("打算跟几所高校签…
            # 服务，想走市里那个贴息。贴息的利率…是多少？")
            kind = None
        elif kind is AskKind.FIGURE and few and kind_without_few not in {None, AskKind.FIGURE}:
            # "…跟几个老同事在杨浦办了个民办非企业单位…我想问我们这种民非单位算不算在…支持范围里面": "a few" colleagues told,
            # the verdict asked
            kind = kind_without_few
        elif kind is AskKind.FIGURE and clause in stated_sentences and not unmarked_end and not QUESTION_WORDS.search(
                clause.lower()) and read_facts(clause, clause.lower()).amounts:
            kind = None  # "…合同金额加起来大概2.1个亿。…最多能拿多少？": a total stated in a sentence that asks nothing
        elif kind is AskKind.DURATION and not unmarked_end and any(clause in stated for stated in stated_sentences) and not (
                QUESTION_WORDS.search(clause.lower())):
            kind = None  # "…老板问时间表。…这两样审评时限分别会压缩到多少个工作日？": the schedule wanted is the case, the later sentence asks
        elif kind is AskKind.AMOUNT and clause in stated_sentences and (
                not has_word(clause.lower(), lex.quantity_words)
                or not _kind(without_words(clause.lower(), lex.total_words), lex, own_words_only=True)):
            # "预计2029年10月才能拿到注册证。到时候还能申请吗？": 能拿到 states the case, it asks nothing;
            # "我们集团有三家子公司，合计员工1500人。…什么时候开始实施？": 合计 states a total, it asks none
            kind = None
        elif kind is AskKind.DEPARTMENTS and clause in stated_sentences and DEPARTMENT_ACTED.search(clause) and not (
                QUESTION_WORDS.search(clause)):
            kind = None  # "主管部门核定的新增投资是2.4亿元。…最多能拿多少？": a department acting in the case, none asked
        elif kind is AskKind.ELIGIBILITY and not unmarked_end and _told_not_asked(clause, text):
            kind = None  # "…应该符合条件。能拿什么支持？": the case told (符合 states it), the support asked
        elif kind is AskKind.ELIGIBILITY and (asked := _asked_sentences(clause)) != clause and _asked_kind(
                asked.lower(), lex) not in {None, AskKind.ELIGIBILITY}:
            kind = _asked_kind(asked.lower(), lex)  # "…, so we think we qualify. What support is there?": the support
        elif kind is AskKind.FIGURE and ORDINAL_ASKED.search(clause) and not _kind(
                ORDINAL_ASKED.sub(" ", clause.lower()), lex, own_words_only=True):
            kind = AskKind.WHAT  # "…是第几项任务": the item the text numbers, not a figure it states
        elif kind is AskKind.VALIDITY and _said_by(text, clause).registered == "elsewhere":
            # "If we registered in Hangzhou, would the policy still apply to us?": whether the asker registered there
            # is covered (the scope's condition), not the document's term (a seat told in a later ask is that ask's:
            # "1）…这个文件什么时候到期？2）我们公司注册在香港…能申请吗？")
            kind = AskKind.ELIGIBILITY
        elif kind is AskKind.VALIDITY and lex.within_term_asked.search(clause.lower()) and (
                _said_by(text, clause).event_on is not None):
            # "2024年6月中旬…参加了一个国际康复医学展…那6月份这一次参展到底在不在它管的时间里？": whether the month told
            # falls in the term is a verdict on the case, not the document's term alone
            kind = AskKind.ELIGIBILITY
        elif kind is AskKind.VALIDITY and _asks_eligibility_after_telling(clause, lex):
            # "可是这份政策是8月1日才开始实施的，7月份的参展费用还能申请支持吗": the term told, a verdict asked
            kind = AskKind.ELIGIBILITY
        elif kind is AskKind.VALIDITY and stated and lex.applies_to_asker.search(clause.lower()):
            # "…Phase I only in the US. Does the clinical trial support still apply to us?": whether a measure
            # applies to the case told is a verdict on its conditions, not the document's term
            kind = AskKind.ELIGIBILITY
        elif kind is None and questioned and labels_named(clause) and lex.label_hedged.search(clause.lower()) and any(
                later_questioned for _, later_questioned, _ in clauses[number + 1:]):
            pass  # "我记得是第（二十三）条？按10%算一共能拿多少？": the label remembered is the next ask's premise, no ask
        elif kind is None and asks and _writing_task().search(clause):
            kind = AskKind.WHAT  # "…多少标准化厂房？顺便帮我写份项目申报书": a request of its own, refused on its own
        elif kind is None and questioned and not read_facts(clause, clause.lower()).amounts and not (
                number < len(clauses) - 1 and clauses[number + 1][1]
                and (told_of_own or _opens_the_next(clause, text, clauses[number + 1][0], lex))):
            # (the asker telling of itself before another clause of the same question asks nothing: "我们公司注册在苏州
            # 工业园区，…能申请上海（五）那条吗？")
            # "是放在哪个区域做的？": a question mark makes a question of a clause without ask words; one stating
            # amounts ("我们投了5000万，能拿1500万吧？") is the case of the ask before it
            kind = AskKind.WHAT
        elif kind is None and numbered and _quotes_claim(clause, text, lex):
            kind = AskKind.WHAT  # "①“…每个品种最高补贴1000万元”；②“…”，这俩说法对吗": each claim numbered is checked on its own
        elif kind is None and (numbered or opening is not None) and not told_of_own and not (
                (told := read_facts(clause, clause.lower())).tells_case() or told.amounts):
            # "Two numbers: the industry's size in 2023, and …": a part the message announced or numbered as an ask
            # asks, in words of no kind, what the opening announced (a figure for "numbers"); one stating amounts
            # ("2) high-end equipment cover, premium RMB 0.9 million?") is another item of the ask before it
            kind = announced
        if kind is AskKind.DURATION and number < len(clauses) - 1 and ANNOUNCING.search(clause.rstrip()):
            kind = None  # "想确认三个时限：": the list's opening, the numbered parts ask
        earlier = asks[-1] if asks else before
        # "and for corporate venture capital, what support do CVCs get?" after "how big is it?": a support question of
        # its own, not the size asked again (after an award ask, "那CRO有什么支持呢" still asks that award's terms)
        own_support_ask = bool(lex.support_asked.search(clause.lower())) and earlier is not None and earlier.kind not in AWARD_KINDS
        elliptical = earlier is not None and not own_support_ask and (
            (_kind(clause.lower(), lex, own_words_only=True) is None and bool(lex.elliptical.search(clause.lower())))
            # ("想问产值要到多少才算？…支持金额又是多少？": a sum of support asked in its own words after another ask is
            # that sum, not the ask before again)
            or (bool(lex.asked_again.search(clause)) and (earlier.kind in AWARD_KINDS or _kind(
                clause.lower(), lex, own_words_only=True) is not AskKind.AMOUNT)))
        if elliptical:
            assert earlier is not None
            kind = earlier.kind
            if kind is AskKind.VALIDITY and states_conditions(read_facts(clause, clause.lower())):
                kind = AskKind.ELIGIBILITY  # "那如果委托方是我们的关联公司呢？" after "还有效吗": a condition's fact, a verdict
            elif kind is AskKind.VALIDITY and (tasks_named(clause) or labels_named(clause)):
                kind = AskKind.WHAT  # "What about task 17?" after "is the plan still valid?": what that task says
            elif kind is AskKind.HOW_TO_APPLY and has_word(earlier.text.lower(), lex.time_limit_asks) and not has_word(
                    earlier.text.lower(), lex.application_words):
                kind = AskKind.DURATION  # "And for the lead site?" after a site's review deadline: its time limit too
            if kind not in AWARD_KINDS and any(b in clause.lower() for b in bases):
                kind = AskKind.AMOUNT
            elif kind not in AWARD_KINDS and lex.support_asked.search(clause.lower()):
                # "and for CVCs, what support do they get?" after a figure or a time limit: the support of what it names
                # is asked, not that figure again
                kind, elliptical = AskKind.WHAT, False
        if kind is AskKind.WHAT and stated and _yes_no(clause, lex) and not lex.step_needed_asked.search(clause.lower()):
            kind = AskKind.ELIGIBILITY
        elif kind is AskKind.AMOUNT and not bases and own_case and _asks_yes_or_no(clause, lex):
            kind = AskKind.ELIGIBILITY  # "我们公司给海外临床试验买了责任险，保费能补吗": a verdict with the ceiling
        if kind is AskKind.ELIGIBILITY and asks_overlap(clause.lower()):
            kind = AskKind.WHAT  # "两边能都拿吗": the rule on overlapping support, not a verdict
        elif kind in {AskKind.FIGURE, AskKind.DEPARTMENTS} and asks_detail(clause.lower(), CONTACT):
            kind = AskKind.WHAT  # "联系电话是多少", "who is the contact person": what the text says, no figure nor department
        if kind in {None, AskKind.WHAT, AskKind.ELIGIBILITY} and (kind is not None or questioned) and stated_duration(
                "，".join([*context, clause])):
            # "so the lead hospital has three weeks, right?": the text's time limit confirms or corrects (a time told
            # in a clause that asks nothing is the case: "每次都被…进口许可证卡好几周。…主要是哪个部门牵头？")
            kind = AskKind.DURATION
        if kind is None:
            context.append(clause)
            continue
        if (asks and asks[-1].kind is AskKind.VALIDITY and kind is AskKind.HOW_TO_APPLY and has_word(clause.lower(), lex.term_asks)
                and not has_word(clause.lower(), lex.application_words)):
            kind = AskKind.VALIDITY  # "…这个意见还在不在？具体哪天截止？": the same document's last day
        if (asks and asks[-1].kind is AskKind.ELIGIBILITY and kind in {AskKind.WHAT, AskKind.ELIGIBILITY}
                and lex.or_else.match(clause) and lex.or_later.search(clause)):
            # "现在就能申请那个300万吗？还是必须等拿证以后？": the other half of the same yes/no, asked of when
            asks[-1] = replace(asks[-1], text=f"{asks[-1].text}，{'，'.join([*context, clause])}")
            context = []
            continue
        if asks and asks[-1].kind is AskKind.ELIGIBILITY and kind is AskKind.WHAT and lex.or_else.match(clause):
            kind = AskKind.ELIGIBILITY  # "…能不能申请？还是只限本地企业？": the other half of the same yes/no
        full = "，".join([*context, clause])
        context = []
        pointing = _points_back_briefly(clause)
        # ("这个可以当成市级科研课题吗？评职称的时候算不算数？": two yes/no asks, each of a topic of its own, stay two)
        # ("…市里政策支持吗，顺带问一下企业所得税能不能减免": a clause leaving the topic asks of its own)
        # ("…到底给多少钱？有没有个具体数，500万还是1000万？": guesses of the sum just asked, one ask with it)
        guesses = asks and asks[-1].kind is AskKind.AMOUNT and kind is AskKind.AMOUNT and not numbered and _guesses_only(clause, lex)
        if guesses or (asks and asks[-1].kind is kind and kind is AskKind.ELIGIBILITY and not elliptical and not numbered
                       and not _topics_apart(asks[-1].own_words, clause) and not lex.topic_switch.search(clause)):
            asks[-1] = Ask(kind, f"{asks[-1].text}，{full}", asks[-1].points_back, asks[-1].detail, asks[-1].elliptical)
            continue
        asks.append(Ask(kind, full, pointing, _detail(clause.lower(), kind, lex), elliptical,
                        clause=clause if full != clause else "", listed=numbered))
    if context and asks:
        last = asks[-1]
        asks[-1] = replace(last, text="，".join([last.text, *context]), clause=last.own_words)
    closing = _claims_closing(text, lex)
    if closing:  # "①“…”；②“…”。这俩说法对吗？": each claim numbered is asked whether it is right
        asks = [_as_claim(a, text, closing, lex) for a in asks]
    if any(a.listed for a in asks):
        # the numbers read the list; an ask quoted back or searched is the asker's words without them
        asks = [replace(a, text=lex.case_mark.sub("", lex.numbered_ask.sub("", a.text)),
                        clause=lex.case_mark.sub("", lex.numbered_ask.sub("", a.clause))) for a in asks]
    if not asks:
        kind = AskKind.ELIGIBILITY if stated and _yes_no(text.rstrip(" ，,。"), lex) else AskKind.WHAT
        asks = [Ask(kind, text, _points_back_briefly(text), _detail(text.lower(), kind, lex))]
    asks = _claims_apart(asks, text, facts, closing, lex)
    return tuple(_merge_amount_with_eligibility(_cap_reached_folded(_each_numbered_case(asks, text, lex), lex), text))


def _guesses_only(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` only puts figures the asker guesses or heard ("有没有个具体数，500万还是1000万"): it states
    amounts, each a claim, and without them and the words putting them keeps no topic of its own."""
    amounts = read_facts(clause, clause.lower()).amounts
    if not amounts or any(a.role is not AmountRole.CLAIMED for a in amounts):
        return False
    rest = lex.roles["claimed"].sub("", clause.lower())
    for found in sorted(find_amounts(rest), key=lambda f: -f.start):
        rest = rest[:found.start] + rest[found.end:]
    return len(CHINESE_CHARACTER.findall(without_ask_words(GUESS_JOINED.sub("", rest)))) < OWN_TOPIC_CHARACTERS


GUESS_JOINED = re.compile(r"还是|或者|或是|\bor\b")  # "500万还是1000万": the words joining guessed figures


ORDINAL_LABELS = frozenset("甲乙丙丁戊")  # labels that count items in order, one more each
LETTERED_PART = re.compile(r"\s*[(（][a-e][)）]\s", re.IGNORECASE)  # "(b) if our drug …": a part the asker lettered
FIGURE_ASKS = {AskKind.AMOUNT, AskKind.FIGURE}  # asks a total is the answer of ("能拿多少", "合计多少")


def _cap_reached_folded(asks: list[Ask], lex: _Lexicon) -> list[Ask]:
    """``asks`` with an ask whether the items reach the per-entity annual cap ("再加一个B品种…合计多少？到每年的上限没有？")
    folded into the amount (or total: ``FIGURE_ASKS``) ask before it, whose answer tells what the cap leaves or that the total passes it: the
    folded ask's words join that ask's, so the message asks the headroom (``Question.asks_headroom``)."""
    folded: list[Ask] = []
    for ask in asks:
        amount = next((i for i in range(len(folded) - 1, -1, -1) if folded[i].kind in FIGURE_ASKS), None)
        if (amount is not None and ask.kind in {AskKind.WHAT, AskKind.ELIGIBILITY, AskKind.FIGURE, AskKind.AMOUNT}
                and lex.cap_reached_asked.search(ask.own_words.lower()) and not read_facts(ask.text, ask.text.lower()).amounts):
            before = folded[amount]
            folded[amount] = replace(before, clause=f"{before.own_words}，{ask.own_words}" if before.clause else "",
                                     text=f"{before.text}，{ask.own_words}")
            continue
        folded.append(ask)
    return folded


def _as_claim(ask: Ask, text: str, closing: str, lex: _Lexicon) -> Ask:
    """A numbered ask of a message ending in ``closing`` ("这三个说法对吗") as the claim it is: a quoted claim or a
    numbered statement ("1）伦理审查…10个工作日内出具意见；2）…担保额度上限提到了2000万元；3）…。这三个说法对吗？") with the
    closing after it, checked as a claim (a time limit against the text's, a figure against the text's: WHAT); an ask
    already asking whether it is right keeps its words. Unchanged when not numbered, or when it asks a question of its
    own."""
    if not ask.listed:
        return ask
    if has_word(ask.text.lower(), lex.claim_check):
        claim = ask.text
    elif _quotes_claim(ask.own_words, text, lex) or not re.search("[?？]", ask.text):
        claim = f"{ask.text}，{closing}"
    else:
        return ask
    return replace(ask, text=claim, kind=AskKind.DURATION if stated_duration(claim) else AskKind.WHAT)


def _claims_apart(asks: list[Ask], text: str, facts: Facts | None, closing: str, lex: _Lexicon) -> list[Ask]:
    """One ask per figure heard of, each in a clause of its own, when the message asks whether they are right
    ("稿子里写：…早期临床试验最高支持2000万元，对企业在海外…最高支持1000万元。这两个数字对不对？"): each claim is
    checked against its own measure. ``closing``: the message's closing words asking that (``_claims_closing``).
    Unchanged unless one ask holds two or more such figures."""
    claimed = [a for a in facts.amounts if a.role is AmountRole.CLAIMED] if facts is not None else []
    numbered, marks = _marked_parts(text, lex)  # "两个说法：一是…；二是…。这两个说法对吗？" too
    said = closing if len(numbered) >= 2 else ""
    # (the closing asked as an ask of its own after the last statement: "…2000万元。哪几条对，哪几条不对？")
    if said and (len([a for a in asks if a.listed]) < len(numbered) or any(
            a.text.strip(" ，,?？") == said for a in asks)):
        # "三句话：1）…最高补5000万；2）…；3）…。这三句话分别对不对？": each numbered statement is a claim checked on its own
        parts = [marks.sub("", text[begin:end], count=1).strip(" ，,；;。?？") for begin, end in numbered]
        parts[-1] = parts[-1][:parts[-1].rfind(said)].strip(" ，,；;。?？") if said in parts[-1] else parts[-1]
        if all(parts):
            return [Ask(AskKind.DURATION if stated_duration(f"{part}，{said}") else AskKind.WHAT, f"{part}，{said}",
                        listed=True) for part in parts]
    # (the unnumbered claims end in a last sentence asking whether they are right)
    last_sentence = next((piece.strip() for piece in reversed(re.split("[。.!！]", text)) if piece.strip()), "")
    if len(asks) != 1 or len(claimed) < 2 or not has_word(last_sentence.lower(), lex.claim_check):
        return asks
    cuts = [0, *(m.end() for m in CLAIM_CLAUSE_END.finditer(text)), len(text)]
    spans = [next(((b, e) for b, e in itertools.pairwise(cuts) if b <= a.start < e), (0, 0)) for a in claimed]
    if len(set(spans)) < len(spans) or any(text[b:e].strip(" ，,;；:：。！!？?") == last_sentence for b, e in spans):
        return asks
    # a claim of the yearly cap ("…capped at RMB 30 million per drug, and up to RMB 100 million per company per year")
    # stays with the claim before it, whose measure it caps
    groups: list[list[tuple[int, int]]] = []
    for b, e in spans:
        if groups and names_annual_cap(text[b:e].lower()):
            groups[-1].append((b, e))
        else:
            groups.append([(b, e)])
    if len(groups) < 2:
        return asks
    # the first claim keeps what its sentence says before it ("稿子里写：" aside: a colon ends an introduction)
    opened = max(text.rfind(mark, 0, groups[0][0][0]) for mark in "。.!！?？:：") + 1
    groups[0][0] = (opened, groups[0][0][1])
    own = [text[group[0][0]:group[-1][1]].strip(" ，,;；:：。！!？?") for group in groups]
    return [Ask(AskKind.WHAT, f"{clause}，{last_sentence}", detail=_detail(clause.lower(), AskKind.WHAT, lex), listed=True)
            for clause in own]


def _listed_parts(text: str) -> list[tuple[int, int]]:
    """``text`` cut at its semicolons when it lists cases that way ("今年几笔事项：3月，CMO品种A…3200万元；6月，品种B…；9月…；
    11月…保费150万元。请逐项算一下…"): (begin, end) spans, the first after the colon that introduces the list; none
    when fewer than two semicolons stand between the items."""
    marks = [m.start() for m in re.finditer("[；;]", text)]
    if len(marks) < 2:
        return []
    opened = max(text.rfind(":", 0, marks[0]), text.rfind("：", 0, marks[0]))
    bounds = [opened + 1 if opened >= 0 else 0, *(mark + 1 for mark in marks), len(text)]
    return list(itertools.pairwise(bounds))


def _each_numbered_case(asks: list[Ask], text: str, lex: _Lexicon) -> list[Ask]:
    """``asks`` with cases the asker numbered (or listed between semicolons) and then asked of together ("1）参加了8个国际性展会，每个项目经费12万元；
    2）一笔海外权益许可交易，首付款8000万元…；3）…。分别能拿多少，合计多少？") as one amount ask per case: each case states its
    own figures and may be another measure's, so none is an item of another. Unchanged unless two or more numbered parts
    each state an amount and ask nothing, and the last ends with an amount asked of each ("分别", "respectively")."""
    spans, marks = _marked_parts(text, lex)  # "一是…；二是…。…各能拿多少？" too
    spans = spans or _listed_parts(text)
    if len(spans) < 2:
        return asks
    parts = [marks.sub("", text[begin:end], count=1).strip(" ，,；;。") for begin, end in spans]
    each = lex.each_case_asked.search(parts[-1].lower())
    if each is None:
        return asks
    cut = max(parts[-1].rfind(mark, 0, each.start()) for mark in "。；;.!?？！") + 1
    cases = [*parts[:-1], parts[-1][:cut].strip(" ，,；;。")]
    shared = parts[-1][cut:]
    # (a case may state no amount, its measure's ceiling then answering: "C公司跟医院合作做…真实世界研究示范项目")
    if _asked_kind(shared.lower(), lex) is not AskKind.AMOUNT or not all(
            case and "?" not in case and "？" not in case for case in cases) or sum(
            bool(read_facts(case, case.lower()).amounts) for case in cases) < max(2, len(cases) - 1):
        return asks
    asking = "，能拿多少" if CHINESE_CHARACTER.search(shared) else ", how much can we get"
    # (an ask before the list that runs into its first case is that case's, not one of its own)
    head = [ask for ask in asks if not ask.listed and ask.text.strip() and not ask.text.rstrip().endswith((":", "："))
            and ask.own_words not in shared and -1 < text.find(ask.own_words) <= spans[0][0] - len(ask.own_words)]
    parties = [opened.group().strip() if (opened := lex.party_opening.search(case)) else "" for case in cases]
    return [*head, *(Ask(AskKind.AMOUNT, f"{case}{asking}", listed=True, party=party if len(set(parties)) == len(cases) else "")
                     for case, party in zip(cases, parties, strict=True))]


def names_ceiling(text: str, facts: Facts) -> bool:
    """Whether ``text`` (lower case) asks a ceiling or a measure's terms in its own words ("最高多少", "补助标准是什么",
    "补贴有多少" with no case told): the ceilings themselves may answer."""
    lex = lexicon()
    return has_word(text, lex.ceiling_words) or has_word(text, lex.terms_asks) or (
        has_word(text, lex.support_size_asks) and not facts.tells_case())


def tells_own_case(text: str, facts: Facts) -> bool:
    """Whether a message (lower case) tells the asker's own case: it speaks of itself ("我们公司…", "our
    drug …") or states who or where it is (registration, kind, relation, role); a bare "参加海外展会能补吗"
    names a measure, not a case."""
    return has_word(text, lexicon().self_words) or facts.tells_case()


def _asks_yes_or_no(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` asks yes or no and no quantity ("保费能补吗", "can we get the city's support?"),
    not "能补多少", "how much can we get"."""
    return _yes_no(clause, lex) and not has_word(clause.lower(), lex.quantity_words)


def asks_support_terms(text: str) -> bool:
    """Whether ``text`` (lower case) asks the terms of a measure's support: how it is set ("怎么规定的", "补助标准"),
    what it is ("有什么支持", "what support") or whether there is any ("有没有补贴", "is there help with …")."""
    lex = lexicon()
    return has_word(text, lex.terms_asks) or has_word(text, lex.support_asks) or bool(
        lex.support_asked.search(text) or lex.support_exists_asked.search(text))


def asks_yes_or_no(clause: str) -> bool:
    """Whether ``clause`` (lower case) ends in a yes/no question (its last English sentence: "Our project began in
    June 2024. Does the policy still apply to it?")."""
    return _yes_no(clause.rstrip(" ？?。.!！") + "?", lexicon())


def _yes_no(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` ends in a yes/no question; an English one read from its last sentence ("We are a
    large pharma company. Can we use the guarantee …")."""
    return bool(lex.yes_no_question.search(ENGLISH_SENTENCE_END.split(clause)[-1].lower()))


def _clauses(text: str, lex: _Lexicon) -> list[tuple[str, bool, bool]]:
    """``text`` cut at ``clause_split``: each clause, whether a question mark ended it, and whether it is the last
    clause of a part the asker numbered ("(1) … (2) …"), which asks on its own. An English clause listing questions with commas ("how
    many days …, what is the most …, and what …") is cut before each question word that follows a part already
    asking."""
    opening = lex.list_opening.match(text)
    start = opening.end() if opening else 0  # "几个问题：临床试验启动…几周？": the count of asks is no ask of its own
    pieces: list[tuple[str, bool, bool]] = []
    parts = _numbered_parts(text, start, lex)
    if not any(numbered for _, _, numbered in parts):
        # "想问几件事：一是…能不能享受…；二是…最多多少；三是…去哪个窗口办？": parts marked 一是…二是… that each ask are
        # numbered asks too (parts that only tell, "一是有5个产品…；二是…", stay the case of the ask after them)
        marked = _numbered_parts(text, start, lex, lex.case_mark)
        asking = [_kind(text[begin:end].lower(), lex, own_words_only=True) is not None or text[begin:end].rstrip().endswith(("?", "？"))
                  for begin, end, numbered in marked if numbered]
        if len(asking) >= 2 and all(asking):
            parts = marked
    for begin, end, numbered in parts:
        if not numbered and end < len(text) and _introduces(text[begin:end], lex):
            continue  # "我们是医院伦理办的，确认几件事：1）…": what comes before the numbered asks introduces them
        part = _clauses_of(text[begin:end], lex)
        if numbered:
            part = _told_after_joined(part)
        if part:
            pieces += [(clause, questioned, False) for clause, questioned in part[:-1]] + [(*part[-1], numbered)]
    return pieces


def _told_after_joined(part: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The clauses of a numbered part with those telling the case after its last ask joined to that ask ("1）…审评时限
    目标是多少个工作日？我们疫苗改工艺要报补充申请，之前等了快200天。2）…"): what the part tells after it asks is its own
    case, not the next part's."""
    asking = [number for number, (clause, questioned) in enumerate(part) if questioned or clause_asks(clause)]
    if not asking or asking[-1] == len(part) - 1:
        return part
    last = asking[-1]
    told = "，".join(clause for clause, _ in part[last + 1:])
    return [*part[:last], (f"{part[last][0]}，{told}", part[last][1])]


def _introduces(lead: str, lex: _Lexicon) -> bool:
    """Whether ``lead``, the words before numbered asks, only introduces them: it asks nothing and ends in a count of
    the asks ("我们是医院伦理办的，确认几件事：", ``list_opening``), or ends in a colon with no figure of its own; a case
    told before them ("…两个项目预算分别是600万元和350万元。想问：") stays the asks' context."""
    if "?" in lead or "？" in lead:
        return False
    # ("财务把这两年出国参展的费用理了一下，想算算市里能补多少：": what the numbered items are asked, no figure of its own;
    # "CRO给高校…的那个贴息：1）…" names the subject the items ask about and stays their context)
    # ("…1类新药刚做完国内III期，这一阶段研发投了1个亿。两个问题：" tells the case, figures and all, before counting the
    # asks: it stays their context)
    return bool(COLON_END.search(lead) and not re.search(r"\d", lead) and has_word(lead.lower(), lex.quantity_words)) or any(
        (m.end() == len(lead.rstrip()) or m.end() == len(lead)) and not re.search(r"\d", lead[:m.start()])
        for m in lex.list_opening.finditer(lead))


def _base_scaled(text: str, lex: _Lexicon) -> Decimal | None:
    """The factor a turn scales the bases said before by ("如果投入比这个多20%呢" → 1.2, "20% lower" → 0.8), or None."""
    match = lex.base_changed_by.search(text)
    if match is None:
        return None
    up, down = match["up"] or match["up_en"], match["down"] or match["down_en"]
    change = Decimal(up or down) / 100
    return 1 + change if up else 1 - change


def _marked_parts(text: str, lex: _Lexicon) -> tuple[list[tuple[int, int]], re.Pattern[str]]:
    """The (begin, end) spans of the parts ``text`` numbers ("1）…2）…"), else of those it marks 一是…二是… when two or
    more, with the pattern of the marks opening them (to strip them); the numbered spans (fewer than two, or none) and
    the numbers' pattern otherwise."""
    numbered = [(begin, end) for begin, end, listed in _numbered_parts(text, 0, lex) if listed]
    if len(numbered) < 2:
        marked = [(begin, end) for begin, end, listed in _numbered_parts(text, 0, lex, lex.case_mark) if listed]
        if len(marked) >= 2:
            return marked, lex.case_mark
    return numbered, lex.numbered_ask


def _list_number(mark: str) -> int:
    """The place in a list of a list mark's digit, letter or Chinese numeral ("3" → 3, "b" → 2, "二" → 2)."""
    if mark.isascii():
        return int(mark) if mark.isdigit() else ord(mark.lower()) - ord("a") + 1
    return "一二三四五".index(mark) + 1


def _numbered_parts(text: str, start: int, lex: _Lexicon, pattern: re.Pattern[str] | None = None) -> list[tuple[int, int, bool]]:
    """``text`` from ``start`` cut before each number the asker put before an ask ("(1) … (2) …"): (begin, end,
    numbered) spans, each numbered one opening with its number (so "(3) And per trade show?" reads as a part of a
    list, not as a yes/no opening with "and"); one unnumbered span when the numbers do not count 1, 2, … (a lone
    "(2)" or "2)" names no list)."""
    marks = list((pattern or lex.numbered_ask).finditer(text, start))
    labels = [next(g for g in mark.groups() if g) for mark in marks]
    numbers = [_list_number(label) for label in labels]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return [(start, len(text), False)]
    if all(label.isascii() and label.isalpha() for label in labels) and not COLON_END.search(text[start:marks[0].start()]) and not all(
            "?" in text[mark.end():after.start()] or "？" in text[mark.end():after.start()]
            for mark, after in itertools.pairwise(marks)):
        # "what review timelines … on (a) drug clinical trial applications and (b) supplementary applications?": lettered
        # items inside the sentence that asks, asking nothing of their own, are what that one question asks about (after
        # a colon, "…review timelines: (a) …, (b) …", each is asked)
        return [(start, len(text), False)]
    spans = [(start, marks[0].start(), False)] if text[start:marks[0].start()].strip() else []
    return spans + [(mark.start(), marks[i + 1].start() if i + 1 < len(marks) else len(text), True)
                    for i, mark in enumerate(marks)]


def _clauses_of(text: str, lex: _Lexicon) -> list[tuple[str, bool]]:
    """``text`` cut at ``clause_split`` (then at listed questions, commas and "分别"): each clause, and whether a
    question mark ended it."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    for match in [*lex.clause_split.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        if match is not None and match[0].strip(" ，,").lower() == "and" and lex.case_unclosed.match(text[start:end]):
            continue  # "(1) if our drug gets EMA approval and is sold in Europe, what's the cap?": the case goes on
        clause = text[start:end].strip(" ，,。")
        # ("有没有个具体数，我们好写进BP里": the purpose closing it asks nothing; a clause that is only a purpose stays)
        clause = lex.purpose_tail.sub("", clause).strip(" ，,。") or clause
        clause = lex.already_had.sub("", clause).strip(" ，,。") or clause  # ("工业总产值那个我已经有了，…规模是多少")
        questioned = match is not None and ("?" in match[0] or "？" in match[0])
        if not questioned:  # ("…，我不清楚那个基金有没有投对方。": what the asker does not know is its case, no ask)
            clause = lex.doubted_fact.sub("", clause).strip(" ，,。") or clause
        if clause:
            listed = [each for part in _listed_questions(clause) for piece in _comma_asks(part, lex)
                      for each in _coordinated_asks(piece, lex)]
            # "浦东那个行动方案里，知识产权那块是第几项任务，谁负责": a part before the asks that asks nothing and tells
            # nothing of the asker's case is their setting
            pieces += [(part, _part_asks(part.lower(), lex) or _kind(part.lower(), lex) is not None
                        or read_facts(part, part.lower()).tells_case()) for part in listed[:-1]] + [(listed[-1], questioned)]
        if match is not None:
            start = match.end()
    return _figures_of_it_joined(pieces, lex)


def _figures_of_it_joined(pieces: list[tuple[str, bool]], lex: _Lexicon) -> list[tuple[str, bool]]:
    """``pieces`` with a clause asking only the figure of what the clause before names ("Does the higher guarantee
    ceiling apply to us, and what is it?") joined to that clause: one ask, its yes/no then its figure."""
    joined: list[tuple[str, bool]] = []
    for clause, questioned in pieces:
        if joined and lex.figure_of_it.match(clause):
            joined[-1] = (f"{joined[-1][0]}, and {clause}", questioned)
        else:
            joined.append((clause, questioned))
    return joined


def _comma_asks(clause: str, lex: _Lexicon) -> list[str]:
    """``clause`` cut at its commas when two of its parts ask different things of their own ("CMO补贴上限是多少，
    找谁"): a ceiling and a department are two asks, not one. An amount beside a verdict ("能申请吗，能拿多少")
    stays one clause: the amount answer carries the verdict."""
    parts = [part.strip() for part in COMMA.split(clause) if part.strip()]
    listed = [part.strip() for part in clause.split("、") if part.strip()]
    if len(parts) == 1 and len(listed) > 1 and all(_names_own_topic(part) and (
            _kind(part.lower(), lex, own_words_only=True) in {AskKind.FIGURE, AskKind.DURATION} or BARE_FIGURE_ASK.search(part))
            for part in listed):
        return listed  # "沪惠保国内特药有多少种、投保人数多少": two figures, each asked of a topic of its own
    if len(parts) > 1 and lex.respectively.match(parts[-1]):
        # "A的比例、B要压缩到多长时间、C…，分别是多少": "分别" asks each item listed before its comma
        parts = [*parts[:-2], parts[-2] + parts[-1]]
    kinds = {kind for part in parts if _part_asks(part.lower(), lex)
             and (kind := _kind(part.lower(), lex, own_words_only=True)) is not None}
    if len(kinds) > 1 and not kinds <= VERDICT_WITH_AMOUNT:
        return parts
    if (len(parts) > 1 and kinds - VERDICT_WITH_AMOUNT and lex.support_exists_asked.search(parts[0].lower())
            and _kind(parts[0].lower(), lex, own_words_only=True) is None):
        # "去国外参加展会有没有补贴，哪条，谁管": whether there is support, then the rest asked of it (an amount asked
        # after it, "and by how much", is the same ask's)
        return [parts[0], "，".join(parts[1:])]
    if len(parts) > 1 and _asks_again_after(parts[-2], parts[-1], lex):
        return ["，".join(parts[:-1]), parts[-1]]  # "药物临床试验申请审评压到几天了，二类器械呢": the same asked of another topic
    return parts if len(parts) > 1 and _asks_apart(parts, lex) else [clause]


def _names_own_topic(text: str) -> bool:
    """Whether ``text`` keeps ``OWN_TOPIC_CHARACTERS`` Chinese characters once its ask words are left out: a topic of
    its own ("二类器械呢", "评职称的时候算不算数")."""
    return len(CHINESE_CHARACTER.findall(without_ask_words(text.lower()))) >= OWN_TOPIC_CHARACTERS


def _words_apart(first: str, second: str) -> bool:
    """Whether two asks each keep a topic of their own that the other does not share, in Chinese (``_topics_apart``) or
    in English: half ``OWN_TOPIC_CHARACTERS`` words of a topic's length each, none in common ("upgrading to
    international standards", "a fixed grant for an AI drug-discovery platform")."""
    if _topics_apart(first, second):
        return True
    units = [{w for w in _topic_units(without_ask_words(clause.lower())) if w.isascii()} for clause in (first, second)]
    return all(len(u) >= OWN_TOPIC_CHARACTERS // 2 for u in units) and not units[0] & units[1]


def _asks_again_after(part: str, last: str, lex: _Lexicon) -> bool:
    """Whether ``last`` (a clause's last comma part) asks what ``part`` before it asked, of a topic of its own: an
    elliptical part ("二类器械呢") with no ask of its own after one that asks."""
    lowered = last.lower()
    return (bool(lex.elliptical.search(lowered)) and _kind(lowered, lex, own_words_only=True) is None
            and _names_own_topic(lowered)
            and _part_asks(part.lower(), lex) and _kind(part.lower(), lex, own_words_only=True) is not None)


def _topics_apart(first: str, second: str) -> bool:
    """Whether two clauses each name a topic of their own that the other does not share ("这个可以当成市级科研课题吗" and
    "评职称的时候算不算数"): each keeps ``OWN_TOPIC_CHARACTERS`` characters of topic and no two of them in common."""
    if not (_names_own_topic(first) and _names_own_topic(second)):
        return False
    units = [_topic_units(without_ask_words(clause.lower())) for clause in (first, second)]
    return not units[0] & units[1]


def _asks_apart(parts: list[str], lex: _Lexicon) -> bool:
    """Whether every part asks the same kind of thing about a topic of its own that no other part shares
    ("伦理审查最长多少天，临床试验启动要多久": two time limits of two measures); "CMO补贴上限是多少，每年最多能拿多少"
    asks one measure twice and stays one clause. Topics sharing a word still stand apart when each keeps words
    of its own ("海外做临床试验项目最多多少，海外临床试验责任险最多补多少": the trial and its insurance)."""
    if not all(_part_asks(part.lower(), lex) and _kind(part.lower(), lex, own_words_only=True) is not None for part in parts):
        return False
    topics = [without_ask_words(part.lower()) for part in parts]
    if not all(len(CHINESE_CHARACTER.findall(topic)) >= OWN_TOPIC_CHARACTERS or len(topic.split()) >= OWN_TOPIC_CHARACTERS // 2
               for topic in topics):
        return False
    units = [_topic_units(topic) for topic in topics]
    return all(len(own - set().union(*(u for j, u in enumerate(units) if j != i))) >= OWN_TOPIC_CHARACTERS - 1
               for i, own in enumerate(units))


def _topic_units(topic: str) -> set[str]:
    """What a topic (lower case, without ask words) is made of, to tell topics apart: its pairs of Chinese
    characters and its English words of ``OWN_TOPIC_CHARACTERS`` letters or more ("guarantee", "biotech";
    "the", "for" tell no topic)."""
    chinese = {topic[i:i + 2] for i in range(len(topic) - 1) if CHINESE_CHARACTER.fullmatch(topic[i])
               and CHINESE_CHARACTER.fullmatch(topic[i + 1])}
    return chinese | {word for word in re.findall(r"[a-z][a-z'/-]*", topic) if len(word) >= OWN_TOPIC_CHARACTERS}


def _coordinated_asks(clause: str, lex: _Lexicon) -> list[str]:
    """``clause`` cut into one ask per coordinated topic when it asks them "分别" and each names a kind of its own
    ("二类医疗器械注册审评时限和创新医疗器械的支持金额分别是多少" → a time limit and an amount); "CMO和CRO的补贴分别是多少"
    names its kind once and stays one ask; topics of one kind each named in full are one ask each."""
    found = lex.respectively.search(clause)
    if found is None:
        return [clause]
    head, tail = clause[:found.start()], lex.respectively.sub("", clause[found.start():], count=1)
    topics = [topic.strip() for topic in COORDINATOR.split(head) if topic.strip()]
    shared = LISTED_THEN_ASKED.search(topics[-1]) if len(topics) > 1 else None
    if shared is not None:
        # "创新药、创新医疗器械这两条，每个单位每年累计支持上限分别是多少": the words after the list are asked of each topic
        topics[-1], tail = topics[-1][:shared.start()].strip(), f"{topics[-1][shared.end():].strip()}{tail}"
    own_kinds = [_kind(topic.lower(), lex, own_words_only=True) for topic in topics]
    # ("研究型床位占核定床位的比例、伦理审查…要压缩到多长时间…，分别是多少": in a list cut by "、" alone, a topic naming no
    # kind asks it with the tail; "中小微企业和中型企业的担保额度上限" joins two nouns under one kind's words)
    listed = all(mark.strip() == "、" for mark in COORDINATOR.findall(head))
    kinds = [kind or (_kind(f"{topic}{tail}".lower(), lex, own_words_only=True) if listed else None)
             for topic, kind in zip(topics, own_kinds, strict=True)]
    # ("二类医疗器械平均审评时限、药物临床试验申请审评审批时限、药品补充申请审评时限分别是多少": one kind, each named with
    # a topic of its own, three asks)
    own_topics = all(_names_own_topic(topic) for topic in topics) or (shared is not None and all(topics))
    if (len(topics) >= 2 and (own_topics or all(labels_named(topic) for topic in topics))
            and _kind(tail.lower(), lex, own_words_only=True) is AskKind.DEPARTMENTS):
        # "（二十四）CMO委托生产支持和（十三）临床试验保险补贴，分别是哪些部门负责的": each topic's own departments
        return [f"{topic}{tail}" for topic in topics]
    if len(topics) < 2 or None in kinds or ((None in own_kinds or len(set(kinds)) < 2) and not own_topics):
        return [clause]
    return [f"{topic}{tail}" for topic in topics]


def _part_asks(part: str, lex: _Lexicon) -> bool:
    """Whether a comma's part (lower case) asks: it holds a question word and opens with no case ("如果…，",
    "if our fund qualifies,"); "CRO可以拿贴息，贴息的利率是多少" states before it asks. An English part may ask by
    naming a ceiling alone ("max support for …, and the guarantee ceiling for …?")."""
    return not lex.case_opening.match(part) and bool(ASKING_WORDS.search(part) or PART_QUESTION.search(part) or (
        part.isascii() and has_word(part, lex.ceiling_words)))


def _listed_questions(clause: str) -> list[str]:
    """``clause`` cut at ", what/how/…" where the part before it already asks (one part when none does); a part
    opening with "when/if/once …" and no inversion states a case, it does not ask."""
    parts = LISTED_QUESTION.split(clause)
    cut = [parts[0]]
    for part in parts[1:]:
        if (ASKING_WORDS.search(RELATIVE_WH.sub(lambda m: m[0].rsplit(maxsplit=1)[0], CONDITION_OPENING.sub(" ", cut[-1], count=1)))
                and not cut[-1].rstrip().lower().endswith(("and", "or"))):
            cut.append(part)
        else:
            cut[-1] = f"{cut[-1]}, {part}"
    return [c.strip(" ,") for c in cut]


def _points_back_briefly(clause: str) -> bool:
    """Whether ``clause`` points back and is short enough to bring no topic of its own."""
    return points_back(clause.lower()) and _brief(clause)


def _brief(text: str) -> bool:
    """Whether ``text`` is short enough to bring no topic of its own (``POINTER_MAX_CHARS``, more for English)."""
    return len(text) <= (POINTER_MAX_CHARS_LATIN if text.isascii() else POINTER_MAX_CHARS)


def _detail(clause: str, kind: AskKind, lex: _Lexicon) -> str:
    """The detail a clause asks for: a figure's unit for a figure ask, else a named detail (a fee …)."""
    if kind is AskKind.FIGURE:  # the first figure asked, unless its words stand inside another's ("几个" in "几个点": a share)
        said = {name: [w for w in d.asked if has_word(clause, (w,))] for name, d in lex.figure_asks.items()}
        phrases = [w for words in said.values() for w in words]
        return next((name for name, words in said.items() if words and not all(
            any(w in longer and w != longer for longer in phrases) for w in words)), "")
    if kind is AskKind.VALIDITY and has_word(clause, lex.which_document):
        return WHICH_DOCUMENT
    if kind is AskKind.VALIDITY and (has_word(clause, lex.issue_words) or lex.issuer_asked.search(clause)):
        return ISSUED
    # a detail named in a sentence that only tells ("We also rent an R&D office in Minhang. Are we within the
    # scope…?") is the case's, not asked
    asking = asking_part(clause) or clause
    return next((name for name in lex.details if asks_detail(asking, name)), "")


def asks_detail(text: str, name: str) -> bool:
    """Whether ``text`` (lower case) names the detail ``name`` (``understanding.yaml`` ``details``): one of its
    asked words, not where it describes the measure asked about ("按研发投入40%给钱的政策能申请吗")."""
    lex = lexicon()
    return has_word(lex.described_details.sub(" ", text), lex.details[name].asked)


def _merge_amount_with_eligibility(asks: list[Ask], text: str) -> list[Ask]:
    """"能不能申请？能拿多少？" is one award question: the amount answer carries the verdict. An
    eligibility ask after the amount that puts a case of its own ("另外，如果委托方是我们大股东投资的企业，
    还能算进去吗？", "and does it matter if the client is a shareholder?") stays its own ask, as does one another
    ask stands between ("how much for a device, which departments handle it, and is there help with premiums?"), as
    does one the asker numbered ("(1) is June covered? (2) max per project?", "1）…最多能补多少？2）江苏那边对孵化器有什么补贴")
    or opened with an ordinal ("first, what's the yearly cap …? Second, what … rate can we claim …?").
    The verdict leads the merged answer only when an eligibility part asks it: "…, so we should qualify. What
    support can it get?" tells the case and asks the support, which leads (``text``: the normalised message)."""
    lex = lexicon()
    first_amount = next((i for i, a in enumerate(asks) if a.kind is AskKind.AMOUNT), None)
    amounts_at = {i for i, a in enumerate(asks) if a.kind is AskKind.AMOUNT}
    # ("…那6、7月份的能不能按新政算？另外其中一个品种…能补多少？": an amount opening with "另外" asks of another thing)
    apart = {i for i, a in enumerate(asks) if lex.apart_opening.match(a.own_words.lower())}
    # (a second amount opening with "另外" asks of another thing too: "…还能按刚才那条拿吗？能拿多少？另外…保费是260万，能补多少？")
    # ("(a) does the policy support …? (b) if our drug gets FDA approval …, what's the cap?": parts the asker lettered are
    # asked apart, as numbered ones are)
    joined = [a for i, a in enumerate(asks) if not a.listed and not LETTERED_PART.match(a.own_words) and ((
        a.kind is AskKind.AMOUNT and (i not in apart or i == first_amount)) or (a.kind is AskKind.ELIGIBILITY and not (
        first_amount is not None and i > first_amount and lex.hypothetical.search(a.text.lower()))
        and not lex.ordinal_opening.match(a.own_words) and i not in apart
        and bool({i - 1} & amounts_at or {i + 1} & (amounts_at - apart))
        # ("how much can a CRO get for upgrading …, and is there a fixed grant for an AI drug-discovery platform?": whether
        # a support exists for a topic of its own, no amount ask's topic, is asked apart)
        and not (lex.support_exists_asked.search(a.own_words.lower()) and not lex.like_items.search(a.own_words.lower())
                 and any(_words_apart(asks[j].own_words, a.own_words) for j in ({i - 1, i + 1} & amounts_at)))))]
    if {a.kind for a in joined} == {AskKind.AMOUNT, AskKind.ELIGIBILITY}:
        asked = any(a.kind is AskKind.ELIGIBILITY and not _told_not_asked(a.own_words, text) for a in joined)
        merged = Ask(AskKind.AMOUNT, "，".join(a.text for a in joined), yes_no=asked)
        # the verdict and its amount lead the message, unless the asker opened them as another matter after the asks
        # before ("…规模目标是多少？…目标是多少家？另外…补贴标准是什么，能发我一份吗": those are answered first)
        at = asks.index(joined[0]) if lex.apart_opening.match(joined[0].own_words.lower()) else 0
        return [*asks[:at], merged, *[a for a in asks[at:] if a not in joined]]
    # "能不能申请…", "参加海外展会能补吗", "Can we get a premium subsidy, and capped at what?": an amount asked as a
    # yes/no, the yes leads its ceilings
    amount_yes_no = [replace(a, yes_no=True) if a.kind is AskKind.AMOUNT and (
        has_word(_asked_sentences(a.text).lower(), lex.yes_no_words) or _asks_yes_or_no(a.own_words, lex)
        or _opens_with_yes_no(a.text, lex))
        else a for a in asks]
    return amount_yes_no


def _asks_eligibility_after_telling(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause``'s last comma part asks a verdict of its own while the parts before it only tell, asking
    nothing ("这份政策是8月1日才开始实施的，7月份的参展费用还能申请支持吗")."""
    *told, last = re.split(r"[,，]", clause.lower())
    return bool(told) and _kind(last, lex, own_words_only=True) is AskKind.ELIGIBILITY and not any(
        ends_as_question(part) for part in told)


MONTH_TOLD = re.compile(r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月份?(?:初|中旬|上旬|下旬|中|底|末)?")


def _said_by(text: str, clause: str) -> Facts:
    """The facts ``text`` states up to the end of ``clause`` (one of its clauses): what the asker has told when it asks
    that clause, not what a later ask tells."""
    at = text.find(clause)
    told = text[:at + len(clause)] if at >= 0 else clause
    return read_facts(told, told.lower())


def without_told_term(text: str) -> str:
    """``text`` without its clauses that tell a document's term and ask nothing ("这份政策是8月1日才开始实施的") and
    without the months it states: what is left names the case and what is asked of it."""
    lex = lexicon()
    parts = re.split(r"(?<=[,，。;；])", text)
    kept = [part for part in parts
            if not (_kind(part.lower(), lex, own_words_only=True) is AskKind.VALIDITY and not ends_as_question(part.rstrip(",，。;；")))]
    # ("他们的保费是2024年7月交的…能按这条申请吗": the month is a fact of the case, read already; its words would find the
    # document's term, not the measure)
    return MONTH_TOLD.sub(" ", "".join(kept) or text)


def _asked_sentences(text: str) -> str:
    """``text`` (an ask's) without the sentences a full stop closes before its last ("We are the applicant, so we
    should qualify. What support can it get" → " What support can it get"): they tell, they ask nothing."""
    return "".join(part for part in re.split(r"(?<=[a-z0-9)]\.)(?=\s)|(?<=[。!！])", text, flags=re.IGNORECASE)
                   if not part.rstrip().endswith((".", "。", "!", "！")))


def _told_not_asked(clause: str, text: str) -> bool:
    """Whether ``clause`` stands in a sentence of ``text`` closed by a full stop while the message asks with a
    question mark elsewhere ("…, so we should qualify. What support can it get?"), or, with no question mark at all,
    asks by its own words after that full stop ("…想申请那个按受托产值补钱的政策。…哪几个部门负责，我该先找谁问"): it
    tells, it asks nothing."""
    at = text.find(clause)
    if at < 0:
        return False
    closing = re.match(r"[^?？.。!！]*(?:(?<=[a-z0-9)])\.(?=\s|$)|[?？。!！]|$)", text[at + len(clause):], re.IGNORECASE)
    if closing is None or closing[0][-1:] not in {".", "。", "!", "！"}:
        return False
    if "?" in text or "？" in text:
        return True
    after = text[at + len(clause) + closing.end():].lower()
    return _kind(after, lexicon(), own_words_only=True) not in {None, AskKind.ELIGIBILITY}


def _opens_with_yes_no(text: str, lex: _Lexicon) -> bool:
    """Whether an amount ask's last sentence opens with a yes/no question of its own before the figure asked
    ("Can we get a premium subsidy, and capped at what?"): the verdict leads the figure."""
    sentence = ENGLISH_SENTENCE_END.split(text.lower())[-1]
    parts = re.split(r"[,，;；]\s*(?:and|but)?\s*", sentence, maxsplit=1)
    # "And once it's registered …, how much more?": a conjunction opening the sentence asks nothing of itself
    opening = lex.discourse_opening.sub("", parts[0].strip(), count=1)
    if len(parts) == 2 and opening.strip() and lex.figure_of_it.match(parts[1]):
        # "Does the higher guarantee ceiling apply to us, and what is it?": the ceiling is what the yes/no is of
        return _yes_no(opening + "?", lex)
    return len(parts) == 2 and bool(opening.strip()) and _asks_yes_or_no(opening + "?", lex)


def _asked_kind(clause: str, lex: _Lexicon) -> AskKind | None:
    """``_kind`` of ``clause`` (lower case) read after the case it opens with ("If our CVC qualifies, what
    percentage …" asks a figure, not a verdict), when the rest asks something of its own."""
    rest = lex.case_opening.sub("", clause, count=1)
    if rest != clause and rest.strip():
        kind = _kind(rest, lex, own_words_only=True)
        if kind is not None:
            return kind
    return _kind(clause, lex)


def _kind(clause: str, lex: _Lexicon, own_words_only: bool = False) -> AskKind | None:
    """The kind whose words the clause holds; else WHAT for a question without them (unless
    ``own_words_only``: then None, the clause naming no kind of its own)."""
    if "有效" in clause:  # ("按现在还有效的市里政策，…能拿多少": which document, not its term)
        clause = lex.validity_described.sub(" ", clause)
    if asks_document_term(clause, lex):
        return AskKind.VALIDITY  # "这个政策到什么时候截止": when the document ends, not an application deadline
    for kind, words in lex.kinds:
        pattern = lex.kind_patterns.get(kind)
        if has_word(clause, words) or (pattern is not None and pattern.search(clause)):
            if kind is AskKind.AMOUNT and _asks_a_figure(clause, words, lex):
                kind = AskKind.FIGURE  # "how much floor space", "how many listed companies in total"
            elif kind is AskKind.DEPARTMENTS and lex.departments_thing_asked.search(clause):
                kind = AskKind.WHAT  # "可以免哪些部门的许可证": the licences the text names, not its 责任单位
            elif kind is AskKind.DEPARTMENTS and lex.issuer_asked.search(clause):
                kind = AskKind.VALIDITY  # "是哪个部门发的": the document's issuer
            elif kind is AskKind.FIGURE and lex.list_asked.search(clause) and not (
                    has_word(lex.list_asked.sub(" ", clause), words)
                    or (pattern is not None and pattern.search(lex.list_asked.sub(" ", clause)))):
                kind = AskKind.WHAT  # "在哪几个方面做了更新": which ones, named by the text, not how many
            elif kind is AskKind.FIGURE and (last := _yes_no_tail(clause, words, lex)) is not None:
                # "1类新药二期临床是在上海几家医院做的，也实现产出了，这种能申请…补贴不": a count said in the case, the
                # question a yes or no asked after it
                return _kind(last, lex, own_words_only=True) or AskKind.ELIGIBILITY
            elif kind is AskKind.ELIGIBILITY and _asks_a_count(clause, lex):
                kind = AskKind.FIGURE  # "特药目录现在覆盖多少种药": how many it covers is a count, not a yes or no
            elif (kind is AskKind.VALIDITY and has_word(clause, lex.counts_asked) and not has_word(clause, lex.term_subjects)
                  and not points_at_document(clause)):
                kind = AskKind.ELIGIBILITY  # "评职称的时候算不算数": whether a thing counts for a purpose, no document's term
            elif kind is AskKind.VALIDITY and lex.target_deadline_asked.search(clause):
                kind = AskKind.DURATION  # "这500万平方米计划到哪一年全部推出": when a target is due, not the document's term
            elif kind is AskKind.DURATION and has_word(clause, lex.growth_words):
                kind = AskKind.FIGURE  # "how fast did it grow": a growth rate, not a time
            elif kind is AskKind.AMOUNT and lex.get_not_money.search(clause) and not has_word(clause, lex.quantity_words):
                kind = AskKind.ELIGIBILITY  # "Our Class III device: can we get faster review?": a service, not money
            # "确证性临床的上限是多少": a figure asked of a ceiling is an award's ceiling
            return AskKind.AMOUNT if kind is AskKind.FIGURE and has_word(clause, lex.ceiling_words) else kind
    if lex.yes_no_eligibility.search(clause):
        return AskKind.ELIGIBILITY
    if own_words_only:
        return None
    if ends_as_question(clause) or QUESTION_WORDS.search(clause):
        return AskKind.WHAT
    return None


def _yes_no_tail(clause: str, words: tuple[str, ...], lex: _Lexicon) -> str | None:
    """The last comma part of ``clause`` when it asks whether the asker can apply or qualify and the kind's ``words``
    stand only before it (a count told of the case: "在上海几家医院做的"); None otherwise ("…有几家，你知道吗"
    asks the count)."""
    head, _, last = clause.rpartition("，") if "，" in clause else clause.rpartition(",")
    if not head or not lex.yes_no_eligibility.search(last) or has_word(last, words) or not has_word(head, words):
        return None
    return last


def _asks_a_count(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` (lower case) asks how many ("覆盖多少种药", "how many drugs does it cover"): a count's ask
    words, and neither a yes-or-no ending nor applying ("能申请几项支持" asks what the asker can apply for)."""
    count = lex.figure_asks.get(COUNT_FIGURE)
    return (count is not None and has_word(clause, count.asked) and not lex.yes_no_question.search(clause)
            and not has_word(clause, lex.application_words))


def asks_document_term(clause: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` (lower case) asks when the document ends in words an application deadline shares
    ("这个政策到什么时候截止", "那它到什么时候为止"): it names or points at the document and not applying
    ("申报截止时间是哪天" asks the application window)."""
    return (has_word(clause, lex.term_asks) and has_word(clause, lex.term_subjects)
            and not has_word(clause, lex.application_words))


def without_words(text: str, words: Iterable[str]) -> str:
    """``text`` with each of ``words`` (whole words for English) blanked, in the order given (longest first
    when a word may stand inside another)."""
    for word in words:
        text = re.sub(word_pattern(word), " ", text)
    return text


def _asks_a_figure(clause: str, amount_words: tuple[str, ...], lex: _Lexicon) -> bool:
    """Whether a clause holding amount words asks a figure: it holds a figure's ask words, and its amount
    words are only those inside them ("how much floor space", "how much revenue") or words that total
    ("how many listed companies in total")."""
    asked_amounts = [word for word in amount_words if has_word(clause, (word,))]
    # "租金补贴是多少": 是多少 stands inside the amount's own 补贴是多少, it asks no figure of its own
    found = [word for word in lex.figure_words if has_word(clause, (word,))
             and not any(word in amount and word != amount for amount in asked_amounts)]
    figure = lex.kind_patterns.get(AskKind.FIGURE)
    if not found and not (figure is not None and figure.search(clause)):
        return False
    rest = figure.sub(" ", clause) if figure is not None else clause
    rest = without_words(rest, (*found, *lex.total_words))  # longest first: a figure's words before those inside them
    pattern = lex.kind_patterns.get(AskKind.AMOUNT)
    return not has_word(rest, amount_words) and not (pattern is not None and pattern.search(rest))


def read_facts(normalised: str, text: str) -> Facts:
    """The facts with roles: product, trial place, registration, relations, amounts, counts.

    ``normalised`` is the normalised message (amount positions refer to it), ``text`` its lower case.
    """
    lex = lexicon()
    words = lex.facts
    # "仿制药…能申请1类新药那条吗": a class named beside "1类新药" is the product's, "1类新药" the measure's name
    drug_class = _drug_class(re.sub(f'{words["class_in_past"]}|{words["class_denied"]}', " ", text), words["drug_class"], words["class_as_measure"],
                             has_word(text, words["device"]))
    # "刚拿到美国FDA批准，还没在美国卖": a market, a regulator or a company's seat abroad is not where a trial runs
    market, not_work = _abroad_uses(text, words)
    trial_text = not_work.sub(" ", text) if not_work is not None else text
    worked_abroad = _places_of_work_abroad(trial_text)
    overseas = has_word(trial_text, words["overseas"]) or bool(worked_abroad)
    # "拿证以后在上海投产了": where a product is made is no trial's place
    domestic = has_word(re.sub(words["production_place"], " ", text), words["domestic"])
    location = "overseas" if overseas and not domestic else "domestic" if domestic and not overseas else None
    if overseas and domestic:  # "国内Ⅰ期那条…在美国做": the trial's place wins over the measure's name
        abroad = _affirmed(trial_text, words["overseas_as_place"], words["negation"]) or any(
            _affirmed(fold(trial_text), _with_place(words["place_abroad_as_work"], place), words["negation"]) for place in worked_abroad)
        home = _affirmed(text, words["domestic_as_place"], words["negation"])  # "no sites in China" places none
        # "试验其实是在国内几家医院做的，不在海外": a place abroad named only to be denied leaves the one at home
        denied = not abroad and re.search(words["overseas_as_place"], trial_text) is not None
        location = "overseas" if abroad and not home else "domestic" if (home or denied) and not abroad else location
    role = next((name for name, ws in words["applicant_role"].items() if has_word(text, ws)), None) or next(
        (name for name, pattern in words["applicant_role_patterns"].items() if re.search(pattern, text)), None)
    if role in PARTNER_APPLIES and re.search(words["asks_for_partner"], text):
        role = None  # "…could our partner get for this deal?": the licensor partner applies, not the licensee asking
    registered: str | None = None
    registered_place = ""
    if re.search(words["registered_unsaid"], text) or (
            re.search(words["registered_unsaid_presence"], text) and _seat(text, words, lex) != ("shanghai", "")):
        # "来电人没说客户公司注册在哪儿": the scope's condition waits for it (a company "registered in Zhangjiang" whose
        # trial sites are in Shanghai and Hangzhou has said where it is registered)
        registered = REGISTRATION_UNSAID
    elif re.search(words["registered_nowhere"], text):
        registered = "elsewhere"  # not registered in Shanghai at all: the place it is registered, when named
        seat = _seat(text, words, lex)
        registered_place = seat[1] if seat is not None and seat[0] == "elsewhere" else ""
    elif has_word(text, words["registered_shanghai"]) or re.search(words["registered_shanghai_pattern"], text):
        registered = "shanghai"
    elif (seat := _seat(text, words, lex)) is not None:
        registered, registered_place = seat
    related = _relation(text, words)
    # "研发是5000万，不是3000万", "RMB 50 million, not 30 million": the figure denied is the one corrected, not stated
    amounts = _ranged(_received_total(_restated(_fees_alike(_listed_alike(tuple(_stated(found, normalised, lex) for found in find_amounts(normalised)
                                                        if (found.yuan >= lex.min_stated_yuan or found.yuan == 0)
                                                        and not lex.roles["denied"].search(
                                                            normalised[max(0, found.start - ROLE_WINDOW_LATIN): found.start].lower())),
                                                  normalised),
                                    normalised, lex),
                        normalised), normalised, lex), normalised, lex)
    amounts = _pointed_again(amounts, normalised)  # "…可获得600万元支持。这个600万算得对吗": one figure, said twice
    amounts = _forecasts_of_context(amounts, normalised, lex)  # "去年营收5亿，今年预计8亿": the forecast is no base either
    amounts = _wholes(amounts, normalised, lex)  # "总投资15亿，其中核定新增投资12亿": the part is the base
    amounts = _of_unmet_items(amounts, normalised, lex)  # "另外还有一笔员工补充医疗保险80万": no premium of （十三）'s
    amounts = _in_other_item_aside(amounts, normalised, lex)  # "（不是特别审查那300万）": the other item's figure
    if any(amount.currency == USD for amount in amounts):  # "US$3 million (take 1 USD = 7.1 RMB)": the asker's rate
        amounts = at_stated_rate(amounts, stated_rate(normalised))
    # "R&D spend was EUR 3 million - please use 7.8 RMB per EUR": another currency at the rate given for it
    amounts = at_foreign_rates(amounts, normalised)
    if not amounts and has_word(text, lex.no_spend_words):  # "we haven't spent anything yet": the spend is zero
        amounts = (StatedAmount("0", Decimal(0), AmountRole.BASE, CNY, 0),)
    amounts = _related_each(_dated(amounts, normalised, text), normalised, words)
    # ("还有个早期项目花了800万还在临床前，那个先不管": a sentence the asker sets aside denies nothing of the case)
    kept = lex.roles["other_item_aside"].sub(" ", _without_set_aside(text, lex))
    unmet = tuple(cid for cid, ws in words["unmet_conditions"].items() if has_word(kept, ws) or _negated(
        kept, words["unmet_topics"].get(cid, []), words["negation"]) or (cid in lex.unmet_patterns and lex.unmet_patterns[cid].search(kept)
                                                                       and not (cid in lex.unmet_unless and lex.unmet_unless[cid].search(kept))))
    # "进了国家创新医疗器械特别审查程序": a condition named as the case's own, unless the same message denies it
    unsure = _unsure(text, lex)
    met = tuple(cid for cid in dict.fromkeys([*words["met_conditions"], *lex.met_patterns]) if cid not in unmet and cid not in unsure and (
        has_word(text, words["met_conditions"].get(cid, [])) or (cid in lex.met_patterns and lex.met_patterns[cid].search(text))))
    if any(cid in unsure for cid in RELATION_CONDITIONS):
        related = None  # "具体啥关系我也说不清": whether the parties are related is not known
    return Facts(
        usd_rate=next((a.usd_rate for a in amounts if a.usd_rate is not None and not a.foreign), None),
        foreign_rate=next(((a.foreign, a.usd_rate) for a in amounts if a.usd_rate is not None and a.foreign), None),
        drug_class=drug_class,
        cgt=has_word(re.sub(words["cgt_denied"], " ", text), words["cgt"]),
        device=has_word(text, words["device"]),
        trial_location=location,
        registered=registered,
        registered_place=registered_place,
        registered_by_other=registered == "elsewhere" and has_word(text, words["other_group_company"]),
        related_party=related,
        relation_indirect=related is None and bool(re.search(words["relation_indirect"], text)),
        applicant_role=role,
        amounts=_aside_of_each(amounts, normalised, count, lex) if (count := _item_count(text, lex)) else amounts,
        item_count=count,
        # (a whole said beside the items, "全年这块预算一共120万", is no group of its own)
        item_groups=_item_groups(text, tuple(a for a in amounts if a.role is not AmountRole.CONTEXT), lex),
        unmet=unmet,
        met=met,
        unsure=unsure,
        sold_abroad=True if (market is not None and _affirmed(text, market.pattern, words["negation"])) or _affirmed(
            text, words["sold_there"], words["negation"]) else None,
        # "…registered by Brazil's ANVISA … even though Brazil isn't FDA or EMA": a regulator denied is not the one
        regulator=_regulator(re.sub(words["trial_permission"], " ", text), words),
        # (the fund's name "中小微企业政策性融资担保基金" says no size of the asker's)
        enterprise_size=_enterprise_size(lex.names_holding_triggers.sub(" ", text), words["enterprise_size"],
                                         words["enterprise_size_patterns"]),
        entity_type=_entity_type(text),
        entity_denied=_entities_denied(text),
        registration_applicant=_registration_applicant(text, words),
        clients=next((served for served, pattern in words["clients"].items() if re.search(pattern, text)), None),
        cro_stage=_cro_stage(text, words),
        # a fee paid for a trade fair ("展位费20万") is the work of an exhibition when the message names no other (a figure
        # no award is paid on, "letters of intent worth US$20 million", is none)
        work=next((work for work, pattern in words["work"].items() if re.search(pattern, text)), None) or (
            EXHIBITION_WORK if (paid := [a for a in amounts if a.role is not AmountRole.CONTEXT])
            and all(a.role is AmountRole.FEE for a in paid) and any(_about_fair(normalised, a.start, lex) for a in paid) else None),
        device_class=product_device_class(text),
        event_on=stated_month(text) or _first_day(_stated_year_alone(text)),
        event_year_only=stated_month(text) is None and _stated_year_alone(text) is not None,
        month_alone=month_without_year(text),
    )


def _regulator(text: str, words: dict[str, Any]) -> str | None:
    """The regulator abroad ``text`` (lower case, a trial permit's words taken out) says the product is registered with:
    one named and not denied, else the one of a place named as where it is approved."""
    return next((name for name, ws in words["regulator"].items() if any(
        _affirmed(text, word_pattern(str(w).lower()), words["negation"]) for w in ws if has_word(text, (str(w).lower(),)))),
        None) or _regulator_of_place(text, words)


def _regulator_of_place(text: str, words: dict[str, Any]) -> str | None:
    """The regulator (``regulator_places``) of a place abroad ``text`` (lower case) says the product is approved
    or registered in, not denied ("在美国获批了" → fda; "还没在日本获批" → None); None when it names none so."""
    for regulator, places in words["regulator_places"].items():
        named = [str(p) for p in places if has_word(text, (str(p),))]
        pattern = words["place_abroad_as_regulator"].replace("{place}", f"(?:{'|'.join(map(re.escape, named))})")
        if named and _affirmed(text, pattern, words["negation"]):
            return str(regulator)
    return None


def _registration_applicant(text: str, words: dict[str, Any]) -> bool | None:
    """Whether the asker says it is the drug's registration applicant (注册申请人): denied ("注册申请人是我们的
    客户", "the sponsor is our client"), said ("我们就是该药的注册申请人"), or not stated (None)."""
    if re.search(words["registration_applicant_denied"], text):
        return False
    return True if re.search(words["registration_applicant"], text) else None


def stated_month(text: str) -> date | None:
    """The latest month ``text`` (lower case) names with its year ("2029年10月", "October 2029"), as its first
    day; None when it names none (a year alone names none, nor does a document's own date: "the policy's 1 August
    2024 start date")."""
    return max((day for _, day in stated_months(text)), default=None)


def stated_months(text: str) -> list[tuple[int, date]]:
    """Each month ``text`` (lower case) names with its year, as (position, its first day), as ``stated_month``
    reads them."""
    lex = lexicon()
    before, after = lex.policy_month
    days = []
    for pattern in lex.stated_month:
        for match in pattern.finditer(text):
            if before.search(text[max(0, match.start() - 24): match.start()]) or after.match(text[match.end():]):
                continue
            found = match.groupdict()
            month = int(found["month"]) if found.get("month") else lex.month_names.get(str(found.get("month_name")), 0)
            if 1 <= month <= 12:
                days.append((match.start(), date(int(found["year"]), month, 1)))
    return days


def _dated(amounts: tuple[StatedAmount, ...], normalised: str, text: str) -> tuple[StatedAmount, ...]:
    """``amounts`` each with the month its own sentence names (``StatedAmount.on``), when the message names
    different months ("2024年5月参加了…经费10万元；2024年7月又参加了…经费12万元"): each item is judged against the
    policy's term by its own month; unchanged when it names one month or none (the case's month, ``Facts.event_on``)."""
    months = stated_months(text)
    if len({day for _, day in months}) < 2:
        return amounts
    dated = []
    for amount in amounts:
        start, end = sentence_at(normalised, amount.start)
        own = {day for at, day in months if start <= at < end}
        dated.append(replace(amount, on=own.pop()) if len(own) == 1 else amount)
    return tuple(dated)


def _stated_year_alone(text: str) -> int | None:
    """The latest year ``text`` (lower case) names alone as when the case happens ("III期要到2030年才完成",
    "our project finishes in 2030"), when it names no month with its year; a year naming a policy ("2021年的政策")
    is none. None when there is none."""
    if stated_month(text) is not None:
        return None
    return max((int(match.group("year")) for pattern in lexicon().year_alone for match in pattern.finditer(text)), default=None)


def _first_day(year: int | None) -> date | None:
    return date(year, 1, 1) if year is not None else None


def month_without_year(text: str) -> int | None:
    """The last month ``text`` (lower case) names without a year ("要是5月份完成的呢" → 5), when it names no month
    with its year; else None."""
    lex = lexicon()
    if stated_month(text) is not None:
        return None
    found = [(match.start(), match.groupdict()) for pattern in lex.month_without_year for match in pattern.finditer(text)]
    if not found:
        return None
    named = max(found, key=lambda pair: pair[0])[1]
    month = int(named["month"]) if named.get("month") else lex.month_names.get(str(named.get("month_name")), 0)
    return month if 1 <= month <= 12 else None


def _seat(text: str, words: dict[str, Any], lex: _Lexicon) -> tuple[str, str] | None:
    """Where the asker says it is registered, from the places named as its seat: ("shanghai", "") or
    ("elsewhere", the place as the answer names it); None when no place is named as one."""
    seats: list[tuple[str, str, bool]] = []  # (registered, place, named as an owner's seat: "our Japanese parent")
    for match in lex.registered_elsewhere.finditer(text):  # every place named as a seat, in order
        group, place = next((i, g) for i, g in enumerate(match.groups()) if g)
        # ("一家香港注册的…": the count word before the place is none of it)
        bare = place.lstrip(SEAT_LEAD)
        place = _place_as_named(text, match.start(group + 1) + len(place) - len(bare), bare)
        if place in words["seat_pointers"]:
            # "在上海嘉定有…在当地注册的子公司": the place the sentence named before the pointer, when it names one
            before = text[sentence_at(text, match.start())[0]: match.start()]
            named = max(((before.rfind(p), p) for p in _known_places_longest_first() if p in before), default=(-1, place))
            home = max((before.rfind(str(p).lower()) for p in words["shanghai_places"]), default=-1)
            place = "上海" if home > named[0] else named[1]
        if in_shanghai(place):
            seats.append(("shanghai", "", False))
        elif place in words["seat_short_names"]:  # "our US parent company": the country as the answer names it
            seats.append(("elsewhere", str(words["seat_short_names"][place]), True))
        elif group < 2 or _is_place(place, lex):  # the later forms ("一家X的药企") hold a place only when X is one
            seats.append(("elsewhere", place, False))
    if seats:
        # "Our Japanese parent … set up a subsidiary registered in Pudong, Shanghai": the applicant's own Shanghai
        # registration, not its owner's country; otherwise the first place named
        first = seats[0]
        if first[2] and any(seat[0] == "shanghai" for seat in seats):
            first = next(seat for seat in seats if seat[0] == "shanghai")
        return first[0], first[1]
    return None


def _related_each(amounts: tuple[StatedAmount, ...], normalised: str, words: dict[str, Any]) -> tuple[StatedAmount, ...]:
    """``amounts`` each with the relation its own sentence states (``StatedAmount.related``), when the message's sentences
    state different ones ("品种甲…品种乙…，这两家委托方跟我们没有任何投资关系；品种丙…，委托方是我们控股股东投资的公司"):
    each item is judged by its own; unchanged when the message states one relation or none."""
    said = {}
    items = [a for a in amounts if a.role in (AmountRole.BASE, AmountRole.FEE)]  # not an upfront the deal is held to
    for amount in items:
        start, end = sentence_at(normalised, amount.start)
        said[amount.start] = _relation(normalised[start:end].lower(), words)
    if len(said) >= 2 and not {True, False} - set(said.values()):
        return tuple(replace(a, related=said[a.start]) if said.get(a.start) is not None else a for a in amounts)
    # ("A客户…8000万，B客户…3000万，…还有D客户是我们母公司参股15%的企业，给它做了2000万": one sentence listing the items,
    # the relation said in the stretch of one item alone; the others, listed beside it with none said, are not related)
    if len(items) < 2:
        return amounts
    stretches = {a.start: _relation(normalised[before.start + len(before.text) if before else sentence_at(normalised, a.start)[0]:
                                               a.start].lower(), words)
                 for before, a in zip([None, *items[:-1]], items, strict=True)}
    related = [at for at, relation in stretches.items() if relation]
    if len(related) != 1 or any(relation is False for relation in stretches.values()):
        return amounts
    return tuple(replace(a, related=a.start in related) if a.start in stretches else a for a in amounts)


def _relation(text: str, words: dict[str, Any]) -> bool | None:
    """Whether the parties of the deal are related by investment, as the asker states it. Denied: a
    relation word after a negation in its clause ("双方没有任何投资或持股关系", "no shareholding or other
    investment relationship between the two sides"), or an unrelated word. Stated: a clause naming a
    party of the deal and a relation ("委托方是我们公司的股东", "the client is in the same group as us"), or
    a relation word or pattern. A relation only asked about ("是否有投资关联") states none. The asker's own group
    said as where it stands ("母公司在上海注册了一家子公司", "can the subsidiary apply?") is no party of a deal; work done for
    it ("我们给我们的子公司做委托生产") is a deal with it. A tie through a third party ("没有直接持股，但是客户的大股东也投过
    我们") states none either way: the texts do not say whether it is an 投资等关联 (``relation_indirect``)."""
    if re.search(words["made_for_own_group"], text):  # "我们给我们的子公司做委托生产": the client is of the asker's group
        return True
    text = re.sub(words["own_group_structure"], " ", text)
    if re.search(words["relation_indirect"], text) or re.search(words["relation_hedged"], text):
        return None  # "不过两家好像没有互相持股": a denial the asker is unsure of states no relation either way
    if has_word(text, words["unrelated_party"]) or re.search(words["unrelated_party_pattern"], text) or _negated(
            text, words["relation_words"], words["relation_negation"], words["relation_required"]):
        return False
    for clause in re.split(r"[，,。；;？?！!]|\.\s", text):  # an English sentence ends a clause too
        if has_word(clause, words["relation_parties"]) and has_word(clause, words["relation_words"]) and not re.search(
                words["relation_asked"], clause):
            return True
    if has_word(text, words["related_party"]) or re.search(words["related_party_pattern"], text):
        return True
    return None


PARTNER_APPLIES = ("licensee", "insurer")  # roles whose partner, asked about, is the applicant (``asks_for_partner``)


def _entity_type(text: str) -> str | None:
    """Who the asker says it is ("我们是医院", "作为保险公司", "医院能拿…吗", "we are a CRO"): a kind's
    word where one of the ``entity_said`` patterns puts it, so a kind named as the measure's
    ("能拿CMO委托生产的补贴吗") is not the asker's."""
    folded = text.translate(IGNORECASE_LETTERS).lower()
    needed = _entity_words()
    asker = next((kind for kind, pattern in _entity_patterns(own=True)
                  if (needed is None or _holds_any(folded, needed[kind])) and pattern.search(text)), None)
    facts = lexicon().facts
    if asker in facts["intermediary_kinds"]:  # "我是保险公司的。客户是…药企": the client's case
        client = next((kind for kind, pattern in _kind_patterns("client_said") if kind != asker and pattern.search(text)), None)
        # ("我哋上海嘅合作藥企…佢哋可以攞返幾多補貼？": the partner's case, whatever its kind)
        return client if client is not None else None if re.search(facts["asks_for_partner"], text) else asker
    if asker in facts["founders_kinds"] and re.search(facts["founded_company"], text):
        return None  # "我是交大的老师…拿出来在上海成立了公司": the company founded applies
    return asker


def kinds_named(text: str) -> tuple[str, ...]:
    """The kinds of asker ``text`` (normalised, lower case) names anywhere ("and for a hospital?" → hospital), in the
    order it names them ("CMO和CRO的补贴分别是多少？" → cmo, cro), whether or not the asker says it is one; a kind
    naming an event's trade ("an international CRO trade show", "CRO展会") names no asker."""
    text = lexicon().kind_of_event.sub(" ", text)
    named = {str(kind): word_position(text, tuple(str(n).lower() for n in names))
             for kind, names in lexicon().facts["entity_type"].items()}
    return tuple(sorted((kind for kind, at in named.items() if at < len(text)), key=named.__getitem__))


def kind_asked_for(text: str, facts: Facts) -> tuple[str, ...]:
    """The kinds the asker says it is not and still names elsewhere in ``text`` (lower case): "我们是药企不是
    CRO，能拿CRO的支持吗" asks for the CRO measure; "我们不是CRO，1类新药能拿多少" does not."""
    kinds = []
    for kind, pattern in _kind_patterns("entity_denied"):
        if kind in facts.entity_denied and has_word(pattern.sub(" ", text), lexicon().facts["entity_type"][kind]):
            kinds.append(kind)
    return tuple(kinds)


def _entities_denied(text: str) -> tuple[str, ...]:
    """The kinds the asker says it is not ("我们是药企不是CRO", "a drug company, not a CRO"), in
    ``entity_type`` order."""
    folded = text.translate(IGNORECASE_LETTERS).lower()
    names = _entity_words(with_evident=False)
    return tuple(kind for kind, pattern in _kind_patterns("entity_denied")
                 if (names is None or _holds_any(folded, names[kind])) and pattern.search(text))


@cache
def _entity_words(with_evident: bool = True) -> dict[str, tuple[str, ...]] | None:
    """Each kind's words (``entity_type``, and with ``with_evident`` its ``entity_self_evident`` ones), lower case:
    a kind's ``_entity_patterns`` and ``_denied_patterns`` can match only where one of them stands (in the text
    folded as a case-insensitive match reads it); None when a pattern is written without {entity}."""
    words = lexicon().facts
    forms = [*words["entity_said"], *words["entity_own"], *words["entity_said_bare"], words["entity_denied"]]
    if not all(_requires(str(form), "(?:{entity})") for form in forms):
        return None
    evident = words.get("entity_self_evident", {}) if with_evident else {}
    return {str(kind): tuple(str(w).lower() for w in [*names, *evident.get(kind, [])])
            for kind, names in words["entity_type"].items()}


def _requires(pattern: str, group: str) -> bool:
    """Whether every match of ``pattern`` holds ``group``: the group stands outside every other group and
    character class, with no quantifier after it, and no ``|`` stands at the pattern's top level."""
    depth, index, found, in_class = 0, 0, False, False
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 2
            continue
        if in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
            index += 1 + (pattern[index + 1:index + 2] == "]")  # a "]" first in a class is the character
            continue
        elif depth == 0 and pattern.startswith(group, index):
            after = pattern[index + len(group):index + len(group) + 1]
            found = found or after not in {"?", "*", "{"}
            index += len(group)
            continue
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            return False
        index += 1
    return found


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - a plain loop: a generator costs twice as much on this hot path
        if word in text:
            return True
    return False


@cache
def _kind_patterns(template: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, the ``template`` pattern of ``understanding.yaml`` facts — ``entity_denied``, ``client_said`` — with the
    kind's words for {entity}) in ``entity_type`` order."""
    words = lexicon().facts
    return tuple((str(kind), re.compile(words[template].replace("{entity}", _any_name(names)), re.IGNORECASE))
                 for kind, names in words["entity_type"].items())


def without_asker(text: str) -> str:
    """``text`` without where the asker says who it is ("我们是医院，能申请CMO支持吗" → "，能申请CMO
    支持吗"): the asker's kind is a fact of the case, not the topic asked about (unless the kind names a
    measure's topic, ``entity_topics``)."""
    topics = lexicon().facts["entity_topics"]
    for kind, pattern in _entity_patterns(own=True):
        if kind not in topics:
            text = pattern.sub(" ", text)
    return text


def without_registration(text: str) -> str:
    """``text`` (lower case) without where the asker says it is or is not registered ("在上海有全资子公司",
    "在中国还没有设立公司"): a fact about who applies, not a topic."""
    words = lexicon().facts
    text = re.sub(f"{words['registered_nowhere']}|{words['registered_shanghai_pattern']}", " ", text)
    return without_words(text, sorted((str(w).lower() for w in words["registered_shanghai"]), key=len, reverse=True))


def without_kind_said(text: str, kind: str) -> str:
    """``text`` (lower case) without where the asker says it is ``kind`` ("我们是医院", "our hospital") and
    without the kind's English names ("what support is there for CROs"): what else the question names."""
    pattern = dict(_entity_patterns(own=True))[kind]
    text = pattern.sub(" ", text)
    for name in sorted((str(w).lower() for w in lexicon().facts["entity_type"][kind]), key=len, reverse=True):
        if name.isascii():
            text = re.sub(rf"(?<![a-z]){re.escape(name)}s?(?![a-z])", " ", text)
    return text


@cache
def _entity_patterns(own: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, the ``entity_said`` patterns (and ``entity_said_bare`` for a kind naming no measure's topic), with
    ``own`` the ``entity_own`` ones, with the kind's words for {entity}, and the kind's ``entity_self_evident``
    words) in ``entity_type`` order."""
    words = lexicon().facts
    patterns = []
    forms = [*words["entity_said"], *(words["entity_own"] if own else [])]
    evident = words.get("entity_self_evident", {})
    for kind, names in words["entity_type"].items():
        bare = words["entity_said_bare"] if kind not in words["entity_topics"] else []
        said = [f"(?:{p.replace('{entity}', f'(?:{_any_name(names)})')})" for p in [*forms, *bare]]
        if kind in evident:
            said.append(f"(?:{'|'.join(word_pattern(str(w).lower()) for w in evident[kind])})")
        patterns.append((str(kind), re.compile("|".join(said), re.IGNORECASE)))
    return tuple(patterns)


def _any_name(names: list[str]) -> str:
    """One alternation of a kind's names (``entity_type``), lower case, the longest first."""
    return "|".join(re.escape(str(n).lower()) for n in sorted(names, key=len, reverse=True))


def _drug_class(text: str, classes: dict[str, list[str]], as_measure: str, device: bool = False) -> str | None:
    """The class of the product the case is about. A sentence naming a class in passing, with no stage,
    no amount and no question ("另外我们还有一个仿制药在申报一致性评价。"), is about another product: it is
    read only when the rest of the message names no class but as a measure's name (``as_measure``: "Our
    generic drug is in a bioequivalence study. Can we get the Class 1 new drug clinical support?"). Within
    what is read, a class named beside "1类新药" is the product's ("仿制药…能申请1类新药那条吗"), "1类新药"
    the measure's name; when the case names a device (``device``), never the product's class ("We're a medical device
    company. Can we apply for the class 1 new drug support?")."""
    spans = sentences(text)
    aside = [(a, b) for a, b, asks in spans if not asks and not CASE_MARK.search(text[a:b])]
    rest = re.sub(as_measure, " ", "".join(" " * (b - a) if (a, b) in aside else text[a:b] for a, b, _ in spans))
    # "1类新药" as the measure's name is no class of a device ("a medical device company…the class 1 new drug support")
    for part in (rest, re.sub(as_measure, " ", text) if device else text):
        named = [cls for cls, ws in classes.items() if has_word(part, ws)]
        if named:
            return next((cls for cls in named if cls != "1"), named[0])
    return None


def _affirmed(text: str, pattern: str, negation: str) -> bool:
    """Whether ``pattern`` matches somewhere with no negation shortly before it in its clause, nor inside the
    match itself ("美国那边还没开始卖")."""
    for match in re.finditer(pattern, text):
        window = _clause_before(text, match.start()) + match[0]
        if not re.search(negation, window):
            return True
    return False


def _clause_before(text: str, start: int) -> str:
    """The part of its clause before ``start`` in which a negation denies the word there: ``NEGATION_WINDOW``
    characters, ``NEGATION_WINDOW_LATIN`` where they hold no Chinese."""
    window = text[max(0, start - NEGATION_WINDOW): start]
    if not CHINESE_CHARACTER.search(window):
        window = text[max(0, start - NEGATION_WINDOW_LATIN): start]
    return re.split(r"[，,。；;？?！!\n]|\bbut\b", window)[-1]


def _negated(text: str, topics: list[str], negation: str, required: str = "") -> bool:
    """Whether the asker denies one of ``topics`` ("从没进过特别审查程序", "was never in any special review"):
    a negation word shortly before the topic word, in the same clause. A negation the ``required`` pattern
    ends just before is the rule's own wording ("委托双方应无投资等关联"), not the asker's fact."""
    for topic in topics:
        word = topic.lower()
        if word not in text:  # most topics stand in no message: no pattern built and run for them
            continue
        for match in re.finditer(re.escape(word), text):
            window = _clause_before(text, match.start())
            if any(not (required and re.search(required, window[: m.start()])) for m in re.finditer(negation, window)):
                return True
    return False


def _enterprise_size(text: str, sizes: dict[str, list[str]], patterns: dict[str, str]) -> str | None:
    """The asker's size. A small-micro word beside another size names the measure ("中小微企业…基金"),
    the other size the asker ("我们是大型药企", "中型生物医药科创企业"). A size supposed after the size said
    ("we're a small biotech; if we were mid-size…", "我们是中型企业，如果是小微企业…") is the one the ask is about."""
    positions = {size: min(word_position(text, ws), match.start() if size in patterns and (
        match := re.search(patterns[size], text)) else len(text)) for size, ws in sizes.items()}
    named = [size for size in sizes if positions[size] < len(text)]
    supposed = lexicon().hypothetical.search(text)
    if supposed is not None and len(named) > 1:
        after = [size for size in named if positions[size] > supposed.start()]
        if 0 < len(after) < len(named):
            named = after
    return next((size for size in named if size != "small_micro"), named[0] if named else None)


def _place_as_named(text: str, start: int, caught: str) -> str:
    """The place a registration names, read from ``start`` of ``text``: the known places written in a row
    ("注册在江苏苏州" names 江苏苏州, not the three characters caught, 江苏苏; a known place the catch begins inside is
    read whole), else what was caught without a trailing 的 ("注册在某地的公司"). An English place is the word caught."""
    if not CHINESE_CHARACTER.match(caught):
        return caught
    # ("台湾新竹登记的厂商": the three characters caught, 湾新竹, begin inside 台湾, a known place)
    start = next((start - back for place in _known_places_longest_first() for back in range(1, len(place))
                  if start - back >= 0 and text.startswith(place, start - back)), start)
    end = start
    while (known := next((p for p in _known_places_longest_first() if text.startswith(p, end)), None)) is not None:
        end += len(known)
    return text[start:end] if end > start else caught.rstrip("的")


@cache
def _known_places_longest_first() -> tuple[str, ...]:
    return tuple(sorted((p for p in _known_places() if CHINESE_CHARACTER.match(p)), key=len, reverse=True))


def _is_place(word: str, lex: _Lexicon) -> bool:
    """A place outside Shanghai: a known one, a place abroad (the gazetteer's), or a name with a place
    suffix (…市, …省)."""
    return len(word) >= 2 and (word.endswith(PLACE_SUFFIXES) or any(word.startswith(place) for place in lex.known_places)
                               or any(fold(word).startswith(place) for place in places_abroad(word)))


def _places_of_work_abroad(text: str) -> tuple[str, ...]:
    """The places abroad ``text`` (lower case) names other than as a company's seat ("trial sites in Seoul and
    Tokyo" names two; "our parent company in Boston", "一家美国公司" name none): where work may happen."""
    seat = lexicon().facts["place_as_seat_abroad"]
    folded = fold(text)
    return tuple(place for place in places_abroad(text)
                 if len(re.findall(_with_place(seat, place), folded)) < len(re.findall(_place_word(place), folded)))


def _abroad_uses(text: str, words: dict[str, Any]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The places abroad ``text`` (lower case) names, in (a market, a market or regulator or company seat or
    rights to a market) patterns; (None, None) when it names none."""
    places = tuple(dict.fromkeys([*(str(w).lower() for w in words["overseas"] if has_word(text, (str(w).lower(),))),
                                  *places_abroad(text)]))
    if not places:
        return None, None
    return _place_patterns(words["place_abroad_as_market"], (words["place_abroad_as_regulator"], words["place_as_seat_abroad"],
                                                             words["place_abroad_as_rights"]), places)


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _place_patterns(market: str, others: tuple[str, ...], places: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(``market``, ``market`` or any of ``others``) with ``places`` for {place}, longest first."""
    named = f"(?:{'|'.join(re.escape(p) for p in sorted(places, key=len, reverse=True))})"
    markets = market.replace("{place}", named)
    return re.compile(markets), re.compile("|".join((markets, *(other.replace("{place}", named) for other in others))))


def _with_place(pattern: str, place: str) -> str:
    return pattern.replace("{place}", f"(?:{re.escape(place)})")


def _place_word(place: str) -> str:
    return word_pattern(place) if re.search(r"[a-z]", place) else re.escape(place)


def _own_rest(normalised: str, end: int) -> str:
    """The words after an amount ending at ``end`` up to its sentence's end or the next number, in digits or Chinese
    numerals (lower case): what is said of that amount alone ("C客户4000万，另外我们自己的管线…那个不算", "五千万元，其中设备
    三千多万，明年还想扩一个仓库先不算": another subject's words are not)."""
    rest = normalised[end: end + ROLE_WINDOW_LATIN * 2].lower()
    # (a figure blanked as the enterprise's background, "自有产品销售额1.1亿，不算在里面", ends it as a number would)
    return OTHER_SUBJECT.split(re.split(r"[。！？!?；;\d]|\.(?:\s|$)|[一二两三四五六七八九十][千百十]|\s{3,}", rest, maxsplit=1)[0],
                               maxsplit=1)[0]


def _stated(found: FoundAmount, normalised: str, lex: _Lexicon) -> StatedAmount:
    # an English sentence stays English for its phase written the normalised way ("We heard III期 is capped at")
    latin = not CHINESE_CHARACTER.search(NORMALISED_PHASE.sub(" ", normalised[max(0, found.start - ROLE_WINDOW): found.start]))
    before = normalised[max(0, found.start - (ROLE_WINDOW_LATIN if latin else ROLE_WINDOW)): found.start]
    after = normalised[found.end: found.end + 6]
    other, dollar = currency_marks(OTHER_MARKS), currency_marks(USD_MARKS)
    text, after, marked_before = found.text.lower(), after.lower(), before[-4:].lower()
    foreign = ""
    if other.anywhere.search(text) or other.after.match(after) or other.before.search(marked_before):
        currency = OTHER_CURRENCY  # "HK$5000万", "港币5000万", "€5 million": no rate, never yuan or dollars
        foreign = foreign_code(f"{marked_before} {text} {after}")  # which one ("eur"), for a rate the asker gives
    elif dollar.anywhere.search(text) or dollar.after.match(after) or dollar.before.search(marked_before):
        currency = USD
    else:
        currency = CNY
    role = AmountRole.BASE
    if lex.roles["threshold_after"].match(normalised[found.end: found.end + ROLE_WINDOW].lower()):
        role = AmountRole.CONTEXT  # "够得上首付款1亿元以上的门槛吗": the text's threshold named, no figure of the case
    elif (lex.roles["upfront"].search(before) or lex.roles["upfront_after"].match(normalised[found.end: found.end + ROLE_WINDOW])
          or lex.roles["upfront_far"].search(normalised[max(0, found.start - ROLE_WINDOW_FAR): found.start])):
        role = AmountRole.UPFRONT
    elif (lex.roles["context"].search(before) or lex.roles["context_after"].match(normalised[found.end: found.end + ROLE_WINDOW].lower())
          or lex.roles["left_out_after"].search(_own_rest(normalised, found.end))):
        # "总交易额6亿美元", "RMB 50 million registered capital": no award is paid on it; "KRW 8 million on a dinner but
        # finance says that doesnt count so leave it out", "招待费3万不算": the asker leaves it out
        role = AmountRole.CONTEXT
    elif _heard_of(found, normalised, before, latin, lex):
        role = AmountRole.CLAIMED
    elif lex.roles["received"].search(before) or (lex.roles["received_verb"].search(before.lower()) and lex.roles[
            "received_after"].match(normalised[found.end: found.end + ROLE_WINDOW].lower())):
        role = AmountRole.RECEIVED  # "今年已经拿了48万": what the annual cap has left is asked
    elif lex.roles["desired"].search(before) or lex.roles["desired_after"].match(normalised[found.end: found.end + ROLE_WINDOW]) or (
        lex.roles["outcome"].search(before) and not lex.roles["premium"].search(before) and not lex.roles["output"].search(before)
    ):
        role = AmountRole.DESIRED
    elif lex.roles["fee"].search(before) or (lex.roles["cost"].search(before) and _about_fair(normalised, found.start, lex)):
        role = AmountRole.FEE  # "展位费8万", "We attended BIO in Boston, costing RMB 200,000"
    kind = _base_kind(before, normalised[found.end: found.end + BASE_KIND_AFTER], lex) if role is AmountRole.BASE else ""
    return StatedAmount(found.text, found.yuan, role, currency, found.start, found.approximate, kind, foreign=foreign)


def _base_kind(before: str, after: str, lex: _Lexicon) -> str:
    """What a base amount is, by the words beside it in its clause: the nearest before it ("产值6000万",
    "investment of RMB 300m"), else the first right after it ("RMB 300m capex", "3亿的新增投资"); "" when none."""
    before = re.split(r"[，,。；;？?！!]|\.\s", before.lower())[-1]
    after = re.split(r"[，,。；;？?！!]|\.\s", after.lower())[0]
    found = [(m.end(), kind) for kind, pattern in lex.base_kinds.items() for m in pattern.finditer(before)]
    if found:
        return max(found)[1]
    found = [(m.start(), kind) for kind, pattern in lex.base_kinds.items() for m in pattern.finditer(after)]
    return min(found)[1] if found else ""


def _heard_of(found: FoundAmount, normalised: str, before: str, latin: bool, lex: _Lexicon) -> bool:
    """Whether an amount is a figure the asker heard of: a hearsay word ("听说", "told us") earlier in its sentence,
    within ``CLAIM_WINDOW`` of it or anywhere before it when the words just before the amount make it an award
    ("听说，1类新药Ⅲ期最多能给5000万", "Someone told us … can get up to RMB 50 million"); not when those words make
    it the asker's own spend or fee ("听说政策不错，我们研发投入2000万").
    """
    if lex.roles["own_base"].search(before):
        return False
    if _quoted_claim(found.start, normalised, lex) or lex.share_computed_claim.search(before):
        return True  # (or the asker's own product of a share: "按40%算是3,600万，可以全拿吗")
    start, end = sentence_at(normalised, found.start)
    heard = [m.start() for m in lex.roles["claimed"].finditer(normalised[start: found.start].lower())]
    if not heard and start > 0 and lex.confirmed_figure.match(normalised, found.end) and re.search(r"(?:是|为|有)\s*$", before):
        # "我记得…上限提到1000万了对吧？有专精特新资质的中型企业是1500万？": a figure put as a question right after a
        # sentence the asker remembers or heard goes on with what was heard
        # ("我自己算了下应该有3300万？": the asker's own sum put as a question, whatever the sentence before)
        before_start, _ = sentence_at(normalised, start - 1)
        return bool(lex.roles["claimed"].search(normalised[before_start:start].lower()) or lex.computed_claim.search(before))
    if not heard:
        # "新政对1类新药Ⅲ期临床最高补5000万，对吧？": an award's figure in a sentence asking to be confirmed is a claim too
        # ("算下来560万对吧？": the asker's own sum of the award)
        computed = lex.computed_claim.search(before) is not None
        if computed and lex.confirmed_figure.match(normalised, found.end):
            return True  # "那算下来3.75亿？": the sum put as a question
        return (computed or bool(lex.roles["outcome"].search(before))) and asks_to_confirm(normalised[start:end])
    close = found.start - (start + heard[-1]) <= (CLAIM_WINDOW_LATIN if latin else CLAIM_WINDOW)
    return close or bool(lex.roles["desired"].search(before) or lex.roles["outcome"].search(before))


def _quoted_claim(position: int, normalised: str, lex: _Lexicon) -> bool:
    """Whether ``position`` lies inside words the asker quotes (“…”, 「…」) in a message that asks whether they are
    right (``claim_check``, "这俩说法对吗"): a news item's figure ("①“2023年…产业规模已突破1万亿元”") is a claim to
    check, never the asker's own spend or output; a sentence quoted for what it says ("看到新闻里这句：“…”。我们算这一类吗？")
    states the text's figures, no claim."""
    opened = max(normalised.rfind("“", 0, position), normalised.rfind("「", 0, position))
    closed = max(normalised.rfind("”", 0, position), normalised.rfind("」", 0, position))
    curly = opened > closed and re.search("[”」]", normalised[position:]) is not None
    straight = normalised.count('"', 0, position) % 2 == 1 and '"' in normalised[position:]  # '"…"' opens and closes alike
    if not (curly or straight):
        return False
    lowered = normalised.lower()
    return has_word(lowered, lex.claim_check)


def _claims_closing(text: str, lex: _Lexicon) -> str:
    """The words after the last quote of ``text`` (with no quote, its last sentence) when they only ask whether what
    was said before is right ("这俩说法对吗"), or ""."""
    closed = max(text.rfind("”"), text.rfind("」"), text.rfind('"'))
    if closed < 0:  # "1）…；2）…。这三个说法对吗？": the last sentence, when it only asks that
        closed = max(text.rstrip(" ?？。.!！").rfind(mark) for mark in "。.!！;；")
    tail = text[closed + 1:].strip(" ，,。.;；?？") if closed >= 0 else ""
    return tail if tail and has_word(tail.lower(), lex.claim_check) and len(tail) <= MAX_CLOSING_CHARS else ""


MAX_CLOSING_CHARS = 24  # a closing that asks whether the claims are right is short ("这三个说法对吗", "Are these right")
# where one claim's clause ends: a comma, a semicolon or a colon (a sentence's end is one too)
CLAIM_CLAUSE_END = re.compile(r"[，,；;:：。！!？?]|\.(?=\s)")


def _quotes_claim(clause: str, text: str, lex: _Lexicon) -> bool:
    """Whether ``clause`` of ``text`` quotes a claim the message asks to check (``_quoted_claim``)."""
    opened = re.search('[“「"]', clause)
    at = text.find(clause)
    return opened is not None and at >= 0 and _quoted_claim(at + opened.end(), text, lex)


def _about_fair(normalised: str, position: int, lex: _Lexicon) -> bool:
    """Whether the sentence of ``normalised`` holding ``position`` is about a trade fair and no other base (an R&D
    spend, a premium, an output value: ``other_bases``). A fair is named by a word (``fair_words``: "展会",
    "exhibition", "booth") or by its own name ("BIO", "ASCO": ``events.names_event``)."""
    start, end = sentence_at(normalised, position)
    sentence = normalised[start:end].lower()
    return (bool(lex.fair_words.search(sentence)) or names_event(sentence)) and not lex.other_bases.search(sentence)


def _forecasts_of_context(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with a base said only as a forecast in a clause of its own ("，今年预计8亿", ``understanding.yaml``
    roles ``forecast_clause``) made context when the clause before it tells a sales or revenue figure (``forecast_of``)
    or was left out as the enterprise's size: the forecast of "去年营收5亿，今年预计8亿" or of "国内销售首次破了10亿，今年预计15亿"
    is no spend."""
    kept = []
    for amount in amounts:
        clause_start, _ = clause_around(normalised, amount.start, CLAUSE_MARKS)
        if amount.role is AmountRole.BASE and clause_start > 0 and lex.roles["forecast_clause"].match(
                normalised[clause_start: amount.start].lower()):
            before = normalised[clause_around(normalised, clause_start - 1, CLAUSE_MARKS)[0]: clause_start - 1]
            if not before.strip() or lex.roles["forecast_of"].search(before.lower()):
                amount = replace(amount, role=AmountRole.CONTEXT)
        kept.append(amount)
    return tuple(kept)


def _pointed_again(amounts: tuple[StatedAmount, ...], normalised: str) -> tuple[StatedAmount, ...]:
    """``amounts`` without a figure pointed at again ("这个600万", "that 6 million") after the same figure was stated:
    the one stated first, in its role, is the amount."""
    kept: list[StatedAmount] = []
    for amount in amounts:
        if not (POINTED_AGAIN.search(normalised[max(0, amount.start - POINTED_REACH): amount.start].lower()) and any(
                earlier.yuan == amount.yuan and earlier.currency == amount.currency for earlier in kept)):
            kept.append(amount)
    return tuple(kept)


def _restated(amounts: tuple[StatedAmount, ...], normalised: str) -> tuple[StatedAmount, ...]:
    """``amounts`` with a yuan figure put in brackets right after an amount in another currency ("USD 20 million
    (roughly RMB 140 million)", "2000万美元（约合人民币1.4亿元）") taking that amount's place and role, and an amount
    restated in brackets in other words ("0.9亿元（9千万）") or in dollars ("RMB 90 mn (~USD 12.4m)") once: one amount,
    stated twice, is no second item, and its yuan figure is the one the sources' thresholds read."""
    kept = list(amounts)
    for number in range(len(amounts) - 1, 0, -1):
        before, amount = amounts[number - 1], amounts[number]
        between = _text_between(normalised, before, amount)
        if before.currency != CNY and amount.currency == CNY and (
                RESTATED.fullmatch(between) or CONVERTED_SAID.fullmatch(between) or _converted(before, amount, between)):
            kept[number - 1: number + 1] = [replace(amount, role=before.role, base_kind=before.base_kind or amount.base_kind)]
        elif before.currency == CNY and amount.currency != CNY and _at_a_plausible_rate(before, amount) and (
                (RESTATED_IN_DOLLARS if amount.currency == USD else RESTATED_IN_OTHER).fullmatch(between)
                or BRACKETED_ASIDE.fullmatch(between)):
            # "RMB 90 mn (~USD 12.4m)", "5000萬人民幣(約5,450萬港元)", "RMB 1.5bn (the group board signed off SGD 280m)":
            # the yuan figure given, said again in another currency
            kept[number - 1: number + 1] = [before]
        elif (before.currency == amount.currency and before.yuan == amount.yuan and RESTATED.fullmatch(between)
              and before.role == amount.role):
            # "0.9億元（9千萬）": the same amount in other words, one item
            kept[number - 1: number + 1] = [before]
    return tuple(kept)


def _at_a_plausible_rate(yuan: StatedAmount, foreign: StatedAmount) -> bool:
    """Whether ``yuan`` (an amount in yuan) over ``foreign`` (one in dollars or another currency) is a rate that
    currency could have: within ``currency.usd_range`` for dollars, within ``RESTATED_RATIO`` for any other."""
    low, high = (usd_range().low, usd_range().high) if foreign.currency == USD else RESTATED_RATIO
    return foreign.yuan > 0 and low <= yuan.yuan / foreign.yuan <= high


def _text_between(normalised: str, before: StatedAmount, after: StatedAmount) -> str:
    """The words of ``normalised`` between two amounts it states, ``before`` then ``after`` ("" when ``before`` is not
    found where it was read: a currency word before a figure may shift its start)."""
    found = normalised.find(before.text, before.start)
    return normalised[found + len(before.text): after.start] if found >= 0 else ""


def _wholes(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with a base that a smaller base after it is said to be part of ("总投资15亿，其中核定新增投资12亿",
    "total spend is 1.5 billion yuan, of which the approved new investment is 1.2 billion") taken as context: one
    project, whose part the rule pays on, not two items. A part whose words name no kind of base while the whole's
    do ("经核定的总投资8500万，其中设备5200万") is a breakdown of the base: the part is the context, the whole the base."""
    kept = list(amounts)
    for number in range(len(amounts) - 1):
        whole, part = amounts[number], amounts[number + 1]
        between = _text_between(normalised, whole, part)
        if (whole.role is AmountRole.BASE and part.role is AmountRole.BASE and whole.currency == part.currency
                and part.yuan < whole.yuan and lex.part_follows.match(between.lower())):
            # ("核定的项目总投资是12.5亿，其中新增设备投资大概7亿": a project's approved total, of which equipment, is the base)
            if whole.base_kind and (not part.base_kind or (
                    whole.base_kind in PROJECT_BASE_KINDS and part.base_kind not in PROJECT_BASE_KINDS)):
                kept[number + 1] = replace(part, role=AmountRole.CONTEXT)
            else:
                kept[number] = replace(whole, role=AmountRole.CONTEXT)
        elif (whole.role is AmountRole.BASE and part.role is AmountRole.BASE and whole.currency == part.currency
              and part.yuan > whole.yuan and lex.whole_follows.search(between.lower())):
            # the stage's spend first, the project's whole after it; a whole named as the base ("设备大概3.2亿，整个项目审下来的
            # 总投资是5个亿") is the base, its part before it the context
            if part.base_kind and not whole.base_kind:
                kept[number] = replace(whole, role=AmountRole.CONTEXT)
            else:
                kept[number + 1] = replace(part, role=AmountRole.CONTEXT)
    return tuple(kept)


def _ranged(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with the upper end of a range of upfront payments ("首付款可能在8000万到1.5亿元之间", "an upfront of
    RMB 80 million to 150 million") in the lower end's role, marked ``ranged``: one payment not yet known, which a threshold
    between the two ends leaves undecided."""
    kept = list(amounts)
    for number in range(1, len(amounts)):
        low, high = kept[number - 1], kept[number]
        between = _text_between(normalised, low, high)
        if low.role is AmountRole.UPFRONT and high.role is AmountRole.BASE and lex.amount_range.fullmatch(between.lower()):
            kept[number] = replace(high, role=AmountRole.UPFRONT, ranged=True)
    return tuple(kept)


def _received_total(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with a total said after support received in the same sentence ("received the full RMB 50,000 for
    each of ten trade shows, RMB 500,000 in total", "每场拿了5万，一共拿了50万") as what was received, in place of
    the part before it: what the annual cap has left is counted from the total."""
    kept = list(amounts)
    for number in range(len(amounts) - 1, 0, -1):
        amount = amounts[number]
        end = amount.start + len(amount.text)
        said_total = lex.received_total_after.match(normalised[end: end + ROLE_WINDOW].lower()) or (
            lex.received_total_before.search(normalised[max(0, amount.start - ROLE_WINDOW): amount.start].lower()))
        if not said_total or amount.currency != CNY:
            continue
        start, _ = sentence_at(normalised, amount.start)
        parts = [a for a in kept[:number] if a.role is AmountRole.RECEIVED and a.start >= start and a.currency == CNY]
        if parts and amount.yuan > max(a.yuan for a in parts):
            kept = [replace(amount, role=AmountRole.RECEIVED) if a is amount else a for a in kept if a not in parts]
    return tuple(kept)


SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")


def _converted(dollars: StatedAmount, yuan: StatedAmount, between: str) -> bool:
    """Whether ``yuan`` is the asker's own conversion of ``dollars`` said right after it ("USD 180,000; finance booked
    it at 7.2 so RMB 1,296,000"): within a short stretch of words, at a rate inside the plausible range."""
    rates = usd_range()
    # ("…(~USD 12.4m). Earlier this year the same company already received ¥80,000,000": another sentence, another
    # role, another amount)
    return (dollars.currency == USD and dollars.yuan > 0 and len(between) <= CONVERSION_REACH
            and yuan.role in {AmountRole.BASE, dollars.role} and not SENTENCE_END.search(between)
            and rates.low <= yuan.yuan / dollars.yuan <= rates.high)


def _listed_alike(amounts: tuple[StatedAmount, ...], normalised: str) -> tuple[StatedAmount, ...]:
    """``amounts`` with each one listed right after another ("经费分别是6万和20万", "RMB 60,000 and 200,000")
    in the role of the one it is listed with: the words before the first name them both, unless words of its
    own follow it ("an upfront of RMB 200 million and RMB 12 million of service costs")."""
    listed = list(amounts)
    for number in range(1, len(listed)):
        before, amount = listed[number - 1], listed[number]
        between = normalised[before.start + len(before.text): amount.start]
        after = normalised[amount.start + len(amount.text):]
        if (amount.role is AmountRole.BASE and before.role is not AmountRole.BASE and LIST_JOINER.fullmatch(between)
                and LIST_END.match(after)):
            listed[number] = replace(amount, role=before.role)
    return tuple(listed)


def _without_set_aside(text: str, lex: _Lexicon) -> str:
    """``text`` (normalised, lower case) without the sentences that ask nothing and leave what they tell out of the
    case (``roles.left_out_after``: "还有个早期项目花了800万还在临床前，那个先不管")."""
    kept = [text[start:end] for start, end, asks in sentences(text)
            if asks or not lex.roles["left_out_after"].search(text[start:end])]
    return "".join(kept)


def _in_other_item_aside(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with those said in a bracketed aside naming the item not asked about (``roles.other_item_aside``:
    "拿证这一块的研发支持（不是特别审查那300万）") taken as context: that item's figure, no base."""
    asides = [m.span() for m in lex.roles["other_item_aside"].finditer(normalised.lower())]
    return tuple(replace(a, role=AmountRole.CONTEXT) if any(start <= a.start < end for start, end in asides) else a
                 for a in amounts) if asides else amounts


def _cro_stage(text: str, words: dict[str, Any]) -> str | None:
    """The stage a CRO's services are of (``cro_stage`` patterns): "preclinical" ("给高校课题组做新药临床前的药效和毒理")
    or "clinical" ("临床试验服务…按ICH-GCP…升级"); None when the message names both or neither, or names no CRO."""
    if not re.search(words["cro_named"], text):
        return None
    stages = [stage for stage, pattern in words["cro_stage"].items() if re.search(pattern, text)]
    return stages[0] if len(stages) == 1 else None


def _of_unmet_items(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with a base naming no kind of its own, said in a clause that names an item of another kind than
    the measure's (``unmet_items``' patterns: "公司另外还有一笔员工补充医疗保险80万"), taken as context: no base."""
    patterns = [lex.unmet_patterns[cid] for cid in lex.facts["unmet_items"] if cid in lex.unmet_patterns]
    if not patterns:
        return amounts
    def of_unmet(amount: StatedAmount) -> bool:
        clause = _clause_up_to(normalised, amount.start, "，,。；;？?！!")
        return any(pattern.search(clause) for pattern in patterns)
    return tuple(replace(a, role=AmountRole.CONTEXT) if a.role is AmountRole.BASE and not a.base_kind and of_unmet(a) else a
                 for a in amounts)


def clause_around(text: str, at: int, marks: str) -> tuple[int, int]:
    """(start, end) of the clause of ``text`` holding position ``at``: from after the nearest of ``marks`` before it to
    the nearest at or after it (the end of ``text`` when none)."""
    opening = max(text.rfind(mark, 0, at) for mark in marks) + 1
    closing = min((found for mark in marks if (found := text.find(mark, at)) >= 0), default=len(text))
    return opening, closing


def _clause_up_to(normalised: str, at: int, marks: str) -> str:
    """The words (lower case) of ``normalised`` before position ``at`` back to the nearest of ``marks``: the clause an
    amount at ``at`` is said in, up to it."""
    return normalised[clause_around(normalised, at, marks)[0]: at].lower()


def _fees_alike(amounts: tuple[StatedAmount, ...], normalised: str, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` with a bare figure (a base naming no kind) in a trade-fair sentence that states other fees
    taken as a fee too: "BIO花了12.8万，CPHI花了7.2万，日本一个学术会议3.9万" lists three fairs' fees, the last
    without its verb (``_about_fair`` keeps a sentence naming an R&D spend or an output out); the sentence right after
    one stating fees lists on ("德国MEDICA花了40万，迪拜阿拉伯医疗展20万，还有个新加坡的小会6万")."""
    fee_sentences = {sentence_at(normalised, a.start) for a in amounts if a.role is AmountRole.FEE}
    listing_on = {sentence_at(normalised, end) for _, end in fee_sentences if end < len(normalised)}
    # (a budget said in a sentence about a fair is its cost: "参加一个国际生物样本库大会，顺带摆个展台，预算差不多12万")
    listed = fee_sentences | listing_on
    return tuple(replace(a, role=AmountRole.FEE, base_kind="")
                 if a.role is AmountRole.BASE and (a.base_kind == "budget" or (
                     not a.base_kind and sentence_at(normalised, a.start) in listed))
                 and _about_fair(normalised, a.start, lex) else a
                 for a in amounts)


def _aside_of_each(amounts: tuple[StatedAmount, ...], normalised: str, count: int, lex: _Lexicon) -> tuple[StatedAmount, ...]:
    """``amounts`` of a message counting ``count`` like items with one amount said per item ("14个展会…每个项目经费
    都在15万上下"): the others of the same role said, in their own clause, as the least or most of the items or as their
    whole ("最便宜的也有12万", "全年…一共花了210万", ``counted_aside``; or exactly ``count`` times the amount of each)
    are context, no items of their own."""
    def clause_before(amount: StatedAmount) -> str:
        return _clause_up_to(normalised, amount.start, "，,。；;（(：")

    paid = [a for a in amounts if a.role in (AmountRole.BASE, AmountRole.FEE)]
    # ("6个…项目，每个项目预算都在5000万到1.2亿之间"): a range said of each item is one amount per item, its upper end
    # no item of its own
    upper = {id(high) for low, high in itertools.pairwise(paid) if low.role is high.role and lex.each.search(clause_before(low))
             and lex.amount_range.fullmatch(_text_between(normalised, low, high).lower())}
    if upper:
        amounts = tuple(replace(a, role=AmountRole.CONTEXT) if id(a) in upper else a for a in amounts)
        paid = [a for a in paid if id(a) not in upper]
    per_item = [a for a in paid if lex.each.search(clause_before(a))]
    if count < 2 or len(per_item) != 1 or len(paid) < 2:
        return amounts
    role = per_item[0].role
    # (or the count times the amount of each, whatever words it stands in: "14 shows… Each one cost roughly 120k RMB…,
    # about 1.68 million total")
    # ("Each booth + travel budget is about RMB 120k, so 1.8M total": the whole, read as a spend, of the same items)
    return tuple(replace(a, role=AmountRole.CONTEXT) if a is not per_item[0] and (
        (a.role is role and lex.counted_aside.search(clause_before(a)))
        or (a.role in (AmountRole.BASE, AmountRole.FEE) and a.yuan == per_item[0].yuan * count)) else a for a in amounts)


def counts_the_total(text: str, end: int, lex: _Lexicon | None = None) -> bool:
    """Whether the count ending at ``end`` counts the items a total adds up: a total word right after it ("两个加起来"),
    or, for a count of companies, after a short phrase naming them ("这两家企业的补贴加在一起")."""
    lex = lex or lexicon()
    if has_word(text[end: end + TOTAL_REACH], lex.total_words):
        return True
    phrase = COUNTED_COMPANIES.match(text, end - 1)
    return phrase is not None and has_word(phrase[0], lex.total_words) and not lex.each.search(phrase[0])


def _item_count(text: str, lex: _Lexicon) -> int | None:
    """The count of like items: "12场…每场10万", "3个项目…三个加起来" (a count and a total asked), "如果一年参加15个
    呢" (a count put as a case) or "更正一下，是五个项目" (a count put right); the
    first count of two or more ("回到第一个问题：…15个展会" counts 15) that is not the total asked ("再加一个
    品种B…，两个加起来多少" adds B to the one discussed)."""
    if (not lex.each.search(text) and not has_word(text, lex.total_words) and not lex.hypothetical.search(text)
            and not lex.item_correction.search(text)):
        return None  # "如果一年参加15个呢" puts a count of like items as a case too, "make that four projects" corrects one
    for match in lex.item_count.finditer(text):
        count = count_of(match["n"])
        if count is not None and not counts_the_total(text, match.end(), lex):
            return count  # "两个加起来" right after the count adds up the items discussed, it states no new ones
    return None


def _item_groups(text: str, amounts: tuple[StatedAmount, ...], lex: _Lexicon) -> tuple[int, ...]:
    """The count each stated amount holds for, when two or more amounts are each said of a count of like items in
    their own clause ("其中3个小展每个项目经费8万元，另外3个大展每个30万元" → (3, 3)): a count, then an each word
    (``each``), before the amount in the same clause; () when any amount has none."""
    if len(amounts) < 2:
        return ()
    counts: list[int] = []
    places: list[int] = []  # where each count was said: one count said once holds for one group only
    rested = False  # a count of the rest said ("其他两个还是8万"): a lone item named beside it is one
    previous_end = 0
    for amount in amounts:
        clause_start = max(text.rfind(mark, 0, amount.start) for mark in "，,。；;？?！!:：") + 1
        clause = text[clause_start:amount.start]
        since, previous_end = text[previous_end:amount.start], amount.start + len(amount.text)
        found = [(m, count_of(m["n"])) for m in lex.item_count.finditer(clause)]
        said = next(((clause_start + m.start(), n) for m, n in reversed(found) if n is not None and n > 1
                     and lex.each.search(clause, m.end())), None)
        if said is None and lex.each.match(clause.lstrip()) and clause_start > 0:
            # "10个国际展会，每个项目经费12万": the count in the part before the comma, the each word opening this one
            before_start = max(text.rfind(mark, 0, clause_start - 1) for mark in "，,。；;？?！!:：") + 1
            earlier = [(before_start + m.start(), count_of(m["n"])) for m in lex.item_count.finditer(text[before_start:clause_start - 1])]
            said = next(((at, n) for at, n in reversed(earlier) if n is not None and n > 1), None)
        if said is None:
            rest = lex.rest_kept.search(clause)
            said = (clause_start + rest.start(), count_of(rest["n"]) or 0) if rest else None
            if said is not None:
                rested = True
            elif lex.one_item_named.search(clause):
                # "迪拜那个预算是20万，其他两个还是8万": the one item named beside the rest
                said = (clause_start, 1)
            elif counts and (another := ANOTHER_ITEM.search(since)) and (told := lex.item_count.search(since, another.start())):
                # "三个1类新药…每个研发投入都是0.9亿；另外还有一个双抗做完了II期，II期投了5000万": another item, counted
                said, rested = (amount.start - len(since) + told.start(), count_of(told["n"]) or numeral_or_zero(told["n"])), True
        if said is None or said[0] in places or said[1] < 1:
            return ()
        places.append(said[0])
        counts.append(said[1])
    if 1 in counts and not rested:
        return ()
    return tuple(counts)


def _items_counted_by_total(text: str, lex: _Lexicon) -> int | None:
    """The count of items right before a total's words ("这样两个加起来呢", "两个展加起来一共多少"), None when none stands
    there (the parts of a conversation summed, "这两块加起来", count measures, not items)."""
    for match in lex.item_count.finditer(text):
        count = count_of(match["n"])
        if count is not None and counts_the_total(text, match.end(), lex):
            return count
    return None


def count_summed(text: str) -> int | None:
    """The count of the items discussed a total asks to add up ("这两项加起来一共多少", "两个加一起多少"): a count
    right before the total's words, or the parts of the conversation a total names anywhere in ``text`` (lower case:
    "这两块加起来", "both of them in total"); None when none stands there."""
    lex = lexicon()
    count = _items_counted_by_total(text, lex)
    if count is not None:
        return count
    # "那这两块加起来能拿多少", "what about both of them in total": parts of the conversation, counted, with a total word
    part = lex.parts_summed.search(text)
    if part is not None and has_word(text, lex.total_words):
        return count_of(part["n"]) if part["n"] else 2
    return None


def _item_corrected(normalised: str, text: str, lex: _Lexicon, order: int | None) -> tuple[int | None, Decimal | None]:
    """(the order, 1-based, of the item a correction names; the amount in yuan it denies) for a turn putting an
    item right ("更正一下，第二个品种的产值是4000万元，不是8000万元" → (2, 80000000); "B的投入我说错了，是0.9亿" after
    "A…；B…" → (2, None)), each None when not said; (None, None) when the turn corrects nothing (no correction word
    and no amount denied). ``normalised`` is the normalised message (amount positions refer to it), ``text`` its
    lower case, ``order`` the item the turn names (``_item_order``, ``_label_order``)."""
    denied = next((found.yuan for found in find_amounts(normalised) if lex.roles["denied"].search(
        normalised[max(0, found.start - ROLE_WINDOW_LATIN): found.start].lower())), None)
    if denied is None and not lex.item_correction.search(text):
        return None, None
    return order, denied


def _of_party_asked(normalised: str, lex: _Lexicon) -> tuple[str, str]:
    """``normalised`` and its lower case, the sentences only about parties the last sentence does not ask about
    blanked out (the same length, so positions hold): a memo telling of several labelled companies ("A公司注册在杭州…；
    B、C两家都是上海注册的，这次先不问。A公司能不能拿…？") asks of one, whose facts are its own. Unchanged unless the
    message labels two or more parties and its last sentence names some of them."""
    pieces = [(m.start(), m.end()) for m in PARTY_SENTENCE.finditer(normalised)]
    asked = set(_labels(normalised[pieces[-1][0]:pieces[-1][1]], lex)) if pieces else set()
    if not asked or len(set(_labels(normalised, lex))) < 2:
        return normalised, normalised.lower()
    kept = list(normalised)
    for start, end in pieces[:-1]:
        named = set(_labels(normalised[start:end], lex))
        if named and not named & asked:
            kept[start:end] = " " * (end - start)
    text = "".join(kept)
    return text, text.lower()


def _label_order(normalised: str, given: Sequence[str], lex: _Lexicon) -> int | None:
    """The order (1-based) of the item ``normalised`` names by a label the conversation gave it before ("A…；B…" then
    "B的投入" → 2), among the labels ``given`` (lower case, in the order given: ``Question.labels_given``); None when it
    names none of them, or fewer than two were given."""
    if len(given) < 2:
        return None
    named = next((label for label in _labels(normalised, lex) if label in given), None)
    return list(given).index(named) + 1 if named is not None else None


# a sentence, or a part of one after a semicolon: the span a memo tells one party's facts in (an English full stop
# ends one too: "…product B: RMB 74.5 million. What's the most…?"; a decimal point does not)
PARTY_SENTENCE = re.compile(r"(?:[^；;。!！?？\n.]|\.(?!\s|$))+(?:[；;。!！?？\n]|\.(?=\s|$))*")


def _unsure_patterns(facts: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """By condition id, the pattern of the asker saying it is unsure of that condition: an unsure word
    (``unsure_words``) shortly before one of the condition's topic words (``unsure_topics``) in the same sentence, with
    no words asking whether one may apply between them (``unsure_of_asking``: "不确定能不能申请，…特别审查" is no doubt
    about the fact), or right after the topic in the same clause ("具体啥关系我也说不清"), or in the next clause as a doubt
    whether it counts ("…前年参投过我们B轮，我也不确定算不算")."""
    said, asking = facts["unsure_words"], facts["unsure_of_asking"]
    return {str(cid): re.compile(f"(?:{said})(?:(?!{asking})[^。！!？?；;]){{0,24}}?(?:{topic})"
                                 f"|(?:{topic})[^。！!？?；;，,]{{0,8}}?(?:{said})"
                                 f"|(?:{topic})[^。！!？?；;，,]{{0,12}}[，,][^。！!？?；;，,]{{0,4}}?(?:{said})[^。！!？?；;，,]{{0,3}}?(?:算不算|是不是|有没有)")
            for cid, topic in facts["unsure_topics"].items()}


def _unsure(text: str, lex: _Lexicon) -> tuple[str, ...]:
    """The condition ids ``text`` (lower case) says the asker is unsure of ("记不清是创新医疗器械特别审查还是别的优先审批"
    → ("in_special_review",)); ``_unsure_patterns``. A tie between the parties other than a stake ("委托方的董事长以前是
    受托方的总经理", "两家还共用一个物流仓库") leaves the relation conditions open: the text's "投资等关联" may take it in."""
    unsure = [cid for cid, pattern in lex.unsure_patterns.items() if pattern.search(text)]
    if lex.other_tie.search(text):
        unsure += [cid for cid in RELATION_CONDITIONS if cid not in unsure]
    return tuple(unsure)


def _labels(text: str, lex: _Lexicon) -> list[str]:
    """The item labels ``text`` gives or names, in order, lower case ("a", "b", "丙"; ``understanding.yaml`` item_label)."""
    return [(m["label"] or m["after"] or m["cn"] or m["cn_before"] or m["en"] or m["en_for"]).lower()
            for m in lex.item_label.finditer(text)]


def _item_order(text: str, lex: _Lexicon) -> int | None:
    """The order (1-based) of the item ``text`` (lower case) names ("第二个品种", "the second product"), or None."""
    match = lex.item_ordinal.search(text)
    said = (match["n"] or match["en"]) if match else None
    if not said:
        return None
    if said.lower() in lex.english_ordinals:
        return lex.english_ordinals[said.lower()]
    return numeral(said)


def _items_added(text: str, lex: _Lexicon) -> int:
    """How many items a turn adds: the count "又接了两个品种", "two more products" state, else one."""
    match = lex.add_items.search(text)
    said = (match["n"] or match["more"]) if match else None
    return (count_of(said) or 1) if said else 1


def device_class_named(text: str, context: str = "") -> str | None:
    """The medical device class ``text`` (normalised) names ("三类器械", "Class III device" → "3"), or None when it names
    none or more than one (a second class named alone counts: "Class III device … the Class II fast track").
    After ``context`` (the turn before) named a device class, the class alone names one ("那三类呢")."""
    named = [name for name, (asked, _) in lexicon().device_classes.items() if asked.search(text)]
    if not named and context and device_class_named(context) is not None:
        named = [name for name, bare in lexicon().device_classes_bare.items() if bare.search(text)]
    elif len(named) == 1 and names_other_device_class(text, named[0]):
        return None  # "our Class III device: can it go through the Class II fast track?" names both
    return named[0] if len(named) == 1 else None


def names_other_device_class(text: str, own: str) -> bool:
    """Whether ``text`` (lower case) names a device class other than the asker's ``own`` ("Our Class III device: can
    it go through the Class II fast track?" names "2" beside "3")."""
    return any(bare.search(text) for name, bare in lexicon().device_classes_bare.items() if name != own)


def product_device_class(text: str) -> str | None:
    """The class ("2", "3") of the asker's own device that ``text`` (lower case) names: the one class named, or of
    several the one said to be the asker's ("我们有一个三类植入器械，能走二类器械那个…吗" → "3"); None otherwise."""
    named = {name: found.start() for name, (asked, _) in lexicon().device_classes.items() if (found := asked.search(text))}
    if len(named) <= 1:
        return next(iter(named), None)
    owned = [name for name, start in named.items() if lexicon().device_owned.search(text[max(0, start - DEVICE_OWNER_REACH):start])]
    return owned[0] if len(owned) == 1 else None


def device_class_fit(article_text: str, device_class: str) -> int | None:
    """How ``article_text`` answers for ``device_class``: 0 when it names that class, 1 when it names no class, None
    when it names only another (（十六）'s 第二类医疗器械 for a Class III device)."""
    classes = lexicon().device_classes
    if classes[device_class][1] in article_text:
        return 0
    return None if any(stated in article_text for name, (_, stated) in classes.items() if name != device_class) else 1


def labels_named(text: str) -> tuple[str, ...]:
    """The measure keys ``text`` (normalised) names by their printed label ("（二十）" → "20", "第5条" → "05",
    "measure 12" → "12"), in order."""
    keys = []
    for match in lexicon().article_label.finditer(text):
        number = next(n for n in match.groups() if n)
        value = int(number) if number.isdigit() else int(Decimal(str(cn2an.cn2an(number, "smart"))))
        keys.append(f"{value:02d}")
    return tuple(dict.fromkeys(keys))


def tasks_named(text: str) -> tuple[int, ...]:
    """The numbers of the tasks ``text`` (normalised) names ("第九项任务" → 9, "任务九" → 9, "task 9" → 9), in order."""
    numbers = []
    for match in lexicon().task_label.finditer(text):
        number = next(n for n in match.groups() if n)
        numbers.append(int(number) if number.isdigit() else int(Decimal(str(cn2an.cn2an(number, "smart")))))
    return tuple(dict.fromkeys(numbers))


def holds_tasks(section: str) -> bool:
    """Whether a section heading holds a document's numbered tasks ("三、重点任务")."""
    return has_word(section, lexicon().task_sections)


def count_of(word: str) -> int | None:
    """A count of items as written ("12", "十二", "twelve"), when it is one (2..200)."""
    count = _number_written(word)
    return count if 1 < count <= 200 else None


def numeral_or_zero(word: str) -> int:
    """The whole number ``word`` writes (``_number_written``); 0 when it writes none."""
    try:
        return _number_written(word)
    except ValueError:
        return 0


def _number_written(word: str) -> int:
    """The whole number ``word`` writes in English words ("twelve") or in digits or Chinese numerals (``numeral``);
    raises ValueError when it writes none."""
    word = word.lower()
    english = lexicon().english_numbers
    return english[word] if word in english else numeral(word)


def numeral(word: str) -> int:
    """The whole number ``word`` writes in digits or Chinese numerals ("12", "十二", "两"); raises ValueError when it
    writes none."""
    return int(Decimal(str(cn2an.cn2an(word, "smart"))))
