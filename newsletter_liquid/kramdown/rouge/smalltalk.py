"""Smalltalk, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, groups, mixin, pop_state, rule
from ._ruby_regex import boundary_word

OPS = r"[-+*/\\~<>=|&!?,@%]"
# rouge's [a-z] under /i: Onigmo folds the long s and the Kelvin sign into s and k
# (its \w stays ASCII under /i)
_LETTER = "[A-Za-z\u017f\u212a]"
# Ruby's \b after a word character of the match: no word character follows, Unicode-wise
_END = f"(?![{boundary_word()}])"


class SmalltalkLexer(RegexLexer):
    tag = "smalltalk"
    rouge_aliases = ("st", "squeak")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"(<)(\w+:)(.*?)(>)", groups(Punctuation, Keyword, Text, Punctuation)),
                mixin("whitespaces"),
                mixin("method_definition"),
                rule(r"([|])([\w\s]*)([|])", groups(Punctuation, Name.Variable, Punctuation)),
                mixin("objects"),
                rule(r"\^|:=|_", Operator),
                rule(r"[)}\]]", Punctuation, "after_object"),
                rule(r"[({\[!]", Punctuation),
            ],
            "method_definition": [
                rule(rf"({_LETTER}\w*:)(\s*)(\w+)", groups(Name.Function, Text, Name.Variable)),
                # rouge's two \b here always hold: whitespace or the scan position
                # before, whitespace or a line end after
                rule(rf"^(\s*)({_LETTER}\w*)(\s*)$", groups(Text, Name.Function, Text)),
                rule(
                    rf"^(\s*)({OPS}+)(\s*)(\w+)(\s*)$",
                    groups(Text, Name.Function, Text, Name.Variable, Text),
                ),
            ],
            "block_variables": [
                mixin("whitespaces"),
                rule(r"(:)(\s*)(\w+)", groups(Operator, Text, Name.Variable)),
                rule(r"[|]", Punctuation, "#pop"),
                rule(r"", pop_state),
            ],
            "literals": [
                # rouge's '(''|.)*?' ends at the first quote after the opening one, as
                # the lazy loop tries the closing quote before the doubled one
                rule(r"'[^']*'", String, "after_object"),
                rule(r"[$].", String.Char, "after_object"),
                rule(r"#[(]", String.Symbol, "parenth"),
                rule(r"(\d+r)?-?\d+(\.\d+)?(e-?\d+)?", Number, "after_object"),
                rule(rf'#("[^"]*"|{OPS}+|[\w:]+)', String.Symbol, "after_object"),
            ],
            "parenth": [
                rule(r"[)]", goto_state("after_object", String.Symbol)),
                mixin("inner_parenth"),
            ],
            "inner_parenth": [
                rule(r"#[(]", String.Symbol, "inner_parenth"),
                rule(r"[)]", String.Symbol, "#pop"),
                mixin("whitespaces"),
                mixin("literals"),
                rule(rf"({OPS}|[\w:])+", String.Symbol),
            ],
            "whitespaces": [
                rule(r"! !$", Keyword),  # squeak chunk delimiter
                rule(r"\s+", Text),
                rule(r'".*?"', Comment, flags=re.S),
            ],
            "objects": [
                rule(r"\[", Punctuation, "block_variables"),
                rule(
                    rf"(self|super|true|false|nil|thisContext){_END}",
                    Name.Builtin.Pseudo,
                    "after_object",
                ),
                rule(rf"[A-Z]\w*(?!:){_END}", Name.Class, "after_object"),
                rule(rf"[a-z]\w*(?!:){_END}", Name.Variable, "after_object"),
                mixin("literals"),
            ],
            "after_object": [
                mixin("whitespaces"),
                rule(r"(ifTrue|ifFalse|whileTrue|whileFalse|timesRepeat):", Name.Builtin, "#pop"),
                rule(rf"new(?!:){_END}", Name.Builtin),
                rule(r":=|_", Operator, "#pop"),
                rule(rf"{_LETTER}+\w*:", Name.Function, "#pop"),
                rule(rf"{_LETTER}+\w*", Name.Function),
                rule(rf"{OPS}+", Name.Function, "#pop"),
                rule(r"[.]", Punctuation, "#pop"),
                rule(r";", Punctuation),
                rule(r"", pop_state),
            ],
        }
