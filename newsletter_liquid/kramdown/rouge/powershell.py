"""PowerShell, tokenized as rouge 3.30 does (cmdlets, parameters, here-strings, interpolation)."""

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

from ._engine import OptionValue, RegexLexer, RunGuard, StateItem, groups, mixin, rule, word_list
from ._ruby_regex import boundary_word

ATTRIBUTES = frozenset(
    word_list("""
    ConfirmImpact DefaultParameterSetName HelpURI PositionalBinding
    SupportsPaging SupportsShouldProcess""")
)

# rouge writes these as regex source already (``\\$\\?``), matched case-sensitively
AUTO_VARS = "|".join(
    word_list(r"""
    \$\$ \$\? \$\^ \$_
    \$args \$ConsoleFileName \$Error \$Event \$EventArgs \$EventSubscriber
    \$ExecutionContext \$false \$foreach \$HOME \$Host \$input \$IsCoreCLR
    \$IsLinux \$IsMacOS \$IsWindows \$LastExitCode \$Matches \$MyInvocation
    \$NestedPromptLevel \$null \$PID \$PROFILE \$PSBoundParameters \$PSCmdlet
    \$PSCommandPath \$PSCulture \$PSDebugContext \$PSHOME \$PSItem
    \$PSScriptRoot \$PSSenderInfo \$PSUICulture \$PSVersionTable \$PWD
    \$REPORTERRORSHOWEXCEPTIONCLASS \$REPORTERRORSHOWINNEREXCEPTION
    \$REPORTERRORSHOWSOURCE \$REPORTERRORSHOWSTACKTRACE
    \$SENDER \$ShellId \$StackTrace \$switch \$this \$true""")
)

KEYWORDS = word_list("""
    assembly exit process base filter public begin finally return break for
    sequence catch foreach static class from switch command function throw
    configuration hidden trap continue if try data in type define
    inlinescript until do interface using dynamicparam module var else
    namespace while elseif parallel workflow end param enum private""")

# the word operators; the symbolic ones (``+=`` ...) follow in rouge's list
WORD_OPERATORS = word_list("""
    -split -isplit -csplit -join -is -isnot -as -eq -ieq -ceq -ne -ine -cne
    -gt -igt -cgt -ge -ige -cge -lt -ilt -clt -le -ile -cle -like -ilike
    -clike -notlike -inotlike -cnotlike -match -imatch -cmatch -notmatch
    -inotmatch -cnotmatch -contains -icontains -ccontains -notcontains
    -inotcontains -cnotcontains -replace -ireplace -creplace -shl -shr -band
    -bor -bxor -and -or -xor -not""")
SYMBOL_OPERATORS = r"\+=|-=|\*=|\/=|%="

MULTILINE_KEYWORDS = word_list("""
    synopsis description parameter example inputs outputs notes link
    component role functionality forwardhelptargetname forwardhelpcategory
    remotehelprunspace externalhelp""")

# Ruby's /i folds Unicode case: the Kelvin sign is a ``k``, the long s an ``s``, and one
# ligature or sharp s stands for two or three letters of a literal word ("claß" is "class")
_SINGLE_FOLDS = {"k": "[k\u212a]", "s": "[s\u017f]"}
_MULTI_FOLDS = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
    ("ss", "\u00df\u1e9e"),
    ("st", "\ufb05\ufb06"),
)


def _folded(word: str) -> str:
    """Pattern (compiled with ``re.I``) of ``word`` as Ruby's /i matches the literal."""
    if not word:
        return ""
    first = _SINGLE_FOLDS.get(word[0], re.escape(word[0]))
    options = [first + _folded(word[1:])]
    for letters, chars in _MULTI_FOLDS:
        if word.startswith(letters):
            options.append(f"[{chars}]{_folded(word[len(letters) :])}")
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"


def _folded_words(names: Sequence[str]) -> str:
    return "|".join(_folded(name) for name in names)


# Ruby's \b counts Unicode word characters plus the Latin-1 superscripts and fractions and
# the circled letters; each \b here follows a character of the match, so a one-sided
# look-ahead says the same without looking before the scan position
_WORD = boundary_word()
_AFTER_WORD_END = f"(?![{_WORD}])"  # \b after a word character
_AFTER_SYMBOL_END = f"(?=[{_WORD}])"  # \b after a non-word character

_OPERATOR = (
    f"(?:{_folded_words(WORD_OPERATORS)}){_AFTER_WORD_END}"
    f"|(?:{SYMBOL_OPERATORS}){_AFTER_SYMBOL_END}"
)

# ``(\.)?([-\w]+)(\[)`` can only match where the maximal run of ``[-\w]`` ends at a ``[``;
# the run is scanned once instead of at each of its characters (runs of ``-`` or ``_``)
_INDEX_RUN = RunGuard(r"[-\w]", "[")


def _index_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _INDEX_RUN(lexer, text, pos + 1 if text.startswith(".", pos) else pos)


def _ahead(lexer: RegexLexer, text: str, needle: str, start: int) -> bool:
    """Whether ``needle`` occurs in ``text`` at or after ``start``, found once per text."""
    assert isinstance(lexer, PowershellLexer)
    memo = lexer.next_found.get(needle)
    if memo is not None and memo[0] is text:
        _, found, searched_from = memo
        if found >= start:
            return True
        if found < 0 and searched_from <= start:
            return False
    found = text.find(needle, start)
    lexer.next_found[needle] = (text, found, start)
    return found >= 0


# rouge's lazy scans for a closing ``}`` or ``'@`` run to the end of the text when there
# is none; at every ``${`` or ``@'`` of such a text that is quadratic, so the scan is
# skipped once the text is known to hold no closing one any more
def _braced_variable_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _ahead(lexer, text, "}", pos + 3)


def _variable_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return not text.startswith("${", pos) or _ahead(lexer, text, "}", pos + 3)


def _literal_heredoc_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _ahead(lexer, text, "'@", pos + 2)


def _attribute_or_name(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Builtin.Pseudo if match.group(0) in ATTRIBUTES else Name)


def _method(lexer: RegexLexer, match: re.Match[str]) -> None:
    # a ``.Name(`` call reads its arguments like a command's; ``.Name`` alone does not
    lexer.groups(Operator, Name.Function, Punctuation, Text.Whitespace)
    if match.group(3) is not None:
        lexer.push("parameters")


class PowershellLexer(RegexLexer):
    tag = "powershell"
    rouge_aliases = ("posh", "microsoftshell", "msshell")

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        #: needle -> (text, where it was found or -1, where the search started)
        self.next_found: dict[str, tuple[str, int, int]] = {}
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "variable": [
                rule(AUTO_VARS, Name.Builtin.Pseudo),
                rule(
                    r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})",
                    groups(Name.Variable, Name.Namespace, Punctuation, Name.Variable),
                    guard=_variable_guard,
                ),
                rule(r"\$\w+", Name.Variable),
                rule(r"\$\{(?:[^`]|`.)+?\}", Name.Variable, guard=_braced_variable_guard),
            ],
            "multiline": [
                rule(rf"\.(?:{_folded_words(MULTILINE_KEYWORDS)})", Comment.Special, flags=re.I),
                rule(r"#>", Comment.Multiline, "#pop"),
                rule(r"[^#.]+?", Comment.Multiline, flags=re.S),
                rule(r"[#.]+", Comment.Multiline),
            ],
            "interpol": [
                rule(r"\)", String.Interpol, "#pop"),
                mixin("root"),
            ],
            "dq": [
                # "abc$" is the string abc$: ``$"`` closes it rather than starting a variable
                rule(r'(?:\$#?)?"', String.Double, "#pop"),
                rule(r"\$\(", String.Interpol, "interpol"),
                rule(r"`$", String.Escape),  # line continuation
                rule(r"`.", String.Escape),
                rule(r'[^"`$]+', String.Double),
                mixin("variable"),
            ],
            "sq": [
                rule(r"'", String.Single, "#pop"),
                rule(r"[^']+", String.Single),
            ],
            "heredoc": [
                rule(r'(?:\$#?)?"@', String.Heredoc, "#pop"),
                rule(r"\$\(", String.Interpol, "interpol"),
                rule(r"`$", String.Escape),  # line continuation
                rule(r"`.", String.Escape),
                rule(r'[^"`$]+?', String.Heredoc, flags=re.S),
                rule(r'"+', String.Heredoc),
                mixin("variable"),
            ],
            "class": [
                rule(r"\{", Punctuation, "#pop"),
                rule(r"\s+", Text.Whitespace),
                rule(r"\w+", Name.Class),
                rule(r"[:,]", Punctuation),
            ],
            "expr": [
                mixin("comments"),
                rule(r'"', String.Double, "dq"),
                rule(r"'", String.Single, "sq"),
                rule(r'@"', String.Heredoc, "heredoc"),
                rule(r"@'.*?'@", String.Heredoc, flags=re.S, guard=_literal_heredoc_guard),
                rule(r"\d*\.\d+", Number.Float),
                rule(r"\d+", Number.Integer),
                rule(r"@\{", Punctuation, "hasht"),
                rule(r"@\(", Punctuation, "array"),
                rule(r"\{", Punctuation, "brace"),
                rule(r"\[", Punctuation, "bracket"),
            ],
            "hasht": [
                rule(r"\}", Punctuation, "#pop"),
                rule(r"=", Operator),
                rule(r"[,;]", Punctuation),
                mixin("expr"),
                rule(r"\w+", Name.Other),
                mixin("variable"),
            ],
            "array": [
                rule(r"\s+", Text.Whitespace),
                rule(r"\)", Punctuation, "#pop"),
                rule(r"[,;]", Punctuation),
                mixin("expr"),
                mixin("variable"),
            ],
            "brace": [
                rule(r"[}]", Punctuation, "#pop"),
                mixin("root"),
            ],
            "bracket": [
                rule(r"\]", Punctuation, "#pop"),
                rule(r"[A-Za-z]\w+\.", Name),
                rule(r"([A-Za-z]\w+)", _attribute_or_name),
                mixin("root"),
            ],
            "parameters": [
                rule(r"`.", String.Escape, flags=re.S),
                rule(r"\s*?\n", Text.Whitespace, "#pop"),
                rule(r"[;(){}\]]", Punctuation, "#pop"),
                rule(r"[|=]", Operator, "#pop"),
                rule(r"[\/\\~\w][-.:\/\\~\w]*", Name.Other),
                rule(r"\w[-\w]+", Name.Other),
                mixin("root"),
            ],
            "comments": [
                rule(r"\s+", Text.Whitespace),
                rule(r"#.*", Comment),
                rule(r"<#", Comment.Multiline, "multiline"),
            ],
            "root": [
                mixin("comments"),
                # sic: never reached, ``#.*`` above takes the line first
                rule(r"#requires\s-version \d(?:\.\d+)?", Comment.Preproc),
                rule(r"\.\.(?=\.?\d)", Operator),
                rule(_OPERATOR, Operator, flags=re.I),
                rule(
                    rf"({_folded('class')})(\s+)(\w+)",
                    groups(Keyword.Reserved, Text.Whitespace, Name.Class),
                    "class",
                    flags=re.I,
                ),
                rule(
                    rf"({_folded('function')})(\s+)(?:(\w+)(:))?(\w[-\w]+)",
                    groups(
                        Keyword.Reserved,
                        Text.Whitespace,
                        Name.Namespace,
                        Punctuation,
                        Name.Function,
                    ),
                    flags=re.I,
                ),
                rule(
                    rf"(?:{_folded_words(KEYWORDS)}){_AFTER_WORD_END}(?![-.])",
                    Keyword.Reserved,
                    flags=re.I,
                ),
                rule(r"-{1,2}\w+", Name.Tag),
                rule(
                    r"(\.)?([-\w]+)(\[)",
                    groups(Operator, Name, Punctuation),
                    "bracket",
                    guard=_index_guard,
                ),
                # /i lets the Kelvin sign and the long s in as letters (not under \w)
                rule(
                    r"([\/\\~a-zA-Z\u017f\u212a][-.:\/\\~\w]*)(\n)?",
                    groups(Name, Text.Whitespace),
                    "parameters",
                ),
                rule(r"(\.)([-\w]+)(?:(\()|(\n))?", _method),
                rule(r"\?", Name.Function, "parameters"),
                mixin("expr"),
                mixin("variable"),
                rule(r"[-+*\/%=!.&|]", Operator),
                rule(r"[{}(),:;]", Punctuation),
            ],
        }
