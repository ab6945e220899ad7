#!/usr/bin/env bash
# Regenerate fixtures/<site>.expected/ with real Jekyll 4.3.1, deterministically.
#
#   apt-get install -y jekyll faketime      # Debian 12: Jekyll 4.3.1, kramdown 2.4, rouge 3.30
#   scripts/regen_fixture_expected.sh [SITE ...]   # default: every folder in fixtures/ with a _config.yml
#
# Each site is copied to a temp folder and built there with the clock frozen at
# SOURCE_DATE_EPOCH (default 1704067200), TZ=UTC, JEKYLL_ENV=development, and
# directory listings sorted (Jekyll otherwise reads folders in filesystem order).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
epoch=${SOURCE_DATE_EPOCH:-1704067200}
command -v jekyll >/dev/null || { echo "jekyll not found (apt-get install -y jekyll faketime)" >&2; exit 2; }
command -v faketime >/dev/null || { echo "faketime not found" >&2; exit 2; }

sites=("$@")
if [[ ${#sites[@]} -eq 0 ]]; then
  for d in "$here"/fixtures/*/; do
    [[ -f "$d/_config.yml" ]] && sites+=("$(basename "$d")")
  done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/sorted_entries.rb" <<'RUBY'
class Dir
  class << self
    alias_method :__unsorted_entries, :entries
    def entries(*args, **kw) = __unsorted_entries(*args, **kw).sort
  end
end
RUBY

for name in "${sites[@]}"; do
  src="$here/fixtures/$name"
  out="$here/fixtures/$name.expected"
  rm -rf "$tmp/src" "$tmp/out"
  cp -a "$src" "$tmp/src"
  (
    cd "$tmp/src"
    TZ=UTC JEKYLL_ENV=development SOURCE_DATE_EPOCH="$epoch" LC_ALL=C.UTF-8 LANG=C.UTF-8 \
      FAKETIME_FMT=%s DONT_FAKE_MONOTONIC=1 RUBYOPT="-r$tmp/sorted_entries.rb" \
      faketime -f "$epoch" jekyll build --quiet --source "$tmp/src" --destination "$tmp/out"
  )
  rm -rf "$out"
  cp -a "$tmp/out" "$out"
  echo "fixtures/$name.expected: $(find "$out" -type f | wc -l) files"
done
