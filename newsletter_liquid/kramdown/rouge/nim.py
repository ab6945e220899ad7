"""Nim, tokenized as rouge 3.30 does (its port of Pygments' ``NimrodLexer``).

Quirks kept: keywords may carry an underscore after every letter (``i_f_``), the
keyword list shadows the namespace, ``var`` and ``nil`` rules, a doubled quote in
a raw string ends it as an escape, and anything the root rules miss (a leading
``_``, non-ASCII text) is an error up to the end of the line.  Rouge's scanner
hides the text before the scan position, so its leading ``\\b`` and ``(?<!\\$)``
always hold and are left out; trailing ``\\b`` become look-aheads over Ruby's
Unicode word class, keeping every rule matched in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import RegexLexer, StateItem, mixin, push_states, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    addr as asm atomic bind block break case cast const continue
    converter defer discard distinct do elif else end enum except export
    func finally for from generic if import include interface iterator let
    macro method mixin nil object of out proc ptr raise ref return static
    template try tuple type using var when while with without yield""")

OPWORDS = word_list("and or not xor shl shr div mod in notin is isnot")

PSEUDOKEYWORDS = word_list("nil true false")

TYPES = word_list("""
    int int8 int16 int32 int64 float float32 float64 bool char range array
    seq set string""")

NAMESPACE = word_list("from import include")

# what Ruby's \b counts as a word character: letters, marks, digits, connector
# punctuation, plus the Latin-1 superscripts and fractions and the circled and
# squared letters (alphabetic symbols)
_WORD_CHAR = f"[{boundary_word()}]"
_END = rf"(?!{_WORD_CHAR})"  # Ruby's \b right after a word character


def underscorize(names: Sequence[str]) -> str:
    """Alternation of ``names`` where each character may be followed by an underscore."""
    return "|".join("".join(f"{char}_?" for char in name) for name in names)


def _word_rule(names: Sequence[str]) -> str:
    return rf"({underscorize(names)}){_END}"


class NimLexer(RegexLexer):
    tag = "nim"
    rouge_aliases = ("nimrod",)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "chars": [
                rule(r"""\\([\\abcefnrtvl"\']|x[a-fA-F0-9]{2}|[0-9]{1,3})""", String.Escape),
                rule(r"'", String.Char, "#pop"),
                rule(r".", String.Char),
            ],
            "strings": [
                rule(r"\$(\d+|#|\w+)+", String.Interpol),
                rule(r"""[^\\\'"\$\n]+""", String),
                rule(r"""[\'"\\]""", String),
                rule(r"\$", String),
            ],
            "dqs": [
                rule(r"""\\([\\abcefnrtvl"\']|\n|x[a-fA-F0-9]{2}|[0-9]{1,3})""", String.Escape),
                rule(r'"', String, "#pop"),
                mixin("strings"),
            ],
            "rdqs": [
                rule(r'"(?!")', String, "#pop"),
                rule(r'"', String.Escape, "#pop"),
                mixin("strings"),
            ],
            "tdqs": [
                rule(r'"""(?!")', String, "#pop"),
                mixin("strings"),
                mixin("nl"),
            ],
            "funcname": [
                rule(r"((?![\d_])\w)(((?!_)\w)|(_(?!_)\w))*", Name.Function, "#pop"),
                rule(r"`.+`", Name.Function, "#pop"),
            ],
            "nl": [rule(r"\n", String)],
            "floatnumber": [
                rule(r"\.(?!\.)[0-9_]*", Number.Float),
                rule(r"[eE][+-]?[0-9][0-9_]*", Number.Float),
                rule(r"", Text, "#pop"),
            ],
            "floatsuffix": [
                rule(r"'?[fF](32|64)", Number.Float),
                rule(r"", Text, "#pop"),
            ],
            "intsuffix": [
                rule(r"'?[iI](32|64)", Number.Integer.Long),
                rule(r"'?[iI](8|16)", Number.Integer),
                rule(r"'?[uU]", Number.Integer),
                rule(r"", Text, "#pop"),
            ],
            "root": [
                rule(r"##.*$", String.Doc),
                rule(r"#.*$", Comment),
                rule(r"\*|=|>|<|\+|-|\/|@|\$|~|&|%|\!|\?|\||\\|\[|\]", Operator),
                rule(r"\.\.|\.|,|\[\.|\.\]|{\.|\.}|\(\.|\.\)|{|}|\(|\)|:|\^|`|;", Punctuation),
                rule(r'(?:\w+)"', String, "rdqs"),
                rule(r'"""', String, "tdqs"),
                rule(r'"', String, "dqs"),
                rule(r"'", String.Char, "chars"),
                rule(_word_rule(OPWORDS), Operator.Word),
                rule(r"(p_?r_?o_?c_?\s)(?![\(\[\]])", Keyword, "funcname"),
                rule(_word_rule(KEYWORDS), Keyword),
                rule(_word_rule(NAMESPACE), Keyword.Namespace),
                rule(rf"(v_?a_?r){_END}", Keyword.Declaration),
                rule(_word_rule(TYPES), Keyword.Type),
                rule(_word_rule(PSEUDOKEYWORDS), Keyword.Pseudo),
                rule(r"((?![_\d])\w)(((?!_)\w)|(_(?!_)\w))*", Name),
                # a float's digits, then its fraction and exponent, then its suffix
                rule(
                    r"[0-9][0-9_]*(?=([eE.]|'?[fF](32|64)))",
                    push_states("floatsuffix", "floatnumber", token=Number.Float),
                ),
                rule(r"0[xX][a-fA-F0-9][a-fA-F0-9_]*", Number.Hex, "intsuffix"),
                rule(r"0[bB][01][01_]*", Number, "intsuffix"),
                rule(r"0o[0-7][0-7_]*", Number.Oct, "intsuffix"),
                rule(r"[0-9][0-9_]*", Number.Integer, "intsuffix"),
                rule(r"\s+", Text),
                rule(r".+$", Error),
            ],
        }
