"""The rules rouge 3.30's Sass and SCSS lexers share."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, pop_state, rule
from .css import ATTRIBUTES, BUILTINS, CONSTANTS

ID = r"[\w-]+"


def _value_name(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in BUILTINS:
        lexer.token(Name.Builtin)
    elif word in CONSTANTS:
        lexer.token(Name.Constant)
    else:
        lexer.token(Name)


def _attribute_name(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Label if match.group(0) in ATTRIBUTES else Name.Attribute)


class SassCommonLexer(RegexLexer):
    """Abstract: subclasses add ``root`` and ``end_section``."""

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "content_common": [
                rule(r"@for\b", Keyword, "for"),
                rule(r"@(debug|warn|if|each|while|else|return|media)", Keyword, "value"),
                rule(rf"(@mixin)(\s+)({ID})", groups(Keyword, Text, Name.Function), "value"),
                rule(rf"(@function)(\s+)({ID})", groups(Keyword, Text, Name.Function), "value"),
                rule(r"@extend\b", Keyword, "selector"),
                rule(rf"(@include)(\s+)({ID})", groups(Keyword, Text, Name.Decorator), "value"),
                rule(rf"@{ID}", Keyword, "selector"),
                rule(r"&", Keyword, "selector"),
                rule(rf"([$]{ID})([ \t]*)(:)", groups(Name.Variable, Text, Punctuation), "value"),
            ],
            "value": [
                mixin("end_section"),
                rule(r"[ \t]+", Text),
                rule(rf"[$]{ID}", Name.Variable),
                rule(r"url[(]", String.Other, "string_url"),
                rule(rf"{ID}(?=\s*[(])", Name.Function),
                rule(rf"%{ID}", Name.Decorator),
                rule(r"(true|false)\b", Name.Builtin.Pseudo),
                rule(r"(and|or|not)\b", Operator.Word),
                rule(r"#[a-z0-9]{1,6}", Number.Hex, flags=re.I),
                rule(r"-?\d+(%|[a-z]+)?", Number),
                rule(r"-?\d*\.\d+(%|[a-z]+)?", Number.Integer),
                mixin("has_strings"),
                mixin("has_interp"),
                rule(r"[~^*!&%<>\|+=@:,.\/?-]+", Operator),
                rule(r"[\[\]()]+", Punctuation),
                rule(r"/[*]", Comment.Multiline, "inline_comment"),
                rule(r"//[^\n]*", Comment.Single),
                rule(ID, _value_name),
            ],
            "has_interp": [rule(r"[#][{]", String.Interpol, "interpolation")],
            "has_strings": [
                rule(r'"', String.Double, "dq"),
                rule(r"'", String.Single, "sq"),
            ],
            "interpolation": [
                rule(r"}", String.Interpol, "#pop"),
                mixin("value"),
            ],
            "selector": [
                mixin("end_section"),
                mixin("has_strings"),
                mixin("has_interp"),
                rule(r"[ \t]+", Text),
                rule(r":", Name.Decorator, "pseudo_class"),
                rule(r"[.]", Name.Class, "class"),
                rule(r"#", Name.Namespace, "id"),
                rule(r"%", Name.Variable, "placeholder"),
                rule(ID, Name.Tag),
                rule(r"&", Keyword),
                rule(r"[~^*!&\[\]()<>\|+=@:;,.\/?-]", Operator),
            ],
            "dq": [
                rule(r'"', String.Double, "#pop"),
                mixin("has_interp"),
                rule(r'(\\.|#(?![{])|[^\n"#])+', String.Double),
            ],
            "sq": [
                rule(r"'", String.Single, "#pop"),
                mixin("has_interp"),
                rule(r"(\\.|#(?![{])|[^\n'#])+", String.Single),
            ],
            "string_url": [
                rule(r"[)]", String.Other, "#pop"),
                rule(r"(\\.|#(?![{])|[^\n)#])+", String.Other),
                mixin("has_interp"),
            ],
            "selector_piece": [
                mixin("has_interp"),
                rule(r"", pop_state),
            ],
            "pseudo_class": [rule(ID, Name.Decorator), mixin("selector_piece")],
            "class": [rule(ID, Name.Class), mixin("selector_piece")],
            "id": [rule(ID, Name.Namespace), mixin("selector_piece")],
            "placeholder": [rule(ID, Name.Variable), mixin("selector_piece")],
            "for": [
                rule(r"(from|to|through)", Operator.Word),
                mixin("value"),
            ],
            "attr_common": [
                mixin("has_interp"),
                rule(ID, _attribute_name),
            ],
            "attribute": [
                mixin("attr_common"),
                rule(r"([ \t]*)(:)", groups(Text, Punctuation), "value"),
            ],
            "inline_comment": [
                rule(r"(\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+", Comment.Multiline),
                mixin("has_interp"),
                rule(r"[*]/", Comment.Multiline, "#pop"),
            ],
        }
