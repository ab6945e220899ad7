"""OCaml, tokenized as rouge 3.30 does.

Rouge's quirks are kept: ``true``/``false`` are pseudo-builtins even as the start
of a longer word, ``'a'`` is no character literal (only escapes and ``'.'`` are),
and a capitalised name followed by a dot opens a dotted path.  Rouge's ``/i``
identifiers also take the Kelvin sign and the long s as a first letter (Onigmo
folds them into k and s), spelt out because ``re`` folds ASCII only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, mixin, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    as assert begin class constraint do done downto else end
    exception external false for fun function functor if in
    include inherit initializer lazy let module mutable new
    nonrec object of open rec sig struct then to true try type
    val virtual when while with""")
)

WORD_OPERATORS = frozenset(word_list("and asr land lor lsl lxor mod or"))
PRIMITIVES = frozenset(word_list("unit int float bool string char list array"))

# rouge's [a-z] under /i, with the Kelvin sign and the long s
FOLDED_LETTERS = "a-zA-Z\u017f\u212a"
OPERATOR = r"[;,_!$%&*+./:<=>?@^|~#-]+"
ID = rf"[{FOLDED_LETTERS}_][\w']*"
UPPER_ID = r"[A-Z][\w']*"

_DIGITS = "0123456789"
_DIGIT_RUN = re.compile(r"[0-9_]*")
_EXPONENT = re.compile(r"[eE][+-]?[0-9]")


def _has_exponent_at(text: str, pos: int) -> bool:
    return _EXPONENT.match(text, pos) is not None


def _digit_run_end(text: str, pos: int) -> int:
    match = _DIGIT_RUN.match(text, pos)
    return match.end() if match is not None else pos


def float_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    """Whether rouge's float rule can match at ``pos``.

    Its exponent can only follow the digit run the number starts with, or a
    second run after one arbitrary character; checking both keeps a long run
    of digits from making the regex backtrack quadratically.
    """
    if text.startswith("-", pos):
        pos += 1
    if pos >= len(text) or text[pos] not in _DIGITS:
        return False
    run_end = _digit_run_end(text, pos + 1)
    if _has_exponent_at(text, run_end):
        return True
    if run_end >= len(text) or text[run_end] == "\n":
        return False
    return _has_exponent_at(text, _digit_run_end(text, run_end + 1))


def number_and_char_rules(id_pattern: str) -> list[StateItem]:
    """The tail of the root state both rouge's OCaml and F# lexers end with."""
    return [
        rule(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", Number.Float, flags=re.I, guard=float_guard),
        rule(r"0[xX][0-9a-fA-F][0-9a-fA-F_]*", Number.Hex),
        rule(r"0[oO][0-7][0-7_]*", Number.Oct),
        rule(r"0[bB][01][01_]*", Number.Bin),
        rule(r"\d[\d_]*", Number.Integer),
        rule(r"""'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'""", String.Char),
        rule(r"'[.]'", String.Char),
        rule(r"'", Keyword),
        rule(r'"', String.Double, "string"),
        rule(rf"[~?](?:{id_pattern})", Name.Variable),
    ]


def string_states() -> dict[str, list[StateItem]]:
    return {
        "string": [
            rule(r'[^\\"]+', String.Double),
            mixin("escape_sequence"),
            rule(r"\\\n", String.Double),
            rule(r'"', String.Double, "#pop"),
        ],
        "escape_sequence": [
            rule(r"""\\[\\"'ntbr]""", String.Escape),
            rule(r"\\\d{3}", String.Escape),
            rule(r"\\x\h{2}", String.Escape),
        ],
    }


def comment_state() -> list[StateItem]:
    return [
        rule(r"[^(*)]+", Comment),
        rule(r"[(][*]", Comment, "#push"),
        rule(r"[*][)]", Comment, "#pop"),
        rule(r"[(*)]", Comment),
    ]


def classify_word(
    keywords: frozenset[str],
) -> Callable[[RegexLexer, re.Match[str]], None]:
    """Callback giving an identifier its keyword, operator, type or name token."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        word = match.group(0)
        if word in keywords:
            lexer.token(Keyword)
        elif word in WORD_OPERATORS:
            lexer.token(Operator.Word)
        elif word in PRIMITIVES:
            lexer.token(Keyword.Type)
        else:
            lexer.token(Name)

    return callback


class OcamlCommonLexer(RegexLexer):
    """States rouge shares between OCaml, Reason and ReScript."""

    keywords: frozenset[str] = KEYWORDS

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            **string_states(),
            "dotted": [
                rule(r"\s+", Text),
                rule(r"[.]", Punctuation),
                rule(rf"{UPPER_ID}(?=\s*[.])", Name.Namespace),
                rule(UPPER_ID, Name.Class, "#pop"),
                rule(ID, Name, "#pop"),
                rule(r"[({\[]", Punctuation, "#pop"),
            ],
        }


class OcamlLexer(OcamlCommonLexer):
    tag = "ocaml"
    keywords = KEYWORDS | {"match", "raise"}

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            **super().states(),
            "root": [
                rule(r"\s+", Text),
                rule(r"false|true|[(][)]|\[\]", Name.Builtin.Pseudo),
                rule(rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
                rule(rf"`{ID}", Name.Tag),
                rule(UPPER_ID, Name.Class),
                rule(r"[(][*](?![)])", Comment, "comment"),
                rule(ID, classify_word(cls.keywords)),
                rule(r"[(){}\[\];]+", Punctuation),
                rule(OPERATOR, Operator),
                *number_and_char_rules(ID),
            ],
            "comment": comment_state(),
        }
