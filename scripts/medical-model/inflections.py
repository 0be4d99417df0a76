#!/usr/bin/env python3
"""Plural forms of the word lists' anatomy, symptoms and conditions, and the spoken expansions of the
clinical shorthand (spoken.py), each once in a short carrier sentence: "examination of the shins",
"recurrent fevers", "urea and electrolytes". The general model lacks many plurals ("shins" is not
among its words), and an expansion no note happens to use would otherwise have no n-grams at all.

A plural is made only for a noun that Debian's hunspell en-US dictionary marks as taking one (its
affix flag S), with that flag's rules; Latin and Greek singulars (-itis, -ia, -us, …) are left alone.

  python3 inflections.py SOURCES_DIR [HUNSPELL_DIC ...] > sentences.txt
"""
import hashlib
import pathlib
import re
import sys

from spoken import SHORTHAND, us_spelling

PATTERNS = {
    "anatomy": ["both {t}", "pain in the {t}", "examination of the {t}", "swollen {t}"],
    "clinical-terms": ["no {t}", "any {t}", "recurrent {t}", "complaining of {t}"],
    "conditions": ["recurrent {t}", "history of {t}", "no further {t}"],
}
IRREGULAR = {"calf": "calves", "foot": "feet", "tooth": "teeth", "half": "halves"}
NOT_PLURALISED = re.compile(r"(itis|ia|us|is|ix|ax|um|ism|ss|ness)$")


def countable(paths: list[str]) -> set[str]:
    """Nouns that hunspell's dictionaries mark as taking a plural (affix flag S)."""
    words = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                word, _, flags = line.strip().partition("/")
                if "S" in flags:
                    words.add(word.lower())
    return words


def plural(word: str, nouns: set[str]) -> str | None:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word not in nouns or NOT_PLURALISED.search(word):
        return None
    if word.endswith(("s", "x", "z", "h")):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def main() -> None:
    sources = pathlib.Path(sys.argv[1])
    nouns = countable(sys.argv[2:] or ["/usr/share/hunspell/en_US.dic"])
    for name, patterns in PATTERNS.items():
        for line in (sources / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            term = line.strip().lower()
            if not term or term.startswith("#") or "'" in term:
                continue
            words = us_spelling(term.replace("-", " ")).split()
            last = plural(words[-1], nouns)
            if last:
                phrase = " ".join(words[:-1] + [last])
                seed = int(hashlib.sha1(phrase.encode()).hexdigest(), 16)
                print(patterns[seed % len(patterns)].format(t=phrase))
    for expansion in sorted(set(SHORTHAND.values())):
        # Multi-word expansions; spelled acronyms ("c r p") already have their sentences.
        if len(expansion.split()) > 1 and not re.fullmatch(r"(\w )+\w", expansion):
            print(expansion)


if __name__ == "__main__":
    main()
