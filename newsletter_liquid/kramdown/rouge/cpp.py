"""C++, tokenized as rouge 3.30 does: rouge's C lexer with C++ rules prepended."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Keyword, Name, Number, Operator, Punctuation, String

from ._engine import StateItem, mixin, pop_state, rule, word_list
from .c import ID, KEYWORD_TYPES, KEYWORDS, RESERVED, CLexer

# digits with C++14 separators
_DQ = r"\d(?:'?\d)*"


class CppLexer(CLexer):
    tag = "cpp"
    rouge_aliases = ("c++",)

    keywords: ClassVar[frozenset[str]] = KEYWORDS | frozenset(
        word_list("""
        asm auto catch char8_t concept consteval constexpr constinit const_cast co_await
        co_return co_yield delete dynamic_cast explicit export friend mutable namespace new
        operator private protected public reinterpret_cast requires restrict size_of
        static_cast this throw throws typeid typename using virtual final override alignas
        alignof decltype noexcept static_assert thread_local try""")
    )
    keyword_types: ClassVar[frozenset[str]] = KEYWORD_TYPES | {"bool"}
    reserved: ClassVar[frozenset[str]] = RESERVED | frozenset(
        word_list("""
        __virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance
        __interface __event""")
    )

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        states = dict(super().states())
        states["root"] = [
            rule(r"(?:__offload|__blockingoffload|__outer)\b", Keyword.Pseudo),
            *states["root"],
        ]
        states["statements"] = [
            rule(r"(class|struct)\b", Keyword, "classname"),
            rule(r"template\b", Keyword, "template"),
            rule(
                rf"{_DQ}(\.{_DQ})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b",
                Number.Other,
            ),
            rule(rf"({_DQ}[.](?:{_DQ})?|[.]{_DQ})(e[+-]?{_DQ}[lu]*)?", Number.Float, flags=re.I),
            rule(rf"{_DQ}e[+-]?{_DQ}[lu]*", Number.Float, flags=re.I),
            rule(r"0x\h('?\h)*[lu]*", Number.Hex, flags=re.I),
            rule(r"0b[01]+('[01]+)*", Number.Bin),
            rule(r"0[0-7]('?[0-7])*[lu]*", Number.Oct, flags=re.I),
            rule(rf"{_DQ}[lu]*", Number.Integer, flags=re.I),
            rule(r"\bnullptr\b", Name.Builtin),
            rule(
                r"""(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-\/\^&|~!=,"']{,16})\(.*?\)\1\"""",
                String,
                flags=re.S,
            ),
            rule(r"(::|<=>)", Operator),
            rule(r"[{}]", Punctuation),
            *states["statements"],
        ]
        states["classname"] = [
            rule(ID, Name.Class, "#pop"),
            mixin("whitespace"),
            rule(r"[.]{3}", Operator),
            rule(r",", Punctuation, "#pop"),
            rule(r"", pop_state),
        ]
        states["template"] = [
            rule(r"[>;]", Punctuation, "#pop"),
            rule(r"typename\b", Keyword, "classname"),
            mixin("statements"),
        ]
        states["case"] = [
            rule(r":(?!:)", Punctuation, "#pop"),
            mixin("statements"),
        ]
        return states
