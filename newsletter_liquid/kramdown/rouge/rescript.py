"""ReScript, tokenized as rouge 3.30 does.

Rouge's quirks are kept: its boolean rule reads ``\\btrue|false\\b``, so ``true``
starts ``trueish`` while ``falsehood`` stays one name; a ``#`` without a name
after it, like any character no rule takes, is an error token; and inside
``${...}`` a ``}`` only closes the interpolation when no other bracket
precedes it in the same punctuation run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, mixin, rule, word_list
from ._ruby_regex import boundary_word
from .ocaml import ID, UPPER_ID, OcamlCommonLexer
from .reasonml import c_comment_state, char_rules, number_rules

KEYWORDS = frozenset(word_list("""
    open let rec and as exception assert lazy if else
    for in to downto while switch when external type private
    mutable constraint include module of with try import export"""))
TYPES = frozenset(word_list("""
    bool int float char string
    unit list array option ref exn format"""))
WORD_OPERATORS = frozenset(word_list("mod land lor lxor lsl lsr asr or"))


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in WORD_OPERATORS:
        lexer.token(Operator.Word)
    elif word in TYPES:
        lexer.token(Keyword.Type)
    else:
        lexer.token(Name)


class RescriptLexer(OcamlCommonLexer):
    tag = "rescript"
    keywords = KEYWORDS

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            **super().states(),
            "root": [
                rule(r"\s+", Text),
                rule(r"[,.:?~\\]", Text),
                # rouge's \btrue is always at a boundary: its scan starts the text there
                rule(rf"true|false(?![{boundary_word()}])", Keyword.Constant),
                rule(rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
                rule(rf"@{ID}(\.{ID})*", Name.Decorator),
                rule(rf"\#{ID}", Name.Class),
                rule(UPPER_ID, Name.Class),
                rule(r"//.*", Comment.Single),
                rule(r"/\*", Comment.Multiline, "comment"),
                rule(ID, _word),
                rule(r"[(){}\[\];]+", Punctuation),
                rule(r"[;_!$%&*+/<=>@^|-]+", Operator),
                *number_rules(),
                *char_rules(),
                rule(r"`", String.Double, "interpolated_string"),
            ],
            "comment": c_comment_state(),
            "interpolated_string": [
                rule(r"[$]\{", Punctuation, "interpolated_expression"),
                rule(r"`", String.Double, "#pop"),
                rule(r"\\[$`]", String.Escape),
                rule(r"[^$`\\]+", String.Double),
                rule(r"[\\$]", String.Double),
            ],
            "interpolated_expression": [
                rule(r"\}", Punctuation, "#pop"),
                mixin("root"),
            ],
        }
