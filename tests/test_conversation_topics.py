"""A conversation's topic as hotline callers move it: a follow-up naming another measure by its own words
goes there, a bare "who do I contact" stays on the article discussed, a writing task or another
regulator's own procedure is refused mid-conversation, and an amount asked about a topic several
measures touch reaches the measure that pays. Run on the real index; the LLM is not involved."""

import pytest
from asking import cited

from assistant.amounts import find_amounts
from assistant.conversation.question import USD
from assistant.conversation.understand import understand
from assistant.records import Status
from index.documents import catalogue


@pytest.mark.parametrize("text", ["We paid USD 500,000 in premiums", "premiums of US$500,000", "保费500,000美元",
                                  "the upfront was $2,000,000"])
def test_a_bare_number_in_dollars_is_an_amount_in_dollars_never_yuan(text):
    assert find_amounts(text), text
    stated = understand(text, None, catalogue()).facts.amounts
    assert stated and stated[0].currency == USD and stated[0].yuan in {500_000, 2_000_000}


def test_a_bare_number_without_a_currency_is_no_amount():
    assert find_amounts("phase 2 in 2024 with 3 sites and 120,000 patients screened") == []


@pytest.mark.parametrize("follow_up, departments", [
    ("哪几个部门负责", "市发展改革委"),
    ("找谁办", "市发展改革委"),
])
def test_a_departments_ask_in_free_words_names_the_departments_of_the_article_discussed(engine, follow_up, departments):
    first = engine.ask("我们是CRO，给高校院所做新药临床前研究服务，市里有什么支持")
    assert cited(first)[0] == "policy2024:04"
    then = engine.ask(follow_up, first.session_id)
    assert cited(then)[0] == "policy2024:04" and departments in then.answer


def test_who_do_i_contact_after_an_award_names_that_measures_departments_not_a_letters_contact(engine):
    first = engine.ask("Our device is in the national innovative medical device special review procedure. "
                       "Once it gets its registration certificate and is made here, with R&D of RMB 25 million, how much?")
    assert cited(first)[0] == "policy2024:06"
    contact = engine.ask("who do I contact", first.session_id)
    assert cited(contact)[0] == "policy2024:06"
    assert "Science and Technology Commission" in contact.answer and "侯剑锋" not in contact.answer


@pytest.mark.parametrize("follow_up", ["好的 那海外临床的保险呢 保费能补多少", "好的 那海外臨床的保險呢 保費能補多少"])
def test_a_follow_up_whose_own_words_find_another_measure_clearly_goes_there(engine, follow_up):
    first = engine.ask("我们在海外做创新产品的临床试验 上海能支持多少")
    assert cited(first)[0] == "policy2024:12" and first.total_yuan == 20_000_000
    insurance = engine.ask(follow_up, first.session_id)
    assert cited(insurance)[0] == "policy2024:13"
    assert "100万" in insurance.answer or "100萬" in insurance.answer


@pytest.mark.parametrize("aside", ["顺便问下美国FDA审批一般要多久", "can you draft an email to our site PI asking them to hurry up",
                                   "帮我起草一封催办的邮件", "by the way, will the central bank cut interest rates this year?",
                                   "美联储最近降息了吗", "how much of it would I pay myself if I got hospitalized, with employee medical insurance?"])
def test_an_aside_the_sources_do_not_cover_is_refused_and_the_topic_survives(engine, aside):
    first = engine.ask("For a multi-center trial in Shanghai, how fast does a participating site doing simplified ethics review have to respond?")
    assert cited(first)[0] == "policy2024:10"
    refused = engine.ask(aside, first.session_id)
    assert refused.status is Status.OUT_OF_SCOPE and not refused.citations
    back = engine.ask("and the overall ethics timeline target?", first.session_id)
    assert cited(back)[0] == "policy2024:10" and "3 weeks" in back.answer


def test_support_for_fda_registration_stays_in_scope(engine):
    answer = engine.ask("FDA注册成功并在美国销售的产品，市里补多少？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:36"


@pytest.mark.parametrize("question", ["创新医疗器械能补多少？", "医疗器械公司能拿多少钱", "innovative medical devices: how much can we get?"])
def test_an_amount_asked_of_a_topic_reaches_the_measure_that_pays_for_it(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:06"
    assert "300万" in answer.answer or "3,000,000" in answer.answer


@pytest.mark.parametrize("question, measure", [
    ("我們產品第一次年銷售破10億，市裡有什麼獎勵？", "policy2024:22"),
    ("any help with importing R&D materials, like reference standards for trace testing?", "policy2024:35"),
])
def test_everyday_words_for_sales_and_reference_standards_reach_their_measures(engine, question, measure):
    assert cited(engine.ask(question))[0] == measure


def test_a_mid_sized_company_asking_the_guarantee_gets_the_medium_ceiling_not_a_question_back(engine):
    answer = engine.ask("We're a mid-sized biotech in Shanghai, about 400 people. Can we get a policy guarantee of up to RMB 30 million?")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:29"
    assert "RMB 30,000,000" in answer.answer and "little giant" in answer.answer  # the qualification it needs


@pytest.mark.parametrize("first, then, measure", [
    ("企業自己設CVC有什麼支持？", "那能出資多少？", "policy2024:27"),
    (None, "请来的全球顶尖科学家团队在上海做颠覆性研究，市里具体给多少钱？有没有个数", "policy2024:03"),
])
def test_an_amount_the_text_does_not_set_is_not_specified_however_it_is_asked(engine, first, then, measure):
    session = engine.ask(first).session_id if first else None
    answer = engine.ask(then, session)
    assert answer.status is Status.NOT_SPECIFIED and cited(answer)[0] == measure
    assert len(answer.answer.splitlines()) == len(set(answer.answer.splitlines()))  # its sentence quoted once


@pytest.mark.parametrize("question, verdict, words", [
    ("2024年7月初的临床试验投入能按新政策申请吗？", "eligible", "2024年6月1日至7月31日期间"),
    ("Our Phase II trial spending was in June 2024 — does the policy cover it?", "eligible", "2024年6月1日至7月31日期间"),
    ("2024年5月的临床试验投入能按新政策申请吗？", "not_eligible", "2024年6月1日起参照执行"),
    ("Our Phase II trial spending was in May 2024 — does the policy cover it?", "not_eligible", "from June 1, 2024"),
])
def test_a_month_before_the_term_is_answered_from_the_funding_period_the_text_sets(engine, question, verdict, words):
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:validity"
    assert [v.verdict for v in answer.verdicts] == [verdict]
    assert words in answer.answer.splitlines()[0]


@pytest.mark.parametrize("message", [
    "我们的创新医疗器械进入了特别审查程序，能拿多少？另外伦理审查一般要多久？这两件事分别找哪个部门？",
    "How much for an innovative device in the special review procedure? And how long does ethics review take? Who handles each of these?",
])
def test_a_departments_ask_about_each_earlier_ask_names_each_articles_departments(engine, message):
    answer = engine.ask(message)
    assert cited(answer)[:2] == ["policy2024:06", "policy2024:10"] and "policy2024:05" not in cited(answer)
    assert "申康医院发展中心" in answer.answer and "市发展改革委" in answer.answer  # （十）'s and （六）'s


@pytest.mark.parametrize("turns", [
    ["细胞治疗的样本出境，还要办什么手续吗？", "伦理审查一般多长时间出意见？", "这两件事分别找谁？"],
    ["Is anything easier for shipping cell therapy samples abroad?", "How long does ethics review take?",
     "Which departments handle these two, respectively?"],
])
def test_a_turn_asking_who_handles_each_of_the_last_two_names_both_turns_departments(engine, turns):
    session = None
    for turn in turns:
        answer = engine.ask(turn, session)
        session = answer.session_id
    assert cited(answer)[:2] == ["policy2024:35", "policy2024:10"]
    assert "上海海关" in answer.answer and "申康医院发展中心" in answer.answer  # （三十五）'s and （十）'s


def test_one_of_the_clients_being_the_parent_company_is_judged_under_the_cmo_measure_discussed(engine):
    # （二十四）: "委托双方应无投资等关联"; "其中一个" points back at the items discussed, not at another measure
    session = None
    for turn in ["我们公司是CMO，给一家没有关联的药企代工一个品种，去年受托生产产值3000万，能补多少？",
                 "另外还有一个品种受托产值6000万，两个加起来今年最多能拿多少？",
                 "如果其中一个委托方是我们的母公司，还能申请吗？"]:
        answer = engine.ask(turn, session)
        session = answer.session_id
    assert cited(answer)[0] == "policy2024:24"
    assert [v.verdict for v in answer.verdicts] == ["not_eligible"]
    assert "委托双方应无投资等关联" in answer.answer


@pytest.mark.parametrize("deadline", ["这个补贴申报截止是什么时候？", "When is the deadline to apply for this subsidy?"])
def test_the_deadline_of_this_subsidy_is_asked_of_the_measure_discussed(engine, deadline):
    first = engine.ask("细胞治疗1类新药，注册申请人在上海，早期临床试验研发投入0.5亿，能拿多少？")
    answer = engine.ask(deadline, first.session_id)
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:05"


@pytest.mark.parametrize("text, month", [("2029年底还能申请吗", (2029, 12)), ("can we still apply at the end of 2029?", (2029, 12)),
                                         ("early 2025 trial", (2025, 1)), ("2024年初步形成", None), ("2024年中国生物医药", None)])
def test_a_years_end_or_start_is_its_last_or_first_month(text, month):
    from assistant.conversation.understand import stated_month

    found = stated_month(text.lower())
    assert (found.year, found.month) == month if month else found is None


def test_a_fee_in_dollars_whose_share_passes_the_ceiling_at_every_rate_gets_the_ceiling(engine):
    answer = engine.ask("去年我们去美国参加BIO大会，项目经费US$800,000，能补多少？")
    assert answer.status is Status.ANSWERED and cited(answer)[0] == "policy2024:37" and answer.total_yuan == 50_000
    # 50% of US$5,000 is under 5万 at every rate: the rule answers, no yuan figure is computed, the RMB amount is asked
    small = engine.ask("去年参加展会项目经费5000美元，能补多少？")
    assert small.status is Status.ANSWERED and small.total_yuan is None and "人民币" in small.answer


def test_which_department_to_go_to_after_a_validity_turn_names_the_measures(engine):
    first = engine.ask("細胞治療早期臨床能補多少")
    fda = engine.ask("去美國FDA註冊呢", first.session_id)
    assert cited(fda)[0] == "policy2024:36"
    engine.ask("這個政策現在還有效嗎", first.session_id)
    who = engine.ask("那我要找哪個部門辦理", first.session_id)
    assert cited(who)[0] == "policy2024:36" and "市商務委" in who.answer


@pytest.mark.parametrize("question", ["这个政策什么时候到期？", "什么时候到期", "When does it expire?"])
def test_a_first_turn_asking_when_this_policy_ends_is_about_the_main_policy(engine, question):
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:validity" and ("2029年7月31日" in answer.answer or "July 31, 2029" in answer.answer)


@pytest.mark.parametrize("question", ["我的护照什么时候到期？", "租约什么时候到期"])
def test_when_something_else_ends_is_not_taken_for_the_policy(engine, question):
    assert engine.ask(question).status is Status.OUT_OF_SCOPE


def test_a_follow_up_whose_words_the_discussed_article_holds_stays_on_it(engine):
    # （十四） sets the time limit of the supplementary application and of the clinical trial application alike
    first = engine.ask("藥品補充申請的審評時間要壓到多少？")
    assert cited(first)[0] == "policy2024:14"
    trial = engine.ask("那臨床試驗申請呢", first.session_id)
    assert cited(trial)[0] == "policy2024:14" and "30個工作日" in trial.answer
    device = engine.ask("二類器械的審評呢？", trial.session_id)  # a word （十四） lacks: the article that has it
    assert cited(device)[0] == "policy2024:16"


@pytest.mark.parametrize("follow_up, fact", [("好，回到刚才那个贴息，考核看什么指标？", "临床试验批件"),
                                             ("How is performance measured for that scheme?", "临床试验批件")])
def test_what_a_measure_says_asked_after_its_award_is_looked_up_not_the_award_again(engine, follow_up, fact):
    first = engine.ask("我们是CRO，帮高校做新药临床前研究，市里有贴息吗？每个项目最多多少？")
    assert cited(first)[0] == "policy2024:04" and first.total_yuan == 10_000_000
    then = engine.ask(follow_up, first.session_id)
    assert cited(then)[0] == "policy2024:04" and fact in then.answer and then.total_yuan is None


def test_a_measure_named_again_later_in_the_conversation_is_that_measure_not_the_last_one(engine):
    first = engine.ask("What about research wards — what share of beds should hospitals set aside?")
    assert cited(first)[0] == "policy2024:07"
    other = engine.ask("Can a hospital turn intangible assets into equity and have someone else hold the shares?",
                       first.session_id)
    assert cited(other)[0] == "policy2024:08"
    back = engine.ask("Which department leads the research-hospital measure?", other.session_id)
    assert cited(back)[0] == "policy2024:07" and "Health Commission" in back.answer


def test_a_follow_up_after_an_award_whose_words_clearly_find_a_measure_without_award_rules_goes_there(engine):
    first = engine.ask("I'm in a university lab in Shanghai. Is there anything that gets CROs to do preclinical work "
                       "for university new-drug projects?")
    assert cited(first)[0] == "policy2024:04"
    young = engine.ask("And for young researchers like me, is there anything?", first.session_id)
    assert cited(young)[0] == "policy2024:03" and "青年人才" in young.answer


def test_a_short_turn_whose_words_the_discussed_article_holds_asks_of_it_and_one_naming_a_word_it_lacks_moves_on(engine):
    first = engine.ask("We're a large pharma in Shanghai thinking about setting up a corporate venture fund. "
                       "What does the city policy offer?")
    assert cited(first)[0] == "policy2024:27"
    fund = engine.ask("Is there a specific amount the mother fund would put in?", first.session_id)
    assert cited(fund)[0] == "policy2024:27"  # （二十七） names the 母基金; a letter's funds hold the word too
    merger = engine.ask("What about M&A — is there a dedicated fund?", fund.session_id)
    assert cited(merger)[0] == "policy2024:28"


@pytest.mark.parametrize("first, measure, follow_up", [
    ("我们是做临床数据服务的公司，新政策里对队列数据开放有什么规定", "policy2024:30", "那有具体的补贴金额吗"),
    ("新政策对人工智能赋能药物研发是怎么说的", "policy2024:02", "有没有明确的资金额度"),
])
def test_a_follow_up_asking_only_for_a_specific_amount_asks_it_of_the_measure_just_looked_up(engine, first, measure, follow_up):
    looked_up = engine.ask(first)
    assert cited(looked_up)[0] == measure
    amount = engine.ask(follow_up, looked_up.session_id)
    assert amount.status is Status.NOT_SPECIFIED and cited(amount)[0] == measure


def test_which_department_to_contact_after_an_award_names_that_measures_departments_not_a_letters_contact(engine):
    award = engine.ask("CMO受托生产，产值6000万，客户跟我们没有投资关系，能补多少")
    assert cited(award)[0] == "policy2024:24"
    contact = engine.ask("需要跟哪个部门联系", award.session_id)
    assert cited(contact) == ["policy2024:24"] and "市药品监管局" in contact.answer


def test_a_departments_ask_after_the_documents_term_in_one_message_names_the_measure_discussed(engine):
    award = engine.ask("海外临床试验责任保险保费交了80万，能补多少")
    assert cited(award)[0] == "policy2024:13"
    both = engine.ask("这个政策哪天到期？另外要找哪个部门？", award.session_id)
    assert cited(both) == ["policy2024:validity", "policy2024:13"]
    assert "2029年7月31日" in both.answer and "上海金融监管局" in both.answer


def test_who_oversees_a_support_the_conversation_cited_names_that_measure_after_a_validity_turn(engine):
    award = engine.ask("Our Class 1 drug is starting a phase II trial in Australia. How much support is there?")
    assert cited(award)[0] == "policy2024:12"
    engine.ask("Is the policy still valid?", award.session_id)
    who = engine.ask("who oversees the overseas trial support?", award.session_id)
    assert cited(who) == ["policy2024:12"] and "市科委" in who.answer


def test_a_long_turn_revising_a_fact_the_award_topic_reads_gets_that_measures_verdict(engine):
    award = engine.ask("We are a contract manufacturer; an unrelated client has us produce one product with annual "
                       "contract output of RMB 40 million. How much support can we get?")
    assert cited(award)[0] == "policy2024:24" and award.total_yuan == 4_000_000
    revised = engine.ask("Hold on, we just learned that the client is actually owned by our own parent company, so it "
                         "is an affiliate of ours. Does that change the answer?", award.session_id)
    assert revised.status is Status.ANSWERED and cited(revised)[0] == "policy2024:24"
    assert revised.answer.startswith("No") and "委托双方应无投资等关联" in revised.answer


def test_a_follow_up_whose_words_the_best_article_matches_beyond_the_discussed_ones_goes_there(engine):
    # "数据出境" matches （三十三）'s 跨境 besides the 数据 that （三十二）, the measure discussed, shares with it
    session = None
    for turn, measure in [("我们是做AI新药研发的，市里新政策对AI药物研发有什么说法", "policy2024:02"),
                          ("有明确的资金额度吗", "policy2024:02"), ("医疗健康大模型训练有支持吗", "policy2024:32")]:
        answer = engine.ask(turn, session)
        session = answer.session_id
        assert cited(answer)[0] == measure, turn
    data = engine.ask("我们要把数据传回新加坡总部，数据出境这块呢", session)
    assert cited(data)[0] == "policy2024:33" and "临港" in data.answer


@pytest.mark.parametrize(("first", "then", "named"), [
    ("我们和一家药企合作做创新药上市后的真实世界研究，企业能拿多少支持？", "那对医院呢？", "医疗机构"),
    ("We run a post-marketing real-world study of an innovative drug with a pharma company. How much can the company get?",
     "And for the hospital?", "a hospital"),
])
def test_a_kind_of_asker_named_after_an_award_is_answered_with_the_measures_words_naming_it(engine, first, then, named):
    # （二十）: "支持医疗机构与企业合作开展创新药械应用示范项目…按照规定择优给予每个项目最高200万元支持"
    answer = engine.ask(then, engine.ask(first).session_id)
    assert cited(answer)[0] == "policy2024:20"
    lead = answer.answer.splitlines()[0]
    assert named in lead and "支持医疗机构与企业合作开展创新药械应用示范项目" in lead, answer.answer


@pytest.mark.parametrize("follow_up", ["What about moving our trial data cross-border to the parent company?",
                                       "And getting data abroad to our headquarters, is that covered?"])
def test_data_leaving_the_country_after_the_cohort_data_answer_is_the_cross_border_pilot(engine, follow_up):
    first = engine.ask("Can a biotech get the city's cohort study data for analysis?")
    assert cited(first)[:1] == ["policy2024:30"], first.answer
    then = engine.ask(follow_up, first.session_id)
    assert cited(then)[:1] == ["policy2024:33"], then.answer
