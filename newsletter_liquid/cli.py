"""The ``newsletter-liquid`` command: build, render (and check) like ``jekyll build``.

Bad input never shows a traceback: every error of ours prints as
``path:line:col: message`` and the exit status is 1; usage errors exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from .site import Site

__all__ = ["main"]


def _split_configs(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-s", "--source", help="site folder (default: current folder)")
    parser.add_argument(
        "--config", metavar="FILES",
        help="comma-separated config files, merged in order (default: SOURCE/_config.yml)",
    )
    parser.add_argument("-D", "--drafts", action="store_true", help="render posts in _drafts")
    parser.add_argument("--future", action="store_true", help="publish posts dated in the future")
    parser.add_argument("--unpublished", action="store_true",
                        help="render documents marked published: false")
    parser.add_argument("-b", "--baseurl", help="serve the site from this base URL")
    parser.add_argument("--safe", action="store_true", help="safe mode (ignore symlinks outside)")


def _build_options(parser: argparse.ArgumentParser) -> None:
    _site_options(parser)
    parser.add_argument("-d", "--destination",
                        help="output folder (default: _site in the working folder, as Jekyll's)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("-V", "--verbose", action="store_true", help="print every file written")
    parser.add_argument("--no-cache", action="store_true",
                        help="render everything and leave no cache (default: reuse what did "
                        "not change since the last build, cached in "
                        "SOURCE/.newsletter-liquid-cache)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="keep the build cache in DIR "
                        "(default: SOURCE/.newsletter-liquid-cache)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="render with N processes (default: 1)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsletter-liquid",
        description="Render Jekyll sites byte-identically to Jekyll 4.3.1.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the whole site, like `jekyll build`")
    _build_options(build)
    build.add_argument("-w", "--watch", action="store_true",
                       help="build again whenever a file of the site changes (Ctrl-C stops)")
    serve = sub.add_parser(
        "serve", help="build, watch and preview the site locally, like `jekyll serve`",
        description="Build the site, serve the destination on a local web server and build "
        "again whenever a file changes (Ctrl-C stops). As under `jekyll serve`, site.url "
        "is the server's address (unless JEKYLL_ENV is not development) and site.serving "
        "is true.")
    _build_options(serve)
    serve.add_argument("-H", "--host", default="127.0.0.1",
                       help="host to bind to (default: 127.0.0.1)")
    serve.add_argument("-P", "--port", type=int, default=4000, help="port (default: 4000)")
    serve.add_argument("--no-watch", action="store_true",
                       help="serve the first build without watching for changes")
    render = sub.add_parser("render", help="print one page's final HTML")
    _site_options(render)
    render.add_argument("file", help="the page or post to render")
    check = sub.add_parser(
        "check", help="validate posts and pages (for pre-commit and CI)",
        description="Check FILES (default: the whole site) without building the site. "
        "Exit 0 when clean, 1 on findings at or above --fail-on, 2 on usage or internal error.",
    )
    _site_options(check)
    check.add_argument("files", nargs="*", metavar="FILES",
                       help="files to check; files that are not documents are skipped")
    check.add_argument("--format", choices=("human", "json", "github"), default="human",
                       help="output format (default: human)")
    check.add_argument("-j", "--jobs", type=int, default=None,
                       help="processes to render with (default: 1 for FILES, up to 4 for "
                       "the whole site)")
    check.add_argument("--fail-on", choices=("info", "warning", "error"), default=None,
                       help="lowest severity that fails the check (default: error, or "
                       "newsletter_liquid.check.fail_on in _config.yml)")
    check.add_argument("--no-cache", action="store_true",
                       help="parse every file's front matter (default: reuse what the last "
                       "build or check parsed, when SOURCE/.newsletter-liquid-cache exists)")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="keep what reading the site parsed in DIR (created when missing)")
    return parser


def _find_source(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding a _config.yml (else ``start``)."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *folder.parents]:
        if (candidate / "_config.yml").exists() or (candidate / "_config.yaml").exists():
            return candidate
    return folder


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    overrides: dict[str, object] = {}
    if getattr(args, "destination", None):
        overrides["destination"] = args.destination  # as given: Liquid's site.destination
    if args.baseurl is not None:
        overrides["baseurl"] = args.baseurl
    if args.safe:
        overrides["safe"] = True
    if args.command == "serve" and (os.environ.get("JEKYLL_ENV") or "development") == \
            "development":
        host = "localhost" if args.host == "127.0.0.1" else args.host
        overrides["url"] = f"http://{host}:{args.port}"
    return overrides


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; returns the exit status.

    ``main()`` without arguments is the program itself (the ``newsletter-liquid``
    script, ``python -m newsletter_liquid``): it reads ``sys.argv`` and ends the process
    with the status once its output is flushed, without the interpreter's teardown of
    everything a build loaded (tens of milliseconds, a tenth of a rebuild), and with
    compiled regular expressions kept between runs (``_recache``).
    """
    if argv is not None:
        return _run(argv)
    import gc

    from . import _recache

    # A run is short and frees nearly everything by reference counting: importing and
    # reading allocate hundreds of thousands of objects, and the collector's default
    # rhythm would scan them again and again (the full collections cost milliseconds).
    gc.set_threshold(50_000, 20, 20)
    regex_cache = _recache.enable()
    status = _run(argv)
    if regex_cache is not None:
        regex_cache.save()
    _exit(status)


def _exit(status: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (``| head``): nothing more can be said
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    from .errors import NewsletterLiquidError

    try:
        if args.command in ("build", "serve"):
            if args.command == "serve":
                args.watch = not args.no_watch
            return _build(args)
        if args.command == "render":
            return _render(args)
        if args.command == "check":
            return _check(args)
    except NewsletterLiquidError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours, not bad input: say so in one line
        if os.environ.get("NEWSLETTER_LIQUID_TRACEBACK"):
            raise
        print(
            f"newsletter-liquid: internal error: {type(exc).__name__}: {exc} "
            "(set NEWSLETTER_LIQUID_TRACEBACK=1 to see where, and please report it)",
            file=sys.stderr,
        )
        return 2
    return 2


def _load(args: argparse.Namespace, source: Path,  # type: ignore[no-untyped-def]
          cache_dir: Path | None = None):
    from .site import Site

    return Site.load(
        source, _split_configs(args.config), overrides=_overrides(args),
        drafts=args.drafts, future=True if args.future else None,
        unpublished=True if args.unpublished else None, cache_dir=cache_dir,
        serving=args.command == "serve",
    )


def _build(args: argparse.Namespace) -> int:
    import gc

    source = Path(args.source or ".")
    cache_dir = None
    if not args.no_cache:
        from .readcache import CACHE_DIR_NAME

        cache_dir = Path(args.cache_dir) if args.cache_dir else source.resolve() / CACHE_DIR_NAME
        inside = _inside(cache_dir, source)
        if inside is not None and not inside.startswith((".", "_")):
            print("newsletter-liquid build: --cache-dir inside the source must start with '.' "
                  "or '_' (else the site would read the cache as content)", file=sys.stderr)
            return 2
    if args.jobs < 1:
        print("newsletter-liquid build: --jobs must be 1 or more", file=sys.stderr)
        return 2
    site = _load(args, source, cache_dir)
    # A build allocates much and frees most of it by reference counting: the site just
    # read stays to the end (frozen: never scanned again) and collections run less often.
    if not args.watch:
        gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    dest = Path(args.destination) if args.destination else None
    _build_once(args, site, dest, cache_dir)
    if args.command != "serve":
        if args.watch:
            _watch(args, source, dest, cache_dir, site)
        return 0
    import threading

    from .serve import start_server

    try:
        server = start_server(dest or Path(site.config["destination"]), host=args.host,
                              port=args.port, baseurl=str(site.config.get("baseurl") or ""))
    except OSError as exc:
        print(f"newsletter-liquid serve: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"    Server address: {server.url}", flush=True)
        print("  Server running... press ctrl-c to stop.", flush=True)
    try:
        if args.watch:
            _watch(args, source, dest, cache_dir, site)
        else:
            with contextlib.suppress(KeyboardInterrupt):
                threading.Event().wait()
    finally:
        server.shutdown()
    return 0


def _build_once(args: argparse.Namespace, site: Site, dest: Path | None,
                cache_dir: Path | None) -> None:
    if not args.quiet:
        # what reading said (and, for a refreshed site, the generators: they do not run
        # again), then the rest as it comes
        for message in site.warnings:
            print(message, file=sys.stderr)
        site.on_warning = lambda message: print(message, file=sys.stderr)
    written = site.build(dest, cache_dir=cache_dir, jobs=args.jobs)
    if args.verbose:
        for rel in written:
            print(f"  Writing: {rel}")
        if site.cache_stats:
            stats = site.cache_stats
            print(f"  Cache: {stats.get('reused', 0)} reused, "
                  f"{stats.get('rendered', 0)} rendered")
    if not args.quiet:
        target = dest or Path(site.config["destination"])
        print(f"Built {len(written)} files into {os.path.relpath(target)}")


def _watch(args: argparse.Namespace, source: Path, dest: Path | None,
           cache_dir: Path | None, site: Site) -> None:
    """``jekyll build --watch``: a rebuild per change; an error is printed, not fatal."""
    import time

    from .errors import NewsletterLiquidError
    from .watch import watch

    state: dict[str, Site] = {"site": site}
    built = [True]  # the site in ``state`` was built without an error

    def ignored() -> tuple[list[Path], list[str]]:
        current = state["site"]
        folders = [dest or Path(current.config["destination"])]
        if cache_dir is not None:
            folders.append(cache_dir)
        names = [str(e) for e in current.config.get("exclude") or [] if "/" not in str(e)]
        return folders, names

    def rebuild(changed: list[str]) -> None:
        start = time.perf_counter()
        if not args.quiet:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            print(f"      Regenerating: {len(changed)} file(s) changed at {stamp}")
            for rel in changed[:5]:
                print(f"                    {rel}")
            if len(changed) > 5:
                print(f"                    ...and {len(changed) - 5} more")
        try:
            # a body edit updates the site built last; anything else reads it again
            if not (built[0] and state["site"].refresh(changed)):
                built[0] = False
                state["site"] = _load(args, source, cache_dir)
            _build_once(args, state["site"], dest, cache_dir)
        except NewsletterLiquidError as exc:
            built[0] = False
            print(str(exc), file=sys.stderr)
            return
        built[0] = True
        if not args.quiet:
            print(f"                    ...done in {time.perf_counter() - start:.3f} seconds.",
                  flush=True)

    if not args.quiet:
        print(f" Auto-regeneration: enabled for '{os.path.relpath(source)}'", flush=True)
    watch(source, rebuild, ignore=ignored)


def _inside(path: Path, folder: Path) -> str | None:
    """The first part of ``path`` below ``folder`` (None when it is not inside)."""
    try:
        parts = path.resolve().relative_to(folder.resolve()).parts
    except ValueError:
        return None
    return parts[0] if parts else ""


def _check(args: argparse.Namespace) -> int:
    from .check.engine import CheckUsageError, run_check_with_settings
    from .check.findings import severity_rank
    from .check.report import format_findings, summary

    source = Path(args.source) if args.source else Path(".")
    try:
        findings, settings = run_check_with_settings(
            args.files or None, source, config_files=_split_configs(args.config),
            overrides=_overrides(args), drafts=args.drafts,
            future=True if args.future else None,
            unpublished=True if args.unpublished else None, jobs=args.jobs,
            cache_dir=args.cache_dir, use_cache=not args.no_cache,
        )
    except CheckUsageError as exc:
        print(f"newsletter-liquid check: {exc.message}", file=sys.stderr)
        return 2
    sys.stdout.write(format_findings(findings, args.format))
    if findings and args.format == "human":
        print(summary(findings), file=sys.stderr)
    threshold = severity_rank(args.fail_on or settings.fail_on or "error")
    return 1 if any(severity_rank(f.severity) >= threshold for f in findings) else 0


def _render(args: argparse.Namespace) -> int:
    file = Path(args.file)
    source = Path(args.source) if args.source else _find_source(file.resolve())
    site = _load(args, source)
    site.on_warning = lambda message: print(message, file=sys.stderr)
    sys.stdout.write(site.render(file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
