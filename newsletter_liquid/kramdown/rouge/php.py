"""PHP, tokenized as rouge 3.30 does; text outside ``<?php ... ?>`` goes to the HTML lexer.

Options (``php?start_inline=1``): ``start_inline`` (start in PHP code; default:
guess), ``funcnamehighlighting`` and ``disabledmodules`` (builtin functions).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    _TokenType,
)

from ._engine import (
    Callback,
    OptionValue,
    RegexLexer,
    RougeLexer,
    StateItem,
    groups,
    mixin,
    rule,
    word_list,
)

KEYWORDS = frozenset(
    word_list(
        """old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler
        __line__ __method__ __namespace__ __trait__ abstract and array as break case catch
        clone continue declare default die do echo else elseif empty enddeclare endfor
        endforeach endif endswitch endwhile eval exit extends final finally fn for foreach
        global goto if implements include include_once instanceof insteadof isset list match
        new or parent print private protected public readonly require require_once return
        self static switch throw try unset var while xor yield"""
    )
)

# rouge: id = /[\p{L}_][\p{L}\p{N}_]*/
IDENT = r"(?u:[^\W\d])(?u:\w)*"
NAMESPACE = rf"(?:{IDENT}\\)+"
QUALIFIED = rf"(?:{NAMESPACE})?{IDENT}"

_MAGIC = re.compile(r"^__.*?__$")
_PREDEFINED_CONSTANT = re.compile(r"^(E|PHP)(_[A-Z]+)+$")
_CONSTANT = re.compile(r"(\\|^)[A-Z][A-Z0-9_]+$")
_CLASS = re.compile(r"(\\|^)[A-Z][^\W_]*?$")


class PhpLexer(RegexLexer):
    tag = "php"
    rouge_aliases = ("php", "php3", "php4", "php5")

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self._parent: RougeLexer | None = None
        options = dict(options or {})
        start_inline = options.get("start_inline")
        self.start_inline: bool | None = (
            None if "start_inline" not in options else _as_bool(start_inline)
        )
        self.highlight_builtins = (
            True
            if "funcnamehighlighting" not in options
            else _as_bool(options["funcnamehighlighting"])
        )
        disabled = options.pop("disabledmodules", None)
        self.disabled_modules = _as_list(disabled)
        super().__init__(options)

    @property
    def parent(self) -> RougeLexer:
        """The template's host language (``?parent=``; HTML by default), made once."""
        if self._parent is None:
            from . import find_lexer_class
            from .html import HtmlLexer

            name = self.rouge_options.pop("parent", None)
            cls = find_lexer_class(name) if isinstance(name, str) else None
            self._parent = (cls or HtmlLexer)(self.rouge_options)
        return self._parent

    @classmethod
    def detect(cls, text: str) -> bool:
        if re.match(r"\A#!.*?\bphp(?:\s|$)", text):
            return True
        if re.search(r"^<\?hh", text, re.M):
            return False
        return re.search(r"^<\?php", text, re.M) is not None

    def start(self) -> None:
        self.parent.reset()
        if self.start_inline is True:
            self.push("php")
        elif self.start_inline is None:
            self.push("start")

    def builtins(self) -> frozenset[str]:
        if not self.highlight_builtins:
            return frozenset()
        return _builtins(tuple(self.disabled_modules))

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "escape": [rule(r"\?>", _close_tag)],
            "return": [rule(r"", _pop)],
            "start": [
                rule(r"\s*(?=<)", _to_parent_then_pop),
                rule(r"[^$]+(?=<\?(php|=))", _to_parent_then_pop, flags=re.I),
                rule(r"", _goto("php")),
            ],
            "names": [
                rule(rf"{QUALIFIED}(?=\s*\()", _function_name),
                rule(QUALIFIED, _name),
            ],
            "operators": [rule(r"[~!%^&*+\|:.<>/@-]+", Operator)],
            "string": [
                rule(r'"', String.Double, "#pop"),
                rule(r'[^\\{$"]+', String.Double),
                rule(r"\\u\{[0-9a-fA-F]+\}", String.Escape),
                rule(r'\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})', String.Escape),
                rule(rf"\${IDENT}(\[\S+\]|->{IDENT})?", Name.Variable),
                rule(r"\{\$\{", String.Interpol, "string_interp_double"),
                rule(r"\{(?=\$)", String.Interpol, "string_interp_single"),
                rule(r"(\{)(\S+)(\})", groups(String.Interpol, Name.Variable, String.Interpol)),
                rule(r"[${\\]+", String.Double),
            ],
            "string_interp_double": [
                rule(r"\}\}", String.Interpol, "#pop"),
                mixin("php"),
            ],
            "string_interp_single": [
                rule(r"\}", String.Interpol, "#pop"),
                mixin("php"),
            ],
            "values": [
                rule(
                    rf"<<<([\"']?)({IDENT})\1\n.*?\n\s*\2;?",
                    String.Heredoc,
                    flags=re.I | re.S,
                ),
                rule(r"(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", Number.Float, flags=re.I),
                rule(r"0[0-7][0-7_]*", Number.Oct),
                rule(r"0b[01][01_]*", Number.Bin, flags=re.I),
                rule(r"0x[a-f0-9][a-f0-9_]*", Number.Hex, flags=re.I),
                rule(r"\d[_\d]*", Number.Integer),
                rule(r"'([^'\\]*(?:\\.[^'\\]*)*)'", String.Single),
                rule(r"`([^`\\]*(?:\\.[^`\\]*)*)`", String.Backtick),
                rule(r'"', String.Double, "string"),
                rule(r"(function|fn)\b", _function, flags=re.I),
                rule(r"(true|false|null)\b", Keyword.Constant, flags=re.I),
                rule(r"new\b", Keyword, "in_new", flags=re.I),
            ],
            "variables": [
                rule(rf"\$\{{\$+{IDENT}\}}", Name.Variable),
                rule(rf"\$+{IDENT}", Name.Variable),
            ],
            "whitespace": [
                rule(r"\s+", Text),
                rule(r"#.*?$", Comment.Single),
                rule(r"//.*?$", Comment.Single),
                rule(r"/\*\*(?!/).*?\*/", Comment.Doc, flags=re.S),
                rule(r"/\*.*?\*/", Comment.Multiline, flags=re.S),
            ],
            "root": [
                rule(r"<\?(php|=)?", Comment.Preproc, "php", flags=re.I),
                rule(r".*?(?=<\?)|.*", _to_parent, flags=re.S),
            ],
            "php": [
                mixin("escape"),
                mixin("whitespace"),
                mixin("variables"),
                mixin("values"),
                rule(
                    rf"(namespace)(\s+)({QUALIFIED})",
                    groups(Keyword.Namespace, Text, Name.Namespace),
                    flags=re.I,
                ),
                rule(
                    rf"(class|interface|trait|extends|implements)(\s+)({QUALIFIED})",
                    groups(Keyword.Declaration, Text, Name.Class),
                    flags=re.I,
                ),
                mixin("names"),
                rule(r"[;,\(\)\{\}\[\]]", Punctuation),
                mixin("operators"),
                rule(r"[=?]", Operator),
            ],
            "in_assign": [
                rule(r",", Punctuation, "#pop"),
                rule(r"[\[\]]", Punctuation),
                rule(r"\(", Punctuation, "in_assign_function"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("values"),
                mixin("variables"),
                mixin("names"),
                mixin("operators"),
                mixin("return"),
            ],
            "in_assign_function": [
                rule(r"\)", Punctuation, "#pop"),
                rule(r",", Punctuation),
                mixin("in_assign"),
            ],
            "in_catch": [
                rule(r"\(", Punctuation),
                rule(r"\|", Operator),
                rule(IDENT, Name.Class),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
            "in_const": [
                rule(IDENT, Name.Constant),
                rule(r"=", Operator, "in_assign"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
            "in_function_body": [
                rule(r"\{", Punctuation, "#push"),
                rule(r"\}", Punctuation, "#pop"),
                mixin("php"),
            ],
            "in_function_name": [
                rule(r"&", Operator),
                rule(IDENT, Name),
                rule(r"\(", Punctuation, "#pop"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
            "in_function_params": [
                rule(r"\)", Punctuation, "#pop"),
                rule(r",", Punctuation),
                rule(r"[.]{3}", Punctuation),
                rule(r"=", Operator, "in_assign"),
                rule(r"\b(?:public|protected|private|readonly)\b", Keyword, flags=re.I),
                rule(rf"\??{IDENT}", Keyword.Type, "in_assign"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("variables"),
                mixin("return"),
            ],
            "in_function_return": [
                rule(r":", Punctuation),
                rule(r"use\b", Keyword, "in_function_use", flags=re.I),
                rule(rf"\??{IDENT}", Keyword.Type, "in_assign"),
                rule(r"\{", _token_goto(Punctuation, "in_function_body")),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
            "in_function_use": [
                rule(r"[,\(]", Punctuation),
                rule(r"&", Operator),
                rule(r"\)", Punctuation, "#pop"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("variables"),
                mixin("return"),
            ],
            "in_new": [
                rule(r"class\b", _token_goto(Keyword.Declaration, "in_new_class"), flags=re.I),
                rule(QUALIFIED, Name.Class, "#pop"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
            "in_new_class": [
                rule(r"\}", Punctuation, "#pop"),
                rule(r"\{", Punctuation),
                mixin("php"),
            ],
            "in_use": [
                rule(r"[,\}]", Punctuation),
                rule(r"(function|const)\b", Keyword, flags=re.I),
                rule(rf"({NAMESPACE})(\{{)", groups(Name.Namespace, Punctuation)),
                rule(rf"{QUALIFIED}(_{IDENT})+", Name.Function),
                mixin("escape"),
                mixin("whitespace"),
                mixin("names"),
                mixin("return"),
            ],
            "in_visibility": [
                rule(r"\b(?:readonly|static)\b", Keyword, flags=re.I),
                rule(r"(?=(abstract|const|function)\b)", Keyword, "#pop", flags=re.I),
                rule(rf"\??{IDENT}", Keyword.Type, "#pop"),
                mixin("escape"),
                mixin("whitespace"),
                mixin("return"),
            ],
        }


def _as_bool(value: OptionValue | None) -> bool:
    if isinstance(value, list):
        value = value[-1] if value else True
    return value not in (None, False, "0", "false", "off")


def _as_list(value: OptionValue | None) -> list[str]:
    if isinstance(value, list):
        return [part for item in value for part in item.split(",")]
    if isinstance(value, str):
        return value.split(",")
    return []


@functools.cache
def _builtins(disabled: tuple[str, ...]) -> frozenset[str]:
    from ._php_builtins import PHP_BUILTINS

    return frozenset(
        name
        for module, names in PHP_BUILTINS.items()
        if module not in disabled
        for name in names.split()
    )


def _php(lexer: RegexLexer) -> PhpLexer:
    assert isinstance(lexer, PhpLexer)
    return lexer


def _close_tag(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Comment.Preproc)
    lexer.stack[:] = [lexer.get_state("root")]


def _pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()


def _goto(state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.goto(state)

    return callback


def _token_goto(token: _TokenType, state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        lexer.goto(state)

    return callback


def _to_parent(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_php(lexer).parent)


def _to_parent_then_pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_php(lexer).parent)
    lexer.pop()


def _function(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.push("in_function_return")
    lexer.push("in_function_params")
    lexer.push("in_function_name")
    lexer.token(Keyword)


def _function_name(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0).lower()
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in _php(lexer).builtins():
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Function)


_VISIBILITY = frozenset(("public", "protected", "private"))


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    name = word.lower()
    if name == "use":
        lexer.push("in_use")
        lexer.token(Keyword.Namespace)
    elif name == "const":
        lexer.push("in_const")
        lexer.token(Keyword)
    elif name == "catch":
        lexer.push("in_catch")
        lexer.token(Keyword)
    elif name in _VISIBILITY:
        lexer.push("in_visibility")
        lexer.token(Keyword)
    elif name == "stdClass":  # never true after lower-casing, as in rouge
        lexer.token(Name.Class)
    elif name in KEYWORDS:
        lexer.token(Keyword)
    elif _MAGIC.search(word):
        lexer.token(Name.Builtin)
    elif _PREDEFINED_CONSTANT.search(word):
        lexer.token(Keyword.Constant)
    elif _CONSTANT.search(word):
        lexer.token(Name.Constant)
    elif _CLASS.search(word):
        lexer.token(Name.Class)
    else:
        lexer.token(Name)
