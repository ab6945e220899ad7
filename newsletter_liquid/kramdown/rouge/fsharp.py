"""F#, tokenized as rouge 3.30 does.

Rouge's F# lexer is a near copy of its OCaml one, with ``//`` comments,
double-backquoted names and brackets folded into the operator characters;
an operator run is punctuation only when the whole run is one of rouge's
"keyopts".  That list spells plus as a backslash and a plus, so a lone ``+``
stays an operator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, Operator, Punctuation, Text

from ._engine import RegexLexer, StateItem, rule, word_list
from .ocaml import FOLDED_LETTERS, classify_word, comment_state, number_and_char_rules
from .ocaml import string_states as _string_states

KEYWORDS = frozenset(
    word_list("""
    abstract and as assert base begin class default delegate do
    done downcast downto elif else end exception extern false
    finally for fun function global if in inherit inline interface
    internal lazy let let! match member module mutable namespace
    new not null of open or override private public rec return
    return! select static struct then to true try type upcast
    use use! val void when while with yield yield! sig atomic
    break checked component const constraint constructor
    continue eager event external fixed functor include method
    mixin object parallel process protected pure sealed tailcall
    trait virtual volatile""")
)

KEYOPTS = frozenset(
    word_list(r"""
    != # & && ( ) * \+ , - -. -> . .. : :: := :> ; ;; < <- =
    > >] >} ? ?? [ [< [> [| ] _ ` { {< | |] } ~ |> <| <>""")
)

OPERATOR = r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+"
ID = rf"([{FOLDED_LETTERS}][\w']*)|(``[^`\n\r\t]+``)"
UPPER_ID = r"[A-Z][\w']*"


def _operator(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation if match.group(0) in KEYOPTS else Operator)


class FsharpLexer(RegexLexer):
    tag = "fsharp"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r"false|true|[(][)]|\[\]", Name.Builtin.Pseudo),
                rule(rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
                rule(UPPER_ID, Name.Class),
                rule(r"[(][*](?![)])", Comment, "comment"),
                rule(r"//.*?$", Comment.Single),
                rule(ID, classify_word(KEYWORDS)),
                rule(OPERATOR, _operator),
                *number_and_char_rules(ID),
            ],
            "comment": comment_state(),
            **_string_states(),
            "dotted": [
                rule(r"\s+", Text),
                rule(r"[.]", Punctuation),
                rule(rf"{UPPER_ID}(?=\s*[.])", Name.Namespace),
                rule(UPPER_ID, Name.Class, "#pop"),
                rule(ID, Name, "#pop"),
                rule(r"\[", Punctuation, "#pop"),
            ],
        }
