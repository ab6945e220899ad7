"""Cypher (Neo4j's query language), tokenized as rouge 3.30 does.

Rouge's quirks are kept: ``-`` is always an operator except in ``key: -1``
labels, closing parentheses are string symbols, and a name followed by ``(``
is a function only when it is one of rouge's built-in functions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, String, Text

from ._engine import RegexLexer, StateItem, groups, rule, word_list

FUNCTIONS = frozenset(word_list("""
    ABS ACOS ALLSHORTESTPATHS ASIN ATAN ATAN2 AVG CEIL COALESCE COLLECT COS COT COUNT DATE
    DEGREES E ENDNODE EXP EXTRACT FILTER FLOOR HAVERSIN HEAD ID KEYS LABELS LAST LEFT LENGTH
    LOG LOG10 LOWER LTRIM MAX MIN NODE NODES PERCENTILECONT PERCENTILEDISC PI RADIANS RAND
    RANGE REDUCE REL RELATIONSHIP RELATIONSHIPS REPLACE REVERSE RIGHT ROUND RTRIM
    SHORTESTPATH SIGN SIN SIZE SPLIT SQRT STARTNODE STDEV STDEVP STR SUBSTRING SUM TAIL TAN
    TIMESTAMP TOFLOAT TOINT TOINTEGER TOSTRING TRIM TYPE UPPER"""))

PREDICATES = frozenset(word_list("ALL AND ANY CONTAINS EXISTS HAS IN NONE NOT OR SINGLE XOR"))

KEYWORDS = frozenset(word_list("""
    AS ASC ASCENDING ASSERT BY CASE COMMIT CONSTRAINT CREATE CSV CYPHER DELETE DESC
    DESCENDING DETACH DISTINCT DROP ELSE END ENDS EXPLAIN FALSE FIELDTERMINATOR FOREACH FROM
    HEADERS IN INDEX IS JOIN LIMIT LOAD MATCH MERGE NULL ON OPTIONAL ORDER PERIODIC PROFILE
    REMOVE RETURN SCAN SET SKIP START STARTS THEN TRUE UNION UNIQUE UNWIND USING WHEN WHERE
    WITH CALL YIELD"""))


def quoted(quote: str) -> str:
    """Rouge's ``Q(\\\\\\\\|\\\\Q|[^Q])*Q`` for quote ``Q``, without its exponential backtracking.

    On a quote whose escapes run to the end of the text, rouge's pattern tries every
    way to split runs of backslashes.  Its first split reads ``\\\\`` and ``\\Q`` as
    escapes; only when that reaches the end of the text does it settle for the
    last quote of the text.  Checked against rouge's pattern on every short string.
    """
    body = rf"(?:\\[\\{quote}]?|[^{quote}\\])*"
    # the look-ahead's group (the pattern's only one) holds the first split, unrevised
    return rf"{quote}(?=({body}))\1{quote}|{quote}(?s:.*){quote}"


def _call(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(1).upper()
    if name in FUNCTIONS:
        lexer.groups(Name.Function, Text.Whitespace, String.Symbol)
    elif name in KEYWORDS:
        lexer.groups(Keyword, Text.Whitespace, String.Symbol)
    else:
        lexer.groups(Name, Text.Whitespace, String.Symbol)


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0).upper()
    if word in PREDICATES:
        lexer.token(Operator.Word)
    elif word in KEYWORDS:
        lexer.token(Keyword)
    else:
        lexer.token(Name)


class CypherLexer(RegexLexer):
    tag = "cypher"
    rouge_aliases = ("cypher",)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[\s]+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"/\*", Comment.Multiline, "multiline_comments"),
                rule(r"[*+\-<>=&|~%^]", Operator),
                rule(r"[{}),;\[\]]", String.Symbol),
                rule(r"(\w+)(:)(\s*)(-?[._\d]+)",
                     groups(Name.Label, String.Delimiter, Text.Whitespace, Number)),
                rule(r"(\w+)(\s*)(\()", _call),
                rule(r":\w+", Name.Class),
                rule(r"(-?\d+)(\.\.)(-?\d+)", groups(Number, Operator, Number)),
                rule(r"(\d+\.\d*|\d*\.\d+)(e[+-]?\d+)?", Number.Float, flags=re.I),
                rule(r"\d+e[+-]?\d+", Number.Float, flags=re.I),
                rule(r"0[0-7]+", Number.Oct),
                rule(r"0x[a-f0-9]+", Number.Hex, flags=re.I),
                rule(r"\d+", Number.Integer),
                rule(r"[.\w]+:", Name.Property),
                rule(r"\(", String.Symbol),
                rule(r"[.\w$]+", _word),
                rule(quoted('"'), String.Double),
                rule(quoted("'"), String.Single),
                rule(quoted("`"), String.Backtick),
            ],
            "multiline_comments": [
                rule(r"/[*]", Comment.Multiline, "multiline_comments"),
                rule(r"[*]/", Comment.Multiline, "#pop"),
                rule(r"[^/*]+", Comment.Multiline),
                rule(r"[/*]", Comment.Multiline),
            ],
        }
