#!/usr/bin/env bash
# Regenerate <site>.expected/ beside each of our own test sites with real Jekyll 4.3.1,
# deterministically.
#
#   apt-get install -y jekyll faketime ruby-jekyll-feed ruby-jekyll-seo-tag \
#     ruby-jekyll-paginate ruby-jekyll-redirect-from ruby-jekyll-sitemap \
#     ruby-jekyll-archives ruby-jekyll-gist ruby-jekyll-toc ruby-jekyll-readme-index \
#     ruby-jekyll-optional-front-matter ruby-jekyll-titles-from-headings \
#     ruby-jekyll-default-layout ruby-jekyll-relative-links ruby-jekyll-include-cache \
#     ruby-jekyll-github-metadata ruby-jekyll-mentions ruby-jekyll-avatar   # Debian 12
#   scripts/regen_fixture_expected.sh [SITE_DIR ...]
#
# Default: every site in fixtures/, tests/data/jekyll_sites/ and tests/data/theme_sites/
# (whose theme gems are in tests/data/gems) that has a <site>.expected/
# already (sites meant to fail, such as fixtures/check-site, have none).
#
# Each site is copied to a temp folder and built there with the clock frozen at
# SOURCE_DATE_EPOCH (default 1704067200), TZ=UTC, JEKYLL_ENV=development, and
# directory listings sorted (Jekyll otherwise reads folders in filesystem order).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
epoch=${SOURCE_DATE_EPOCH:-1704067200}
command -v jekyll >/dev/null || { echo "jekyll not found (apt-get install -y jekyll faketime)" >&2; exit 2; }
command -v faketime >/dev/null || { echo "faketime not found" >&2; exit 2; }

sites=()
for arg in "$@"; do sites+=("$(cd "$arg" && pwd)"); done
if [[ ${#sites[@]} -eq 0 ]]; then
  for d in "$here"/fixtures/*/ "$here"/tests/data/jekyll_sites/*/ "$here"/tests/data/theme_sites/*/; do
    [[ -f "$d/_config.yml" && -d "${d%/}.expected" ]] && sites+=("${d%/}")
  done
fi

# The theme gems of tests/data/gems (a trailing ':' keeps RubyGems' own folders too).
export GEM_PATH="$here/tests/data/gems:${GEM_PATH:-}"

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

for src in "${sites[@]}"; do
  out="$src.expected"
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
  echo "${out#"$here"/}: $(find "$out" -type f | wc -l) files"
done
