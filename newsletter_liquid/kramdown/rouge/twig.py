"""Twig templates: rouge 3.30's Jinja lexer with Twig's word lists (see :mod:`.jinja`)."""

from __future__ import annotations

from typing import ClassVar

from ._engine import word_list
from .jinja import JinjaLexer


class TwigLexer(JinjaLexer):
    tag = "twig"
    rouge_aliases = ()

    keywords: ClassVar[frozenset[str]] = frozenset(
        word_list("""
        as do extends flush from import include use else starts ends with without
        autoescape endautoescape block endblock embed endembed filter endfilter
        for endfor if endif macro endmacro sandbox endsandbox set endset
        spaceless endspaceless""")
    )
    tests: ClassVar[frozenset[str]] = frozenset(
        word_list("""
        constant defined divisibleby empty even iterable null odd sameas""")
    )
    pseudo_keywords: ClassVar[frozenset[str]] = frozenset(word_list("true false none"))
    word_operators: ClassVar[frozenset[str]] = frozenset(
        word_list("b-and b-or b-xor is in and or not")
    )
