"""Objective-C, tokenized as rouge 3.30 does: rouge's C lexer with Objective-C rules prepended.

The Objective-C part is a function of the base lexer's states, as rouge's
``ObjectiveCCommon`` is a mixin, so an Objective-C++ port can reuse it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Comment, Error, Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, groups, mixin, pop_state, rule, word_list
from .c import CLexer

AT_KEYWORDS = frozenset(
    word_list("""
    selector private protected public encode synchronized try throw catch finally end
    property synthesize dynamic optional interface implementation import autoreleasepool""")
)
AT_BUILTINS = frozenset(word_list("true false YES NO"))

# rouge interpolates this case-insensitive Regexp, which keeps its own flags
ID = r"(?i:[a-z$_][a-z0-9$_]*)"


def _at_word(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(1)
    if word in AT_KEYWORDS:
        lexer.token(Keyword)
    elif word in AT_BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Error)


def _selector_part_end(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Function, Text, Punctuation)
    lexer.pop()


def _forward_class_more(lexer: RegexLexer, match: re.Match[str]) -> None:
    # rouge pushes the current state again for every comma, popping only once at the end
    lexer.groups(Name.Class, Text, Punctuation, Text)
    lexer.push()


def _method_start(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Keyword, match.group(1))
    lexer.token(Text, match.group(2))
    if match.group(3) is not None:
        lexer.recurse(match.group(3))
    lexer.token(Text, match.group(4))
    lexer.push("method_definition")


def _typed_argument(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.recurse(match.group(1))
    lexer.token(Name.Variable, match.group(2))


def _goto_message_with_args(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Function, Text, Punctuation)
    lexer.goto("message_with_args")


def objective_c_states(
    base: Mapping[str, Sequence[StateItem]],
) -> dict[str, Sequence[StateItem]]:
    """``base`` (a C-family state table) extended the way ``ObjectiveCCommon`` extends it."""
    states = dict(base)
    states["statements"] = [
        rule(r'@"', String, "string"),
        rule(r"@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')", String.Char),
        rule(r"@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", Number.Float, flags=re.I),
        rule(r"@(\d+[.]\d*|[.]\d+|\d+f)f?", Number.Float, flags=re.I),
        rule(r"@0x\h+[lL]?", Number.Hex),
        rule(r"@0[0-7]+l?", Number.Oct, flags=re.I),
        rule(r"@\d+l?", Number.Integer),
        rule(r"\bin\b", Keyword),
        rule(r"@(?:interface|implementation)\b", Keyword, "objc_classname"),
        rule(r"@(?:class|protocol)\b", Keyword, "forward_classname"),
        rule(r"@([[:alnum:]]+)", _at_word),
        rule(r"[?]", Punctuation, "ternary"),
        rule(r"\[", Punctuation, "message"),
        rule(r"@\[", Punctuation, "array_literal"),
        rule(r"@\{", Punctuation, "dictionary_literal"),
        *states["statements"],
    ]
    states["ternary"] = [
        rule(r":", Punctuation, "#pop"),
        mixin("statements"),
    ]
    states["message_shared"] = [
        rule(r"\]", Punctuation, "#pop"),
        rule(r"\{", Punctuation, "#pop"),
        rule(r";", Error),
        mixin("statements"),
    ]
    states["message"] = [
        rule(rf"({ID})(\s*)(:)", _goto_message_with_args),
        rule(rf"({ID})(\s*)(\])", _selector_part_end),
        mixin("message_shared"),
    ]
    states["message_with_args"] = [
        rule(r"\{", Punctuation, "function"),
        rule(rf"({ID})(\s*)(:)", _selector_part_end),
        mixin("message_shared"),
    ]
    states["array_literal"] = [
        rule(r"]", Punctuation, "#pop"),
        rule(r",", Punctuation),
        mixin("statements"),
    ]
    states["dictionary_literal"] = [
        rule(r"}", Punctuation, "#pop"),
        rule(r",", Punctuation),
        mixin("statements"),
    ]
    states["objc_classname"] = [
        mixin("whitespace"),
        rule(
            rf"({ID})(\s*)(:)(\s*)({ID})",
            groups(Name.Class, Text, Punctuation, Text, Name.Class),
            "#pop",
        ),
        rule(
            rf"({ID})(\s*)([(])(\s*)({ID})(\s*)([)])",
            groups(Name.Class, Text, Punctuation, Text, Name.Label, Text, Punctuation),
            "#pop",
        ),
        rule(ID, Name.Class, "#pop"),
    ]
    states["forward_classname"] = [
        mixin("whitespace"),
        rule(rf"({ID})(\s*)(,)(\s*)", _forward_class_more),
        rule(rf"({ID})(\s*)(;?)", groups(Name.Class, Text, Punctuation), "#pop"),
    ]
    states["root"] = [
        rule(
            rf"""
            ([-+])(\s*)
            ([(].*?[)])?(\s*)
            (?={ID}:?)
            """,
            _method_start,
            flags=re.I | re.X,
        ),
        *states["root"],
    ]
    states["method_definition"] = [
        rule(r",", Punctuation),
        rule(r"[.][.][.]", Punctuation),
        rule(rf"([(].*?[)])({ID})", _typed_argument),
        rule(rf"({ID})(\s*)(:)", groups(Name.Function, Text, Punctuation), flags=re.S),
        rule(r";", Punctuation, "#pop"),
        rule(r"{", goto_state("function", Punctuation)),
        mixin("inline_whitespace"),
        rule(r"//.*?\n", Comment.Single),
        rule(r"\s+", Text, flags=re.S),
        rule(r"", pop_state),
    ]
    return states


class ObjectiveCLexer(CLexer):
    tag = "objective_c"
    rouge_aliases = ("objc", "obj-c", "obj_c", "objectivec")

    builtins: ClassVar[frozenset[str]] = frozenset(word_list("YES NO nil"))

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return objective_c_states(super().states())
