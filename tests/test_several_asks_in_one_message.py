"""Several asks in one message, each answered with its own fact, in the order asked.

（九）: "…争取将临床试验启动前医疗机构内部整体用时压缩至25周以内。"
（十）: "…争取将伦理审查总体流程时间压缩至3周以内。"
（十六）: "第二类医疗器械审评平均时限压缩至40个工作日以内。"
（四）: "建立以药物临床试验批件获得数量、成果本地转化数量等为考核目标的贴息支持机制…按照规定给予每个项目年度贴息金额最高
1000万元支持。"
（十二）: "…按照规定对每个项目择优给予最高100万元支持。…每个单位每年累计支持不超过1亿元。"
"""

import pytest

from assistant.conversation.question import AskKind
from assistant.conversation.understand import understand
from assistant.records import Status


@pytest.mark.parametrize(("message", "kinds"), [
    ("伦理审查最长多少天，临床试验启动要多久？", (AskKind.DURATION, AskKind.DURATION)),
    ("二类医疗器械注册审评时限和创新医疗器械的支持金额分别是多少？", (AskKind.DURATION, AskKind.AMOUNT)),
])
def test_two_topics_asked_in_one_sentence_are_two_asks(engine, message: str, kinds: tuple[AskKind, ...]) -> None:
    question = understand(message, None, engine.catalogue)
    assert tuple(a.kind for a in question.asks) == kinds, question.asks


@pytest.mark.parametrize("message", ["CMO补贴上限是多少，每年最多能拿多少？", "CMO和CRO的补贴分别是多少？"])
def test_one_topic_asked_twice_or_one_kind_named_once_stays_one_ask(engine, message: str) -> None:
    assert len(understand(message, None, engine.catalogue).asks) == 1


def test_two_time_limits_asked_with_a_comma_both_lead(engine) -> None:
    answer = engine.ask("伦理审查最长多少天，临床试验启动要多久？")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:10", "policy2024:09"], answer.answer
    lines = answer.answer.splitlines()
    assert "3周" in lines[0] and "25周" in lines[1], answer.answer


def test_a_time_limit_and_an_amount_asked_respectively_are_both_answered(engine) -> None:
    answer = engine.ask("二类医疗器械注册审评时限和创新医疗器械的支持金额分别是多少？")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:16", "policy2024:06"], answer.answer
    assert "40个工作日" in answer.answer.splitlines()[0]
    assert "800万元" in answer.answer and "300万元" in answer.answer


def test_the_ceiling_of_the_first_ask_is_not_the_second_asks_question(engine) -> None:
    answer = engine.ask("合同研发机构CRO贴息最高多少？考核指标是什么？")
    assert answer.status is Status.ANSWERED
    assert "1000万元" in answer.answer.splitlines()[0]
    assert "药物临床试验批件获得数量" in answer.answer.split("出处")[0], answer.answer
    assert answer.total_yuan is None or answer.total_yuan <= 10_000_000  # one ceiling, never the same one twice


def test_the_max_per_project_and_the_yearly_cap_are_both_answered(engine) -> None:
    answer = engine.ask("Two things: what's the max per project for a CRO upgrading its clinical trial services to "
                        "international standards, and what's the yearly cap per company under that measure?")
    assert answer.citations[0].chunk_id == "policy2024:12"
    body = answer.answer.split("Source")[0]
    assert "RMB 1,000,000" in body and "RMB 100,000,000" in body, answer.answer


@pytest.mark.parametrize("message", [
    "2021年的若干意见对出海产品支持多少？",
    "产品拿到FDA批准并在美国销售，现在最高支持多少？2021年的政策对同样的情况支持多少？",
])
def test_a_policy_named_by_a_year_no_source_has_is_quoted_from_the_sentence_describing_it(engine, message: str) -> None:
    answer = engine.ask(message)
    assert "reply1228:2.1" in [c.chunk_id for c in answer.citations], answer.answer
    assert "2021年发布的《关于促进本市生物医药产业高质量发展的若干意见》" in answer.answer.split("Source")[0].split("出处")[0]


def test_a_year_of_a_catalogued_document_names_that_document_not_an_earlier_one(engine) -> None:
    answer = engine.ask("2024年的若干意见对出海产品支持多少？")  # the year names the policy; it finds no 实施日期 article
    cited = [c.chunk_id for c in answer.citations]
    assert "policy2024:36" in cited and "policy2024:validity" not in cited, answer.answer


def test_a_later_ask_the_named_document_answers_as_well_as_any_is_asked_of_it(engine) -> None:
    answer = engine.ask("浦东的行动方案什么时候到期，目标产业规模是多少？")
    assert [c.doc_id for c in answer.citations[:2]] == ["pudong2022", "pudong2022"], answer.answer
    assert "4000亿元" in answer.answer.split("出处")[0], answer.answer


def test_a_later_ask_another_document_answers_better_leaves_the_named_one(engine) -> None:
    answer = engine.ask("浦东方案什么时候到期？另外伦理审查要多久？")
    assert "policy2024:10" in [c.chunk_id for c in answer.citations], answer.answer


def test_the_annual_cap_asked_with_stage_awards_stands_with_their_figures_in_the_lead(engine) -> None:
    """（六）: "…给予最高300万元支持；…再给予不超过研发投入的40%，最高800万元支持。每个单位每年累计支持金额最高3000万元。"
    Three asks, three figures: each stage's award and the annual cap, all in the lead, never their sum as the answer."""
    answer = engine.ask("器械进了国家创新医疗器械特别审查程序能拿多少？之后首次取得注册证并本地投产，研发投入1000万，"
                        "又能拿多少？每个单位一年最多多少？")
    lead = answer.answer[:160]
    assert "300万" in lead and "400万" in lead and "3000万" in lead  # min(40% × 1000万, 800万) = 400万
    assert "700万" not in answer.answer  # each ask's own figure; no total was asked


def test_the_yearly_ceiling_asked_with_a_cmo_award_comes_before_the_departments(engine) -> None:
    """（二十四）: "…每个品种最高500万元支持，每个企业每年最高支持1000万元。" """
    answer = engine.ask("We do contract manufacturing for an unrelated client, output RMB 20 million for one product. "
                        "How much support, what is the yearly ceiling per company, and who runs it?")
    lead = answer.answer[:320]
    assert "2,000,000" in lead and "10,000,000" in lead  # min(10% × 2000万, 500万) = 200万; 1000万 a year
    assert answer.answer.index("10,000,000") < answer.answer.index("市科委")


def test_asks_typed_with_spaces_instead_of_marks_are_each_answered(engine) -> None:
    # （五）: "…1类新药…Ⅱ期…最高2000万元…每个单位每年累计支持金额最高1亿元"; （六）: "对进入…特别审查程序的产品，
    # 按照规定给予最高300万元支持…每个单位每年累计支持金额最高3000万元"
    answer = engine.ask("一类新药II期最高给多少 器械进特别审查程序最高多少 这两个一年分别封顶多少")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:05", "policy2024:06"], answer.answer
    lead = "\n".join(answer.answer.splitlines()[:2])
    assert "2000万元" in lead and "300万元" in lead and "1亿元" in lead and "3000万元" in lead, answer.answer
    assert "不在现有政策资料的范围内" not in answer.answer


def test_topics_sharing_a_word_are_still_asked_apart(engine) -> None:
    # （十二）: "海外高水平创新产品临床试验项目…最高2000万元"; （十三）: "…责任保险…保费…最高100万元"
    answer = engine.ask("海外做临床试验项目最多多少，海外临床试验责任险最多补多少")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:12", "policy2024:13"], answer.answer
    body = answer.answer.split("出处")[0]
    assert "2000万元" in body and "100万元" in body, answer.answer


def test_one_measure_asked_twice_with_a_comma_stays_one_ask(engine) -> None:
    assert len(understand("CMO每个品种最多补多少，CMO每年最多能拿多少？", None, engine.catalogue).asks) == 1


def test_english_ceilings_listed_with_and_are_each_answered(engine) -> None:
    # （二十九）: "将生物医药中小微科创企业单笔批次担保额度上限提高至2000万元"
    answer = engine.ask("Two quick ones: max support for a Class 1 cell/gene therapy drug's confirmatory trial, "
                        "and the guarantee ceiling for a small or micro biotech?")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:05", "policy2024:29"], answer.answer
    body = answer.answer.split("Source")[0]
    assert "RMB 30,000,000" in body and "RMB 20,000,000" in body, answer.answer


def test_a_later_ask_naming_a_measure_that_sets_no_amount_is_not_the_earlier_award(engine) -> None:
    # （二十七）: "对符合条件的CVC给予市属国资和产业母基金出资、基金设立快速通道等支持" (no amount)
    answer = engine.ask("CMO一个品种最多补多少？CVC市里出不出钱，出多少？")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:24", "policy2024:27"], answer.answer
    assert "原文没有规定具体支持金额" in answer.answer and "500万元" in answer.answer.splitlines()[0]


def test_a_later_ask_naming_another_document_is_answered_from_it(engine) -> None:
    answer = engine.ask("市里2024年这个生物医药全链条的意见有效期到哪天？另外发布会上是谁讲的医保支付那块？")
    assert [c.chunk_id for c in answer.citations[:2]] == ["policy2024:validity", "press20240731:q06"], answer.answer
    assert "2029年7月31日" in answer.answer and "曹俊山" in answer.answer


def test_numbered_asks_keep_the_number_out_of_the_topic(engine) -> None:
    # （十二）: "…每个项目择优给予最高100万元支持。…每个单位每年累计支持不超过1亿元。" — "(2)" finds no article of its own
    answer = engine.ask("Two quick ones. (1) Our Shanghai CRO has one project to upgrade its trial services to international "
                        "standards — what's the maximum support for that project? (2) Is there a yearly cap per "
                        "organisation under that same measure, and how much?")
    assert [c.chunk_id for c in answer.citations] == ["policy2024:12"], answer.answer
    body = answer.answer.split("Source")[0]
    assert "RMB 1,000,000" in body and "RMB 100,000,000" in body, answer.answer


def test_a_setting_before_the_asks_is_no_ask_and_which_item_is_no_count(engine) -> None:
    # 浦东行动方案 18“强化知识产权护航”: 责任单位 区知识产权局、区科经委、张江管理局
    question = understand("浦东那个生物医药行动方案里，知识产权那块是第几项任务，谁负责", None, engine.catalogue)
    assert [a.kind for a in question.asks] == [AskKind.WHAT, AskKind.DEPARTMENTS], question.asks
    answer = engine.ask("浦东那个生物医药行动方案里，知识产权那块是第几项任务，谁负责")
    assert [c.chunk_id for c in answer.citations] == ["pudong2022:task-18"], answer.answer
    assert "区知识产权局" in answer.answer and "现有政策文件没有规定具体数量" not in answer.answer


def test_the_one_department_a_plan_names_as_coordinating_answers_who(engine) -> None:
    # 浦东行动方案 (四): "建立部门责任和监督评估制度,由区科经委统筹,按季度跟踪重点任务进展" (no 责任单位 listed)
    answer = engine.ask("浦东方案的重点任务进展由哪个部门统筹跟踪？")
    assert answer.citations[0].chunk_id == "pudong2022:4.4", answer.answer
    assert "区科经委" in answer.answer.split("出处")[0] and "没有列出责任单位" not in answer.answer, answer.answer


def test_a_time_limit_asked_after_a_total_of_the_conversation_is_its_own_lookup_and_the_total_counts_once(engine) -> None:
    """"两份保险加起来能补多少？另外伦理审查牵头机构多少天内要出意见？": （十三）'s two premiums summed (min(50% × 150万,
    50万) + min(50% × 150万, 100万) = 125万), and （十）'s 15个工作日 — the JSON total and items counted once."""
    first = engine.ask("我们给国内临床试验买了责任险，实际交了保费150万，能补多少？")
    engine.ask("那海外临床试验的责任险呢，保费也是150万", first.session_id)
    both = engine.ask("两份保险加起来能补多少？另外伦理审查牵头机构多少天内要出意见？", first.session_id)
    assert both.total_yuan == 1_250_000
    assert len(both.calculations) == 2
    assert [c.chunk_id for c in both.citations][:2] == ["policy2024:13", "policy2024:10"]
    assert "15个工作日" in both.answer


def test_a_figure_the_reply_states_is_answered_in_either_word_order_and_beside_another_figure(engine) -> None:
    """The reply letter: "30家企业在科创板上市": a count of listed companies it states is the sources' figure, not
    listing advice — asked alone or after another of its figures (26款1类创新药)."""
    alone = engine.ask("科创板上市的生物医药企业有多少家？")
    assert alone.status.value == "answered" and "30家" in alone.answer.splitlines()[0]
    both = engine.ask("2016年以来上海一共批了多少个1类创新药？科创板上市的生物医药企业有多少家？")
    assert "26款" in both.answer and "30家" in both.answer
    assert engine.ask("科创板上市要满足什么条件？").status.value == "out_of_scope"  # listing rules stay refused


def test_who_said_the_figures_is_the_issuer_of_the_document_they_come_from(engine) -> None:
    first = engine.ask("2016年以来上海一共批了多少个1类创新药？")
    said = engine.ask("这些数字是哪个部门说的？", first.session_id)
    assert "上海市科学技术委员会" in said.answer.splitlines()[0]  # 沪科提复〔2024〕76号, the reply's issuer


def test_an_award_asked_after_a_step_of_the_same_path_adds_its_item_once(engine):
    """"1. …特别审查程序，这一步能拿多少？2. …首次拿到注册证…还能再拿多少？": the second ask's own item (600万, （六）'s 40%
    of 1500万) leads its block, and the turn's total counts the first item once (900万)."""
    answer = engine.ask("两个问题：1. 我们的创新医疗器械进了国家创新医疗器械特别审查程序，这一步能拿多少？"
                        "2. 现在首次拿到注册证、也在上海落地生产了，研发投入一共0.15亿，还能再拿多少？")
    assert answer.total_yuan == 9_000_000
    assert sorted(c.amount_yuan for c in answer.calculations) == [3_000_000, 6_000_000]
    assert any("再获最高600万" in line for line in answer.answer.split("\n"))


def test_a_pointer_ending_in_ne_before_its_own_ask_is_one_ask(engine):
    """"那第三類的呢，有什麼加快的服務？": one ask (the 呢 points back), answered by （十五）'s services for Class III."""
    first = engine.ask("我們是台灣的醫材公司，想在上海設子公司，第二類醫療器械審評大概要多久？")
    then = engine.ask("那第三類的呢，有什麼加快的服務？", first.session_id)
    assert then.status.value == "answered" and then.citations[0].chunk_id == "policy2024:15"
    assert "預審查" in then.answer


def test_separate_asks_figures_are_no_sum_unless_a_sum_is_asked(engine):
    apart = engine.ask("请问两个问题：1. CRO提升临床试验服务能力的项目，每个项目最多支持多少？2. 在海外开展高水平创新产品临床"
                       "试验项目最多支持多少？")
    # （十二）: 100万元 a CRO project, 2000万元 an overseas trial project; asked apart, the API carries no total
    assert "100万元" in apart.answer and "2000万元" in apart.answer
    assert apart.total_yuan is None
    summed = engine.ask("CRO能力提升项目一个最多多少？海外临床试验项目一个最多多少？两个加起来最多多少？")
    assert summed.total_yuan == 21_000_000
