"""Header ids: kramdown-parser-gfm's (Unicode-aware, counted) and kramdown's own."""

from __future__ import annotations

import re

from ..utils import is_ruby_word, ruby_downcase

_LEADING_NON_ALPHA = re.compile(r"^[^a-zA-Z]+", re.M)
_NOT_ID_CHAR = re.compile(r"[^a-zA-Z0-9 -]")
# What the Unicode test below drops, for ASCII text: all but letters, digits, _, -, blanks.
_NOT_GFM_ASCII = re.compile(r"[^a-z0-9_\- \t]")


def gfm_header_id(text: str, counter: dict[str, int], prefix: str) -> str:
    """GitHub-style id: lowercase, drop all but word chars, ``-`` and blanks, blanks to ``-``.

    Repeats get ``-1``, ``-2``, ... counted per base id (the suffixed ids are
    not themselves reserved, exactly as kramdown-parser-gfm does).
    """
    lowered = ruby_downcase(text)
    if lowered.isascii():
        result = _NOT_GFM_ASCII.sub("", lowered)
    else:
        result = "".join(ch for ch in lowered if ch in "- \t" or is_ruby_word(ch))
    result = result.replace(" ", "-").replace("\t", "-")
    count = counter.get(result, -1) + 1
    counter[result] = count
    if count > 0:
        result += f"-{count}"
    return prefix + result


def basic_id(text: str) -> str:
    """kramdown's ASCII id: strip leading non-letters per line, keep ``[a-z0-9 -]``."""
    gen = _LEADING_NON_ALPHA.sub("", text)
    gen = _NOT_ID_CHAR.sub("", gen)
    return gen.replace(" ", "-").lower()


def kramdown_header_id(text: str, used: dict[str, int], prefix: str) -> str:
    """kramdown's converter id (headers the GFM pass did not reach, e.g. inside HTML)."""
    gen = basic_id(text) or "section"
    if gen in used:
        used[gen] += 1
        gen = f"{gen}-{used[gen]}"
    else:
        used[gen] = 0
    return prefix + gen
