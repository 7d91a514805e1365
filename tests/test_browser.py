"""A real browser (Debian's headless Chromium, driven by Playwright) against the real server.

`scripts/test.sh` installs Chromium when it runs as root (as CI does) and then requires this test;
on a developer machine without Chromium it is skipped with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page(live_server, tmp_path_factory):
    if not CHROMIUM.exists():
        if os.environ.get("PA_REQUIRE_BROWSER") == "1":
            pytest.fail("PA_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1400}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(live_server + "/")
        yield page
        browser.close()


def test_the_chat_page_answers_an_award_question_with_a_source_card(page):
    page.get_by_label("您的问题").fill("我们的1类新药II期临床投入6000万，能拿多少？")
    page.locator("#send").click()
    page.get_by_text("2000万元", exact=False).first.wait_for()
    card = page.locator("#sources details").first
    card.wait_for()
    assert "（五）" in card.inner_text()
    card.locator("summary").click()
    assert "最高分别1000万元、2000万元、3000万元" in card.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)


def test_answers_are_rendered_as_text_never_as_html(page):
    page.locator("#clear").click()
    page.locator("#sources details").first.wait_for(state="detached")
    page.get_by_label("您的问题").fill("<img src=x onerror=\"document.title='pwned'\">伦理审查多久？")
    page.locator("#send").click()
    page.locator("#sources details").first.wait_for()
    assert page.title() != "pwned"
    assert page.locator("img[src='x']").count() == 0


def test_the_hotline_desk_finds_the_ethics_review_article_in_one_search(page):
    page.get_by_role("tab", name="热线坐席 Hotline desk").click()
    page.get_by_label("坐席令牌 staff token").fill("staff-secret-0123456789")
    page.get_by_label("来电问题").fill("伦理审查多久")
    page.get_by_role("button", name="查找").click()
    first = page.locator(".desk-hit").first
    first.wait_for()
    assert "提高医学伦理审查效率" in first.inner_text() and "责任单位" in first.inner_text()
    assert page.locator(".desk-hit mark").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desk.png"), full_page=True)
