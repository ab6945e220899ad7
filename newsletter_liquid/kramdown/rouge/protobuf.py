"""Protocol Buffers, tokenized as rouge 3.30 does.

Rouge brackets its keywords with ``\\b``.  A leading ``\\b`` always holds here: the
scan position counts as the start of the text and every keyword begins with a word
character, so it is left out (matching in place, without copying the rest of the
text at every step).  A trailing ``\\b`` after an ASCII word character is "no word
character follows", with Ruby's Unicode-aware notion of one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, groups, pop_state, rule, word_list, words

KEYWORDS = word_list("""
    ctype default extensions import max oneof option optional packed repeated required
    returns rpc to""")
DATATYPES = word_list("""
    bool bytes double fixed32 fixed64 float int32 int64 sfixed32 sfixed64 sint32 sint64
    string uint32 uint64""")

# what Ruby's \b counts as a word character: letters, marks, digits, connector
# punctuation, plus the Latin-1 superscripts and fractions and the circled and
# squared letters (alphabetic symbols)
_WORD_CHAR = (
    r"[\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\u00b2\u00b3\u00b9\u00bc-\u00be\u24b6-\u24e9"
    r"\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189]"
)
# word characters of Unicode 14, which Python knows but Ruby 3.1 (Unicode 13) does not
_NEW_IN_UNICODE_14 = (
    r"\u0870-\u0887\u0889-\u088e\u0898-\u089f\u08b5\u08c8-\u08d2\u0c3c\u0c5d\u0cdd\u170d"
    r"\u1715\u171f\u180f\u1ac1-\u1ace\u1b4c\u1dfa\u2c2f\u2c5f\u9ffd-\u9fff\ua7c0-\ua7c1"
    r"\ua7d0-\ua7d1\ua7d3\ua7d5-\ua7d9\ua7f2-\ua7f4\U00010570-\U0001057a"
    r"\U0001057c-\U0001058a\U0001058c-\U00010592\U00010594-\U00010595\U00010597-\U000105a1"
    r"\U000105a3-\U000105b1\U000105b3-\U000105b9\U000105bb-\U000105bc\U00010780-\U00010785"
    r"\U00010787-\U000107b0\U000107b2-\U000107ba\U00010f70-\U00010f85\U00011070-\U00011075"
    r"\U000110c2\U00011740-\U00011746\U00011ab0-\U00011abf\U00012f90-\U00012ff0"
    r"\U00016a70-\U00016abe\U00016ac0-\U00016ac9\U0001aff0-\U0001aff3\U0001aff5-\U0001affb"
    r"\U0001affd-\U0001affe\U0001b11f-\U0001b122\U0001cf00-\U0001cf2d\U0001cf30-\U0001cf46"
    r"\U0001df00-\U0001df1e\U0001e290-\U0001e2ae\U0001e7e0-\U0001e7e6\U0001e7e8-\U0001e7eb"
    r"\U0001e7ed-\U0001e7ee\U0001e7f0-\U0001e7fe\U0002a6de-\U0002a6df\U0002b735-\U0002b738"
)
# Ruby's \b right after a word character
_END = rf"(?:(?=[{_NEW_IN_UNICODE_14}])|(?!{_WORD_CHAR}))"


class _CommentEnds:
    """Where the last possible end of each kind of comment lies, found once per text.

    Rouge's comment rules scan lazily for their end, so an unclosed ``/*`` (or a
    ``//`` whose lines all end in backslashes) is scanned to the end of the text at
    every occurrence; a rule that cannot end after its opening is skipped here.
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.last_line_end = -1
        self.last_closer = -1

    def see(self, text: str) -> None:
        if text is not self.text:
            self.text = text
            self.last_line_end = _last_line_end(text)
            self.last_closer = max(text.rfind("*/"), text.rfind("*\\\n/"))


def _last_line_end(text: str) -> int:
    """Index of the last character that is no backslash and ends a line."""
    if text and text[-1] != "\\":
        return len(text) - 1
    end = len(text)
    while (end := text.rfind("\n", 0, end)) > 0:
        if text[end - 1] != "\\":
            return end - 1
    return -1


def _single_may_end(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, ProtobufLexer)
    lexer.comment_ends.see(text)
    return lexer.comment_ends.last_line_end >= pos + 1


def _multi_may_end(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, ProtobufLexer)
    lexer.comment_ends.see(text)
    return lexer.comment_ends.last_closer >= pos + 2


class ProtobufLexer(RegexLexer):
    tag = "protobuf"
    rouge_aliases = ("proto",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.comment_ends = _CommentEnds()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[\s]+", Text),
                rule(r"[,;{}\[\]()]", Punctuation),
                rule(
                    r"\/(\\\n)?\/($|(.|\n)*?[^\\]$)",
                    Comment.Single,
                    guard=_single_may_end,
                ),
                rule(
                    r"\/(\\\n)?\*(.|\n)*?\*(\\\n)?\/",
                    Comment.Multiline,
                    guard=_multi_may_end,
                ),
                rule(rf"({words(KEYWORDS)}){_END}", Keyword),
                rule(rf"({words(DATATYPES)}){_END}", Keyword.Type),
                rule(r"true|false", Keyword.Constant),
                rule(r"(package)(\s+)", groups(Keyword.Namespace, Text), "package"),
                rule(r"(message|extend)(\s+)", groups(Keyword.Declaration, Text), "message"),
                rule(r"(enum|group|service)(\s+)", groups(Keyword.Declaration, Text), "type"),
                rule(r'".*?"', String),
                rule(r"'.*?'", String),
                rule(r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*", Number.Float),
                rule(r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?", Number.Float),
                rule(rf"(\-?(inf|nan)){_END}", Number.Float),
                rule(r"0x[0-9a-fA-F]+[LlUu]*", Number.Hex),
                rule(r"0[0-7]+[LlUu]*", Number.Oct),
                rule(r"\d+[LlUu]*", Number.Integer),
                rule(r"[+-=]", Operator),
                rule(r"([a-zA-Z_][\w.]*)([ \t]*)(=)", groups(Name.Attribute, Text, Operator)),
                rule(r"[a-zA-Z_][\w.]*", Name),
            ],
            "package": [
                rule(r"[a-zA-Z_]\w*", Name.Namespace, "#pop"),
                rule(r"", pop_state),
            ],
            "message": [
                rule(r"[a-zA-Z_]\w*", Name.Class, "#pop"),
                rule(r"", pop_state),
            ],
            "type": [
                rule(r"[a-zA-Z_]\w*", Name, "#pop"),
                rule(r"", pop_state),
            ],
        }
