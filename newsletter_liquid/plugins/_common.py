"""Small helpers the plugins share: Jekyll's URL filters called from Python, source checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["absolute_url", "ensure_leading_slash", "in_source_exists", "relative_url"]


def _filter(site: Site, name: str, value: Any) -> str:
    # Through the site's own Liquid filter, so plugins and templates agree byte for byte.
    return site.environment.render_template(
        "{{ value | " + name + " }}", {"value": value}, f"<{name}>"
    )


def absolute_url(site: Site, value: Any) -> str:
    """Jekyll's ``absolute_url`` filter applied to ``value``."""
    return _filter(site, "absolute_url", value)


def relative_url(site: Site, value: Any) -> str:
    """Jekyll's ``relative_url`` filter applied to ``value``."""
    return _filter(site, "relative_url", value)


def ensure_leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def in_source_exists(site: Site, path: str) -> bool:
    """``File.exist?(site.in_source_dir(path))``: a user's own file shadows a generated one."""
    return (site.source / path.lstrip("/")).exists()
