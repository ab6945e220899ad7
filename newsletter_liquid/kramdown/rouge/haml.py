"""Haml, tokenized as rouge 3.30 does (indented blocks, Ruby and HTML inside, filters)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from pygments.token import Comment, Name, Punctuation, String, Text, _TokenType

from ._engine import (
    OptionValue,
    PlainTextLexer,
    RegexLexer,
    RougeLexer,
    StateItem,
    mixin,
    push_states,
    rule,
)
from ._indentation import IndentedLexer
from .ruby import RubyLexer

_IDENTIFIER = r"(?:[\w:-]+)"
_RUBY_VAR = r"(?:[a-z]\w*)"
# any character, or a " |" line wrap followed by another wrapped line (Haml ignores those)
_DOT = r"(?:[ ]\|\n(?=.*[ ]\|)|.)"
# filter or plain text up to an interpolation or the line end
_PLAIN = r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+"
# rouge's option keys naming one filter, ``filters[NAME]``
_FILTER_KEY = re.compile(r"(\w+)\[(\w+)\]", re.ASCII)


def _default_filter(name: str) -> Callable[[Mapping[str, OptionValue]], RougeLexer] | None:
    """Factory of the lexer rouge uses for filter ``name`` by default (``ruby`` aside)."""
    if name == "javascript":
        from .javascript import JavascriptLexer

        return JavascriptLexer
    if name == "css":
        from .css import CssLexer

        return CssLexer
    if name == "erb":
        from .erb import ErbLexer

        return ErbLexer
    if name == "markdown":
        from .markdown import MarkdownLexer

        return MarkdownLexer
    if name == "sass":
        from .sass import SassLexer

        return SassLexer
    return None


class HamlLexer(IndentedLexer):
    tag = "haml"
    rouge_aliases = ("HAML",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        # default filter lexers see the options before the filter ones are taken out
        self._filter_options: dict[str, OptionValue] = dict(options or {})
        self._custom_filters: dict[str, RougeLexer] = {}
        self._default_filters: dict[str, RougeLexer] = {}
        self.ruby = RubyLexer(self._filter_options)
        super().__init__(options)
        self._take_filter_options()

    def _take_filter_options(self) -> None:
        """Rouge's ``hash_option(:filters)``: ``filters[NAME]=LANG`` picks a filter's lexer."""
        self.rouge_options.pop("filters", None)
        for key in list(self.rouge_options):
            found = _FILTER_KEY.search(key)
            if found is None or found.group(1) != "filters":
                continue
            value = self.rouge_options.pop(key)
            self._custom_filters[found.group(2)] = self._as_lexer(value)

    def _as_lexer(self, value: OptionValue) -> RougeLexer:
        if isinstance(value, list):
            value = value[-1] if value else False
        if isinstance(value, str):
            from . import find_lexer_class

            cls = find_lexer_class(value)
            if cls is not None:
                return cls(self.rouge_options)
        return PlainTextLexer(self.rouge_options)

    def filter_lexer(self, name: str) -> RougeLexer | None:
        if name in self._custom_filters:
            return self._custom_filters[name]
        if name == "ruby":
            return self.ruby
        lexer = self._default_filters.get(name)
        if lexer is None:
            factory = _default_filter(name)
            if factory is None:
                return None
            lexer = self._default_filters[name] = factory(self._filter_options)
        return lexer

    def start(self) -> None:
        from .html import HtmlLexer

        self.ruby.reset()
        self.html = HtmlLexer(self.rouge_options)
        self.reset_indentation()
        self.current_filter: RougeLexer | None = None

    def ruby_in(self, state: str) -> None:
        """Rouge's ``ruby!``: a fresh Ruby lexer for a new piece of Ruby code."""
        self.ruby.reset()
        self.push(state)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s*\n", Text),
                rule(r"\s*", _indentation),
            ],
            "content": [
                mixin("css"),
                rule(rf"%{_IDENTIFIER}", _to_tag(Name.Tag)),
                rule(rf"!!!{_DOT}*\n", Name.Namespace, "#pop"),
                rule(
                    rf"""
                    (/) (\[{_DOT}*?\]) ({_DOT}*\n)
                    """,
                    _conditional_comment,
                    flags=re.X,
                ),
                rule(rf"/{_DOT}*\n", _comment_block(Comment, "html_comment_block")),
                rule(rf"-#{_DOT}*\n", _comment_block(Comment, "haml_comment_block")),
                rule(r"-", _ruby_line),
                rule(rf":({_DOT}*)\n", _filter),
                mixin("eval_or_plain"),
            ],
            "css": [
                rule(rf"\.{_IDENTIFIER}", _to_tag(Name.Class)),
                rule(rf"#{_IDENTIFIER}", _to_tag(Name.Function)),
            ],
            "tag": [
                mixin("css"),
                rule(r"[{]", _ruby_tag),
                rule(rf"\[{_DOT}*?\]", _to_ruby),
                rule(r"\(", Punctuation, "html_attributes"),
                rule(r"\s*\n", Text, "#pop"),
                # whitespace chompers
                rule(r"[<>]{1,2}(?=[ \t=])", Punctuation),
                mixin("eval_or_plain"),
            ],
            "plain": [
                rule(_PLAIN, _to_html),
                mixin("interpolation"),
                rule(r"\n", _end_line),
            ],
            "eval_or_plain": [
                rule(r"[&!]?==", Punctuation, "plain"),
                rule(r"[&!]?[=!]", _ruby_line),
                rule(r"", push_states("plain")),
            ],
            "ruby_line": [
                rule(r"\n", Text, "#pop"),
                rule(r",[ \t]*\n", _to_ruby),
                rule(r"[ ]\|[ \t]*\n", String.Escape),
                rule(r".*?(?=(,$| \|)?[ \t]*$)", _to_ruby),
            ],
            "ruby_tag": [mixin("ruby_inner")],
            "html_attributes": [
                rule(r"\s+", Text),
                rule(rf"{_IDENTIFIER}\s*=", Name.Attribute, "html_attribute_value"),
                rule(_IDENTIFIER, Name.Attribute),
                rule(r"\)", Text, "#pop"),
            ],
            "html_attribute_value": [
                rule(r"\s+", Text),
                rule(_RUBY_VAR, Name.Variable, "#pop"),
                rule(rf"@{_RUBY_VAR}", Name.Variable.Instance, "#pop"),
                rule(rf"\${_RUBY_VAR}", Name.Variable.Global, "#pop"),
                rule(r"'(\\\\|\\'|[^'\n])*'", String, "#pop"),
                rule(r'"(\\\\|\\"|[^"\n])*"', String, "#pop"),
            ],
            "html_comment_block": [
                rule(rf"{_DOT}+", Comment),
                mixin("indented_block"),
            ],
            "haml_comment_block": [
                rule(rf"{_DOT}+", Comment.Preproc),
                mixin("indented_block"),
            ],
            "filter_block": [
                rule(_PLAIN, _to_filter),
                mixin("interpolation"),
                mixin("indented_block"),
            ],
            "interpolation": [rule(r"#[{]", String.Interpol, "ruby")],
            "ruby": [
                rule(r"[}]", String.Interpol, "#pop"),
                mixin("ruby_inner"),
            ],
            "ruby_inner": [
                rule(r"[{]", _to_ruby, "ruby_inner"),
                rule(r"[}]", _to_ruby, "#pop"),
                rule(r"[^{}]+", _to_ruby),
            ],
            "indented_block": [rule(r"\n", _end_line)],
        }


def _haml(lexer: RegexLexer) -> HamlLexer:
    assert isinstance(lexer, HamlLexer)
    return lexer


def _indentation(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    _haml(lexer).indentation(match.group(0))


def _to_tag(token: _TokenType) -> Callable[[RegexLexer, re.Match[str]], None]:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        lexer.goto("tag")

    return callback


def _conditional_comment(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Comment, Comment.Special, Comment)
    lexer.pop()


def _comment_block(token: _TokenType, state: str) -> Callable[[RegexLexer, re.Match[str]], None]:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        lexer.pop()
        _haml(lexer).starts_block(state)

    return callback


def _ruby_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.reset_stack()
    _haml(lexer).ruby_in("ruby_line")


def _ruby_tag(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    _haml(lexer).ruby_in("ruby_tag")


def _filter(lexer: RegexLexer, match: re.Match[str]) -> None:
    haml = _haml(lexer)
    lexer.token(Name.Decorator)
    lexer.pop()
    haml.starts_block("filter_block")
    # Ruby's String#strip: ASCII whitespace and NUL
    filter_lexer = haml.filter_lexer(match.group(1).strip("\t\n\v\f\r \0"))
    if filter_lexer is not None:
        filter_lexer.reset()
    haml.current_filter = filter_lexer


def _to_ruby(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_haml(lexer).ruby)


def _to_html(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_haml(lexer).html)


def _to_filter(lexer: RegexLexer, match: re.Match[str]) -> None:
    filter_lexer = _haml(lexer).current_filter
    if filter_lexer is not None:
        lexer.delegate(filter_lexer)
    else:
        lexer.token(Name.Decorator)


def _end_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    lexer.reset_stack()


__all__ = ["HamlLexer"]
