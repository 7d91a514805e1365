"""When the asked measure does not apply, the answer names the measure whose conditions the asker's own
facts meet, with its computed ceiling when a base is stated: the rule book's conditions evaluated on the
same facts, not a list of which measure follows which.

（十二）: "支持符合条件的合同研发机构（CRO）提升临床试验服务能力"; （五）: "对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验
并实现产出的1类新药，按照规定对不同阶段择优给予不超过研发投入的40%，最高分别1000万元、2000万元、3000万元支持".
"""

import pytest

from assistant.records import Status


@pytest.mark.parametrize("question", [
    "听说CRO提升临床试验服务能力的项目每个能给100万，我们是药企不是CRO，能申请吗？我们的1类新药在上海的医院做国内Ⅰ期，公司在上海注册，研发投入2000万元。",
    "聽說CRO提升臨床試驗服務能力的項目每個能給100萬，我們是藥企不是CRO，能申請嗎？我們的1類新藥在上海的醫院做國內Ⅰ期，公司在上海註冊，研發投入2000萬元。",
    "We heard the CRO measure gives up to RMB 1 million per project. We are a drug company, not a CRO. Can we apply? "
    "Our Class 1 drug is in a domestic Phase I trial in Shanghai hospitals, we are registered in Shanghai, and our R&D spend is RMB 20,000,000.",
    "我们是药企，不是CRO，能拿CRO的支持吗？希望拿到100万。我们的1类新药在上海做国内Ⅰ期，公司在上海注册，研发投入2000万。",
    "We are a pharmaceutical company, not a CRO. Can we claim the CRO support? We hope to get RMB 1 million. "
    "Our Class 1 drug's domestic Phase I trial runs in Shanghai, we are registered in Shanghai and have spent RMB 20 million on R&D.",
])
def test_a_drug_company_refused_the_cro_support_is_told_five_applies_with_its_ceiling(engine, question):
    answer = engine.ask(question)
    assert answer.status is Status.ANSWERED
    assert ("12", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert answer.answer.startswith(("不可以", "No"))
    assert "policy2024:05" in [c.chunk_id for c in answer.citations]
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [8_000_000]  # min(40% × 2000万, 1000万)


def test_without_a_base_the_measure_that_applies_is_named_without_a_figure(engine):
    answer = engine.ask("听说CRO提升临床试验服务能力的项目每个能给100万，我们是药企不是CRO，能申请吗？我们的1类新药在国内做Ⅱ期临床，公司在上海注册。")
    assert ("12", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert "（五）" in answer.answer.split("\n")[0]
    assert not [c for c in answer.calculations if c.eligible]


def test_no_measure_is_said_to_apply_when_the_facts_meet_none(engine):
    # a hospital asking for the CMO support states nothing another measure's conditions read: no measure applies
    # instead; the measures meant for hospitals follow the no, with no verdict of their own
    answer = engine.ask("我们是医院，能申请CMO支持吗？")
    assert [(v.measure, v.verdict) for v in answer.verdicts] == [("24", "not_eligible")]
    assert [c.chunk_id for c in answer.citations] == ["policy2024:24", "policy2024:20", "policy2024:08"]
    assert "适用" not in answer.answer and not answer.calculations


@pytest.mark.parametrize("question", [
    "我们是药企，不是CRO，能拿CRO的支持吗？",
    "我們是藥企，不是CRO，能拿CRO的支持嗎？",
    "We are a drug company, not a CRO. Can we claim the CRO support?",
])
def test_a_kind_the_asker_denies_being_but_asks_the_support_of_gets_that_measures_no(engine, question):
    answer = engine.ask(question)
    assert ("12", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    assert answer.answer.startswith(("不可以", "No"))


@pytest.mark.parametrize("question", [
    "Our Shanghai-registered company runs its Phase I trial for a Class 1 drug only in Australia. Does the innovative "
    "drug trial support still apply to us?",
    "我们公司在上海注册，1类新药I期临床只在美国做，创新药临床研发支持对我们还适用吗？",
])
def test_whether_a_measure_still_applies_to_the_case_told_is_a_verdict_not_the_documents_term(engine, question):
    """（五） covers domestic trials; a trial only abroad is （十二）'s case: "still apply to us" after the case is told
    asks about the case, not whether the policy is in force."""
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:12"
    assert "not_eligible" in {v.verdict for v in answer.verdicts}
    assert answer.answer.startswith(("No", "不可以"))


def test_an_english_what_if_moving_the_trial_abroad_is_a_verdict_naming_the_overseas_measure(engine):
    """"What if the trial is run in Australia instead?" after a domestic Phase III: （五） is for 国内 trials — no,
    （十二）'s overseas trial support (择优, 最高2000万元) is the case's."""
    first = engine.ask("Our Shanghai-registered company will run a Phase III trial of a Class 1 drug in Shanghai with "
                       "R&D spend of RMB 50 million. What is the maximum support?")
    assert first.total_yuan == 20_000_000  # min(40% × 5000万, 3000万)
    moved = engine.ask("What if the trial is run in Australia instead of China?", first.session_id)
    assert moved.answer.startswith("No")
    assert moved.citations[0].chunk_id == "policy2024:12"


def test_a_stake_said_in_the_past_tense_is_a_relation_of_the_parties(engine):
    """（三十六） "双方应无投资等关联": "if the licensee held 10% of our shares" is such a relation."""
    first = engine.ask("We're a Shanghai biotech. We out-licensed ex-China rights; upfront RMB 300 million, the "
                       "licensee has no equity ties to us. Advisory costs were RMB 6 million. What can we claim?")
    assert first.total_yuan == 3_000_000  # min(50% × 600万, 500万)
    held = engine.ask("And if the licensee held 10% of our shares?", first.session_id)
    assert {v.verdict for v in held.verdicts} == {"not_eligible"}


def test_a_subsidiary_registered_in_a_shanghai_district_is_the_applicant_not_its_foreign_parent(engine):
    """"Our Japanese parent … set up a subsidiary registered in Pudong, Shanghai": the applicant is registered in
    Shanghai; its trials all in Japan make it （十二）'s case, not （五）'s (国内) — never the scope's no for Japan."""
    answer = engine.ask("Our Japanese parent company set up a wholly-owned subsidiary registered in Pudong, Shanghai. The "
                        "subsidiary is developing a Class 1 drug; its Phase I trial sites are all in Japan. Can it apply "
                        "for the innovative drug R&D support?")
    assert answer.citations[0].chunk_id == "policy2024:12"
    assert "Japan is outside" not in answer.answer


def test_a_foreign_parent_asking_for_itself_still_hears_the_scopes_no(engine):
    answer = engine.ask("Our US parent company is in Boston. Can it apply for the Class 1 drug trial support?")
    assert answer.citations[0].chunk_id == "policy2024:scope"
    assert answer.answer.startswith("No")


@pytest.mark.parametrize("turns", [
    ("We plan to run the pivotal trial of our device in Germany. Is there support for that?",),
    ("我们的三类器械进了特别审查，能拿多少？", "我们打算把关键性临床试验放在德国做，这个有支持吗？"),
    ("We are a Shanghai device maker; our Class III device entered the NMPA special review. How much support can we get?",
     "We plan to run the pivotal trial in Germany. Is there support for that?"),
])
def test_a_trial_run_in_a_country_abroad_is_the_overseas_trial_measure_even_after_a_device_award(engine, turns):
    session = None
    for turn in turns:
        answer = engine.ask(turn, session)
        session = answer.session_id
    # （十二）: "对在海外开展高水平创新产品临床试验项目，按照规定择优给予最高2000万元支持" — not （六）'s special review
    assert answer.citations[0].chunk_id == "policy2024:12"
    assert any(word in answer.answer[:160] for word in ("2000万", "20,000,000"))
    assert not answer.answer.startswith("算")  # "打算…有支持吗" asks no 算
