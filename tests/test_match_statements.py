"""How "我们是……" statements fill a company profile: several items in one statement, each with its own
stage and amount, several kinds in one statement, and added facts after the match.

The statements are read as the chat reads them (the real understanding step, no server needed); the
expected entries are worked out from the sentence itself.
"""

from __future__ import annotations

import pytest

from assistant.conversation.understand import understand
from assistant.match.chat import ProfileMemory, read_turn
from assistant.match.profile import CompanyProfile
from index.documents import catalogue


def _profile(*statements: str, matched: bool = False) -> CompanyProfile:
    memory: ProfileMemory | None = ProfileMemory(CompanyProfile(), matched) if matched else None
    for statement in statements:
        turn = read_turn(understand(statement, None, catalogue()), memory)
        assert turn is not None, statement
        memory = ProfileMemory(turn.profile, matched)
    assert memory is not None
    return memory.profile


def _trials(profile: CompanyProfile) -> list[tuple[str | None, int | None]]:
    return [(t.stage.value if t.stage else None, int(t.rd_spend_yuan) if t.rd_spend_yuan else None)
            for t in profile.drug_trials]


@pytest.mark.parametrize(("statement", "trials"), [
    ("我们有两个品种，一个二期一个三期，研发分别2000万和6000万", [("phase2", 20_000_000), ("phase3", 60_000_000)]),
    ("我们一个品种在做II期，研发2000万；另一个在做III期，研发6000万", [("phase2", 20_000_000), ("phase3", 60_000_000)]),
    ("我们有三个1类新药在国内做临床，两个二期一个三期，研发分别1000万、2000万和6000万",
     [("phase2", 10_000_000), ("phase2", 20_000_000), ("phase3", 60_000_000)]),
    ("我们有两个二期品种研发各3000万，一个三期品种研发9000万",
     [("phase2", 30_000_000), ("phase2", 30_000_000), ("phase3", 90_000_000)]),
    ("We have two drugs, one in Phase II and one in Phase III, with R&D of RMB 20 million and RMB 60 million",
     [("phase2", 20_000_000), ("phase3", 60_000_000)]),
])
def test_each_product_named_in_one_statement_is_an_item_with_its_own_stage_and_amount(statement, trials):
    assert _trials(_profile(statement)) == trials


def test_an_amount_said_to_be_a_total_of_two_stages_is_no_single_items_amount():
    """"共8000万" for two stages cannot be split from the words: both items wait for their own R&D."""
    assert _trials(_profile("我们有两个品种，一个二期一个三期，研发共8000万")) == [("phase2", None), ("phase3", None)]


def test_a_drug_that_went_through_two_stages_keeps_the_amount_with_the_stage_it_follows():
    assert _trials(_profile("我们有一个1类新药，II期做完了，现在在做III期，III期研发投入9000万")) == [
        ("phase2", None), ("phase3", 90_000_000)]


def test_one_statement_may_name_a_trial_and_the_trade_fairs_with_their_own_amounts():
    profile = _profile("我们有一个1类新药在国内做III期临床，研发投入9000万，还参加4场海外展会，每场15万")
    assert _trials(profile) == [("phase3", 90_000_000)]
    assert profile.drug_trials[0].trial_location is not None and profile.drug_trials[0].trial_location.value == "domestic"
    [fairs] = profile.trade_fairs
    assert fairs.count == 4 and fairs.fee_yuan == 150_000


def test_domestic_and_overseas_premiums_in_one_statement_are_two_insurance_entries():
    profile = _profile("我们国内和海外临床试验保险的保费分别是50万和120万")
    assert [(i.kind.value, int(i.premium_yuan or 0)) for i in profile.insurance] == [
        ("domestic", 500_000), ("overseas", 1_200_000)]


def test_one_stage_named_twice_is_still_one_item():
    assert _trials(_profile("我们有一个1类新药在国内做III期临床，III期研发投入9000万")) == [("phase3", 90_000_000)]


def test_after_the_match_an_added_item_without_we_is_a_statement():
    profile = _profile("我们是上海注册的药企", "还有一个1类新药在国内做II期，研发3000万", matched=True)
    assert _trials(profile) == [("phase2", 30_000_000)]


def test_before_the_match_an_added_item_without_we_is_left_to_the_question_path():
    """"再加一个…" without a match asked is the award conversation's follow-up, not a profile statement."""
    memory = ProfileMemory(CompanyProfile(), matched=False)
    assert read_turn(understand("再加一个II期品种，研发3000万", None, catalogue()), memory) is None


@pytest.mark.parametrize("statement", [
    "我们在上海闵行区注册", "我们在浦东注册", "我们在上海市闵行区注册", "公司在上海注册，位于张江",
    "我們在上海閔行區註冊", "We are registered in Minhang, Shanghai.",
])
def test_a_registration_stated_with_a_shanghai_district_or_place_is_shanghai(statement):
    profile = _profile(statement)
    assert profile.registered is not None and profile.registered.value == "shanghai"
    assert profile.drug_trials == []


@pytest.mark.parametrize(("statement", "entity"), [
    ("我们是一家在上海张江注册的CMO企业", "cmo"),
    ("我們是一家在上海張江註冊的CMO企業", "cmo"),
    ("我们是一家在上海浦东注册的创新药企业", "drug_developer"),
    ("We are a drug developer registered in Shanghai.", "drug_developer"),
])
def test_who_the_enterprise_is_sets_its_type_and_registration_and_adds_no_item(statement, entity):
    profile = _profile(statement)
    assert profile.registered is not None and profile.registered.value == "shanghai"
    assert profile.entity_type is not None and profile.entity_type.value == entity
    assert profile.drug_trials == [] and profile.cmo_contracts == []


@pytest.mark.parametrize(("statement", "amount", "reason"), [
    ("我们有一个1类新药在国内做III期临床，研发投入-5000万", "-5000万", "negative"),
    ("我们有一个1类新药在国内做III期临床，研发投入99999亿", "99999亿", "too_large"),
    ("我们有一个1类新药在国内做III期临床，研发投入500万美元", "500万", "foreign"),  # the amount as read; 美元 its currency
])
def test_an_amount_the_profile_cannot_take_is_refused_with_its_reason(statement, amount, reason):
    turn = read_turn(understand(statement, None, catalogue()), None)
    assert turn is not None
    assert [(r.text, r.reason) for r in turn.refused] == [(amount, reason)]
    assert [t.rd_spend_yuan for t in turn.profile.drug_trials] == [None]


def test_the_desk_reads_a_caller_registered_in_a_district_with_the_kind_of_entity():
    from assistant.match.chat import profile_from_statements

    profile = profile_from_statements("我们在上海闵行区注册，是CMO企业", catalogue())
    assert profile.registered is not None and profile.registered.value == "shanghai"
    assert profile.entity_type is not None and profile.entity_type.value == "cmo"
