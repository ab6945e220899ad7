"""NASM, tokenized as rouge 3.30 does (rouge's rules come from Chroma's NASM lexer).

Rouge compiles most rules with ``/i``, under which Onigmo also folds the long s
and the Kelvin sign into ``s`` and ``k``, and lets the ``st`` ligatures stand for
a literal ``st``; ``re`` folds ASCII only here, so those are spelt out below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, groups, mixin, rule

_I = re.IGNORECASE
_S = "[s\u017f]"  # a literal s under /i
_ST = f"(?:{_S}t|[\ufb05\ufb06])"  # a literal st under /i
_NAME = "[a-z\u017f\u212a$._?][\\w$.?#@~]*"  # \w folds nothing extra, [a-z] does
_REGISTER = "|".join(
    (
        r"r\d[0-5]?[bwd]",
        "[a-d][lh]",
        "[er]?[a-d]x",
        "[er]?[sb\u017f]p",
        "[er]?[sd\u017f]i",
        f"[c-gs\u017f]{_S}",
        f"{_ST}[0-7]",
        "mm[0-7]",
        "cr[0-4]",
        "dr[0-367]",
        "tr[3-7]",
    )
)
_DIRECTIVES = (
    "BITS|USE16|USE32|SECTION|SEGMENT|ABSOLUTE|EXTERN|GLOBAL|ORG|ALIGN|STRUC|ENDSTRUC|COMMON|"
    "CPU|GROUP|UPPERCASE|IMPORT|EXPORT|LIBRARY|MODULE"
)


# the body of rouge's strings: ``\\`` is a doubled backslash, and the letter n
# (not a newline) ends the string, as rouge writes them
_STRING_BODIES = {
    quote: re.compile(rf"(?:\\\\{quote}|[^{quote}\\n])*") for quote in ('"', "'", "`")
}


def _string_closes(lexer: RegexLexer, text: str, pos: int) -> bool:
    """Whether rouge's string rule matches at ``pos``: exact, and linear in time.

    A string body can only be scanned one way, so a body that runs into no
    closing quote also fails from every quote it passed (the quotes of its
    doubled-backslash escapes); that stretch is remembered instead of
    rescanned from each of those quotes.
    """
    quote = text[pos]
    body = _STRING_BODIES.get(quote)
    if body is None or not isinstance(lexer, NasmLexer):
        return False
    failed = lexer.failed_string
    if (
        failed is not None
        and failed[0] is text
        and failed[1] == quote
        and failed[2] < pos < failed[3]
    ):
        return False
    end = body.match(text, pos + 1)
    stop = end.end() if end is not None else pos + 1
    if text.startswith(quote, stop):
        return True
    lexer.failed_string = (text, quote, pos, stop)
    return False


class NasmLexer(RegexLexer):
    tag = "nasm"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        # the last string body that ran into no closing quote, see _string_closes
        self.failed_string: tuple[str, str, int, int] | None = None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"^\s*%", Comment.Preproc, "preproc"),
                mixin("whitespace"),
                rule(f"{_NAME}:", Name.Label, flags=_I),
                rule(
                    rf"({_NAME})(\s+)(equ)",
                    groups(Name.Constant, Keyword.Declaration, Keyword.Declaration),
                    "instruction_args",
                    flags=_I,
                ),
                rule(_DIRECTIVES, Keyword, "instruction_args"),
                rule(
                    f"(?:re{_S}|d)[bwdqt]|time{_S}",
                    Keyword.Declaration,
                    "instruction_args",
                    flags=_I,
                ),
                rule(_NAME, Name.Function, "instruction_args", flags=_I),
                rule(r"[\r\n]+", Text),
            ],
            "instruction_args": [
                rule(
                    r'"(\\\\"|[^"\\n])*"|' r"'(\\\\'|[^'\\n])*'|" r"`(\\\\`|[^`\\n])*`",
                    String,
                    guard=_string_closes,
                ),
                # rouge spells the last one \d+[\da-f]*h, which backtracks quadratically
                # over a long run of digits; \d[\da-f]*h matches the same text
                rule(r"(?:0x[\da-f]+|$0[\da-f]*|\d[\da-f]*h)", Number.Hex, flags=_I),
                rule(r"[0-7]+q", Number.Oct, flags=_I),
                rule(r"[01]+b", Number.Bin, flags=_I),
                rule(r"\d+\.e?\d+", Number.Float, flags=_I),
                rule(r"\d+", Number.Integer),
                mixin("punctuation"),
                rule(_REGISTER, Name.Builtin, flags=_I),
                rule(_NAME, Name.Variable, flags=_I),
                rule(r"[\r\n]+", Text, "#pop"),
                mixin("whitespace"),
            ],
            "preproc": [
                rule(r"[^;\n]+", Comment.Preproc),
                rule(r";.*?\n", Comment.Single, "#pop"),
                rule(r"\n", Comment.Preproc, "#pop"),
            ],
            "whitespace": [
                rule(r"\n", Text),
                rule(r"[ \t]+", Text),
                rule(r";.*", Comment.Single),
            ],
            "punctuation": [
                rule(r"[,():\[\]]+", Punctuation),
                rule(r"[&|^<>+*\/%~-]+", Operator),
                rule(r"\$+", Keyword.Constant),
                rule(f"{_S}eg|wrt|{_ST}rict", Operator.Word, flags=_I),
                rule(r"byte|[dq]?word", Keyword.Type, flags=_I),
            ],
        }
