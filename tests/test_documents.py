from datetime import date

from index.documents import DocumentStatus, catalogue


def test_expired_plan_is_flagged():
    assert catalogue().get("pudong2022").status_on(date(2026, 11, 25)) is DocumentStatus.EXPIRED
    assert catalogue().get("pudong2022").status_on(date(2024, 6, 1)) is DocumentStatus.IN_FORCE


def test_main_policy_in_force_until_mid_2029():
    policy = catalogue().get("policy2024")
    assert policy.in_force_on(date(2029, 7, 31))
    assert policy.status_on(date(2029, 8, 1)) is DocumentStatus.EXPIRED


def test_the_2021_policy_the_reply_quotes_has_an_unstated_status_never_a_replacement_no_source_states():
    # the reply letter quotes the 2021 policy's support; no source gives its term or says the 2024 policy replaces it
    assert catalogue().get("policy2021").status_on(date(2026, 1, 1)) is DocumentStatus.UNSTATED
    assert catalogue().successor_of("policy2021") is None
    assert catalogue().follower_of("policy2021").id == "policy2024"


def test_the_2021_policys_title_quoted_names_no_other_document_by_the_alias_it_holds():
    # 《关于促进本市生物医药产业高质量发展的若干意见》 holds 若干意见, an alias of the 2024 policy
    assert catalogue().named_in("那份《关于促进本市生物医药产业高质量发展的若干意见》里对cro怎么补贴") == set()
    assert catalogue().named_in("《关于支持生物医药产业全链条创新发展的若干意见》里对cro怎么补贴") == {"policy2024"}
