"""XML, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, String, Text

from ._engine import RegexLexer, StateItem, rule

_NAME = r"[\p{L}:_][\p{Word}\p{Cf}:.·-]*"


class XmlLexer(RegexLexer):
    tag = "xml"

    @classmethod
    def detect(cls, text: str) -> bool:
        if re.match(r"\A\s*<!DOCTYPE\s+[^>]*\bhtml\b", text, re.I):
            return False
        return re.match(r"\A<\?xml\b", text) is not None or (
            re.match(r"\A\s*<!DOCTYPE\s", text, re.I) is not None
        )

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[^<&]+", Text),
                rule(r"&\S*?;", Name.Entity),
                rule(r"<!\[CDATA\[.*?\]\]\>", Comment.Preproc),
                rule(r"<!--", Comment, "comment"),
                rule(r"<\?.*?\?>", Comment.Preproc),
                rule(r"<![^>]*>", Comment.Preproc),
                rule(rf"<\s*{_NAME}", Name.Tag, "tag", flags=re.S),
                rule(rf"<\s*/\s*{_NAME}\s*>", Name.Tag, flags=re.S),
            ],
            "comment": [
                rule(r"[^-]+", Comment, flags=re.S),
                rule(r"-->", Comment, "#pop"),
                rule(r"-", Comment),
            ],
            "tag": [
                rule(r"\s+", Text, flags=re.S),
                rule(rf"{_NAME}\s*=", Name.Attribute, "attr", flags=re.S),
                rule(r"/?\s*>", Name.Tag, "#pop"),
            ],
            "attr": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"\".*?\"|'.*?'|[^\s>]+", String, "#pop", flags=re.S),
            ],
        }
