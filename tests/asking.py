"""Small helpers the conversation tests share: the articles an answer cites, its verdicts by measure, and a
conversation asked turn by turn."""

from typing import Any


def cited(answer: Any) -> list[str]:
    """The chunk ids an answer cites, in order (its first is the article the answer comes from)."""
    return [c.chunk_id for c in answer.citations]


def measure_verdicts(answer: Any) -> list[tuple[str, str]]:
    """The answer's eligibility verdicts as (measure, verdict) pairs ("05", "not_eligible"), in order."""
    return [(v.measure, v.verdict) for v in answer.verdicts]


def turns(engine: Any, *questions: str) -> list[Any]:
    """Each of ``questions`` asked in one session, in order: the answers, one per turn."""
    session = None
    answers = []
    for question in questions:
        answer = engine.ask(question, session)
        session = answer.session_id
        answers.append(answer)
    return answers
