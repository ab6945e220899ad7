"""VimL, tokenized as rouge 3.30 does.

Rouge's quirks are kept.  Its trailing-comment rule, ``(?<=\\s)"...``, never matches:
rouge's scanner shows a rule only the text from the scan position on, so the
look-behind has nothing to see; it is left out, and a quote that opens no string
is plain text.  Its leading ``\\b``s always hold for the same reason (the scan
position counts as the start of the text), so they are left out too; a trailing
``\\b`` after an ASCII word character is "no word character follows", with Ruby's
Unicode-aware notion of one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, RunGuard, StateItem, groups, rule
from ._ruby_regex import boundary_word

_END = f"(?![{boundary_word()}])"

# rouge's "(\\\\|\\"|[^\n"])*" backtracks exponentially on an unclosed run of
# backslashes; this spelling takes the same first match without backtracking: an
# escaped quote is text only while another quote follows on the line (else rouge
# backs off and closes on it)
_STRING_BODY = r"(?:\\\\|\\{q}(?=[^\n{q}]*{q})|\\(?!\\)|[^\n{q}\\])*+"


def _quoted(quote: str) -> str:
    return f"{quote}{_STRING_BODY.format(q=quote)}{quote}"


# a comment line and a continuation are a run of whitespace, then a quote or backslash
_COMMENT_LINE = RunGuard(r"\s", '"', monotone=True)
_CONTINUATION = RunGuard(r"\s", "\\", monotone=True)
_WORD_CHAR = re.compile(f"[{boundary_word()}]")


class _WordEndGuard(RunGuard):
    """Whether the ASCII word at the scan position ends at a Ruby word boundary.

    When a word runs into a non-ASCII letter, rouge retries the word rule at every
    one of its characters; the run is scanned once per text here instead.
    """

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(r"\w", "")

    def __call__(self, lexer: RegexLexer, text: str, pos: int) -> bool:
        memo = lexer.guard_memo.get(self)
        if memo is not None and memo[0] is text and memo[1] <= pos < memo[2]:
            run_end = memo[2]
        else:
            match = self.run.match(text, pos)
            run_end = match.end() if match is not None else pos
            lexer.guard_memo[self] = (text, pos, run_end, pos)
        return run_end > pos and _WORD_CHAR.match(text, run_end) is None


_WORD_END = _WordEndGuard()


@functools.cache
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """Loaded on first use, as rouge does: the tables are large."""
    from ._viml_builtins import BUILTINS, COMMANDS

    return COMMANDS, BUILTINS


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    commands, builtins = _tables()
    name = match.group(0)
    if name in commands:
        lexer.token(Keyword)
    elif name in builtins:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Text)


class VimlLexer(RegexLexer):
    tag = "viml"
    rouge_aliases = ("vim", "vimscript", "ex")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                # the guards scan a run of blank lines once, not once per line
                rule(r'^(\s*)(".*?)$', groups(Text, Comment), guard=_COMMENT_LINE),
                rule(r"^\s*\\", String.Escape, guard=_CONTINUATION),
                rule(r"[ \t]+", Text),
                # TODO (rouge): regexes can have other delimiters
                rule(_quoted("/"), String.Regex),
                rule(_quoted('"'), String.Double),
                rule(_quoted("'"), String.Single),
                rule(r"-?\d+", Number),
                rule(r"#[0-9a-f]{6}", Number.Hex, flags=re.I),
                rule(r"^:", Punctuation),
                rule(r"[():<>+=!\[\]{}\|,~.-]", Punctuation),
                rule(
                    rf"(let|if|else|endif|elseif|fun|function|endfunction){_END}",
                    Keyword,
                ),
                rule(rf"(NONE|bold|italic|underline|dark|light){_END}", Name.Builtin),
                # possessive: a shorter word ends before a word character, never at a \b
                rule(rf"[absg]:\w++{_END}", Name.Variable),
                rule(rf"\w++{_END}", _word, guard=_WORD_END),
                rule(r".", Text, flags=re.S),
            ]
        }
