#!/usr/bin/env python3
"""Gives every term of the medical word lists a few short spoken contexts for the language model.

A term that occurs nowhere in the training text would only get a unigram floor; two carrier
sentences per term (patterns a clinician uses, picked deterministically) give it real n-grams
without letting the lists outweigh the clinical text. Standard library only.

  python3 term_sentences.py SOURCES_DIR > sentences.txt
"""
import hashlib
import pathlib
import sys

from spoken import us_spelling

DIGITS = {"1": "one", "2": "two", "3": "three", "4": "four"}

PATTERNS = {
    "medicines": [
        "started on {t}", "taking {t} twice daily", "prescribed {t}", "allergic to {t}",
        "no side effects from {t}", "continue {t}", "stop the {t}", "has been using {t}",
    ],
    "conditions": [
        "history of {t}", "impression {t}", "diagnosed with {t}", "likely {t}",
        "known {t}", "no history of {t}", "i think this is {t}", "family history of {t}",
    ],
    "anatomy": [
        "pain in the {t}", "tenderness over the {t}", "swelling of the {t}", "examination of the {t}",
        "my {t} hurts", "problems with the {t}",
    ],
    "acronyms": [
        "the {t} was normal", "check {t}", "history of {t}", "arrange {t}", "{t} results",
    ],
    "clinical-terms": [
        "complaining of {t}", "no {t}", "some {t}", "any {t}", "mild {t}", "we will arrange {t}",
    ],
    # A patient's own words, in a patient's sentences (the phrases carry their own article where one is said).
    "lay-phrases": [
        "i have had {t}", "i keep getting {t}", "i think i have got {t}", "it started with {t}",
        "any {t}", "no {t} at all", "i have been getting {t} for a week", "worried about {t}",
    ],
}


def main() -> None:
    sources = pathlib.Path(sys.argv[1])
    for name, patterns in PATTERNS.items():
        for line in (sources / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            term = line.strip()
            if not term or term.startswith("#"):
                continue
            if name == "acronyms":
                # Said letter by letter: "HbA1c" -> "h b a one c".
                term = " ".join(DIGITS.get(ch, ch) for ch in term.lower())
            term = us_spelling(term.lower().replace("-", " "))
            print(term)
            seed = int(hashlib.sha1(term.encode()).hexdigest(), 16)
            first = seed % len(patterns)
            second = (first + 1 + (seed // 7) % (len(patterns) - 1)) % len(patterns)
            for p in (first, second):
                print(patterns[p].format(t=term))


if __name__ == "__main__":
    main()
