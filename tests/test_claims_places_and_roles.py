"""Claims quoted to be checked are checked, one by one, and never computed as the asker's case; a place the asker
points back at ("他们区") is the subject asked about; a document or a fund outside the sources is refused; an
amount borrowed is the asker's own, and a rate the text never sets is not specified; a role that fails every rule
of a measure is a no; the earlier ask of a message names the rule its amount ask is about. Promises of the
question path, run on the real index."""

from asking import cited, measure_verdicts, turns

from assistant.records import Status


def test_numbered_quoted_claims_are_each_checked(engine):
    answer = engine.ask("帮我核实两条新闻里的说法：①“上海新政规定CMO承接委托生产，每个品种最高补贴1000万元”；"
                        "②“2023年上海生物医药产业规模已突破1万亿元”。这俩说法对吗？")
    assert cited(answer)[:2] == ["policy2024:24", "reply1228:1.1"]
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("更正") and "500万元" in first and "1000万元" in first
    assert second.startswith("不对") and "9337亿元" in second
    assert not answer.calculations  # an industry's size is no output value of the asker's


def test_quoted_claims_that_hold_are_confirmed_first(engine):
    answer = engine.ask("核实一下：①“CMO承接委托生产，每个品种最高补贴500万元”；②“2023年上海生物医药产业规模是9337亿元”。"
                        "这两个说法对吗？")
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("没错") and "500万元" in first
    assert second.startswith("对") and "9337亿元" in second


def test_english_quoted_claims_are_each_checked(engine):
    answer = engine.ask('Please check two claims from a newsletter: (1) "Shanghai now pays CMOs up to RMB 10 million per '
                        'product"; (2) "Shanghai\'s biomedicine industry passed RMB 1 trillion in 2023". Are these right?')
    assert cited(answer)[:2] == ["policy2024:24", "reply1228:1.1"]
    first, second = answer.answer.split("\n")[:2]
    assert first.startswith("Correction") and "RMB 5,000,000" in first
    assert second.startswith("No") and "9337亿元" in second


def test_a_sentence_quoted_for_what_it_says_is_no_claim(engine):
    answer = engine.ask("看到新闻里这句：“对其中仅需完成早期临床试验、确证性临床试验的细胞与基因治疗1类新药，按照规定择优给予最高"
                        "分别1500万元、3000万元支持”。我们是上海注册的CAR-T公司，产品是1类新药，国内早期临床刚做完也有产出，"
                        "研发投入五千多万，我们算这一类吗？早期这段最多拿多少？")
    assert cited(answer)[0] == "policy2024:05"
    assert ("05", "eligible") in measure_verdicts(answer)
    assert "1500万元" in answer.answer


def test_a_place_pointed_back_at_is_the_subject_asked(engine):
    answer = engine.ask("你好，我有个朋友在北京昌平生命科学园那边，说他们区对创新药一期临床有补贴，具体能补多少啊？"
                        "我们在纠结项目放北京还是上海")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "北京" in answer.answer and not answer.calculations


def test_a_document_pointed_at_by_its_count_of_measures_is_outside_the_sources(engine):
    answer = engine.ask("发布会上卫健委说7月22日市政府办公厅印发了加强临床研究体系建设的那个28条，里面对研究者发起的IIT项目每个资助多少钱？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "28条" in answer.answer


def test_another_jurisdictions_fund_is_out_of_scope(engine):
    answer = engine.ask("我哋喺香港科學園有間生物科技初創，想問吓創新及科技基金（ITF）嘅企業支援計劃最多可以資助幾多錢？")
    assert answer.status is Status.OUT_OF_SCOPE
    assert "範圍" in answer.answer  # traditional in, traditional out


def test_a_national_regulators_application_file_is_out_of_scope(engine):
    answer = engine.ask("国家药监局那边申请创新医疗器械特别审查，需要交哪些材料？审查要多久？")
    assert answer.status is Status.OUT_OF_SCOPE


def test_a_rate_the_text_never_sets_is_not_specified_whatever_the_loan(engine):
    answer = engine.ask("听说有个重点产业优惠利率长期信贷贴息，我们贷了三千万，能贴几个点？贴几年？")
    assert answer.status is Status.NOT_SPECIFIED
    assert cited(answer)[0] == "policy2024:29"
    assert not answer.calculations and "担保" not in answer.answer.split("出处")[0]  # a loan is no guarantee asked of


def test_the_commissioning_party_is_told_no_beside_what_the_measure_pays(engine):
    answer = engine.ask("我们是药品上市许可持有人，把生产委托给上海一家CMO做（没有关联关系），受托年产值一个多亿，"
                        "那个委托生产10%的补贴是给我们还是给CMO？我们自己能申请吗")
    assert ("24", "not_eligible") in measure_verdicts(answer)
    assert "受托方" in answer.answer and "不可以" in answer.answer


def test_the_earlier_ask_names_the_rule_of_the_amount_asked(engine):
    answer = engine.ask("换个话题，市里新政策对企业搞智能化、绿色化改造有支持吧？我们项目总投资1.5亿，最多给多少？")
    assert cited(answer)[0] == "policy2024:23"
    assert [(c.rule_id, c.amount_yuan) for c in answer.calculations] == [("m23-upgrade", 15_000_000)]  # 10% × 1.5亿
    later = turns(engine, "换个话题，市里新政策对企业搞智能化、绿色化改造有支持吧？我们项目总投资1.5亿，最多给多少？",
                  "要是总投资12个亿呢")[-1]
    assert later.status is Status.ANSWERED
    assert [(c.rule_id, c.amount_yuan) for c in later.calculations] == [("m23-upgrade", 100_000_000)]  # capped at 1亿


def test_a_shanghai_company_describing_itself_is_registered_here(engine):
    answer = engine.ask("我们是上海的医疗器械公司，下个月要去参加一个展会，展位加搭建大概6万块，听说市里能报消一半？")
    assert cited(answer)[0] == "policy2024:37"
    assert "在本市登记注册" not in answer.answer.split("还须满足：", 1)[-1].split("。", 1)[0]


def test_a_product_registered_abroad_finds_the_global_registration_measure(engine):
    answer = engine.ask("2024年的新政策里，出海注册的支持是什么标准？")
    assert cited(answer)[0] == "policy2024:36"  # not the trials abroad of （十二）
