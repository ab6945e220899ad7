"""Tcl, tokenized as rouge 3.30 does.

Rouge builds one command/params state pair per delimiter (braces, parentheses,
brackets) and the top-level pair; a close brace anywhere inside braces drops
every state above the innermost brace.  Quirks kept: a space is no word end
(only tabs, newlines and closers are), and the "mismatched closer" rule of each
delimiter also lists its own closer, so it never excludes anything.  Strings
count their braces on the lexer, across lexes, and rouge fails on a close
brace in a string outside braces before any open brace was counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Error, Keyword, Name, Punctuation, String, Text

from ...errors import MarkdownError
from ._engine import (
    OptionValue,
    RegexLexer,
    State,
    StateItem,
    mixin,
    push_states,
    rule,
    word_list,
)
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(word_list("""
    after apply array break catch continue elseif else error
    eval expr for foreach global if namespace proc rename return
    set switch then trace unset update uplevel upvar variable
    vwait while"""))
BUILTINS = frozenset(word_list("""
    append bgerror binary cd chan clock close concat dde dict
    encoding eof exec exit fblocked fconfigure fcopy file
    fileevent flush format gets glob history http incr info interp
    join lappend lassign lindex linsert list llength load loadTk
    lrange lrepeat lreplace lreverse lsearch lset lsort mathfunc
    mathop memory msgcat open package pid pkg::create pkg_mkIndex
    platform platform::shell puts pwd re_syntax read refchan
    regexp registry regsub scan seek socket source split string
    subst tell time tm unknown unload"""))

_OPEN = r'\(\[\{"'
_CLOSE = r"\)\]\}"
_END_LINE = _CLOSE + r";\n"
_END_WORD = _END_LINE + r"\r\t\v"

_SHEBANG = re.compile(
    rf"\A\s*#!.*?(?<![{boundary_word()}])(?:tclsh|wish|jimsh)(?:\s|$)",
    re.ASCII | re.MULTILINE,
)


class _LastCloseBrace:
    """Index of the last ``}`` of the current text, found once per text."""

    __slots__ = ("last", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.last = -1

    def last_in(self, text: str) -> int:
        if text is not self.text:
            self.text = text
            self.last = text.rfind("}")
        return self.last


def _braced_variable_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    """``${...}`` scans lazily for its brace: skip it when none follows."""
    assert isinstance(lexer, TclLexer)
    return lexer.close_braces.last_in(text) >= pos + 2


def _close_brace(lexer: RegexLexer) -> None:
    """Leave everything up to and including the innermost brace."""
    while not lexer.state_is("brace"):
        lexer.pop()
    lexer.pop()
    lexer.token(Punctuation)


def _brace_abort(lexer: RegexLexer, match: re.Match[str]) -> None:
    if lexer.in_state("brace"):
        _close_brace(lexer)
    else:
        lexer.token(Error)


def _command_word(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Text)


def _string_open_brace(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, TclLexer)
    lexer.brace_count = (lexer.brace_count or 0) + 1
    lexer.token(String.Double)


def _string_close_brace(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, TclLexer)
    if lexer.in_state("brace") and not lexer.brace_count:
        _close_brace(lexer)
        return
    if lexer.brace_count is None:
        # rouge decrements its unset counter (nil - 1), which aborts the Jekyll build
        line = match.string.count("\n", 0, match.start()) + 1
        raise MarkdownError(
            "rouge's Tcl lexer fails on a close brace in a string before any open brace; "
            "Jekyll aborts the build",
            line=line,
        )
    lexer.brace_count -= 1
    lexer.token(String.Double)


def _pop_twice(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.pop(2)


def _command_state(name: str) -> dict[str, list[StateItem]]:
    return {
        f"command{name}": [
            mixin("word"),
            rule(f"#[^{_END_LINE}]+", Comment.Single),
            rule(f"(?=[{_END_WORD}])", push_states(f"params{name}")),
            rule(f"[^{_END_WORD}]+", _command_word),
            mixin("whitespace"),
        ],
    }


def _delimiter_states(name: str, close: str, *, strict: bool) -> dict[str, list[StateItem]]:
    return {
        **_command_state(f"_in_{name}"),
        f"params_in_{name}": [
            rule(close, _pop_twice),
            # rouge means to exclude ``close`` here but subtracts a regex from strings
            rule(f"[{_CLOSE}]", Error if strict else Text),
            mixin("params"),
        ],
        name: [
            rule(close, Punctuation, "#pop"),
            mixin(f"command_in_{name}"),
        ],
    }


class TclLexer(RegexLexer):
    tag = "tcl"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.close_braces = _LastCloseBrace()
        # like rouge's instance variable: unset at first, never reset between lexes
        self.brace_count: int | None = None
        # braces[i]: how many "brace" states stack[: i + 1] holds, so that
        # in_state("brace") does not walk a deep stack at every close brace
        self.braces: list[int] = []
        super().__init__(options)

    def reset(self) -> None:
        super().reset()
        self.braces = [0]

    def push(self, state: str | State | None = None) -> None:
        super().push(state)
        self.braces.append(self.braces[-1] + (self.stack[-1].name == "brace"))

    def pop(self, times: int = 1) -> None:
        super().pop(times)
        del self.braces[len(self.stack) :]

    def in_state(self, name: str) -> bool:
        if name == "brace" and len(self.braces) == len(self.stack):
            return self.braces[-1] > 0
        return super().in_state(name)

    @classmethod
    def detect(cls, text: str) -> bool:
        return _SHEBANG.match(text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "word": [
                rule(r"\{\*\}", Keyword),
                mixin("brace_abort"),
                mixin("interp"),
                rule(r"\{", Punctuation, "brace"),
                rule(r"\(", Punctuation, "paren"),
                rule(r'"', String.Double, "string"),
                rule(f"[^{_END_WORD}]+?(?=[{_OPEN}\\\\])", Text),
            ],
            "brace_abort": [
                rule(r"\}", _brace_abort),
            ],
            "params": [
                rule(r";", Punctuation, "#pop"),
                rule(r"\n", Text, "#pop"),
                rule(r"else|elseif|then", Keyword),
                mixin("word"),
                mixin("whitespace"),
                rule(f"[^{_END_WORD}]+", Text),
            ],
            **_delimiter_states("brace", r"\}", strict=False),
            **_delimiter_states("paren", r"\)", strict=True),
            **_delimiter_states("bracket", r"\]", strict=True),
            **_command_state(""),
            "root": [
                mixin("command"),
            ],
            "whitespace": [
                rule(r"\s+", Text),
            ],
            "interp": [
                rule(r"\[", Punctuation, "bracket"),
                rule(r"\$[a-z0-9.:-]+", Name.Variable),
                rule(r"\$\{[\s\S]*?\}", Name.Variable, guard=_braced_variable_may_close),
                rule(r"\$", Text),
                rule(r"\\[0-7]{3}", String.Escape),
                rule(r"\\x[0-9a-f]{2}", String.Escape, flags=re.IGNORECASE),
                rule(r"\\u[0-9a-f]{4}", String.Escape, flags=re.IGNORECASE),
                rule(r"\\[\s\S]", String.Escape),
            ],
            "string": [
                rule(r'"', String.Double, "#pop"),
                mixin("interp"),
                rule(r'[^\\\[\$"{}]+', String.Double),
                rule(r"\{", _string_open_brace),
                rule(r"\}", _string_close_brace),
            ],
        }
