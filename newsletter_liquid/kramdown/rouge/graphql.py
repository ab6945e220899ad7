"""GraphQL, tokenized as rouge 3.30 does (descriptions in ``\"\"\"`` go to Markdown).

Rouge brackets its names with ``\\b``.  A leading ``\\b`` always holds here: the
scan position counts as the start of the text and every such pattern begins with
a word character, so it is left out (matching in place, without copying the rest
of the text at every step).  A trailing ``\\b`` after an ASCII word character is
"no word character follows", with Ruby's Unicode-aware notion of one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text
from pygments.token import _TokenType as TokenType

from ._engine import RegexLexer, StateItem, groups, mixin, push_states, rule
from ._ruby_regex import boundary_word

# what Ruby's \b counts as a word character: letters, marks, digits, connector
# punctuation, plus the Latin-1 superscripts and fractions and the circled and
# squared letters (alphabetic symbols)
_WORD_CHAR = f"[{boundary_word()}]"
_END = rf"(?!{_WORD_CHAR})"  # Ruby's \b right after a word character
_NAME = r"[_A-Za-z][_0-9A-Za-z]*"
_WORD_NAME = rf"{_NAME}{_END}"  # rouge's \b#{name}\b
_BUILTIN_TYPES = rf"(?:Int|Float|String|Boolean|ID){_END}"


def _description(lexer: RegexLexer, match: re.Match[str]) -> None:
    from .markdown import MarkdownLexer

    lexer.token(String.Double, match.group(1))
    lexer.token(Text.Whitespace, match.group(2))
    lexer.delegate(MarkdownLexer, match.group(3))
    lexer.token(Text.Whitespace, match.group(4))
    lexer.token(String.Double, match.group(5))


def _push_arguments(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Keyword, Text.Whitespace, Punctuation)
    lexer.push("arguments")


def _push_variable_definitions(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name, Text.Whitespace, Punctuation)
    lexer.push("variable_definitions")


def _push_field_arguments(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name, Text.Whitespace, Punctuation)
    lexer.push("arguments")


def _push_object_value(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name, Text.Whitespace, Punctuation)
    lexer.push("value")


def _pop_twice(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop(2)


def _union_variant(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name)
    lexer.goto("union_definition_pipe")


def _union_pipe(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.goto("union_definition_variant")


def _pop_also(*outer: str) -> Callable[[RegexLexer, re.Match[str]], None]:
    """Close a bracket, and the state it was opened from if that is one of ``outer``."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(Punctuation)
        lexer.pop()
        if any(lexer.state_is(name) for name in outer):
            lexer.pop()

    return callback


def _pop_unless_list(token: TokenType) -> Callable[[RegexLexer, re.Match[str]], None]:
    """A value ends its ``value`` state, except among a list's items."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        if not lexer.state_is("list"):
            lexer.pop()

    return callback


class GraphqlLexer(RegexLexer):
    tag = "graphql"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(rf"(?:query|mutation|subscription){_END}", Keyword, "query_definition"),
                rule(
                    r"\{",
                    push_states("query_definition", "selection_set", token=Punctuation),
                ),
                rule(rf"fragment{_END}", Keyword, "fragment_definition"),
                rule(rf"scalar{_END}", Keyword, "value"),
                rule(rf"(?:type|interface|enum){_END}", Keyword, "type_definition"),
                rule(rf"(?:input|schema){_END}", Keyword, "type_definition"),
                rule(rf"union{_END}", Keyword, "union_definition"),
                rule(rf"extend{_END}", Keyword),
                mixin("basic"),
                rule(r'(""")(\n)(.*?)(\n)(""")', _description, flags=re.S),
            ],
            "basic": [
                rule(r"\s+", Text.Whitespace),
                rule(r"#.*$", Comment),
                rule(r"[!,]", Punctuation),
            ],
            "has_directives": [
                rule(rf"(@{_NAME})(\s*)(\()", _push_arguments),
                rule(rf"@{_WORD_NAME}", Keyword),
            ],
            "fragment_definition": [
                rule(rf"on{_END}", Keyword),
                mixin("query_definition"),
            ],
            "query_definition": [
                mixin("has_directives"),
                rule(_WORD_NAME, Name),
                rule(r"\(", Punctuation, "variable_definitions"),
                rule(r"\{", Punctuation, "selection_set"),
                mixin("basic"),
            ],
            "type_definition": [
                rule(rf"implements{_END}", Keyword),
                rule(_WORD_NAME, Name),
                rule(r"\(", Punctuation, "variable_definitions"),
                rule(r"\{", Punctuation, "type_definition_set"),
                mixin("basic"),
            ],
            "union_definition": [
                rule(_WORD_NAME, Name),
                rule(r"=", Punctuation, "union_definition_variant"),
                mixin("basic"),
            ],
            "union_definition_variant": [
                rule(_WORD_NAME, _union_variant),
                mixin("basic"),
            ],
            "union_definition_pipe": [
                rule(r"\|", _union_pipe),
                rule(r"(?!\||\s+|#[^\n]*)", _pop_twice),
                mixin("basic"),
            ],
            "type_definition_set": [
                rule(r"\}", Punctuation, "#pop:2"),
                rule(rf"({_NAME})(\s*)(\()", _push_variable_definitions),
                rule(_WORD_NAME, Name),
                rule(r":", Punctuation, "type_names"),
                mixin("basic"),
            ],
            "arguments": [
                rule(r"\)", Punctuation, "#pop"),
                rule(_WORD_NAME, Name),
                rule(r":", Punctuation, "value"),
                mixin("basic"),
            ],
            "variable_definitions": [
                rule(r"\)", Punctuation, "#pop"),
                rule(rf"\${_WORD_NAME}", Name.Variable),
                rule(_WORD_NAME, Name),
                rule(r":", Punctuation, "type_names"),
                rule(r"=", Punctuation, "value"),
                mixin("basic"),
            ],
            "type_names": [
                rule(_BUILTIN_TYPES, Name.Builtin, "#pop"),
                rule(_WORD_NAME, Name, "#pop"),
                rule(r"\[", Punctuation, "type_name_list"),
                mixin("basic"),
            ],
            "type_name_list": [
                rule(_BUILTIN_TYPES, Name.Builtin),
                rule(_WORD_NAME, Name),
                rule(r"\]", Punctuation, "#pop:2"),
                mixin("basic"),
            ],
            "selection_set": [
                mixin("has_directives"),
                rule(r"\}", _pop_also("query_definition", "fragment_definition")),
                rule(rf"({_NAME})(\s*)(\()", _push_field_arguments),
                rule(rf"({_NAME})(\s*)(:)", groups(Name, Text.Whitespace, Punctuation)),
                rule(_WORD_NAME, Name),
                rule(
                    rf"(\.\.\.)(\s+)(on){_END}",
                    groups(Punctuation, Text.Whitespace, Keyword),
                ),
                rule(r"\.\.\.", Punctuation),
                rule(r"\{", Punctuation, "selection_set"),
                mixin("basic"),
            ],
            "list": [
                rule(r"\]", _pop_also("value")),
                mixin("value"),
            ],
            "object": [
                rule(r"\}", _pop_also("value")),
                rule(rf"({_NAME})(\s*)(:)", _push_object_value),
                mixin("basic"),
            ],
            "value": [
                rule(r'""".*?"""', String.Double, flags=re.S),
                rule(rf"\${_WORD_NAME}", _pop_unless_list(Name.Variable)),
                rule(rf"(?:true|false|null){_END}", _pop_unless_list(Keyword.Constant)),
                rule(
                    r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?",
                    _pop_unless_list(Number.Float),
                ),
                rule(r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?", _pop_unless_list(Number.Integer)),
                rule(r'"(\\[\\"]|[^"])*"', _pop_unless_list(String.Double)),
                rule(_WORD_NAME, _pop_unless_list(Name)),
                rule(r"\{", Punctuation, "object"),
                rule(r"\[", Punctuation, "list"),
                mixin("basic"),
            ],
        }
