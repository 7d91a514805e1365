"""A condition of the text decided by the asker's own words, however they put it.

（三十七）: "对于我市企业或组织参加国际性活动和展会的" — a domestic fair is none. （三十六）: "…注册，并在当地实现销售的" —
an approval with sales still to come is not sold there; sales begun there are. （二十四）: "承接委托生产活动" — a CRO's
clinical services are no contract manufacturing. A company's turnover is no amount to compute with; "no equity between
us" denies an investment relation; "cell-therapy" names a cell and gene therapy; a rule's own words ("10% of output")
name its measure rather than the policy's scope. （五）: "由我市注册申请人开展国内…临床试验" — an applicant said to be
in Shanghai meets it, wherever the trial's hospitals are, and a yes quotes it.
"""

import pytest

from assistant.conversation.understand import read_facts, without_background
from index.normalise import normalise


def _facts(message: str):
    text = normalise(message)
    return read_facts(text, text.lower())


def _verdicts(answer) -> set[str]:
    return {v.verdict for v in answer.verdicts}


@pytest.mark.parametrize("question", [
    "我们是上海注册的器械公司，上个月去武汉参加了一个国内展会，展位费能按那个50%的展会支持报吗？",
    "Our Shanghai biotech had a booth at a domestic expo in Xi'an last month. Can we claim the exhibition support for it?",
])
def test_a_domestic_fair_is_no_international_event_and_gets_no(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:37"


@pytest.mark.parametrize("question", [
    "我们上海的创新药刚拿到EMA批准，不过欧洲那边要到后年才会开始销售，现在能申请全球注册认证的支持吗？",
    "Our Shanghai company's antibody was just approved by the PMDA, but sales will start next spring. Can we apply for the global registration support now?",
])
def test_an_approval_with_sales_still_to_come_is_not_yet_sold_there(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:36"


def test_sales_begun_there_meet_the_sales_condition(engine):
    answer = engine.ask("我们上海研发的创新药在印度药监注册了，上个季度也开始在当地卖了，能申请全球注册认证的支持吗？")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:36"


@pytest.mark.parametrize("question", [
    "We are a Shanghai CRO doing clinical monitoring and data management for biotech sponsors. Does that work count for the contract manufacturing support?",
    "我们是上海的CRO，主要给药企做临床试验数据管理服务，这部分收入能申请CMO委托生产的支持吗？",
])
def test_clinical_trial_services_are_no_contract_manufacturing(engine, question):
    answer = engine.ask(question)
    assert _verdicts(answer) == {"not_eligible"} and answer.citations[0].chunk_id == "policy2024:24"


def test_the_rules_own_words_name_its_measure_rather_than_the_scope(engine):
    answer = engine.ask("We're a Shanghai CDMO and have a new production order from a client. Can we apply for the 10%-of-output subsidy?")
    assert answer.citations[0].chunk_id == "policy2024:24"


@pytest.mark.parametrize("message", [
    "我们是中型药企，去年营收刚过2个亿，想做一笔担保贷款。",
    "我们营收刚刚超过8000万。",
])
def test_turnover_said_in_passing_is_no_amount_to_compute_with(message) -> None:
    assert _facts(without_background(message)).amounts == ()


@pytest.mark.parametrize("message", [
    "There is no equity between us and the licensee.",
    "No cross-shareholding between the two companies.",
])
def test_no_equity_between_the_parties_denies_a_relation(message) -> None:
    assert _facts(message).related_party is False


@pytest.mark.parametrize("message", ["Our cell-therapy product finished its early trial.", "我们的干细胞治疗产品完成了早期临床。"])
def test_a_cell_therapy_written_any_way_is_a_cell_and_gene_therapy(message) -> None:
    assert _facts(message).cgt is True


def test_a_registration_applicant_said_to_be_in_shanghai_is_quoted_as_met_wherever_the_trial_runs(engine):
    answer = engine.ask("我们的注册申请人在上海浦东，1类新药的Ⅲ期临床放在成都和武汉的医院做，还能申请临床研发的支持吗？")
    assert _verdicts(answer) == {"eligible"} and answer.citations[0].chunk_id == "policy2024:05"
    assert "注册申请人" in answer.answer
