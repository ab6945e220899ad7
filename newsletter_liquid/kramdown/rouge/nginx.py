"""nginx configuration, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule

ID = r"[^\s$;{}()#]+"


def _open_block(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.pop()
    lexer.push("block")


class NginxLexer(RegexLexer):
    tag = "nginx"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"(include)(\s+)([^\s;]+)", groups(Keyword, Text, Name)),
                rule(ID, Keyword, "statement"),
                mixin("base"),
            ],
            "block": [
                rule(r"}", Punctuation, "#pop"),
                rule(ID, Keyword.Namespace, "statement"),
                mixin("base"),
            ],
            "statement": [
                rule(r"{", _open_block),
                rule(r";", Punctuation, "#pop"),
                mixin("base"),
            ],
            "base": [
                rule(r"\s+", Text),
                rule(r"#.*", Comment.Single),
                rule(r"(?:on|off)\b", Name.Constant),
                rule(r"[$][\w-]+", Name.Variable),
                rule(
                    r"([a-z0-9.-]+)(:)([0-9]+)",
                    groups(Name.Function, Punctuation, Number.Integer),
                    flags=re.I,
                ),
                rule(r"[a-z-]+/[a-z-]+", Name.Class, flags=re.I),
                rule(r"[0-9]+[kmg]?\b", Number.Integer, flags=re.I),
                rule(r"(~)(\s*)([^\s{]+)", groups(Punctuation, Text, String.Regex)),
                rule(r"[:=~]", Punctuation),
                rule(rf"/(?:{ID})?", Name),
                rule(r"[^#\s;{}$\\]+", String),  # catchall
                rule(r"[$;]", Text),
            ],
        }
