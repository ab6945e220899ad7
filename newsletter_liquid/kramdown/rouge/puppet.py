"""Puppet, tokenized as rouge 3.30 does.

Rouge's quirks are kept: a comment needs a newline after it (a ``#`` on the last
line is an error), ``class``/``include`` take the word glued to them as the class
name, newlines inside a regex are errors, and ``(?<!\\[)-(?=\\])`` in a regex class
is just ``-(?=\\])``, since rouge's scanner shows a rule only the text from the
scan position on and the look-behind has nothing to see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, RunGuard, StateItem, groups, mixin, pop_state, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("and case class default define else elsif if in import inherits node unless")
)
CONSTANTS = frozenset(("false", "true", "undef"))
METAPARAMETERS = frozenset(("before", "require", "notify", "subscribe"))

_WORD = boundary_word()
_END = f"(?![{_WORD}])"  # Ruby's \b right after an ASCII word character
_ID = r"[a-z]\w*"
_CAP_ID = r"[A-Z]\w*"
_QUALNAME = rf"(::)?({_ID}::)*\w+"
# rouge's '(\\[\\']|[^'])*' backtracks exponentially on an unclosed run of
# backslashes; this spelling takes the same first match without backtracking: an
# escaped quote is text only while another quote follows (else rouge backs off
# and closes on it)
_SINGLE = r"'(?:\\\\|\\'(?=[^']*')|\\(?!\\)|[^'\\])*+'"

_SHEBANG = re.compile(
    rf"\A\s*#!.*?(?<![{_WORD}])puppet(?:-apply)?(?:\s|$)", re.ASCII | re.MULTILINE
)

# a comment needs a newline: found once per line, not once per "#" of the line
_LINE_END = RunGuard(r"[^\n]", "\n")


def _property(lexer: RegexLexer, match: re.Match[str]) -> None:
    if match.group(0) in METAPARAMETERS:
        lexer.token(Keyword.Pseudo)
    else:
        lexer.token(Name.Property)


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in CONSTANTS:
        lexer.token(Keyword.Constant)
    else:
        lexer.token(Name)


class PuppetLexer(RegexLexer):
    tag = "puppet"
    rouge_aliases = ("pp",)

    @classmethod
    def detect(cls, text: str) -> bool:
        return _SHEBANG.match(text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"#.*?\n", Comment, guard=_LINE_END),
            ],
            "root": [
                mixin("whitespace"),
                rule(rf"[$]{_QUALNAME}", Name.Variable),
                rule(rf"({_ID})(?=\s*[=+]>)", _property, flags=re.S),
                rule(rf"({_QUALNAME})(?=\s*[(])", Name.Function, flags=re.S),
                rule(_CAP_ID, Name.Class),
                rule(r"[+=|~-]>|<[|~-]", Punctuation),
                rule(r"[|:}();\[\]]", Punctuation),
                # HACK (rouge) for case statements and selectors
                rule(r"{", Punctuation, "regex_allowed"),
                rule(r",", Punctuation, "regex_allowed"),
                rule(rf"(in|and|or){_END}", Operator.Word),
                rule(r"[=!<>]=", Operator),
                rule(r"[=!]~", Operator, "regex_allowed"),
                rule(r"[.=<>!+*/-]", Operator),
                rule(rf"(class|include)(\s*)({_QUALNAME})", groups(Keyword, Text, Name.Class)),
                rule(rf"node{_END}", Keyword, "regex_allowed"),
                rule(_SINGLE, String.Single),
                rule(r'"', String.Double, "dquotes"),
                rule(r"\d+([.]\d+)?(e[+-]\d+)?", Number),
                rule(_QUALNAME, _name),
            ],
            "regex_allowed": [
                mixin("whitespace"),
                rule(r"/", String.Regex, "regex"),
                rule(r"", pop_state),
            ],
            "regex": [
                rule(r"/", String.Regex, "#pop"),
                rule(r"\\.", String.Escape),
                rule(r"[(){}]", String.Interpol),
                rule(r"\[", String.Interpol, "regex_class"),
                rule(r".", String.Regex),
            ],
            "regex_class": [
                rule(r"\]", String.Interpol, "#pop"),
                rule(r"-(?=\])", String.Regex),
                rule(r"-", String.Interpol),
                rule(r"\\.", String.Escape),
                rule(r"[^\\\]-]+", String.Regex),
            ],
            "dquotes": [
                rule(r'"', String.Double, "#pop"),
                rule(r'[^$\\"]+', String.Double, flags=re.S),
                rule(r"\\.", String.Escape, flags=re.S),
                rule(rf"[$]{_QUALNAME}", Name.Variable),
                rule(rf"[$][{{]{_QUALNAME}[}}]", Name.Variable),
            ],
        }
