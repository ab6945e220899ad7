"""A state-machine lexer that scans text exactly the way rouge's ``RegexLexer`` does.

Pygments' own ``RegexLexer`` differs from rouge in ways that change the output:
it sees the text before the scan position (look-behinds, ``\\b``), resets to
the root state on an unmatched newline, and has no notion of rouge's limit on
empty matches.  Rouge scans with a ``StringScanner``, whose matches start at the
scan position as if the text began there; we reproduce that by matching on the
remaining suffix of the text.  Token types are Pygments' own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from pygments.lexer import Lexer as PygmentsLexer
from pygments.token import STANDARD_TYPES, Token, _TokenType

from ._ruby_regex import compile_ruby

__all__ = [
    "Callback",
    "Groups",
    "Guard",
    "Mixin",
    "OptionValue",
    "PlainTextLexer",
    "RegexLexer",
    "RougeLexer",
    "Rule",
    "StateItem",
    "TokenList",
    "groups",
    "mixin",
    "rule",
    "shortname",
]

TokenList = list[tuple[_TokenType, str]]
OptionValue = str | bool | list[str]

#: Rouge token types Pygments has no short CSS name for.
_EXTRA_SHORTNAMES: Mapping[_TokenType, str] = {
    Token.Comment.Doc: "cd",
    Token.Generic.Lineno: "gl",
    Token.Keyword.Variable: "kv",
    Token.Literal.Number.Other: "mx",
    Token.Punctuation.Indicator: "pi",
}

# rouge aborts a step after this many consecutive empty matches
_MAX_NULL_SCANS = 5


def shortname(token: _TokenType) -> str:
    """The CSS class rouge writes for ``token`` (``""`` for plain text)."""
    name = STANDARD_TYPES.get(token)
    if name is None:
        name = _EXTRA_SHORTNAMES.get(token)
    if name is None:
        # rouge only knows its fixed token tree; fall back to the nearest ancestor
        parent = token.parent
        return shortname(parent) if parent is not None else ""
    return name


class RougeLexer(PygmentsLexer):
    """Common interface of every lexer here: rouge's ``lex``/``continue_lex``/``reset!``."""

    tag: ClassVar[str] = ""
    rouge_aliases: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__()
        self.rouge_options: dict[str, OptionValue] = dict(options or {})

    @classmethod
    def detect(cls, text: str) -> bool:
        """Whether ``text`` is unmistakably this language (rouge's ``detect?``)."""
        return False

    def reset(self) -> None:
        """Forget all state carried over between ``continue_lex`` calls."""

    def lex(self, text: str) -> TokenList:
        """Tokens of ``text`` from a fresh state, same-type neighbours not yet merged."""
        self.reset()
        return self.continue_lex(text)

    def continue_lex(self, text: str) -> TokenList:
        """Tokens of ``text`` continuing from the state the last call left."""
        raise NotImplementedError

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:
        pos = 0
        for token, value in self.lex(text):
            yield pos, token, value
            pos += len(value)

    # option helpers with rouge's conversions of CGI-style option strings
    def option_list(self, name: str) -> list[str]:
        value = self.rouge_options.pop(name, None)
        if isinstance(value, list):
            return [part for item in value for part in item.split(",")]
        if isinstance(value, str):
            return value.split(",")
        return []

    def option_bool(self, name: str, default: bool | None = False) -> bool | None:
        if name not in self.rouge_options:
            return default
        value = self.rouge_options[name]
        if isinstance(value, list):
            value = value[-1] if value else True
        return value not in (False, "0", "false", "off")

    def option_str(self, name: str) -> str | None:
        value = self.rouge_options.pop(name, None)
        if isinstance(value, list):
            value = value[-1] if value else None
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else None
        return value


class PlainTextLexer(RougeLexer):
    """Rouge's ``plaintext``: the whole input is one token."""

    tag = "plaintext"
    rouge_aliases = ("text",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        name = self.option_str("token")
        self.token: _TokenType = _token_by_name(name) if name else Token.Text

    def continue_lex(self, text: str) -> TokenList:
        return [(self.token, text)] if text else []


def _token_by_name(name: str) -> _TokenType:
    token = Token
    for part in name.split("."):
        part = {"Str": "String", "Num": "Number"}.get(part, part)
        token = getattr(token, part)
    return token


Callback = Callable[["RegexLexer", "re.Match[str]"], None]


@dataclass(frozen=True)
class Groups:
    """Action giving each capture group of the match its own token type."""

    tokens: tuple[_TokenType, ...]


def groups(*tokens: _TokenType) -> Groups:
    return Groups(tokens)


Action = _TokenType | Groups | Callback
Guard = Callable[["RegexLexer", str, int], bool]


@dataclass(frozen=True)
class Rule:
    """One rule: ``next`` is a state name to push, ``"#pop"``, ``"#pop:N"`` or ``"#push"``."""

    pattern: str
    action: Action
    next: str | None = None
    flags: int = 0
    #: cheap necessary condition ``guard(lexer, text, pos)`` tried before the regex;
    #: keeps rules whose regex backtracks over long stretches linear in time
    guard: Guard | None = None

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return compile_ruby_like(self.pattern, self.flags)

    @functools.cached_property
    def at_line_start(self) -> bool:
        # rouge skips rules whose source starts with ^ unless at a line start
        return self.pattern.startswith("^")

    @functools.cached_property
    def sees_scan_start(self) -> bool:
        """Whether the rule can tell the scan position from the text's start.

        Look-behinds, word boundaries and anchors other than a leading ``^``
        behave as if the text began at the scan position, so such rules are
        matched against the rest of the text; the others match in place,
        which avoids copying the text at every step.
        """
        return _sees_scan_start(self.pattern[1:] if self.at_line_start else self.pattern)


# look-behinds and anchors anywhere; word boundaries only where a match begins
# (a boundary after consumed text never looks at the scan position)
_SCAN_START_SENSITIVE = re.compile(r"\(\?<[=!]|\\[AG]|\^|\A(?:\((?:\?[:a-z]*:)?)*\\[bB]")
# escaped characters and character classes, which hold no anchors
_INERT = re.compile(r"\\[^bBAG]|\[\^?\]?(?:\\.|[^\]\\])*\]")


def _sees_scan_start(pattern: str) -> bool:
    return _SCAN_START_SENSITIVE.search(_INERT.sub("x", pattern)) is not None


class _Cursor:
    """The scan position, with the rest of the text copied only when a rule needs it."""

    __slots__ = ("_rest", "pos", "text")

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos
        self._rest: str | None = None

    @property
    def rest(self) -> str:
        if self._rest is None:
            self._rest = self.text[self.pos :]
        return self._rest


@dataclass(frozen=True)
class Mixin:
    """Try another state's rules in place (resolved when the state runs)."""

    name: str


StateItem = Rule | Mixin


def rule(
    pattern: str,
    action: Action,
    next: str | None = None,
    flags: int = 0,
    guard: Guard | None = None,
) -> Rule:
    return Rule(pattern, action, next, flags, guard)


def mixin(name: str) -> Mixin:
    return Mixin(name)


@dataclass(frozen=True)
class State:
    name: str
    items: tuple[StateItem, ...]


class _WholeMatch:
    """Type of the default of :meth:`RegexLexer.token`, distinct from an explicit ``None``."""


WHOLE_MATCH = _WholeMatch()


class RegexLexer(RougeLexer):
    """Base of the rule-table lexers; subclasses define :meth:`states`."""

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        self.stack: list[State] = []
        self.match: re.Match[str]
        self._out: TokenList = []
        self._null_steps = 0
        # per-guard memo of the last run scanned, see RunGuard
        self.guard_memo: dict[RunGuard, tuple[str, int, int, int]] = {}
        self.reset()

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        raise NotImplementedError

    @classmethod
    def state_table(cls) -> Mapping[str, State]:
        return _compiled_states(cls)

    def get_state(self, name: str) -> State:
        return self.state_table()[name]

    def reset(self) -> None:
        self.stack = [self.get_state("root")]
        self.start()

    def start(self) -> None:
        """Hook run on every reset (rouge's ``start`` blocks)."""

    # --- API for rule callbacks -------------------------------------------------
    def token(self, token: _TokenType, value: str | _WholeMatch | None = WHOLE_MATCH) -> None:
        """Emit ``value`` (the whole match if omitted; ``None``, like Ruby's nil, emits nothing)."""
        if isinstance(value, _WholeMatch):
            value = self.match.group(0)
        if value:
            self._out.append((token, value))

    def groups(self, *tokens: _TokenType) -> None:
        for index, token in enumerate(tokens, 1):
            value = self.match.group(index)
            if value:
                self._out.append((token, value))

    def push(self, state: str | State | None = None) -> None:
        if state is None:
            self.stack.append(self.stack[-1])
        elif isinstance(state, State):
            self.stack.append(state)
        else:
            self.stack.append(self.get_state(state))

    def pop(self, times: int = 1) -> None:
        # rouge would raise on an empty stack; never popping the root keeps us total
        del self.stack[max(1, len(self.stack) - times) :]

    def goto(self, state: str | State) -> None:
        self.stack[-1] = state if isinstance(state, State) else self.get_state(state)

    def reset_stack(self) -> None:
        self.stack = [self.get_state("root")]

    def in_state(self, name: str) -> bool:
        return any(state.name == name for state in self.stack)

    def state_is(self, name: str) -> bool:
        return self.stack[-1].name == name

    def delegate(self, lexer: RougeLexer | type[RougeLexer], text: str | None = None) -> None:
        if text is None:
            text = self.match.group(0)
        if isinstance(lexer, RougeLexer):
            self._out.extend(lexer.continue_lex(text))
        else:
            self._out.extend(lexer().lex(text))

    def recurse(self, text: str | None = None) -> None:
        self.delegate(type(self), text)

    # --- scanning ---------------------------------------------------------------
    def continue_lex(self, text: str) -> TokenList:
        out: TokenList = []
        saved = self._out
        self._out = out
        try:
            self._scan(text)
        finally:
            self._out = saved
        return out

    def _scan(self, text: str) -> None:
        pos = 0
        end = len(text)
        self._null_steps = 0
        while pos < end:
            at_line_start = pos == 0 or text[pos - 1] == "\n"
            size = self._step(self.stack[-1], _Cursor(text, pos), at_line_start)
            if size < 0:
                self._out.append((Token.Error, text[pos]))
                pos += 1
            else:
                pos += size

    def _step(self, state: State, cursor: _Cursor, at_line_start: bool) -> int:
        """Size consumed by the first rule that applies, or -1 if none does."""
        for item in state.items:
            if isinstance(item, Mixin):
                size = self._step(self.get_state(item.name), cursor, at_line_start)
                if size >= 0:
                    return size
                continue
            if not at_line_start and item.at_line_start:
                continue
            if item.guard is not None and not item.guard(self, cursor.text, cursor.pos):
                continue
            if item.sees_scan_start:
                match = item.regex.match(cursor.rest)
            else:
                match = item.regex.match(cursor.text, cursor.pos)
            if match is None:
                continue
            self.match = match
            self._apply(item, match)
            size = match.end() - match.pos
            if size == 0:
                self._null_steps += 1
                if self._null_steps > _MAX_NULL_SCANS:
                    return -1
            else:
                self._null_steps = 0
            return size
        return -1

    def _apply(self, item: Rule, match: re.Match[str]) -> None:
        action = item.action
        if isinstance(action, _TokenType):
            value = match.group(0)
            if value:
                self._out.append((action, value))
        elif isinstance(action, Groups):
            self.groups(*action.tokens)
        else:
            action(self, match)
        target = item.next
        if target is None:
            return
        if target == "#pop":
            self.pop()
        elif target.startswith("#pop:"):
            self.pop(int(target[5:]))
        elif target == "#push":
            self.push()
        else:
            self.push(target)


@functools.cache
def _compiled_states(cls: type[RegexLexer]) -> Mapping[str, State]:
    return {name: State(name, tuple(items)) for name, items in cls.states().items()}


def compile_ruby_like(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile Ruby regex syntax with Ruby's defaults (see :mod:`._ruby_regex`)."""
    return compile_ruby(pattern, flags)


def word_list(text: str) -> tuple[str, ...]:
    """Whitespace-separated words (keeps long keyword tables readable)."""
    return tuple(text.split())


def words(names: Sequence[str]) -> str:
    """Alternation of literal words, in the given order (rouge keeps list order)."""
    return "|".join(re.escape(name) for name in names)


__all__ += ["State", "word_list", "words"]


def pop_state(lexer: RegexLexer, match: re.Match[str]) -> None:
    """Callback of rouge's frequent ``rule(//) { pop! }``: leave the state, emit nothing."""
    lexer.pop()


def goto_state(state: str, token: _TokenType | None = None) -> Callback:
    """Callback emitting the match as ``token`` (if any), then replacing the top state."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        if token is not None:
            lexer.token(token)
        lexer.goto(state)

    return callback


def push_states(*states: str, token: _TokenType | None = None) -> Callback:
    """Callback emitting the match as ``token`` (if any), then pushing ``states`` in order."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        if token is not None:
            lexer.token(token)
        for state in states:
            lexer.push(state)

    return callback


__all__ += ["goto_state", "pop_state", "push_states"]


class RunGuard:
    """Guard of a rule that only matches a run of ``run_chars`` characters ending at ``end``.

    Rouge's function-signature rules (C, Java, ...) lazily extend a group over
    words and spaces until the text after them fits; tried at every word of a
    long stretch that is no signature, that is quadratic.  The stretch is
    scanned once per text here.  With ``monotone``, a failed match at one
    position of a stretch also rules out the later ones (true when the match
    only depends on where the stretch ends).
    """

    __slots__ = ("end", "monotone", "run")

    def __init__(self, run_chars: str, end: str, *, monotone: bool = False) -> None:
        self.run = compile_ruby_like(f"{run_chars}*")
        self.end = end
        self.monotone = monotone

    def __call__(self, lexer: RegexLexer, text: str, pos: int) -> bool:
        memo = lexer.guard_memo.get(self)
        if memo is not None and memo[0] is text and memo[1] <= pos < memo[2]:
            _, start, run_end, tried_at = memo
            if self.monotone and tried_at < pos:
                return False
        else:
            match = self.run.match(text, pos)
            start, run_end = pos, match.end() if match is not None else pos
        lexer.guard_memo[self] = (text, start, run_end, pos)
        return text.startswith(self.end, run_end)


__all__ += ["RunGuard"]
