"""Unified diffs, tokenized as rouge 3.30 does (whole lines, newline included)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Generic, Punctuation, Text

from ._engine import RegexLexer, StateItem, groups, rule


class DiffLexer(RegexLexer):
    tag = "diff"
    rouge_aliases = ("patch", "udiff")

    @classmethod
    def detect(cls, text: str) -> bool:
        return (
            text.startswith("Index: ")
            or re.search(r"\Adiff[^\n]*?\ba/[^\n]*\bb/", text) is not None
            or re.search(r"---.*?\n[+][+][+]|[+][+][+].*?\n---", text) is not None
        )

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"^ .*$\n?", Text),
                rule(r"^---$\n?", Punctuation),
                rule(r"^[+>]+.*$\n?", Generic.Inserted),
                rule(r"^\+.*$\n?", Generic.Inserted),
                rule(r"^[-<]+.*$\n?", Generic.Deleted),
                rule(r"^!.*$\n?", Generic.Strong),
                rule(r"^([Ii]ndex|diff).*$\n?", Generic.Heading),
                rule(r"^(@@[^@]*@@)([^\n]*\n)", groups(Punctuation, Text)),
                rule(r"^\w.*$\n?", Punctuation),
                rule(r"^=.*$\n?", Generic.Heading),
                rule(r"\s.*$\n?", Text),
            ]
        }
