#!/usr/bin/env bash
# Rebuilds the PHI detector's name lists in src/Core/Clinical/Phi/Lists from two permissive sources:
#   - the npm package random-name 0.1.2 (MIT; its lists come from Grady Ward's Moby word list, public
#     domain): first-names.txt (first names) and names.txt (surnames and male first names);
#   - Debian's wamerican (SCOWL, permissive licence, see /usr/share/doc/wamerican/copyright): a name that
#     is also an ordinary lower-case English word ("will", "grace", "brown") goes to common-words.txt, so
#     that it counts as a name only after a cue ("doctor Brown").
# Needs npm and wamerican (apt-get install -y wamerican). Output is committed; run this only to refresh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/Core/Clinical/Phi/Lists
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent random-name@0.1.2 >/dev/null && tar xzf random-name-0.1.2.tgz)
lower() { tr -d '\r' | tr 'A-Z' 'a-z' | grep -E "^[a-z']+$" | sort -u; }
lower < "$work/package/first-names.txt" > "$out/first-names.txt"
lower < "$work/package/names.txt" > "$out/surnames.txt"
grep -E "^[a-z]+$" /usr/share/dict/american-english | sort -u > "$work/english.txt"
sort -u "$out/first-names.txt" "$out/surnames.txt" | comm -12 - "$work/english.txt" > "$out/common-words.txt"
wc -l "$out"/*.txt
