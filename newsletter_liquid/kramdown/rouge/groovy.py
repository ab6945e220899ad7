"""Groovy, tokenized as rouge 3.30 does (method signatures re-lexed by a clone of the lexer)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from pygments.token import Comment, Keyword, Name, Number, Operator, String, Text

from ._engine import RegexLexer, RunGuard, StateItem, groups, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    assert break case catch continue default do else finally for
    if goto instanceof new return switch this throw try while in as""")
)
DECLARATIONS = frozenset(
    word_list("""
    abstract const enum extends final implements native private
    protected public static strictfp super synchronized throws
    transient volatile""")
)
TYPES = frozenset(word_list("def boolean byte char double float int long short void"))
CONSTANTS = frozenset(word_list("true false null"))

# Ruby's \b counts \p{Word} plus the Latin-1 superscripts and fractions and the
# circled letters as word characters; every \b here follows a word character
_WORD = boundary_word()
_END = f"(?![{_WORD}])"

_SHEBANG = re.compile(r"\A\s*#!(.*)$", re.ASCII | re.MULTILINE)
_GROOVY = re.compile(rf"(?<![{_WORD}])groovy(?:\s|$)", re.ASCII | re.MULTILINE)

# the words and spaces before a signature's "(" stay inside this run
_SIGNATURE_GUARD = RunGuard(r"[a-zA-Z0-9_.\[\]\s]", "(")


def _quoted(quote: str) -> str:
    r"""Rouge's ``Q(\\.|\\\n|.)*?Q`` without its exponential backtracking.

    Rouge's pattern tries every way of reading backslashes on an unclosed string.
    Its first match is the walk that takes a backslash with the character after
    it, except for a backslash before a backslash-newline (taken alone, as only
    that reading gets past the newline) and before an escaped quote when no quote
    can be reached after it (taken alone, so the escaped quote ends the string).
    A quote is reachable until a newline that follows no backslash.  Checked
    against rouge's pattern on every string of up to 12 characters.
    """
    q = re.escape(quote)
    reach = rf"(?:[^{q}\\\n]|\\\n?)*+{q}"
    return rf"{q}(?:[^{q}\\\n]|\\\n|\\(?=\\\n)|\\[^{q}\n]|\\{q}(?={reach})|\\(?={q}))*+{q}"


# rouge's \$/(\$.|.)*?/\$ (multi-line): "$" takes the character after it unless that
# would skip the last "/$" of the text; checked as above
_DOLLAR_SLASHY = r"\$/(?:[^$/]|/(?!\$)|\$(?!/\$(?!.*/\$)).|\$(?=/\$(?!.*/\$)))*+/\$"


def _dollar_slashy_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    # unclosed "$/"s would otherwise each be scanned to the end of the text
    if not text.startswith("$/", pos) or not isinstance(lexer, GroovyLexer):
        return False
    memo = lexer.last_closer
    if memo is None or memo[0] is not text:
        memo = lexer.last_closer = (text, text.rfind("/$"))
    return memo[1] >= pos + 2


def _signature(lexer: RegexLexer, match: re.Match[str]) -> None:
    # rouge delegates to ``self.clone``, which shares the state stack: a "class" or
    # "import" before the name leaves its state pushed for the text after the "("
    lexer.delegate(copy.copy(lexer), match.group(1))
    lexer.token(Name.Function, match.group(2))
    lexer.token(Text, match.group(3))
    lexer.token(Operator, match.group(4))


def _name_action(lexer_cls: type[GroovyLexer]) -> Callable[[RegexLexer, re.Match[str]], None]:
    keywords = lexer_cls.keywords
    declarations = lexer_cls.declarations
    types = lexer_cls.types
    constants = lexer_cls.constants

    def name(lexer: RegexLexer, match: re.Match[str]) -> None:
        word = match.group(0)
        if word in keywords:
            lexer.token(Keyword)
        elif word in declarations:
            lexer.token(Keyword.Declaration)
        elif word in types:
            lexer.token(Keyword.Type)
        elif word in constants:
            lexer.token(Keyword.Constant)
        else:
            lexer.token(Name)

    return name


class GroovyLexer(RegexLexer):
    tag = "groovy"

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    declarations: ClassVar[frozenset[str]] = DECLARATIONS
    types: ClassVar[frozenset[str]] = TYPES
    constants: ClassVar[frozenset[str]] = CONSTANTS

    #: the text last scanned and where its last "/$" is (-1: none)
    last_closer: tuple[str, int] | None = None

    @classmethod
    def detect(cls, text: str) -> bool:
        shebang = _SHEBANG.match(text)
        return shebang is not None and _GROOVY.search(shebang.group(1)) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(
                    r"""^
                    (\s*(?:\w[\w.\[\]]*\s+)+?) # return arguments
                    (\w\w*) # method name
                    (\s*) (\() # signature start
                    """,
                    _signature,
                    flags=re.X,
                    guard=_SIGNATURE_GUARD,
                ),
                rule(r"[^\S\n]+", Text),
                rule(r"//.*?$", Comment.Single),
                rule(r"/[*].*?[*]/", Comment.Multiline, flags=re.S),
                rule(r"@\w[\w.]*", Name.Decorator),
                rule(rf"(class|interface|trait){_END}", Keyword.Declaration, "class"),
                rule(rf"package{_END}", Keyword.Namespace, "import"),
                rule(rf"import{_END}", Keyword.Namespace, "import"),
                rule(r'""".*?"""', String.Double, flags=re.S),
                rule(r"'''.*?'''", String.Single, flags=re.S),
                rule(_quoted('"'), String.Double),
                rule(_quoted("'"), String.Single),
                rule(_DOLLAR_SLASHY, String, flags=re.S, guard=_dollar_slashy_may_close),
                rule(_quoted("/"), String),
                rule(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'", String.Char),
                rule(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)", groups(Operator, Name.Attribute)),
                rule(r"[a-zA-Z_][a-zA-Z0-9_]*:", Name.Label),
                rule(r"[a-zA-Z_\$][a-zA-Z0-9_]*", _name_action(cls)),
                rule(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", Operator),
                rule(r"\d+\.\d+([eE]\d+)?[fd]?", Number.Float),
                rule(r"0x[0-9a-f]+", Number.Hex),
                rule(r"[0-9]+L?", Number.Integer),
                rule(r"\n", Text),
            ],
            "class": [
                rule(r"\s+", Text),
                rule(r"\w\w*", Name.Class, "#pop"),
            ],
            "import": [
                rule(r"\s+", Text),
                rule(r"[\w.]+[*]?", Name.Namespace, "#pop"),
            ],
        }
