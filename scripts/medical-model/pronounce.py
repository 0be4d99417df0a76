#!/usr/bin/env python3
"""Writes the recogniser's dictionary: Debian's CMU dictionary plus pronunciations for every
language-model word it lacks, from two real grapheme-to-phoneme converters: flite's `t2p` and
espeak-ng (its IPA output mapped to the acoustic model's phones). Both are kept when they differ:
each converter mangles different drug names, and PocketSphinx scores alternates as the same word.

t2p speaks flite's phone set: lower-case CMU phones with stress digits, `ax` for schwa (the en-US
acoustic model has no AX: AH is its schwa) and `pau` for silence, dropped.

Only words of the language models are written (LM_WORDS: the general and the medical model's
unigrams): PocketSphinx's interpolated model puts every dictionary word into its search tree, so
CMU's words that no model knows would cost decoding time and could never be recognised.

  python3 pronounce.py CMUDICT VOCAB_FILE LM_WORDS > medical.dict
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


# espeak-ng's en-US IPA → the 39 CMU phones. Longest symbols first; stress and length marks dropped.
IPA_TO_CMU = [
    ("tʃ", "CH"), ("dʒ", "JH"), ("aɪ", "AY"), ("aʊ", "AW"), ("oʊ", "OW"), ("eɪ", "EY"), ("ɔɪ", "OY"),
    ("ɜːɹ", "ER"), ("ɜː", "ER"), ("ɚ", "ER"), ("əɹ", "ER"), ("ɑː", "AA"), ("ɔː", "AO"), ("iː", "IY"), ("uː", "UW"),
    ("i", "IY"), ("u", "UW"), ("ɪ", "IH"), ("ᵻ", "IH"), ("ʊ", "UH"), ("ɛ", "EH"), ("æ", "AE"), ("ɑ", "AA"), ("ɒ", "AA"),
    ("ɔ", "AO"), ("ʌ", "AH"), ("ə", "AH"), ("ɐ", "AH"), ("e", "EH"), ("o", "OW"), ("a", "AA"),
    ("ɹ", "R"), ("r", "R"), ("ɾ", "T"), ("θ", "TH"), ("ð", "DH"), ("ʃ", "SH"), ("ʒ", "ZH"), ("ŋ", "NG"), ("j", "Y"),
    ("w", "W"), ("h", "HH"), ("ɡ", "G"), ("g", "G"), ("l", "L"), ("m", "M"), ("n", "N"), ("p", "P"), ("b", "B"),
    ("t", "T"), ("d", "D"), ("k", "K"), ("f", "F"), ("v", "V"), ("s", "S"), ("z", "Z"), ("x", "K"),
]
IGNORED = set("ˈˌː̩ʔ-_ \n")


def espeak_phones(word: str) -> str:
    ipa = subprocess.run(["espeak-ng", "-q", "--ipa", "-v", "en-us", word.replace("'", "")],
                         capture_output=True, text=True, check=True).stdout.strip()
    phones, i = [], 0
    while i < len(ipa):
        if ipa[i] in IGNORED:
            i += 1
            continue
        for symbol, phone in IPA_TO_CMU:
            if ipa.startswith(symbol, i):
                phones.append(phone)
                i += len(symbol)
                break
        else:
            i += 1  # a symbol with no CMU counterpart: leave it out rather than guess
    # espeak doubles r across syllables ("fjˈʊɹɹɐnt"); one R is what the acoustic model expects.
    return " ".join(p for k, p in enumerate(phones) if not (p == "R" and k > 0 and phones[k - 1] in ("R", "ER")))


def main() -> None:
    cmudict, vocab_file, lm_words_file = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(lm_words_file, encoding="utf-8") as f:
        lm_words = {w.strip() for w in f if w.strip()}
    known = set()
    with open(cmudict, encoding="utf-8") as f:
        for line in f:
            word = re.sub(r"\(\d+\)$", "", line.split(" ", 1)[0])
            if word not in lm_words:
                continue
            sys.stdout.write(line)
            known.add(word)
    with open(vocab_file, encoding="utf-8") as f:
        words = sorted({w.strip() for w in f if w.strip() and not w.startswith("<")})
    for word in words:
        if word in known:
            continue
        variants = []
        for phones in (phones_of(word), espeak_phones(word)):
            if phones and phones not in variants:
                variants.append(phones)
        for n, phones in enumerate(variants):
            print(f"{word}{'' if n == 0 else f'({n + 1})'} {phones}")


if __name__ == "__main__":
    main()
