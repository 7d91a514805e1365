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


def test_the_related_party_answers_go_with_each_contract_and_with_the_deal():
    from ui.match_tab import form_profile

    profile = form_profile({"cmos": [["甲", "8000", "是"], ["乙", "3000", "否"]], "upfront": "1.5亿",
                            "service_cost": "800", "related_party": "true"})
    assert [c.related_party for c in profile.cmo_contracts] == [True, False]
    assert profile.licensing_deals[0].related_party is True
    assert profile.licensing_deals[0].upfront_yuan == 150_000_000


def test_several_cmo_products_in_the_form_reach_the_annual_cap_of_24(engine):
    """（二十四）: each product min(10% × output, 500万), 每个企业每年最高支持1000万元."""
    from ui.match_tab import form_profile

    profile = form_profile({"registered": "shanghai", "entity_type": "cmo",
                            "cmos": [["甲", "6000", "否"], ["乙", "5000", "否"], ["丙", "4000", "否"]]})
    result = engine.match(profile)
    [cmo] = result.measures
    assert [c.ceiling_yuan for c in cmo.claims] == [5_000_000, 5_000_000, 4_000_000]
    assert cmo.annual_cap is not None and cmo.annual_cap.applied and cmo.total_yuan == 10_000_000


def test_the_drug_table_takes_the_chinese_words_its_columns_show():
    from ui.match_tab import form_profile

    profile = form_profile({"drugs": [["甲药", "1类", "否", "Ⅲ期", "国内", "9000"], ["乙药", "仿制药", "", "Ⅰ期", "海外", "100"]]})
    assert [(t.drug_class, t.stage, t.trial_location) for t in profile.drug_trials] == [
        ("1", "phase3", "domestic"), ("generic", "phase1", "overseas")]


@pytest.mark.parametrize(("values", "message"), [
    ({"drugs": [["甲药", "1", "否", "Ⅲ期", "国中", "9000"]]}, "药品第1行：试验地点只能填“国内”或“海外”"),
    ({"drugs": [["甲药", "1", "否", "确证性", "国内", "9000"]]}, "药品第1行：早期、确证性是细胞与基因治疗产品的阶段"),
    ({"drugs": [["甲药", "5类", "", "", "", ""]]}, "药品第1行：药品分类只能填 1、2 或 仿制药"),
    ({"cmos": [["甲", "约5000", "否"]]}, "受托品种第1行 受托年生产产值（万元）：“约5000”不是可用的金额"),
])
def test_a_refused_form_value_is_told_in_the_forms_chinese_words(values, message):
    from ui.match_tab import FormError, form_profile

    with pytest.raises(FormError) as refused:
        form_profile(values)
    assert str(refused.value).startswith(message)
    assert not any(word in str(refused.value) for word in ("Input should", "Value error", "cannot read"))


def test_a_form_amount_that_cannot_be_read_names_its_field():
    from ui.match_tab import FormError, form_profile

    with pytest.raises(FormError, match="每场展会费用"):
        form_profile({"fairs": 2, "fair_fee": "很多"})


CALLER_FACTS = "上海注册的药企\n1类新药在国内做III期临床，研发投入9000万\n参加4场海外展会，每场15万"
CALLER_PROFILE = {"registered": "shanghai", "entity_type": "drug_developer",
                  "drug_trials": [{"drug_class": "1", "stage": "phase3", "trial_location": "domestic",
                                   "rd_spend_yuan": 90_000_000}],
                  "trade_fairs": [{"count": 4, "fee_yuan": 150_000}]}


def test_the_desk_reads_a_callers_stated_facts_as_the_api_matches_the_same_profile(engine, live_server):
    import httpx

    from assistant.match.records import MatchResult
    from assistant.match.report import match_markdown, match_summary
    from ui.match_tab import match_for_caller

    found = match_for_caller(engine, CALLER_FACTS)
    response = httpx.post(f"{live_server}/v1/match", json={"profile": CALLER_PROFILE}, timeout=60)
    expected = MatchResult.model_validate(response.json())
    assert expected.total_yuan == 30_200_000  # 3000万 + 4 × min(50% × 15万, 5万)
    assert found.script == match_summary(expected) and found.markdown == match_markdown(expected)
    assert found.script.splitlines()[1] == "可申请资金支持合计上限：3020万元（各措施上限之和，已按每个单位每年累计上限计）"
    assert found.script.endswith(expected.caveat)


def test_the_desk_says_so_when_the_stated_facts_hold_nothing_to_match(engine):
    from ui.match_tab import CallerMatch, match_for_caller

    assert match_for_caller(engine, "来电人问伦理审查多久能完成") == CallerMatch("", "")


def test_the_desk_runs_a_match_for_a_caller_in_the_browser(page):
    page.get_by_role("tab", name="热线坐席").click()
    page.locator("#desk-match-panel").get_by_text("为来电企业匹配政策").click()
    page.locator("#desk-match-facts textarea").fill(CALLER_FACTS)
    page.locator("#desk-match-run").click()
    script = page.locator("#desk-match-script textarea")
    page.wait_for_function("() => document.querySelector('#desk-match-script textarea').value.includes('合计上限')")
    spoken = script.input_value()
    assert "可申请资金支持合计上限：3020万元" in spoken and "计入合计：（五）药品临床试验；（三十七）国际性活动和展会（共4项）。" in spoken
    assert "不是承诺金额" in spoken
    page.locator("#desk-match-result").get_by_text("min(40% × 9000万元, 3000万元) = 3000万元", exact=False).wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desk-match.png"), full_page=True)
