"""Visual Basic, tokenized as rouge 3.30 does.

Rouge's rule order leaves some rules dead, kept here as they are: ``#`` is
punctuation before a ``#date#`` can match, ``&`` an operator before ``&H1F``,
``_`` a name before a line continuation, and the whitespace rule eats every
newline before the one that would enter the ``bol`` state.  Rouge's ``/i``
class ``[a-z]`` also matches the Kelvin sign and the long s, spelt out below
because ``re`` folds ASCII only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import OptionValue, RegexLexer, StateItem, mixin, pop_state, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    AddHandler Alias ByRef ByVal CBool CByte CChar CDate CDbl CDec
    CInt CLng CObj CSByte CShort CSng CStr CType CUInt CULng CUShort
    Call Case Catch Class Const Continue Declare Default Delegate
    Dim DirectCast Do Each Else ElseIf End EndIf Enum Erase Error
    Event Exit False Finally For Friend Function Get Global GoSub
    GoTo Handles If Implements Imports Inherits Interface Let
    Lib Loop Me Module MustInherit MustOverride MyBase MyClass
    Namespace Narrowing New Next Not NotInheritable NotOverridable
    Nothing Of On Operator Option Optional Overloads Overridable
    Overrides ParamArray Partial Private Property Protected Public
    RaiseEvent ReDim ReadOnly RemoveHandler Resume Return Select Set
    Shadows Shared Single Static Step Stop Structure Sub SyncLock
    Then Throw To True Try TryCast Using Wend When While Widening
    With WithEvents WriteOnly""")
)

KEYWORDS_TYPE = frozenset(
    word_list("""
    Boolean Byte Char Date Decimal Double Integer Long Object
    SByte Short Single String Variant UInteger ULong UShort""")
)

OPERATOR_WORDS = frozenset(
    word_list("""
    AddressOf And AndAlso As GetType In Is IsNot Like Mod Or OrElse
    TypeOf Xor""")
)

BUILTINS = frozenset(word_list("Console ConsoleColor"))

# Ruby's \b counts Unicode word characters plus the Latin-1 superscripts and fractions and
# the circled letters; every \b here sits next to a character of the match, so one-sided
# look-arounds say the same without looking before the scan position
_WORD = boundary_word()
_END = f"(?![{_WORD}])"  # \b after a word character

# rouge's ``/[a-z_]\w*/i``: Onigmo folds the Kelvin sign and the long s into k and s
ID = "(?i:[a-z\u017f\u212a_]\\w*)"

# rouge's ``.*?\bThen`` after ``#If\b``: the boundary needs a non-word character
# before ``Then``, and the lazy part must hold it (``If`` ends with a word character)
_THEN = f"[^{_WORD}\\n]Then"
_THEN_SEARCH = re.compile(_THEN)

_PREPROC = "|".join(
    [
        rf"#If{_END}.*?{_THEN}",
        rf"#ElseIf{_END}.*?{_THEN}",
        r"#End\s+If",
        r"#Const",
        r"#ExternalSource.*?\n",
        r"#End\s+ExternalSource",
        r"#Region.*?\n",
        r"#End\s+Region",
        r"#ExternalChecksum",
    ]
)


def _next_at(lexer: RegexLexer, key: str, text: str, start: int) -> int:
    """Where ``key`` (a literal, or the ``Then`` pattern) next occurs at or after ``start``.

    Rouge's lazy scans for a closing ``%}``, a newline or a ``Then`` run on to the
    end of the text (or line) when there is none, at every opening of such a text;
    the next occurrence is found once per text instead.
    """
    assert isinstance(lexer, VbLexer)
    memo = lexer.next_found.get(key)
    if memo is not None and memo[0] is text:
        _, found, searched_from = memo
        if searched_from <= start and (found < 0 or found >= start):
            return found
    if key == _THEN:
        match = _THEN_SEARCH.search(text, start)
        found = match.start() if match is not None else -1
    else:
        found = text.find(key, start)
    lexer.next_found[key] = (text, found, start)
    return found


def _then_on_line(lexer: RegexLexer, text: str, start: int) -> bool:
    then = _next_at(lexer, _THEN, text, start)
    if then < 0:
        return False
    newline = _next_at(lexer, "\n", text, start)
    return newline < 0 or then < newline


def _preproc_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    if text.startswith("#If", pos):
        return _then_on_line(lexer, text, pos + 3)
    if text.startswith("#ElseIf", pos):
        return _then_on_line(lexer, text, pos + 7)
    if text.startswith("#ExternalSource", pos) or text.startswith("#Region", pos):
        return _next_at(lexer, "\n", text, pos) >= 0
    return True


def _multiline_comment_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return text.startswith("%{", pos) and _next_at(lexer, "%}", text, pos + 2) >= 0


def _upper_id(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in KEYWORDS_TYPE:
        lexer.token(Keyword.Type)
    elif word in OPERATOR_WORDS:
        lexer.token(Operator.Word)
    elif word in BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name)


def _whitespace_then(*items: StateItem) -> list[StateItem]:
    return [mixin("whitespace"), *items]


class VbLexer(RegexLexer):
    tag: ClassVar[str] = "vb"
    rouge_aliases = ("visualbasic",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        #: key -> (text, where it was found or -1, where the search started)
        self.next_found: dict[str, tuple[str, int, int]] = {}
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\s+", Text),
                rule(r"\n", Text, "bol"),
                rule(rf"rem{_END}.*?$", Comment.Single, flags=re.I),
                rule(r"%\{.*?%\}", Comment.Multiline, flags=re.S, guard=_multiline_comment_guard),
                rule(r"'.*$", Comment.Single),
            ],
            "bol": [
                rule(r"\s+", Text),
                rule(r"<.*?>", Name.Attribute),
                # sic: rouge's block returns ``:pop!`` instead of popping
                rule("", Text),
            ],
            "root": [
                mixin("whitespace"),
                rule(_PREPROC, Comment.Preproc, guard=_preproc_guard),
                rule(r"[.]", Punctuation, "dotted"),
                rule(r"[(){}!#,:]", Punctuation),
                rule(
                    r"Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)",
                    Keyword.Declaration,
                ),
                rule(rf"End{_END}", Keyword, "end"),
                rule(rf"(Dim|Const){_END}", Keyword, "dim"),
                rule(rf"(Function|Sub|Property){_END}", Keyword, "funcname"),
                rule(rf"(Class|Structure|Enum){_END}", Keyword, "classname"),
                rule(rf"(Module|Namespace|Imports){_END}", Keyword, "namespace"),
                rule(r"[A-Z]\w*", _upper_id),
                rule(
                    r"&=|[*]=|/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*/\\^+=<>.]",
                    Operator,
                ),
                rule(r'"', String, "string"),
                rule(rf"{ID}[%&@!#\$]?", Name),
                rule(r"#.*?#", Literal.Date),
                rule(r"(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?", Number.Float, flags=re.I),
                rule(r"\d+([SILDFR]|US|UI|UL)?", Number.Integer),
                rule(r"&H[0-9a-f]+([SILDFR]|US|UI|UL)?", Number.Integer),
                rule(r"&O[0-7]+([SILDFR]|US|UI|UL)?", Number.Integer),
                rule(r"_\n", Keyword),
            ],
            "dotted": _whitespace_then(rule(ID, Name, "#pop")),
            "string": [
                rule(r'""', String.Escape),
                rule(r'"C?', String, "#pop"),
                rule(r'[^"]+', String),
            ],
            "dim": _whitespace_then(rule(ID, Name.Variable, "#pop"), rule("", pop_state)),
            "funcname": _whitespace_then(rule(ID, Name.Function, "#pop")),
            "classname": _whitespace_then(rule(ID, Name.Class, "#pop")),
            "namespace": _whitespace_then(rule(rf"{ID}([.]{ID})*", Name.Namespace, "#pop")),
            "end": _whitespace_then(
                rule(
                    rf"(Function|Sub|Property|Class|Structure|Enum|Module|Namespace){_END}",
                    Keyword,
                    "#pop",
                ),
                rule("", pop_state),
            ),
        }
