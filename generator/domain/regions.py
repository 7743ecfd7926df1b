"""The region hierarchy 省 → 市 → 区/县 → 街道/乡镇 → 社区/村, and short-form lookup.

The table lives in ``content/regions.yaml`` as ``全路径: slug`` lines, so editors
add a place with one line and its URL slug never changes behind their back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.domain.ids import is_slug

# Suffixes that may be dropped in running text: 慈溪市 → 慈溪, 浒山街道 → 浒山.
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
             "街道", "新区", "省", "市", "区", "县", "镇", "乡", "州", "盟", "旗")


class RegionError(ValueError):
    """A region text that the table cannot place."""


@dataclass(frozen=True)
class Region:
    """One place in the hierarchy; ``path`` is its full name path, e.g. 浙江省/宁波市."""

    path: str
    slug_path: str  # e.g. zhejiang/ningbo, used in URLs
    aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def parts(self) -> list[str]:
        return self.path.split("/")

    @property
    def depth(self) -> int:
        return self.path.count("/") + 1

    @property
    def parent_path(self) -> str | None:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else None

    @property
    def level(self) -> str:
        """省/市/区县/街道乡镇/社区村 by depth; a 直辖市 has no city level."""
        municipality = self.parts[0].endswith("市")
        levels = (["直辖市", "区县", "街道/乡镇", "社区/村"] if municipality
                  else ["省", "市", "区县", "街道/乡镇", "社区/村"])
        return levels[min(self.depth, len(levels)) - 1]

    @property
    def display(self) -> str:
        return "".join(self.parts)


def short_forms(name: str) -> list[str]:
    """The names a segment is written as in running text, longest first."""
    forms = [name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.append(name[: -len(suffix)])
            break
    return forms


@dataclass
class RegionTable:
    """All known regions, with a lookup that turns short forms into full paths."""

    regions: dict[str, Region] = field(default_factory=dict)
    _names: dict[str, set[str]] = field(default_factory=dict)
    _children: dict[str | None, list[Region]] = field(default_factory=dict)
    # Every record names its region; the same few hundred texts recur across thousands of records.
    _placed: dict[str, Region | RegionError] = field(default_factory=dict)
    _chains: dict[str, tuple[Region, ...]] = field(default_factory=dict)
    _longest: int = 0

    def add(self, region: Region) -> None:
        self._placed.clear()
        self._chains.clear()
        self.regions[region.path] = region
        self._children.setdefault(region.parent_path, []).append(region)
        for form in [*short_forms(region.name), *region.aliases]:
            self._names.setdefault(form, set()).add(region.path)
            self._longest = max(self._longest, len(form))

    def get(self, path: str) -> Region | None:
        return self.regions.get(path)

    def children(self, path: str | None) -> list[Region]:
        return list(self._children.get(path, ()))

    def ancestors(self, path: str) -> list[Region]:
        """The region and every region above it, top first."""
        chain = self._chains.get(path)
        if chain is None:
            parts = path.split("/")
            chain = self._chains[path] = tuple(self.regions["/".join(parts[: i + 1])] for i in range(len(parts)))
        return list(chain)

    def normalise(self, text: str) -> Region:
        """Place a region as written (“慈溪市浒山街道”) at its full path.

        Raises RegionError naming the part that is not in the table.
        """
        placed = self._placed.get(text)
        if placed is None:
            try:
                placed = self._normalise(text)
            except RegionError as exc:
                placed = exc
            self._placed[text] = placed
        if isinstance(placed, RegionError):
            raise RegionError(str(placed))
        return placed

    def _normalise(self, text: str) -> Region:
        s = re.sub(r"[\s/·,，、]+", "", text or "")
        if not s:
            raise RegionError("地区为空")
        if "/" in (text or "") and text.strip() in self.regions:
            return self.regions[text.strip()]
        current: str | None = None
        parent: str | None = None  # the place above current, and where current's name began
        begun = 0
        i = 0
        longest = self._longest
        while i < len(s):
            match = None
            for n in range(min(longest, len(s) - i), 0, -1):
                candidates = self._names.get(s[i : i + n])
                if not candidates:
                    continue
                below = sorted(p for p in candidates if current is None or p.startswith(current + "/"))
                if len(below) > 1 and current is None:
                    # A bare name shared by several places: prefer the shallowest (e.g. a city over a street).
                    shallow = min(p.count("/") for p in below)
                    below = [p for p in below if p.count("/") == shallow]
                if len(below) == 1:
                    match = (n, below[0])
                    break
                if len(below) > 1:
                    raise RegionError(
                        f"“{s[i:i + n]}” 可指 {'、'.join(below)}; 请写出上一级地区以区分"
                    )
            if match is None:
                if current is not None and i - begun < len(self.regions[current].name):
                    # “潘火街到”: a short form (潘火) matched and a typo is left over; judge the whole word
                    raise RegionError(self._not_found(s[:begun], s[begun:], parent))
                raise RegionError(self._not_found(s[:i], s[i:], current))
            parent, begun = current, i
            i += match[0]
            current = match[1]
        assert current is not None
        return self.regions[current]


    def _not_found(self, known: str, rest: str, current: str | None) -> str:
        """Say what was recognised, where the rest really is, or what is near it in the table."""
        head = f"“{known}” 已识别为 {current}, 但" if known and current else ""
        # 鄞州区浒山街道: 浒山街道 is in the table, under another place.
        for n in range(min(self._longest, len(rest)), 0, -1):
            elsewhere = sorted(p for p in self._names.get(rest[:n], ())
                               if current is None or not p.startswith(current + "/"))
            if elsewhere and current is not None:
                where = "、".join(self.regions[p].parent_path or "(顶层)" for p in elsewhere[:3])
                first = self.regions[elsewhere[0]]
                parent = self.regions.get(first.parent_path or "")
                written = (parent.name if parent else "") + first.name + rest[n:]
                return (f"{head}“{rest[:n]}” 不在 {current} 下: 地区表中的 “{rest[:n]}” 属于 {where}; "
                        f"如果是它, 写成 “{written}”")
        import difflib  # only on the error path

        below = [r.name for r in self.children(current)] if current is not None else []
        near = difflib.get_close_matches(rest, below, n=5, cutoff=0.4)
        # Elsewhere in the table, named with the place above so the editor sees where it is.
        anywhere = {r.name: r for r in self.regions.values()}
        for name in difflib.get_close_matches(rest, list(anywhere), n=3, cutoff=0.6):
            region = anywhere[name]
            shown = self.regions[region.parent_path].name + name if region.parent_path else name
            if name not in near and region.parent_path != current:
                near.append(shown)
        if near:
            hint = f"; 表中相近的有 {'、'.join(near[:5])}"
        elif below:
            hint = f"; {current} 下已有 {'、'.join(below[:8])}{' 等' if len(below) > 8 else ''}"
        else:
            hint = ""
        return f"{head}“{rest}” 不在地区表 content/regions.yaml 中{hint}; 请检查写法, 或在地区表里加一行 “全路径: 拼音”"


def build_table(entries: dict[str, object]) -> tuple[RegionTable, list[tuple[str, str]]]:
    """Build a table from ``{path: slug | {slug, aliases}}``; returns the table and (path, problem) pairs."""
    table = RegionTable()
    problems: list[tuple[str, str]] = []
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for path in sorted(entries, key=lambda p: p.count("/")):
        spec = entries[path]
        aliases: list[str] = []
        if isinstance(spec, dict):
            aliases = [str(a) for a in spec.get("aliases") or []]
            spec = spec.get("slug")
        slug = str(spec or "")
        if not is_slug(slug):
            problems.append((path, f"拼音 slug “{slug}” 只能用小写字母、数字和连字符, 例如 ningbo"))
            continue
        parent = path.rsplit("/", 1)[0] if "/" in path else None
        if parent is not None and parent not in slugs:
            problems.append((path, f"上一级地区 “{parent}” 不在地区表中; 先加上它"))
            continue
        slug_path = f"{slugs[parent]}/{slug}" if parent else slug
        if slug_path in taken:
            problems.append((path, f"slug 路径 {slug_path} 与另一地区重复"))
            continue
        slugs[path] = slug_path
        taken.add(slug_path)
        table.add(Region(path=path, slug_path=slug_path, aliases=tuple(aliases)))
    return table, problems
