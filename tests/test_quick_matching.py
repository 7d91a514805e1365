"""The question path's quicker ways of matching word lists, glossary terms, places and tags find exactly
what the plain patterns find: a turn is answered the same, only with less work."""

import re
from dataclasses import replace

import jieba.posseg
import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assistant.conversation.context import read_context
from assistant.conversation.scope import _data, _off_topic_words, place_tagger
from assistant.conversation.spelling import _corrected, _corrected_run
from assistant.conversation.understand import (
    _ask_word_patterns,
    _entities_denied,
    _entity_patterns,
    _entity_type,
    _kind_patterns,
    _read_cache,
    has_word,
    lexicon,
    understand,
    without_ask_words,
    word_pattern,
)
from assistant.query import _glossary, _glossary_expansions
from assistant.settings import Settings
from index.documents import catalogue

# the question's own alphabet: glossary and ask words, the letters case-insensitive patterns fold (İ ı ſ K)
PIECES = ["clinical trial", "R&D", "cgt", "device", "Phase", "ii期", "能拿多少", "多少钱", "what", "how much", "这个", "哪些部门",
          "\u0130nd", "\u0131", "\u017f", "\u212a", "K", " ", "，", "浦东", "在张江注册", "苏州", "的", "1类新药", "万"]
texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@hypothesis_settings(max_examples=300, deadline=None)
@given(texts)
def test_glossary_expansions_are_those_of_every_entry_searched(text):
    searched = [word for _, pattern, chinese in _glossary() if pattern.search(text) for word in chinese.split()]
    assert _glossary_expansions(text) == list(dict.fromkeys(searched))


@hypothesis_settings(max_examples=300, deadline=None)
@given(texts)
def test_a_word_list_is_found_where_its_whole_word_pattern_finds_it(text):
    text = text.lower()
    lists = [words for _, words in lexicon().kinds] + [
        tuple(words) for words in lexicon().facts.values() if isinstance(words, list) and all(isinstance(w, str) for w in words)]
    for words in lists:
        pattern = re.compile("|".join(word_pattern(str(w).lower()) for w in words) or "(?!)")
        assert has_word(text, words) is (pattern.search(text) is not None)
        assert has_word(text, list(words)) is has_word(text, words)  # a list is matched as its tuple


def test_every_word_of_a_list_is_found_where_its_whole_word_pattern_finds_it():
    lists = [words for _, words in lexicon().kinds] + [
        tuple(words) for words in lexicon().facts.values() if isinstance(words, list) and all(isinstance(w, str) for w in words)]
    for words in lists:
        pattern = re.compile("|".join(word_pattern(str(w).lower()) for w in words))
        for word in words:
            for text in (f"问{word}。".lower(), f"x{word} ".lower(), f"{word}s".lower()):
                assert has_word(text, words) is (pattern.search(text) is not None), (word, text)


@hypothesis_settings(max_examples=300, deadline=None)
@given(texts)
def test_a_word_alone_is_found_where_its_whole_word_pattern_finds_it(text):
    text = text.lower()
    for word in {*lexicon().figure_words, *lexicon().facts["overseas"], "ha", "R&D", "Phase", "ii期", "\u0130nd"}:
        found = re.search(word_pattern(str(word).lower()), text) is not None
        assert has_word(text, (word,)) is found
        assert has_word(text, [word]) is found  # a list of one word as its tuple


# who the asker says it is or is not, in either language, with the letters a case-insensitive match folds
ASKER_PIECES = ["我们是", "作为", "一家", "医院", "CRO", "cro", "不是", "药企", "we are a ", "we're an ", "not a ", "our ",
                "hospital", "\u0131nsurer", "in\u017furer", "\u212aK", "insurer", "individual", "个人名义", "，", "能申请吗",
                "in my own name", "如果是", "呢", " ", "保险公司", "what about a "]
asker_texts = st.lists(st.sampled_from(ASKER_PIECES), max_size=8).map("".join)


@hypothesis_settings(max_examples=500, deadline=None)
@given(asker_texts)
def test_who_the_asker_is_is_read_as_every_pattern_reads_it(text):
    text = text.lower()
    assert _entity_type(text) == next((kind for kind, pattern in _entity_patterns(own=True) if pattern.search(text)), None)
    assert _entities_denied(text) == tuple(kind for kind, pattern in _kind_patterns("entity_denied") if pattern.search(text))


def test_kept_tags_are_jiebas_own():
    kept = place_tagger()
    plain = jieba.posseg.POSTokenizer(kept.tokenizer)
    plain.word_tag_tab = kept.word_tag_tab
    for text in ("研发投入改成5013万呢", "北京中关村的公司在美国做临床能拿多少钱", "我们在光谷，能申请吗", "研发投入改成5014万呢",
                 "苏州的药企，能申请吗", "我们在光谷，能拿多少钱"):
        assert [(w, f) for w, f in kept.cut(text)] == [(w, f) for w, f in plain.cut(text)]


def test_one_request_thread_when_a_turn_only_computes_here(tmp_path):
    assert Settings(data_dir=tmp_path).answering_threads == 1
    assert Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1").answering_threads == 4
    assert Settings(data_dir=tmp_path, chroma_host="127.0.0.1").answering_threads == 4
    assert Settings(data_dir=tmp_path, request_threads=3).answering_threads == 3


@hypothesis_settings(max_examples=300, deadline=None)
@given(texts)
def test_ask_words_are_removed_as_when_every_word_is_looked_for(text):
    text = text.lower()
    plain = text
    for word, pattern in _ask_word_patterns()[0]:
        if word in plain:
            plain = pattern.sub(" ", plain)
    assert without_ask_words(text) == " ".join(lexicon().pointer_pattern.sub(" ", plain).split())


RUNS = ["补帖", "研发头入", "保废", "改良形", "临床适验", "能拿多少", "研发投入改成", "伦理审察", "我是", "的"]


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(RUNS), min_size=1, max_size=4))
def test_each_run_of_chinese_is_corrected_as_it_is_alone(runs):
    separated = "，".join(runs)
    _corrected_run.cache_clear()
    assert _corrected(separated) == "，".join(_corrected(run) for run in runs)
    assert _corrected_run(separated.split("，")[0]) == _corrected(runs[0])  # as kept: the same


def test_a_turn_read_with_the_earlier_turns_is_its_reading_as_context_with_the_turn_it_recalls():
    cat = catalogue()
    turns = ["1类新药II期临床研发投入3000万，能拿多少？", "CMO委托生产能补多少？", "第一个问的那个是哪些部门负责？"]
    earlier = read_context(turns[:2], None, cat)
    as_context = understand(turns[2], None, cat, earlier.previous, earlier.facts)  # how the next turn reads it
    asked = understand(turns[2], None, cat, earlier.previous, earlier.facts, earlier.earlier)
    assert as_context.recalled_text == "" and asked.recalled_text == earlier.earlier[0].text
    assert replace(as_context, recalled_text=asked.recalled_text) == asked
    _read_cache.clear()
    assert understand(turns[2], None, cat, earlier.previous, earlier.facts, earlier.earlier) == asked


def test_kept_bm25_scores_are_bm25s_own_and_cannot_be_changed(engine):
    retriever = engine.retriever
    terms = tuple(t for t in ("研发", "投入", "临床", "研发") if retriever.uses_word(t))
    kept = retriever._bm25_of(terms)
    assert terms and np.array_equal(kept, retriever._bm25.get_scores(list(terms)))
    with pytest.raises(ValueError):
        kept[0] = 0.0


OFF_TOPIC_PIECES = ["税", "税率", "上市", "规则", "报销比例", "医保卡", "ipo", "tax", "IPO", "科创板", "报销", "医保", "患者", "能拿多少", "，", " ", "1类新药"]


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OFF_TOPIC_PIECES), max_size=8).map("".join))
def test_off_topic_words_are_those_every_pattern_finds(text):
    text = text.lower()
    _off_topic_words.cache_clear()
    assert _off_topic_words(text) == tuple((group, tuple(m.span() for p in patterns for m in p.finditer(text)))
                                           for group, patterns in _data().off_topics)


@pytest.mark.parametrize("word, text, found", [
    ("i期", "今年i期ii期都批下来", True),  # a stage right before another stage
    ("i期", "ii期做完了", False),  # not inside another stage's numeral
    ("it", "with", False),
    ("cro", "我们是cro企业", True),
])
def test_a_word_with_letters_is_bounded_only_on_its_letter_ends(word, text, found):
    assert bool(re.search(word_pattern(word), text)) is found
