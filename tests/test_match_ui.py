"""The match form in a real browser: it computes a match, and the download holds every line shown.

Launched like ``tests/test_browser.py`` (Debian's headless Chromium, skipped with the reason when absent).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page(live_server):
    if not CHROMIUM.exists():
        if os.environ.get("PA_REQUIRE_BROWSER") == "1":
            pytest.fail("PA_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1600}, locale="zh-CN", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(live_server + "/")
        yield page
        browser.close()


def test_the_form_computes_a_match_and_the_download_holds_every_line_shown(page):
    page.get_by_role("tab", name="政策匹配").click()
    page.locator("#match-registered").get_by_text("上海", exact=True).click()
    page.get_by_label("海外临床试验保险保费（万元）").fill("120")
    page.get_by_label("国际性活动和展会（场）").fill("12")
    page.get_by_label("每场展会费用（万元）").fill("10")
    page.get_by_label("融资担保额度（万元）").fill("2500")
    page.locator("#match-run").click()
    result = page.locator("#match-result")
    result.get_by_text("合计上限", exact=False).first.wait_for()
    shown = [line.strip() for line in result.inner_text().splitlines() if line.strip()]
    assert any("110万元" in line for line in shown)  # min(50% × 120万, 100万) + min(12 × 5万, 50万)
    assert any("每个单位每年累计支持金额不超过50万元" in line for line in shown)
    with page.expect_download() as download:
        page.locator("#match-download a").first.click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    missing = [line for line in shown if line not in saved]
    assert not missing, missing
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "match.png"), full_page=True)


def test_form_amounts_are_read_in_wan_unless_they_carry_their_own_unit():
    from ui.match_tab import form_profile

    drugs = [["甲药", "1", "否", "phase3", "domestic", "9000"], ["", "", "", "", "", ""]]
    profile = form_profile({"registered": "shanghai", "entity_type": "drug_developer", "drugs": drugs,
                            "overseas_premium": "1.2亿", "fairs": 4, "fair_fee": "15"})
    assert [d.rd_spend_yuan for d in profile.drug_trials] == [90_000_000]
    assert profile.insurance[0].premium_yuan == 120_000_000
    assert profile.trade_fairs[0].count == 4 and profile.trade_fairs[0].fee_yuan == 150_000
    assert profile.drug_trials[0].cgt is False and profile.enterprise_size is None
    assert profile.devices == [] and profile.licensing_deals == [] and profile.cmo_contracts == []


def test_the_related_party_answer_goes_with_the_contract_and_the_deal():
    from ui.match_tab import form_profile

    profile = form_profile({"cmo_output": "8000", "upfront": "1.5亿", "service_cost": "800", "related_party": "true"})
    assert profile.cmo_contracts[0].related_party is True and profile.licensing_deals[0].related_party is True
    assert profile.licensing_deals[0].upfront_yuan == 150_000_000


def test_a_form_amount_that_cannot_be_read_names_its_field():
    from ui.match_tab import FormError, form_profile

    with pytest.raises(FormError, match="每场展会费用"):
        form_profile({"fairs": 2, "fair_fee": "很多"})
