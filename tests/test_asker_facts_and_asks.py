"""Who the asker is, what it asks, where it asks about: facts read with their roles, asks cut where the
asker lists them, places judged by the sentence that asks.

Each promise is kept by a general reading (a deal's other party after 从, a kind the asker denies being,
a clause ending at an English full stop, a question inside a longer message), not by a list of phrasings.
"""

import pytest

from assistant.conversation.context import read_context
from assistant.conversation.question import AmountRole, AskKind
from assistant.conversation.understand import _asks, labels_named, lexicon, read_facts
from assistant.records import Status
from index.documents import load_catalogue
from index.normalise import normalise


def _facts(message: str):
    text = normalise(message)
    return read_facts(text, text.lower())


def _kinds(message: str) -> list[AskKind]:
    text = normalise(message)
    return [a.kind for a in _asks(text, lexicon(), None, read_facts(text, text.lower()))]


@pytest.mark.parametrize("message", [
    "我们从一家德国公司引进了一款抗体的中国权益，首付款1.5亿元，作为受让方能申请支持吗？",
    "我們從一家日本藥企引進了一款小分子的權益，作為受讓方可以申請嗎？",
])
def test_a_company_named_after_from_is_the_other_party_not_where_the_asker_is_registered(message: str) -> None:
    facts = _facts(message)
    assert facts.registered != "elsewhere"
    assert facts.applicant_role == "licensee"


def test_a_licensee_of_greater_china_rights_gets_a_no_quoting_the_licensor_condition(engine) -> None:
    answer = engine.ask("我們從一家美國公司引進了一款單抗的大中華區權益，首付款3億元，我們作為受讓方能申請海外權益許可交易的支持嗎？", None)
    assert answer.status is Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "出讓企業" in answer.answer


@pytest.mark.parametrize(("message", "kind"), [
    ("我们是药企不是CRO，能申请临床试验服务能力提升项目吗？", "drug_developer"),
    ("我们是医院不是CMO，能承接委托生产吗？", "hospital"),
])
def test_a_kind_the_asker_says_it_is_not_is_not_its_kind(message: str, kind: str) -> None:
    assert _facts(message).entity_type == kind


def test_an_equity_stake_in_the_client_is_an_investment_relation_even_when_a_later_sentence_asks_whether() -> None:
    facts = _facts("Our CDMO makes tablets for a client in which we hold a 15% equity stake. "
                   "Please tell us whether we can get the contract manufacturing support.")
    assert facts.related_party is True


def test_a_cdmo_holding_a_stake_in_its_client_is_told_no(engine) -> None:
    answer = engine.ask("We are a Shanghai-registered CDMO producing for a biotech in which we hold a 20% equity stake; "
                        "annual contract output is RMB 40 million. Please confirm whether we qualify for the CMO support.", None)
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "委托双方应无投资等关联" in answer.answer


def test_a_message_with_a_question_in_the_middle_is_answered_not_noted_as_a_profile(engine) -> None:
    answer = engine.ask("我们是药企不是CRO，CRO那个能力提升项目我们能申请吗？我们公司在上海注册，1类新药在国内做Ⅱ期。", None)
    assert answer.status is Status.ANSWERED
    assert answer.citations and answer.citations[0].doc_id == "policy2024"
    assert answer.verdicts  # a verdict on the measure asked about, not a note of the profile
    assert "已记下" not in answer.answer


@pytest.mark.parametrize("message", [
    "我们总部在南京，在上海也有研发中心。南京对创新医疗器械有没有奖励？",
    "我們總部在杭州，上海也有子公司。杭州對1類新藥臨床有補貼嗎？",
])
def test_a_city_whose_own_support_is_asked_is_refused_even_where_the_asker_is_headquartered(engine, message: str) -> None:
    answer = engine.ask(message, None)
    assert answer.status is Status.OUT_OF_SCOPE
    assert not answer.calculations


def test_questions_listed_with_commas_in_english_are_each_their_own_ask() -> None:
    kinds = _kinds("Two things: how many working days does the lead institution have for the ethics review, "
                   "what is the most a company can get for a clinical trial run overseas, and what is the VAT rate?")
    assert len(kinds) == 3
    assert kinds[0] is AskKind.DURATION


def test_a_question_listed_after_and_with_its_verb_first_is_its_own_ask() -> None:
    kinds = _kinds("We are a device maker: how much for a first-in-class device, which departments handle it, "
                   "and is there help with trial insurance premiums?")
    assert kinds == [AskKind.AMOUNT, AskKind.DEPARTMENTS, AskKind.ELIGIBILITY]


def test_three_english_asks_in_one_message_each_reach_their_measure(engine) -> None:
    answer = engine.ask("We make devices: how much for an innovative device, which departments handle it, "
                        "and is there help with trial insurance premiums?", None)
    cited = [c.chunk_id for c in answer.citations]
    assert cited[:2] == ["policy2024:06", "policy2024:13"]
    assert "RMB 3,000,000" in answer.answer  # the device measure's ceilings
    assert "responsible departments (责任单位) for （六）" in answer.answer
    assert "（十三）" in answer.answer and "保费" in answer.answer


def test_an_english_list_of_questions_answers_the_covered_ones_and_refuses_the_tax_one(engine) -> None:
    answer = engine.ask("Quick ones: how many working days does the lead institution have for the ethics review, "
                        "what is the most we can get for a clinical trial we run overseas, and what is the "
                        "corporate income tax rate for high-tech enterprises?", None)
    cited = [c.chunk_id for c in answer.citations]
    assert "policy2024:10" in cited and "policy2024:12" in cited
    assert "RMB 20,000,000" in answer.answer or "20 million" in answer.answer
    assert "outside the policy sources" in answer.answer


@pytest.mark.parametrize("message", ["Will it be rainy in Shanghai tomorrow?", "上海今天是晴天吗？",
                                     "thanks! btw any decent hotel near Zhangjiang for a delegation of 6 next week?",
                                     "张江附近有什么好一点的酒店可以住吗？"])
def test_weather_and_travel_small_talk_is_refused(engine, message: str) -> None:
    assert engine.ask(message, None).status is Status.OUT_OF_SCOPE


def test_a_company_that_exhibited_abroad_reaches_the_trade_fair_measure(engine) -> None:
    answer = engine.ask("We exhibited at a medical trade show in Germany; our booth cost RMB 60,000. "
                        "We are registered in Shanghai. How much support can we get?", None)
    assert answer.citations[0].chunk_id == "policy2024:37"
    assert answer.calculations and answer.calculations[0].amount_yuan == 30000


@pytest.mark.parametrize(("message", "award", "base"), [
    ("我们是药企不是CRO，希望拿到100万，研发投入2000万。", 1_000_000, 20_000_000),
    ("我們是藥企不是CRO，希望拿到100萬，研發投入2000萬。", 1_000_000, 20_000_000),
    ("We are a drug company, not a CRO. We hope to get RMB 1 million; we have spent RMB 20 million on R&D.", 1_000_000, 20_000_000),
    ("We want to receive the full award of RMB 1 million. Our R&D budget is RMB 20 million.", 1_000_000, 20_000_000),
])
def test_an_amount_hoped_for_is_the_desired_award_and_one_spent_is_the_base_in_every_language(message, award, base) -> None:
    roles = {a.yuan: a.role for a in _facts(message).amounts}
    assert roles == {award: AmountRole.DESIRED, base: AmountRole.BASE}


@pytest.mark.parametrize("message", [
    "听说CRO的项目每个能给100万。我们投了2000万。",
    "We heard the CRO measure gives up to RMB 1 million per project; we invested RMB 20 million.",
])
def test_a_figure_heard_of_is_a_claim_not_the_base(message) -> None:
    roles = {a.yuan: a.role for a in _facts(message).amounts}
    assert roles == {1_000_000: AmountRole.CLAIMED, 20_000_000: AmountRole.BASE}


@pytest.mark.parametrize(("message", "denied"), [
    ("我们是药企不是CRO，能拿CRO的支持吗？", ("cro",)),
    ("我們是藥企，並非CMO。", ("cmo",)),
    ("We are a drug company, not a CRO.", ("cro",)),
    ("We are a CRO.", ()),
])
def test_the_kinds_the_asker_says_it_is_not_are_read(message, denied) -> None:
    assert _facts(message).entity_denied == denied


@pytest.mark.parametrize("message", [
    "When a hospital lets the research institute hold its shares, what percentage of the equity income does the hospital keep?",
    "If our trial runs in Shanghai, how much can we get?",
])
def test_an_english_clause_opening_with_when_or_if_states_the_case_of_the_one_ask(message) -> None:
    assert len(_kinds(message)) == 1


def test_when_is_still_asked_when_it_opens_a_question() -> None:
    assert len(_kinds("When is the deadline, and which departments are responsible?")) == 2


@pytest.mark.parametrize(("message", "domestic_rule", "amount"), [
    ("1类新药三期投入5000万能拿多少？另外海外临床试验保险保费80万能补多少？还有伦理审查要多久？", "m05-drug-phase3", 20_000_000),
    ("1类新药二期临床投入3000万能补多少？我们另一个产品在美国做三期呢？", "m05-drug-phase2", 12_000_000),
])
def test_a_trial_abroad_named_in_another_ask_is_not_the_domestic_trials(engine, message: str, domestic_rule: str,
                                                                       amount: int) -> None:
    """（五） "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验…不超过研发投入的40%": the overseas trial or premium of
    the other ask does not make the first one's trial overseas (no wrong 不可以 for it)."""
    answer = engine.ask(message)
    first = answer.answer.splitlines()[0]
    assert not first.startswith("不可以"), first
    assert (domestic_rule, amount) in [(c.rule_id, c.amount_yuan) for c in answer.calculations]


@pytest.mark.parametrize("message", [
    "刚拿到美国FDA批准，但还没开始在美国卖。",
    "產品已在日本上市銷售。",
    "Our drug was approved by the FDA and is sold in the US.",
    "我们从一家美国公司引进了大中华区权益。",
])
def test_a_place_abroad_named_as_a_market_regulator_or_seat_is_not_where_a_trial_runs(message) -> None:
    assert _facts(message).trial_location is None


@pytest.mark.parametrize("message", [
    "我们的1类新药在美国做II期临床。",
    "我們在美國獲FDA批准後，又在美國開展III期臨床。",
    "Our Phase II trial runs in Japan.",
])
def test_a_trial_abroad_is_still_overseas_beside_a_market_named(message) -> None:
    assert _facts(message).trial_location == "overseas"


@pytest.mark.parametrize(("message", "sold"), [
    ("产品拿了FDA批准，已经在美国卖了。", True),
    ("產品已在歐洲上市銷售。", True),
    ("It has been on sale in Japan since March.", True),
    ("刚拿到FDA批准，还没在美国销售。", None),
])
def test_a_product_sold_abroad_is_read_and_a_denial_is_not_a_sale(message, sold) -> None:
    assert _facts(message).sold_abroad is sold


@pytest.mark.parametrize(("message", "role"), [
    ("We're a Shanghai company in-licensing ex-China rights from a US biotech.", "licensee"),
    ("We licensed in the Greater China rights of an antibody.", "licensee"),
    ("我们从韩国一家公司获得了这款药的大中华区许可。", "licensee"),
])
def test_buying_rights_in_is_the_licensee_role_in_any_wording(message, role) -> None:
    assert _facts(message).applicant_role == role


@pytest.mark.parametrize(("message", "kind"), [
    ("I'm a PI at a Shanghai tertiary hospital.", "hospital"),
    ("I work for a contract research organization in Pudong.", "cro"),
    ("我是一家三甲医院的研究者。", "hospital"),
    ("我在一所大學工作，做新藥研究。", "university"),
    ("我们是在上海登记的一家民办非企业单位。", "private_non_enterprise"),
])
def test_someone_speaking_from_within_the_asker_names_its_kind(message, kind) -> None:
    assert _facts(message).entity_type == kind


@pytest.mark.parametrize("message", [
    "We're a Korean medtech startup with no legal entity in China yet.",
    "我们是一家德国药企，在中国还没有设立公司。",
    "我們尚未在上海註冊。",
])
def test_an_asker_not_registered_in_shanghai_at_all_is_registered_elsewhere(message) -> None:
    facts = _facts(message)
    assert facts.registered == "elsewhere"


def test_a_product_not_yet_registered_in_china_says_nothing_of_where_the_company_is() -> None:
    assert _facts("我们的产品还没在国内注册上市。").registered is None


@pytest.mark.parametrize("message", [
    "我们是CRO，给高校做临床前研究。Any financing support for this?",
    "We're a CRO running preclinical studies for a university. Any financing support for this kind of work?",
])
def test_an_english_question_opening_with_any_is_a_yes_no_question_on_the_stated_case(message) -> None:
    assert _kinds(message) == [AskKind.ELIGIBILITY]


@pytest.mark.parametrize(("message", "detail"), [
    ("我们医院能申请市里那个按研发投入40%给钱的政策吗？", ""),
    ("按投入比例給錢的那條，我們能申請嗎？", ""),
    ("批下来以后多久给钱？", "payout"),
])
def test_a_detail_word_describing_the_measure_asks_no_detail(message, detail) -> None:
    text = normalise(message)
    [ask] = _asks(text, lexicon(), None, read_facts(text, text.lower()))
    assert ask.detail == detail


@pytest.mark.parametrize(("message", "drug_class"), [
    ("Our generic drug is in a bioequivalence study. Can we get the Class 1 new drug clinical support?", "generic"),
    ("我们的仿制药在做一致性评价。能申请1类新药那条支持吗？", "generic"),
    ("我们公司有两个仿制药在做一致性评价。另外一个1类新药在国内完成了I期临床，能拿多少？", "1"),
])
def test_a_class_named_only_as_the_measures_name_does_not_hide_the_product_told_before(message, drug_class) -> None:
    assert _facts(message).drug_class == drug_class


@pytest.mark.parametrize("message", [
    "We ran the Phase I of our Class 1 drug in Australia rather than in China.",
    "我們的II期放在新加坡做，而非在國內。",
])
def test_a_place_after_rather_than_is_not_where_the_trial_runs(message) -> None:
    assert _facts(message).trial_location == "overseas"


@pytest.mark.parametrize("message", [
    "器械拿了首个注册证，但在江苏生产。",
    "Our device got its first certificate but is manufactured in Jiangsu, not Shanghai.",
])
def test_production_named_in_another_place_leaves_the_local_production_condition_unmet(message) -> None:
    assert "first_registration_and_production" in _facts(message).unmet


@pytest.mark.parametrize(("message", "size"), [
    ("We're a large pharmaceutical group.", "large"),
    ("We are a mid-sized biotech company.", "medium"),
    ("We are a small-molecule drug developer.", None),
])
def test_the_enterprises_size_is_read_in_english_words_between(message, size) -> None:
    assert _facts(message).enterprise_size == size


@pytest.mark.parametrize(("message", "regulator"), [
    ("我们的创新药在巴西注册成功并已经开始销售。", "brics"),
    ("產品已獲美國FDA批准。", "fda"),
    ("Our device carries the CE mark and is sold in Germany.", "ce"),
    ("Who is responsible for this measure?", None),
])
def test_the_regulator_a_product_is_registered_with_abroad_is_read(message, regulator) -> None:
    assert _facts(message).regulator == regulator


@pytest.mark.parametrize(("message", "keys"), [
    ("那（二十）呢？", ("20",)),
    ("第五条和第三十六条都能申请吗？", ("05", "36")),
    ("Can we apply under measure 8?", ("08",)),
    ("Two quick ones. (1) What is the maximum? (2) Is there a yearly cap?", ()),
])
def test_a_measure_is_named_by_its_label_and_a_numbered_list_names_none(message, keys) -> None:
    assert labels_named(normalise(message)) == keys


@pytest.mark.parametrize("message", ["Could our parent, registered in Delaware, apply directly?",
                                     "Our parent is incorporated in California.", "我们母公司是在特拉华州注册的公司"])
def test_a_seat_in_a_state_abroad_is_registered_elsewhere(message) -> None:
    assert _facts(message).registered == "elsewhere"


def test_a_parent_registered_in_a_us_state_is_told_no_naming_the_state(engine) -> None:
    first = engine.ask("We are a Shanghai subsidiary. Our drug was approved by the FDA and is sold in the US. "
                       "What support can we get?", None)
    answer = engine.ask("Could our parent, registered in Delaware, apply directly?", first.session_id)
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert answer.answer.startswith("No") and "Delaware" in answer.answer[:320]  # the lead an English answer has


@pytest.mark.parametrize(("message", "place"), [("我们公司注册在江苏苏州，在上海的医院做1类新药临床，能申请吗", "江苏苏州"),
                                                ("我们注册在杭州的公司能申请吗", "杭州"), ("我们是注册在浙江杭州的药企", "浙江杭州")])
def test_a_registration_place_is_named_whole_as_written(message, place) -> None:
    facts = _facts(message)
    assert facts.registered == "elsewhere" and facts.registered_place == place


@pytest.mark.parametrize(("message", "place"), [("我们是江苏的一家药企。", "江苏"), ("他是外地的，江苏一家药企，想搬来上海", "江苏")])
def test_a_company_of_a_province_said_with_a_count_word_is_registered_there(message, place) -> None:
    facts = _facts(message)
    assert facts.registered == "elsewhere" and facts.registered_place == place


def test_a_case_supposed_after_the_move_to_shanghai_is_registered_in_shanghai() -> None:
    assert _facts("那他说搬过来之后，如果和区里的政策重复了怎么算").registered == "shanghai"


@pytest.mark.parametrize(("question", "place"), [
    ("I represent a Singapore biotech in Shanghai. The company is registered in Singapore and we have no Shanghai "
     "entity yet. Can we apply for the subsidies in this policy?", "Singapore"),
    ("Our company is registered in Jiangsu. Can we apply for the subsidies in this policy?", "Jiangsu"),
    ("我们是江苏的一家药企。能申请这个政策的补贴吗？", "江苏"),
])
def test_a_company_registered_outside_shanghai_asking_for_the_policys_subsidies_hears_the_scopes_no(engine, question, place):
    answer = engine.ask(question)
    assert answer.status == Status.ANSWERED
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert answer.answer.startswith(("No", "不可以")) and place in answer.answer[:200]


@pytest.mark.parametrize(("message", "place"), [
    ("Could our US parent company apply directly instead of the subsidiary?", "the US"),
    ("Could our parent company in the US apply directly?", "the US"),
    ("Can our American parent apply directly?", "the US"),
    ("美国母公司能直接申请吗？", "美国"),
    ("美國母公司能直接申請嗎？", "美国"),
])
def test_a_parent_company_of_a_country_abroad_is_registered_there(message, place) -> None:
    facts = _facts(message)
    assert (facts.registered, facts.registered_place, facts.registered_by_other) == ("elsewhere", place, True)


def test_us_as_a_pronoun_names_no_registration() -> None:
    assert _facts("Can you help us with our application?").registered is None


@pytest.mark.parametrize(("turns", "lead"), [
    (("If the Shanghai subsidiary runs a domestic Phase II trial for a Class 1 new drug and spends US$800,000 on R&D, "
      "how much support could it get?", "Could our US parent company apply directly instead of the subsidiary?"),
     "a company registered in the US"),
    (("上海子公司开展1类新药国内Ⅱ期临床试验，研发投入80万美元，能获得多少支持？", "美国母公司能直接申请吗？"), "注册在美国"),
    (("上海子公司開展1類新藥國內Ⅱ期臨床試驗，研發投入80萬港元，能獲得多少支持？", "美國母公司能直接申請嗎？"), "註冊在美國"),
])
def test_a_parent_registered_abroad_asked_as_the_applicant_is_told_no_with_the_scope_quote(engine, turns, lead) -> None:
    first = engine.ask(turns[0], None)
    answer = engine.ask(turns[1], first.session_id)
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"], answer.answer
    assert not answer.calculations
    quote = ("本意见支持范围为在我市内登记注册的", "本意見支持範圍為在我市內登記註冊的")  # the scope's, as the answer's script has it
    assert lead in answer.answer and any(q in answer.answer for q in quote), answer.answer


@pytest.mark.parametrize("message", ["我们是美国生物科技公司，上海子公司开展1类新药国内Ⅱ期临床试验，研发投入800万元",
                                     "我們是美國生物科技公司，上海子公司開展1類新藥國內Ⅱ期臨床試驗"])
def test_the_askers_own_subsidiary_doing_the_work_states_no_related_party_of_a_deal(message) -> None:
    assert _facts(message).related_party is None


def test_a_parent_asked_about_as_the_applicant_leaves_no_relation_for_the_turns_after() -> None:
    turns = ["We are registered in Shanghai and spend RMB 8 million on a domestic Phase II trial of a Class 1 new drug.",
             "Could our US parent company apply directly instead of the subsidiary?"]
    facts = read_context(turns, None, load_catalogue()).facts
    assert facts is not None
    assert (facts.registered, facts.related_party) == ("shanghai", None)  # the asker's own case, no deal named
