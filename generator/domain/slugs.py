"""ASCII slugs proposed for new records, from the pinyin of their names.

pypinyin converts by phrase, so 长寿 reads chang-shou and 重庆 chong-qing; a naive
per-character table would give zhang-shou and zhong-qing. Place names its
dictionary lacks are added below. Slugs are proposed once, by ``bangyang new``,
and then live in the file path: they are never recomputed at build time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.domain.values import Values

# pypinyin is imported where it is used: loading its dictionaries takes a quarter of a
# second, and a rebuild that meets no new name never needs them.

# Place-name readings missing from pypinyin's phrase dictionary (seen: 长宁 → zhang-ning).
_PLACE_READINGS = {
    "长宁": [["cháng"], ["níng"]],
    "长风": [["cháng"], ["fēng"]],
    "长寿路": [["cháng"], ["shòu"], ["lù"]],
    "莘庄": [["xīn"], ["zhuāng"]],
    "大旸": [["dà"], ["yáng"]],
}

# Generic words that say what a record is rather than which one it is.
GENERIC_SUFFIXES = (
    "社区志愿服务中心", "新时代文明实践中心", "新时代文明实践所", "新时代文明实践站",
    "志愿服务中心", "志愿服务大队", "志愿服务队", "志愿服务项目", "志愿服务组织",
    "社区", "村", "项目", "中心",
)

_MAX_SYLLABLES = 8


@lru_cache(maxsize=1)
def _load_readings() -> None:
    from pypinyin import load_phrases_dict

    load_phrases_dict(_PLACE_READINGS)


def pinyin_words(text: str) -> list[str]:
    """Toneless pinyin of the Chinese in ``text``, one item per syllable; ASCII runs kept."""
    return list(_pinyin_words(text))


def cached_pinyin_words(text: str, memo: Values) -> list[str]:
    """``pinyin_words`` through the build cache: starting pypinyin takes a noticeable part of a
    small rebuild, which a rebuild that meets no new name should not pay."""
    return memo.get(("pinyin_words", text), lambda: pinyin_words(text))


@lru_cache(maxsize=1 << 16)  # place names repeat on every record of a region
def _pinyin_words(text: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    _load_readings()
    out: list[str] = []
    for piece in lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: re.findall(r"[A-Za-z0-9]+", s)):
        piece = piece.lower()
        if re.fullmatch(r"[a-z0-9]+", piece):
            out.append(piece)
    return tuple(out)


def core_name(name: str, region_names: list[str] | tuple[str, ...] = (), strip_suffix: bool = True) -> str:
    """Strip quotes, region prefixes and generic suffixes: 慈溪市浒山街道虞波社区 → 虞波."""
    core = re.sub(r"[“”\"'《》「」()（）·]", "", name)
    changed = True
    while changed:
        changed = False
        for region in sorted(region_names, key=len, reverse=True):
            if region and core.startswith(region) and len(core) > len(region):
                core, changed = core[len(region):], True
                break  # start again from the longest name
    for suffix in GENERIC_SUFFIXES if strip_suffix else ():
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core[: -len(suffix)]
            break
    return core


def propose_slug(name: str, place_slug: str = "", region_names: list[str] | tuple[str, ...] = ()) -> str:
    """Propose ``<place>-<name>``, e.g. cixi-yubo for 慈溪市浒山街道虞波社区."""
    words = pinyin_words(core_name(name, region_names))[:_MAX_SYLLABLES]
    stem = "".join(words) or "record"
    return f"{place_slug}-{stem}" if place_slug and place_slug != stem else stem
