"""An aside outside the policies, asked in the middle of a conversation about them, is refused and the topic
resumes on the next turn: a person's own medical insurance account (in either script), a foreign regulator's
approval process; a turn returning by a word of the last answer's topic ("回到刚才的目录")
stays on that answer. Each test is a promise of the question path, run on the real index."""

from asking import cited, turns

from assistant.records import Status


def test_a_personal_insurance_account_asked_in_traditional_script_is_refused_and_the_topic_resumes(engine):
    *_, aside, back = turns(engine, "創新醫療器械在DRG/DIP裡怎麼支付？", "醫保局在發布會上說2024版國家藥品目錄新增幾個？",
                            "順便問，我個人醫保帳戶的錢怎麼提出來？", "好，回到剛才的目錄，新型醫用耗材那邊呢？")
    assert aside.status is Status.OUT_OF_SCOPE and not cited(aside)
    assert back.status is Status.ANSWERED and cited(back)[0] == "press20240731:q06" and "60" in back.answer


def test_a_foreign_regulators_approval_process_is_refused_and_the_measure_resumes(engine):
    _, aside, back = turns(engine, "Do we still need the agriculture and environment import permits for micro-quantity reference standards?",
                           "And what's Japan's PMDA approval process like for a new drug?",
                           "ok back to the import thing - does it also cover cell therapy products crossing the border?")
    assert aside.status is Status.OUT_OF_SCOPE and not cited(aside)
    assert cited(back)[0] == "policy2024:35"
    assert "特殊物品" in back.answer and "special items" in back.answer  # the sentence on border crossings, glossed


def test_returning_to_the_last_turns_topic_by_its_word_stays_on_that_answer(engine):
    *_, back = turns(engine, "創新醫療器械在DRG/DIP裡怎麼支付？", "醫保局在發布會上說2024版國家藥品目錄新增幾個？",
                     "好，回到剛才的目錄，新型醫用耗材那邊呢？")
    assert cited(back)[0] == "press20240731:q06" and "60" in back.answer


def test_which_customs_body_is_involved_names_the_measures_departments(engine):
    _, customs = turns(engine, "Do we still need import permits for micro-quantity reference standards?",
                       "Which customs body is involved?")
    assert cited(customs)[0] == "policy2024:35" and "Shanghai Customs" in customs.answer[:200]


def test_a_subsidiary_the_asker_would_register_in_shanghai_is_its_case_not_a_question_on_registering_companies(engine):
    # "注册一家子公司…费用6万" states the fair's fee: the award under （三十七）, not company-registration advice
    first, then = turns(engine, "我們是台灣公司，上海那邊還沒設公司，要去參加國際展會，可以拿上海的參展補助嗎？",
                        "那如果我們在上海註冊一家子公司，用子公司名義去參展，費用6萬人民幣呢？")
    assert first.status is Status.ANSWERED and cited(first)[0] == "policy2024:scope"
    assert then.status is Status.ANSWERED and cited(then)[0] == "policy2024:37" and then.total_yuan == 30_000
    assert engine.ask("注册一家公司费用大概多少？").status is Status.OUT_OF_SCOPE
