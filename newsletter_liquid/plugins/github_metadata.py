"""jekyll-github-metadata 2.15.0 as it behaves without network access: ``site.github``,
the ``title``/``description``/``url``/``baseurl`` fallbacks and ``{% github_edit_link %}``.

Every reference build runs offline and without a GitHub token, so each API call of the
gem returns ``false``: what only the API knows is nil or false (``contributors``,
``releases`` …), and the rest comes from the repository's name (``PAGES_REPO_NWO`` or
``repository:``) and the Pages environment variables, the way the gem derives it.
The values are computed once, when the site is configured; what the gem does when a
value is *read* (log "No internet connection" once per API call it makes, fail on
``public_repositories`` — its ``list_repos(...).map`` meets ``false`` — or on any
repository value when no repository is named) happens when Liquid reads it.

Not followed: the name from the ``origin`` git remote and ``build_revision`` from
``git rev-parse HEAD`` (reference builds run outside any git work tree, so neither
exists there; ``JEKYLL_BUILD_REVISION`` is read), and the gem's lazy ``site.title`` /
``site.description`` / ``site.url`` / ``site.baseurl`` fallbacks are plain values here
(the gem's log their API calls when read, and fail when no repository is named: here
they are then left unset).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TextIO
from urllib.parse import urljoin, urlsplit

from ..config import deep_merge
from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment
    from ..site import Site

__all__ = ["GithubMetadata", "GithubMetadataPlugin", "PagesEnvironment", "edit_link",
           "metadata"]

NO_AUTH = ("GitHub Metadata: No GitHub API authentication could be found. Some fields may "
           "be missing or have incorrect data.")
NO_INTERNET = ("GitHub Metadata: No internet connection. GitHub metadata may be missing or "
               "incorrect.")
NO_REPOSITORY = (
    "No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' "
    "in your configuration, or set up an 'origin' git remote pointing to your github.com "
    "repository."
)
SITE_NAME_WARNING = (
    "GitHub Metadata: site.name is set in _config.yml, but many plugins and themes expect "
    "site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata "
    "will not set site.title to the repository's name."
)
EDIT_LINK_WARNING = "JekyllEditLink:  Cannot generate edit URLs due to missing site.github data"
_PUBLIC_REPOSITORIES_ERROR = "undefined method `map' for false:FalseClass"

# The keys of the gem's MetadataDrop (its ``keys`` are sorted).
_KEYS = (
    "api_url", "archived", "baseurl", "build_revision", "clone_url", "contributors",
    "disabled", "environment", "help_url", "hostname", "is_project_page", "is_user_page",
    "issues_url", "language", "latest_release", "license", "organization_members", "owner",
    "owner_display_name", "owner_gravatar_url", "owner_name", "owner_url", "pages_env",
    "pages_hostname", "private", "project_tagline", "project_title", "public_repositories",
    "releases", "releases_url", "repository_name", "repository_nwo", "repository_url",
    "show_downloads", "source", "tar_url", "url", "versions", "wiki_url", "zip_url",
)
# Keys that need no repository (Pages settings, ``versions``, ``build_revision``).
_NO_REPOSITORY_KEYS = frozenset({
    "api_url", "environment", "pages_env", "hostname", "pages_hostname", "help_url",
    "versions", "build_revision",
})
# Owner#to_h: the owner's API fields, all nil offline.
_OWNER_KEYS = (
    "avatar_url", "bio", "blog", "collaborators", "company", "created_at", "description",
    "email", "followers", "following", "has_organization_projects",
    "has_repository_projects", "hireable", "html_url", "id", "is_verified", "location",
    "login", "name", "node_id", "public_gists", "public_repos", "type", "updated_at",
)
# What reading a key asks the API for, first time in a build (the gem memoizes each
# answer on its Repository, one per build): memo name -> number of calls.
_REPO_INFO = (("repo_info", 1),)
_PAGES_INFO = (("repo_pages_info", 1),)
_OWNER_INFO = (("owner_info", 2),)  # organization(owner) || user(owner)
_CALLS: dict[str, tuple[tuple[str, int], ...]] = {
    **dict.fromkeys(("archived", "disabled", "issues_url", "language", "license",
                     "private", "project_tagline", "show_downloads", "wiki_url"), _REPO_INFO),
    **dict.fromkeys(("source", "tar_url", "zip_url"), _PAGES_INFO),
    **dict.fromkeys(("owner", "owner_display_name"), _OWNER_INFO),
    "contributors": (("contributors", 1),),
    "releases": (("releases", 1),),
    "latest_release": (("latest_release", 1),),
    "organization_members": (("organization_repository", 1),),
}


def _ruby_truthy(value: Any) -> bool:
    return value is not None and value is not False


def _trim_last_slash(url: str) -> str:
    return url[:-1] if url.endswith("/") else url


@dataclass(frozen=True)
class PagesEnvironment:
    """The gem's ``Pages``: the GitHub instance and Pages flavour, from the environment.

    Each setting is its ``PAGES_*`` variable when not empty, else an intermediate
    variable when set at all (Ruby's ``||``: an empty one counts), else the default.
    """

    env: str
    api_url: str
    help_url: str
    github_hostname: str
    pages_hostname: str
    ssl: bool
    subdomain_isolation: bool
    page_build: bool

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> PagesEnvironment:
        environ = os.environ if environ is None else environ

        def var(key: str, intermediate: str | None, default: str) -> str:
            value = environ.get(key)
            if value:
                return value
            return intermediate if intermediate is not None else default

        env = var("PAGES_ENV", environ.get("JEKYLL_ENV"), "development")
        pages_hostname = environ.get("PAGES_HOSTNAME")
        if pages_hostname is None and env == "development":
            pages_hostname = "localhost:4000"
        return cls(
            env=env,
            api_url=_trim_last_slash(var("PAGES_API_URL", environ.get("API_URL"),
                                         "https://api.github.com")),
            help_url=_trim_last_slash(var("PAGES_HELP_URL", environ.get("HELP_URL"),
                                          "https://help.github.com")),
            github_hostname=_trim_last_slash(var("PAGES_GITHUB_HOSTNAME",
                                                 environ.get("GITHUB_HOSTNAME"), "github.com")),
            pages_hostname=_trim_last_slash(var("PAGES_PAGES_HOSTNAME", pages_hostname,
                                                "github.io")),
            ssl=var("SSL", None, "false") == "true" or env == "test",
            subdomain_isolation=var("SUBDOMAIN_ISOLATION", None, "false") == "true",
            page_build=bool(environ.get("PAGE_BUILD_ID")),
        )

    @property
    def enterprise(self) -> bool:
        return self.env == "enterprise"

    @property
    def custom_domains_enabled(self) -> bool:
        return self.env in ("dotcom", "test")

    @property
    def scheme(self) -> str:
        return "https" if self.ssl else "http"

    @property
    def github_url(self) -> str:
        if self.env == "dotcom" or self.github_hostname == "github.com":
            return "https://github.com"
        return f"{self.scheme}://{self.github_hostname}"


def _split_nwo(nwo: str) -> tuple[str, str]:
    """Owner and name as Ruby's ``split("/").first/last`` (trailing empty parts dropped)."""
    parts = nwo.split("/")
    while parts and not parts[-1]:
        parts.pop()
    return (parts[0], parts[-1]) if parts else ("", "")


@dataclass(frozen=True)
class _Repository:
    """What the gem's Repository and RepositoryCompat make of a name without the API."""

    nwo: str
    pages: PagesEnvironment

    @property
    def owner(self) -> str:
        return _split_nwo(self.nwo)[0]

    @property
    def name(self) -> str:
        return _split_nwo(self.nwo)[1]

    def default_user_domain(self) -> str:
        pages = self.pages
        if not pages.enterprise and self.owner == "github":
            return f"{self.owner}.{pages.github_hostname}".lower()
        if pages.enterprise:
            return pages.pages_hostname.lower()
        return f"{self.owner}.{pages.pages_hostname}".lower()

    def user_page_domains(self) -> list[str]:
        domains = [self.default_user_domain()]
        if not self.pages.enterprise:
            domains.append(f"{self.owner}.github.com".lower())
        return domains

    def user_page(self) -> bool:
        if self.pages.enterprise:
            return self.name.lower() == f"{self.owner.lower()}.{self.pages.github_hostname}"
        return self.name.lower() in self.user_page_domains()

    def domain_lookups(self) -> int:
        """API calls computing ``html_url`` makes offline (``repository?`` of each user-page
        repository name, for a project page with custom domains)."""
        if self.pages.custom_domains_enabled and not self.user_page():
            return len(self.user_page_domains())
        return 0

    def html_url(self) -> str:
        pages = self.pages
        if not pages.custom_domains_enabled:
            path = self.owner if self.user_page() else self.nwo
            if pages.subdomain_isolation:
                url = urljoin(f"{pages.scheme}://{pages.pages_hostname}/", path)
            else:
                url = urljoin(f"{pages.github_url}/pages/", path)
        else:
            # offline there is no CNAME and no user-page repository to take a domain from
            domain = self.default_user_domain()
            github_owned = self.owner == "github" and domain.endswith(".github.com")
            scheme = "https" if github_owned else "http"
            url = f"{scheme}://{domain}"
            if not self.user_page():
                url = urljoin(url, self.name)
        return url[:-1] if url.endswith("/") else url

    def values(self) -> dict[str, Any]:
        owner, name = self.owner, self.name
        owner_url = f"{self.pages.github_url}/{owner}"
        repository_url = f"{owner_url}/{name}"
        user_page = self.user_page()
        branch = "master" if user_page else "gh-pages"
        html_url = self.html_url()
        return {
            "archived": None,
            "baseurl": urlsplit(html_url).path,
            "clone_url": f"{repository_url}.git",
            "contributors": False,
            "disabled": None,
            "is_project_page": not user_page,
            "is_user_page": user_page,
            "issues_url": None,
            "language": None,
            "latest_release": False,
            "license": None,
            "organization_members": None,
            "owner": dict.fromkeys(_OWNER_KEYS),
            "owner_display_name": None,
            "owner_gravatar_url": f"{owner_url}.png",
            "owner_name": owner,
            "owner_url": owner_url,
            "private": None,
            "project_tagline": None,
            "project_title": name,
            "public_repositories": None,  # reading it fails (see GithubMetadata)
            "releases": False,
            "releases_url": f"{repository_url}/releases",
            "repository_name": name,
            "repository_nwo": self.nwo,
            "repository_url": repository_url,
            "show_downloads": None,
            "source": {"branch": branch, "path": "/"},
            "tar_url": f"{repository_url}/tarball/{branch}",
            "url": html_url,
            "wiki_url": None,
            "zip_url": f"{repository_url}/zipball/{branch}",
        }


def _find_nwo(config: Mapping[str, Any], environ: Mapping[str, str]) -> str | None:
    """``PAGES_REPO_NWO``, else a ``repository:`` string with a slash (the gem's third
    source, the ``origin`` remote, never exists where reference builds run)."""
    from_env = environ.get("PAGES_REPO_NWO")
    if from_env:
        return from_env
    repo = config.get("repository")
    return repo if isinstance(repo, str) and "/" in repo else None


def metadata(site: Site, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The offline values of ``site.github``, keys sorted as the gem's drop lists them;
    without a repository name only the keys that need none (reading the others fails)."""
    environ = os.environ if environ is None else environ
    pages = PagesEnvironment.from_environ(environ)
    values: dict[str, Any] = dict.fromkeys(_KEYS)
    values.update({
        "api_url": pages.api_url,
        "build_revision": environ.get("JEKYLL_BUILD_REVISION", ""),
        "environment": pages.env,
        "help_url": pages.help_url,
        "hostname": pages.github_hostname,
        "pages_env": pages.env,
        "pages_hostname": pages.pages_hostname,
        "versions": {},  # the github-pages gem is not installed
    })
    nwo = _find_nwo(site.config, environ)
    if nwo is not None:
        values.update(_Repository(nwo, pages).values())
    else:
        values = {k: v for k, v in values.items() if k in _NO_REPOSITORY_KEYS}
    return values


class GithubMetadata(Mapping[str, Any]):
    """``site.github``: the gem's MetadataDrop with its offline values.

    As a Mapping it holds the values (the build cache and other plugins read it so,
    without side effects). Liquid reads go through ``liquid_lookup``, ``keys`` (a
    ``for`` loop), ``hash_for_json`` (``jsonify``/``inspect``) and ``str`` (output),
    which do what the gem's reads do: log each API call the first time in a build,
    and fail where the gem fails.
    """

    #: marks a drop for Liquid output: ``{{ site.github }}`` is its JSON, not a Ruby hash
    _methods: ClassVar[Mapping[str, Any]] = MappingProxyType({})

    def __init__(self, site: Site, values: Mapping[str, Any], repository: _Repository | None,
                 environ: Mapping[str, str], overrides: Mapping[str, Any] | None = None) -> None:
        self._site = site
        self._values = dict(values)
        #: a ``github:`` mapping of the configuration, merged in as Jekyll merges it (a
        #: nil keeps the value, mappings merge): these keys are plain values
        self._overrides: dict[str, Any] = {}
        for key, value in (overrides or {}).items():
            base = self._values.get(key)
            if value is None and key in _KEYS:
                continue
            merged = (deep_merge(base, value) if isinstance(base, Mapping)
                      and isinstance(value, Mapping) else value)
            self._overrides[str(key)] = merged
        self._keys = (*_KEYS, *(k for k in self._overrides if k not in _KEYS))
        self._repository = repository
        # Octokit takes an empty token too (Ruby's ``||``)
        self._has_token = any(environ.get(k) is not None
                              for k in ("JEKYLL_GITHUB_TOKEN", "OCTOKIT_ACCESS_TOKEN"))
        self._build: object = None
        self._done: set[str] = set()
        self._client = False

    # -- the values, as data ----------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        if key in self._overrides:
            return self._overrides[key]
        if key not in _KEYS:
            raise KeyError(key)
        return self._values.get(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._overrides or key in _KEYS

    # -- the values, as Liquid reads them ---------------------------------------------
    def read(self, key: str) -> Any:
        """One key as the drop's method gives it, with the gem's logging and failures."""
        from ..dialect.expressions import RenderError

        if key in self._overrides:
            return self._overrides[key]
        if key not in _NO_REPOSITORY_KEYS and self._repository is None:
            raise RenderError(NO_REPOSITORY, token=None)
        self._new_build()
        for memo, calls in _CALLS.get(key, ()):
            self._call_once(memo, calls)
        if key in ("url", "baseurl"):
            self._call_once("repo_pages_info", 1)
            assert self._repository is not None
            self._call_once("html_url", self._repository.domain_lookups())
        elif key == "public_repositories":
            self._api_calls(1)
            self._site.warn("GitHub Metadata: Error processing value "
                            "'owner_public_repositories':")
            raise RenderError(_PUBLIC_REPOSITORIES_ERROR, token=None)
        return self._values.get(key)

    def liquid_lookup(self, key: object) -> tuple[bool, Any]:
        if not isinstance(key, str) or key not in self:
            return False, None
        return True, self.read(key)

    def keys(self) -> Any:
        """A ``for`` loop: the gem's drop yields each key with its value, all of them read."""
        for key in self._keys:
            self.read(key)
        return list(self._keys)

    def hash_for_json(self) -> dict[str, Any]:
        return {key: self.read(key) for key in self._keys}

    def __str__(self) -> str:
        from ..dialect.rubyvalues import to_json

        return to_json(self, pretty=True)

    # -- the gem's API client, offline -----------------------------------------------
    def _new_build(self) -> None:
        """The gem makes its client and repository anew for each build: so do the memos."""
        build = self._site.renderer
        if build is not self._build:
            self._build = build
            self._done = set()
            self._client = False

    def _call_once(self, memo: str, calls: int) -> None:
        if memo not in self._done:
            self._done.add(memo)
            self._api_calls(calls)

    def _api_calls(self, calls: int) -> None:
        if calls and not self._client:
            self._client = True
            if not self._has_token:
                self._site.warn(NO_AUTH)
        for _ in range(calls):
            self._site.warn(NO_INTERNET)


def edit_link(site_github: Any, page_path: Any) -> str | None:
    """The gem's ``{% github_edit_link %}`` URL: the repository's ``edit/`` page for the
    source branch and folder and the page's path; None when a part is missing."""
    from urllib.parse import quote

    if isinstance(site_github, (list, tuple, int)) and not isinstance(site_github, bool):
        from ..dialect.expressions import RenderError

        # the tag indexes site.github with a string: Ruby's Array#[] and Integer#[] refuse
        raise RenderError("no implicit conversion of String into Integer", token=None)

    def get(mapping: Any, key: str) -> Any:
        if isinstance(mapping, GithubMetadata):
            return mapping.read(key)
        return mapping.get(key) if isinstance(mapping, Mapping) else None

    repository_url = get(site_github, "repository_url")
    source = get(site_github, "source")
    source = source if _ruby_truthy(source) else {}
    parts = [repository_url, "edit/", get(source, "branch"), get(source, "path"), page_path]
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
    import re

    from ..dialect.expressions import evaluate, lookup_key, parse_expression
    from ..dialect.parsing import TagNode

    link_text_re = re.compile(r"(?:\"(.*)\"|'(.*)')")

    class EditLinkNode(TagNode):
        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            site: Any = getattr(context.env, "site", None)
            page = evaluate(parse_expression("page"), context)  # type: ignore[arg-type]
            page_path = lookup_key(page, "path", False)[1] if page is not None else None
            url = edit_link(site.config.get("github") if site is not None else None, page_path)
            if url is None:
                if site is not None:
                    site.warn(EDIT_LINK_WARNING)
                url = ""
            found = link_text_re.search(self.markup)
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
        """The gem's SiteGitHubMunger (``after_init``) and ``site.github`` (``pre_render``)."""
        config = site.config
        environ = os.environ
        pages = PagesEnvironment.from_environ(environ)
        nwo = _find_nwo(config, environ)
        repository = _Repository(nwo, pages) if nwo is not None else None
        values = metadata(site, environ)
        if _ruby_truthy(config.get("name")) and not _ruby_truthy(config.get("title")):
            site.warn(SITE_NAME_WARNING)
        elif not _ruby_truthy(config.get("title")) and repository is not None:
            config["title"] = (repository.name if values["is_project_page"]
                               else repository.owner)  # the owner's display name is API-only
        if not _ruby_truthy(config.get("description")) and repository is not None:
            config["description"] = None  # the repository's description is API-only
        jekyll_env = os.environ.get("JEKYLL_ENV") or "development"
        if (jekyll_env == "production" or pages.page_build) and repository is not None:
            parts = urlsplit(values["url"])
            if not _ruby_truthy(config.get("url")):
                config["url"] = f"{parts.scheme}://{parts.netloc}"
            if config.get("baseurl") is None or config.get("baseurl") == "/":
                config["baseurl"] = parts.path
        current = config.get("github")
        if current is None:
            config["github"] = GithubMetadata(site, values, repository, environ)
        elif isinstance(current, Mapping):
            # Merged over the drop, as the gem does with the API at hand. (Offline the gem
            # fails here: merging reads every value, public_repositories among them; a
            # site's own values are never what needs the network, so we merge.)
            config["github"] = GithubMetadata(site, values, repository, environ, current)
