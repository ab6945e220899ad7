"""ReasonML, tokenized as rouge 3.30 does.

Rouge builds it on the OCaml common part with C-style comments; its quirks are
kept: ``true``/``false`` are pseudo-builtins even as the start of a longer word,
and a character literal is any one character but a quote or a slash, newline
included.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import StateItem, rule
from .ocaml import ID, KEYWORDS, OPERATOR, UPPER_ID, OcamlCommonLexer, classify_word, float_guard


def c_comment_state() -> list[StateItem]:
    """Nesting ``/* */`` comments, shared with ReScript."""
    return [
        rule(r"[^/*]+", Comment.Multiline),
        rule(r"/\*", Comment.Multiline, "comment"),
        rule(r"\*/", Comment.Multiline, "#pop"),
        rule(r"[*/]", Comment.Multiline),
    ]


def number_rules() -> list[StateItem]:
    """Rouge's OCaml-family number literals (Reason and ReScript spell them alike)."""
    return [
        rule(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", Number.Float, flags=re.I, guard=float_guard),
        rule(r"0[xX]\h[\h_]*", Number.Hex),
        rule(r"0[oO][0-7][0-7_]*", Number.Oct),
        rule(r"0[bB][01][01_]*", Number.Bin),
        rule(r"\d[\d_]*", Number.Integer),
    ]


def char_rules() -> list[StateItem]:
    """Character literals, a lone quote and strings (Reason and ReScript spell them alike)."""
    return [
        rule(r"""'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'""", String.Char),
        rule(r"'[^'/]'", String.Char),
        rule(r"'", Keyword),
        rule(r'"', String.Double, "string"),
    ]


class ReasonmlLexer(OcamlCommonLexer):
    tag = "reasonml"
    keywords = KEYWORDS | {"switch"}

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
                rule(r"//.*", Comment.Single),
                rule(r"/\*", Comment.Multiline, "comment"),
                rule(ID, classify_word(cls.keywords)),
                rule(r"[(){}\[\];]+", Punctuation),
                rule(OPERATOR, Operator),
                *number_rules(),
                *char_rules(),
                rule(rf"[~?]{ID}", Name.Variable),
            ],
            "comment": c_comment_state(),
        }
