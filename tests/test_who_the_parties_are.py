"""Who applies and who the other party is, read from the asker's words.

沪府办规〔2024〕9号 支持范围: "本意见支持范围为在我市内登记注册的，从事药品、医疗器械、生物技术和生命科学科研仪器等领域研发、
生产、专业服务的企事业单位或民办非企业单位" — a person is none. （二十四） "委托双方应无投资等关联" and （三十六） "双方应无投资
等关联" exclude a deal between related parties; the asker's own parent or subsidiary named as where it stands is no party of
a deal. A kind of applicant supposed in one turn ("如果是医院呢") is judged there; the asker stays what it said it is.
"""

import pytest

from assistant.conversation.understand import read_facts
from index.normalise import normalise


def _verdicts(answer) -> set[str]:
    return {v.verdict for v in answer.verdicts}


def _related(text: str) -> bool | None:
    return read_facts(normalise(text), normalise(text).lower()).related_party


@pytest.mark.parametrize("question", ["个人可以申请这些补贴吗？", "個人可以申請嗎？", "Can an individual apply for these subsidies?"])
def test_a_person_asking_whether_they_may_apply_hears_no_from_the_scope(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:scope"


@pytest.mark.parametrize("text", [
    "我们美国母公司在上海注册了一家子公司，子公司做CMO代工，能申请（二十四）吗？",
    "Our US parent has a subsidiary registered in Shanghai; can the subsidiary apply?",
    "Our US parent has a subsidiary registered in Shanghai that does contract manufacturing; can the subsidiary apply?",
])
def test_the_askers_own_parent_and_subsidiary_are_no_party_of_a_deal(text):
    assert _related(text) is None


@pytest.mark.parametrize("text", [
    "我们是CMO，这次是给我们控股的子公司代工，能申请受托生产那个10%的支持吗？",
    "如果一家CMO给它的母公司做委托生产，这部分产值能申请受托生产的支持吗？",
    "我们把海外权益授权给了母公司，首付款2亿，能申请吗？",
    "We're a CMO; the client that commissions us is our parent company's subsidiary.",
])
def test_a_deal_with_the_askers_parent_or_subsidiary_is_between_related_parties(text):
    assert _related(text) is True


def test_a_cmo_subsidiary_whose_client_is_unsaid_hears_it_depends_on_the_relation(engine):
    answer = engine.ask("我们美国母公司在上海注册了一家子公司，子公司做CMO代工，能申请（二十四）吗？")
    assert _verdicts(answer) == {"unknown"} and "关联" in answer.answer.splitlines()[0]


def test_a_kind_supposed_in_one_turn_does_not_stay_the_askers_kind(engine):
    first = engine.ask("我们是上海注册的药企，1类新药做二期临床，能申请（五）吗？")
    supposed = engine.ask("如果是医院呢？", first.session_id)
    assert _verdicts(supposed) == {"unknown"} and "注册申请人" in supposed.answer.splitlines()[0]
    back = engine.ask("那我们二期研发投入5000万，能拿多少？", first.session_id)
    assert back.total_yuan == 20_000_000 and "注册申请人是否" not in back.answer
    assert "unknown" not in _verdicts(back)


def test_a_registration_supposed_in_one_turn_is_not_the_askers_registration_later(engine):
    first = engine.ask("我们是上海注册的药企，1类新药二期研发投入3000万能拿多少？")
    supposed = engine.ask("要是我们注册在南京呢？", first.session_id)
    assert supposed.total_yuan == 0 and "南京" in supposed.answer.splitlines()[0]
    back = engine.ask("那三期投入5000万呢？", first.session_id)
    assert back.total_yuan == 20_000_000 and "南京" not in back.answer
    assert "not_eligible" not in _verdicts(back)


# （十三）: "按照规定对投保企业给予实际缴纳保费的50%" — the insurer's client is the policyholder
def test_an_insurers_client_that_took_out_the_policy_is_the_policyholder(engine):
    answer = engine.ask("我們是保險公司的客戶，投保了海外臨床試驗責任險，可以申請保費補貼嗎？")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:13"


def test_a_firm_saying_it_is_not_registered_in_shanghai_is_outside_the_scope(engine):
    answer = engine.ask("我们不是在上海注册的，能申请政策性融资担保吗？")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:scope"


# （十二）: "对在海外开展高水平创新产品临床试验项目，按照规定择优给予最高2000万元支持" — a class 2 drug is no generic
def test_an_improved_drug_trialled_abroad_is_sent_to_the_overseas_trial_measure(engine):
    answer = engine.ask("我们的改良型新药在美国做二期，可以申请海外临床试验支持吗？")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:12", "policy2024:05"]
    assert "（十二）" in answer.answer.splitlines()[0] and "2000万" in answer.answer


def test_asking_whether_one_can_claim_a_fair_subsidy_is_answered_can(engine):
    answer = engine.ask("我们参加了一个国际展会，主办方经过认定了，能申请补贴吗？")
    assert answer.answer.startswith("可以") and answer.citations[0].chunk_id == "policy2024:37"


@pytest.mark.parametrize("question, verdict", [
    ("Is a hospital eligible to apply for the Class 1 new drug clinical trial subsidy?", "unknown"),  # if it is the applicant
    ("我们是CRO，客户是注册申请人，我们能申请（五）的研发补贴吗？", "not_eligible"),
    ("我们医院是这个1类新药的注册申请人，二期临床在国内，能申请吗？", "eligible"),
])
def test_who_is_the_drugs_registration_applicant_decides_05_for_a_hospital_or_cro(engine, question, verdict):
    answer = engine.ask(question)
    assert _verdicts(answer) == {verdict} and answer.citations[0].chunk_id == "policy2024:05"


def test_a_sole_trader_asking_whether_the_policy_applies_to_it_hears_no(engine):
    answer = engine.ask("這個政策對個體戶適用嗎？")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:scope"


def test_production_in_shanghai_said_after_the_special_review_meets_the_top_up(engine):
    first = engine.ask("我们的器械进了特别审查程序。")
    then = engine.ask("拿证以后在上海投产了，还能拿800万那部分吗？", first.session_id)
    assert _verdicts(then) == {"eligible"} and then.citations[0].chunk_id == "policy2024:06"


def test_a_sole_proprietorship_named_in_english_is_outside_the_scope(engine):
    answer = engine.ask("Can a Shanghai medtech that's a sole proprietorship apply?")
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:scope"


# （五） is for 1类新药, （六） for medical devices: a device maker asking for the drug measure is sent to the device one,
# whose special-review ceiling its case meets
def test_a_device_maker_asking_for_the_class_1_drug_support_hears_no_and_the_device_measure(engine):
    answer = engine.ask("We're a medical device company in special review. Can we apply for the class 1 new drug support?")
    assert {(v.measure, v.verdict) for v in answer.verdicts} == {("05", "not_eligible"), ("06", "eligible")}
    assert answer.total_yuan == 3_000_000
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:06", "policy2024:05"]
    assert "（六）" in answer.answer.splitlines()[0]


def test_asking_for_the_class_1_drug_subsidy_for_ones_own_trial_is_read_as_a_class_1_drug(engine):
    answer = engine.ask("Our company is a Shanghai-registered WFOE owned by a Swiss parent. Can we apply for the Class 1 "
                        "drug subsidy for our Phase I trial in Shanghai?")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:05"


def test_a_client_holding_equity_in_the_contractor_is_a_related_party(engine):
    """（二十四）: "委托双方应无投资等关联": "这家委托方持有我客户20%的股权" states an investment relation; "不过…" is "but"."""
    for question in ("我是律师。客户是嘉定一家CMO，受托为一家药企做商业化生产，但这家委托方持有我客户20%的股权。客户还能拿按受托产值10%给的支持吗？",
                     "我们是上海注册的CMO，给一家药企代工一个品种，受托产值5000万。不过这家委托方持有我们公司10%的股份。能拿10%的补贴吗？"):
        answer = engine.ask(question)
        assert {v.verdict for v in answer.verdicts} == {"not_eligible"}, question


def test_a_holder_outsourcing_its_production_asking_for_the_cmo_support_hears_it_goes_to_the_contractor(engine):
    """（二十四）: "给予受托方不超过受托年生产产值的10%" — the commissioning MAH is not the one supported."""
    answer = engine.ask("We're a Shanghai-registered MAH and we outsource our tablet production to an unrelated CDMO in "
                        "Jinshan. Can WE claim the 10% contract-manufacturing support on the contract value?")
    assert ("24", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert answer.answer.startswith("No")
