#!/usr/bin/env python3
"""Writes the recogniser's dictionary: Debian's CMU dictionary plus a pronunciation for every
language-model word it lacks, from flite's grapheme-to-phoneme converter (`t2p`).

t2p speaks flite's phone set: lower-case CMU phones with stress digits, `ax` for schwa (the en-US
acoustic model has no AX: AH is its schwa) and `pau` for silence, dropped.

  python3 pronounce.py CMUDICT VOCAB_FILE > medical.dict
"""
import re
import subprocess
import sys

FLITE_TO_CMU = {"ax": "AH"}


def phones_of(word: str) -> str:
    spoken = word.replace("'", "")
    out = subprocess.run(["t2p", spoken], capture_output=True, text=True, check=True).stdout
    phones = []
    for phone in out.split():
        phone = re.sub(r"\d", "", phone)
        if phone == "pau":
            continue
        phones.append(FLITE_TO_CMU.get(phone, phone.upper()))
    return " ".join(phones)


def main() -> None:
    cmudict, vocab_file = sys.argv[1], sys.argv[2]
    known = set()
    with open(cmudict, encoding="utf-8") as f:
        for line in f:
            sys.stdout.write(line)
            known.add(re.sub(r"\(\d+\)$", "", line.split(" ", 1)[0]))
    with open(vocab_file, encoding="utf-8") as f:
        words = sorted({w.strip() for w in f if w.strip() and not w.startswith("<")})
    for word in words:
        if word in known:
            continue
        phones = phones_of(word)
        if phones:
            print(f"{word} {phones}")


if __name__ == "__main__":
    main()
