"""Pygments lexers standing in for rouge lexers we have not ported.

The output uses rouge's class names but Pygments' rules, so it is close to
rouge, not identical: Pygments splits whitespace into ``w`` tokens and ends
comments before the newline where rouge usually keeps them together.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from pygments.lexer import Lexer as PygmentsLexer
from pygments.token import Text, _TokenType, is_token_subtype

from ._engine import OptionValue, RougeLexer, TokenList


def _rouge_token(token: _TokenType) -> _TokenType:
    # rouge lexers rarely mark whitespace; Pygments does so everywhere
    return Text if is_token_subtype(token, Text.Whitespace) else token


class PygmentsBackedLexer(RougeLexer):
    pygments_alias: str = ""

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        self._pygments: PygmentsLexer | None = None
        if self.pygments_alias:
            from pygments.lexers import get_lexer_by_name

            self._pygments = get_lexer_by_name(self.pygments_alias, stripnl=False, ensurenl=False)

    def continue_lex(self, text: str) -> TokenList:
        if self._pygments is None:
            return [(Text, text)] if text else []
        return [
            (_rouge_token(token), value)
            for _, token, value in self._pygments.get_tokens_unprocessed(text)
        ]


@functools.cache
def pygments_lexer_class(tag: str, pygments_alias: str) -> type[RougeLexer]:
    """A lexer class named like rouge's ``tag`` that lexes with Pygments."""
    return type(
        f"Pygments_{tag}",
        (PygmentsBackedLexer,),
        {"tag": tag, "pygments_alias": pygments_alias},
    )
