"""Elm, tokenized as rouge 3.30 does (nested ``{- -}`` comments, triple-quoted strings).

Rouge's keyword rule is ``\\b(...)\\b``; its scanner hides the text before the scan
position, so the leading ``\\b`` always holds there (``_if`` lexes as ``_`` then the
keyword ``if``) and is left out, and the trailing one becomes a look-ahead over
Ruby's Unicode word class, which keeps the rule matched in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, rule, word_list, words
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    module exposing port
    import as
    type alias
    if then else
    case of
    let in""")

# what Ruby's \b counts as a word character: letters, marks, digits, connector
# punctuation, plus the Latin-1 superscripts and fractions and the circled and
# squared letters (alphabetic symbols)
_WORD_CHAR = f"[{boundary_word()}]"
_END = rf"(?!{_WORD_CHAR})"  # Ruby's \b right after a word character


class ElmLexer(RegexLexer):
    tag = "elm"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r"--.*", Comment.Single),
                rule(r"{-", Comment.Multiline, "multiline_comment"),
                rule(rf"({words(KEYWORDS)}){_END}", Keyword),
                rule(r"[a-z]\w*", Name),
                rule(r"_", Name),
                rule(r"[A-Z]\w*", Keyword.Type),
                # two-character operators: -> :: // .. && || ++ |> <| << >> == /= <= >=
                rule(r"(->|::|\/\/|\.\.|&&|\|\||\+\+|\|>|<\||>>|<<|==|\/=|<=|>=)", Operator),
                # sic: the range +-/ also takes in the comma and the dot
                rule(r"[+-\/*%=<>^\|!]", Operator),
                rule(r"\\", Operator),
                rule(r"[@\#$&~?]", Operator),
                rule(r'"""', String, "multiline_string"),
                rule(r"'(\\.|.)'", String.Char),
                rule(r'"', String, "double_quote"),
                rule(r"0x[\da-f]+", Number.Hex, flags=re.I),
                rule(r"\d+e[+-]?\d+", Number.Float, flags=re.I),
                rule(r"\d+\.\d+(e[+-]?\d+)?", Number.Float, flags=re.I),
                rule(r"\d+", Number.Integer),
                rule(r"[\[\](),;`{}:]", Punctuation),
            ],
            "multiline_comment": [
                rule(r"-}", Comment.Multiline, "#pop"),
                rule(r"{-", Comment.Multiline, "multiline_comment"),
                rule(r"[^-{}]+", Comment.Multiline),
                rule(r"[-{}]", Comment.Multiline),
            ],
            "double_quote": [
                rule(r'[^\\"]+', String.Double),
                rule(r'\\"', String.Escape),
                rule(r'"', String.Double, "#pop"),
            ],
            "multiline_string": [
                rule(r'\\"', String.Escape),
                rule(r'"""', String, "#pop"),
                rule(r'[^"]+', String),
                rule(r'"', String),
            ],
        }
