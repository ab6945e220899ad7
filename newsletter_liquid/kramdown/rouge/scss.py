"""SCSS, tokenized as rouge 3.30 does (a ``;``, ``{`` or ``}`` returns to the root state)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Punctuation, Text

from ._engine import RegexLexer, StateItem, mixin, push_states, rule
from .sass_common import SassCommonLexer


def _end_section(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.reset_stack()


class ScssLexer(SassCommonLexer):
    tag = "scss"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            **super().states(),
            "root": [
                rule(r"\s+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"/[*].*?[*]/", Comment.Multiline, flags=re.S),
                rule(r"@import\b", Keyword, "value"),
                mixin("content_common"),
                rule(r"(?=[^;{}][;}])", push_states("attribute")),
                rule(r"(?=[^;{}:\[]+:[^a-z])", push_states("attribute")),
                rule(r"", push_states("selector")),
            ],
            "end_section": [
                rule(r"\n", Text),
                rule(r"[;{}]", _end_section),
            ],
        }
