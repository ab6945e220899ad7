#!/usr/bin/env python3
"""Regenerate tests/data/yaml_plain_scalars.json: what Psych (Ruby 3.1's, as Jekyll 4.3.1
loads front matter: YAML.safe_load with aliases, dates and times allowed) makes of each
plain scalar in the list below and of a seeded random sample, as ``k: <scalar>``.

    python scripts/regen_yaml_scalars.py     # needs ruby
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "yaml_plain_scalars.json"

CHOSEN = [
    "1,000", "1_000", "0b101", "0x1F", "0X1F", "017", "0o17", "1,0.5", ".5", "1.", "1e3",
    "1.0e+3", "+.inf", "-.INF", ".NaN", "0_1", "09", "1__2", "1:2.", "0.1_5", "1,2,3", "-0",
    "1_", "0x_1", "1e-3", "1.5E+2", "12e", "12:30", "19:00", "1:2:3", "1:2:3:4", "-1:30",
    "1:30.5", "12:61", "1_0:30", "+1:30", "tRuE", "nULL", "Null", "~", "yes", "Yes please",
    "y", "n", "on", "OFF", "2024-1-5", "2024-02-30", "2024-00-05", "2024-01-02 10:00:00",
    "2024-01-02T10:00:00Z", "2024-01-02 10:00:00 -5", "2024-01-02 10:00:00 +05:30",
    "2018-11-07 10:00:00 -0500", "10:00", "9:05", "0:00", "1.2.3", "+", "-", "+.", ".",
    "_1", "é", "Ⅻ", "=", "abc", "a1", "1a", "100%", "$5", "#tag", "@", "0", "00", "0.0",
    "-.5", "+.5", "1,", "3.14159", "6.02e+23", "1e+400", "0x", "0b", "0b2", "08", "0777",
]
ALPHABET = (list("0123456789") * 4 + list("+-.:,_eExXbBoO") * 2
            + list("yesnotrufalsNULLInfna~ ") + ["T", "Z", "2024-01-02", "12:30", " 10:00:00"])

RUBY = r'''
require "json"; require "yaml"; require "date"
out = JSON.parse(STDIN.read).map do |v|
  begin
    x = YAML.safe_load("k: #{v}\n", permitted_classes: [Date, Time], aliases: true)["k"]
    case x
    when Integer then [v, "int", x.to_s]
    when Float then [v, "float", x.nan? ? "nan" : x.to_s]
    when TrueClass, FalseClass then [v, "bool", x.to_s]
    when NilClass then [v, "nil", ""]
    when String then [v, "str", x]
    when Time then [v, "time", x.strftime("%Y-%m-%dT%H:%M:%S.%N%:z")]
    when Date then [v, "date", x.to_s]
    else [v, "other", x.class.name]
    end
  rescue Psych::Exception, ArgumentError => e
    [v, "error", e.class.name]
  end
end
puts "[\n" + out.map { |o| JSON.generate(o) }.join(",\n") + "\n]"
'''


def main() -> None:
    rng = random.Random(11)
    sample: set[str] = set()
    while len(sample) < 400:
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 7))).strip()
        if text and not text.startswith(("-", "~ ", ",", "#")) and ": " not in text:
            sample.add(text)
    values = list(dict.fromkeys([*CHOSEN, *sorted(sample)]))
    result = subprocess.run(["ruby", "-e", RUBY], input=json.dumps(values), text=True,
                            capture_output=True, check=True, env={"TZ": "UTC", "PATH": "/usr/bin"})
    OUT.write_text(result.stdout, "utf-8")
    print(f"{len(values)} scalars -> {OUT}")


if __name__ == "__main__":
    main()
