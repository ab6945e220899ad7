"""Regenerate tests/data/filters/expected.json by rendering cases.txt with real Jekyll.

Needs Ruby with Jekyll 4.3.1 (liquid 5.4) and ``faketime``. Each non-comment line of
``cases.txt`` is one template (``\\n`` stands for a newline), rendered on a small site
(timezone America/New_York, url https://example.com, baseurl /blog) at the frozen
instant 2024-01-01T00:00:00Z with the variables of ``vars.json``; the result is the
output or, when Jekyll fails, ``{"error": message}``.

    python scripts/regen_filter_expectations.py
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "filters"
CONFIG = 'timezone: "America/New_York"\nurl: "https://example.com"\nbaseurl: "/blog"\n'

ORACLE = r"""
require "jekyll"
require "json"
Jekyll.logger.log_level = :error
site = Jekyll::Site.new(Jekyll.configuration(
  "source" => ARGV[0], "destination" => File.join(ARGV[0], "_site"), "quiet" => true))
site.reset
site.read
payload = site.site_payload
JSON.parse(File.read(ARGV[1])).each { |k, v| payload[k] = v }
STDIN.each_line.with_index do |line, i|
  text = line.chomp.gsub("\\n", "\n")
  info = { registers: { site: site, page: {} }, strict_filters: false, strict_variables: false }
  begin
    template = site.liquid_renderer.file("case#{i}.html").parse(text)
    puts JSON.generate({ "output" => template.render!(payload, info) })
  rescue StandardError => e
    puts JSON.generate({ "error" => e.message.lines.first.to_s.strip })
  end
end
"""


def main() -> None:
    lines = [
        line for line in (DATA / "cases.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "_config.yml").write_text(CONFIG, "utf-8")
        result = subprocess.run(
            ["faketime", "-f", "2024-01-01 00:00:00", "ruby", "-e", ORACLE, tmp,
             str(DATA / "vars.json")],
            input="\n".join(lines) + "\n", capture_output=True, text=True, check=True,
            env={**os.environ, "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
    answers = [json.loads(out) for out in result.stdout.splitlines() if out.startswith("{")]
    if len(answers) != len(lines):
        raise SystemExit(f"expected {len(lines)} answers, got {len(answers)}:\n{result.stderr}")
    cases = [{"template": t, **a} for t, a in zip(lines, answers, strict=True)]
    (DATA / "expected.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    print(f"{len(cases)} cases written")


if __name__ == "__main__":
    main()
