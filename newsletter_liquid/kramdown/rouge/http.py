"""HTTP requests and responses, tokenized as rouge 3.30 does (body lexed by its content type)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import OptionValue, PlainTextLexer, RegexLexer, RougeLexer, StateItem, groups, rule

HTTP_METHODS = "GET|POST|PUT|DELETE|HEAD|OPTIONS|TRACE|PATCH"


class HttpLexer(RegexLexer):
    tag = "http"

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        # chosen once per lexer, like rouge's memoized ``content_lexer``
        self.content_lexer: RougeLexer | type[RougeLexer] | None = None
        super().__init__(options)

    def start(self) -> None:
        self.content_type = "text/plain"

    def body_lexer(self) -> RougeLexer | type[RougeLexer]:
        if self.content_lexer is None:
            from . import find_lexer_class

            name = self.option_str("content")
            found = find_lexer_class(name) if name else None
            if found is not None:
                self.content_lexer = found(self.rouge_options)
            else:
                self.content_lexer = _lexer_for_mimetype(self.content_type)
        return self.content_lexer

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(
                    rf"""
                    ({HTTP_METHODS})([ ]+) # method
                    ([^ ]+)([ ]+)                          # path
                    (HTTPS?)(/)(\d(?:\.\d)?)(\r?\n|$)      # http version
                    """,
                    groups(
                        Name.Function, Text, Name.Namespace, Text, Keyword, Operator, Number, Text
                    ),
                    "headers",
                    flags=re.X,
                ),
                rule(
                    r"""
                    (HTTPS?)(/)(\d(?:\.\d))([ ]+)  # http version
                    (\d{3})([ ]+)?                 # status
                    ([^\r\n]*)?(\r?\n|$)           # status message
                    """,
                    groups(Keyword, Operator, Number, Text, Number, Text, Name.Exception, Text),
                    "headers",
                    flags=re.X,
                ),
            ],
            "headers": [
                rule(r"([^\s:]+)( *)(:)( *)([^\r\n]+)(\r?\n|$)", _header),
                rule(r"([^\r\n]+)(\r?\n|$)", groups(String, Text)),
                rule(r"\r?\n", Text, "content"),
            ],
            "content": [rule(r".+", _content, flags=re.S)],
        }


def _lexer_for_mimetype(mimetype: str) -> type[RougeLexer]:
    """``Lexer.guess_by_mimetype``: the one lexer declaring ``mimetype``, else plain text."""
    from . import find_lexer_class
    from ._mimetypes import MIMETYPES

    tag = MIMETYPES.get(mimetype)
    found = find_lexer_class(tag) if tag is not None else None
    return found if found is not None else PlainTextLexer


def _header(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, HttpLexer)
    if match.group(1).strip().lower() == "content-type":
        lexer.content_type = match.group(5).split(";")[0].lower()
    lexer.groups(Name.Attribute, Text, Punctuation, Text, String, Text)


def _content(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, HttpLexer)
    lexer.delegate(lexer.body_lexer())
