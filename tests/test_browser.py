"""A real browser (Debian's headless Chromium, driven by Playwright) against the real server.

Desktop (1280×800) and phone (390×844) pages of the chat, the hotline desk and the calculator, an
axe-core accessibility check on the three tabs, and the staff token kept out of the browser.
`scripts/test.sh` installs Chromium and axe-core when it runs as root (as CI does) and then requires
these tests; on a developer machine without Chromium they are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
AXE = Path(os.environ.get("PA_AXE_JS", ROOT / ".cache/npm/node_modules/axe-core/axe.min.js"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
STAFF_TOKEN = "staff-secret-0123456789"  # the token of the `settings` fixture
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PHASE_TWO = "我们的1类新药II期临床投入6000万，能拿多少？"

pytestmark = pytest.mark.slow


def _required() -> bool:
    return os.environ.get("PA_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if _required():
            pytest.fail("PA_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _open(browser, live_server: str, viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)  # long enough for a machine busy with other work; no measure of speed
    page.goto(live_server + "/")
    page.locator("#chat .answer").first.wait_for()
    return page


@pytest.fixture
def desktop(browser, live_server):
    page = _open(browser, live_server, DESKTOP)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser, live_server):
    page = _open(browser, live_server, PHONE)
    yield page
    page.context.close()


def ask(page, question: str) -> object:
    """Sends ``question`` and waits until its answer (with cards, when it cites) is on the page."""
    before = page.locator("#chat .answer").count()
    page.get_by_label("您的问题").fill(question)
    page.locator("#send").click()
    return wait_for_answer(page, before)


def wait_for_answer(page, before: int) -> object:
    """The answer after the first ``before`` ones, once complete (not the streamed lead). The wait is long
    enough for a machine busy with other work; it is no measure of speed."""
    page.wait_for_function("n => document.querySelectorAll('#chat .answer').length === n + 1 &&"
                           " !document.querySelector('#chat .answer-streaming')", arg=before, timeout=90_000)
    return page.locator("#chat .answer").nth(before)


def ask_and_keep(page, question: str) -> object:
    """``ask``, then wait until the browser has stored the session's receipts (just after the answer
    shows), so that a reload finds this turn."""
    stored = page.evaluate("localStorage.getItem('pa-chat-session')")
    answer = ask(page, question)
    page.wait_for_function("s => localStorage.getItem('pa-chat-session') !== s", arg=stored)
    return answer


def wait_for_restored(page, answers: int) -> None:
    """After a reload: waits until ``answers`` answers (the opening included) are back on the page, each
    in its own message (the chat renders the restored conversation in steps). The
    wait is long enough for a machine busy with other work; when it runs out, the failure says how many
    came back and what the browser kept, and a screenshot is left in test-artifacts/."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("n => document.querySelectorAll('#chat .answer').length >= n"
                               " && document.querySelectorAll(\"#chat [data-testid='bot']\").length >= n",
                               arg=answers, timeout=90_000)
    except PlaywrightTimeout:
        shot(page, "reload-timeout.png", full_page=True)
        shown = page.locator("#chat .answer").count()
        messages = page.locator("#chat [data-testid='bot']").count()
        kept = page.evaluate("localStorage.getItem('pa-chat-session') !== null")
        pytest.fail(f"after the reload {shown} of {answers} answers in {messages} messages came back"
                    f" (session kept in the browser: {kept})")


def staff_questions(live_server: str) -> list[dict]:
    response = httpx.get(f"{live_server}/v1/staff/questions", headers={"Authorization": f"Bearer {STAFF_TOKEN}"})
    assert response.status_code == 200
    return response.json()["questions"]


def shot(page, name: str, full_page: bool = False) -> None:
    """A screenshot under test-artifacts/ (the README's images in docs/ are copied from there)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


# --- chat ------------------------------------------------------------------------------------------
def test_the_page_is_chinese_and_opens_with_what_it_covers(desktop):
    assert desktop.evaluate("document.documentElement.lang") == "zh-CN"
    opening = desktop.locator("#chat .answer").first.inner_text()
    assert "沪府办规〔2024〕9号" in opening and "已到期失效" in opening
    assert "最高/不超过" in opening and "择优" in opening


def test_each_answer_carries_its_own_cards_with_the_cited_sentence_marked(desktop):
    first = ask(desktop, PHASE_TWO)
    assert "2000万元" in first.locator(".answer-lead").inner_text()
    card = first.locator(".source-card").first
    summary = card.locator("summary").inner_text()
    assert "沪府办规〔2024〕9号" in summary and "（五）" in summary and "现行有效" in summary
    assert card.get_attribute("open") is None, "the article starts collapsed"
    card.locator("summary").click()
    assert "最高分别1000万元、2000万元、3000万元" in card.locator("mark").first.inner_text()
    shot(desktop, "chat.png")
    second = ask(desktop, "伦理审查多久能完成？")
    assert "（十）" in second.locator(".source-card summary").first.inner_text()
    assert "（五）" in desktop.locator("#chat .answer").nth(1).locator(".source-card summary").first.inner_text(), \
        "the first answer keeps its own card after the next answer"


def test_feedback_on_one_answer_is_stored_in_the_log_with_a_comment(desktop, live_server):
    ask(desktop, "CMO受托生产一个品种年产值8000万，能补多少？")
    ask(desktop, "伦理审查多久能完成？")
    desktop.locator("#chat button[aria-label='踩']").nth(1).click()  # the first answer (0 is the opening)
    desktop.get_by_label("补充说明（可选）", exact=False).fill("想知道关联方怎么认定")
    desktop.locator("#comment-send").click()
    desktop.get_by_text("已记录您的说明").wait_for()
    rows = {q["question"]: q for q in staff_questions(live_server)[:5]}
    cmo = rows["CMO受托生产一个品种年产值8000万，能补多少？"]
    assert (cmo["feedback"], cmo["comment"]) == ("dislike", "想知道关联方怎么认定")
    assert rows["伦理审查多久能完成？"]["feedback"] is None


def test_a_reload_keeps_the_conversation_its_session_and_its_ratings(desktop, live_server):
    ask_and_keep(desktop, "CMO受托生产一个品种年产值3000万，能补多少？")
    desktop.reload()
    wait_for_restored(desktop, 2)
    restored = desktop.locator("#chat .answer").nth(1)
    assert "300万元" in restored.inner_text() and restored.locator(".source-card").count() >= 1
    desktop.locator("#chat button[aria-label='赞']").nth(1).click()
    desktop.get_by_text("已记录您对这条回答的评价").wait_for()
    rated = next(q for q in staff_questions(live_server) if q["question"] == "CMO受托生产一个品种年产值3000万，能补多少？")
    assert rated["feedback"] == "like", "the receipt kept in the browser still rates the restored answer"
    ask(desktop, PHASE_TWO)
    follow_up = ask(desktop, "如果研发投入是3000万呢？")
    assert "1200万元" in follow_up.locator(".answer-lead").inner_text(), "the server still holds the session"


def test_clicking_the_same_rating_again_withdraws_it_from_the_log(desktop, live_server):
    question = "CMO受托生产一个品种年产值2000万，能补多少？"
    ask(desktop, question)
    desktop.locator("#chat button[aria-label='赞']").nth(1).click()
    desktop.get_by_text("已记录您对这条回答的评价").wait_for()
    assert next(q for q in staff_questions(live_server) if q["question"] == question)["feedback"] == "like"
    desktop.locator("#chat button[aria-label='已赞（再点一次撤回）']").first.click()  # the same button, rated
    desktop.get_by_text("已撤回您对这条回答的评价").wait_for()
    withdrawn = next(q for q in staff_questions(live_server) if q["question"] == question)
    assert (withdrawn["feedback"], withdrawn["comment"]) == (None, None)


def test_new_conversation_resets_the_session(desktop):
    ask(desktop, PHASE_TWO)
    desktop.locator("#new-conversation").click()
    desktop.wait_for_function("document.querySelectorAll('#chat .answer').length === 1")
    answer = ask_and_keep(desktop, "如果研发投入是3000万呢？")
    assert "1200万元" not in answer.inner_text(), "a new conversation forgets Ⅱ期"
    desktop.reload()
    wait_for_restored(desktop, 2)
    assert desktop.locator("#chat .answer").count() == 2, "the reload shows the new conversation only"


def test_clarification_options_are_clickable(desktop):
    ask(desktop, "1类新药临床投入5000万能补多少？")
    option = desktop.locator("#chat .option", has_text="1类新药Ⅱ期临床试验支持")
    assert desktop.locator("#chat .option").count() >= 3
    before = desktop.locator("#chat .answer").count()
    option.last.click()
    wait_for_answer(desktop, before)
    assert "2000万元" in desktop.locator("#chat .answer").nth(before).locator(".answer-lead").inner_text()


def test_answers_are_rendered_as_text_never_as_html(desktop):
    ask(desktop, "<img src=x onerror=\"document.title='pwned'\">伦理审查多久？")
    assert desktop.title() != "pwned"
    assert desktop.locator("img[src='x']").count() == 0


def test_the_opening_names_the_four_documents_and_has_no_rating_buttons(desktop):
    opening = desktop.locator("#chat .answer.opening").inner_text()
    for title in ("关于支持生物医药产业全链条创新发展的若干意见", "第1228号提案的答复", "问答实录",
                  "浦东新区生物医药产业高质量发展行动方案"):
        assert title in opening, title
    ask(desktop, PHASE_TWO)
    rows = desktop.locator("#chat .message-row.bot-row")
    assert not rows.first.locator("xpath=following-sibling::div[contains(@class, 'message-buttons')][1]").is_visible()
    answer_buttons = rows.nth(1).locator("xpath=following-sibling::div[contains(@class, 'message-buttons')][1]")
    assert answer_buttons.locator("button[aria-label='赞']").is_visible(), "an answer keeps its rating buttons"


def test_a_flag_is_stored_as_its_own_kind_and_shown_so_in_the_log(desktop, live_server):
    question = "CMO受托生产一个品种年产值7000万，能补多少？"
    ask(desktop, question)
    # the answer's (the opening has none); of the buttons the page holds, the last one shown
    desktop.locator("#chat button[aria-label='其他反馈']:visible").last.click()
    desktop.locator("#chat .extra-feedback-option:visible", has_text="有错误或遗漏").last.click()
    desktop.get_by_text("已记录您对这条回答的评价").wait_for()
    assert next(q for q in staff_questions(live_server) if q["question"] == question)["feedback"] == "flag"
    open_desk(desktop)
    sign_in(desktop)
    desktop.wait_for_function("() => document.querySelector('#desk-log').innerText.includes('有错误或遗漏')")


def test_gradio_speaks_chinese_in_an_english_browser_and_shows_no_footer(browser, live_server):
    page = browser.new_context(viewport=DESKTOP, locale="en-US").new_page()
    page.set_default_timeout(60_000)
    page.goto(live_server + "/")
    page.locator("#chat .answer").first.wait_for()
    ask(page, PHASE_TWO)
    page.wait_for_timeout(300)
    labels = page.locator("#chat [aria-label], #chat [title]").evaluate_all(
        "nodes => nodes.flatMap(n => [n.getAttribute('aria-label'), n.getAttribute('title')]).filter(Boolean)")
    english = [label for label in labels if any(word in label for word in (
        "Like", "Dislike", "Copy", "Clear", "Feedback", "message", "chatbot", "conversation"))]
    assert english == [], english
    assert {"赞", "踩", "复制这条消息", "清空对话", "其他反馈"} <= set(labels), labels
    for tab in ("补贴计算", "政策匹配", "热线坐席"):  # tables, copy buttons, tabs: no English-only label anywhere
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(500)
        everywhere = page.locator("[aria-label], [title]").evaluate_all(
            "nodes => nodes.flatMap(n => [n.getAttribute('aria-label'), n.getAttribute('title')]).filter(Boolean)")
        english = [label for label in everywhere if re.search("[A-Za-z]{3,}", label) and not re.search("[一-龥]", label)]
        assert english == [], (tab, english)
    assert page.locator("footer").count() == 0 or not page.locator("footer").is_visible()
    body = page.evaluate("document.body.innerText")
    assert "Built with Gradio" not in body and "Use via API" not in body
    page.context.close()


def test_after_a_reload_every_message_keeps_its_label_and_the_latest_answer_is_in_view(desktop):
    for question in (PHASE_TWO, "那III期呢？", "伦理审查多久能完成？", "CMO受托生产一个品种年产值3000万，能补多少？"):
        ask_and_keep(desktop, question)
    desktop.reload()
    wait_for_restored(desktop, 5)
    desktop.wait_for_timeout(1000)
    labels = desktop.locator("#chat [data-testid='bot']").evaluate_all("ns => ns.map(n => n.getAttribute('aria-label'))")
    assert len(labels) == 5 and all(label.startswith("回答：") and len(label) > 10 for label in labels), labels
    users = desktop.locator("#chat [data-testid='user']").evaluate_all("ns => ns.map(n => n.getAttribute('aria-label'))")
    assert users[-1] == "提问：CMO受托生产一个品种年产值3000万，能补多少？", users
    latest = desktop.locator("#chat .answer").nth(4).locator(".answer-lead").bounding_box()
    chat = desktop.locator("#chat").bounding_box()
    assert latest is not None and chat is not None
    assert chat["y"] <= latest["y"] <= chat["y"] + chat["height"] - latest["height"], (latest, chat)


def test_on_a_phone_the_lead_and_the_first_card_are_on_screen(phone):
    answer = ask(phone, PHASE_TWO)
    phone.wait_for_timeout(500)
    for part in (answer.locator(".answer-lead"), answer.locator(".source-card summary").first):
        box = part.bounding_box()
        assert box is not None and box["y"] >= -1 and box["y"] + box["height"] <= PHONE["height"], box
    shot(phone, "chat-phone.png")
    if AXE.exists():
        phone.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        assert serious_violations(phone) == []


@pytest.fixture
def restartable(settings, engine, tmp_path):
    """``policy-assistant serve`` (one process) in its own process on one port, over the test deployment's
    data dir (its index and its state store): ``start()`` and ``stop()`` it as often as wanted."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PA_DATA_DIR": str(settings.data_dir), "PA_TODAY": settings.today.isoformat(),
           "PA_STAFF_TOKEN": STAFF_TOKEN, "PA_ADMIN_TOKEN": settings.admin_token.get_secret_value(),
           "PA_WORKERS": "1"}
    env.pop("PA_SECRET_KEY", None)  # the key generated into the data dir is the one every start reads
    running: list[subprocess.Popen] = []

    class Served:
        url = f"http://127.0.0.1:{port}"

        def start(self) -> None:
            with (tmp_path / "serve.log").open("ab") as log:
                running.append(subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                                                env=env, stdout=log, stderr=log))
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                assert running[-1].poll() is None, (tmp_path / "serve.log").read_text(errors="replace")[-2000:]
                try:
                    if httpx.get(self.url + "/healthz", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
            raise AssertionError("the served process did not start")

        def stop(self) -> None:
            """SIGTERM, as a deployment restarts it; the open page's streams must not hold the shutdown."""
            process = running[-1]
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
                raise
            finally:
                running.pop()

    served = Served()
    yield served
    while running:
        served.stop()


def test_a_restart_keeps_the_conversation_and_the_staff_sign_in(browser, restartable):
    restartable.start()
    page = _open(browser, restartable.url, DESKTOP)
    ask_and_keep(page, "CMO受托生产一个品种年产值3000万，能补多少？")
    open_desk(page)
    page.get_by_text("问答与来电日志").click()
    page.locator("#desk-token").fill(STAFF_TOKEN)
    page.locator("#desk-sign-in button[type=submit]").click()
    page.get_by_text("已登录", exact=False).wait_for()
    context = page.context
    page.close()  # the tab is closed while the service restarts (an open one reconnects by itself)
    restartable.stop()
    restartable.start()  # a new process: nothing of the first one's memory is left
    page = context.new_page()  # the same browser: its storage and its session cookie
    page.set_default_timeout(60_000)
    page.goto(restartable.url + "/")
    wait_for_restored(page, 2)
    restored = page.locator("#chat .answer").nth(1)
    assert "300万元" in restored.inner_text() and restored.locator(".source-card").count() >= 1
    follow_up = ask(page, "如果年产值是6000万呢？")
    assert "500万元" in follow_up.locator(".answer-lead").inner_text(), "the server still holds the session"
    open_desk(page)
    page.get_by_text("问答与来电日志").click()
    page.locator("#desk-refresh").click(force=True)
    page.get_by_text("已登录", exact=False).wait_for()
    page.wait_for_function("() => document.querySelector('#desk-log').innerText.includes('如果年产值是6000万呢')")
    page.context.close()


# --- hotline desk ----------------------------------------------------------------------------------
def open_desk(page) -> None:
    page.get_by_role("tab", name="热线坐席").click()
    page.get_by_label("来电问题").wait_for()


def desk_search(page, question: str) -> None:
    box = page.get_by_label("来电问题")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function("q => document.querySelector('#desk-script textarea').value.length > 0 &&"
                           " document.querySelector('#desk-article .source-card')", arg=question)


def test_the_desk_answers_without_sign_in_on_one_screen(desktop):
    open_desk(desktop)
    desk_search(desktop, "伦理审查多久")
    script = desktop.locator("#desk-script textarea").input_value()
    assert "3周" in script and "责任单位" not in script, "the script is the answer's lead, not the article"
    card = desktop.locator("#desk-article .source-card").first
    assert card.get_attribute("open") is None and "（十）" in card.inner_text()
    assert desktop.locator("#desk-badges .badge-dept").count() >= 1
    assert desktop.locator("#desk-badges .badge-ok").inner_text() == "现行有效"
    for part in ("#desk-query", "#desk-search", "#desk-script", "#desk-article", "#desk-save"):
        box = desktop.locator(part).bounding_box()
        assert box is not None and box["y"] + box["height"] <= DESKTOP["height"], part
    shot(desktop, "desk.png")


def test_the_desk_answers_a_clarifying_question_in_place(desktop):
    open_desk(desktop)
    desk_search(desktop, "1类新药临床投入5000万能补多少")
    options = desktop.locator("#desk-options")
    options.get_by_text("1类新药Ⅲ期临床试验支持", exact=False).click()
    desktop.wait_for_function("() => document.querySelector('#desk-script textarea').value.includes('2000万元')")


def test_the_log_shows_only_after_sign_in_and_holds_the_call_record(desktop, live_server):
    open_desk(desktop)
    desk_search(desktop, "伦理审查多久")
    desktop.locator("#desk-staff textarea, #desk-staff input").first.fill("坐席07")
    desktop.get_by_role("radio", name="个人").check()
    desktop.get_by_role("radio", name="转相关部门").check()
    desktop.get_by_label("备注").fill("来电人询问伦理审查时限，已告知3周")
    desktop.locator("#desk-save").click()
    desktop.get_by_text("转办时请选择或填写转办部门").wait_for()
    department = desktop.locator("#desk-transfer input")
    department.click()
    department.fill("市卫生健康委")
    department.press("Enter")
    desktop.locator("#desk-save").click()
    desktop.get_by_text("已保存来电记录").wait_for()
    desktop.get_by_text("问答与来电日志").click()
    desktop.locator("#desk-refresh").click(force=True)
    desktop.get_by_text("未登录", exact=False).first.wait_for()
    assert "伦理审查多久" not in desktop.locator("#desk-log").inner_text()
    desktop.locator("#desk-token").fill("not-the-staff-token-000")
    desktop.locator("#desk-sign-in button[type=submit]").click()
    desktop.get_by_text("登录失败：坐席令牌不正确", exact=False).wait_for()
    assert "token" not in desktop.locator("#desk-sign-in-message").inner_text(), "the failure is said in Chinese"
    desktop.locator("#desk-token").fill(STAFF_TOKEN)
    desktop.locator("#desk-sign-in button[type=submit]").click()
    desktop.get_by_text("已登录", exact=False).wait_for()
    desktop.wait_for_function("() => document.querySelector('#desk-calls').innerText.includes('已告知3周')")
    calls = desktop.locator("#desk-calls").inner_text()
    assert "个人" in calls and "转相关部门" in calls and "市卫生健康委" in calls and "伦理审查多久" in calls
    assert "坐席07" in calls, "the record names the agent who took the call"
    log = desktop.locator("#desk-log").inner_text()
    assert "伦理审查多久" in log and "已回答" in log
    shot(desktop, "desk-log.png")
    # the export: a link to the signed-in route; what it serves needs this browser's sign-in
    desktop.locator("#desk-export").click()
    link = desktop.locator("#desk-export-link a[href]").first
    link.wait_for()
    href = live_server + "/" + link.get_attribute("href")
    assert "/ui/desk/export.csv" in href and "gradio_api/file" not in href
    exported = desktop.context.request.get(href)
    assert exported.status == 200 and exported.headers["content-disposition"].startswith("attachment;")
    assert "伦理审查多久" in exported.body().decode("utf-8-sig")
    anonymous = httpx.get(href)
    assert anonymous.status_code == 401 and "伦理审查多久" not in anonymous.text
    desktop.locator("#desk-date-filter textarea, #desk-date-filter input").first.fill("30/11/2026")
    desktop.locator("#desk-date-filter textarea, #desk-date-filter input").first.press("Enter")
    desktop.get_by_text("日期格式应为 YYYY-MM-DD").wait_for()
    # the token is neither in the page's storage nor in Gradio's run history, and the cookie is HttpOnly
    storage = desktop.evaluate("JSON.stringify({local: {...localStorage}, session: {...sessionStorage}})")
    assert STAFF_TOKEN not in storage and "pa_desk" not in desktop.evaluate("document.cookie")
    runs = desktop.context.new_page()
    runs.goto(live_server + "/gradio_api/runs")
    runs.wait_for_timeout(2000)
    assert STAFF_TOKEN not in runs.content()
    assert STAFF_TOKEN not in runs.evaluate("JSON.stringify({...localStorage})")
    # signing out takes the link away and the route refuses this browser's (now signed-out) cookie
    cookie = next(c for c in desktop.context.cookies() if c["name"] == "pa_desk")
    desktop.locator("#desk-sign-out").click()
    desktop.get_by_text("未登录", exact=False).first.wait_for()
    desktop.wait_for_function("() => !document.querySelector('#desk-export-link a')")
    assert desktop.context.request.get(href).status == 401
    assert httpx.get(href, cookies={"pa_desk": cookie["value"]}).status_code == 401, "a copy of the cookie is refused"
    # a fresh browser session must sign in again
    other = desktop.context.browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    other.goto(live_server + "/")
    open_desk(other)
    other.get_by_text("问答与来电日志").click()
    other.locator("#desk-refresh").click(force=True)
    other.get_by_text("未登录", exact=False).first.wait_for()
    assert "已告知3周" not in other.locator("#desk-calls").inner_text()
    other.context.close()


def sign_in(page) -> None:
    page.get_by_text("问答与来电日志").click()
    page.locator("#desk-token").fill(STAFF_TOKEN)
    page.locator("#desk-sign-in button[type=submit]").click()
    page.get_by_text("已登录", exact=False).wait_for()


def test_the_browser_keeps_no_chat_turns_or_desk_questions(desktop, live_server):
    """A hotline workstation is shared: no run history, only the chat's (encrypted) session and receipts."""
    ask(desktop, "CMO受托生产一个品种年产值4000万，能补多少？")
    open_desk(desktop)
    desk_search(desktop, "伦理审查要多久完成")
    desktop.locator("#desk-save").click()
    desktop.get_by_text("已保存来电记录").wait_for()
    storage = desktop.evaluate("({local: {...localStorage}, session: {...sessionStorage}})")
    assert list(storage["local"]) == ["pa-chat-session"], list(storage["local"])
    kept = json.dumps(storage, ensure_ascii=False)
    for text in ("CMO受托生产", "4000万", "伦理审查要多久", "400万元", "来电"):
        assert text not in kept, text
    assert httpx.get(live_server + "/gradio_api/runs").status_code == 404, "the run history page is off"


# --- calculator ------------------------------------------------------------------------------------
def open_calculator(page) -> None:
    page.get_by_role("tab", name="补贴计算").click()
    page.locator("#calc-search").wait_for()


def choose_rule(page, query: str, rule_name: str) -> None:
    """Types ``query`` into the rule search and waits until the form shows the rule named ``rule_name``."""
    page.locator("#calc-search textarea, #calc-search input").first.fill(query)
    page.wait_for_function("name => document.querySelector('#calc-rule input').value.includes(name)", arg=rule_name)
    page.wait_for_timeout(1000)  # the form's labels follow the chosen rule


def test_the_calculator_applies_the_annual_cap_across_three_items(desktop):
    open_calculator(desktop)
    choose_rule(desktop, "CMO", "合同研发生产组织（CMO）受托生产支持")
    assert "受托年生产产值" in desktop.locator("#calc-base").inner_text()
    assert not desktop.locator("#calc-threshold").is_visible()
    base = desktop.locator("#calc-base textarea, #calc-base input").first
    for amount in ("6000万", "5000万", "4000万"):
        base.fill(amount)
        desktop.locator("#calc-add").click()
        desktop.wait_for_function("a => document.querySelector('#calc-items').innerText.includes(a + ' →')"
                                  " || document.querySelector('.form-error')", arg=amount)
        assert desktop.locator(".form-error").count() == 0, desktop.locator(".form-error").inner_text()
    desktop.locator("#calc-compute").click()
    result = desktop.locator("#calc-result")
    result.wait_for()
    text = result.inner_text()
    assert "合计最高 1000万元" in text and "min(500万元 + 500万元 + 400万元, 1000万元)" in text
    assert "1400万元" in text and "不是承诺金额" in text
    shot(desktop, "calculator.png", full_page=True)  # the result sits below the list


def test_the_calculator_asks_for_a_unit_and_finds_rules_written_either_way(desktop):
    open_calculator(desktop)
    choose_rule(desktop, "II期", "1类新药Ⅱ期临床试验支持")
    assert "研发投入" in desktop.locator("#calc-base").inner_text()
    assert not desktop.locator("#calc-threshold").is_visible(), "首付款 belongs to the licensing rule only"
    desktop.locator("#calc-base textarea, #calc-base input").first.fill("6000")
    desktop.locator("#calc-compute").click()
    error = desktop.locator(".form-error")
    error.wait_for()
    assert "6000元" in error.inner_text() and "6000万元" in error.inner_text()
    choose_rule(desktop, "首付款", "首付款")
    assert desktop.locator("#calc-threshold").is_visible()
    assert "首付款" in desktop.locator("#calc-threshold").inner_text()


def test_the_calculator_search_and_its_refusals_speak_plainly(desktop):
    open_calculator(desktop)
    for query in ("二期", "2期", "II期", "Ⅱ期"):
        choose_rule(desktop, query, "1类新药Ⅱ期临床试验支持")
    search = desktop.locator("#calc-search textarea, #calc-search input").first
    search.fill("没有这一项")
    desktop.get_by_text("没有找到包含「没有这一项」的事项").wait_for()
    choose_rule(desktop, "Ⅱ期", "1类新药Ⅱ期临床试验支持")
    assert desktop.get_by_text("没有找到包含", exact=False).count() == 0, "the hint goes after a search that finds"
    base = desktop.locator("#calc-base textarea, #calc-base input").first
    for typed, says in (("abc", "不是可识别的金额"), ("0", "应当是大于零的金额"), ("约5000万", "是约数"),
                        ("5000万美元", "不是人民币金额")):
        base.fill(typed)
        desktop.locator("#calc-compute").click()
        desktop.wait_for_function("s => document.querySelector('.form-error')?.innerText.includes(s)", arg=says)
        body = desktop.evaluate("document.body.innerText")
        assert "common." not in body, body[-300:]
        assert "还是" not in desktop.locator(".form-error").inner_text(), "a unit question only for a bare number"


# --- accessibility ---------------------------------------------------------------------------------
def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is (axe must be injected)."""
    violations = page.evaluate("async () => (await axe.run(document)).violations"
                               ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations_on_the_three_tabs(desktop):
    if not AXE.exists():
        if _required():
            pytest.fail(f"PA_REQUIRE_BROWSER=1 but axe-core is missing at {AXE} (scripts/test.sh installs it)")
        pytest.skip("axe-core is not installed (scripts/test.sh installs it from npm)")
    ask(desktop, PHASE_TWO)
    desktop.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = {}
    for tab in ("政策问答", "补贴计算", "热线坐席"):
        desktop.get_by_role("tab", name=tab).click()
        desktop.wait_for_timeout(500)
        found[tab] = serious_violations(desktop)
    assert found == {"政策问答": [], "补贴计算": [], "热线坐席": []}, json.dumps(found, ensure_ascii=False)
    desktop.get_by_role("tab", name="政策问答").click()
    labels = desktop.locator("#chat [data-testid='bot']").evaluate_all("nodes => nodes.map(n => n.getAttribute('aria-label'))")
    assert labels and all(label.startswith("回答：") and "<" not in label for label in labels), labels
