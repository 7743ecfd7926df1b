"""Search: what the index holds, and running Pagefind on a built site.

Pagefind (extended build, pinned in package.json) indexes the HTML; this module
adds what it cannot know: the pinyin of every name (so “yubo” and “ybsq” find
虞波社区), the filter values, and the traditional → simplified table the query
layer in theme/js/search.js uses.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .regions import Region
from .slugs import _load_readings, core_name, pinyin_words

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
INDEXED_GLOB = "{{communities,organizations,projects,volunteers,centres,news}/**/*.html,editions/*/index.html}"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says how to fix it."""


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


def find_pagefind(project: Path) -> Path | None:
    """The pinned Pagefind extended binary: $BANGYANG_PAGEFIND, then node_modules, then PATH."""
    env = os.environ.get("BANGYANG_PAGEFIND")
    if env:
        return Path(env) if os.access(env, os.X_OK) else None
    roots = [project, Path(__file__).resolve().parent.parent]
    for root in roots:
        for candidate in sorted((root / "node_modules" / "@pagefind").glob("*/bin/pagefind_extended")):
            if os.access(candidate, os.X_OK):
                return candidate
    found = shutil.which("pagefind_extended")
    return Path(found) if found else None


def start_pagefind(project: Path, site: Path, bundle: Path, background: bool = False) -> subprocess.Popen:
    """Start Pagefind indexing ``site`` into ``bundle``; ``finish_pagefind`` waits for it.

    ``background``: at low priority, so that it leaves the cores to the preview's rebuilds.
    """
    binary = find_pagefind(project)
    if binary is None:
        raise SearchIndexError("找不到 Pagefind (extended); 在项目目录运行 npm ci 安装, 或用 --no-search 跳过搜索索引")
    command = [str(binary), "--site", str(site), "--glob", INDEXED_GLOB, "--silent", "--output-path", str(bundle)]
    nice = shutil.which("nice") if background else None
    if nice:  # a prefix, not os.setpriority after the start: Pagefind's threads inherit it from the first
        command = [nice, "-n", "10", *command]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# Pagefind names these files for a hash of their contents, and itself skips writing one
# whose name already exists (its "immutable" files): the same name is the same bytes.
_HASHED_FOLDERS = ("fragment/", "index/", "filter/")


def named_for_content(rel: str) -> bool:
    """Whether the Pagefind bundle file ``rel`` (relative to pagefind/) is named for its bytes."""
    return rel.startswith(_HASHED_FOLDERS) or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))


def finish_pagefind(process: subprocess.Popen) -> None:
    """Wait for a started Pagefind; raise SearchIndexError if it failed."""
    out, err = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind 建索引失败: {err.strip() or out.strip()}")

