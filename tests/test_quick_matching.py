"""The question path's quicker ways of matching word lists, glossary terms, places and tags find exactly
what the plain patterns find: a turn is answered the same, only with less work."""

import re

import jieba.posseg
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assistant.conversation.scope import place_tagger
from assistant.conversation.understand import has_word, lexicon, word_pattern
from assistant.query import _glossary, _glossary_expansions
from assistant.settings import Settings

# the question's own alphabet: glossary and ask words, the letters case-insensitive patterns fold (İ ı ſ K)
PIECES = ["clinical trial", "R&D", "cgt", "device", "Phase", "ii期", "能拿多少", "多少钱", "what", "how much",
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
    for _, words in lexicon().kinds:
        pattern = re.compile("|".join(word_pattern(str(w).lower()) for w in words))
        assert has_word(text, words) is (pattern.search(text) is not None)
        assert has_word(text, list(words)) is has_word(text, words)  # a list is matched as its tuple


def test_kept_tags_are_jiebas_own():
    kept = place_tagger()
    plain = jieba.posseg.POSTokenizer(kept.tokenizer)
    plain.word_tag_tab = kept.word_tag_tab
    for text in ("研发投入改成5013万呢", "北京中关村的公司在美国做临床能拿多少钱", "我们在光谷，能申请吗", "研发投入改成5014万呢"):
        assert [(w, f) for w, f in kept.cut(text)] == [(w, f) for w, f in plain.cut(text)]


def test_one_request_thread_when_a_turn_only_computes_here(tmp_path):
    assert Settings(data_dir=tmp_path).answering_threads == 1
    assert Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1").answering_threads == 4
    assert Settings(data_dir=tmp_path, chroma_host="127.0.0.1").answering_threads == 4
    assert Settings(data_dir=tmp_path, request_threads=3).answering_threads == 3
