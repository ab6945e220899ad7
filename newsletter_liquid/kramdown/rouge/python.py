"""Python, tokenized as rouge 3.30 does (e.g. comments keep their newline, ``.`` is punctuation)."""

from __future__ import annotations

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
)

from ._engine import RegexLexer, StateItem, groups, mixin, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    assert break continue del elif else except exec finally for global if lambda pass
    print raise return try while yield as with from import async await nonlocal""")
)

BUILTINS = frozenset(
    word_list("""
    __import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable
    chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile
    exit file filter float format frozenset getattr globals hasattr hash hex id input int
    intern isinstance issubclass iter len list locals long map max memoryview min next object
    oct open ord pow property range raw_input reduce reload repr reversed round set setattr
    slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip""")
)

PSEUDO_BUILTINS = frozenset(word_list("self None Ellipsis NotImplemented False True"))

EXCEPTIONS = frozenset(
    word_list("""
    ArithmeticError AssertionError AttributeError BaseException BlockingIOError
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError
    ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError
    EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError
    OverflowError OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError
    ReferenceError ResourceWarning RuntimeError RuntimeWarning StandardError
    StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
    TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
    UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning WindowsError
    ZeroDivisionError""")
)

# Ruby's [[:alpha:]] / [[:alnum:]] are Unicode classes even though \w is ASCII
IDENT = r"(?u:[^\W\d]\w*)"
DOTTED_IDENT = r"(?u:[^\W\d]|\.)(?u:[\w.])*"
_DIGITS = r"[0-9](?:_?[0-9])*"
_DECIMAL = rf"(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.)"
_EXPONENT = rf"e[+-]?{_DIGITS}"

_STRING_START = re.compile(r"([rfbu]{0,2})('''|\"\"\"|['\"])", re.IGNORECASE)


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in EXCEPTIONS or word in BUILTINS:
        lexer.token(Name.Builtin)
    elif word in PSEUDO_BUILTINS:
        lexer.token(Name.Builtin.Pseudo)
    else:
        lexer.token(Name)


def _string_open(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, PythonLexer)
    lexer.groups(String.Affix, String)
    lexer.strings.append((match.group(1).lower(), match.group(2)))
    lexer.push("generic_string")


def _string_quote(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, PythonLexer)
    lexer.token(String)
    if lexer.strings[-1][1] == match.group(0):
        lexer.strings.pop()
        lexer.pop()


def _string_brace(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, PythonLexer)
    if "f" in lexer.strings[-1][0]:
        lexer.token(String.Interpol)
        lexer.push("generic_interpol")
    else:
        lexer.token(String)


def _escape(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, PythonLexer)
    lexer.token(String if "r" in lexer.strings[-1][0] else String.Escape)
    lexer.pop()


def _recurse(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.recurse()


class PythonLexer(RegexLexer):
    tag = "python"
    rouge_aliases = ("py",)

    def start(self) -> None:
        # (prefix letters, closing delimiter) of each open string literal
        self.strings: list[tuple[str, str]] = []

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\bpythonw?(?:[23](?:\.\d+)?)?(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        number = Number
        return {
            "root": [
                rule(r"\n+", Text),
                rule(
                    r'^(:)(\s*)([ru]{0,2}""".*?""")',
                    groups(Punctuation, Text, String.Doc),
                    flags=re.S | re.I,
                ),
                rule(r"[^\S\n]+", Text),
                rule(r"#(.*)?\n?", Comment.Single),
                rule(r"[\[\]{}:(),;.]", Punctuation),
                rule(r"\\\n", Text),
                rule(r"\\", Text),
                rule(r"(in|is|and|or|not)\b", Operator.Word),
                rule(r"(<<|>>|//|\*\*)=?", Operator),
                rule(r"[-~+/*%=<>&^|@]=?|!=", Operator),
                rule(
                    rf"(from)((?:\\\s|\s)+)({DOTTED_IDENT})((?:\\\s|\s)+)(import)",
                    groups(Keyword.Namespace, Text, Name.Namespace, Text, Keyword.Namespace),
                ),
                rule(
                    rf"(import)(\s+)({DOTTED_IDENT})",
                    groups(Keyword.Namespace, Text, Name.Namespace),
                ),
                rule(r"(def)((?:\s|\\\s)+)", groups(Keyword, Text), "funcname"),
                rule(r"(class)((?:\s|\\\s)+)", groups(Keyword, Text), "classname"),
                rule(r"`.*?`", String.Backtick),
                rule(_STRING_START.pattern, _string_open, flags=re.I),
                rule(rf"@{DOTTED_IDENT}", Name.Decorator, flags=re.I),
                # rouge's (?<!\.) never sees the text before the scan position
                rule(IDENT, _identifier),
                rule(rf"{_DECIMAL}(?:{_EXPONENT})?j?", number.Float, flags=re.I),
                rule(rf"{_DIGITS}{_EXPONENT}j?", number.Float, flags=re.I),
                rule(rf"{_DIGITS}j", number.Float, flags=re.I),
                rule(r"0b(?:_?[0-1])+", number.Bin, flags=re.I),
                rule(r"0o(?:_?[0-7])+", number.Oct, flags=re.I),
                rule(r"0x(?:_?[a-f0-9])+", number.Hex, flags=re.I),
                rule(r"\d+L", number.Integer.Long),
                rule(r"(?:[1-9](?:_?[0-9])*|0(?:_?0)*)", number.Integer),
            ],
            "funcname": [rule(IDENT, Name.Function, "#pop")],
            "classname": [rule(IDENT, Name.Class, "#pop")],
            "generic_string": [
                rule(r"[^'\"\\{]+", String),
                rule(r"\{\{", String),
                rule(r"'''|\"\"\"|['\"]", _string_quote),
                rule(r"(?=\\)", String, "generic_escape"),
                rule(r"\{", _string_brace),
            ],
            "generic_escape": [
                rule(
                    r"""\\
                    ( [\\abfnrtv"']
                    | \n
                    | newline
                    | N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}
                    | u[a-fA-F0-9]{4}
                    | U[a-fA-F0-9]{8}
                    | x[a-fA-F0-9]{2}
                    | [0-7]{1,3}
                    )""",
                    _escape,
                    flags=re.X,
                ),
                rule(r"\\.", String, "#pop"),
            ],
            "generic_interpol": [
                rule(r"[^{}!:]+", _recurse),
                rule(r"![asr]", String.Interpol),
                rule(r":", String.Interpol),
                rule(r"\{", String.Interpol, "generic_interpol"),
                rule(r"\}", String.Interpol, "#pop"),
            ],
            "raise": [
                rule(r"from\b", Keyword),
                rule(r"raise\b", Keyword),
                rule(r"yield\b", Keyword),
                rule(r"\n", Text, "#pop"),
                rule(r";", Punctuation, "#pop"),
                mixin("root"),
            ],
            "yield": [mixin("raise")],
        }
