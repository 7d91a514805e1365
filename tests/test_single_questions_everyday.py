"""Single questions put in everyday words, each answered in full.

（二十四）: "…按照规定给予受托方不超过受托年生产产值的10%，每个品种最高500万元支持，每个企业每年最高支持1000万元。
（责任单位：市科委、市药品监管局、市财政局）"
（三十六）: "…申请通过美国国家食品药品监督管理局（FDA）…注册，并在当地实现销售的，按照规定择优给予不超过研发投入的30%，
最高1000万元支持。"
（五）: "…按照规定对不同阶段择优给予不超过研发投入的40%，最高分别1000万元、2000万元、3000万元支持"。
"""

import pytest

from assistant.conversation.spelling import written
from assistant.conversation.understand import understand
from assistant.records import Status


@pytest.mark.parametrize(("message", "ceilings", "departments"), [
    ("受托生产补贴上线多少，找谁？", ("500万元", "1000万元"), ("市科委", "市药品监管局", "市财政局")),
    ("cmo补贴上限是多少，找哪个部门", ("500万元", "1000万元"), ("市科委", "市药品监管局", "市财政局")),
    ("CMO補貼上限多少，找誰辦？", ("500萬元", "1000萬元"), ("市科委", "市藥品監管局", "市財政局")),
])
def test_a_ceiling_and_a_department_asked_in_one_line_are_both_answered(
        engine, message: str, ceilings: tuple[str, ...], departments: tuple[str, ...]) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:24"
    body = answer.answer.split("\n出")[0]  # before the source lines (出处 / 出處)
    assert all(c in answer.answer.splitlines()[0] for c in ceilings), answer.answer  # the ceiling leads
    assert all(d in body for d in departments), answer.answer


@pytest.mark.parametrize("message", ["如果我们的CVC符合条件，国资出资比例是多少？", "CRO可以拿贴息，贴息的利率是多少？"])
def test_a_case_stated_before_the_comma_is_no_ask_of_its_own(engine, message: str) -> None:
    question = understand(message, None, engine.catalogue)
    assert len(question.asks) == 1, question.asks


@pytest.mark.parametrize(("message", "lead"), [
    ("fda注册补贴有多少", "最高1000万元"),
    ("產品去歐盟EMA註冊，補貼有多少？", "最高1000萬元"),
    ("How much money is there for getting our drug approved by the FDA?", "at most RMB 10,000,000"),
])
def test_the_size_of_a_measures_support_is_answered_with_its_ceiling(engine, message: str, lead: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert lead in "\n".join(answer.answer.splitlines()[:2]), answer.answer
    assert "30%" in answer.answer


def test_a_real_word_is_not_read_as_its_homophone_outside_an_asked_figure(engine) -> None:
    assert written("补贴上线是多少") == "补贴上限是多少"
    assert written("产品上线后能申请吗") == "产品上线后能申请吗"


@pytest.mark.parametrize(("first", "then", "zero"), [
    ("1类新药做国内Ⅰ期临床，能补多少？", "目前研发投入是0元，还没开始花钱", "0元"),
    ("1類新藥做國內Ⅱ期臨床，能補多少？", "研發投入零元", "0元"),
    ("How much for a domestic Phase I trial of a Class 1 drug?", "We have spent RMB 0 on R&D so far.", "RMB 0"),
    ("1类新药做国内Ⅰ期临床，能补多少？", "还没花钱", "0元"),
    ("1類新藥做國內Ⅱ期臨床，能補多少？", "一分錢都沒花", "0元"),
    ("How much for a domestic Phase II trial of a Class 1 drug?", "We haven't spent anything yet.", "RMB 0"),
])
def test_a_spend_of_zero_is_read_as_zero_and_not_asked_again(engine, first: str, then: str, zero: str) -> None:
    asked = engine.ask(first)  # the stage's ceiling, the spend invited
    assert asked.status is Status.ANSWERED and not asked.calculations, asked.answer
    answer = engine.ask(then, asked.session_id)
    assert answer.status is Status.ANSWERED, answer.answer
    assert zero in answer.answer.splitlines()[0] and "40%" in answer.answer
    assert not answer.calculations, "the calculator computes spends above zero only"


@pytest.mark.parametrize(("message", "verdict", "deciding"), [
    ("我是个体工商户，能申请这些补贴吗？", "不可以", "企事业单位或民办非企业单位"),
    ("個體戶可以申請這些補貼嗎？", "不可以", "企事業單位或民辦非企業單位"),
    ("I'm a sole trader selling medical devices. Can I apply for these subsidies?", "No", "企事业单位或民办非企业单位"),
    ("我们是民办非企业单位，能申请这些补贴吗？", "可以", "企事业单位或民办非企业单位"),
])
def test_who_may_apply_is_answered_from_the_scope_with_its_deciding_words(
        engine, message: str, verdict: str, deciding: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:scope"
    lead = answer.answer.splitlines()[0]
    assert lead.startswith(verdict) and deciding in lead, answer.answer


@pytest.mark.parametrize(("message", "verdict", "condition"), [
    ("我们是CRO，可以申请CMO的补贴吗？", "要看情况", "承接委托生产"),
    ("我們是CRO，能申請CMO受託生產的補貼嗎？", "要看情況", "承接委託生產"),
    ("We're a CRO. Can we apply for the CMO support?", "It depends", "commissioned production"),
    ("我们是一家CRO，只做研发外包服务，能申请CMO那条受托生产的补贴吗？", "不可以", "承接委托生产"),
    ("We're a CRO doing outsourced research only. Can we get the CMO contract-manufacturing subsidy?", "No",
     "承接委托生产"),
])
def test_a_cro_asking_the_cmo_measure_hears_the_condition_it_rests_on_and_the_cros_own_measures(
        engine, message: str, verdict: str, condition: str) -> None:
    answer = engine.ask(message)
    lead = answer.answer.splitlines()[0]
    assert lead.startswith(verdict) and condition in lead, answer.answer
    cited = [c.chunk_id for c in answer.citations]
    assert cited[0] == "policy2024:24" and "policy2024:04" in cited, cited  # （四） is the CRO's


@pytest.mark.parametrize(("message", "speaker", "article"), [
    ("发布会上卫健委说了什么？", "胡鸿毅", "press20240731:q05"),
    ("發布會上衛健委的領導講了些什麼？", "胡鴻毅", "press20240731:q05"),
    ("What did the health commission say at the press conference?", "胡鸿毅", "press20240731:q05"),
    ("新闻发布会上医保局的人说了啥？", "曹俊山", "press20240731:q06"),
    ("Who answered the question about clinical research at the press conference?", "胡鸿毅", "press20240731:q05"),
])
def test_what_a_department_said_at_the_press_conference_names_its_speaker(
        engine, message: str, speaker: str, article: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == article
    assert speaker in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize("message", [
    "發佈會上藥監局講正在建設邊兩個檢驗檢測中心？",
    "发布会上药监局提到在建的两个检验检测中心叫什么？",
    "藥監局話喺度建緊邊兩個檢驗檢測中心？",  # Cantonese, naming no press conference: "喺度" is 正在 (正在分别建设)
    "Which two testing centres did the drug regulator say at the press conference are being built?",
])
def test_a_fact_one_department_stated_at_the_press_conference_leads_not_its_speakers_opening(engine, message) -> None:
    """问7 张清: "上海市食药检院和市医械院正在分别建设“上海市创新生物制品质量检验检测中心”和“上海市医疗机器人质量检验检测中心”"."""
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "press20240731:q07"
    lead = answer.answer.splitlines()[0]
    assert ("医疗机器人" in lead or "醫療機器人" in lead) and "深化审评审批" not in lead, lead


def test_a_journalists_question_is_never_put_in_the_answerers_mouth(engine) -> None:
    lead = engine.ask("新闻发布会上医保局的人说了啥？").answer.splitlines()[0]
    assert "曹俊山" in lead and "市民非常关心" not in lead, lead


@pytest.mark.parametrize("message", ["伦理审查要多久，谁负责？", "倫理審查要多久，找誰？"])
def test_how_long_and_who_in_one_line_are_both_answered(engine, message: str) -> None:
    answer = engine.ask(message)
    lines = answer.answer.splitlines()
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert "15个工作日" in lines[0] or "15個工作日" in lines[0], answer.answer  # how long leads
    assert "市卫生健康委" in lines[1] or "市衛生健康委" in lines[1], answer.answer  # then who


@pytest.mark.parametrize(("message", "small", "medium"), [
    ("我们是专精特新企业，担保额度上限多少？", "2000万元", "3000万元"),
    ("我們是專精特新企業，擔保額度上限多少？", "2000萬元", "3000萬元"),
    ("We're a 'specialised and innovative' (专精特新) biotech. How large a guarantee can we get?", "RMB 20,000,000",
     "RMB 30,000,000"),
])
def test_a_qualified_enterprise_of_unsaid_size_hears_both_guarantee_ceilings_never_summed(
        engine, message: str, small: str, medium: str) -> None:
    answer = engine.ask(message)
    head = "\n".join(answer.answer.splitlines()[:3])
    assert small in head and medium in head, answer.answer
    assert "5000" not in answer.answer and "50,000,000" not in answer.answer  # alternatives are not added up


@pytest.mark.parametrize(("message", "ceiling"), [
    ("我们是专精特新的小微企业，政策性融资担保额度最高能到多少？", 20_000_000),
    ("We're a mid-sized biotech with the 'specialised and innovative' (专精特新) title. How large a guarantee can we get?",
     30_000_000),
])
def test_a_qualified_enterprise_of_said_size_hears_the_ceiling_for_its_size(engine, message: str, ceiling: int) -> None:
    answer = engine.ask(message)
    assert [c.amount_yuan for c in answer.calculations if c.eligible] == [ceiling], answer.answer


@pytest.mark.parametrize(("message", "yes", "ceilings", "measure"), [
    ("参加国际展会能补吗", "可以。", ("50%", "5万元"), "policy2024:37"),
    ("有没有海外临床试验保险的补贴？", "有。", ("50万元", "100万元"), "policy2024:13"),
    ("Is there any support for clinical trial liability insurance premiums?", "Yes.", ("RMB 500,000", "RMB 1,000,000"),
     "policy2024:13"),
])
def test_whether_a_measure_supports_at_all_is_answered_yes_then_its_ceilings(
        engine, message: str, yes: str, ceilings: tuple[str, ...], measure: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == measure
    assert answer.answer.startswith(yes), answer.answer
    assert all(c in "\n".join(answer.answer.splitlines()[:3]) for c in ceilings), answer.answer


@pytest.mark.parametrize("message", ["创新药要去欧洲EMA注册，有什么支持？", "醫療器械去日本PMDA註冊有什麼支持"])
def test_what_support_a_measure_gives_is_its_ceiling_then_its_own_sentence(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:36"
    lines = answer.answer.splitlines()
    assert "30%" in lines[1] and ("1000万元" in lines[1] or "1000萬元" in lines[1]), answer.answer
    assert any("当地实现销售" in line or "當地實現銷售" in line for line in lines[2:4]), answer.answer  # who gets it
    assert "500万" not in answer.answer and "500萬" not in answer.answer  # the licensing rule is not what is asked


@pytest.mark.parametrize("message", [
    "优惠利率长期信贷贴息最多补多少？",
    "How much is the interest subsidy on long-term preferential-rate credit for key industries?",
])
def test_a_part_of_a_measure_no_rule_prices_has_no_amount(engine, message: str) -> None:
    """（二十九） names 信贷贴息 and sets no amount for it; its 2000万/3000万 are the guarantee ceilings."""
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:29"
    assert "2000万" not in answer.answer and "RMB 20,000,000" not in answer.answer


@pytest.mark.parametrize("message", ["担保额度最高多少", "中型科创企业担保额度上限多少？"])
def test_a_part_a_rule_prices_keeps_its_ceiling(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert "3000万" in answer.answer


@pytest.mark.parametrize(("message", "opening"), [
    ("我们是在上海登记的民办非企业单位，做医疗器械研发的，算在这个意见的支持范围里吗？", "算。"),
    ("我們是在上海登記的民辦非企業單位，做醫療器械研發的，屬於這個意見的支持範圍嗎？", "屬於。"),
    ("我们做的是2类改良型新药，二期做完了，能申请按研发投入40%算的补助吗？", "不可以"),
])
def test_a_yes_no_question_is_answered_with_its_own_verb(engine, message: str, opening: str) -> None:
    answer = engine.ask(message)
    assert answer.answer.startswith(opening), answer.answer


def test_a_deadline_asked_of_a_time_limit_the_text_sets_is_that_limit(engine) -> None:
    answer = engine.ask("What is the deadline for the lead institution to finish its ethics review?")
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert answer.answer.startswith("15 working days"), answer.answer


@pytest.mark.parametrize("message", ["1类新药临床试验支持的申报截止日期是哪天？", "What is the deadline to apply for the Phase II trial support?"])
def test_an_application_deadline_stays_unspecified(engine, message: str) -> None:
    assert engine.ask(message).status is Status.NOT_SPECIFIED


@pytest.mark.parametrize(("question", "lead"), [("医保局的人讲2024版国家药品目录里上海的药进了多少个？", "38个"),
                                                ("How many of the drugs newly added to the 2024 national list are Shanghai's?", "38"),
                                                ("How many drugs did the 2024 national list add in total?", "126")])
def test_shanghais_own_part_of_a_figure_answers_when_shanghai_is_asked_and_the_whole_otherwise(engine, question, lead):
    answer = engine.ask(question, None)
    assert answer.citations[0].chunk_id == "press20240731:q06"
    assert answer.answer.startswith(lead)


def test_data_sent_to_a_head_office_abroad_is_the_cross_border_data_measure(engine):
    answer = engine.ask("我们的研发数据能不能传到境外总部？")
    assert answer.citations[0].chunk_id == "policy2024:33"
    assert "临港" in answer.answer


@pytest.mark.parametrize(("message", "parts"), [
    ("1类新药二期临床投入6000万，三期投入1.2亿，分别能拿多少", "5000万元（2000万元+3000万元）"),
    ("Our domestic clinical trial liability premium is RMB 600,000 and our overseas trial liability premium is "
     "RMB 2.4 million. How much for each?", "RMB 1,300,000 (RMB 300,000 + RMB 1,000,000)"),
])
def test_each_items_amount_stands_in_the_lead_beside_their_total(engine, message: str, parts: str) -> None:
    answer = engine.ask(message)
    assert parts in answer.answer.splitlines()[0], answer.answer


def test_an_english_item_of_a_million_or_more_is_also_said_in_words(engine) -> None:
    answer = engine.ask("Our device entered the national innovative medical device special review, then got its first "
                        "registration and is now made in Shanghai. R&D was RMB 15 million. Total we could get?")
    assert answer.total_yuan == 9_000_000
    assert "= RMB 6,000,000 (6 million)" in answer.answer, answer.answer


@pytest.mark.parametrize(("message", "later"), [
    ("创新医疗器械走特别审查能拿多少", "此后还可再获创新医疗器械首次取得注册证并落地生产支持：不超过研发投入的40%，最高800万元"),
    ("創新醫療器械進入特別審查程序可以拿多少錢", "最高800萬元"),
    ("our surgical robot just got accepted into NMPA's innovative device special review. does shanghai give "
     "anything for that?", "can add no more than 40% of the R&D spending, at most RMB 8,000,000"),
])
def test_the_special_review_award_names_the_later_registration_stage_too(engine, message: str, later: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:06", answer.answer
    assert answer.calculations[0].amount_yuan == 3_000_000
    assert later in "\n".join(answer.answer.splitlines()[:3]), answer.answer


def test_the_registration_stage_asked_alone_names_no_other_stage(engine) -> None:
    answer = engine.ask("创新医疗器械首次取得注册证并落地生产，研发投入1500万，能拿多少")
    assert [c.amount_yuan for c in answer.calculations] == [6_000_000], answer.answer
    assert "此后" not in answer.answer


@pytest.mark.parametrize(("message", "lead"), [
    ("我们能申请1500万的担保额度吗", "可以：1500万元在以下每一档上限之内"),
    ("Can we get a RMB 15 million guarantee?", "Yes: RMB 15,000,000 is within each of these ceilings"),
    ("我们能申请5000万的担保额度吗", "不能。有资质的中型科创企业担保额度上限最高3000万元，拿不到5000万元。"),
])
def test_a_guarantee_figure_asked_with_the_size_unsaid_is_read_against_each_ceiling(engine, message: str, lead: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED and answer.citations[0].chunk_id == "policy2024:29", answer.answer
    assert answer.answer.startswith(lead), answer.answer
    assert all(any(form in answer.answer for form in forms) for forms in (("2000万", "20,000,000"), ("3000万", "30,000,000")))


def test_a_guarantee_figure_between_the_ceilings_depends_on_the_enterprise(engine) -> None:
    lines = engine.ask("我们能申请3000万的担保额度吗").answer.splitlines()
    assert lines[0].startswith("要看情况") and "最高3000万元" in lines[0], lines
    assert "最高2000万元" in lines[1], lines


@pytest.mark.parametrize(("message", "ceiling"), [
    ("We're a small biotech in Shanghai. What's the max guarantee we can get?", 20_000_000),
    ("We're a small biotech; if we were mid-size with high-tech status, what would the guarantee ceiling be?", 30_000_000),
    ("We're mid-size with specialised status. If we were a small company instead, what's the guarantee ceiling?", 20_000_000),
    ("我们是中型企业，有高新资质，如果我们是小微企业，担保额度上限是多少？", 20_000_000),
])
def test_the_size_the_ask_supposes_decides_the_guarantee_ceiling(engine, message: str, ceiling: int) -> None:
    answer = engine.ask(message)
    assert [c.amount_yuan for c in answer.calculations] == [ceiling], answer.answer


def test_a_small_molecule_company_states_no_size() -> None:
    from index.documents import catalogue
    question = understand("We are a small molecule company with high-tech status. What's the guarantee ceiling?", None, catalogue())
    assert question.facts.enterprise_size is None


@pytest.mark.parametrize("message", ["临港新片区有什么政策", "What does the Lingang administration handle?",
                                     "Lingang is mentioned in the policy - for what?"])
def test_lingang_is_answered_from_the_measure_that_names_it(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == "policy2024:33", answer.answer


def test_three_review_time_targets_asked_in_a_row_are_each_answered(engine) -> None:
    answer = engine.ask("quick ones: target review time for class II devices? for drug supplementary applications? "
                        "and for clinical trial applications?")
    assert [c.chunk_id for c in answer.citations][:2] == ["policy2024:16", "policy2024:14"], answer.answer
    lines = answer.answer.splitlines()
    assert "40 working days" in lines[0] and "60 working days" in lines[1] and "30 working days" in lines[2], answer.answer


def test_a_turnaround_asked_is_the_time_limit_the_measure_sets(engine) -> None:
    answer = engine.ask("what does the new policy say about ethics review turnaround?")
    assert answer.citations[0].chunk_id == "policy2024:10"
    assert "3 weeks" in answer.answer.splitlines()[0] and "15个工作日" in answer.answer, answer.answer


def test_an_amount_asked_again_in_other_words_is_one_ask_of_a_measure_that_sets_none(engine) -> None:
    answer = engine.ask("顶尖科学家带IP来上海，政策给多少钱？有没有个具体数")
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert [c.chunk_id for c in answer.citations] == ["policy2024:03"] and "一事一议" in answer.answer


@pytest.mark.parametrize(("message", "cap"), [("我们一年能从（六）拿到的最多是多少？", "3000万元"), ("我们一年能从(五)拿到的最多是多少", "1亿元")])
def test_a_measure_named_by_its_label_is_in_scope_whatever_its_other_words(engine, message: str, cap: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED and cap in answer.answer.splitlines()[0], answer.answer


def test_an_article_of_another_law_stays_out_of_scope(engine) -> None:
    assert engine.ask("劳动法第六条怎么规定的").status is Status.OUT_OF_SCOPE


def test_a_later_stage_asked_in_the_same_message_is_answered_once(engine) -> None:
    answer = engine.ask("What's the ceiling for special review of an innovative device, and what about after registration?")
    assert "RMB 3,000,000" in answer.answer.splitlines()[0]
    assert "RMB 8,000,000" in answer.answer and "At the later stage" not in answer.answer, answer.answer


def test_how_many_full_awards_asked_after_the_ceiling_in_one_message_is_answered(engine) -> None:
    answer = engine.ask("国际展会补贴最高多少？一年最多能补几次满额？")
    head = "\n".join(answer.answer.splitlines()[:2])
    assert "最高5万元" in head and "一年最多10次能拿满额" in head, answer.answer


def test_money_asked_after_another_ask_is_asked_of_the_measure_just_found(engine) -> None:
    answer = engine.ask("研究型床位占比多少？有没有资金支持？")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("10%"), answer.answer
    assert lines[1].startswith("原文没有规定具体支持金额"), answer.answer
    assert [c.chunk_id for c in answer.citations] == ["policy2024:07"]


def test_ceilings_asked_of_each_after_their_share_are_the_same_measures_ceilings(engine) -> None:
    answer = engine.ask("海外临床试验保险和国内临床试验保险各补多少比例？上限分别是多少？")
    assert answer.answer.startswith("50%"), answer.answer
    assert [c.chunk_id for c in answer.citations] == ["policy2024:13"], answer.answer
    assert "最高50万元" in answer.answer and "最高100万元" in answer.answer


@pytest.mark.parametrize("message", ["贴息的利率是多少？", "长期信贷贴息的利率是多少？"])
def test_an_interest_rate_the_text_does_not_set_is_not_answered_with_another_figure(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.NOT_SPECIFIED, answer.answer
    assert "2000万" not in answer.answer.splitlines()[0]


def test_the_lead_ethics_committee_and_the_participating_sites_each_get_their_own_limit(engine) -> None:
    lines = engine.ask("How long must the lead ethics committee take, and how long the participating sites?").answer.splitlines()
    assert lines[0].startswith("15 working days") and lines[1].startswith("5 working days"), lines


@pytest.mark.parametrize(("message", "article"), [
    ("Will research leads at our hospital get anything toward their promotions for running trials?", "policy2024:11"),
    ("Does the 2024 policy do anything to help us sell drug patents?", "policy2024:33"),
    ("Our hospital is putting its know-how into a spin-off as equity. Who would hold those shares for us?", "policy2024:08"),
    ("Is there support for a multinational opening a regional HQ in Shanghai?", "policy2024:34"),
    ("Does the city back foreign firms setting up an open innovation centre here?", "policy2024:34"),
    ("What did the 2021 policy offer for drugs sold abroad?", "reply1228:2.1"),
])
def test_everyday_english_for_a_measures_subject_finds_its_article(engine, message: str, article: str) -> None:
    answer = engine.ask(message)
    assert answer.status is Status.ANSWERED, answer.answer
    assert answer.citations[0].chunk_id == article, answer.answer


@pytest.mark.parametrize("message", ["港资企业也能拿这些资金支持吗？还是只给内资？",
                                     "我们是中外合资企业，这个政策的补贴能申请吗？"])
def test_whether_an_ownership_may_apply_is_answered_from_the_scope_once(engine, message: str) -> None:
    answer = engine.ask(message)
    assert answer.citations[0].chunk_id == "policy2024:scope", answer.answer
    assert answer.answer.count("登记注册的") + answer.answer.count("登記註冊的") == 1, answer.answer


@pytest.mark.parametrize(("question", "total"), [
    ("Our innovative drug is registered and selling in Brazil (BRICS). R&D spend was RMB 20 million. What's the max support?",
     6_000_000),
    ("Our modern TCM product is registered and now selling in Brazil (BRICS). R&D spend was USD 2.1 million. "
     "What's the max support?", None),
])
def test_a_product_registered_and_sold_in_a_brics_country_is_the_global_registration_measure(engine, question, total):
    # （三十六）: …金砖国家、“一带一路”国家药品监管机构注册，并在当地实现销售的，…不超过研发投入的30%，最高1000万元;
    # a dollar spend is not read as yuan: the share stays below the ceiling at any plausible rate, no figure is set
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:36"
    assert answer.total_yuan == total
    assert "30%" in answer.answer
