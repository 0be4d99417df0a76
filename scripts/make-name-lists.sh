#!/usr/bin/env bash
# Rebuilds the PHI detector's name lists in src/Core/Clinical/Phi/Lists from two permissive sources:
#   - the npm package random-name 0.1.2 (MIT; its lists come from Grady Ward's Moby word list, public
#     domain): first-names.txt (first names) and names.txt (surnames and male first names);
#   - Debian's wamerican (SCOWL, permissive licence, see /usr/share/doc/wamerican/copyright): a name that
#     is also an ordinary lower-case English word ("will", "grace", "brown") goes to common-words.txt, so
#     that it counts as a name only after a cue ("doctor Brown");
#   - the 1990 US Census's ranked names (a US government work, public domain) as Debian's libtext-names-perl
#     (Text::Names 0.46, bookworm main) embeds them: first names (male and female lists) and the top 1000 surnames,
#     each with its frequency in per cent, to census-first-names.txt and census-surnames.txt ("name<TAB>percent",
#     commonest first; a first name's percent is the mean of its male and female frequency, as Text::Names's
#     firstnamePrevalence gives it, i.e. its share of all people).
# Needs npm, wamerican and libtext-names-perl (installed here when missing). Output is committed; run this only to
# refresh: the build and the tests read the committed lists.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh
install_missing wamerican libtext-names-perl
out=src/Core/Clinical/Phi/Lists
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent random-name@0.1.2 >/dev/null && tar xzf random-name-0.1.2.tgz)
lower() { tr -d '\r' | tr 'A-Z' 'a-z' | grep -E "^[a-z']+$" | sort -u; }
lower < "$work/package/first-names.txt" > "$out/first-names.txt"
lower < "$work/package/names.txt" > "$out/surnames.txt"
grep -E "^[a-z]+$" /usr/share/dict/american-english | sort -u > "$work/english.txt"
sort -u "$out/first-names.txt" "$out/surnames.txt" | comm -12 - "$work/english.txt" > "$out/common-words.txt"

# The census lists are here-documents in Text/Names.pm ("NAME  percent  cumulative  rank", one a line, though the
# surnames' first line holds two records, so records are matched rather than lines).
names_pm=/usr/share/perl5/Text/Names.pm
census() { # $1: the here-document's variable; prints "name<TAB>percent"
  awk -v start="\$$1 = <<ENDNAMES;" '$0 == start { on = 1; next } on && $0 == "ENDNAMES" { exit } on' "$names_pm" \
    | grep -oE "[A-Z'-]+ +[0-9]+\.[0-9]+ +[0-9]+\.[0-9]+ +[0-9]+" | awk '{ print tolower($1) "\t" $2 }'
}
census COMMON_MALE_FIRSTNAMES > "$work/male.tsv"
census COMMON_FEMALE_FIRSTNAMES > "$work/female.tsv"
# A name on both lists (e.g. "jean") sums the two; halved, it is a share of all people, not of one sex.
cat "$work/male.tsv" "$work/female.tsv" \
  | awk -F'\t' '{ p[$1] += $2 } END { for (n in p) printf "%s\t%.4f\n", n, p[n] / 2 }' \
  | sort -t$'\t' -k2,2gr -k1,1 > "$out/census-first-names.txt"
census COMMON_SURNAMES | awk -F'\t' '{ printf "%s\t%.4f\n", $1, $2 }' | sort -t$'\t' -k2,2gr -k1,1 > "$out/census-surnames.txt"
wc -l "$out"/*.txt
