"""A traditional-Chinese question gets its answer in traditional script, with the sources' own names written as
that script writes them: OpenCC's phrase table writes 中央广播电视总台 (the broadcaster that asked at the press
conference) as 總檯, a front desk; the answer writes 總臺."""

from assistant.language import Language, in_script


def test_the_broadcasters_name_is_written_as_traditional_script_writes_it():
    assert in_script("中央广播电视总台:上海推动生物医药产业发展", Language.TRADITIONAL) == "中央廣播電視總臺:上海推動生物醫藥產業發展"
    assert in_script("中央广播电视总台", Language.SIMPLIFIED) == "中央广播电视总台"


def test_a_traditional_question_about_the_press_conference_names_the_broadcaster_right(engine):
    answer = engine.ask("新聞發佈會上中央廣播電視總臺問了什麼問題？")
    assert "總檯" not in answer.answer
