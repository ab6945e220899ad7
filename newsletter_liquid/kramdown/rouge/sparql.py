"""SPARQL, tokenized as rouge 3.30 does.

Rouge classifies a word by its upper-cased spelling, so the mixed-case builtins
of its table (``isBLANK``, ``isIRI``, ...) never match and come out as errors,
as in rouge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import (
    OptionValue,
    RegexLexer,
    RunGuard,
    StateItem,
    compile_ruby_like,
    goto_state,
    groups,
    mixin,
    pop_state,
    rule,
    word_list,
)
from ._ruby_regex import boundary_word

BUILTINS = frozenset(word_list("""
    ABS AVG BNODE BOUND CEIL COALESCE CONCAT CONTAINS COUNT DATATYPE DAY
    ENCODE_FOR_URI FLOOR GROUP_CONCAT HOURS IF IRI isBLANK isIRI
    isLITERAL isNUMERIC isURI LANG LANGMATCHES LCASE MAX MD5 MIN MINUTES
    MONTH NOW RAND REGEX REPLACE ROUND SAMETERM SAMPLE SECONDS SEPARATOR
    SHA1 SHA256 SHA384 SHA512 STR STRAFTER STRBEFORE STRDT STRENDS
    STRLANG STRLEN STRSTARTS STRUUID SUBSTR SUM TIMEZONE TZ UCASE URI
    UUID YEAR"""))
KEYWORDS = frozenset(word_list("""
    ADD ALL AS ASC ASK BASE BIND BINDINGS BY CLEAR CONSTRUCT COPY CREATE
    DATA DEFAULT DELETE DESC DESCRIBE DISTINCT DROP EXISTS FILTER FROM
    GRAPH GROUP BY HAVING IN INSERT LIMIT LOAD MINUS MOVE NAMED NOT
    OFFSET OPTIONAL ORDER PREFIX SELECT REDUCED SERVICE SILENT TO UNDEF
    UNION USING VALUES WHERE WITH"""))

# Ruby's /i [A-Z]: ASCII letters, plus the long s and the Kelvin sign it folds in
_LETTER = "A-Za-z\u017f\u212a"
# Ruby's \b after a word character, matched in place
_B = f"(?![{boundary_word()}])"

# rouge's prefixed-name rule rescans a whole run of word characters and dashes
# at each of its words; it only matches where the run ends in a colon
_PREFIXED_GUARD = RunGuard(r"[[:word:]-]", ":", monotone=True)
# ``<`` with no ``>`` ahead would scan to the end of the text at every ``<``
_IRI_GUARD = RunGuard(r"[^>]", ">")


_WORD_RUN = compile_ruby_like("[[:word:]]*")
# characters Ruby's \b counts as word characters though [[:word:]] does not
_BOUNDARY_ONLY = frozenset("\xb2\xb3\xb9\xbc\xbd\xbe")


class _WordRun:
    """The run of word characters the scan is in, found once per run.

    Rouge's word rule backtracks through a whole run when a superscript digit
    ends it (no word boundary there), at every character of the run; it can
    only match where the run ends at a boundary.
    """

    __slots__ = ("end", "start", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.start = self.end = -1

    def may_match(self, text: str, pos: int) -> bool:
        if text is not self.text or not self.start <= pos < self.end:
            match = _WORD_RUN.match(text, pos)
            self.text, self.start = text, pos
            self.end = match.end() if match is not None else pos
        return self.end >= pos + 2 and text[self.end : self.end + 1] not in _BOUNDARY_ONLY


def _word_may_match(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, SparqlLexer)
    return lexer.word_run.may_match(text, pos)


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0).upper()
    if word in BUILTINS:
        lexer.token(Name.Builtin)
    elif word in KEYWORDS:
        lexer.token(Keyword)
    else:
        lexer.token(Error)


class SparqlLexer(RegexLexer):
    tag = "sparql"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.word_run = _WordRun()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text.Whitespace),
                rule(r"#.*", Comment.Single),
                rule(r'"""', String.Double, "string_double_literal"),
                rule(r'"', String.Double, "string_double"),
                rule(r"'''", String.Single, "string_single_literal"),
                rule(r"'", String.Single, "string_single"),
                rule(r"[$?][[:word:]]+", Name.Variable),
                rule(
                    r"([[:word:]-]*)(:)([[:word:]-]+)?",
                    groups(Name.Namespace, Operator, String.Symbol),
                    guard=_PREFIXED_GUARD,
                ),
                rule(r"<[^>]*>", Name.Namespace, guard=_IRI_GUARD),
                rule("(?i:true|fal[s\u017f]e)", Keyword.Constant),
                rule(f"a{_B}", Keyword),
                rule(f"[{_LETTER}][[:word:]]+{_B}", _word, guard=_word_may_match),
                rule(
                    r"[+\-]?(?:\d+\.\d*|\.\d+)(?:[eE][+\-]?[0-9]+)?",
                    Number.Float,
                ),
                rule(r"[+\-]?\d+", Number.Integer),
                rule(r"[\]\[(){}.,;=]", Punctuation),
                rule(r"[/?*+=!<>]|&&|\|\||\^\^", Operator),
            ],
            "string_double_common": [
                mixin("string_escapes"),
                rule(r"\\", String.Double),
                rule(r'[^"\\]+', String.Double),
            ],
            "string_double": [
                rule(r'"', goto_state("string_end", String.Double)),
                mixin("string_double_common"),
            ],
            "string_double_literal": [
                rule(r'"""', goto_state("string_end", String.Double)),
                rule(r'"', String.Double),
                mixin("string_double_common"),
            ],
            "string_single_common": [
                mixin("string_escapes"),
                rule(r"\\", String.Single),
                rule(r"[^'\\]+", String.Single),
            ],
            "string_single": [
                rule(r"'", goto_state("string_end", String.Single)),
                mixin("string_single_common"),
            ],
            "string_single_literal": [
                rule(r"'''", goto_state("string_end", String.Single)),
                rule(r"'", String.Single),
                mixin("string_single_common"),
            ],
            "string_escapes": [
                rule(r"\\[tbnrf\"'\\]", String.Escape),
                rule(r"\\u\h{4}", String.Escape),
                rule(r"\\U\h{8}", String.Escape),
            ],
            "string_end": [
                rule(r"(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)", groups(Operator, Name.Property)),
                rule(r"\^\^", Operator),
                rule(r"", pop_state),
            ],
        }
