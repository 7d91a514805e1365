"""A CRO's preclinical research services and its clinical-trial services are supported by different measures:
（四） "推动合同研发机构（CRO）为高校科研院所提供新药临床前研究服务…每个项目年度贴息金额最高1000万元"; （十二） "支持符合条件的
合同研发机构（CRO）对接国际标准开展临床试验服务能力提升项目…每个项目择优给予最高100万元". Asked of the wrong one, the
answer is no and names the one that applies."""


def test_preclinical_services_for_universities_are_not_the_clinical_capability_project(engine):
    answer = engine.ask("我们是一家CRO，主要给高校课题组做新药临床前研究服务，想申请对接国际标准那个每个项目最高100万，行不行？")
    assert answer.verdicts[0].measure == "12" and answer.verdicts[0].verdict == "not_eligible"
    assert answer.answer.startswith("不可以")
    assert "policy2024:04" in [c.chunk_id for c in answer.citations]
    assert "1000万元" in answer.answer


def test_a_clinical_trial_service_upgrade_is_not_the_preclinical_interest_subsidy(engine):
    answer = engine.ask("我们CRO今年准备花1200万把临床试验服务按ICH-GCP标准升级，听说市里有个CRO的贴息政策，一个项目一年最多能贴"
                        "1000万，我们这个升级能申那个贴息吗？")
    assert answer.verdicts[0].measure == "04" and answer.verdicts[0].verdict == "not_eligible"
    assert answer.citations[0].chunk_id == "policy2024:12"
    # the capability project's 100万, not the overseas trials' 2000万
    assert answer.total_yuan == 1_000_000
    assert "2000万" not in answer.answer


def test_in_english_preclinical_toxicology_for_university_labs_goes_to_measure_four(engine):
    answer = engine.ask("We are a Shanghai CRO doing preclinical toxicology for university labs. Can we apply for the CRO "
                        "international-standards capability project (up to RMB 1 million)?")
    assert answer.answer.startswith("No")
    assert [v.verdict for v in answer.verdicts][:1] == ["not_eligible"]
    assert "policy2024:04" in [c.chunk_id for c in answer.citations]
