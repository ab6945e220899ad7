"""Smart quotes and typographic symbols, kramdown's rules and their entity names.

Quotes are decided by the first matching rule of an ordered list; the rule
returns which capture groups stay text and which become quote entities.
"""

from __future__ import annotations

import re

_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"

# (regexp tried at the cursor, [group number kept as text | quote kind or entity name])
_SQ_RULES: tuple[tuple[str, int, tuple[int | str, ...]], ...] = (
    (r"(\"|')(?=[_*]{1,2}[^ \t\n\v\f\r])", 0, ("lquote1",)),
    (rf"(\"|')(?={_PUNCT}(?!\.\.)\B)", 0, ("rquote1",)),
    (r"([ \t\n\v\f\r]?)\"'(?=[A-Za-z0-9_])", 0, (1, "ldquo", "lsquo")),
    (r"([ \t\n\v\f\r]?)'\"(?=[A-Za-z0-9_])", 0, (1, "lsquo", "ldquo")),
    (r"([ \t\n\v\f\r]?)'(?=[0-9][0-9]s)", 0, (1, "rsquo")),
    (r"([ \t\n\v\f\r])('|\")(?=[A-Za-z0-9_])", 0, (1, "lquote2")),
    (rf"({_CLOSE})('|\")", 0, (1, "rquote2")),
    (r"(\"|')(?=[ \t\n\v\f\r]|s\b|$)", 0, ("rquote1",)),
    (r"(.?)'", re.S, (1, "lsquo")),
    (r"(.?)\"", re.S, (1, "ldquo")),
)


def _combine() -> tuple[re.Pattern[str], dict[str, tuple[int, tuple[int | str, ...]]]]:
    """One regexp for the whole list: at a fixed position an alternation takes its
    first matching branch, as trying the rules in order does. Each branch is a named
    group; the table gives the number of that group (its own groups follow it)."""
    branches = []
    table: dict[str, tuple[int, tuple[int | str, ...]]] = {}
    group = 1
    for index, (pattern, flags, substs) in enumerate(_SQ_RULES):
        body = f"(?s:{pattern})" if flags & re.S else pattern
        branches.append(f"(?P<q{index}>{body})")
        table[f"q{index}"] = (group, substs)
        group += 1 + re.compile(pattern).groups
    # Ruby's \w \s \d are ASCII (spelled out above) but its \b and \B are Unicode:
    # ""开 has a word boundary after the quotes
    return re.compile("|".join(branches), re.M), table


# Tried at the cursor; ``lastgroup`` names the rule that matched.
SQ_RE, SQ_BRANCHES = _combine()

SQ_SUBSTS: dict[tuple[str, str | None], str] = {
    ("rquote1", '"'): "rdquo",
    ("rquote1", "'"): "rsquo",
    ("rquote2", '"'): "rdquo",
    ("rquote2", "'"): "rsquo",
    ("lquote1", '"'): "ldquo",
    ("lquote1", "'"): "lsquo",
    ("lquote2", '"'): "ldquo",
    ("lquote2", "'"): "lsquo",
}

# Source text -> symbol name (or, for the escaped forms, the literal entities).
TYPOGRAPHIC_SYMS: dict[str, str] = {
    "---": "mdash",
    "--": "ndash",
    "...": "hellip",
    "\\<<": "&lt;&lt;",
    "\\>>": "&gt;&gt;",
    "<< ": "laquo_space",
    " >>": "raquo_space",
    "<<": "laquo",
    ">>": "raquo",
}

# Symbol name -> the entity names it is written as.
TYPOGRAPHIC_ENTITIES: dict[str, tuple[str, ...]] = {
    "mdash": ("mdash",),
    "ndash": ("ndash",),
    "hellip": ("hellip",),
    "laquo_space": ("laquo", "nbsp"),
    "raquo_space": ("nbsp", "raquo"),
    "laquo": ("laquo",),
    "raquo": ("raquo",),
}
SMART_QUOTE_INDICES = {"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}
