"""The LLM path over real HTTP: the product's own OpenAI client against a scripted server on 127.0.0.1.

The scripted server (``tests/scripted_llm.py``) is the only fake: it replays what small models were seen
to write, wrong and right. Retrieval, planning, the rules engine, the guard and the composer are real.
Every wrong answer must fall back to the deterministic one (``written_by: rules``) with the guard's
reasons; every right answer must be served (``written_by: llm``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from scripted_llm import Reply, ScriptedServer, copy_draft, slow, text, tool_call

from assistant.engine import Engine
from assistant.llm.client import MAX_ANSWER_TOKENS, chat_model
from assistant.records import Answer, Status

PHASE_TWO = "1类新药Ⅱ期临床试验投入6000万元，最高能拿多少？"
CMO = "我们是CMO，受托生产一个品种，年产值3000万能拿多少支持？"
TRIAL_LIMIT = "药物临床试验申请的审评审批时限压缩到多少个工作日？"
DEVICE_DEADLINE = "创新医疗器械支持的申报截止时间是什么时候？"
MATERIALS = "申请创新药研发支持需要准备什么材料？"
ETHICS = "牵头机构伦理审查要在几个工作日内出意见？"
PHASE_TWO_EN = "Our class 1 new drug is in a phase II trial with R&D spending of RMB 60 million. How much can we get?"
TRIAL_LIMIT_EN = "How many working days does the review of a drug clinical trial application take?"
PHASE_TWO_HANT = "1類新藥Ⅱ期臨床試驗投入6000萬元，最高能拿多少？"
DEPARTMENTS = "创新医疗器械的支持归哪个部门管？"
GUARANTEE = "中小微企业和中型企业的担保额度上限分别是多少？"
NO_AMOUNT = "顶尖科学家项目能支持多少钱？"
OUT_LICENSING = "我们的创新药海外权益许可交易首付款2亿元，第三方专业服务投入800万元，能拿多少？"
OUT_LICENSING_EN = ("We out-licensed overseas rights with an upfront payment of RMB 200 million and spent RMB 8 million "
                    "on professional services. How much support can we get?")


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    yield scripted
    scripted.stop()


def ask(engine: Engine, server: ScriptedServer, question: str, *replies: Reply, timeout: float = 20.0) -> Answer:
    server.script(*replies)
    settings = engine.settings.model_copy(update={"llm_base_url": server.url, "llm_model": "scripted",
                                                  "llm_timeout_seconds": timeout})
    subject = Engine(settings, engine.retriever, engine.book, engine.catalogue, chat_model(settings))
    return subject.ask(question)


def refused(answer: Answer, reason: str) -> None:
    assert answer.written_by == "rules", answer.answer
    assert any(reason in p for p in answer.guard_problems), answer.guard_problems


# --- the four answers the issue saw served ----------------------------------------------------------
def test_the_cmo_annual_cap_is_not_served_as_the_award(engine, server):
    answer = ask(engine, server, CMO, text("能拿的最高支持金额是1000万元[policy2024:24]"))
    refused(answer, "1000万元 (10000000 yuan) is not the engine's figure")
    assert "300万元" in answer.answer and [c.amount_yuan for c in answer.calculations] == [3_000_000]


def test_the_phase_three_ceiling_is_not_served_for_a_phase_two_trial(engine, server):
    answer = ask(engine, server, PHASE_TWO, text("Ⅱ期临床试验最高能拿3000万元[policy2024:05]"))
    refused(answer, "3000万元 (30000000 yuan) is not the engine's figure")
    assert "2000万元" in answer.answer


def test_the_supplementary_application_limit_is_not_the_trial_application_limit(engine, server):
    answer = ask(engine, server, TRIAL_LIMIT, text("60个工作日[policy2024:14]"))
    refused(answer, "figure 60个工作日 is not the asked one (30个工作日)")
    assert answer.answer.startswith("30个工作日")


def test_a_neighbouring_articles_limit_cited_instead_is_refused(engine, server):
    answer = ask(engine, server, TRIAL_LIMIT, text("40个工作日[policy2024:16]"))
    refused(answer, "the answer must cite the article the plan chose (policy2024:14)")
    refused(answer, "figure 40个工作日 is not the asked one")


def test_a_heading_validity_date_licenses_no_deadline(engine, server):
    answer = ask(engine, server, DEVICE_DEADLINE, text("截止时间是2029年7月31日[policy2024:06]"))
    assert answer.status is Status.NOT_SPECIFIED
    refused(answer, "date 2029-07-31 is given as a deadline")
    refused(answer, "must say that the sources do not state it")


# --- more wrong answers, of every kind --------------------------------------------------------------
WRONG = [
    pytest.param(PHASE_TWO, "Ⅱ期临床试验择优支持，最高1000万元[policy2024:05]。", "1000万元 (10000000 yuan) is not the engine's",
                 id="wrong-item-phase-one-ceiling"),
    pytest.param(PHASE_TWO, "最高2000万元[policy2024:06]。", "must cite the article the plan chose (policy2024:05)",
                 id="neighbouring-article-cited"),
    pytest.param(PHASE_TWO, "按（五），Ⅱ期临床试验择优支持，最高2000元[policy2024:05]。", "2000元 (2000 yuan)", id="unit-swap-yuan-for-wan"),
    pytest.param(PHASE_TWO, "按（五），Ⅱ期临床试验最高可获2000亿元[policy2024:05]。", "2000亿元", id="wan-yi-slip"),
    pytest.param(PHASE_TWO, "按（五），Ⅱ期临床试验最高可获20亿元[policy2024:05]。", "20亿元", id="wan-yi-slip-short"),
    pytest.param(PHASE_TWO, "最高2000万元，责任单位是市经济信息化委[policy2024:05]。", "department 市经济信息化委",
                 id="departments-of-another-article"),
    pytest.param(PHASE_TWO, "最高2000万元[policy2024:05]，由市卫生健康委负责[policy2024:05]。", "department 市卫生健康委",
                 id="departments-of-another-article-2"),
    pytest.param(PHASE_TWO, "按研发投入的40%计算，40%×6000万元=2400万元[policy2024:05]。", "2400万元", id="uncapped-rate-times-base"),
    pytest.param(PHASE_TWO, "不超过研发投入的30%，最高2000万元[policy2024:05]。", "figure 30%", id="rate-swapped"),
    pytest.param(PHASE_TWO, "研发投入3000万元时最高2000万元[policy2024:05]。", "is said as a base but is no input", id="base-swapped"),
    pytest.param(PHASE_TWO, "最高2000万元，每个企业每年最高3000万元[policy2024:05]。", "is said as an annual cap",
                 id="annual-cap-of-another-measure"),
    pytest.param(PHASE_TWO, "最高2000万元，需在2025年6月30日前提交申请[policy2024:05]。", "date 2025-06-30 is given as a deadline",
                 id="invented-deadline-on-an-award"),
    pytest.param(PHASE_TWO, "最高2000万元[policy2024:99]。", "citation policy2024:99 was not retrieved", id="citation-not-retrieved"),
    pytest.param(PHASE_TWO, "最高2000万元。", "the answer cites no article", id="no-citation"),
    pytest.param(CMO, "每个品种最高500万元，每个企业每年最高支持3000万元[policy2024:24]。", "said as an annual cap",
                 id="cmo-wrong-annual-cap"),
    pytest.param(CMO, "按年产值3000万元计算，最高可获600万元[policy2024:24]。", "600万元", id="cmo-wrong-rate"),
    pytest.param(CMO, "最高可获3000万元[policy2024:24]。", "3000万元 (30000000 yuan) is not the engine's", id="cmo-base-as-award"),
    pytest.param(TRIAL_LIMIT, "药物临床试验申请审评审批时限压缩至30个工作日，自2025年1月1日起施行[policy2024:14]。",
                 "date 2025-01-01 is not stated", id="lookup-invented-date"),
    pytest.param(TRIAL_LIMIT, "压缩至30天[policy2024:14]。", "figure 30天 is not in the sentence", id="lookup-unit-swapped"),
    pytest.param(ETHICS, "牵头机构伦理审查在10个工作日内出具意见[policy2024:10]。", "figure 10个工作日", id="lookup-wrong-duration"),
    pytest.param(DEVICE_DEADLINE, "原文未规定，但一般在每年6月30日截止，请联系市科委[policy2024:06]。", "deadline",
                 id="invented-deadline-despite-saying-not-stated"),
    pytest.param(MATERIALS, "需提交营业执照、审计报告和申请表，责任单位为市科委[policy2024:05]。", "names materials to prepare",
                 id="invented-materials"),
    pytest.param(MATERIALS, "原文未规定具体材料，请登录一网通办提交，责任单位为市科委[policy2024:05]。", "a place or channel to apply",
                 id="invented-place-to-apply"),
    pytest.param(MATERIALS, "原文未规定具体材料，可于每年3月申报[policy2024:05]。", "is in no planned article",
                 id="not-specified-with-an-invented-month"),
    pytest.param(MATERIALS, "申请创新药研发支持最高可获2000万元，责任单位为市科委[policy2024:05]。", "must say that the sources do not",
                 id="not-specified-answered-with-an-amount"),
    pytest.param(PHASE_TWO_EN, "A phase II trial may receive up to RMB 30 million [policy2024:05].", "30000000 yuan",
                 id="english-phase-three-ceiling"),
    pytest.param(PHASE_TWO_EN, "Up to 20 billion yuan on merit [policy2024:05].", "20000000000 yuan", id="english-million-billion-slip"),
    pytest.param(TRIAL_LIMIT_EN, "The limit is 60 working days [policy2024:14].", "figure 60 working days", id="english-neighbouring-figure"),
    pytest.param(PHASE_TWO_HANT, "Ⅱ期臨床試驗最高可獲3000萬元[policy2024:05]。", "30000000 yuan", id="traditional-phase-three-ceiling"),
    pytest.param(NO_AMOUNT, "顶尖科学家项目最高可获1000万元[policy2024:03]。", "the sources set no amount", id="amount-where-the-text-sets-none"),
    pytest.param(OUT_LICENSING, "首付款1亿元以上的交易，最高可获1亿元[policy2024:36]。", "1亿元 (100000000 yuan) is not the engine's",
                 id="condition-threshold-served-as-the-award"),
    pytest.param(OUT_LICENSING, "首付款1000万元以上即可申请，最高可获400万元[policy2024:36]。", "is said as a condition but is no threshold",
                 id="condition-threshold-wan-yi-slip"),
    pytest.param(OUT_LICENSING_EN, "An upfront of RMB 10 million or more qualifies; at most RMB 4 million [policy2024:36].",
                 "is said as a condition but is no threshold", id="english-condition-threshold-slip"),
]


@pytest.mark.parametrize(("question", "written", "reason"), WRONG)
def test_no_wrong_answer_is_served(engine, server, question, written, reason):
    answer = ask(engine, server, question, text(written))
    refused(answer, reason)


def test_summed_guarantee_alternatives_are_not_served(engine, server):
    deterministic = engine.ask(GUARANTEE)
    amounts = [c.amount_yuan for c in deterministic.calculations]
    assert len(amounts) == 2 and deterministic.total_yuan is None
    total = sum(amounts)
    cited = deterministic.citations[0].chunk_id
    answer = ask(engine, server, GUARANTEE, text(f"两项合计最高{total // 10_000}万元[{cited}]。"))
    refused(answer, "is not the engine's figure")


# --- right answers are served ----------------------------------------------------------------------
RIGHT = [
    pytest.param(PHASE_TWO, "按（五），1类新药Ⅱ期临床试验择优支持，最高2000万元[policy2024:05]。", "最高2000万元", id="phase-two-ceiling"),
    pytest.param(PHASE_TWO, "研发投入6000万元，按min(40% × 6000万元, 2000万元) = 2000万元，最高可获2000万元，择优支持，不是承诺金额[policy2024:05]。",
                 "2000万元", id="phase-two-with-formula"),
    pytest.param(CMO, "每个品种最高500万元，每个企业每年最高1000万元；按3000万元产值计算，最高可获300万元[policy2024:24]。",
                 "最高可获300万元", id="cmo-with-caps"),
    pytest.param(TRIAL_LIMIT, "药物临床试验申请审评审批时限压缩至30个工作日[policy2024:14]。", "30个工作日", id="trial-limit"),
    pytest.param(DEVICE_DEADLINE, "现有政策文件没有规定创新医疗器械支持的申报截止时间，请以市科委、市药品监管局等责任单位发布的申报通知为准[policy2024:06]。",
                 "没有规定", id="deadline-not-specified"),
    pytest.param(DEPARTMENTS, "创新医疗器械支持的责任单位是市科委、市发展改革委、市药品监管局、市财政局[policy2024:06]。", "市科委",
                 id="departments"),
    pytest.param(PHASE_TWO_EN, "Under (5), a class 1 new drug's phase II trial may receive at most RMB 20 million, on merit [policy2024:05].",
                 "RMB 20 million", id="english-award"),
    pytest.param(TRIAL_LIMIT_EN, "The review of a drug clinical trial application is cut to 30 working days [policy2024:14].",
                 "30 working days", id="english-lookup"),
    pytest.param(PHASE_TWO_HANT, "按（五），1類新藥Ⅱ期臨床試驗擇優支持，最高2000萬元[policy2024:05]。", "最高2000萬元", id="traditional-award"),
    pytest.param(ETHICS, "牵头机构伦理审查在15个工作日内出具审查意见[policy2024:10]。", "15个工作日", id="ethics-lookup"),
]


@pytest.mark.parametrize(("question", "written", "shown"), RIGHT)
def test_a_right_answer_is_served_with_readable_citations_and_source_lines(engine, server, question, written, shown):
    answer = ask(engine, server, question, text(written))
    assert answer.written_by == "llm", answer.guard_problems
    assert shown in answer.answer and "[policy2024" not in answer.answer
    assert "沪府办规〔2024〕9号" in answer.answer or "滬府辦規〔2024〕9號" in answer.answer


@pytest.mark.parametrize("question", [PHASE_TWO, CMO, TRIAL_LIMIT, DEVICE_DEADLINE, MATERIALS, DEPARTMENTS,
                                      PHASE_TWO_EN, OUT_LICENSING, OUT_LICENSING_EN, TRIAL_LIMIT_EN, PHASE_TWO_HANT, ETHICS])
def test_a_model_that_copies_the_reference_draft_is_served(engine, server, question):
    answer = ask(engine, server, question, copy_draft())
    assert answer.written_by == "llm", answer.guard_problems
    assert "[policy" not in answer.answer


# --- the tool round trip ---------------------------------------------------------------------------
def test_an_award_plan_forces_the_calculator_and_the_result_reaches_the_model(engine, server):
    answer = ask(engine, server, PHASE_TWO,
                 tool_call({"rule_id": "m05-drug-phase2", "base_yuan": 60_000_000}),
                 text("按（五），Ⅱ期临床试验择优支持，最高2000万元[policy2024:05]。"))
    assert answer.written_by == "llm", answer.guard_problems
    first, second = server.requests
    assert first["tool_choice"] == {"type": "function", "function": {"name": "calculate_award"}}
    assert first["max_tokens"] == MAX_ANSWER_TOKENS and "max_completion_tokens" not in first  # read by every server
    [tool] = first["tools"]
    assert tool["function"]["parameters"]["properties"]["rule_id"]["enum"] == ["m05-drug-phase2"]
    assert second["tool_choice"] == "none"
    calling, result = second["messages"][-2:]
    assert calling["role"] == "assistant" and calling["content"] == "" and calling["tool_calls"]
    assert result["role"] == "tool" and json.loads(result["content"])["amount_yuan"] == 20_000_000


def test_a_tool_result_for_another_base_licenses_no_figure(engine, server):
    answer = ask(engine, server, PHASE_TWO,
                 tool_call({"rule_id": "m05-drug-phase2", "base_yuan": 30_000_000}),
                 text("最高可获1200万元[policy2024:05]。"))
    refused(answer, "1200万元")


def test_a_lookup_plan_does_not_force_a_tool(engine, server):
    ask(engine, server, TRIAL_LIMIT, text("压缩至30个工作日[policy2024:14]。"))
    [only] = server.requests
    assert only["tool_choice"] == "auto"


# --- time -----------------------------------------------------------------------------------------
def test_a_slow_model_cannot_hold_an_answer_past_the_timeout(engine, server):
    started = time.monotonic()
    answer = ask(engine, server, PHASE_TWO, slow(6), slow(6), slow(6), timeout=2.5)
    elapsed = time.monotonic() - started
    assert answer.written_by == "rules" and answer.guard_problems[0].startswith("model failed")
    assert elapsed < 5, f"the answer took {elapsed:.1f} s with a 2.5 s budget"
    assert "2000万元" in answer.answer


def test_a_server_error_serves_the_deterministic_answer(engine, server):
    answer = ask(engine, server, PHASE_TWO)  # nothing scripted: the server answers HTTP 500
    assert answer.written_by == "rules" and answer.guard_problems[0].startswith("model failed")
    assert "2000万元" in answer.answer


# --- the checked answer streamed, and the per-question report -------------------------------------
def test_the_checked_answer_is_what_streams(engine, server):
    import socket
    import threading

    import httpx
    import uvicorn

    from assistant.api.app import create_app

    server.script(text("按（五），Ⅱ期临床试验择优支持，最高2000万元[policy2024:05]。"))
    settings = engine.settings.model_copy(update={"llm_base_url": server.url, "llm_model": "scripted"})
    subject = Engine(settings, engine.retriever, engine.book, engine.catalogue, chat_model(settings))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app_server = uvicorn.Server(uvicorn.Config(create_app(settings, subject), host="127.0.0.1",
                                               port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not app_server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with httpx.stream("POST", f"http://127.0.0.1:{port}/v1/chat/stream", json={"message": PHASE_TWO}, timeout=30) as reply:
            events = [json.loads(line[6:]) for line in reply.iter_lines() if line.startswith("data: ")]
    finally:
        app_server.should_exit = True
        thread.join(timeout=10)
    *deltas, final = events
    assert final["written_by"] == "llm"
    assert "".join(d["text"] for d in deltas) == final["answer"]
    assert final["answer"].startswith("按（五），Ⅱ期临床试验择优支持，最高2000万元（沪府办规〔2024〕9号（五））")


def test_eval_llm_reports_each_question_served_or_refused_with_reasons(engine, server, settings, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    # one question of each kind in turn: an award, a lookup, a not-specified one, an out-of-scope one
    server.script(text("最高可获3000万元[policy2024:05]。"), copy_draft(), copy_draft())
    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PA_TODAY", settings.today.isoformat())
    monkeypatch.setenv("PA_LLM_BASE_URL", server.url)
    report = tmp_path / "llm.md"
    result = CliRunner().invoke(app, ["eval", "--llm", "--limit", "4", "--report", str(report)])
    assert result.exit_code == 0, result.output
    rows = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    assert [r["kind"] for r in rows] == ["award", "lookup", "not_specified", "out_of_scope"]
    assert [(r["served"], r["right"], r["model_asked"]) for r in rows] == [
        (False, None, True), (True, True, True), (True, True, True), (False, None, False)]
    assert "is not the engine's figure" in rows[0]["reasons"][0]
    table = report.read_text(encoding="utf-8")
    assert f"| {rows[0]['id']} | award |" in table and "| not asked |" in table


def test_eval_llm_without_an_endpoint_is_refused_with_exit_2(settings, monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("PA_LLM_BASE_URL", raising=False)
    result = CliRunner().invoke(app, ["eval", "--llm"])
    assert result.exit_code == 2 and "PA_LLM_BASE_URL" in result.output
