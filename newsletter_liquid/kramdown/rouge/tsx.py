"""TSX, tokenized as rouge 3.30 does: JSX with TypeScript's words and rules.

Rouge mixes its TypeScript additions into the JSX lexer; here the TypeScript
lexer sits after the JSX one in the class order, so both extend JavaScript's
states and word tables (JSX's ``states`` reaches TypeScript's through ``super``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Name, Punctuation

from ._engine import RegexLexer, StateItem, rule
from .jsx import JsxLexer
from .typescript import TypescriptLexer


def _generic_parameter(lexer: RegexLexer, match: re.Match[str]) -> None:
    # ``<T,>`` is a type parameter list, not an element: leave all three element states
    lexer.groups(Name.Other, Punctuation)
    lexer.pop(3)


class TsxLexer(JsxLexer, TypescriptLexer):
    tag = "tsx"
    rouge_aliases: ClassVar[tuple[str, ...]] = ()  # type: ignore[assignment]

    @classmethod
    def detect(cls, text: str) -> bool:
        return False

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        states = dict(super().states())
        states["element_name"] = [rule(r"(\w+)(,)", _generic_parameter), *states["element_name"]]
        return states
