#!/usr/bin/env python3
"""Classifies the listed medical terms the service missed on the TUNING half of the development set, so that
what is fixed is a cause, not a word (issue 17):

  out of vocabulary   a word of the term has no entry in the decoder (the medical dictionary's words that one of
                      the two language models knows): no setting can make the recogniser say it
  language model      every word is in the vocabulary, but the interpolated language model (the service's mix:
                      general and medical model, each raised to the language weight, shares 1 - MedicalWeight
                      and MedicalWeight) rates what was recognised more likely than the term in the same context
  acoustic            the language model rates the term at least as likely as what was recognised: the acoustic
                      model (or the pronunciation) chose the other words

  python3 scripts/term-misses.py RESULTS/service [--model-dir models/medical/build] [--weight 0.002] [--lw 6.5]

RESULTS/service is a folder of the bench's transcripts (`<id>.json` and `_scores.json`, from `accuracy`).
Only tuning-half items are read: listing the held-out half's misses would invite fixing exactly them, which is
tuning on what is measured (bench/MedGrpc.Scoring/DevelopmentHalves.txt). The language model is read through
Debian's libsphinxbase (ctypes), the same library the service decodes with. Words are compared as the scorer
compares them: lower case, no apostrophes; the alignment is a plain word-level Levenshtein alignment.
"""
import argparse
import ctypes
import json
import math
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GENERAL_LM = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
BUILD = ROOT / "models" / "medical" / "build"
LOG_BASE = 1.0001  # sphinxbase's usual log base; scores are converted to natural logs below

P = ctypes.c_void_p
sb = ctypes.CDLL("libsphinxbase.so.3")
sb.logmath_init.restype = P
sb.logmath_init.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int]
sb.ngram_model_read.restype = P
sb.ngram_model_read.argtypes = [P, ctypes.c_char_p, ctypes.c_int, P]
sb.ngram_wid.restype = ctypes.c_int32
sb.ngram_wid.argtypes = [P, ctypes.c_char_p]
sb.ngram_unknown_wid.restype = ctypes.c_int32
sb.ngram_unknown_wid.argtypes = [P]
sb.ngram_ng_prob.restype = ctypes.c_int32
sb.ngram_ng_prob.argtypes = [P, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32), ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]


class Model:
    def __init__(self, path: str, logmath: int) -> None:
        self.lm = sb.ngram_model_read(None, path.encode(), 0, logmath)
        if not self.lm:
            sys.exit(f"term-misses: cannot read {path}")
        self.unknown = sb.ngram_unknown_wid(self.lm)

    def ln_prob(self, word: str, history: list[str]) -> float | None:
        """ln P(word | history), history most recent first; None when the model lacks the word."""
        wid = sb.ngram_wid(self.lm, word.encode())
        if wid == self.unknown or wid < 0:
            return None
        hist = [sb.ngram_wid(self.lm, h.encode()) for h in history]
        hist = hist[: next((k for k, h in enumerate(hist) if h == self.unknown or h < 0), len(hist))]
        arr = (ctypes.c_int32 * max(1, len(hist)))(*hist)
        used = ctypes.c_int32()
        return sb.ngram_ng_prob(self.lm, wid, arr, len(hist), ctypes.byref(used)) * math.log(LOG_BASE)


def mixed(models: list[tuple[Model, float]], lw: float, words: list[str], left: list[str]) -> float:
    """The service's mix (sphinxbase ngram_model_set after ngram_model_apply_weights): per word,
    ln sum_i share_i * P_i^lw; the word insertion penalty is left out (it is the same for every word and the
    compared spans are scored over the same number of following words)."""
    total, context = 0.0, list(left)
    for w in words:
        hist = list(reversed(context[-2:]))
        terms = [math.log(share) + lw * lp for m, share in models if (lp := m.ln_prob(w, hist)) is not None]
        total += max(terms) + math.log(sum(math.exp(t - max(terms)) for t in terms)) if terms else -1e9
        context.append(w)
    return total


def tokens(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower().replace("-", " ")).replace("'", "").split()


def align(r: list[str], h: list[str]) -> list[tuple[int | None, int | None]]:
    n, m = len(r), len(h)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (r[i - 1] != h[j - 1]))
    i, j, out = n, m, []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (r[i - 1] != h[j - 1]):
            out.append((i - 1, j - 1)); i -= 1; j -= 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            out.append((i - 1, None)); i -= 1
        else:
            out.append((None, j - 1)); j -= 1
    return out[::-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service_dir")
    parser.add_argument("--weight", type=float, default=0.002, help="MedicalWeight (the service's default)")
    parser.add_argument("--lw", type=float, default=6.5, help="PocketSphinx's language weight (-lw)")
    parser.add_argument("--model-dir", default=str(BUILD), help="the medical model's folder (medical.lm.bin, medical.dict)")
    args = parser.parse_args()

    halves = {}
    for line in (ROOT / "bench/MedGrpc.Scoring/DevelopmentHalves.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            item, half = line.split()
            halves[item] = half
    manifest = {}
    for line in (ROOT / "testdata/speech/manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            manifest[e["id"]] = e
    # The scorer's form of each dictionary word ("youre") -> the models' form ("you're").
    lm_form: dict[str, str] = {}
    build = pathlib.Path(args.model_dir)
    with open(build / "medical.dict", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                word = re.sub(r"\(\d+\)$", "", line.split()[0])
                lm_form.setdefault(word.replace("'", ""), word)

    def model_words(words: list[str]) -> list[str]:
        """The scorer's words as the models write them; an acronym the models spell ("bnp") letter by letter."""
        out = []
        for w in words:
            if w in lm_form:
                out.append(lm_form[w])
            elif len(w) <= 6 and all(ch in lm_form for ch in w):
                out.extend(w)
            else:
                out.append(w)
        return out
    logmath = sb.logmath_init(LOG_BASE, 0, 0)
    general, medical = Model(GENERAL_LM, logmath), Model(str(build / "medical.lm.bin"), logmath)
    models = [(general, 1 - args.weight), (medical, args.weight)]

    service = pathlib.Path(args.service_dir)
    scores = json.loads((service / "_scores.json").read_text(encoding="utf-8"))
    counts = {"out of vocabulary": 0, "language model": 0, "acoustic": 0}
    for item in scores["items"]:
        if halves.get(item["id"]) != "tune" or not item.get("terms_missed"):
            continue
        e = manifest[item["id"]]
        ref = tokens(e["reference"])
        hyp = tokens(json.loads((service / f"{item['id']}.json").read_text(encoding="utf-8"))["results"]["transcripts"][0]["transcript"])
        pairs = align(ref, hyp)
        ref_to_pair = {ri: k for k, (ri, _) in enumerate(pairs) if ri is not None}
        for term in item["terms_missed"]:
            t = tokens(term.replace(".", " "))
            for s in (i for i in range(len(ref) - len(t) + 1) if ref[i:i + len(t)] == t):
                a, b = ref_to_pair[s], ref_to_pair[s + len(t) - 1]
                # Widen to the whole error region around the term, so a split word ("be so profile") is compared whole.
                def wrong(k: int) -> bool:
                    r, h = pairs[k]
                    return r is None or h is None or ref[r] != hyp[h]
                while a > 0 and wrong(a - 1):
                    a -= 1
                while b + 1 < len(pairs) and wrong(b + 1):
                    b += 1
                ref_span = [ref[r] for r, _ in pairs[a:b + 1] if r is not None]
                hyp_span = [hyp[h] for _, h in pairs[a:b + 1] if h is not None]
                if ref_span == hyp_span or " ".join(t) in " ".join(hyp_span):
                    continue  # this occurrence was recognised; another one was missed
                first_ref = next(r for r, _ in pairs[a:b + 1] if r is not None)
                left = ref[max(0, first_ref - 2):first_ref] or ["<s>"]
                after_ref = next((r for r, _ in pairs[b + 1:] if r is not None), len(ref))
                right = ref[after_ref:after_ref + 2]
                oov = [w for w in model_words(t) if w not in lm_form]
                left, right = model_words(left), model_words(right)
                lm_ref = mixed(models, args.lw, model_words(ref_span) + right, left)
                lm_hyp = mixed(models, args.lw, model_words(hyp_span) + right, left)
                # log10 of the ratio of the term's LM score to the recognised words' (lw-scaled, as the search sees it)
                delta = (lm_ref - lm_hyp) / math.log(10)
                cls = "out of vocabulary" if oov else ("language model" if delta < 0 else "acoustic")
                counts[cls] += 1
                print(f"{item['id']}  {term!r:28} ref: {' '.join(ref_span)!r:34} heard: {' '.join(hyp_span)!r:34} "
                      f"LM log10(ref/heard) {delta:+7.1f}  {cls}" + (f" ({', '.join(oov)})" if oov else ""))
    print("tuning-half misses: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
