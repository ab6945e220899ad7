"""TypeScript, tokenized as rouge 3.30 does: its JavaScript lexer plus a few words and rules."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Name, Operator, Punctuation, Text

from ._engine import RegexLexer, StateItem, rule, word_list
from .javascript import BUILTINS, DECLARATIONS, IDENT, KEYWORDS, RESERVED, JavascriptLexer


def _label(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Label, Punctuation, Text, Punctuation)
    lexer.push("expr_start")


class TypescriptLexer(JavascriptLexer):
    tag = "typescript"
    rouge_aliases = ("ts",)

    keywords: ClassVar[frozenset[str]] = KEYWORDS | frozenset(
        word_list("is namespace static private protected public implements readonly")
    )
    declarations: ClassVar[frozenset[str]] = DECLARATIONS | {"type", "abstract"}
    reserved: ClassVar[frozenset[str]] = RESERVED | frozenset(
        word_list("string any void number namespace module declare default interface keyof")
    )
    builtins: ClassVar[frozenset[str]] = BUILTINS | frozenset(
        word_list("Pick Partial Readonly Record")
    )

    @classmethod
    def detect(cls, text: str) -> bool:
        return False

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        states = dict(super().states())
        states["root"] = [
            rule(r"[?][.]", Punctuation),
            rule(r"[?]{2}", Operator),
            *states["root"],
        ]
        states["statement"] = [
            rule(rf"({IDENT})(\??)(\s*)(:)", _label, flags=re.I),
            *states["statement"],
        ]
        return states
