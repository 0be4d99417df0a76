#!/usr/bin/env python3
"""Gives every medicine, condition and body part of the word lists the contexts that members of its class
have in the clinical text: a class-based language model, written out as text.

A trigram model learns "drug history gaviscon as needed" for the few medicines the notes happen to name, and
the hand-written carrier sentences (term_sentences.py) give the others a few fixed phrases ("started on …").
Here the text's own windows around any member of a class (two words each side: what a trigram sees) are
collected, with their frequencies, and each member of the class is put into a few of them, chosen
deterministically with the text's frequencies: "drug history … as needed", "past medical history …",
"no … pain". So a medicine the text never names is as likely after "drug history" as the class is, which is
what a class n-gram model (P(class | context) · P(member | class)) does; PocketSphinx's class-LM support is
not used because the service interpolates two models at load time (sphinxbase's ngram_model_set), which
class definitions would have to survive. Standard library only.

  python3 class_contexts.py SOURCES_DIR SPOKEN_TEXT [PER_MEMBER] > sentences.txt

SPOKEN_TEXT is the clinical text as the build turns it into spoken words (spoken.py), one sentence a line.
"""
import hashlib
import pathlib
import sys

from spoken import us_spelling

CLASSES = ("medicines", "conditions", "anatomy")
WINDOW = 2  # words each side of the member: a trigram's reach
DEFAULT_PER_MEMBER = 2


def members(sources: pathlib.Path, name: str) -> list[str]:
    out = []
    for line in (sources / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        term = line.strip().lower()
        if term and not term.startswith("#"):
            out.append(us_spelling(term.replace("-", " ")))
    return sorted(set(out))


def windows(sentences: list[list[str]], terms: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(left, right) context of every occurrence of a member, longest member first, so "type two diabetes"
    is not also counted as "diabetes"; occurrences with no context at all are left out."""
    by_length = sorted((t.split() for t in terms), key=len, reverse=True)
    found = []
    for words in sentences:
        taken = [False] * len(words)
        for term in by_length:
            n = len(term)
            for i in range(len(words) - n + 1):
                if words[i:i + n] == term and not any(taken[i:i + n]):
                    taken[i:i + n] = [True] * n
                    left, right = tuple(words[max(0, i - WINDOW):i]), tuple(words[i + n:i + n + WINDOW])
                    if left or right:
                        found.append((left, right))
    return found


def main() -> None:
    sources = pathlib.Path(sys.argv[1])
    text = [line.split() for line in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").splitlines() if line.strip()]
    per_member = int(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_PER_MEMBER
    if per_member <= 0:
        return
    for name in CLASSES:
        terms = members(sources, name)
        contexts = windows(text, terms)  # with repeats: a frequent context is picked more often
        if not contexts:
            continue
        for term in terms:
            seed = int(hashlib.sha1(f"{name}:{term}".encode()).hexdigest(), 16)
            picked = []
            for k in range(len(contexts)):
                left, right = contexts[(seed + k * 7919) % len(contexts)]
                if (left, right) not in picked:
                    picked.append((left, right))
                if len(picked) == per_member:
                    break
            for left, right in picked:
                print(" ".join(left + (term,) + right))


if __name__ == "__main__":
    main()
