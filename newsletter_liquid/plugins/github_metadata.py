"""jekyll-github-metadata, offline: ``site.github`` from the environment and the
configuration, never from GitHub's API.

What the gem derives from the repository's name (``PAGES_REPO_NWO`` or the
``repository:`` setting) is computed the same way; what only the API knows
(description, contributors, releases, CNAME …) is nil, an empty list or false.
A ``github:`` mapping in the configuration overrides any value, as with the gem.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ..config import deep_merge
from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment
    from ..site import Site

__all__ = ["GithubMetadataPlugin", "edit_link", "metadata"]

_PAGES_DEFAULTS = {
    "PAGES_ENV": "dotcom",
    "PAGES_API_URL": "https://api.github.com",
    "PAGES_HELP_URL": "https://help.github.com",
    "PAGES_GITHUB_HOSTNAME": "github.com",
    "PAGES_PAGES_HOSTNAME": "github.io",
}


def _env(key: str, fallback: str | None = None) -> str:
    value = os.environ.get(key)
    if value:
        return value
    return fallback or _PAGES_DEFAULTS[key]


def _trim(url: str) -> str:
    return url[:-1] if url.endswith("/") else url


def _nwo(site: Site) -> str | None:
    from_env = os.environ.get("PAGES_REPO_NWO")
    if from_env:
        return from_env
    repo = site.config.get("repository")
    return repo if isinstance(repo, str) and "/" in repo else None


def metadata(site: Site) -> dict[str, Any]:
    """The gem's MetadataDrop as a plain mapping, keys sorted as the drop lists them."""
    env = _env("PAGES_ENV")
    hostname = _trim(_env("PAGES_GITHUB_HOSTNAME", os.environ.get("GITHUB_HOSTNAME")))
    pages_hostname = _trim(_env("PAGES_PAGES_HOSTNAME", os.environ.get("PAGES_HOSTNAME")))
    values: dict[str, Any] = {
        "api_url": _trim(_env("PAGES_API_URL", os.environ.get("API_URL"))),
        "build_revision": os.environ.get("JEKYLL_BUILD_REVISION"),
        "environment": env,
        "help_url": _trim(_env("PAGES_HELP_URL", os.environ.get("HELP_URL"))),
        "hostname": hostname,
        "pages_env": env,
        "pages_hostname": pages_hostname,
        "versions": {},
        "public_repositories": [],
        "organization_members": [],
        "contributors": [],
        "releases": [],
        "latest_release": None,
        "project_tagline": None,
        "language": None,
        "issues_url": None,
        "wiki_url": None,
        "show_downloads": False,
        "url": None,
        "baseurl": None,
    }
    nwo = _nwo(site)
    if nwo is not None:
        owner, name = nwo.split("/")[0], nwo.split("/")[-1]
        github_url = "https://github.com" if env == "dotcom" else f"http://{hostname}"
        owner_url = f"{github_url}/{owner}"
        repository_url = f"{owner_url}/{name}"
        user_domains = [f"{owner}.{pages_hostname}".lower(), f"{owner}.github.com".lower()]
        user_page = name.lower() in user_domains
        ref = "master" if user_page else "gh-pages"
        values.update({
            # what the gem falls back to without the API's Pages information
            "source": {"branch": "master" if user_page else "gh-pages", "path": "/"},
            "clone_url": f"{repository_url}.git",
            "is_project_page": not user_page,
            "is_user_page": user_page,
            "owner_gravatar_url": f"{owner_url}.png",
            "owner_name": owner,
            "owner_url": owner_url,
            "project_title": name,
            "releases_url": f"{repository_url}/releases",
            "repository_name": name,
            "repository_nwo": nwo,
            "repository_url": repository_url,
            "tar_url": f"{repository_url}/tarball/{ref}",
            "zip_url": f"{repository_url}/zipball/{ref}",
        })
    return {k: values[k] for k in sorted(values)}


_LINK_TEXT_RE = re.compile(r"(?:\"(.*)\"|'(.*)')")


def edit_link(site_github: Any, page_path: Any) -> str | None:
    """The gem's ``{% github_edit_link %}`` URL: the repository's ``edit/`` page for the
    source branch and folder and the page's path; None when a part is missing."""
    from urllib.parse import quote, urljoin

    github = site_github if isinstance(site_github, Mapping) else {}
    source = github.get("source")
    source = source if isinstance(source, Mapping) else {}
    parts = [github.get("repository_url"), "edit/", source.get("branch"), source.get("path"),
             page_path]
    if any(part is None or part is False for part in parts):
        return None
    url = ""
    for index, part in enumerate(parts):
        text = str(part).removeprefix("/")
        if index < len(parts) - 1 and not text.endswith("/"):
            text += "/"
        url = urljoin(url, "" if text == "/" else text) if url else text
    # Addressable's normalize: what a URI may not hold is percent-encoded
    return quote(url, safe=":/?#[]@!$&'()*+,;=-._~%")


def _edit_link_node() -> type[Any]:
    from ..dialect.expressions import evaluate, lookup_key, parse_expression
    from ..dialect.parsing import TagNode

    class EditLinkNode(TagNode):
        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            site: Any = getattr(context.env, "site", None)
            page = evaluate(parse_expression("page"), context)  # type: ignore[arg-type]
            page_path = lookup_key(page, "path", False)[1] if page is not None else None
            url = edit_link(site.config.get("github") if site is not None else None, page_path)
            if url is None:
                if site is not None:
                    site.warn("JekyllEditLink: Cannot generate edit URLs due to missing "
                              "site.github data")
                url = ""
            found = _LINK_TEXT_RE.search(self.markup)
            text = (found.group(1) or found.group(2)) if found else None
            return buffer.write(f'<a href="{url}">{text}</a>' if text else url)

    return EditLinkNode


class GithubMetadataPlugin(Plugin):
    name = "jekyll-github-metadata"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "github_edit_link", _edit_link_node())

    def configure(self, site: Site) -> None:
        config = site.config
        drop = metadata(site)
        current = config.get("github")
        if current is None:
            config["github"] = drop
        elif isinstance(current, dict):
            config["github"] = deep_merge(drop, current)
        if config.get("name") and not config.get("title"):
            site.warn(
                "GitHub Metadata: site.name is set in _config.yml, but many plugins and "
                "themes expect site.title to be used instead. To avoid potential "
                "inconsistency, Jekyll GitHub Metadata will not set site.title to the "
                "repository's name."
            )
        elif not config.get("title") and drop.get("repository_name"):
            config["title"] = drop["repository_name"]
