"""Everyday descriptions reach the measure whose text covers them: a group's in-house investment arm is a CVC
（二十七）, finding drug targets with a model is （二); import permits "from the agriculture and environment
authorities" are what （三十五） exempts, asked as a yes or no — not that measure's 责任单位."""

from asking import cited, turns


def test_an_in_house_investment_arm_is_a_cvc(engine):
    answer = engine.ask("Our group is thinking of setting up an in-house investment arm in Shanghai, together with a local "
                        "partner, to back early-stage start-ups along our supply chain. How much would the city's state-owned "
                        "capital or the biomedicine mother fund put into such a vehicle?")
    assert answer.status.value == "not_specified"
    assert cited(answer)[0] == "policy2024:27"
    assert "CVC" in answer.answer


def test_finding_drug_targets_with_a_model_is_ai_for_drug_discovery(engine):
    answer = engine.ask("我是退休教授，准备在上海注册公司，用大模型做药物靶点发现。市里的新政对这类AI制药有支持吗？")
    assert cited(answer)[0] == "policy2024:02"


def test_permits_from_named_authorities_are_asked_as_a_yes_or_no(engine):
    *_, answer = turns(engine, "We are the Shanghai-registered China entity of a European pharma group. Which measures help "
                               "foreign companies set up a regional headquarters?",
                       "OK. And for the tiny quantities of reference standards our QC lab imports for testing — do we still "
                       "need import permits from the agriculture and environment authorities?")
    assert cited(answer)[0] == "policy2024:35"
    assert answer.answer.startswith("No") and "免于办理农业、环保部门核发的进口许可证件" in answer.answer
    assert "responsible departments" not in answer.answer


def test_a_company_still_to_register_in_shanghai_hears_when_it_may_apply(engine):
    for question, said in (("我是退休教授，准备在上海注册公司，用大模型做药物靶点发现。市里的新政对这类AI制药有支持吗？", "在上海登记注册后可以申请"),
                           ("We plan to set up a company in Shanghai to do AI drug target discovery. Does the city support this?",
                            "once the company is registered there")):
        answer = engine.ask(question)
        assert answer.verdicts[0].verdict == "unknown"
        assert said in answer.answer.splitlines()[0]
        assert "您没有说明" not in answer.answer and "You have not said" not in answer.answer
        assert "新药靶点挖掘" in answer.answer  # what （二） supports, quoted after the verdict


def test_the_sentence_that_asks_names_the_measure_over_the_case_told_before_it(engine):
    answer = engine.ask("We are a foreign-invested pharma in Shanghai and want to transfer clinical trial data to our headquarters "
                        "abroad. Does the policy support cross-border data flows?")
    # （三十三）'s 数据跨境 pilot, not （三十四）'s support for foreign firms setting up a headquarters here
    assert cited(answer)[0] == "policy2024:33"
    assert answer.answer.startswith("Yes")
