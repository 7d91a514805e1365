"""The fact a case turns on decides the verdict, as the asker tells it: another province's special review channel is
not the national or Shanghai one （六） names; a CE mark with no sales yet is not （三十六）'s 注册并在当地实现销售; a
fair in July 2024 falls in the funding period though the asker says the policy began on 1 August; a registration the
caller did not give leaves the scope open ("it depends"); a plan that has ended is no longer applied under, and the
policy's measure of the same kind is named; of two stages named, the one said to be done is the one asked about; a
Shanghai hospital's name that is also a town's (瑞金) is no other city; an FDA approval with the launch still to come is
not yet （三十六）'s and names no trial measure, and sales said to have started there afterwards compute it; a Phase IV
study is none of （五）'s stages and （二十）'s post-marketing studies are named; a company registered elsewhere fails the
policy's scope before any measure's condition, and said to be registered in Shanghai now meets it; the asker's own
Class III device does not go through （十六）'s Class II fast track, and （十五） is named; a product "registered overseas"
names a registration, no trial abroad."""

import pytest
from asking import cited, turns

from assistant.records import Status


def verdicts(answer):
    return [v.verdict for v in answer.verdicts]


def test_another_provinces_special_review_is_not_the_national_or_shanghai_one(engine):
    answer = engine.ask("我们是上海注册的器械企业，产品进了浙江省的创新医疗器械特别审查程序，能拿300万吗？")
    assert cited(answer)[0] == "policy2024:06" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("不可以") and "国家和我市" in answer.answer


def test_the_national_special_review_with_a_partner_in_another_city_still_counts(engine):
    answer = engine.ask("杭州研发的产品进了国家创新医疗器械特别审查程序，我们上海注册，能拿多少？")
    assert answer.total_yuan == 3_000_000 and verdicts(answer) == ["eligible"]


def test_a_ce_mark_with_zero_sales_is_not_yet_covered(engine):
    answer = engine.ask("Our Shanghai medtech company just got CE marking for our surgical robot last month. Distributor "
                        "contracts in Germany only start next spring, so zero EU sales so far. Can we apply right now "
                        "for the 30%-of-R&D support for getting registered abroad?")
    assert cited(answer)[0] == "policy2024:36" and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("No")


def test_an_fda_approval_with_the_us_launch_next_year_is_not_yet_covered_and_no_trial_measure_is_named(engine):
    answer = engine.ask("Our Shanghai-registered company's innovative drug was approved by the US FDA three weeks ago, but "
                        "the US commercial launch is planned for next year, so there are no sales yet. Can we already "
                        "apply for Shanghai's global registration support?")
    # （三十六）: "…注册，并在当地实现销售的": no sale yet; "the US commercial launch" is a market, no trial abroad (（十二）)
    assert cited(answer) == ["policy2024:36"] and verdicts(answer) == ["not_eligible"]


def test_sales_started_there_after_an_fda_approval_answer_computes_the_registration_award(engine):
    _, sold = turns(engine, "Our Shanghai company's innovative drug got US FDA approval last month. Are we eligible for "
                            "Shanghai's overseas registration support?",
                    "US sales started this quarter. R&D investment for this product was RMB 25 million. What's the maximum?")
    assert cited(sold)[0] == "policy2024:36" and sold.total_yuan == 7_500_000  # 30% × 2500万, under 最高1000万元


@pytest.mark.parametrize("question", [
    "我們是上海註冊的藥企，一款1類新藥已經上市，現在和幾家醫院合作做IV期上市後研究和真實世界療效評價。請問IV期可以申請1類新藥臨床試驗那條研發支持嗎？",
    "We're a Shanghai company running a Phase IV post-marketing study of our Class 1 drug with two hospitals. Can we apply "
    "for the Class 1 drug clinical trial support?",
])
def test_a_phase_iv_study_is_not_the_class_1_trial_support_and_the_post_marketing_measure_is_named(engine, question):
    answer = engine.ask(question)
    # （五）: "开展国内Ⅰ期、Ⅱ期、Ⅲ期临床试验"; （二十）: "进行上市后评价、真实世界疗效评价…最高200万元"
    assert verdicts(answer)[0] == "not_eligible" and set(cited(answer)[:2]) == {"policy2024:05", "policy2024:20"}
    assert "（二十）" in answer.answer.splitlines()[0]


def test_a_shanghai_company_said_to_be_registered_now_meets_the_scope_it_failed_before(engine):
    before, now = turns(engine, "Consultant here. My client makes Class II devices. It's registered in Hangzhou and only plans to "
                           "register a Shanghai entity next month; its product is in Zhejiang's innovative device special "
                           "review. Can it get Shanghai's RMB 3 million device support now?",
                   "Update: the Shanghai company is now registered, and the product has been accepted into Shanghai's own "
                   "innovative medical device special review procedure. What's the ceiling now?")
    # registered in Hangzhou: the policy's scope ("本意见支持范围为在我市内登记注册的") fails before （六）'s review condition
    assert verdicts(before) == ["not_eligible"] and "registered in Shanghai" in before.answer.splitlines()[0]
    assert cited(now)[0] == "policy2024:06" and now.total_yuan == 3_000_000


@pytest.mark.parametrize("question", [
    "Our Shanghai company has a Class III implantable device. Can it go through Shanghai's Class II fast track, the one "
    "with 40 working days?",
    "我們是上海註冊的企業，產品是三類植入器械，能走二類醫療器械40個工作日的快速審評嗎？",
])
def test_a_class_iii_device_is_not_for_the_class_ii_fast_track_and_the_class_iii_measure_is_named(engine, question):
    answer = engine.ask(question)
    # （十六）: "对临床价值明确、创新性强的第二类医疗器械…压缩至40个工作日以内"; （十五）: "对重点研发的第三类医疗器械…"
    assert verdicts(answer)[0] == "not_eligible" and set(cited(answer)[:2]) == {"policy2024:15", "policy2024:16"}
    assert "（十五）" in answer.answer.splitlines()[0]


def test_a_july_fair_is_computed_though_the_asker_tells_the_august_start(engine):
    # 2024-06-01…07-31: funding measures 参照执行; （三十七） 50% × 7万 = 3.5万, under its 5万 ceiling
    answer = engine.ask("台商在上海設的醫療器械公司（在上海註冊），2024年7月去新加坡參加了一個國際醫療器械展，花了7萬多人民幣。"
                        "可是這份市裡的政策是8月1日才開始實施的，7月份的參展費用還能申請支持嗎？")
    assert cited(answer)[0] == "policy2024:37" and answer.total_yuan == 35_000
    assert answer.answer.startswith("可以") and "6月1日" in answer.answer


def test_a_registration_the_caller_did_not_give_leaves_the_verdict_open(engine):
    answer = engine.ask("【热线转录】来电人是一家代理申报机构的，说他们客户的骨科植入产品已经进了国家创新医疗器械特别审查程序，"
                        "上个月第一次拿到注册证，工厂已经投产了，研发投入1980万。问能不能拿“再给最高800万”的那笔。"
                        "来电人没说客户公司注册在哪儿。")
    assert cited(answer)[0] == "policy2024:06" and verdicts(answer) == ["unknown"]
    assert answer.answer.startswith("要看情况") and "在我市内登记注册" in answer.answer


def test_a_plan_that_has_ended_is_no_longer_applied_under_and_the_current_measure_is_named(engine):
    answer = engine.ask("我們公司在浦東，想按浦東那個2022-2024生物醫藥行動方案裡對新藥臨床研究的支持，今年（2026年）去申請，還可以嗎？")
    assert cited(answer) == ["pudong2022:task-05", "policy2024:05"] and verdicts(answer) == ["not_eligible"]
    assert answer.answer.startswith("不能") and "2024年12月31日" in answer.answer and "（五）" in answer.answer


def test_a_plan_asked_after_a_measure_says_it_ended_and_what_it_said(engine):
    *_, pudong = turns(engine, "1类新药3期研发投了1个亿 能拿多少", "改良形的能申请吗", "那浦东的方案呢")
    assert cited(pudong)[0] == "pudong2022:task-05"
    assert pudong.answer.startswith("不能") and "改良型新药" in pudong.answer


def test_of_two_stages_named_the_one_said_to_be_done_is_asked(engine):
    answer = engine.ask("我们是上海注册的细胞治疗公司，CAR-T产品是1类新药，只做早期和确证性两期临床，现在确证性临床做完了，"
                        "能申请吗？大概多少")
    assert answer.status is Status.ANSWERED and verdicts(answer) == ["eligible"]
    assert "3000万" in answer.answer and "1500万" not in answer.answer


def test_a_shanghai_hospitals_name_is_no_other_city(engine):
    answer = engine.ask("我是瑞金一个科室的研究者，我们想跟一家国产心脏瓣膜企业合作，做他们产品上市后的真实世界疗效评价研究。"
                        "医院这边作为合作方能拿市里的项目支持吗？大概多少？")
    assert cited(answer)[0] == "policy2024:20" and answer.total_yuan == 2_000_000
    assert answer.answer.startswith("可以")


@pytest.mark.parametrize("question", [
    "我们是上海的生物医药公司，给董事和高管买了董监事责任险（D&O），保费60万，能按第十三条补一半吗？",
    "We're a Shanghai biotech and bought employer's liability insurance for our lab staff, premium RMB 200,000. Can "
    "measure (13) pay half?",
])
def test_an_insurance_of_another_kind_than_the_four_named_is_not_covered(engine, question):
    """（十三）: "国内临床试验和产品责任保险、海外临床试验和高端医疗设备责任保险" — a D&O or employer's policy is none."""
    answer = engine.ask(question)
    assert cited(answer)[0] == "policy2024:13" and verdicts(answer) == ["not_eligible"]
    assert answer.total_yuan is None


def test_a_heart_valve_maker_asking_for_the_phase_iii_drug_ceiling_is_pointed_to_the_device_measure(engine):
    """（五）'s 3000万 is for Class 1 new drugs; a transcatheter heart valve is a device: （六）."""
    answer = engine.ask("A friend says the Shanghai policy gives up to RMB 30 million for Phase III trials. We're a "
                        "Shanghai-registered maker of a transcatheter heart valve finishing our pivotal trial. Can we "
                        "get that 30 million?")
    assert verdicts(answer)[0] == "not_eligible" and "policy2024:06" in cited(answer)
