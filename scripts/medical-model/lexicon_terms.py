#!/usr/bin/env python3
"""Widens the medical vocabulary with the clinical words of Debian's medical spelling dictionary
(hunspell-en-med: OpenMedSpel and others, GPL-3+, read at build time, never copied into the repo).

Its 90,000 words are too many to search through, so only two principled classes are kept, each by
its standard word ending: diagnoses, symptoms and procedures (-itis, -osis, -emia, -uria, -algia,
-ectomy, -otomy, -plasty, -scopy, -pathy, -phasia, -plegia, …) and medicines by their
international nonproprietary name stems (-olol, -pril, -sartan, -statin, -mab, -cillin, -mycin,
-azole, -dipine, -gliptin, -gliflozin, -triptan, -oxetine, -azepam, -parin, -xaban, -tinib, …).
Each word gets one carrier sentence, so it has n-grams without outweighing the clinical text.

  python3 lexicon_terms.py /usr/share/hunspell/en_med_glut.dic > sentences.txt
"""
import hashlib
import re
import sys

from spoken import us_spelling

CONDITION_ENDINGS = ("itis", "osis", "emia", "uria", "algia", "pathy", "phasia", "arthria", "phagia",
                     "plegia", "paresis", "megaly", "rrhea")
PROCEDURE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy")
MEDICINE_STEMS = ("olol", "pril", "sartan", "statin", "mab", "cillin", "mycin", "floxacin", "azole",
                  "prazole", "tidine", "dipine", "gliptin", "gliflozin", "triptan", "oxetine", "azepam",
                  "zolam", "olone", "asone", "afil", "parin", "xaban", "gatran", "setron", "tinib")

PATTERNS = {
    "condition": ["history of {t}", "likely {t}", "no {t}", "diagnosed with {t}"],
    "procedure": ["had a {t}", "referred for {t}", "after the {t}"],
    "medicine": ["started on {t}", "taking {t}", "prescribed {t}", "stop the {t}"],
}


def kind(word: str) -> str | None:
    if word.endswith(PROCEDURE_ENDINGS):
        return "procedure"
    if word.endswith(CONDITION_ENDINGS):
        return "condition"
    if word.endswith(MEDICINE_STEMS):
        return "medicine"
    return None


def main() -> None:
    words = set()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        for line in f:
            word = line.split("/", 1)[0].strip()
            # Plain lower-case words only: no abbreviations, chemical names or proper names.
            if re.fullmatch(r"[a-z]{5,}", word) and kind(word):
                words.add(us_spelling(word))
    for word in sorted(words):
        patterns = PATTERNS[kind(word) or "condition"]
        seed = int(hashlib.sha1(word.encode()).hexdigest(), 16)
        print(patterns[seed % len(patterns)].format(t=word))


if __name__ == "__main__":
    main()
