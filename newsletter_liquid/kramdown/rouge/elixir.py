"""Elixir, tokenized as rouge 3.30 does (rouge's port of an old Pygments lexer).

Rouge's rules carry quirks that change the output and are kept on purpose:
two alternatives of the symbol rule start with a literal newline and
indentation (its source spans lines without the ``x`` flag), uppercase sigils
interpolate while lowercase ones do not, and a sigil without a letter makes
rouge raise, which fails the whole Jekyll build.
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

from ...errors import MarkdownError
from ._engine import RegexLexer, State, StateItem, mixin, rule

# continuation lines of rouge's multi-line patterns (newline + the source's indentation)
_NL = "\n" + " " * 13

_KEYWORD = r"""\b(case|cond|end|bc|lc|if|unless|try|loop|receive|fn|defmodule|
    defp?|defprotocol|defimpl|defrecord|defmacrop?|defdelegate|
    defexception|defguardp?|defstruct|exit|raise|throw|after|rescue|catch|else)\b(?![?!])|
    (?<!\.)\b(do|\-\>)\b"""

_OPERATOR = r"""%=|\*=|\*\*=|\+=|\-=|\^=|\|\|=|
    <=>|<(?!<|=)|>(?!<|=|>)|<=|>=|===|==|=~|!=|!~|(?=[\s])\?|
    (?<=[\s])!+|&(&&?|(?!\d))|\|\||\^|\*|\+|\-|/|
    \||\+\+|\-\-|\*\*|\/\/|\<\-|\<\>|<<|>>|=|\.|~~~"""

# no ``x`` flag in rouge: the line breaks and indentation are part of the pattern
_SYMBOL = (
    r"(?<!:)(:)([a-zA-Z_]\w*([?!]|=(?![>=]))?|\<\>|===?|>=?|<=?|"
    + _NL
    + r"<=>|&&?|%\(\)|%\[\]|%\{\}|\+\+?|\-\-?|\|\|?|\!|//|[%&`/\|]|"
    + _NL
    + r"\*\*?|=?~|<\-)|([a-zA-Z_]\w*([?!])?)(:)(?!:)"
)

_CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}


@functools.cache
def _sigil_state(open_char: str, close_char: str, interp: bool, token: _TokenType) -> State:
    """The state rouge builds on the fly for a sigil's body (openers do not nest)."""
    items: list[StateItem] = [rule(re.escape(close_char), token, "#pop")]
    if interp:
        items += [mixin("interpoling"), rule(r"#", token)]
    else:
        items.append(rule(r"[\\#]", token))
    delimiters = re.escape(open_char + close_char)
    items.append(rule(rf"[^#{delimiters}\\]+", token, flags=re.S))
    return State("sigil", tuple(items))


def _sigil(lexer: RegexLexer, match: re.Match[str]) -> None:
    kind, open_char = match.group(1), match.group(2)
    if kind is None:
        # rouge tests ``"Rr".include?(nil)``, a TypeError that aborts the Jekyll build
        line = match.string.count("\n", 0, match.start()) + 1
        raise MarkdownError(
            "rouge's Elixir lexer fails on a sigil without a letter; Jekyll aborts the build",
            line=line,
        )
    token: _TokenType = String.Other
    if kind in "Rr":
        token = String.Regex
        lexer.push("regex_flags")
    if kind in "Ww":
        lexer.push("list_flags")
    lexer.token(token)
    close_char = _CLOSERS.get(open_char, open_char)
    lexer.push(_sigil_state(open_char, close_char, kind in "SRCW", token))


class ElixirLexer(RegexLexer):
    tag = "elixir"
    rouge_aliases = ("elixir", "exs")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"#.*$", Comment.Single),
                rule(_KEYWORD, Keyword, flags=re.X),
                rule(
                    r"\b(import|require|use|recur|quote|unquote|super|refer)\b(?![?!])",
                    Keyword.Namespace,
                ),
                rule(r"(?<!\.)\b(and|not|or|when|xor|in)\b", Operator.Word),
                rule(_OPERATOR, Operator, flags=re.X),
                rule(_SYMBOL, String.Symbol),
                rule(r':"', String.Symbol, "interpoling_symbol"),
                rule(r"\b(nil|true|false)\b(?![?!])|\b[A-Z]\w*\b", Name.Constant),
                rule(
                    r"\b(__(FILE|LINE|MODULE|MAIN|FUNCTION)__)\b(?![?!])",
                    Name.Builtin.Pseudo,
                ),
                rule(r"[a-zA-Z_!]\w*[!\?]?", Name),
                rule(r"::|[%(){};,/\|:\\\[\]]", Punctuation),
                rule(r"@[a-zA-Z_]\w*|&\d", Name.Variable),
                rule(
                    r"\b\d(_?\d)*(\.(?![^\d\s])(_?\d)+)([eE][-+]?\d(_?\d)*)?\b",
                    Number.Float,
                ),
                rule(r"\b0x[0-9A-Fa-f](_?[0-9A-Fa-f])*\b", Number.Hex),
                rule(r"\b0o[0-7](_?[0-7])*\b", Number.Oct),
                rule(r"\b0b[01](_?[01])*\b", Number.Bin),
                rule(r"\b\d(_?\d)*\b", Number.Integer),
                mixin("strings"),
                mixin("sigil_strings"),
            ],
            "strings": [
                rule(r'(%[A-Ba-z])?"""(?:.|\n)*?"""', String.Doc),
                rule(r"'''(?:.|\n)*?'''", String.Doc),
                rule(r'"', String.Double, "dqs"),
                rule(r"'", String.Single, "sqs"),
                rule(
                    r"(?<!\w)\?(\\(x\d{1,2}|\h{1,2}(?!\h)\b|0[0-7]{0,2}(?![0-7])\b[^x0MC])"
                    r"|(\\[MC]-)+\w|[^\s\\])",
                    String.Other,
                ),
            ],
            "dqs": [
                mixin("escapes"),
                mixin("interpoling"),
                rule(r'[^#"\\]+', String.Double),
                rule(r'"', String.Double, "#pop"),
                rule(r"[#\\]", String.Double),
            ],
            "sqs": [
                mixin("escapes"),
                mixin("interpoling"),
                rule(r"[^#'\\]+", String.Single),
                rule(r"'", String.Single, "#pop"),
                rule(r"[#\\]", String.Single),
            ],
            "interpoling": [rule(r"#\{", String.Interpol, "interpoling_string")],
            "interpoling_string": [
                rule(r"\}", String.Interpol, "#pop"),
                mixin("root"),
            ],
            "escapes": [
                rule(r"\\x\h{2}", String.Escape),
                rule(r"\\u\{?\d+\}?", String.Escape),
                rule(r"""\\[\\abdefnrstv0"']""", String.Escape),
            ],
            "interpoling_symbol": [
                rule(r'"', String.Symbol, "#pop"),
                mixin("interpoling"),
                rule(r'[^#"]+', String.Symbol),
            ],
            "sigil_strings": [rule(r"""~([A-Za-z])?(\{|\[|\(|<|\||/|'|")""", _sigil)],
            "regex_flags": [rule(r"[fgimrsux]*", String.Regex, "#pop")],
            "list_flags": [rule(r"[csa]?", String.Other, "#pop")],
        }
