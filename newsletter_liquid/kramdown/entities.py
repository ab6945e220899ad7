"""kramdown's entity table and how ``entity_output`` writes an entity.

kramdown's table is HTML 4's plus ``apos`` and ``vellip``, with the code
points of ``lceil``/``rceil`` and ``lang``/``rang`` swapped, and numeric
references 128-159 read as Windows-1252 (``&#150;`` is an en dash).
"""

from __future__ import annotations

import html.entities
from dataclasses import dataclass
from functools import lru_cache

_SWAPPED = {"rceil": 8968, "lceil": 8969, "rang": 9001, "lang": 9002}
_EXTRA = {"apos": 39, "vellip": 8942}
_CP1252 = {
    128: 8364,
    130: 8218,
    131: 402,
    132: 8222,
    133: 8230,
    134: 8224,
    135: 8225,
    136: 710,
    137: 8240,
    138: 352,
    139: 8249,
    140: 338,
    142: 381,
    145: 8216,
    146: 8217,
    147: 8220,
    148: 8221,
    149: 8226,
    150: 8211,
    151: 8212,
    152: 732,
    153: 8482,
    154: 353,
    155: 8250,
    156: 339,
    158: 382,
    159: 376,
}
ESCAPE_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


@dataclass(frozen=True)
class Entity:
    code_point: int
    name: str | None

    @property
    def char(self) -> str | None:
        return ruby_pack_u(self.code_point)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Entity], dict[int, Entity]]:
    by_name: dict[str, Entity] = {}
    by_point: dict[int, Entity] = {}
    names = {**html.entities.name2codepoint, **_EXTRA, **_SWAPPED}
    for name, point in names.items():
        ent = Entity(point, name)
        by_name[name] = ent
        by_point[point] = ent
    for point, target in _CP1252.items():
        by_point[point] = by_point.get(target) or Entity(target, None)
    return by_name, by_point


class UnknownEntity(LookupError):
    """A named reference kramdown does not know (it then writes ``&amp;``)."""


def entity(point_or_name: int | str) -> Entity:
    by_name, by_point = _tables()
    if isinstance(point_or_name, int):
        return by_point.get(point_or_name) or Entity(point_or_name, None)
    try:
        return by_name[point_or_name]
    except KeyError:
        raise UnknownEntity(point_or_name) from None


def ruby_pack_u(point: int) -> str | None:
    """``[point].pack('U')``: Ruby encodes any 31-bit value UTF-8 style, valid or not.

    Bytes that are not valid UTF-8 come back as surrogate escapes so that
    encoding the result with ``surrogateescape`` yields Ruby's bytes.
    """
    if point < 0 or point > 0x7FFFFFFF:
        return None
    if point < 0xD800 or 0xE000 <= point <= 0x10FFFF:
        return chr(point)
    limits = ((0x800, 3), (0x10000, 3), (0x200000, 4), (0x4000000, 5), (0x80000000, 6))
    size = next(n for limit, n in limits if point < limit)
    lead = (0xE0, 0xE0, 0xF0, 0xF8, 0xFC)[(3, 3, 4, 5, 6).index(size)]
    out = []
    value = point
    for _ in range(size - 1):
        out.append(0x80 | (value & 0x3F))
        value >>= 6
    out.append(lead | value)
    return bytes(reversed(out)).decode("utf-8", "surrogateescape")
