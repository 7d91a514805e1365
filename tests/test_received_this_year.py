"""Support already received this year counts against the per-entity annual cap: （三十七） caps a company at
50万元 a year, so after 48万 a fair worth 5万 brings at most 2万 more; the item's own ceiling still applies
first, and the answer says what the cap has left. Figures computed by hand from 沪府办规〔2024〕9号."""

from datetime import date
from decimal import Decimal

import pytest

from assistant.conversation.question import AmountRole
from assistant.conversation.understand import understand
from assistant.rules.calculator import CalculationError, Item
from index.documents import catalogue

ON = date(2026, 11, 25)


def test_what_was_received_this_year_leaves_that_much_less_of_the_annual_cap(engine):
    estimate = engine.calculator.estimate([Item("m37-international-events", {"base_yuan": "12万"})], ON, received=Decimal(480_000))
    assert estimate.calculations[0].amount_yuan == 50_000  # 50% × 12万 = 6万, the per-fair ceiling 5万
    assert estimate.total_yuan == 20_000 and estimate.received_yuan == 480_000  # 50万 − 48万
    assert any("今年已获48万元" in note and "2万元" in note for note in estimate.notes)


def test_a_cap_already_reached_leaves_nothing_and_a_small_receipt_changes_nothing(engine):
    reached = engine.calculator.estimate([Item("m24-cmo", {"base_yuan": "3000万"})], ON, received=Decimal(12_000_000))
    assert reached.total_yuan == 0  # （二十四）: 1000万 a year already passed
    small = engine.calculator.estimate([Item("m24-cmo", {"base_yuan": "3000万"})], ON, received=Decimal(1_000_000))
    assert small.total_yuan == 3_000_000  # 10% × 3000万 = 300万, under the 900万 left


def test_a_negative_receipt_is_refused(engine):
    with pytest.raises(CalculationError):
        engine.calculator.estimate([Item("m37-international-events", {"base_yuan": "12万"})], ON, received=Decimal(-1))


@pytest.mark.parametrize("text", ["今年之前已经拿了48万了 这次还能拿多少", "今年已獲得48萬，這次還能拿多少",
                                  "今年参加国际展会已经拿过（三十七）的支持，累计48万元，这次还能拿多少",
                                  "市科委那边已经累计给我们批了48万的参展补助，这次还能拿多少",
                                  "We have already received RMB 480,000 this year. How much more?"])
def test_an_amount_said_to_be_received_already_is_read_in_that_role(text):
    [amount] = understand(text, None, catalogue()).facts.amounts
    assert amount.role is AmountRole.RECEIVED and amount.yuan == 480_000


@pytest.mark.parametrize("first, then, left", [
    ("我们去美国参加BIO大会 花了12万 能补多少", "今年之前已经拿了48万了 这次还能拿多少", "2万元"),
    ("We attended BIO in Boston, costing RMB 120,000. How much can we get back?",
     "We have already received RMB 480,000 this year. How much more for this one?", "RMB 20,000"),
])
def test_a_follow_up_saying_what_was_received_gets_what_the_annual_cap_leaves(engine, first, then, left):
    fair = engine.ask(first)
    assert fair.total_yuan == 50_000
    more = engine.ask(then, fair.session_id)
    assert more.citations[0].chunk_id == "policy2024:37" and more.total_yuan == 20_000
    assert left in more.answer.splitlines()[0]


@pytest.mark.parametrize("received, then, left", [
    ("今年我们在这一条下已经拿了2800万了，还能拿多少？", "那研发投入要是2000万呢？", 2_000_000),
    ("We already received RMB 28 million under this measure this year. How much more can we get?",
     "And if R&D was RMB 20 million?", 2_000_000),
])
def test_support_received_this_year_still_counts_in_later_turns_of_the_conversation(engine, received, then, left):
    first = engine.ask("我们的创新医疗器械首次取得注册证并在上海落地生产，研发投入1000万，能拿多少？")
    assert first.total_yuan == 4_000_000  # 40% × 1000万, under 800万
    said = engine.ask(received, first.session_id)
    assert said.total_yuan == 2_000_000  # （六）'s 3000万 a year, 2800万 already received
    later = engine.ask(then, said.session_id)
    assert later.calculations[0].amount_yuan == 8_000_000  # 40% × 2000万 = 800万, the item's own ceiling first
    assert later.total_yuan == left  # then what the annual cap leaves: still 200万, not 800万


def test_a_new_subject_does_not_carry_the_receipt_of_another_measure(engine):
    first = engine.ask("我们的创新医疗器械首次取得注册证并在上海落地生产，研发投入1000万，今年已经拿了2800万，还能拿多少？")
    assert first.total_yuan == 2_000_000
    fair = engine.ask("我们去德国参加MEDICA展会花了12万，能补多少？", first.session_id)
    assert fair.citations[0].chunk_id == "policy2024:37" and fair.total_yuan == 50_000


def test_an_exhibitor_at_an_international_summit_in_english_is_the_events_measure_with_its_cap_left(engine):
    """"exhibit at an international summit … booth": （三十七）'s 国际性活动和展会, not another measure's "international"."""
    answer = engine.ask("Our Shanghai-registered company will exhibit at an international summit in Singapore in "
                        "December; total project cost RMB 180,000 for the booth and travel. We already received RMB "
                        "480,000 this year under the exhibition support. How much could we still get?")
    assert answer.citations[0].chunk_id == "policy2024:37"
    assert answer.total_yuan == 20_000  # min(50% × 18万, 5万) = 5万, then 50万 − 48万 = 2万 left this year


def test_a_receipt_told_before_the_fair_leaves_what_the_annual_cap_allows(engine):
    """47万 received this year: a fair of 8万 would bring 4万 (50%, under 5万), the 50万 cap leaves 3万."""
    answer = engine.ask("我们是上海一家体外诊断企业。今年参加国际展会已经拿过（三十七）的支持，累计47万元。下个月要去杜塞尔多夫"
                        "参加MEDICA，项目经费八万元，这次最多还能拿多少？")
    assert answer.citations[0].chunk_id == "policy2024:37" and answer.total_yuan == 30_000


@pytest.mark.parametrize("question", [
    "我們是做動物模型服務的CRO，在上海註冊。市裡按國際展會那條今年累計已經給了我們50萬元。下個月還要去德國參加一個國際分析儀器展，還能再申請嗎？",
    "We already received RMB 500,000 this year for international exhibitions. Can we still apply for the trade-fair "
    "support for one more fair in December?",
])
def test_a_yes_no_after_the_years_cap_was_received_in_full_is_a_no_quoting_the_cap(engine, question):
    """（三十七）: "每个单位每年累计支持金额不超过50万元"; 50万 received this year leaves nothing more this year."""
    answer = engine.ask(question)
    assert answer.citations[0].chunk_id == "policy2024:37"
    assert ("37", "not_eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
    first = answer.answer.splitlines()[0]
    assert ("50萬" in first or "50万" in first or "500,000" in first) and not first.startswith(("可以", "Yes"))


def test_a_receipt_under_the_cap_leaves_the_yes_no_a_yes(engine):
    answer = engine.ask("今年参加国际展会已经拿了20万元的支持，下个月还有一个国际展会，还能再申请吗？")
    assert ("37", "eligible") in [(v.measure, v.verdict) for v in answer.verdicts]
