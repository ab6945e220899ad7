"""Terraform, tokenized as rouge 3.30 does: HCL plus ``${...}`` interpolation in strings."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import Keyword, Name, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, mixin, push_states, rule, word_list
from .hcl import FOLDED, HclLexer


def _expression_word(lexer: RegexLexer, match: re.Match[str]) -> None:
    """Words inside ``${...}``: classified like bare words, but never start a composite."""
    assert isinstance(lexer, HclLexer)
    word = match.group(0)
    if word in lexer.KEYWORDS:
        lexer.token(Keyword)
    elif word in lexer.DECLARATIONS:
        lexer.token(Keyword.Declaration)
    elif word in lexer.RESERVED:
        lexer.token(Keyword.Reserved)
    elif word in lexer.CONSTANTS:
        lexer.token(Keyword.Constant)
    elif word in lexer.BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Other)


class TerraformLexer(HclLexer):
    tag = "terraform"
    rouge_aliases = ("tf",)

    KEYWORDS: ClassVar[frozenset[str]] = frozenset(
        word_list("terraform module provider variable resource data provisioner output")
    )
    DECLARATIONS: ClassVar[frozenset[str]] = frozenset(("var", "local"))

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        hcl = HclLexer.states()
        punctuation = rule(r"[.,()*]", Punctuation)
        return {
            **hcl,
            # rouge prepends this rule to HCL's states
            "hash": [punctuation, *hcl["hash"]],
            "array": [punctuation, *hcl["array"]],
            "strings": [
                rule(r"\\.", String.Escape),
                rule(r"\$\{", push_states("interpolation", token=Keyword)),
            ],
            "dq": [
                rule(r'[^\\"$]+', String.Double),
                mixin("strings"),
                rule(r'"', String.Double, "#pop"),
            ],
            "sq": [
                rule(r"[^\\'$]+", String.Single),
                mixin("strings"),
                rule(r"'", String.Single, "#pop"),
            ],
            "heredoc": [
                rule(r"\n", String.Heredoc, "heredoc_nl"),
                rule(r"[^$\n]+", String.Heredoc),
                rule(r"[$]", String.Heredoc),
                mixin("strings"),
            ],
            "interpolation": [
                rule(r"\}", Keyword, "#pop"),
                mixin("expression"),
            ],
            "regexps": [
                rule(r'"/', goto_state("regexp_inner", String.Delimiter)),
            ],
            "regexp_inner": [
                rule(r'[^"/\\]+', String.Regex),
                rule(r"\\.", String.Regex),
                rule(r'/"', String.Delimiter, "#pop"),
                rule(r'["/]', String.Regex),
            ],
            "expression": [
                mixin("regexps"),
                mixin("primitives"),
                rule(r"\s+", Text),
                rule(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!=", Operator),
                rule(r"[-<>+*%&|\^/!=?:]=?", Operator),
                rule(r"[(\[,]", Punctuation),
                rule(r"[)\].]", Punctuation),
                rule(rf"[$a-z_\-{FOLDED}][a-z0-9_\-{FOLDED}]*", _expression_word, flags=re.I),
            ],
        }
