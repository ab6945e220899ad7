"""Jinja/Django templates, tokenized as rouge 3.30 does (HTML around the template tags).

Rouge keeps the word lists in class variables (``@@keywords ||= ...``) that Twig, a
subclass, shares: in one Ruby process whichever lexer classifies a word first fixes
the list for both (and Jinja after Twig raises).  Each lexer here uses its own lists,
which is what rouge does in a process that highlights only that language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule, word_list
from .html import HtmlLexer


def quoted(quote: str) -> str:
    """Rouge's ``"(\\\\.|.)*?"`` without its exponential backtracking.

    The lazy original ends at the first unescaped quote of the line or, failing
    that, at the line's last quote; checked against it on every string of up to
    ten characters over quotes, backslash, a letter and a newline.
    """
    return rf"{quote}(?:\\.|[^{quote}\\\n])*{quote}|{quote}[^\n]*{quote}"


def _raw_or_verbatim(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Comment.Preproc, Text, Keyword, Text, Comment.Preproc)
    lexer.push(match.group(3))


def _to_parent(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, JinjaLexer)
    lexer.delegate(lexer.parent)


def _statement_word(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, JinjaLexer)
    word = match.group(0)
    if word in lexer.keywords:
        lexer.token(Keyword)
    elif word in lexer.pseudo_keywords:
        lexer.token(Keyword.Pseudo)
    elif word in lexer.word_operators:
        lexer.token(Operator.Word)
    elif word in lexer.tests:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Variable)


def _end_tag(name: str) -> StateItem:
    return rule(
        rf"({{%-?)(\s*)({name})(\s*)(-?%}})",
        groups(Comment.Preproc, Text, Keyword, Text, Comment.Preproc),
        "#pop",
    )


class JinjaLexer(RegexLexer):
    tag = "jinja"
    rouge_aliases: ClassVar[tuple[str, ...]] = ("django",)

    keywords: ClassVar[frozenset[str]] = frozenset(
        word_list("""
        as context do else extends from ignore missing import include reversed
        recursive scoped autoescape endautoescape block endblock call endcall
        filter endfilter for endfor if endif macro endmacro set endset trans
        endtrans with endwith without""")
    )
    tests: ClassVar[frozenset[str]] = frozenset(
        word_list("""
        callable defined divisibleby equalto escaped even iterable lower mapping
        none number odd sameas sequence string undefined upper""")
    )
    pseudo_keywords: ClassVar[frozenset[str]] = frozenset(
        word_list("true false none True False None")
    )
    word_operators: ClassVar[frozenset[str]] = frozenset(word_list("is in and or not"))

    def start(self) -> None:
        # rouge's TemplateLexer: the templated language, reset with the template lexer
        self.parent = HtmlLexer(self.rouge_options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"{#", Comment, "comment"),
                rule(r"##.*", Comment),
                rule(r"({%-?)(\s*)(raw|verbatim)(\s*)(-?%})", _raw_or_verbatim),
                rule(r"\{\%", Comment.Preproc, "statement"),
                rule(r"\{\{", Comment.Preproc, "expression"),
                rule(r"(.+?)(?=\\|{{|{%|{#|##)", _to_parent, flags=re.S),
                rule(r".+", _to_parent, flags=re.S),
            ],
            "filter": [
                rule(r"(\|\s*)(\w+)", groups(Operator, Name.Function)),
            ],
            "function": [
                rule(r"(\w+)(\()", groups(Name.Function, Punctuation)),
            ],
            "text": [
                rule(r"\s+", Text, flags=re.S),
            ],
            "literal": [
                rule(quoted('"'), String.Double),
                rule(quoted("'"), String.Single),
                rule(r"\d+(?=}\s)", Number),
                rule(r"(\+|\-|\*|\/\/?|\*\*?|=)", Operator),
                rule(r"(<=?|>=?|===?|!=)", Operator),
                rule(r",", Punctuation),
                rule(r"\[", Punctuation),
                rule(r"\]", Punctuation),
                rule(r"\(", Punctuation),
                rule(r"\)", Punctuation),
            ],
            "comment": [
                rule(r"[^#]+", Comment, flags=re.S),
                rule(r"#}", Comment, "#pop"),
                rule(r"#", Comment),
            ],
            "expression": [
                rule(r"\w+\.?", Name.Variable, flags=re.S),
                mixin("filter"),
                mixin("function"),
                mixin("literal"),
                mixin("text"),
                rule(r"%}|}}", Comment.Preproc, "#pop"),
            ],
            "statement": [
                rule(r"(\w+\.?)", _statement_word),
                mixin("filter"),
                mixin("function"),
                mixin("literal"),
                mixin("text"),
                rule(r"\%\}", Comment.Preproc, "#pop"),
            ],
            "raw": [
                _end_tag("endraw"),
                rule(r"[^{]+", Text),
                rule(r"{", Text),
            ],
            "verbatim": [
                _end_tag("endverbatim"),
                rule(r"[^{]+", Text),
                rule(r"{", Text),
            ],
        }
