#!/usr/bin/env python3
"""Out-of-vocabulary rates of the medical text and of the development references, per group: the "before"
figure for a broader lexicon (issue 17). A word the recogniser has no entry for can never be recognised, so
the rate is a floor under WER and, for medical words, a ceiling on term recall.

  python3 scripts/oov-rate.py [--list N]     (from the repository root, after scripts/setup.sh)

Vocabularies, each a set of words compared after lower-casing and dropping apostrophes (the references are
written without them: "ive", "bells") and PocketSphinx's "(2)" variant marks; a hyphenated entry also
counts its parts, and an acronym the model's text spells out ("b n p") counts joined ("bnp"), as the scorer
joins spelled letters:
  decoder   what the service can output: words of models/medical/build/medical.dict that the medical or
            the general language model knows (the dictionary is built so that these are the same)
  medical   the medical language model's words (models/medical/build/medical.lm.bin)
  general   PocketSphinx's general English model's words
  lexicon   the medical model's vocabulary without the PriMock57 text: the general model plus the word
            lists (models/medical/sources, hunspell-en-med's selection, plurals), i.e. what the lexicon
            alone covers. On the medical text this is the honest figure: the decoder and medical
            vocabularies were built from that text, so their OOV rate on it is 0 by construction.

Texts: models/medical/text (notes and dialogue, turned into spoken words by spoken.py as the build does),
and the manifest's references per half (bench/MedGrpc.Scoring/DevelopmentHalves.txt) and group. "terms"
counts the manifest's listed medical terms with at least one word out of vocabulary. --list N prints the
N commonest OOV words of the medical text and of the tuning half only: listing the held-out half's words
would invite adding exactly them, which is tuning on what is measured.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL_DIR = pathlib.Path("/usr/share/pocketsphinx/model/en-us")
HUNSPELL_MED = "/usr/share/hunspell/en_med_glut.dic"
HUNSPELL_US = "/usr/share/hunspell/en_US.dic"


def norm(word: str) -> list[str]:
    """A vocabulary entry as the references write words: lower case, no apostrophes, no "(2)"."""
    word = word.split("(")[0].lower().replace("'", "")
    parts = [word] + (word.split("-") if "-" in word else [])
    return [p for p in parts if p]


def words_of(lines) -> set[str]:
    return {n for line in lines for w in line.split() for n in norm(w)}


def spelled(lines) -> set[str]:
    """Acronyms the text says letter by letter ("b n p"), joined as the scorer joins them ("bnp"): the
    references write them joined, and a decoder that outputs the letters scores as having said the acronym."""
    joined = set()
    for line in lines:
        run_ = []
        for w in line.split() + [""]:
            if len(w) == 1 and w.isalpha() and w not in ("a", "i"):
                run_.append(w)
                continue
            if len(run_) >= 2:
                joined.add("".join(run_))
            run_ = []
    return joined


def run(*args: str, stdin: str | None = None) -> list[str]:
    out = subprocess.run(args, input=stdin, capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.splitlines()


def tokens(text: str) -> list[str]:
    # The texts are spoken forms already (spoken.py, the manifest's normalized "reference").
    return [n for w in text.split() for n in norm(w)[:1]]


def rate(toks: list[str], vocab: set[str]) -> str:
    oov = sum(1 for t in toks if t not in vocab)
    return f"{100 * oov / len(toks):5.2f}% ({oov}/{len(toks)})" if toks else "-"


def term_oov(terms: list[str], vocab: set[str]) -> str:
    out = sum(1 for t in terms if any(w not in vocab for w in tokens(t.lower().replace(".", " ").replace("-", " "))))
    return f"{out}/{len(terms)}" if terms else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=int, default=0, help="print the N commonest OOV words (medical text, tuning half)")
    args = parser.parse_args()

    mm = ROOT / "scripts" / "medical-model"
    build = ROOT / "models" / "medical" / "build"
    general = words_of(run("python3", str(mm / "lm_words.py"), str(MODEL_DIR / "en-us.lm.bin")))
    medical = words_of(run("python3", str(mm / "lm_words.py"), str(build / "medical.lm.bin")))
    with open(build / "medical.dict", encoding="utf-8") as f:
        dictionary = words_of(line.split()[0] for line in f if line.strip())
    decoder = dictionary & (medical | general)
    corpus = (build / "corpus.txt").read_text(encoding="utf-8").splitlines()
    medical |= spelled(corpus)
    decoder |= spelled(corpus)
    lists = (run("python3", str(mm / "term_sentences.py"), str(ROOT / "models/medical/sources"))
             + run("python3", str(mm / "lexicon_terms.py"), HUNSPELL_MED)
             + run("python3", str(mm / "inflections.py"), str(ROOT / "models/medical/sources"), HUNSPELL_US))
    lexicon = ((words_of(lists) | general) & dictionary) | spelled(lists)
    vocabs = {"decoder": decoder, "medical": medical, "general": general, "lexicon": lexicon}
    print("vocabulary sizes: " + ", ".join(f"{k} {len(v)}" for k, v in vocabs.items()))

    header = f"{'text':<32} {'words':>6}  " + "  ".join(f"{k + ' OOV':<20}" for k in vocabs) + "  terms OOV (decoder/lexicon)"
    print(header)
    listing: dict[str, collections.Counter] = {}

    def row(name: str, toks: list[str], terms: list[str] | None = None, list_it: bool = False) -> None:
        cells = "  ".join(f"{rate(toks, v):<20}" for v in vocabs.values())
        term_cell = f"{term_oov(terms, decoder)} / {term_oov(terms, lexicon)}" if terms is not None else "-"
        print(f"{name:<32} {len(toks):>6}  {cells}  {term_cell}")
        if list_it:
            listing[name] = collections.Counter(t for t in toks if t not in lexicon)

    text_dir = ROOT / "models" / "medical" / "text"
    for kind, file in (("notes", "primock57-notes.txt"), ("dialogue", "primock57-dialogue.txt")):
        spoken = run("python3", str(mm / "spoken.py"), kind, stdin=(text_dir / file).read_text(encoding="utf-8"))
        row(f"medical text: {kind}", tokens(" ".join(spoken)), list_it=True)

    halves = {}
    for line in (ROOT / "bench/MedGrpc.Scoring/DevelopmentHalves.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            item, half = line.split()
            halves[item] = half
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = collections.defaultdict(lambda: ([], []))
    with open(ROOT / "testdata/speech/manifest.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            e = json.loads(line)
            if e.get("expect_failure"):
                continue
            group = e["type"] + (f"/{e['variant']}" if e.get("variant") else "")
            if group == "CONVERSATION/2ch":
                continue  # the same text as the mono mix: counted once, as CONVERSATION/mono
            half = halves.get(e["id"], "unassigned")
            for key in ((half, group), (half, "all"), ("both", group), ("both", "all")):
                groups[key][0].extend(tokens(e["reference"]))
                groups[key][1].extend(e.get("medical_terms", []))
    order = {"tune": 0, "held-out": 1, "both": 2, "unassigned": 3}
    for (half, group), (toks, terms) in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1] == "all", kv[0][1])):
        row(f"dev refs {half}: {group}", toks, terms, list_it=(half == "tune" and group == "all"))

    for name, counter in listing.items():
        if args.list:
            common = ", ".join(f"{w} {n}" for w, n in counter.most_common(args.list))
            print(f"\nOOV against lexicon, {name} ({len(counter)} distinct): {common}")


if __name__ == "__main__":
    sys.exit(main())
