"""D, tokenized as rouge 3.30 does.

Rouge ends its word lists with ``\\b``; every word ends in a word character, so
that is "no word character follows", with Ruby's Unicode-aware notion of one
(a look-ahead, which matches in place).  Two of rouge's patterns are respelled
to keep time linear; both match what rouge's do:

* the block comment scans lazily for ``*/``, so it is skipped when no closer
  follows (an unclosed comment would otherwise rescan the text at every ``/*``);
* the double-quoted string ``"(\\\\|\\"|[^"])*"`` backtracks exponentially over
  an unclosed run of backslashes.  Its first match in backtracking order skips
  ``\\\\`` pairs and ``\\"`` while another quote follows, and ends at the first
  quote left; a ``\\"`` with no quote after it ends the string at that quote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, mixin, rule, word_list, words
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    abstract alias align asm assert auto body
    break case cast catch class const continue
    debug default delegate delete deprecated do else
    enum export extern finally final foreach_reverse
    foreach for function goto if immutable import
    interface invariant inout in is lazy mixin
    module new nothrow out override package pragma
    private protected public pure ref return scope
    shared static struct super switch synchronized
    template this throw try typedef typeid typeof
    union unittest version volatile while with
    __gshared __traits __vector __parameters""")
KEYWORD_TYPES = word_list("""
    bool byte cdouble cent cfloat char creal
    dchar double float idouble ifloat int ireal
    long real short ubyte ucent uint ulong
    ushort void wchar""")
PSEUDO_KEYWORDS = word_list("""
    __FILE__ __FILE_FULL_PATH__ __MODULE__ __LINE__ __FUNCTION__
    __PRETTY_FUNCTION__ __DATE__ __EOF__ __TIME__ __TIMESTAMP__
    __VENDOR__ __VERSION__""")

_END = f"(?![{boundary_word()}])"

_STRING = r'"(?:\\\\|\\"(?=[\s\S]*?")|\\(?!\\)|[^"\\])*"[cwd]?'

_OPERATORS = (
    r"(~=|\^=|%=|\*=|==|!>=|!<=|!<>=|!<>|!<|!>|!=|>>>=|>>>|>>=|>>|>=|<>=|<>|<<=|<<|<="
    r"|\+\+|\+=|--|-=|\|\||\|=|&&|&=|\.\.\.|\.\.|/=)|[/.&|\-+<>!()\[\]{}?,;:$=*%^~]"
)


class _Closers:
    """Where the last block-comment closer of the current text starts, found once per text."""

    __slots__ = ("last", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.last = -1

    def last_in(self, text: str) -> int:
        if text is not self.text:
            self.text = text
            self.last = max(text.rfind("*/"), text.rfind("*\\\n/"))
        return self.last


class _NextIndex:
    """Where ``needle`` next occurs from a scan position, rescanning only past the last find.

    Scan positions only grow within a text, so each needle's search is linear overall.
    """

    __slots__ = ("found", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[str, tuple[int, int]] = {}

    def at_or_after(self, text: str, needle: str, start: int) -> int:
        if text is not self.text:
            self.text = text
            self.found = {}
        known = self.found.get(needle)
        if known is not None and known[0] <= start and (known[1] < 0 or known[1] >= start):
            return known[1]
        index = text.find(needle, start)
        self.found[needle] = (start, index)
        return index


def _line_directive_may_end(lexer: RegexLexer, text: str, pos: int) -> bool:
    """A line directive needs a newline after its blank (which may be one itself)."""
    assert isinstance(lexer, DLexer)
    return lexer.next_index.at_or_after(text, "\n", pos + 6) >= 0


def _quoted_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    """A ``q"`` string with any delimiter needs its delimiter and a quote later on the same line."""
    assert isinstance(lexer, DLexer)
    if pos + 2 >= len(text) or text[pos + 2] == "\n":
        return False
    closer = lexer.next_index.at_or_after(text, text[pos + 2] + '"', pos + 3)
    if closer < 0:
        return False
    newline = lexer.next_index.at_or_after(text, "\n", pos + 3)
    return newline < 0 or closer < newline


def _comment_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, DLexer)
    return lexer.closers.last_in(text) >= pos + 2


def _delimited(name: str, open_char: str, close_char: str) -> dict[str, list[StateItem]]:
    """Rouge's ``q"[...]"``-style strings: nested delimiters inside, a quote after the last."""
    opener, closer = "\\" + open_char, "\\" + close_char
    inside = f"delimited_inside_{name}"
    return {
        f"delimited_{name}": [
            rule(f"[^{opener}{closer}]+", String),
            rule(opener, String, inside),
            rule(f'{closer}"', String, "#pop"),
        ],
        inside: [
            rule(f"[^{opener}{closer}]+", String),
            rule(opener, String, "#push"),
            rule(closer, String, "#pop"),
        ],
    }


class DLexer(RegexLexer):
    tag = "d"
    rouge_aliases = ("dlang",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.closers = _Closers()
        self.next_index = _NextIndex()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\n", Text),
                rule(r"\s+", Text),
            ],
            "root": [
                mixin("whitespace"),
                rule(r"//.*", Comment.Single),
                rule(
                    r"/(\\\n)?[*][\s\S]*?[*](\\\n)?/",
                    Comment.Multiline,
                    guard=_comment_may_close,
                ),
                rule(r"/\+", Comment.Multiline, "nested_comment"),
                rule(f"({words(KEYWORDS)}){_END}", Keyword),
                rule(f"({words(KEYWORD_TYPES)}){_END}", Keyword.Type),
                rule(f"(false|true|null){_END}", Keyword.Constant),
                rule(f"({words(PSEUDO_KEYWORDS)}){_END}", Keyword.Pseudo),
                rule(f"macro{_END}", Keyword.Reserved),
                rule(f"(string|wstring|dstring|size_t|ptrdiff_t){_END}", Name.Builtin),
                rule(
                    r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?",
                    Number.Float,
                ),
                rule(
                    r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?",
                    Number.Float,
                ),
                rule(r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?", Number.Float),
                rule(r"0[Bb][01_]+", Number.Bin),
                rule(r"0[0-7_]+", Number.Oct),
                rule(r"0[xX][0-9a-fA-F_]+", Number.Hex),
                rule(r"(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?", Number.Integer),
                rule(
                    r"""'(\\['"?\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}"""
                    r"""|\\U[0-9a-fA-F]{8}|\\&\w+;|.)'""",
                    String.Char,
                ),
                rule(r'r"[^"]*"[cwd]?', String),
                rule(r"`[^`]*`[cwd]?", String),
                rule(_STRING, String),
                rule(
                    r"""\\(['"?\\abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}"""
                    r"""|U[0-9a-fA-F]{8}|&\w+;)""",
                    String,
                ),
                rule(r'x"[0-9a-fA-F_\s]*"[cwd]?', String),
                rule(r'q"\[', String, "delimited_bracket"),
                rule(r'q"\(', String, "delimited_parenthesis"),
                rule(r'q"<', String, "delimited_angle"),
                rule(r'q"\{', String, "delimited_curly"),
                rule(r'q"([a-zA-Z_]\w*)\n.*?\n\1"', String),
                rule(r'q"(.).*?\1"', String, guard=_quoted_may_close),
                rule(r"q\{", String, "token_string"),
                rule(r"@([a-zA-Z_]\w*)?", Name.Decorator),
                rule(_OPERATORS, Punctuation),
                rule(r"[a-zA-Z_]\w*", Name),
                rule(r"#line\s.*\n", Comment.Special, guard=_line_directive_may_end),
            ],
            "nested_comment": [
                rule(r"[^+/]+", Comment.Multiline),
                rule(r"/\+", Comment.Multiline, "#push"),
                rule(r"\+/", Comment.Multiline, "#pop"),
                rule(r"[+/]", Comment.Multiline),
            ],
            "token_string": [
                rule(r"\{", Punctuation, "token_string_nest"),
                rule(r"\}", String, "#pop"),
                mixin("root"),
            ],
            "token_string_nest": [
                rule(r"\{", Punctuation, "#push"),
                rule(r"\}", Punctuation, "#pop"),
                mixin("root"),
            ],
            **_delimited("bracket", "[", "]"),
            **_delimited("parenthesis", "(", ")"),
            **_delimited("angle", "<", ">"),
            **_delimited("curly", "{", "}"),
        }
