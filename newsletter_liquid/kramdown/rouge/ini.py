"""INI files, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule


class IniLexer(RegexLexer):
    tag = "ini"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(r"[;#].*?\n", Comment),
                rule(r"\s+", Text),
                rule(r"\\\n", String.Escape),
            ],
            "root": [
                mixin("basic"),
                rule(r"([\w\-.]+)(\s*)(=)", groups(Name.Property, Text, Punctuation), "value"),
                rule(r"\[.*?\]", Name.Namespace),
            ],
            "value": [
                rule(r"\n", Text, "#pop"),
                mixin("basic"),
                rule(r'"', String, "dq"),
                rule(r"'.*?'", String),
                mixin("esc_str"),
                rule(r"[^\\\n]+", String),
            ],
            "dq": [
                rule(r'"', String, "#pop"),
                mixin("esc_str"),
                rule(r'[^\\"]+', String, flags=re.S),
            ],
            "esc_str": [rule(r"\\.", String.Escape, flags=re.S)],
        }
