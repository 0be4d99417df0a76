#!/usr/bin/env python3
"""Prints the words (unigrams) of PocketSphinx language models, one a line, read through Debian's
libsphinxbase itself (ctypes): the general model ships only in binary (trie) form, and
sphinx_lm_convert cannot write it back out as text.

  python3 lm_words.py MODEL.lm.bin [MODEL.lm.bin ...] > words.txt   (the reader logs to stderr)
"""
import ctypes
import sys

P = ctypes.c_void_p
sphinxbase = ctypes.CDLL("libsphinxbase.so.3")
sphinxbase.logmath_init.restype = P
sphinxbase.logmath_init.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int]
sphinxbase.ngram_model_read.restype = P
sphinxbase.ngram_model_read.argtypes = [P, ctypes.c_char_p, ctypes.c_int, P]
sphinxbase.ngram_model_get_counts.restype = ctypes.POINTER(ctypes.c_uint32)
sphinxbase.ngram_model_get_counts.argtypes = [P]
sphinxbase.ngram_word.restype = ctypes.c_char_p
sphinxbase.ngram_word.argtypes = [P, ctypes.c_int]


def main() -> None:
    logmath = sphinxbase.logmath_init(1.0001, 0, 0)
    words = set()
    for path in sys.argv[1:]:
        model = sphinxbase.ngram_model_read(None, path.encode(), 0, logmath)
        if not model:
            sys.exit(f"lm_words: cannot read {path}")
        for wid in range(sphinxbase.ngram_model_get_counts(model)[0]):
            word = sphinxbase.ngram_word(model, wid)
            if word:
                words.add(word.decode("utf-8"))
    for word in sorted(words):
        print(word)


if __name__ == "__main__":
    main()
