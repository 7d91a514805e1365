"""The UI's own pieces without a browser: source cards, the calculator form, desk sign-in and records.

The browser tests (tests/test_browser.py) drive the same pieces through the page.
"""

from __future__ import annotations

import csv
import io

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.service import Service
from assistant.store import open_store
from ui.calculator_tab import FormError, RuleForm, amount, calculation_html, rule_choices
from ui.cards import card, cited_sentences
from ui.context import UiContext
from ui.desk_auth import COOKIE, DeskSignIns, desk_router, signed_in
from ui.desk_tab import shanghai_time

PHASE_TWO = "m05-drug-phase2"


@pytest.fixture(scope="module")
def ctx(settings, engine, tmp_path_factory) -> UiContext:
    store = open_store(settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("ui")}))
    return UiContext(service=Service(settings, engine, store), calls=store.calls, sign_ins=DeskSignIns.of(settings, store.sign_outs))


def test_the_card_marks_the_sentence_the_answer_quotes(engine, ctx):
    answer = engine.ask("我们的1类新药II期临床投入6000万，能拿多少？")
    citation = answer.citations[0]
    marked = cited_sentences(citation.text, answer.answer)
    assert any("最高分别1000万元、2000万元、3000万元" in s for s in marked)
    html = card(citation, answer.answer, ctx.status_of)
    assert html.startswith("<details class='source-card'>") and "<mark>" in html
    assert "沪府办规〔2024〕9号 · （五）" in html and "badge-ok" in html


def test_card_text_is_escaped(ctx, engine):
    citation = engine.ask("伦理审查多久？").citations[0].model_copy(update={"text": "<script>x()</script>审查。"})
    assert "<script>" not in card(citation, "<script>", ctx.status_of)


@pytest.mark.parametrize("typed", ["6000", "6,000", " 6000 "])
def test_a_bare_number_is_echoed_with_both_units(typed):
    with pytest.raises(FormError) as error:
        amount(typed)
    assert "6" in str(error.value) and "元" in str(error.value) and "万元" in str(error.value)


def test_amounts_with_units_pass_and_nonsense_is_refused_in_chinese():
    assert amount("6000万") == "6000万" and amount("0.6亿") == "0.6亿" and amount("") is None
    with pytest.raises(FormError, match="不是可识别的金额"):
        amount("一些钱")
    with pytest.raises(FormError, match="是约数"):
        amount("六千多")


@pytest.mark.parametrize("query", ["II期", "Ⅱ期", "ii期"])
def test_rules_are_found_whichever_way_the_numeral_is_written(ctx, query):
    found = dict((rule_id, label) for label, rule_id in rule_choices(ctx, query))
    assert PHASE_TWO in found and found[PHASE_TWO].startswith("（五）")


def test_a_rule_form_asks_only_for_that_rules_inputs(ctx):
    phase_two = RuleForm(ctx, PHASE_TWO)
    assert phase_two.takes_base and phase_two.base_label().startswith("研发投入") and phase_two.threshold is None
    with pytest.raises(FormError, match="请填写研发投入"):
        phase_two.inputs("", "", [])
    licensing = RuleForm(ctx, next(r.id for r in ctx.engine().book.rules if "upfront_at_least_1yi" in r.conditions))
    assert "首付款" in licensing.threshold_label()
    special_review = RuleForm(ctx, "m06-device-special-review")
    assert not special_review.takes_base and special_review.inputs("", "", []) == {}


def test_three_cmo_items_meet_the_annual_cap(ctx):
    from assistant.rules.calculator import Item

    form = RuleForm(ctx, "m24-cmo")
    items = [Item("m24-cmo", form.inputs(value, "", [])) for value in ("6000万", "5000万", "4000万")]
    assert ctx.engine().estimate(items).total_yuan == 10_000_000


def test_log_times_are_shown_in_shanghai_time():
    assert shanghai_time("2026-11-30T16:30:00+00:00") == "2026-12-01 00:30"


def test_desk_sign_in_sets_an_http_only_session_cookie_and_refuses_a_wrong_token(settings, ctx):
    sign_ins = DeskSignIns.of(settings, ctx.service.store.sign_outs)
    app = FastAPI()
    app.include_router(desk_router(settings, sign_ins))
    client = TestClient(app)
    wrong = client.post("/ui/desk/sign-in", headers={"Authorization": "Bearer not-the-token-0000"})
    assert wrong.status_code == 401
    right = client.post("/ui/desk/sign-in",
                        headers={"Authorization": f"Bearer {settings.staff_token.get_secret_value()}"})
    assert right.status_code == 204
    cookie = right.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Max-Age" not in cookie and "expires" not in cookie.lower(), "it ends with the browser session"
    assert settings.staff_token.get_secret_value() not in cookie
    value = right.cookies[COOKIE]
    assert signed_in(sign_ins, {COOKIE: value}) and not signed_in(sign_ins, {COOKIE: "made-up"})
    assert client.get("/ui/desk/sign-in").status_code == 204
    assert client.post("/ui/desk/sign-out").status_code == 204
    assert not signed_in(sign_ins, {COOKIE: value})
    assert client.get("/ui/desk/sign-in", cookies={COOKIE: value}).status_code == 401, "a replayed copy is refused"


def test_without_a_staff_token_nobody_can_sign_in(settings, ctx):
    app = FastAPI()
    unset = settings.model_copy(update={"staff_token": None})
    app.include_router(desk_router(unset, DeskSignIns.of(unset, ctx.service.store.sign_outs)))
    assert TestClient(app).post("/ui/desk/sign-in", headers={"Authorization": "Bearer anything-at-all-00"}).status_code == 401


def test_a_conversation_is_read_back_from_the_log_in_order(ctx, engine):
    first = engine.ask("我们的1类新药II期临床投入6000万，能拿多少？")
    second = engine.ask("如果研发投入是3000万呢？", first.session_id)
    receipts = [ctx.log.record_answer("我们的1类新药II期临床投入6000万，能拿多少？", first, "ui"),
                ctx.log.record_answer("如果研发投入是3000万呢？", second, "ui")]
    ctx.log.record_answer("another surface", second, "api")
    rows = ctx.log.conversation(first.session_id, "ui")
    assert [r.question for r in rows] == ["我们的1类新药II期临床投入6000万，能拿多少？", "如果研发投入是3000万呢？"]
    assert [r.answer_id for r in rows] == [r.answer_id for r in receipts] and "1200万元" in rows[1].answer
    assert ctx.log.conversation("no-such-session", "ui") == []


def test_a_sign_in_holds_in_another_process_and_after_a_restart(settings, ctx):
    """Two ``DeskSignIns`` of one deployment are what two processes (or one before and after a restart) hold."""
    sign_outs = ctx.service.store.sign_outs
    issued = DeskSignIns.of(settings, sign_outs).issue()
    assert signed_in(DeskSignIns.of(settings, sign_outs), {COOKIE: issued})
    assert not signed_in(DeskSignIns.of(settings, sign_outs),
                         {COOKIE: issued[:-1] + ("0" if issued[-1] != "0" else "1")})
    rotated = settings.model_copy(update={"staff_token": SecretStr("another-staff-token-000")})
    assert not signed_in(DeskSignIns.of(rotated, sign_outs), {COOKIE: issued}), "a new staff token ends every sign-in"
    expired = DeskSignIns.of(settings, sign_outs)
    expired.seconds = -1
    assert not signed_in(DeskSignIns.of(settings, sign_outs), {COOKIE: expired.issue()})
    for forged in ("", "4102444800.abc.", "4102444800..", "not-a-sign-in", "9" * 20 + ".x.y"):
        assert not signed_in(DeskSignIns.of(settings, sign_outs), {COOKIE: forged})
    DeskSignIns.of(settings, sign_outs).revoke(issued)
    assert not signed_in(DeskSignIns.of(settings, sign_outs), {COOKIE: issued}), "signed out for every holder"


def test_the_secret_is_generated_once_private_and_shared_by_every_process(settings, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from assistant.secret_key import SECRET_FILE, derived_key, secret_key

    own = settings.model_copy(update={"data_dir": tmp_path / "fresh"})
    with ThreadPoolExecutor(8) as pool:  # processes starting together agree on one key
        keys = set(pool.map(lambda _: secret_key(own), range(16)))
    assert len(keys) == 1 and len(keys.pop()) >= 32
    assert (own.data_dir / SECRET_FILE).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in own.data_dir.iterdir()] == [SECRET_FILE], "no draft file is left behind"
    assert derived_key(own, "desk-sign-in") != derived_key(own, "chat-browser-storage")
    configured = own.model_copy(update={"secret_key": SecretStr("a-configured-secret-000")})
    assert secret_key(configured) == b"a-configured-secret-000"


def test_a_short_secret_key_is_refused_at_start(monkeypatch, tmp_path):
    from assistant.settings import SettingsError, load_settings

    monkeypatch.setenv("PA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PA_SECRET_KEY", "short")
    with pytest.raises(SettingsError, match="PA_SECRET_KEY: must be at least 16 characters"):
        load_settings()


def test_the_chat_storage_key_is_the_same_in_every_process(ctx, settings, engine):
    """The page of a second process (or of the service after a restart) decrypts what the first stored."""
    import gradio as gr

    from ui.app import build_blocks

    def storage_secret(context: UiContext) -> str:
        blocks = build_blocks(context)
        return next(c.secret for c in blocks.blocks.values() if isinstance(c, gr.BrowserState))

    other = UiContext(service=Service(settings, engine, ctx.service.store), calls=ctx.calls,
                      sign_ins=DeskSignIns.of(settings, ctx.service.store.sign_outs))
    first, second = storage_secret(ctx), storage_secret(other)
    assert first == second and len(first) == 64
    assert settings.staff_token.get_secret_value() not in first


LICENSING = "upfront_at_least_1yi"


@pytest.mark.parametrize(("listed", "base", "threshold", "says"), [
    ([], "6000", "", "6000元 还是 6000万元"),  # no unit
    ([], "-6000万", "", "应当是大于零的金额"),  # negative
    ([], "0万", "", "应当是大于零的金额"),
    ([], "六千多", "", "是约数"),
    ([], "一些钱", "", "不是可识别的金额"),
    ([], "", "", "请填写研发投入"),
    ([], "6000万", "1亿", "不需要填写这项金额"),  # 首付款 on a rule that does not take it
    ([{"rule_id": PHASE_TWO, "inputs": {"base_yuan": "6000万", "upfront_yuan": "1亿"}, "echo": []}], "", "",
     "请检查所选事项和金额"),  # a field the rule does not take, however it got into the list
    ([{"rule_id": PHASE_TWO, "inputs": {"base_yuan": "-1万"}, "echo": []}], "", "", "请检查所选事项和金额"),
    ([{"rule_id": "no-such-rule", "inputs": {}, "echo": []}], "", "", "请先选择一个支持事项"),
])
def test_the_calculator_refuses_bad_inputs_in_chinese_without_internal_text(ctx, listed, base, threshold, says):
    import re

    shown = calculation_html(ctx, listed, PHASE_TWO, base, threshold, [])
    assert "form-error" in shown and says in shown, shown
    text = re.sub(r"<[^>]+>", "", shown)
    assert not re.search(r"[A-Za-z]{3,}", text.replace("class", "")), f"English reached the page: {text}"
    assert PHASE_TWO not in shown and "base_yuan" not in shown and "upfront" not in shown


@pytest.mark.slow
def test_a_desk_sign_out_holds_in_every_process_of_the_deployment(tmp_path):
    """Two serving processes of one deployment (one data dir: its state store and its secret), as two
    UI processes behind a load balancer, or one service before and after a restart."""
    import httpx

    from eval import served

    staff = "desk-two-process-token-0123"
    env = {"PA_STAFF_TOKEN": staff}
    first = served.start(tmp_path / "data", workers=1, extra_env=env)
    try:
        second = served.start(tmp_path / "data", workers=1, extra_env=env)
        try:
            signed = httpx.post(first.url + "/ui/desk/sign-in", headers={"Authorization": f"Bearer {staff}"}, timeout=30)
            assert signed.status_code == 204
            cookie = {COOKIE: signed.cookies[COOKIE]}
            assert httpx.get(second.url + "/ui/desk/sign-in", cookies=cookie, timeout=30).status_code == 204
            assert httpx.post(second.url + "/ui/desk/sign-out", cookies=cookie, timeout=30).status_code == 204
            for server in (first, second):
                refused = httpx.get(server.url + "/ui/desk/sign-in", cookies=cookie, timeout=30)
                assert refused.status_code == 401, "the signed-out cookie is refused by the process that signed it in too"
        finally:
            second.stop()
        restarted = served.start(tmp_path / "data", workers=1, extra_env=env)
        try:
            assert httpx.get(restarted.url + "/ui/desk/sign-in", cookies=cookie, timeout=30).status_code == 401
        finally:
            restarted.stop()
    finally:
        first.stop()


# --- the staff log's export ------------------------------------------------------------------------
def _signed_in_cookie(live_server: str, settings) -> dict[str, str]:
    import httpx

    signed = httpx.post(f"{live_server}/ui/desk/sign-in",
                        headers={"Authorization": f"Bearer {settings.staff_token.get_secret_value()}"}, timeout=30)
    assert signed.status_code == 204
    return {COOKIE: signed.cookies[COOKIE]}


def test_the_log_export_is_served_only_to_a_signed_in_desk_and_leaves_no_file(live_server, settings, tmp_path):
    """On the real server: the CSV is built per request for a live sign-in and written nowhere."""
    import os
    import tempfile
    import time
    from pathlib import Path

    import httpx

    marker = f"导出测试{time.time_ns()}：伦理审查多久？"
    assert httpx.post(f"{live_server}/v1/chat", json={"message": marker}, timeout=60).status_code == 200
    started = time.time()
    cookie = _signed_in_cookie(live_server, settings)
    url = f"{live_server}/ui/desk/export.csv"
    exported = httpx.get(url, cookies=cookie, timeout=30)
    assert exported.status_code == 200
    assert exported.headers["content-disposition"].startswith('attachment; filename="questions-')
    assert exported.headers["cache-control"] == "no-store"
    rows = exported.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("编号,时间（上海）,状态,反馈") and any(marker in row for row in rows)
    answered = httpx.get(url, params={"status": "answered"}, cookies=cookie, timeout=30).content.decode("utf-8-sig")
    assert "超出范围" not in answered and "需追问" not in answered, "the status filter holds in the export"
    for refused in (httpx.get(url, timeout=30), httpx.get(url, cookies={COOKIE: "made-up.sign.in"}, timeout=30)):
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"
        assert marker not in refused.text
    bad_day = httpx.get(url, params={"day": "30/11/2026"}, cookies=cookie, timeout=30)
    assert bad_day.status_code == 422 and "YYYY-MM-DD" in bad_day.json()["error"]["message"]
    assert httpx.post(f"{live_server}/ui/desk/sign-out", cookies=cookie, timeout=30).status_code == 204
    replayed = httpx.get(url, cookies=cookie, timeout=30)
    assert replayed.status_code == 401, "a signed-out cookie, replayed, exports nothing"
    # nothing was written: no CSV holding the log anywhere under the temp folder (Gradio's uploads included)
    roots = {Path(tempfile.gettempdir()), Path(os.environ.get("GRADIO_TEMP_DIR", tempfile.gettempdir()))}
    for root in roots:
        for path in root.glob("**/*.csv"):
            try:
                recent = path.stat().st_mtime >= started - 1
                assert not (recent and marker in path.read_text(encoding="utf-8-sig", errors="replace")), path
            except (PermissionError, FileNotFoundError):
                continue


def test_the_call_records_export_holds_each_call_with_its_whole_questions_for_a_signed_in_desk_only(
        live_server, settings, engine):
    """A supervisor downloads the day's calls: who called, how each ended, the note and every question asked."""
    import httpx

    question = "委托方是我们公司的股东，还能拿CMO支持吗？（通话导出）"
    store = open_store(settings)
    receipt = store.questions.record_answer(question, engine.ask(question), "desk")
    assert receipt.question_id is not None
    record = store.calls.open("企业", staff="坐席12", note="来电方要求书面答复", session_id="call-export")
    store.calls.link(record.id, receipt.question_id)
    store.calls.transfer(record.id, "市经济信息化委")
    url = f"{live_server}/ui/desk/calls.csv"
    assert httpx.get(url, timeout=30).status_code == 401, "no sign-in, no call records"
    exported = httpx.get(url, cookies=_signed_in_cookie(live_server, settings), timeout=30)
    assert exported.status_code == 200 and exported.headers["cache-control"] == "no-store"
    assert exported.headers["content-disposition"].startswith('attachment; filename="calls-')
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "接听时间（上海）", "结束时间（上海）"]
    ours = next(row for row in rows if row[0] == str(record.id))
    assert ours[3] == "坐席12", "the agent who took the call"
    assert ours[5] == "转相关部门" and ours[6] == "市经济信息化委" and ours[8] == "来电方要求书面答复"
    assert ours[9] == str(receipt.question_id) and ours[10] == question and ours[2], "closed, with the whole question"
    bad_day = httpx.get(url, params={"day": "2026/12/01"}, cookies=_signed_in_cookie(live_server, settings), timeout=30)
    assert bad_day.status_code == 422 and bad_day.json()["error"]["code"]


def test_the_export_link_is_relative_to_the_page_and_keeps_the_filters():
    from ui.desk_export import CALLS_PATH, export_link

    assert export_link("", "") == "ui/desk/export.csv"
    assert export_link("answered", " 2026-11-30 ") == "ui/desk/export.csv?status=answered&day=2026-11-30"
    assert export_link("answered", "2026-11-30", CALLS_PATH) == "ui/desk/calls.csv?day=2026-11-30", "calls: by day only"


def test_the_export_holds_whole_questions_comments_and_feedback_in_words(ctx, engine):
    from ui.desk_log import export_csv, question_rows

    question = "我们的1类新药II期临床投入6000万，能拿多少？" * 3
    receipt = ctx.log.record_answer(question, engine.ask("我们的1类新药II期临床投入6000万，能拿多少？"), "ui")
    assert ctx.log.feedback(receipt.answer_id, "flag", "漏了年度上限", token=receipt.feedback_token)
    logged = [q for q in ctx.log.recent(5) if q.answer_id == receipt.answer_id]
    text = export_csv(logged).decode("utf-8")
    assert text.startswith("\ufeff") and question in text and "有错误或遗漏" in text and "漏了年度上限" in text
    assert question_rows(logged)[0][3] == "有错误或遗漏", "the log shows a flag as its own kind"
    assert len(question_rows(logged)[0][5]) == 60, "the on-screen log shortens the question"


# --- chat: ratings and the opening message --------------------------------------------------------
def test_the_flag_option_is_its_own_feedback_kind():
    from ui.chat_tab import rating_of

    assert [rating_of(True), rating_of(False), rating_of("有错误或遗漏"), rating_of("made up")] == \
        ["like", "dislike", "flag", None]


def test_the_opening_message_names_every_document_covered(ctx):
    from ui.chat_tab import opening_message

    text = opening_message(ctx)["content"]
    for document in ctx.engine().catalogue.indexed():
        assert document.title in text, document.title
    assert "最高/不超过" in text


# --- calculator: amounts and search ---------------------------------------------------------------
@pytest.mark.parametrize(("typed", "says"), [
    ("0", "应当是大于零的金额"), ("0万", "应当是大于零的金额"), ("-5000万", "应当是大于零的金额"),
    ("约5000万", "是约数"), ("5000万左右", "是约数"), ("5000万美元", "不是人民币金额"), ("USD 5 million", "不是人民币金额"),
    ("abc", "不是可识别的金额"),
])
def test_each_refused_amount_gets_its_own_reason(typed, says):
    with pytest.raises(FormError, match=says):
        amount(typed)


@pytest.mark.parametrize("query", ["二期", "2期", "II期", "Ⅱ期", "第二期", "Ⅱ"])
def test_a_stage_is_found_however_its_numeral_is_written(ctx, query):
    found = [rule_id for _, rule_id in rule_choices(ctx, query)]
    assert PHASE_TWO in found, query
    assert "m05-drug-phase3" not in found or query == "Ⅱ", "二期 is not 三期"


def test_conditions_are_ticked_by_their_text_and_never_show_an_id(ctx):
    form = RuleForm(ctx, PHASE_TWO)
    assert form.facts and all(value == text and "_" not in value for text, value in form.facts)
    ticked = form.inputs("6000万", "", [form.facts[0][1]])
    assert [key for key, value in ticked.items() if value is True] != [], "a ticked text is its condition"


def test_the_sign_in_form_carries_its_failure_messages_in_chinese():
    from ui.desk_tab import sign_in_form

    form = sign_in_form()
    assert "data-failed-401='登录失败：坐席令牌不正确" in form
    assert "data-failed-429='登录失败：错误次数过多" in form and "data-failed-other='登录失败" in form


def test_the_early_script_goes_first_in_the_page_head_and_nowhere_else():
    from fastapi.responses import HTMLResponse, JSONResponse

    from ui.early_script import EarlyScript

    app = FastAPI()
    app.get("/")(lambda: HTMLResponse("<html><head><title>t</title></head><body></body></html>"))
    app.get("/other")(lambda: HTMLResponse("<html><head></head></html>"))
    app.get("/v1/data")(lambda: JSONResponse({"head": "<head>"}))
    app.add_middleware(EarlyScript, script="window.early = 1;")
    client = TestClient(app)
    page = client.get("/")
    assert page.text.startswith("<html><head><script>window.early = 1;</script><title>")
    assert int(page.headers["content-length"]) == len(page.content)
    assert client.get("/other").text == "<html><head></head></html>"
    assert client.get("/v1/data").json() == {"head": "<head>"}
    with pytest.raises(ValueError):
        EarlyScript(app, script="</script><script>x()")


def test_only_the_restore_writes_the_chat_when_the_page_loads(ctx):
    """A reload shows the restored conversation and nothing resets it after: the chat's value is no page-load
    function of its own (that would race the restore, and a late reset left only the opening)."""
    import gradio as gr

    from ui.app import build_blocks

    blocks = build_blocks(ctx)
    chat = next(c for c in blocks.blocks.values() if isinstance(c, gr.Chatbot) and c.elem_id == "chat")
    writers = [fn for fn in blocks.fns.values()
               if any(event == "load" for _, event in fn.targets) and chat in fn.outputs]
    assert len(writers) == 1 and writers[0].fn is not None and writers[0].fn.__name__ == "restore"
