#!/usr/bin/env python3
"""Writes the recogniser's dictionary: Debian's CMU dictionary plus pronunciations for every
language-model word it lacks, from two real grapheme-to-phoneme converters: flite's `t2p` and
espeak-ng (its IPA output mapped to the acoustic model's phones). Both are kept when they differ:
each converter mangles different drug names, and PocketSphinx scores alternates as the same word.

t2p speaks flite's phone set: lower-case CMU phones with stress digits, `ax` for schwa (the en-US
acoustic model has no AX: AH is its schwa) and `pau` for silence, dropped.

Medical words CMU does know (those of the medical model and of MEDICAL_WORDS, hunspell-en-med's
dictionary, that the models know; five letters or more) get t2p's and espeak-ng's pronunciations too,
as variants, where they differ from CMU's: "antibiotics" as "anti-bee-otics", "tinnitus" with a long i,
"carotid" in two syllables.

Only words of the language models are written (LM_WORDS: the general and the medical model's
unigrams): PocketSphinx's interpolated model puts every dictionary word into its search tree, so
CMU's words that no model knows would cost decoding time and could never be recognised.

  python3 pronounce.py CMUDICT VOCAB_FILE LM_WORDS [MEDICAL_WORDS] > medical.dict
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


# Medical words CMU knows get the converters' pronunciations as variants from this length on
# (shorter ones are mostly common English words, whose CMU pronunciations are enough).
VARIANT_MIN_LENGTH = 5


def converter_variants(word: str, have: list[str]) -> list[str]:
    variants = []
    for phones in (phones_of(word), espeak_phones(word)):
        if phones and phones not in have and phones not in variants:
            variants.append(phones)
    return variants


def main() -> None:
    cmudict, vocab_file, lm_words_file = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(lm_words_file, encoding="utf-8") as f:
        lm_words = {w.strip() for w in f if w.strip()}
    cmu = {}
    with open(cmudict, encoding="utf-8") as f:
        for line in f:
            entry, phones = line.rstrip("\n").split(" ", 1)
            word = re.sub(r"\(\d+\)$", "", entry)
            if word not in lm_words:
                continue
            sys.stdout.write(line)
            cmu.setdefault(word, []).append(phones.strip())
    with open(vocab_file, encoding="utf-8") as f:
        words = sorted({w.strip() for w in f if w.strip() and not w.startswith("<")})
    medical = set(words)
    if len(sys.argv) > 4:
        with open(sys.argv[4], encoding="utf-8", errors="replace") as f:
            medical |= {line.split("/", 1)[0].strip().lower() for line in f}
    for word in sorted(medical & cmu.keys()):
        if len(word) >= VARIANT_MIN_LENGTH and re.fullmatch(r"[a-z]+", word):
            for n, phones in enumerate(converter_variants(word, cmu[word]), start=len(cmu[word]) + 1):
                print(f"{word}({n}) {phones}")
    for word in words:
        if word in cmu:
            continue
        for n, phones in enumerate(converter_variants(word, [])):
            print(f"{word}{'' if n == 0 else f'({n + 1})'} {phones}")


if __name__ == "__main__":
    main()
