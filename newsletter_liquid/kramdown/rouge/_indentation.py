"""rouge's ``Indentation`` mixin: lexers of indentation-based languages (Haml, Sass)
lex the lines indented deeper than a block's first line in that block's state."""

from __future__ import annotations

from ._engine import RegexLexer

__all__ = ["IndentedLexer"]


class IndentedLexer(RegexLexer):
    """A rule-table lexer with rouge's block-by-indentation bookkeeping."""

    def reset_indentation(self) -> None:
        self.block_state: str | None = None
        self.block_indentation: str | None = None
        self.last_indentation: str | None = None

    def starts_block(self, state: str) -> None:
        """Lex the lines indented deeper than the current one in ``state``."""
        self.block_state = state
        self.block_indentation = self.last_indentation or ""

    def indentation(self, indent: str) -> None:
        self.last_indentation = indent
        if (
            self.block_state is not None
            and self.block_indentation is not None
            and indent.startswith(self.block_indentation)
            and indent != self.block_indentation
        ):
            self.push(self.block_state)
        else:
            self.block_state = self.block_indentation = None
            self.push("content")
