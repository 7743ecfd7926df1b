"""Numbers as Chinese news prints them: “222万余人”, “9600多万小时”, “35.1%”.

The published text is kept verbatim for display; the value is what charts,
sorting and open data use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Qualifiers that soften a figure. Leading ones come before the number
# (近6.2万), trailing ones after the multiplier (222万余) or before it (9600多万).
LEADING_QUALIFIERS = ("近", "约", "逾", "超过", "超", "突破", "达", "共")
TRAILING_QUALIFIERS = ("余", "多", "以上", "左右", "+")
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}

_NUMBER = re.compile(
    r"^(?P<lead>近|约|逾|超过|超|突破|达|共)?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)?"
    r"(?P<q1>余|多|\+)?"
    r"(?P<mult>万|亿|千|百)?"
    r"(?P<q2>余|多|以上|左右)?"
    r"(?P<rest>.*)$"
)
_DIGIT = re.compile(r"\d")
_PERCENT = re.compile(r"^(?P<lead>近|约|逾|超过|超)?(?P<num>\d+(?:\.\d+)?)\s*[%％](?P<q2>以上|左右)?$")


class QuantityError(ValueError):
    """Raised when a text is not a number as the press writes one."""


@dataclass(frozen=True)
class Quantity:
    """A published figure: its text, its value, unit and qualifier."""

    text: str
    value: float
    unit: str = ""
    qualifier: str = ""
    is_ratio: bool = False

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "value": int(self.value) if float(self.value).is_integer() else self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "is_ratio": self.is_ratio,
        }


def parse_quantity(raw: object) -> Quantity:
    """Parse a YAML scalar into a Quantity, or raise QuantityError in plain words."""
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        return _parse_cached(type(raw), raw)
    return _parse(raw)


# In memory only: the build cache keeps validated records, so a figure is read again only
# when its file changed; keeping figures in the build cache too cost more than parsing them.
@lru_cache(maxsize=1 << 16)
def _parse_cached(kind: type, raw: object) -> Quantity:
    """A Quantity is immutable: ``bangyang serve`` parses a figure once. ``kind`` keeps 1 and 1.0 apart."""
    return _parse(raw)


def _parse(raw: object) -> Quantity:
    if isinstance(raw, bool):
        raise QuantityError(f"需要一个数字, 例如 2202 或 “222万余人”, 实际是 {raw!r}")
    if isinstance(raw, (int, float)):
        text = str(raw)
        return Quantity(text=text, value=float(raw))
    if not isinstance(raw, str):
        raise QuantityError(f"需要一个数字, 例如 2202 或 “222万余人”, 实际是 {type(raw).__name__}")
    text = raw.strip()
    compact = text.replace(" ", "")
    m = _PERCENT.match(compact)
    if m:
        value = float(m["num"]) / 100
        qualifier = (m["lead"] or "") + (m["q2"] or "")
        return Quantity(text=text, value=round(value, 10), unit="%", qualifier=qualifier, is_ratio=True)
    m = _NUMBER.match(compact)
    # A bare multiplier counts as one of it: “近千项” is about 1,000.
    lead, num, q1, mult, q2, rest = m.groups() if m else (None,) * 6
    if not (num or mult):
        raise QuantityError(
            f"需要一个数字, 例如 2202、“222万余人” 或 “35.1%”, 实际是 “{text}”"
            " (汉字数字如“两千”请改写为阿拉伯数字)"
        )
    value = float(num.replace(",", "")) if num else 1.0
    if mult:
        value *= MULTIPLIERS[mult]
    # A trailing qualifier may also stand after the unit: “1600名以上”.
    qualifier_tail = ""
    if rest.endswith(("以上", "左右")):
        rest, qualifier_tail = rest[:-2], rest[-2:]
    if _DIGIT.search(rest):
        raise QuantityError(f"“{text}” 里有不止一个数字; 每项统计只写一个数字")
    qualifier = (lead or "") + (q1 or "") + (q2 or "") + qualifier_tail
    return Quantity(text=text, value=round(value, 6), unit=rest, qualifier=qualifier)
