"""Start-up shortcuts: they must change nothing but the time a run takes.

* ``_recache`` keeps compiled regular expressions between runs of the command: a
  pattern restored from the file must be the very pattern ``re`` compiles.
* ``_lazyimport`` defers python-liquid's optional dependencies: they must still
  work, in full, for a program that uses them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsletter_liquid import _recache
from newsletter_liquid.kramdown import patterns as kramdown_patterns

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not _recache.supported(),
                                reason="the regex cache applies to CPython 3.11-3.13 only")

#: patterns of every kind the engine knows: groups, names, flags, bytes,
#: look-arounds, backreferences, big Unicode classes, possessive-free repeats
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?", 0),
    (r"^\s*#+\s*(.*?)\s*#*$", re.M),
    (r"(?i)straße|STRASSE", 0),
    (r"(?<![\w.])(\w+)@(\w+)\.com(?!\w)", re.A),
    (r"(['\"])(.*?)\1", re.S),
    (r"[\u0080-\uFFFFa-zA-Z_][\u0080-\uFFFFa-zA-Z0-9_-]*", 0),
    (r"(?x) a # comment\n b+ (?=c)", 0),
    (rb"\x00[\x01-\x7f]+\xff", 0),
    (r"(?:(a)|b)(?(1)c|d)", 0),
    (r"x{2,5}?y*+z", 0),
    *[(p.pattern, p.flags & ~re.U) for p in vars(kramdown_patterns).values()
      if isinstance(p, re.Pattern)][:40],
]
SAMPLES = ["2024-01-02", "## Title ##\n", "STRASSE", "me@example.com", "'quoted'",
           "héllo_wörld", "abbbc", "ac", "xxyz", "# a\n{:.x}\n", "\t code\n"]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[_recache.RegexCache]:
    made = _recache.RegexCache(tmp_path / "regex.marshal")
    yield made
    made.uninstall()
    re.purge()


def _compile_all(cache: _recache.RegexCache) -> list[re.Pattern[str] | re.Pattern[bytes]]:
    re.purge()
    cache.install()
    try:
        return [re.compile(p, f) for p, f in PATTERNS]
    finally:
        cache.uninstall()
        re.purge()


@pytest.mark.parametrize("restored", [False, True], ids=["first-run", "from-file"])
def test_patterns_are_the_ones_re_compiles(
    cache: _recache.RegexCache, tmp_path: Path, restored: bool
) -> None:
    made = _compile_all(cache)
    if restored:
        cache.save()
        assert cache.path.exists()
        again = _recache.RegexCache(cache.path)
        again.load()
        assert set(again.entries) == {(p, f) for p, f in PATTERNS}
        made = _compile_all(again)
        assert again.new_cost == 0.0  # nothing compiled: all came from the file
    for (pattern, flags), got in zip(PATTERNS, made, strict=True):
        want = re.compile(pattern, flags)
        assert got is not want  # not the process's own cache
        assert got == want  # same pattern, flags and engine code
        assert (got.groups, got.groupindex) == (want.groups, want.groupindex)
        for sample in SAMPLES:
            text: str | bytes = sample.encode() if isinstance(pattern, bytes) else sample
            found = [m.group(0) for m in got.finditer(text)]  # type: ignore[arg-type]
            assert found == [m.group(0) for m in want.finditer(text)]  # type: ignore[arg-type]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-python", "not-a-dict"])
def test_a_bad_file_is_ignored(cache: _recache.RegexCache, damage: str) -> None:
    _compile_all(cache)
    cache.save()
    data = cache.path.read_bytes()
    if damage == "garbage":
        cache.path.write_bytes(b"\x00not marshal at all")
    elif damage == "truncated":
        cache.path.write_bytes(data[: len(data) // 2])
    else:
        import marshal

        stamp, entries = marshal.loads(data)
        stamp = ("another", *stamp[1:]) if damage == "other-python" else stamp
        cache.path.write_bytes(marshal.dumps((stamp, entries if damage != "not-a-dict" else [])))
    fresh = _recache.RegexCache(cache.path)
    fresh.load()
    assert fresh.entries == {}
    assert _compile_all(fresh) == [re.compile(p, f) for p, f in PATTERNS]


def test_cheap_new_patterns_do_not_rewrite_the_file(cache: _recache.RegexCache) -> None:
    _compile_all(cache)
    cache.save()
    before = cache.path.stat().st_mtime_ns
    again = _recache.RegexCache(cache.path)
    again.load()
    re.purge()
    again.install()
    try:
        re.compile("one new cheap pattern")
    finally:
        again.uninstall()
    assert 0 < again.new_cost < _recache.SAVE_THRESHOLD
    again.save()
    assert cache.path.stat().st_mtime_ns == before


def test_the_command_keeps_its_patterns(tmp_path: Path) -> None:
    """A real run of the program fills the cache; a second run compiles nothing new."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2024-01-02-hello.md").write_text("---\ntitle: Hi\n---\n# Hi *there*\n")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1704067200"}
    cmd = [sys.executable, "-m", "newsletter_liquid", "check", "-s", str(site)]
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    path = _recache.default_path_in(tmp_path / "cache")
    assert path.exists()
    first = path.stat().st_mtime_ns
    probe = (f"import sys; sys.argv = {cmd[2:]!r}; from newsletter_liquid import _recache; "
             "c = _recache.enable(); from newsletter_liquid.cli import _run; _run(sys.argv[1:]);"
             " print(c.new_cost, len(c.used))")
    out = subprocess.run([sys.executable, "-c", probe], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert float(out[0]) < _recache.SAVE_THRESHOLD and int(out[1]) > 100
    assert path.stat().st_mtime_ns == first
    off = subprocess.run(cmd, env={**env, "NEWSLETTER_LIQUID_REGEX_CACHE": "0",
                                   "XDG_CACHE_HOME": str(tmp_path / "other")},
                         capture_output=True)
    assert off.returncode == 0 and not (tmp_path / "other").exists()


# -- python-liquid's optional dependencies, deferred -----------------------------------

_PROBE = r"""
import json, sys
before = set(sys.modules)
{setup}
import newsletter_liquid.dialect
from newsletter_liquid._lazyimport import DEFERRED
loaded = sorted(m for m in sys.modules if m.partition(".")[0] in DEFERRED
                and m not in before and type(sys.modules[m]).__name__ != "_DeferredModule")
{use}
print(json.dumps({{"loaded": loaded, "result": result}}))
"""

USES = {
    "asyncio": ("import asyncio, liquid\n"
                "env = liquid.Environment()\n"
                "result = asyncio.run(env.from_string('{{ 1 | plus: 2 }}').render_async())"),
    "babel": ("from babel import dates, numbers\nimport datetime\n"
              "result = [dates.format_date(datetime.date(2024, 1, 2), locale='en_US'),\n"
              "          numbers.format_decimal(1234.5, locale='de_DE')]"),
    "dateutil": ("from dateutil import parser\n"
                 "result = parser.parse('2024-01-02T03:04:05').isoformat()"),
    # python-liquid's own name for Babel's catalog, and Babel's, are the real class
    "catalog": ("import liquid.messages\nfrom babel.messages import Catalog\n"
                "made = liquid.messages.Catalog(project='x')\n"
                "result = [type(made) is Catalog, made.project]"),
}
EXPECTED = {
    "asyncio": "3",
    "babel": ["Jan 2, 2024", "1.234,5"],
    "dateutil": "2024-01-02T03:04:05",
    "catalog": [True, "x"],
}


def _probe(setup: str, use: str) -> dict[str, object]:
    code = _PROBE.format(setup=setup, use=use)
    out = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(ROOT)},
                         check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(out)
    return result


#: what deferring saves
HEAVY = ["asyncio", "babel.dates", "babel.messages.catalog", "babel.numbers",
         "concurrent.futures", "dateutil.parser", "importlib_resources"]


def test_importing_the_dialect_runs_none_of_the_heavy_ones() -> None:
    loaded = _probe("", "result = None")["loaded"]
    assert isinstance(loaded, list)
    assert [m for m in HEAVY if m in loaded] == [], "python-liquid now runs them at import"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_program_using_them_gets_them_whole(name: str) -> None:
    assert _probe("", USES[name])["result"] == EXPECTED[name]


def test_modules_imported_before_are_left_alone() -> None:
    got = _probe("import asyncio, dateutil.parser", USES["asyncio"])
    assert got["result"] == "3"


def test_invalid_patterns_and_bad_entries_go_to_re_itself(cache: _recache.RegexCache) -> None:
    with pytest.raises(re.error) as plain:
        re.compile("(unclosed[")
    re.purge()
    cache.entries[("x+y", 0)] = (0, b"\x00", 0, {}, ())  # engine code that cannot load
    cache.install()
    try:
        with pytest.raises(re.error) as hooked:
            re.compile("(unclosed[")
        assert str(hooked.value) == str(plain.value)
        assert re.compile("x+y").fullmatch("xxy")
    finally:
        cache.uninstall()
        re.purge()
    assert ("(unclosed[", 0) not in cache.entries
