"""Jekyll's tags and liquid 5.4's, registered in one place, one module per tag family.

Every tag is a ``parsing.TagNode`` subclass parsed the Ruby way (markup string,
then its body); ``register_tag`` is how plugins add their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..environment import JekyllEnvironment
    from ..parsing import TagNode

__all__ = ["register", "register_tag"]


def register_tag(env: JekyllEnvironment, name: str, node_class: type[TagNode]) -> None:
    """Make ``{% name %}`` parse into ``node_class`` on ``env``."""
    from ..parsing import TagSpec

    env.tags[name] = TagSpec(env, name, node_class)


def register(env: JekyllEnvironment) -> None:
    """Register liquid's standard tags (Ruby semantics) and Jekyll's own on ``env``."""
    from . import conditional, highlight, include, link, loops, post_url, raw, variables

    tags: dict[str, type[TagNode]] = {
        "if": conditional.IfTag,
        "unless": conditional.UnlessTag,
        "case": conditional.CaseTag,
        "for": loops.ForTag,
        "tablerow": loops.TablerowTag,
        "break": loops.BreakTag,
        "continue": loops.ContinueTag,
        "cycle": loops.CycleTag,
        "ifchanged": loops.IfchangedTag,
        "assign": variables.AssignTag,
        "capture": variables.CaptureTag,
        "increment": variables.IncrementTag,
        "decrement": variables.DecrementTag,
        "echo": variables.EchoTag,
        "raw": raw.RawTag,
        "comment": raw.CommentTag,
        "#": raw.InlineCommentTag,
        "render": raw.RenderTag,
        "include": include.IncludeTag,
        "include_relative": include.IncludeRelativeTag,
        "highlight": highlight.HighlightTag,
        "link": link.LinkTag,
        "post_url": post_url.PostUrlTag,
    }
    for name, node_class in tags.items():
        register_tag(env, name, node_class)
