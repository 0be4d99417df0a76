#!/usr/bin/env bash
# Builds MedGrpc's medical language model and dictionary into models/medical/build/ (reproducible:
# same sources, same output). Sources: PriMock57 notes and dialogue (CC BY 4.0, models/medical/text,
# or MEDICAL_TEXT_DIR) turned into spoken words, plus models/medical/sources/*.txt word lists in short
# carrier sentences (and their plurals), plus the clinical words of Debian's hunspell-en-med chosen by their endings. Tools: irstlm (trigram, Kneser-Ney), sphinx_lm_convert (binary for
# PocketSphinx), flite's t2p and espeak-ng (pronunciations of words Debian's CMU dictionary lacks).
# The dictionary keeps only words one of the two models knows (lm_words.py reads them through libsphinxbase).
# The service interpolates this model with PocketSphinx's general English model at load time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
text_dir=${MEDICAL_TEXT_DIR:-$root/models/medical/text}
model_dir=${POCKETSPHINX_MODEL_DIR:-/usr/share/pocketsphinx/model/en-us}
out=$root/models/medical/build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$text_dir/primock57-notes.txt" ]; then
  echo "build-medical-model: no medical text at $text_dir (set MEDICAL_TEXT_DIR)" >&2
  exit 1
fi
# Debian's hunspell-en-med (scripts/setup.sh installs it): clinical words chosen by their endings;
# hunspell-en-us tells which list nouns take a plural.
medical_lexicon=${MEDICAL_LEXICON:-/usr/share/hunspell/en_med_glut.dic}
if [ ! -f "$medical_lexicon" ]; then
  echo "build-medical-model: no medical lexicon at $medical_lexicon (apt-get install hunspell-en-med)" >&2
  exit 1
fi
if [ ! -f /usr/share/hunspell/en_US.dic ]; then
  echo "build-medical-model: no /usr/share/hunspell/en_US.dic (apt-get install hunspell-en-us)" >&2
  exit 1
fi
export IRSTLM=/usr/lib/irstlm PATH=$PATH:/usr/lib/irstlm/bin
mkdir -p "$out"

{
  # The notes three times over: dictation is notes read aloud, and their 2,000 words would
  # otherwise weigh little beside the dialogue and the word lists.
  for _ in 1 2 3; do python3 scripts/medical-model/spoken.py notes < "$text_dir/primock57-notes.txt"; done
  python3 scripts/medical-model/spoken.py dialogue < "$text_dir/primock57-dialogue.txt"
  python3 scripts/medical-model/term_sentences.py models/medical/sources
  python3 scripts/medical-model/lexicon_terms.py "$medical_lexicon"
  python3 scripts/medical-model/inflections.py models/medical/sources /usr/share/hunspell/en_US.dic
  # Spoken PHI contexts (digits after "phone number", dates of birth, spelled names, addresses…), values
  # drawn at random from generic pools and the PHI detector's name lists: docs/formatting-and-phi.md.
  python3 scripts/medical-model/phi_contexts.py src/Core/Clinical/Phi/Lists "$model_dir/cmudict-en-us.dict" 750
} > "$work/corpus.txt"

add-start-end.sh < "$work/corpus.txt" > "$work/corpus.se"
# Kneser-Ney with one discount per order, not irstlm's improved (modified) Kneser-Ney: the notes three times over make
# n-grams seen three times commoner than twice, which gives the improved method's second discount a negative value
# (it failed outright on one variant of the corpus), and on the tuning half plain Kneser-Ney measured better
# (docs/medical-model.md, "The second broadening, the tuning half's misses and the smoothing").
build-lm.sh -i "$work/corpus.se" -n 3 -o "$work/medical.ilm.gz" -k 1 -s kneser-ney -t "$work/stat" >/dev/null 2>&1
compile-lm --text=yes "$work/medical.ilm.gz" "$work/medical.arpa" >/dev/null 2>&1
sphinx_lm_convert -i "$work/medical.arpa" -o "$work/medical.lm.bin" >/dev/null 2>&1

awk '/\\1-grams:/{f=1;next} /\\2-grams:/{f=0} f&&NF>=2{print $2}' "$work/medical.arpa" > "$work/vocab.txt"
python3 scripts/medical-model/lm_words.py "$model_dir/en-us.lm.bin" "$work/medical.lm.bin" > "$work/lm-words.txt" 2>/dev/null
python3 scripts/medical-model/pronounce.py "$model_dir/cmudict-en-us.dict" "$work/vocab.txt" "$work/lm-words.txt" "$medical_lexicon" > "$work/medical.dict"

mv "$work/medical.lm.bin" "$work/medical.dict" "$out/"
cp "$work/corpus.txt" "$out/corpus.txt"
echo "build-medical-model: $(wc -l < "$work/vocab.txt") words, $(wc -l < "$work/corpus.txt") sentences -> $out"
