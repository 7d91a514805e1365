"""What new users asked in their own words and were answered wrongly before: a business licence in another city is
where the company is registered; "registered in Hong Kong … no Shanghai entity" is outside the scope; Cantonese callers
return to the topic ("返返嚟講，頭先講嗰啲…") and ask whether a claim is true ("係咪真㗎"); a figure a report gives
("有报道说…最高能补5000万") is a claim to put right."""

from asking import cited, turns

from assistant.records import Status


def verdicts(answer):
    return [v.verdict for v in answer.verdicts]


def test_a_business_licence_in_another_city_is_a_registration_elsewhere(engine):
    answer = engine.ask("我们公司营业执照在昆山，研发团队在上海张江办公，能申请上海这个器械的补贴不？")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("不可以") and "昆山" in answer.answer.split("\n")[0]


def test_a_company_registered_in_hong_kong_with_no_shanghai_entity_is_outside_the_scope(engine):
    answer = engine.ask("Our company is registered in Hong Kong, we don't have any Shanghai entity. Are we eligible for "
                        "the CMO subsidy?")
    assert cited(answer)[0] == "policy2024:scope" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("No")


def test_a_cantonese_caller_returns_to_the_topic_after_an_aside(engine):
    *_, aside, back = turns(engine, "细胞治疗的1类新药做确证性临床，最多可以资助多少？", "港交所18A上市要什么条件？",
                            "返返嚟講，頭先講嗰啲細胞治療資助，由邊個部門負責？")
    assert aside.status is Status.OUT_OF_SCOPE
    assert cited(back)[0] == "policy2024:05" and "市科委" in back.answer.split("\n")[0]


def test_a_cantonese_is_it_true_is_a_claim_put_right(engine):
    answer = engine.ask("聽說倫理審查總流程要壓縮到2周以內，係咪真㗎？")
    assert cited(answer)[0] == "policy2024:10"
    assert answer.answer.startswith("不對") and "3周" in answer.answer.split("\n")[0]


def test_a_ceiling_a_report_gives_is_put_right(engine):
    answer = engine.ask("有报道说1类新药III期临床最高能补5000万，这个说法对吗？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:05"
    assert "3000万" in answer.answer.split("\n")[0] and "5000万" in answer.answer.split("\n")[0]
