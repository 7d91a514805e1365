"""A conversation's later turns keep their topic and their facts: a year's cap asked with no topic of its own is
the cap of the measure discussed, a "total cap" is that cap and no sum of the items computed, a trial moved to
Shanghai's hospitals is a domestic trial, a count of projects with a total stays on the measure discussed, and
a topic named inside the other document is looked for there by its own words. Each test is a promise of the
question path, run on the real index."""

from assistant.records import Status

LEAD = 160
LEAD_EN = 320


def test_a_years_cap_asked_without_a_topic_is_the_cap_of_the_measure_discussed(engine):
    first = engine.ask("我们的创新医疗器械进入了本市特别审查程序，能给多少？")
    second = engine.ask("后来首次拿到注册证并在上海落地生产，研发投入2000万，还能拿多少", first.session_id)
    assert second.total_yuan == 8_000_000  # min(40% × 2000万, 800万)
    third = engine.ask("那要是研发投入只有1000万呢", second.session_id)
    assert third.total_yuan == 4_000_000
    cap = engine.ask("一个单位一年最多拿多少", third.session_id)
    assert cap.status is Status.ANSWERED
    assert [c.chunk_id for c in cap.citations][:1] == ["policy2024:06"]
    assert "3000万" in cap.answer[:LEAD]  # （六）'s annual cap, not （五）'s 1亿 that the R&D words find


def test_the_total_cap_per_company_is_the_annual_cap_not_the_sum_of_the_items(engine):
    first = engine.ask("Our Shanghai-registered company finished a domestic Phase II of a Class 1 drug with output, "
                       "R&D spend RMB 30 million. How much support?")
    assert first.total_yuan == 12_000_000
    second = engine.ask("and Phase I, with RMB 5 million spent?", first.session_id)
    assert second.total_yuan == 2_000_000
    cap = engine.ask("so what's the total cap per company per year?", second.session_id)
    assert cap.total_yuan != 14_000_000  # no sum of the two items
    assert "RMB 100,000,000" in cap.answer[:LEAD_EN]


def test_the_cap_per_company_per_year_leads_the_answer(engine):
    first = engine.ask("Our Class 1 drug's Phase III is done in China with output, Shanghai-registered applicant, "
                       "R&D RMB 60 million. How much?")
    cap = engine.ask("and the cap per company per year for that one?", first.session_id)
    assert cap.answer.splitlines()[0].startswith("Annual cap")


def test_a_trial_corrected_to_shanghai_hospitals_is_a_domestic_trial(engine):
    first = engine.ask("Our class 1 drug's Phase II runs in Japan, R&D 30 million yuan. How much under the Phase II support?")
    assert [c.chunk_id for c in first.citations][:1] == ["policy2024:12"]
    corrected = engine.ask("correction: the Phase II actually runs at Shanghai hospitals, not Japan", first.session_id)
    assert [c.chunk_id for c in corrected.citations][:1] == ["policy2024:05"]
    assert corrected.total_yuan == 12_000_000  # 40% × 3000万 under （五）'s Ⅱ期 2000万


def test_a_count_of_projects_with_a_total_stays_on_the_measure_discussed(engine):
    first = engine.ask("医院与企业合作开展上市后真实世界研究，单个项目最多给多少？")
    assert first.total_yuan == 2_000_000
    total = engine.ask("我们一共做三个项目，合计呢？", first.session_id)  # "做…项目" alone would find （二十三）
    assert [c.chunk_id for c in total.citations][:1] == ["policy2024:20"]
    assert total.total_yuan == 6_000_000


def test_a_topic_named_inside_the_other_document_is_found_there_by_its_own_words(engine):
    first = engine.ask("医疗机构和企业合作开展创新药械应用示范项目，每个项目最多支持多少？")
    pudong = engine.ask("浦东方案的政府首购又是怎么说的？", first.session_id)
    assert [c.chunk_id for c in pudong.citations][:1] == ["pudong2022:task-17"]
    assert "首购" in pudong.answer


def test_a_figure_said_at_the_press_conference_names_who_said_it(engine):
    answer = engine.ask("发布会上说去年全市三级医院新增了多少项研究者发起的临床研究？")
    assert [c.chunk_id for c in answer.citations][:1] == ["press20240731:q05"]
    assert answer.answer.startswith("3608项")
    assert "胡鸿毅答东方网提问时说" in answer.answer.splitlines()[0]
