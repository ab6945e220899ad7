"""Dockerfiles, tokenized as rouge 3.30 does (``RUN`` lines go to the shell lexer)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, String, Text

from ._engine import RegexLexer, StateItem, groups, rule
from .shell import ShellLexer

_KEYWORDS = (
    "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG"
    "|STOPSIGNAL|HEALTHCHECK|SHELL"
)


class DockerLexer(RegexLexer):
    tag = "docker"
    rouge_aliases = ("dockerfile", "Dockerfile")

    def start(self) -> None:
        self.shell = ShellLexer(self.rouge_options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(
                    r"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)",
                    groups(
                        Keyword,
                        Text.Whitespace,
                        String,
                        Text.Whitespace,
                        Keyword,
                        Text.Whitespace,
                        String,
                    ),
                    flags=re.I,
                ),
                rule(
                    rf"^(ONBUILD)(\s+)({_KEYWORDS})(.*)",
                    groups(Keyword, Text.Whitespace, Keyword, String),
                    flags=re.I,
                ),
                rule(rf"^({_KEYWORDS})\b(.*)", groups(Keyword, String), flags=re.I),
                rule(r"#.*?$", Comment),
                rule(r"^(ONBUILD\s+)?RUN(\s+)", _run, flags=re.I),
                rule(r"\w+", Text),
                rule(r"[^\w]+", Text),
                rule(r".", Text),
            ],
            "run": [
                rule(r"\n", Text, "#pop"),
                rule(r"\\.", String.Escape, flags=re.S),
                rule(r"(\\.|[^\n\\])+", _to_shell),
            ],
        }


def _run(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, DockerLexer)
    lexer.token(Keyword)
    lexer.push("run")
    lexer.shell.reset()


def _to_shell(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, DockerLexer)
    lexer.delegate(lexer.shell)
