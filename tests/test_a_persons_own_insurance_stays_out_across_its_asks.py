"""A person's own insurance is out of scope in each of its asks: the sources support enterprises, not insured persons;
the city's mechanism for the special-drug list is theirs (reply to proposal 1228, part 1.8)."""


def test_the_second_ask_about_the_same_persons_reimbursement_is_refused_too(engine):
    answer = engine.ask("我妈今年68岁，有癌症病史，能买沪惠保吗？特药目录里的药怎么报销？")
    assert answer.status == "out_of_scope"
    assert not answer.citations


def test_the_citys_special_drug_list_mechanism_asked_on_its_own_is_answered(engine):
    answer = engine.ask("市里怎么把新药纳入沪惠保特药目录？")
    assert answer.status == "answered"
    assert answer.citations[0].chunk_id == "reply1228:1.8"
    assert "特药目录推荐机制" in answer.answer


def test_signing_up_personally_for_huhuibao_in_english_is_out_of_scope(engine):
    answer = engine.ask("I'm a German expat working for our Shanghai subsidiary. Can I personally sign up for Huhuibao "
                        "(沪惠保), and how much is the annual premium?")
    assert answer.status.value == "out_of_scope"
    assert not answer.verdicts


def test_a_researcher_asking_of_the_premium_subsidy_personally_still_gets_the_verdict(engine):
    answer = engine.ask("As a hospital researcher, can I personally apply for the clinical trial insurance premium subsidy?")
    assert answer.status.value == "answered"
    assert [v.verdict for v in answer.verdicts][:1] == ["not_eligible"]
