"""Search data: what the index holds besides the HTML Pagefind reads (generator.integrations.pagefind).

This module adds what Pagefind cannot know: the pinyin of every name (so “yubo” and “ybsq” find
虞波社区), the filter values, and the traditional → simplified table the query
layer in theme/js/search.js uses.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from importlib import resources

from generator.domain.regions import Region
from generator.domain.slugs import _load_readings, core_name, pinyin_words

_MAX_READINGS = 4  # heteronym combinations per name; a few polyphonic characters explode otherwise


def filter_values(**values: list[str]) -> list[dict]:
    """Pagefind filter values as plain data: [{name, options}], each list de-duplicated in order."""
    return [{"name": k, "options": list(dict.fromkeys(v for v in vs if v))} for k, vs in values.items() if any(vs)]


def place_filters(chain: list[Region]) -> dict[str, list[str]]:
    """province and city filters: a 直辖市 is its own city."""
    if not chain:
        return {}
    province = chain[0]
    city = chain[0] if province.level == "直辖市" else (chain[1] if len(chain) > 1 else None)
    return {"province": [province.name], "city": [city.name] if city else []}


# Only these pages carry data-pagefind-body; telling Pagefind so spares it parsing the
# region, year and filter pages, a third of a large site.
def pinyin_terms(names: list[str], region_names: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> str:
    """Latin search terms for Chinese names: joined pinyin, initials and spaced syllables.

    Each name is taken without its region prefix (虞波社区 → yuboshequ, ybsq) and without its
    generic suffix too (虞波 → yubo); the short form also gets every reading of a polyphonic
    character (长 reads chang and zhang), so a visitor finds it whichever reading they type.
    Every term is a distinct word in the index, so only forms people type are added.
    """
    _load_readings()
    terms: list[str] = []
    shortest = ""
    for name in names:
        core = core_name(name, region_names)
        local = core_name(name, region_names, strip_suffix=False)
        for text in dict.fromkeys((core, local)):
            if not text:
                continue
            words = pinyin_words(text)  # the dictionary's reading of the phrase
            terms += ["".join(words), "".join(w[0] for w in words if w)]
        if core and (not shortest or len(core) < len(shortest)):
            shortest = core
    if shortest and len(shortest) <= 6:
        # Character by character: a phrase lookup would give only the phrase's own reading.
        readings = [_char_readings(ch) for ch in shortest]
        for combo in itertools.islice(itertools.product(*readings), _MAX_READINGS):
            words = [w for w in combo if w]
            terms += ["".join(words), "".join(w[0] for w in words)]
    if shortest:
        terms.append(" ".join(pinyin_words(shortest)))
    terms += ["".join(pinyin_words(place)) for place in places]  # cixishi, changshoulujiedao: find by place
    return " ".join(dict.fromkeys(t for t in terms if t))


@lru_cache(maxsize=1 << 14)  # a few thousand characters make up nearly every name
def _char_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one CJK character; ("",) for anything else."""
    if not "\u3400" <= ch <= "\u9fff":
        return ("",)
    from pypinyin import Style, pinyin

    _load_readings()
    return tuple(r for r in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0]
                 if r.isascii() and r.isalpha()) or ("",)


@lru_cache(maxsize=1)
def _t2s_table() -> tuple[tuple[str, str], ...]:
    text = resources.files("opencc_purepy").joinpath("dicts/TSCharacters.txt").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            pairs.append((parts[0], parts[1]))
    return tuple(pairs)


def t2s_pairs(used: set[str] | None = None) -> str:
    """Traditional→simplified characters as one string of pairs: 願愿…

    Built from OpenCC's character table (opencc-purepy ships it), so the browser needs no
    converter library: the query layer maps a query character by character. Given the
    characters the index holds, only pairs whose simplified form occurs are kept: any other
    traditional character could not match anything, converted or not.
    """
    return "".join(t + s for t, s in _t2s_table() if used is None or s in used)
