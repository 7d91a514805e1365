"""A time asked after an award's verdict ("那审评一般要多久？") is a time to look up, not the award asked again.
Source: （十六） 第二类医疗器械审评平均时限压缩至40个工作日以内; （六） is for devices in special review."""


def test_review_time_after_a_device_verdict_is_the_review_time(engine):
    first = engine.ask("我们还有一款普通的耳背式助听器，就是常规二类证，没走创新通道，只是把降噪算法升级了，升级花了600万。"
                       "这种能拿研发投入40%的那个补贴吗？")
    assert [v.verdict for v in first.verdicts] == ["not_eligible"]
    answer = engine.ask("那这个二类证现在上海这边审评一般多快能走完？", first.session_id)
    assert answer.citations[0].chunk_id == "policy2024:16"
    assert "40个工作日" in answer.answer.splitlines()[0]
    assert not answer.verdicts
