"""Regenerate tests/data/highlight/cases.json by running real rouge/kramdown on snippets.json,
and lexers/LANG.cases.json from lexers/LANG.snippets.json (one pair per ported lexer).

Needs Ruby with the kramdown 2.4 and rouge 3.30 gems (as Jekyll 4.3.1 installs them).
Each snippet is ``{"fn": "kramdown"|"tag", "lang", "code", "kind"?, "opts"?, "linenos"?}``:
``kramdown`` calls kramdown's rouge highlighter (what ``highlight()`` mirrors), ``tag``
formats the way Jekyll's ``{% highlight %}`` tag does (what ``format_code()`` mirrors).

    python scripts/regen_highlight_expectations.py          # everything
    python scripts/regen_highlight_expectations.py scala    # lexers/scala.* only
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "highlight"
JEKYLL_OPTS = {"default_lang": "plaintext", "guess_lang": True}

ORACLE = r"""
require 'json'
require 'kramdown'
require 'rouge'
require 'kramdown/converter/syntax_highlighter/rouge'

Converter = Struct.new(:data, :options)

def kramdown_call(req)
  options = Kramdown::Options.merge(syntax_highlighter_opts: req['opts'])
  call_opts = {}
  out = Kramdown::Converter::SyntaxHighlighter::Rouge.call(
    Converter.new({}, options), req['code'], req['lang'], req['kind'].to_sym, call_opts)
  { 'expected' => out, 'default_lang' => call_opts[:default_lang] }
end

def tag_call(req)
  formatter = Rouge::Formatters::HTML.new
  if req['linenos']
    formatter = Rouge::Formatters::HTMLTable.new(
      formatter, css_class: 'highlight', gutter_class: 'gutter', code_class: 'code')
  end
  lexer = Rouge::Lexer.find_fancy(req['lang'], req['code']) || Rouge::Lexers::PlainText
  { 'expected' => formatter.format(lexer.lex(req['code'])), 'tag' => lexer.tag }
end

requests = JSON.parse($stdin.read)
puts JSON.generate(requests.map { |r| r['fn'] == 'tag' ? tag_call(r) : kramdown_call(r) })
"""


def _expectations(snippets: list[dict[str, object]]) -> list[dict[str, object]]:
    requests = []
    for snippet in snippets:
        request = {"fn": "kramdown", "kind": "block", **snippet}
        if request["fn"] == "kramdown":
            request.setdefault("opts", JEKYLL_OPTS)
        requests.append(request)
    result = subprocess.run(
        ["ruby", "-e", ORACLE],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
    )
    answers = json.loads(result.stdout)
    return [{**request, **answer} for request, answer in zip(requests, answers, strict=True)]


def _write(path: Path, cases: list[dict[str, object]]) -> None:
    path.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path.relative_to(DATA.parent.parent.parent)}: {len(cases)} cases")


def main(argv: list[str]) -> None:
    """No argument: every file; ``LANG ...``: only ``lexers/LANG.snippets.json``."""
    if not argv:
        snippets = json.loads((DATA / "snippets.json").read_text(encoding="utf-8"))
        _write(DATA / "cases.json", _expectations(snippets))
    wanted = set(argv)
    for path in sorted((DATA / "lexers").glob("*.snippets.json")):
        lang = path.name.removesuffix(".snippets.json")
        if wanted and lang not in wanted:
            continue
        snippets = json.loads(path.read_text(encoding="utf-8"))
        _write(path.with_name(f"{lang}.cases.json"), _expectations(snippets))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
