"""Follow-up turns keep the conversation's topic, or rightly leave it: a statement of the case answers
the award still asked, another asker gets the verdict on the current measure, a fact about one condition
gets the verdict on that condition, a total adds the items of earlier turns, and a turn that clearly names
another article is answered from it. Each test is a promise of the question path, run on the real index."""

from asking import cited

from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue

LEAD = 160


def _verdicts(answer) -> list[tuple[str, str]]:
    return [(v.measure, v.verdict) for v in answer.verdicts]


def test_a_statement_of_the_case_answers_the_award_asked_before_not_a_profile_note(engine):
    asked = engine.ask("我们的新药临床做完了，能补多少？")
    assert asked.status is Status.CLARIFY
    case = engine.ask("是1类新药，注册申请人是我们在上海注册的公司，在国内刚完成II期临床并实现产出，这一期研发投入3000万元。"
                      "公司员工200人。", asked.session_id)
    assert case.status is Status.ANSWERED and cited(case)[0] == "policy2024:05"
    assert case.total_yuan == 12_000_000  # 40% × 3000万, under the Ⅱ期 ceiling of 2000万
    assert "已记下" not in case.answer


def test_an_english_statement_of_the_case_answers_the_funding_asked_before(engine):
    asked = engine.ask("How much funding can we get for our clinical trial?")
    case = engine.ask("It's a Class 1 drug, we are the Shanghai-registered applicant, Phase I ran in China "
                      "and cost RMB 20 million.", asked.session_id)
    assert cited(case)[0] == "policy2024:05"
    assert case.total_yuan == 8_000_000  # 40% × 2000万, under the Ⅰ期 ceiling of 1000万


def test_a_follow_up_asking_whether_a_hospital_can_apply_gets_no_under_the_cmo_measure(engine):
    first = engine.ask("CMO受托生产能拿多少支持？")
    hospital = engine.ask("那医院能申请吗？", first.session_id)
    assert cited(hospital)[0] == "policy2024:24"
    assert ("24", "not_eligible") in _verdicts(hospital)
    assert hospital.answer.startswith("不可以") and "医疗机构" in hospital.answer[:LEAD]
    assert hospital.total_yuan is None  # the award is not repeated


def test_another_asker_put_as_a_case_or_in_english_gets_the_verdict_on_the_current_measure(engine):
    first = engine.ask("CMO受托生产能拿多少支持？")
    insurer = engine.ask("如果是保险公司呢？", first.session_id)
    assert ("24", "not_eligible") in _verdicts(insurer)
    english = engine.ask("How much can a CMO get for contract manufacturing?")
    hospital = engine.ask("What about a hospital, can it apply?", english.session_id)
    assert ("24", "not_eligible") in _verdicts(hospital)
    assert hospital.answer.startswith("No")


def test_a_fact_about_one_condition_gets_the_verdict_on_that_condition_not_the_award_again(engine):
    first = engine.ask("我们给一家上海药企代工一个品种，年受托生产产值3000万元，能拿多少？")
    assert first.total_yuan == 3_000_000
    relation = engine.ask("我们跟委托方之间没有任何投资或持股关系，这一点重要吗？", first.session_id)
    assert relation.status is Status.ANSWERED and cited(relation)[0] == "policy2024:24"
    assert relation.total_yuan is None
    assert "关联" in relation.answer[:LEAD] and "条件" in relation.answer[:LEAD]


def test_a_total_asked_after_the_second_step_of_a_device_adds_the_first_steps_item(engine):
    first = engine.ask("我们的创新医疗器械进入了国家特别审查程序，能拿多少？")
    assert first.total_yuan == 3_000_000
    both = engine.ask("现在首次拿到注册证并在上海生产了，研发投入1500万元，两步加起来一共能拿多少？", first.session_id)
    assert both.total_yuan == 9_000_000  # 300万 + min(40% × 1500万, 800万)
    assert "900万" in both.answer[:LEAD]


def test_a_follow_up_clearly_naming_another_article_leaves_the_one_discussed(engine):
    first = engine.ask("参加国际展会的补助标准是什么？")
    assert cited(first)[0] == "policy2024:37"
    other = engine.ask("那海外临床试验责任保险的保费补贴呢？", first.session_id)
    assert cited(other)[0] == "policy2024:13"


def test_a_figure_asked_of_the_document_discussed_comes_from_its_article_that_states_it(engine):
    first = engine.ask("Can we still apply under the Pudong biomedicine action plan for 2022-2024?")
    target = engine.ask("How many new listed companies was its target?", first.session_id)
    assert cited(target) == ["pudong2022:goal-3"]
    assert "20" in target.answer[:320]


def test_an_out_of_scope_turn_is_refused_and_the_turn_after_it_returns_to_the_award(engine):
    first = engine.ask("1类新药，上海注册的申请人，国内II期研发投入3000万元，能拿多少？")
    weather = engine.ask("今天天气怎么样？", first.session_id)
    assert weather.status is Status.OUT_OF_SCOPE and not weather.calculations
    back = engine.ask("那III期呢？投入8000万", weather.session_id)
    assert cited(back)[0] == "policy2024:05" and back.total_yuan == 30_000_000
    again = engine.ask("回到刚才II期那个，如果投入改成4000万呢？", back.session_id)
    assert again.total_yuan == 16_000_000


def test_the_2024_policy_named_in_words_is_searched_for_the_topic_not_its_validity(engine):
    answer = engine.ask("2024年的新政策里，对产品出海注册是怎么规定的？")
    assert cited(answer)[0] == "policy2024:36"


def test_a_few_fairs_stated_in_a_sentence_that_asks_nothing_is_no_count_asked():
    question = understand("我们明年打算去国外参加几个展会。市里对参加国际展会的补助标准是什么？", None, catalogue())
    assert [a.kind.value for a in question.asks] == ["what"]


def test_who_asks_and_a_denied_relation_are_read_from_follow_up_wording():
    cat = catalogue()
    assert understand("那医院能申请吗？", None, cat).facts.entity_type == "hospital"
    assert understand("如果是保险公司呢？", None, cat).facts.entity_type == "insurer"
    assert understand("What about a hospital?", None, cat).facts.entity_type == "hospital"
    assert understand("我们跟客户之间没有任何投资或持股关系", None, cat).facts.related_party is False


def test_two_items_counted_in_a_total_over_two_steps_are_the_steps_not_one_step_twice(engine):
    first = engine.ask("我们有个创新医疗器械刚进了上海市的创新医疗器械特别审查程序，能拿多少支持？")
    both = engine.ask("后来首次拿了注册证，在本市落地生产，研发投入2500万。两项合计最多多少？", first.session_id)
    assert both.total_yuan == 11_000_000  # 300万 + min(40% × 2500万, 800万), not 2 × 800万


def test_a_statement_after_a_statement_is_noted_for_the_profile_not_read_as_a_reply(engine):
    first = engine.ask("我们是上海注册的生物医药企业，属于中小微科创企业。")
    second = engine.ask("我们有一个1类新药在国内做III期临床，研发投入9000万。", first.session_id)
    assert second.answer.startswith("已记下您企业的情况") and not second.calculations


def test_a_deadline_asked_after_an_unrelated_turn_stays_on_the_measure_discussed(engine):
    first = engine.ask("我们要去德国参加一个国际展会，预算大概8万，能补多少？")
    off = engine.ask("今天上海天气怎么样？", first.session_id)
    back = engine.ask("回到展会的事：今年一共参加15场，每场10万，总共能拿多少？", off.session_id)
    assert back.total_yuan == 500_000  # 15 × min(50% × 10万, 5万), held to the 50万 yearly cap
    deadline = engine.ask("申报截止时间是什么时候？", back.session_id)
    assert deadline.status.value == "not_specified"
    assert deadline.citations[0].chunk_id == "policy2024:37"  # "时间" is no topic of its own: not （九）'s 启动时间


def test_a_count_of_items_of_the_kind_discussed_is_no_topic_of_its_own(engine):
    first = engine.ask("我们是CRO，想做对接国际标准的临床试验能力提升，一个项目最多补多少")
    total = engine.ask("我们今年有3个这样的项目，总共最多多少？", first.session_id)
    assert total.citations[0].chunk_id == "policy2024:12"
    assert total.total_yuan == 3_000_000


def test_a_question_of_its_own_after_an_award_is_not_read_as_a_reply_to_it(engine):
    first = engine.ask("我是某高校技术转移办公室的，我们想找CRO帮忙做新药的临床前研究，市里有啥支持？")
    other = engine.ask("另外医院有些专利想作价入股，股权能放谁那里代持？", first.session_id)
    assert cited(other)[0] == "policy2024:08"
    assert "上海临床创新转化研究院" in other.answer


def test_any_help_asked_after_a_dash_is_its_own_ask_not_the_departments_asked_before(engine):
    first = engine.ask("How long does Shanghai aim to take on average to review a Class II device?")
    engine.ask("which department is responsible for that?", first.session_id)
    other = engine.ask("and our Class III device - any help there?", first.session_id)
    assert cited(other)[0] == "policy2024:15"
    assert "预审查" in other.answer


def test_a_base_stated_of_the_product_discussed_computes_that_measure_not_one_its_figure_resembles(engine):
    # "US$800,000" is no 800万 ceiling of （六）: the R&D spend of the drug discussed is （三十六）'s base
    first = engine.ask("We're a European pharma with a subsidiary registered in Shanghai. If the subsidiary's innovative "
                       "drug gets FDA approval and is sold in the US, what support can it get?")
    assert cited(first)[0] == "policy2024:36"
    spend = engine.ask("The R&D spend on that drug was US$800,000. How much would that come to?", first.session_id)
    assert cited(spend)[0] == "policy2024:36", spend.answer
    assert "（六）" not in spend.answer


def test_a_trial_place_corrected_to_home_ends_the_overseas_measure_and_a_device_is_not_sent_to_the_drug_measure(engine):
    first = engine.ask("我们是一家浦东注册的体外诊断公司，新产品的临床试验在海外开展，能拿多少支持？")
    assert cited(first)[0] == "policy2024:12"
    corrected = engine.ask("不好意思我刚才说错了，这个试验其实是在国内几家医院做的，不在海外。那还能拿吗？", first.session_id)
    assert ("12", "not_eligible") in _verdicts(corrected), corrected.answer
    assert corrected.answer.startswith("不可以")
    assert "（五）" not in corrected.answer  # （五） is for 1类新药, not a diagnostic device


def test_a_drug_named_after_a_device_is_the_product_from_then_on(engine):
    device = engine.ask("我们是做医疗器械的，在上海注册，能拿什么支持？")
    drug = engine.ask("其实我们还有个1类新药，在国内做II期，研发投入3000万，能补多少？", device.session_id)
    assert cited(drug)[0] == "policy2024:05" and drug.total_yuan == 12_000_000, drug.answer


def test_how_many_research_beds_to_set_up_is_the_share_of_the_beds_stated(engine):
    answer = engine.ask("我们医院核定床位1800张，按政策研究型床位设多少合适？")
    assert answer.answer.startswith("180张"), answer.answer
    assert cited(answer)[0] == "policy2024:07"


def test_a_deadline_asked_beside_the_validity_stays_on_the_measure_discussed(engine):
    # "What's the deadline?" has no topic of its own: not （十）'s time limits, but the award discussed, which sets none
    first = engine.ask("We're a Class 1 drug developer registered in Shanghai, Phase II now. What can we get?")
    both = engine.ask("Still valid? What's the deadline?", first.session_id)
    assert cited(both)[:2] == ["policy2024:validity", "policy2024:05"], both.answer
    contact = engine.ask("Who do I contact?", first.session_id)
    assert cited(contact)[0] == "policy2024:05" and "Science and Technology" in contact.answer, contact.answer


def test_how_strong_the_new_policys_support_is_answers_with_its_ceilings_and_rates(engine):
    """（三十六）: "…择优给予不超过研发投入的30%，最高1000万元支持。…对于首付款1亿元以上的海外权益许可交易…最高500万元支持。"
    Asked how strong (力度) the current support is, or whether it changed, a reader gives the measure's figures, not a
    clause of it."""
    first = engine.ask("2021年的生物医药政策对创新产品出海是怎么支持的")
    assert first.citations[0].chunk_id == "reply1228:2.1"
    strength = engine.ask("现在这版新政策的力度如何？", first.session_id)
    assert strength.citations[0].chunk_id == "policy2024:36"
    lead = strength.answer[:160]
    assert "30%" in lead and "1000万" in lead and "500万" in lead


def test_whether_the_city_also_subsidises_loan_interest_after_a_guarantee_is_the_measures_interest_sentence(engine):
    first = engine.ask("How big can a single guarantee be for a small biotech under the city's policy guarantee fund?")
    assert first.citations[0].chunk_id == "policy2024:29"
    interest = engine.ask("do they also subsidize interest on loans?", first.session_id)
    assert interest.citations[0].chunk_id == "policy2024:29"
    assert "贴息" in interest.answer and "20,000,000" not in interest.answer  # the 信贷贴息 sentence, not the guarantee again
