"""Nix, tokenized as rouge 3.30 does.

Rouge's quirks are kept: ``true``/``false``/``null`` need no word boundary, digits
are one token each, and ``.`` never matches a newline inside comments and strings,
so rouge emits an error token for every newline there.  Keywords only end in
Ruby's ``\\b`` (none opens them); after a word character that is a look-ahead for
no Ruby word character, matched in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, mixin, rule, word_list, words
from ._ruby_regex import boundary_word

BUILTINS = word_list("""
    abort baseNameOf builtins derivation fetchTarball import isNull removeAttrs throw
    toString""")

_WORD = boundary_word()


def _keywords(names: str) -> str:
    return rf"(?:{words(word_list(names))})(?![{_WORD}])"


# rouge builds its path pattern from these pieces
_PATH_WORD = r"[a-zA-Z0-9._-]+"
_SECTION = rf"(/{_PATH_WORD})"
_ROOT = rf"{_SECTION}+"
_TILDE = rf"~{_SECTION}+"
_BASIC = rf"{_PATH_WORD}(/{_PATH_WORD})+"
_URL = rf"[a-z+]+://(/?{_BASIC})"

_WORD_RUN = re.compile(r"[a-zA-Z0-9._-]*")
_SCHEME_RUN = re.compile(r"[a-z+]*")
# what must follow a maximal run for the basic and url alternatives to match
_BASIC_TAIL = re.compile(r"/[a-zA-Z0-9._-]")
_URL_TAIL = re.compile(rf"://(/?{_BASIC})")


class _Runs:
    """Whether the path rule's basic and url alternatives can match, one answer per run.

    Both start with a run of characters that cannot be the character after it
    (``/`` or ``:``), so their match only depends on where the run ends: rouge
    rescans a long run such as ``a.a.a.…`` at every token of it (quadratic); the
    run is scanned once per text here.
    """

    __slots__ = ("basic", "text", "url")

    def __init__(self) -> None:
        self.text: str | None = None
        # (start, end, tail matches) of the last run of each kind
        self.basic = (0, 0, False)
        self.url = (0, 0, False)

    def may_match(self, text: str, pos: int) -> bool:
        if text is not self.text:
            self.text = text
            self.basic = self.url = (0, 0, False)
        if text[pos] in "/~":
            return True
        self.basic = _run_at(self.basic, _WORD_RUN, _BASIC_TAIL, text, pos)
        self.url = _run_at(self.url, _SCHEME_RUN, _URL_TAIL, text, pos)
        return self.basic[2] or self.url[2]


def _run_at(
    memo: tuple[int, int, bool], run: re.Pattern[str], tail: re.Pattern[str], text: str, pos: int
) -> tuple[int, int, bool]:
    """The run holding ``pos`` (reusing ``memo`` when it does) and whether its tail matches."""
    start, end, _ = memo
    if start <= pos < end:
        return memo
    match = run.match(text, pos)
    end = match.end() if match is not None else pos
    if end == pos:
        return (pos, pos, False)
    return (pos, end, tail.match(text, end) is not None)


def _path_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, NixLexer)
    return lexer.path_runs.may_match(text, pos)


class NixLexer(RegexLexer):
    tag = "nix"
    rouge_aliases = ("nixos",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.path_runs = _Runs()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespaces": [
                rule(r"^\s*\n\s*$", Text),
                rule(r"\s+", Text),
            ],
            "comment": [
                rule(r"#.*$", Comment),
                rule(r"/\*", Comment, "multiline_comment"),
            ],
            "multiline_comment": [
                rule(r"\*/", Comment, "#pop"),
                rule(r".", Comment),
            ],
            "number": [rule(r"[0-9]", Number.Integer)],
            "null": [rule(r"(null)", Keyword.Constant)],
            "boolean": [rule(r"(true|false)", Keyword.Constant)],
            "binding": [rule(r"[a-zA-Z_][a-zA-Z0-9-]*", Name.Variable)],
            "path": [
                rule(rf"({_ROOT}|{_TILDE}|{_BASIC}|{_URL})", String.Other, guard=_path_guard),
            ],
            "string": [
                rule(r'"', String.Double, "double_quoted_string"),
                rule(r"''", String.Double, "indented_string"),
            ],
            "string_content": [
                rule(r"\\.", String.Escape),
                rule(r"\$\$", String.Escape),
                rule(r"\$\{", String.Interpol, "string_interpolated_arg"),
            ],
            "indented_string_content": [
                rule(r"'''", String.Escape),
                rule(r"''\$", String.Escape),
                rule(r"\$\$", String.Escape),
                rule(r"''\\.", String.Escape),
                rule(r"\$\{", String.Interpol, "string_interpolated_arg"),
            ],
            "string_interpolated_arg": [
                mixin("expression"),
                rule(r"\}", String.Interpol, "#pop"),
            ],
            "indented_string": [
                mixin("indented_string_content"),
                rule(r"''", String.Double, "#pop"),
                rule(r".", String.Double),
            ],
            "double_quoted_string": [
                mixin("string_content"),
                rule(r'"', String.Double, "#pop"),
                rule(r".", String.Double),
            ],
            "operator": [
                rule(
                    r"(\.|\?|\+\+|\+|!=|!|//|==|&&|\|\||->|/|\*|-|<|>|<=|=>)",
                    Operator,
                ),
            ],
            "assignment": [
                rule(r"(=)", Operator),
                rule(r"(@)", Operator),
            ],
            "accessor": [rule(r"(\$)", Punctuation)],
            "delimiter": [rule(r"(;|,|:)", Punctuation)],
            "atom_content": [
                mixin("expression"),
                rule(r"\)", Punctuation, "#pop"),
            ],
            "atom": [rule(r"\(", Punctuation, "atom_content")],
            "list": [rule(r"\[", Punctuation, "list_content")],
            "list_content": [
                rule(r"\]", Punctuation, "#pop"),
                mixin("expression"),
            ],
            "set": [rule(r"\{", Punctuation, "set_content")],
            "set_content": [
                rule(r"\}", Punctuation, "#pop"),
                mixin("expression"),
            ],
            "expression": [
                mixin("ignore"),
                mixin("comment"),
                mixin("boolean"),
                mixin("null"),
                mixin("number"),
                mixin("path"),
                mixin("string"),
                mixin("keywords"),
                mixin("operator"),
                mixin("accessor"),
                mixin("assignment"),
                mixin("delimiter"),
                mixin("binding"),
                mixin("atom"),
                mixin("set"),
                mixin("list"),
            ],
            "keywords": [
                rule(_keywords("with in inherit"), Keyword.Namespace),
                rule(_keywords("let"), Keyword.Declaration),
                rule(_keywords("if then else"), Keyword),
                rule(_keywords("rec assert map"), Keyword.Reserved),
                rule(rf"(?:{words(BUILTINS)})(?![{_WORD}])", Keyword.Reserved),
            ],
            "ignore": [mixin("whitespaces")],
            "root": [
                mixin("ignore"),
                mixin("expression"),
            ],
        }
