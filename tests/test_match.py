"""Policy match: hand-worked profiles, annual caps, expired documents, the API route and the CLI command.

The profiles and their expected measures, verdicts and ceilings are in ``match_profiles.yaml``, worked
out by hand from the policy's quotes; everything here is real (the index, the rules engine, the server).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from assistant.match.files import ProfileFileError, read_profile
from assistant.match.matcher import CLAIMS_PATH, PolicyMatcher, claim_data
from assistant.match.profile import CompanyProfile
from assistant.match.records import MatchResult
from assistant.match.report import match_markdown, match_text
from assistant.rules.book import rule_book
from assistant.rules.eligibility import condition_rules

PROFILES = yaml.safe_load((Path(__file__).parent / "match_profiles.yaml").read_text(encoding="utf-8"))["profiles"]


def _match(engine, profile: dict[str, Any], language: str = "zh") -> MatchResult:
    return engine.match(CompanyProfile.model_validate(profile), language)


def test_there_are_at_least_25_hand_worked_profiles_with_not_eligible_and_partly_known_ones():
    verdicts = {claim[1] for p in PROFILES for m in p["expect"]["measures"].values() for claim in m["claims"]}
    assert len(PROFILES) >= 25
    assert {"eligible", "eligible_if", "not_eligible", "unknown"} <= verdicts


@pytest.mark.parametrize("case", PROFILES, ids=[p["id"] for p in PROFILES])
def test_profile_matches_the_hand_worked_expectation(engine, case):
    result = _match(engine, case["profile"])
    expect = case["expect"]
    got = {m.measure: m for m in result.measures}
    assert set(got) == set(expect["measures"]), case["why"]
    for measure, wanted in expect["measures"].items():
        match = got[measure]
        claims = [[c.rule_id, c.verdict.value, c.ceiling_yuan] for c in match.claims]
        assert claims == wanted["claims"], f"{measure}: {case['why']}"
        assert match.total_yuan == wanted["total_yuan"], f"{measure}: {case['why']}"
        if "annual_cap" in wanted:
            assert match.annual_cap is not None
            assert match.annual_cap.applied is (wanted["annual_cap"] == "applied")
    assert result.total_yuan == expect["total_yuan"]
    for fact in expect.get("missing", []):
        assert fact in result.missing
    for measure in expect.get("support", []):
        assert measure in {s.measure for s in result.support}
    assert len(result.incomplete_items) == expect.get("incomplete", 0)


def test_four_phase3_drugs_show_the_annual_cap_of_05_and_name_it(engine):
    case = next(p for p in PROFILES if p["id"] == "four-phase3-drugs-annual-cap")
    result = _match(engine, case["profile"])
    [measure] = result.measures
    assert measure.annual_cap is not None and measure.annual_cap.id == "m05-annual"
    assert measure.annual_cap.items_total_yuan == 120_000_000 and measure.annual_cap.cap_yuan == 100_000_000
    assert measure.formula == "min(3000万元 + 3000万元 + 3000万元 + 3000万元, 1亿元) = 1亿元"
    text = match_text(result)
    assert "已适用年度累计上限：每个单位每年累计支持金额最高1亿元（各项合计1.2亿元，按1亿元计）" in text


def test_many_trade_fairs_show_the_annual_cap_of_37_and_name_it(engine):
    case = next(p for p in PROFILES if p["id"] == "twelve-fairs-annual-cap")
    result = _match(engine, case["profile"], "en")
    [measure] = result.measures
    assert measure.annual_cap is not None and measure.annual_cap.quote == "每个单位每年累计支持金额不超过50万元"
    assert measure.annual_cap.applied and measure.total_yuan == 500_000
    # the cap said in English, the Chinese text quoted beside it
    assert "Annual cap applied: at most RMB 500,000 per entity per year (text: “每个单位每年累计支持金额不超过50万元”" in match_text(result)


def test_not_eligible_claims_quote_the_condition_and_point_to_the_measure_that_covers_the_case(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "overseas-phase3-belongs-to-12")["profile"])
    [claim] = next(m for m in result.measures if m.measure == "05").claims
    assert claim.instead == "（十二）"
    assert [c.quote for c in claim.conditions] == ["对由我市注册申请人开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药"]


def test_every_figure_is_a_ceiling_with_merit_departments_and_citation(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "issue-example")["profile"])
    five = next(m for m in result.measures if m.measure == "05")
    assert five.merit_based and five.citation.article == "（五）" and "市科委" in five.departments
    assert "最高/不超过" in result.caveat
    claim = five.claims[0]
    assert claim.calculation is not None and claim.calculation.formula == "min(40% × 9000万元, 3000万元) = 3000万元"
    text = match_text(result)
    assert text.index("合计上限：3880万元") < text.index("（五）") and text.rstrip().endswith(result.caveat)
    assert "十四" in "".join(s.label for s in result.support)


def test_a_hospitals_demonstration_project_is_a_merit_based_ceiling_as_the_chat_answers_it(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "hospital-as-cmo-contractor-and-demonstration")["profile"])
    twenty = next(m for m in result.measures if m.measure == "20")
    assert twenty.merit_based and twenty.citation.article == "（二十）"
    answer = engine.ask("我们是一家三级医院，和企业合作做创新药械应用示范项目，能申请吗？")
    assert [v.verdict for v in answer.verdicts] == [twenty.claims[0].verdict.value]
    assert "择优" in answer.answer and "200万" in answer.answer


def test_the_pudong_plan_is_named_only_as_expired_and_never_claimed(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "class1-phase3-domestic")["profile"])
    assert "pudong2022" in {d.doc_id for d in result.expired}
    assert {m.citation.doc_id for m in result.measures} == {"policy2024"}
    assert "浦东新区生物医药产业高质量发展行动方案(2022-2024年)（浦府办〔2022〕2号）已于2024年12月31日失效" in match_text(result)


def test_after_the_policy_ends_nothing_is_claimed(engine):
    profile = CompanyProfile.model_validate(PROFILES[0]["profile"])
    result = PolicyMatcher(engine.calculator, engine.catalogue).match(profile, date(2029, 8, 1))
    assert not result.in_force and result.measures == [] and result.total_yuan == 0
    assert "不在沪府办规〔2024〕9号资金支持措施适用期内" in match_text(result)


def test_traditional_chinese_match_is_written_in_traditional_script(engine):
    from assistant.language import Language

    result = _match(engine, PROFILES[0]["profile"])
    assert "條件" in match_text(result, Language.TRADITIONAL) or "符合條件" in match_text(result, Language.TRADITIONAL)


def test_claims_data_names_only_known_rules_and_profile_fields():
    book = rule_book()
    fields = set(CompanyProfile.model_fields)
    for spec in claim_data().claims:
        book.rule(spec.rule)
        assert spec.items == "profile" or spec.items in fields
    assert {spec.rule for spec in claim_data().claims} == {r.id for r in book.rules}


def test_every_condition_of_the_rules_has_fact_data_or_a_threshold():
    book = rule_book()
    data = condition_rules()
    for condition in book.conditions.values():
        assert condition.id in data.conditions or condition.min_yuan is not None, condition.id
    for fact_condition in data.conditions.values():
        for fact in [*fact_condition.fails_if, *fact_condition.holds_if]:
            assert fact in data.fact_names, fact


def test_markdown_holds_every_line_of_the_plain_text(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "issue-example")["profile"])
    markdown = match_markdown(result)
    for line in match_text(result).splitlines():
        assert line.strip().lstrip("· ").strip() in markdown


def test_undecided_claims_stay_out_of_the_total_which_says_what_it_counts_and_what_is_missing(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "undecided-claim-left-out-of-the-total")["profile"])
    assert result.total_yuan == 30_000_000  # the licence deal's 500万 would be counted if it were computed
    assert [(p.label, p.item) for p in result.counted] == [("（五）", "甲药")]
    assert [(p.label, p.item, p.missing) for p in result.not_counted] == [
        ("（三十六）", "海外授权", ["交易或委托双方是否有投资等关联关系"])]
    [claim] = next(m for m in result.measures if m.measure == "36").claims
    assert claim.calculation is None and claim.ceiling_yuan is None
    lines = match_text(result).splitlines()
    total = next(i for i, line in enumerate(lines) if line.startswith("可申请资金支持合计上限：3000万元"))
    assert lines[total + 1] == "计入合计：（五）甲药。"
    assert lines[total + 2] == "未计入合计（信息不全，补充后再计算）：（三十六）海外授权（尚缺交易或委托双方是否有投资等关联关系）。"


def test_like_items_counted_in_the_total_are_named_once_with_their_number(engine):
    result = _match(engine, next(p for p in PROFILES if p["id"] == "issue-example")["profile"], "en")
    assert "Counted in the total: （五） 甲药, 乙细胞药; （十三） insurance; （三十七） international event or fair (4 items)." \
        in match_text(result).splitlines()


def test_the_guarantee_ceilings_are_alternatives_by_the_rules_engine_not_by_a_flag_in_the_claims_data(engine):
    assert "alternatives" not in yaml.safe_load(CLAIMS_PATH.read_text(encoding="utf-8"))
    result = _match(engine, next(p for p in PROFILES if p["id"] == "small-enterprise-guarantee")["profile"])
    [measure] = result.measures
    assert measure.alternatives and measure.formula == ""
    assert "以上额度二者择一（按企业类型适用其一），不相加。" in match_text(result)
    two_grants = _match(engine, next(p for p in PROFILES if p["id"] == "device-review-and-registration")["profile"])
    assert not two_grants.measures[0].alternatives


@pytest.mark.parametrize(("written", "read"), [(1, "1"), ("1", "1"), ("1类", "1"), ("Class 1", "1"), ("class i", "1"),
                                                (2, "2"), ("改良型新药", "2"), ("仿制药", "generic"), ("Generic", "generic")])
def test_a_drug_class_is_read_as_people_write_it(written, read):
    profile = CompanyProfile.model_validate({"drug_trials": [{"drug_class": written}]})
    assert profile.drug_trials[0].drug_class == read


@pytest.mark.parametrize(("place", "registered"), [("杭州", "elsewhere"), ("上海市浦东新区", "shanghai"),
                                                   ("Shanghai", "shanghai"), ("張江", "shanghai"), ("Pudong", "shanghai"),
                                                   ("江苏省苏州市", "elsewhere")])
def test_a_registration_place_alone_says_whether_the_company_is_registered_in_shanghai(place, registered):
    assert CompanyProfile.model_validate({"registered_place": place}).registered == registered


# --- the API --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("place", "total"), [("杭州", 0), ("上海市浦东新区", 30_000_000), ("Shanghai", 30_000_000)])
def test_post_match_reads_a_registration_place_given_alone(live_server, place, total):
    profile = {"registered_place": place, "drug_trials": [
        {"drug_class": 1, "stage": "phase3", "trial_location": "domestic", "rd_spend_yuan": "9000万"}]}
    response = httpx.post(f"{live_server}/v1/match", json={"profile": profile}, timeout=60)
    assert response.status_code == 200, response.text
    assert response.json()["total_yuan"] == total
    [claim] = response.json()["measures"][0]["claims"]
    assert claim["verdict"] == ("not_eligible" if total == 0 else "eligible_if")  # 实现产出 judged on review


@pytest.mark.parametrize(("registered", "place", "where"), [("shanghai", "杭州", "is not in Shanghai"),
                                                            ("elsewhere", "上海市浦东新区", "is in Shanghai")])
def test_post_match_refuses_a_registration_that_contradicts_its_place_naming_both(live_server, registered, place, where):
    body = {"profile": {"registered": registered, "registered_place": place}}
    response = httpx.post(f"{live_server}/v1/match", json=body, timeout=30)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert f"registered is '{registered}' but registered_place '{place}' {where}" in error["message"]


def test_post_match_refuses_a_drug_class_it_cannot_read_with_the_spellings_it_takes(live_server):
    body = {"profile": {"drug_trials": [{"drug_class": "3类"}]}}
    response = httpx.post(f"{live_server}/v1/match", json=body, timeout=30)
    assert response.status_code == 422
    assert response.json()["error"] == {"code": "invalid_request", "message": "profile.drug_trials.0.drug_class: "
                                        "Value error, '3类' is not a drug class; write 1 (or 1类, Class 1), 2 (2类, 改良型新药) "
                                        "or generic (仿制药)"}


def test_post_match_returns_the_match_record(live_server, engine):
    profile = next(p for p in PROFILES if p["id"] == "issue-example")["profile"]
    response = httpx.post(f"{live_server}/v1/match", json={"profile": profile}, timeout=60)
    assert response.status_code == 200
    body = response.json()
    assert body["total_yuan"] == 38_800_000
    assert body == json.loads(_match(engine, profile).model_dump_json())


@pytest.mark.parametrize("body", [
    {"profile": {"registered": "mars"}},
    {"profile": {"drug_trials": [{"rd_spend_yuan": -5}]}},
    {"profile": {"drug_trials": [{"rd_spend_yuan": 1.5}]}},
    {"profile": {"unknown_field": 1}},
    {"profile": {"trade_fairs": [{"count": 100000}]}},
    {"profile": {"drug_trials": [{"rd_spend_yuan": 0}]}},
    {"profile": {"insurance": [{"kind": "overseas", "premium_yuan": 1}, {"kind": "overseas", "premium_yuan": 2}]}},
    {"profile": {"drug_trials": [{"rd_spend_yuan": 10 ** 30}]}},
    {"profile": {"drug_trials": [{"rd_spend_yuan": "很多钱"}]}},
    {},
])
def test_post_match_refuses_a_bad_profile_in_the_error_shape(live_server, body):
    response = httpx.post(f"{live_server}/v1/match", json=body, timeout=30)
    assert response.status_code == 422
    assert set(response.json()["error"]) == {"code", "message"}


def _posted_match(server: str, profile: dict[str, Any], language: str = "zh") -> httpx.Response:
    return httpx.post(f"{server}/v1/match", json={"profile": profile, "language": language}, timeout=60)


def test_a_string_amount_without_a_unit_is_refused_asking_for_it_and_a_json_integer_stays_yuan(live_server):
    trial = {"drug_class": 1, "stage": "phase1", "trial_location": "domestic"}
    response = _posted_match(live_server, {"registered": "shanghai", "drug_trials": [{**trial, "rd_spend_yuan": "6000"}]})
    assert response.status_code == 422
    assert "'6000' has no unit: write 6000元 or 6000万" in response.json()["error"]["message"]
    response = _posted_match(live_server, {"registered": "shanghai", "drug_trials": [{**trial, "rd_spend_yuan": 6000}]})
    assert response.status_code == 200 and response.json()["total_yuan"] == 2400  # 40% × 6000元
    calculate = httpx.post(f"{live_server}/v1/calculate", json={"rule_id": "m05-drug-phase1",
                                                                "inputs": {"base_yuan": "6000"}}, timeout=30)
    assert calculate.status_code == 422
    assert calculate.json()["error"]["code"] == "invalid_request"
    assert "has no unit" in calculate.json()["error"]["message"]
    several = httpx.post(f"{live_server}/v1/calculate", json={"items": [
        {"rule_id": "m05-drug-phase1", "inputs": {"base_yuan": "6000"}}]}, timeout=30)
    assert several.status_code == 422
    assert httpx.post(f"{live_server}/v1/calculate", json={"rule_id": "m05-drug-phase1", "inputs": {"base_yuan": 6000}},
                      timeout=30).json()["amount_yuan"] == 2400


def test_a_cgt_stage_on_a_product_said_not_to_be_cgt_is_refused_naming_both_fields(live_server):
    trial = {"drug_class": "1", "cgt": False, "stage": "cgt_confirmatory", "trial_location": "domestic"}
    response = _posted_match(live_server, {"registered": "shanghai", "drug_trials": [trial]})
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert "stage 'cgt_confirmatory'" in message and "cgt is false" in message


@pytest.mark.parametrize(("written", "yuan"), [("1亿5000万", 150_000_000), ("1.5亿元人民币", 150_000_000)])
def test_amounts_written_with_yi_and_wan_or_renminbi_are_read(live_server, written, yuan):
    response = _posted_match(live_server, {"registered": "shanghai", "enterprise_size": "small_micro",
                                           "guarantee_yuan": written})
    assert response.status_code == 200, response.text
    [small, _] = response.json()["measures"][0]["claims"]
    assert small["calculation"]["inputs"]["base_yuan"] == str(yuan)


@pytest.mark.parametrize(("written", "said"), [("约5000万", "an exact amount is needed"),
                                               ("5000万左右", "an exact amount is needed"),
                                               ("5000万美元", "sets no exchange rate"),
                                               ("USD 5 million", "sets no exchange rate")])
def test_an_approximate_or_foreign_currency_amount_is_refused_saying_why(live_server, written, said):
    response = _posted_match(live_server, {"guarantee_yuan": written})
    assert response.status_code == 422
    assert said in response.json()["error"]["message"]


def test_post_match_answers_in_traditional_script_for_zh_hant(live_server):
    profile = next(p for p in PROFILES if p["id"] == "class1-phase3-domestic")["profile"]
    response = _posted_match(live_server, profile, "zh-Hant")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == "zh-Hant" and body["total_yuan"] == 30_000_000
    assert "擇優" in body["caveat"] and body["measures"][0]["title"] == "持續加大創新藥研發支持力度"


def test_post_match_refuses_a_lone_surrogate_as_invalid_text(live_server):
    response = httpx.post(f"{live_server}/v1/match", content=b'{"profile": {"name": "\\ud800"}}',
                          headers={"content-type": "application/json"}, timeout=30)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_text"


def test_post_match_is_in_the_openapi_contract(live_server):
    schema = httpx.get(f"{live_server}/openapi.json", timeout=30).json()
    assert schema["paths"]["/v1/match"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("MatchResult")


# --- the CLI --------------------------------------------------------------------------------------
def _cli(monkeypatch: pytest.MonkeyPatch, settings, *args: str):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("PA_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PA_TODAY", settings.today.isoformat())
    return CliRunner().invoke(app, ["match", *args])


def test_cli_match_prints_the_match_as_json(tmp_path, monkeypatch, settings, engine):
    profile = next(p for p in PROFILES if p["id"] == "four-phase3-drugs-annual-cap")["profile"]
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    done = _cli(monkeypatch, settings, str(path), "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["total_yuan"] == 100_000_000


def test_cli_match_reads_an_integer_drug_class_as_class_1(tmp_path, monkeypatch, settings, engine):
    path = tmp_path / "profile.yaml"
    path.write_text("registered: shanghai\ndrug_trials:\n  - {drug_class: 1, stage: phase3, trial_location: domestic, "
                    "rd_spend_yuan: 90000000}\n", encoding="utf-8")
    done = _cli(monkeypatch, settings, str(path), "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["total_yuan"] == 30_000_000


def test_cli_match_names_a_bad_drug_class_and_exits_2(tmp_path, monkeypatch, settings):
    path = tmp_path / "profile.yaml"
    path.write_text("drug_trials:\n  - {drug_class: 7, stage: phase3}\n", encoding="utf-8")
    done = _cli(monkeypatch, settings, str(path))
    assert done.exit_code == 2
    assert done.output == f"error: {path}: drug_trials.0.drug_class: Value error, 7 is not a drug class; write 1 " \
                          "(or 1类, Class 1), 2 (2类, 改良型新药) or generic (仿制药)\n"


@pytest.mark.parametrize("content", ["registered: [unclosed", "- a list\n- not a mapping", "drug_trials: [{stage: phase9}]"])
def test_cli_match_refuses_a_bad_file_with_a_message_and_exit_2(tmp_path, monkeypatch, settings, content):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    done = _cli(monkeypatch, settings, str(path))
    assert done.exit_code == 2
    assert done.output.startswith("error: ") and "Traceback" not in done.output


def test_a_missing_profile_file_is_named(tmp_path):
    with pytest.raises(ProfileFileError, match="cannot be read"):
        read_profile(tmp_path / "nope.yaml")


def test_the_commissioning_side_of_a_cmo_contract_fails_on_the_clause_that_pays_the_contractor(engine):
    result = _match(engine, {"registered": "shanghai", "entity_type": "cmo", "cmo_contracts": [
        {"applicant_role": "commissioning", "related_party": False, "output_value_yuan": "1000万"}]})
    claim = result.measures[0].claims[0]
    assert claim.verdict.value == "not_eligible"
    assert [c.quote for c in claim.conditions] == ["按照规定给予受托方不超过受托年生产产值的10%"]


def test_a_class1_trial_is_eligible_if_its_output_is_confirmed_on_review(engine):
    result = _match(engine, {"registered": "shanghai", "entity_type": "drug_developer", "drug_trials": [
        {"drug_class": "1", "stage": "phase2", "trial_location": "domestic", "rd_spend_yuan": "3000万"}]})
    claim = result.measures[0].claims[0]
    assert claim.verdict.value == "eligible_if"
    assert [(c.state, c.quote) for c in claim.conditions] == [
        ("assessed", "开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验并实现产出的1类新药")]
    assert claim.ceiling_yuan == 12_000_000


def test_an_english_match_names_measures_and_departments_in_english_beside_the_chinese(live_server):
    profile = next(p for p in PROFILES if p["id"] == "issue-example")["profile"]
    body = _posted_match(live_server, profile, "en").json()
    five = next(m for m in body["measures"] if m["measure"] == "05")
    assert five["title"] == "Stronger support for innovative drug R&D (持续加大创新药研发支持力度)"
    assert five["departments"][0] == "Shanghai Municipal Science and Technology Commission (市科委)"
    assert all(m["title"].isascii() is False and m["title"][0].isascii() for m in body["measures"] + body["support"])
