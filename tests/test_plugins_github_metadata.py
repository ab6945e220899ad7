"""jekyll-github-metadata against real Jekyll 4.3.1 with the gem 2.15.0, offline and without a
GitHub token (as every reference build runs), under the environment variables the sites
tests cannot set (PAGES_ENV, JEKYLL_ENV=production, PAGES_REPO_NWO, enterprise settings …).

Every expected value and warning here was printed by real Jekyll: a site with
``repository: <name>`` (plus the variant's config lines) and one page writing
``{"<key>": {{ site.github.<key> | jsonify }}, …}`` for each key of the drop but ``owner``
and ``public_repositories``, then ``site.url``, ``site.baseurl``, ``site.title`` and
``site.description``, built with ``JEKYLL_ENV=development`` (unless the variant sets it)
and the variant's variables in a temporary folder outside any git work tree. The
warnings are what Jekyll logged ("No GitHub API authentication …" once, then "No internet
connection …" once per API call); git's own "fatal: not a git repository" line (from
``build_revision``) is not a Jekyll log line and is left out. Failing cases were run the
same way and failed the build as noted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from newsletter_liquid.errors import NewsletterLiquidError
from newsletter_liquid.plugins.github_metadata import (
    EDIT_LINK_WARNING,
    NO_AUTH,
    NO_INTERNET,
    NO_REPOSITORY,
    SITE_NAME_WARNING,
    GithubMetadata,
)
from newsletter_liquid.site import Site

_ENV_KEYS = (
    "PAGES_ENV", "JEKYLL_ENV", "PAGES_API_URL", "API_URL", "PAGES_HELP_URL", "HELP_URL",
    "PAGES_GITHUB_HOSTNAME", "GITHUB_HOSTNAME", "PAGES_PAGES_HOSTNAME", "PAGES_HOSTNAME",
    "SSL", "SUBDOMAIN_ISOLATION", "PAGE_BUILD_ID", "PAGES_REPO_NWO", "JEKYLL_BUILD_REVISION",
    "JEKYLL_GITHUB_TOKEN", "OCTOKIT_ACCESS_TOKEN", "PAGES_PREVIEW_HTML_URL",
)
# Keys the values page prints (reading ``public_repositories`` fails; ``owner`` is below).
_PRINTED = (
    "api_url", "archived", "baseurl", "build_revision", "clone_url", "contributors",
    "disabled", "environment", "help_url", "hostname", "is_project_page", "is_user_page",
    "issues_url", "language", "latest_release", "license", "organization_members",
    "owner_display_name", "owner_gravatar_url", "owner_name", "owner_url", "pages_env",
    "pages_hostname", "private", "project_tagline", "project_title", "releases",
    "releases_url", "repository_name", "repository_nwo", "repository_url", "show_downloads",
    "source", "tar_url", "url", "versions", "wiki_url", "zip_url",
)
VALUES_PAGE = "---\n---\n{" + "".join(
    f'"{key}": {{{{ site.github.{key} | jsonify }}}}, ' for key in _PRINTED
) + "".join(
    f'"site.{key}": {{{{ site.{key} | jsonify }}}}{sep}'
    for key, sep in (("url", ", "), ("baseurl", ", "), ("title", ", "), ("description", "}"))
)


class Variant(NamedTuple):
    name: str
    repository: str
    config: str
    #: "No internet connection" lines after the one "No GitHub API authentication" line
    no_internet: int
    env: dict[str, str]
    #: what differs from BASE
    values: dict[str, Any]


@pytest.fixture(autouse=True)
def _clean_env(reference_clock: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference clock (conftest.py) and none of the gem's variables but JEKYLL_ENV."""
    for key in _ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("JEKYLL_ENV", "development")


def _site(root: Path, config: str, pages: dict[str, str]) -> Site:
    (root / "_config.yml").write_text(config, "utf-8")
    for rel, text in pages.items():
        (root / rel).write_text(text, "utf-8")
    return Site.load(root)


def build(root: Path, config: str, pages: dict[str, str]) -> tuple[Site, dict[str, str]]:
    site = _site(root, config, pages)
    outputs = site.render_all()
    return site, {k.as_posix(): v for k, v in outputs.items() if isinstance(v, str)}


def gem_log(site: Site) -> list[str]:
    return [w for w in site.warnings if w.startswith(("GitHub Metadata", "JekyllEditLink"))]


def offline_log(calls: int) -> list[str]:
    return [NO_AUTH] + [NO_INTERNET] * calls


def config(repository: str | None, extra: str = "") -> str:
    text = "plugins: [jekyll-github-metadata]\n"
    if repository:
        text += f"repository: {repository}\n"
    return text + extra + "\n"


BASE: dict[str, Any] = {
    'api_url': 'https://api.github.com',
    'archived': None,
    'baseurl': '/pages/octo/proj',
    'build_revision': '',
    'clone_url': 'https://github.com/octo/proj.git',
    'contributors': False,
    'disabled': None,
    'environment': 'development',
    'help_url': 'https://help.github.com',
    'hostname': 'github.com',
    'is_project_page': True,
    'is_user_page': False,
    'issues_url': None,
    'language': None,
    'latest_release': False,
    'license': None,
    'organization_members': None,
    'owner_display_name': None,
    'owner_gravatar_url': 'https://github.com/octo.png',
    'owner_name': 'octo',
    'owner_url': 'https://github.com/octo',
    'pages_env': 'development',
    'pages_hostname': 'localhost:4000',
    'private': None,
    'project_tagline': None,
    'project_title': 'proj',
    'releases': False,
    'releases_url': 'https://github.com/octo/proj/releases',
    'repository_name': 'proj',
    'repository_nwo': 'octo/proj',
    'repository_url': 'https://github.com/octo/proj',
    'show_downloads': None,
    'source': {'branch': 'gh-pages', 'path': '/'},
    'tar_url': 'https://github.com/octo/proj/tarball/gh-pages',
    'url': 'https://github.com/pages/octo/proj',
    'versions': {},
    'wiki_url': None,
    'zip_url': 'https://github.com/octo/proj/zipball/gh-pages',
    'site.url': None,
    'site.baseurl': None,
    'site.title': 'proj',
    'site.description': None,
}

VARIANTS: list[Variant] = [
    Variant(
        'dev-io', 'octo/octo.github.io', '', 8,
        env={},
        values={
            'baseurl': '/pages/octo/octo.github.io',
            'clone_url': 'https://github.com/octo/octo.github.io.git',
            'project_title': 'octo.github.io',
            'releases_url': 'https://github.com/octo/octo.github.io/releases',
            'repository_name': 'octo.github.io',
            'repository_nwo': 'octo/octo.github.io',
            'repository_url': 'https://github.com/octo/octo.github.io',
            'tar_url': 'https://github.com/octo/octo.github.io/tarball/gh-pages',
            'url': 'https://github.com/pages/octo/octo.github.io',
            'zip_url': 'https://github.com/octo/octo.github.io/zipball/gh-pages',
            'site.title': 'octo.github.io',
        },
    ),
    Variant(
        'dev-com', 'octo/Octo.GitHub.com', '', 8,
        env={},
        values={
            'baseurl': '/pages/octo',
            'clone_url': 'https://github.com/octo/Octo.GitHub.com.git',
            'is_project_page': False,
            'is_user_page': True,
            'project_title': 'Octo.GitHub.com',
            'releases_url': 'https://github.com/octo/Octo.GitHub.com/releases',
            'repository_name': 'Octo.GitHub.com',
            'repository_nwo': 'octo/Octo.GitHub.com',
            'repository_url': 'https://github.com/octo/Octo.GitHub.com',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'https://github.com/octo/Octo.GitHub.com/tarball/master',
            'url': 'https://github.com/pages/octo',
            'zip_url': 'https://github.com/octo/Octo.GitHub.com/zipball/master',
            'site.title': 'octo',
        },
    ),
    Variant(
        'dev-github', 'github/choosealicense.com', '', 8,
        env={},
        values={
            'baseurl': '/pages/github/choosealicense.com',
            'clone_url': 'https://github.com/github/choosealicense.com.git',
            'owner_gravatar_url': 'https://github.com/github.png',
            'owner_name': 'github',
            'owner_url': 'https://github.com/github',
            'project_title': 'choosealicense.com',
            'releases_url': 'https://github.com/github/choosealicense.com/releases',
            'repository_name': 'choosealicense.com',
            'repository_nwo': 'github/choosealicense.com',
            'repository_url': 'https://github.com/github/choosealicense.com',
            'tar_url': 'https://github.com/github/choosealicense.com/tarball/gh-pages',
            'url': 'https://github.com/pages/github/choosealicense.com',
            'zip_url': 'https://github.com/github/choosealicense.com/zipball/gh-pages',
            'site.title': 'choosealicense.com',
        },
    ),
    Variant(
        'prod-project', 'octo/proj', '', 8,
        env={
            'JEKYLL_ENV': 'production',
        },
        values={
            'environment': 'production',
            'pages_env': 'production',
            'pages_hostname': 'github.io',
            'site.url': 'https://github.com',
            'site.baseurl': '/pages/octo/proj',
        },
    ),
    Variant(
        'prod-com', 'octo/octo.github.com', '', 8,
        env={
            'JEKYLL_ENV': 'production',
        },
        values={
            'baseurl': '/pages/octo',
            'clone_url': 'https://github.com/octo/octo.github.com.git',
            'environment': 'production',
            'is_project_page': False,
            'is_user_page': True,
            'pages_env': 'production',
            'pages_hostname': 'github.io',
            'project_title': 'octo.github.com',
            'releases_url': 'https://github.com/octo/octo.github.com/releases',
            'repository_name': 'octo.github.com',
            'repository_nwo': 'octo/octo.github.com',
            'repository_url': 'https://github.com/octo/octo.github.com',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'https://github.com/octo/octo.github.com/tarball/master',
            'url': 'https://github.com/pages/octo',
            'zip_url': 'https://github.com/octo/octo.github.com/zipball/master',
            'site.url': 'https://github.com',
            'site.baseurl': '/pages/octo',
            'site.title': 'octo',
        },
    ),
    Variant(
        'prod-own-url', 'octo/proj', "url: https://example.org\nbaseurl: /\ntitle: ''\nname: N", 8,
        env={
            'JEKYLL_ENV': 'production',
        },
        values={
            'environment': 'production',
            'pages_env': 'production',
            'pages_hostname': 'github.io',
            'site.url': 'https://example.org',
            'site.baseurl': '/pages/octo/proj',
            'site.title': '',
        },
    ),
    Variant(
        'prod-empty-url', 'octo/proj', "url: ''\nbaseurl: ''", 8,
        env={
            'JEKYLL_ENV': 'production',
        },
        values={
            'environment': 'production',
            'pages_env': 'production',
            'pages_hostname': 'github.io',
            'site.url': '',
            'site.baseurl': '',
        },
    ),
    Variant(
        'dotcom-project', 'octo/proj', '', 10,
        env={
            'PAGES_ENV': 'dotcom',
        },
        values={
            'baseurl': '/proj',
            'environment': 'dotcom',
            'pages_env': 'dotcom',
            'pages_hostname': 'github.io',
            'url': 'http://octo.github.io/proj',
        },
    ),
    Variant(
        'dotcom-io', 'octo/octo.github.io', '', 8,
        env={
            'PAGES_ENV': 'dotcom',
        },
        values={
            'baseurl': '',
            'clone_url': 'https://github.com/octo/octo.github.io.git',
            'environment': 'dotcom',
            'is_project_page': False,
            'is_user_page': True,
            'pages_env': 'dotcom',
            'pages_hostname': 'github.io',
            'project_title': 'octo.github.io',
            'releases_url': 'https://github.com/octo/octo.github.io/releases',
            'repository_name': 'octo.github.io',
            'repository_nwo': 'octo/octo.github.io',
            'repository_url': 'https://github.com/octo/octo.github.io',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'https://github.com/octo/octo.github.io/tarball/master',
            'url': 'http://octo.github.io',
            'zip_url': 'https://github.com/octo/octo.github.io/zipball/master',
            'site.title': 'octo',
        },
    ),
    Variant(
        'dotcom-github', 'github/choosealicense.com', '', 10,
        env={
            'PAGES_ENV': 'dotcom',
        },
        values={
            'baseurl': '/choosealicense.com',
            'clone_url': 'https://github.com/github/choosealicense.com.git',
            'environment': 'dotcom',
            'owner_gravatar_url': 'https://github.com/github.png',
            'owner_name': 'github',
            'owner_url': 'https://github.com/github',
            'pages_env': 'dotcom',
            'pages_hostname': 'github.io',
            'project_title': 'choosealicense.com',
            'releases_url': 'https://github.com/github/choosealicense.com/releases',
            'repository_name': 'choosealicense.com',
            'repository_nwo': 'github/choosealicense.com',
            'repository_url': 'https://github.com/github/choosealicense.com',
            'tar_url': 'https://github.com/github/choosealicense.com/tarball/gh-pages',
            'url': 'https://github.github.com/choosealicense.com',
            'zip_url': 'https://github.com/github/choosealicense.com/zipball/gh-pages',
            'site.title': 'choosealicense.com',
        },
    ),
    Variant(
        'dotcom-github-com', 'github/github.github.com', '', 8,
        env={
            'PAGES_ENV': 'dotcom',
        },
        values={
            'baseurl': '',
            'clone_url': 'https://github.com/github/github.github.com.git',
            'environment': 'dotcom',
            'is_project_page': False,
            'is_user_page': True,
            'owner_gravatar_url': 'https://github.com/github.png',
            'owner_name': 'github',
            'owner_url': 'https://github.com/github',
            'pages_env': 'dotcom',
            'pages_hostname': 'github.io',
            'project_title': 'github.github.com',
            'releases_url': 'https://github.com/github/github.github.com/releases',
            'repository_name': 'github.github.com',
            'repository_nwo': 'github/github.github.com',
            'repository_url': 'https://github.com/github/github.github.com',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'https://github.com/github/github.github.com/tarball/master',
            'url': 'https://github.github.com',
            'zip_url': 'https://github.com/github/github.github.com/zipball/master',
            'site.title': 'github',
        },
    ),
    Variant(
        'dotcom-own-pages-host', 'octo/octo.example.io', '', 8,
        env={
            'PAGES_ENV': 'dotcom',
            'PAGES_PAGES_HOSTNAME': 'example.io/',
        },
        values={
            'baseurl': '',
            'clone_url': 'https://github.com/octo/octo.example.io.git',
            'environment': 'dotcom',
            'is_project_page': False,
            'is_user_page': True,
            'pages_env': 'dotcom',
            'pages_hostname': 'example.io',
            'project_title': 'octo.example.io',
            'releases_url': 'https://github.com/octo/octo.example.io/releases',
            'repository_name': 'octo.example.io',
            'repository_nwo': 'octo/octo.example.io',
            'repository_url': 'https://github.com/octo/octo.example.io',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'https://github.com/octo/octo.example.io/tarball/master',
            'url': 'http://octo.example.io',
            'zip_url': 'https://github.com/octo/octo.example.io/zipball/master',
            'site.title': 'octo',
        },
    ),
    Variant(
        'enterprise-project', 'octo/proj', '', 8,
        env={
            'PAGES_ENV': 'enterprise',
            'PAGES_GITHUB_HOSTNAME': 'ghe.corp.example',
            'SSL': 'true',
        },
        values={
            'clone_url': 'https://ghe.corp.example/octo/proj.git',
            'environment': 'enterprise',
            'hostname': 'ghe.corp.example',
            'owner_gravatar_url': 'https://ghe.corp.example/octo.png',
            'owner_url': 'https://ghe.corp.example/octo',
            'pages_env': 'enterprise',
            'pages_hostname': 'github.io',
            'releases_url': 'https://ghe.corp.example/octo/proj/releases',
            'repository_url': 'https://ghe.corp.example/octo/proj',
            'tar_url': 'https://ghe.corp.example/octo/proj/tarball/gh-pages',
            'url': 'https://ghe.corp.example/pages/octo/proj',
            'zip_url': 'https://ghe.corp.example/octo/proj/zipball/gh-pages',
        },
    ),
    Variant(
        'enterprise-user', 'octo/octo.ghe.corp.example', '', 8,
        env={
            'PAGES_ENV': 'enterprise',
            'PAGES_GITHUB_HOSTNAME': 'ghe.corp.example',
        },
        values={
            'baseurl': '/pages/octo',
            'clone_url': 'http://ghe.corp.example/octo/octo.ghe.corp.example.git',
            'environment': 'enterprise',
            'hostname': 'ghe.corp.example',
            'is_project_page': False,
            'is_user_page': True,
            'owner_gravatar_url': 'http://ghe.corp.example/octo.png',
            'owner_url': 'http://ghe.corp.example/octo',
            'pages_env': 'enterprise',
            'pages_hostname': 'github.io',
            'project_title': 'octo.ghe.corp.example',
            'releases_url': 'http://ghe.corp.example/octo/octo.ghe.corp.example/releases',
            'repository_name': 'octo.ghe.corp.example',
            'repository_nwo': 'octo/octo.ghe.corp.example',
            'repository_url': 'http://ghe.corp.example/octo/octo.ghe.corp.example',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'http://ghe.corp.example/octo/octo.ghe.corp.example/tarball/master',
            'url': 'http://ghe.corp.example/pages/octo',
            'zip_url': 'http://ghe.corp.example/octo/octo.ghe.corp.example/zipball/master',
            'site.title': 'octo',
        },
    ),
    Variant(
        'enterprise-isolated', 'octo/proj', '', 8,
        env={
            'PAGES_ENV': 'enterprise',
            'SUBDOMAIN_ISOLATION': 'true',
            'PAGES_PAGES_HOSTNAME': 'pages.corp.example',
        },
        values={
            'baseurl': '/octo/proj',
            'environment': 'enterprise',
            'pages_env': 'enterprise',
            'pages_hostname': 'pages.corp.example',
            'url': 'http://pages.corp.example/octo/proj',
        },
    ),
    Variant(
        'enterprise-isolated-user', 'octo/octo.ghe.example', '', 8,
        env={
            'PAGES_ENV': 'enterprise',
            'SUBDOMAIN_ISOLATION': 'true',
            'GITHUB_HOSTNAME': 'ghe.example',
        },
        values={
            'baseurl': '/octo',
            'clone_url': 'http://ghe.example/octo/octo.ghe.example.git',
            'environment': 'enterprise',
            'hostname': 'ghe.example',
            'is_project_page': False,
            'is_user_page': True,
            'owner_gravatar_url': 'http://ghe.example/octo.png',
            'owner_url': 'http://ghe.example/octo',
            'pages_env': 'enterprise',
            'pages_hostname': 'github.io',
            'project_title': 'octo.ghe.example',
            'releases_url': 'http://ghe.example/octo/octo.ghe.example/releases',
            'repository_name': 'octo.ghe.example',
            'repository_nwo': 'octo/octo.ghe.example',
            'repository_url': 'http://ghe.example/octo/octo.ghe.example',
            'source': {'branch': 'master', 'path': '/'},
            'tar_url': 'http://ghe.example/octo/octo.ghe.example/tarball/master',
            'url': 'http://github.io/octo',
            'zip_url': 'http://ghe.example/octo/octo.ghe.example/zipball/master',
            'site.title': 'octo',
        },
    ),
    Variant(
        'test-project', 'octo/proj', '', 10,
        env={
            'PAGES_ENV': 'test',
        },
        values={
            'baseurl': '/proj',
            'environment': 'test',
            'pages_env': 'test',
            'pages_hostname': 'github.io',
            'url': 'http://octo.github.io/proj',
        },
    ),
    Variant(
        'page-build', 'octo/proj', '', 8,
        env={
            'PAGE_BUILD_ID': '7',
        },
        values={
            'site.url': 'https://github.com',
            'site.baseurl': '/pages/octo/proj',
        },
    ),
    Variant(
        'nwo-env', 'octo/proj', '', 8,
        env={
            'PAGES_REPO_NWO': 'other/thing',
            'JEKYLL_BUILD_REVISION': 'abc123',
        },
        values={
            'baseurl': '/pages/other/thing',
            'build_revision': 'abc123',
            'clone_url': 'https://github.com/other/thing.git',
            'owner_gravatar_url': 'https://github.com/other.png',
            'owner_name': 'other',
            'owner_url': 'https://github.com/other',
            'project_title': 'thing',
            'releases_url': 'https://github.com/other/thing/releases',
            'repository_name': 'thing',
            'repository_nwo': 'other/thing',
            'repository_url': 'https://github.com/other/thing',
            'tar_url': 'https://github.com/other/thing/tarball/gh-pages',
            'url': 'https://github.com/pages/other/thing',
            'zip_url': 'https://github.com/other/thing/zipball/gh-pages',
            'site.title': 'thing',
        },
    ),
    Variant(
        'intermediate', 'octo/proj', '', 8,
        env={
            'API_URL': 'https://api.example/',
            'HELP_URL': 'https://help.example/',
            'GITHUB_HOSTNAME': 'ghe.example/',
            'PAGES_HOSTNAME': 'pages.example',
        },
        values={
            'api_url': 'https://api.example',
            'clone_url': 'http://ghe.example/octo/proj.git',
            'help_url': 'https://help.example',
            'hostname': 'ghe.example',
            'owner_gravatar_url': 'http://ghe.example/octo.png',
            'owner_url': 'http://ghe.example/octo',
            'pages_hostname': 'pages.example',
            'releases_url': 'http://ghe.example/octo/proj/releases',
            'repository_url': 'http://ghe.example/octo/proj',
            'tar_url': 'http://ghe.example/octo/proj/tarball/gh-pages',
            'url': 'http://ghe.example/pages/octo/proj',
            'zip_url': 'http://ghe.example/octo/proj/zipball/gh-pages',
        },
    ),
    Variant(
        'pages-over-intermediate', 'octo/proj', '', 8,
        env={
            'PAGES_API_URL': 'https://a.example',
            'API_URL': 'https://b.example',
            'PAGES_ENV': 'custom',
            'JEKYLL_ENV': 'staging',
        },
        values={
            'api_url': 'https://a.example',
            'environment': 'custom',
            'pages_env': 'custom',
            'pages_hostname': 'github.io',
        },
    ),
    Variant(
        'split', 'octo/', '', 8,
        env={},
        values={
            'baseurl': '/pages/octo',
            'clone_url': 'https://github.com/octo/octo.git',
            'project_title': 'octo',
            'releases_url': 'https://github.com/octo/octo/releases',
            'repository_name': 'octo',
            'repository_nwo': 'octo/',
            'repository_url': 'https://github.com/octo/octo',
            'tar_url': 'https://github.com/octo/octo/tarball/gh-pages',
            'url': 'https://github.com/pages/octo',
            'zip_url': 'https://github.com/octo/octo/zipball/gh-pages',
            'site.title': 'octo',
        },
    ),
    Variant(
        'split3', 'a/b/c', '', 8,
        env={},
        values={
            'baseurl': '/pages/a/b/c',
            'clone_url': 'https://github.com/a/c.git',
            'owner_gravatar_url': 'https://github.com/a.png',
            'owner_name': 'a',
            'owner_url': 'https://github.com/a',
            'project_title': 'c',
            'releases_url': 'https://github.com/a/c/releases',
            'repository_name': 'c',
            'repository_nwo': 'a/b/c',
            'repository_url': 'https://github.com/a/c',
            'tar_url': 'https://github.com/a/c/tarball/gh-pages',
            'url': 'https://github.com/pages/a/b/c',
            'zip_url': 'https://github.com/a/c/zipball/gh-pages',
            'site.title': 'c',
        },
    ),
]


# -- values under each environment ------------------------------------------------------


def test_development_defaults(tmp_path: Path) -> None:
    site, out = build(tmp_path, config("octo/proj"), {"index.html": VALUES_PAGE})
    assert json.loads(out["index.html"]) == BASE
    assert gem_log(site) == offline_log(8)


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_environment_variants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              variant: Variant) -> None:
    for key, value in variant.env.items():
        monkeypatch.setenv(key, value)
    site, out = build(tmp_path, config(variant.repository, variant.config),
                      {"index.html": VALUES_PAGE})
    assert json.loads(out["index.html"]) == {**BASE, **variant.values}
    assert gem_log(site) == offline_log(variant.no_internet)


# -- what each read logs --------------------------------------------------------------------

# template -> the "No internet connection" lines real Jekyll logged (0: no log at all)
READS = [
    ("{{ site.github.hostname }}{{ site.github.versions }}{{ site.github.repository_url }}", 0),
    ("{{ site.github.build_revision }}{{ site.github.project_title }}", 0),
    ("{{ site.github.url }}{{ site.github.url }}{% github_edit_link %}", 1),
    ("{{ site.github.issues_url }}{{ site.github.language }}", 1),
    ("{{ site.github.owner }}{{ site.github.owner_display_name }}", 2),
    ("{{ site.github.contributors }}", 1),
    ("{{ site.github.source }}", 1),
    ("{{ site.github.description }}", 0),  # not a key of the drop: nil, no call
]


@pytest.mark.parametrize(("template", "calls"), READS, ids=[t for t, _ in READS])
def test_reads_log_each_api_call_once(tmp_path: Path, template: str, calls: int) -> None:
    site, _ = build(tmp_path, config("octo/proj"), {
        "index.html": "---\n---\n" + template, "other.html": "---\n---\n" + template})
    assert gem_log(site) == (offline_log(calls) if calls else [])


def test_a_token_silences_the_authentication_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLL_GITHUB_TOKEN", "x")
    site, out = build(tmp_path, config("octo/proj"),
                      {"index.html": "---\n---\n{{ site.github.url }}"})
    assert out["index.html"] == "https://github.com/pages/octo/proj"
    assert gem_log(site) == [NO_INTERNET]


def test_each_build_logs_again(tmp_path: Path) -> None:
    site = _site(tmp_path, config("octo/proj"), {"index.html": "---\n---\n{{ site.github.url }}"})
    site.render_all()
    assert site.refresh([])
    site.render_all()
    assert gem_log(site) == offline_log(1)  # the second build's (the first's were reset)


def test_site_name_without_title(tmp_path: Path) -> None:
    site, out = build(tmp_path, config("octo/named", "name: Named"), {
        "index.html": "---\n---\n[{{ site.title }}]"})
    assert out["index.html"] == "[]"
    assert gem_log(site) == [SITE_NAME_WARNING]


def test_site_github_is_the_drop_as_data(tmp_path: Path) -> None:
    site = _site(tmp_path, config("octo/proj"), {})
    github = site.config["github"]
    assert isinstance(github, GithubMetadata)
    assert list(github) == sorted(github)
    assert {k: v for k, v in github.items() if k in BASE} == {
        k: v for k, v in BASE.items() if not k.startswith("site.")}
    assert github["public_repositories"] is None and github.get("nope") is None
    assert site.warnings == []  # reading it as data logs nothing


# -- failures -----------------------------------------------------------------------------

WHOLE_DROP = [
    "{{ site.github | jsonify }}",
    "{{ site.github | inspect }}",
    "{{ site.github }}",
    "{% for k in site.github %}{{ k }},{% endfor %}",
]


@pytest.mark.parametrize("template", ["{{ site.github.public_repositories }}", *WHOLE_DROP])
def test_public_repositories_fails(tmp_path: Path, template: str) -> None:
    site = _site(tmp_path, config("octo/proj"), {"index.html": "---\n---\n" + template})
    with pytest.raises(NewsletterLiquidError, match="undefined method `map' for false"):
        site.render_all()
    # reading every key, the gem's drop makes 7 API calls before public_repositories'
    calls = 1 if "public_repositories" in template else 8
    assert gem_log(site) == [*offline_log(calls),
                             "GitHub Metadata: Error processing value 'owner_public_repositories':"]


@pytest.mark.parametrize("template", [
    "{{ site.github.url }}", "{{ site.github.repository_name }}", "{% github_edit_link %}",
    *WHOLE_DROP,
])
def test_without_a_repository_name_repository_values_fail(tmp_path: Path, template: str) -> None:
    site = _site(tmp_path, config(None, "title: T"), {"index.html": "---\n---\n" + template})
    with pytest.raises(NewsletterLiquidError, match="No repo name found"):
        site.render_all()
    assert NO_REPOSITORY.startswith("No repo name found. Specify using PAGES_REPO_NWO")


def test_without_a_repository_name_pages_values_work(tmp_path: Path) -> None:
    site, out = build(tmp_path, config(None), {"index.html": (
        "---\n---\n{{ site.github.hostname }}|{{ site.github.pages_hostname }}|"
        "{{ site.github.environment }}|{{ site.github.versions }}|{{ site.title }}")})
    assert out["index.html"] == "github.com|localhost:4000|development|{}|"
    assert gem_log(site) == []


def test_a_github_mapping_is_merged_over_the_values(tmp_path: Path) -> None:
    """As the gem does with the API at hand (offline it fails the build: merging reads
    every value, public_repositories too; a deliberate difference, docs/differences.md):
    the site's keys win, a nil keeps the value, mappings merge, new keys are added, and
    the rest still reads as without the mapping."""
    github = ("\n  url: https://octo.example\n  source: {branch: main}\n  api_url:\n"
              "  public_repositories: []\n  extra: 1")
    _, out = build(tmp_path, config("octo/proj", "github: " + github), {"index.html": (
        "---\n---\n{{ site.github.url }}|{{ site.github.source | jsonify }}|"
        "{{ site.github.api_url }}|{{ site.github.public_repositories | size }}|"
        "{{ site.github.extra }}|{{ site.github.repository_url }}|{% github_edit_link %}")})
    assert out["index.html"] == (
        'https://octo.example|{"branch":"main","path":"/"}|https://api.github.com|0|1|'
        "https://github.com/octo/proj|https://github.com/octo/proj/edit/main/index.html")


@pytest.mark.parametrize(("github", "output"), [("false", "false||false|[]"),
                                                ("hello", 'hello||"hello"|[]')])
def test_other_github_values_replace_the_drop(tmp_path: Path, github: str, output: str) -> None:
    site, out = build(tmp_path, config("octo/over", f"github: {github}"), {"index.html": (
        "---\n---\n{{ site.github }}|{{ site.github.url }}|{{ site.github | jsonify }}|"
        "[{% github_edit_link %}]")})
    assert out["index.html"] == output
    assert gem_log(site) == [EDIT_LINK_WARNING]


@pytest.mark.parametrize("github", ["[1, 2]", "3"])
def test_the_edit_link_fails_on_a_list_or_number(tmp_path: Path, github: str) -> None:
    site = _site(tmp_path, config("octo/over", f"github: {github}"),
                 {"index.html": "---\n---\n{% github_edit_link %}"})
    with pytest.raises(NewsletterLiquidError, match="no implicit conversion of String into"):
        site.render_all()
