#!/usr/bin/env python3
"""Turns written clinical text into the words a clinician says aloud, one sentence a line.

Used to prepare language-model training text: the recogniser hears "three days history of
shortness of breath", never "3/7 hx SOB". Standard library only.

  python3 spoken.py notes  < notes.txt     clinician notes (shorthand expanded)
  python3 spoken.py dialogue < dialogue.txt  "speaker: text" lines
  python3 spoken.py plain  < text.txt      already spoken text (numbers still spelled out)
"""
import re
import signal
import sys

# Clinical shorthand a clinician dictating would say in full. Generic abbreviations of UK/US
# primary-care notes; keys are matched as whole tokens, case-insensitively unless upper-case only.
SHORTHAND = {
    "pmh": "past medical history", "pmhx": "past medical history", "psh": "past surgical history",
    "dh": "drug history", "sh": "social history", "fh": "family history", "hx": "history",
    "sx": "symptoms", "rx": "treatment", "tx": "treatment", "dx": "diagnosis", "ddx": "differential diagnosis",
    "imp": "impression", "pln": "plan", "ex": "examination", "o/e": "on examination", "oe": "on examination",
    "nkda": "no known drug allergies", "nka": "no known allergies", "sob": "shortness of breath",
    "soboe": "shortness of breath on exertion", "cp": "chest pain", "n/v": "nausea and vomiting",
    "d/v": "diarrhea and vomiting", "etoh": "alcohol", "otc": "over the counter", "pt": "patient",
    "pts": "patients", "yo": "year old", "y/o": "year old", "yrs": "years", "wks": "weeks",
    "mths": "months", "hrs": "hours", "mins": "minutes", "bd": "twice daily", "bid": "twice daily",
    "tds": "three times daily", "tid": "three times daily", "qds": "four times daily", "qid": "four times daily",
    "od": "once daily", "prn": "as needed", "nocte": "at night", "mane": "in the morning", "po": "by mouth",
    "iv": "intravenous", "im": "intramuscular", "sc": "subcutaneous", "inb": "if not better",
    "sn": "safety netting", "fu": "follow up", "f/u": "follow up", "r/v": "review", "rv": "review",
    "gp": "g p", "a&e": "accident and emergency", "ae": "accident and emergency", "ed": "emergency department",
    "bp": "blood pressure", "hr": "heart rate", "rr": "respiratory rate", "sats": "sats", "temp": "temperature",
    "htn": "hypertension", "t2dm": "type two diabetes", "t1dm": "type one diabetes", "dm": "diabetes",
    "mi": "myocardial infarction", "ihd": "ischemic heart disease", "af": "atrial fibrillation",
    "ckd": "chronic kidney disease", "copd": "c o p d", "uti": "u t i", "urti": "u r t i", "lrti": "l r t i",
    "sti": "s t i", "std": "s t d", "tia": "t i a", "gord": "reflux", "gerd": "reflux", "ibs": "i b s",
    "oa": "osteoarthritis", "ra": "rheumatoid arthritis", "dvt": "d v t", "pe": "p e",
    "llq": "left lower quadrant", "rlq": "right lower quadrant", "luq": "left upper quadrant",
    "ruq": "right upper quadrant", "lif": "left iliac fossa", "rif": "right iliac fossa",
    "nsaids": "n saids", "nsaid": "n said", "msu": "urine sample", "lmp": "last menstrual period",
    "pv": "vaginal", "pr": "rectal", "pu": "passing urine", "adls": "activities of daily living",
    "adl": "activities of daily living", "lft": "liver function tests", "lfts": "liver function tests",
    "fbc": "full blood count", "u&e": "urea and electrolytes", "u&es": "urea and electrolytes",
    "crp": "c r p", "ecg": "e c g", "bmi": "b m i", "sle": "s l e", "bnp": "b n p",
    "esr": "e s r", "mri": "m r i", "ct": "c t", "inr": "i n r", "psa": "p s a", "egfr": "e g f r",
    "ent": "e n t", "hiv": "h i v", "ppi": "p p i", "ssri": "s s r i", "hrt": "h r t", "aki": "a k i", "ibd": "i b d",
    "se": "side effects", "ice": "ideas concerns and expectations", "nil": "nil", "tft": "thyroid function tests",
    "tfts": "thyroid function tests", "hba1c": "h b a one c", "mg": "milligrams", "mcg": "micrograms",
    "ml": "milliliters", "kg": "kilograms", "g": "grams", "mmhg": "millimeters of mercury", "bpm": "beats per minute",
    "wfh": "working from home", "it": "i t", "w/": "with", "w/o": "without", "approx": "approximately",
    "c/o": "complaining of", "h/o": "history of", "s/e": "side effects", "b/l": "bilateral", "l": "left", "r": "right",
}
UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
PERIOD_DENOMINATOR = {"7": "days", "52": "weeks", "12": "months"}
FILLERS = {"um", "uh", "erm", "er", "hmm", "mm", "mhm", "ah", "eh", "uhm", "mmm", "huh"}

# The service is en-US: British clinical spellings in the text become American ones.
US_SPELLING_RULES = [
    (r"^(h|an|isch|septic|leuk|hyperglyc|hypoglyc|hyperlipid|dyslipid|bacter|ur|tox|hyperkal|hypokal|hyponatr|hypernatr|lipid|anox|hypox|dyslipidaem)aem", r"\1em"),
    (r"aemia", "emia"), (r"^haem", "hem"), (r"^paed", "ped"), (r"^orthopaed", "orthoped"),
    (r"^oedem", "edem"), (r"^oesophag", "esophag"), (r"^oestr", "estr"), (r"^coeliac$", "celiac"),
    (r"rrhoea", "rrhea"), (r"^apnoea$", "apnea"), (r"^dyspnoea$", "dyspnea"), (r"^foetus$", "fetus"), (r"^foetal$", "fetal"),
    (r"^(immun|hospital|organ|steril|mobil|stabil|real|recogn|visual|summar|minim|general|apolog|emphas|priorit|categor|special|catheter)is(e|ed|es|ing|ation|ations)$", r"\1iz\2"),
    (r"^colour", "color"), (r"^behaviour", "behavior"), (r"^favour", "favor"), (r"^tumour", "tumor"),
    (r"^centre$", "center"), (r"^litre", "liter"), (r"^millilitre", "milliliter"), (r"^metre", "meter"),
    (r"^anaesthe", "anesthe"), (r"^ischaem", "ischem"), (r"^faec", "fec"), (r"^gynaec", "gynec"),
]


def us_spelling(text: str) -> str:
    words = []
    for word in text.split():
        for pattern, replacement in US_SPELLING_RULES:
            word = re.sub(pattern, replacement, word)
        words.append(word)
    return " ".join(words)


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int, hundred_and: bool = True) -> str:
    """A number as said aloud; hundred_and=False drops the British "and" ("one hundred five"), as house numbers are read."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else (" and " if hundred_and else " ") + number_words(rest, hundred_and))
    if n < 1_000_000:
        rest = n % 1000
        return number_words(n // 1000, hundred_and) + " thousand" + ("" if rest == 0 else " " + number_words(rest, hundred_and))
    return " ".join(ONES[int(d)] for d in str(n))


def spell_number(token: str) -> str:
    if "." in token:
        whole, frac = token.split(".", 1)
        return number_words(int(whole or "0")) + " point " + " ".join(ONES[int(d)] for d in frac)
    return number_words(int(token))


def expand(text: str) -> str:
    # Clinical periods: 3/7 three days, 1/52 one week, 6/12 six months.
    def period(m):
        n, d = m.group(1), m.group(2)
        unit = PERIOD_DENOMINATOR[d]
        if n == "1":
            unit = unit[:-1]
        return f" {number_words(int(n))} {unit} "
    text = re.sub(r"\b(\d+)-(\d+)(?=[dwmy]?\b)", r"\1 to \2", text)
    text = re.sub(r"\b(\d+)/(7|52|12)\b", period, text)
    text = re.sub(r"\bx(\d+)/day\b", lambda m: f" {number_words(int(m.group(1)))} times a day ", text)
    text = re.sub(r"\bx(\d+)\b", lambda m: f" {number_words(int(m.group(1)))} times ", text)
    text = re.sub(r"\b(\d+)([dwmy])\b", lambda m: f" {number_words(int(m.group(1)))} {UNITS[m.group(2)]} ", text)
    text = re.sub(r"\b(\d+)/(\d+)\b", lambda m: f" {spell_number(m.group(1))} over {spell_number(m.group(2))} ", text)
    text = re.sub(r"(\d)\s*%", r"\1 percent", text)
    text = re.sub(r"(\d)(mg|mcg|ml|kg|g|mmhg|bpm)\b", r"\1 \2", text, flags=re.I)
    text = re.sub(r"\d+(?:\.\d+)?", lambda m: " " + spell_number(m.group(0)) + " ", text)
    return text


def words_of(sentence: str, shorthand: bool) -> list[str]:
    sentence = sentence.replace("\u2019", "'").replace("&", " and ") if not shorthand else sentence.replace("\u2019", "'")
    out = []
    tokens = []
    for raw in re.split(r"\s+", sentence):
        token = raw.strip(",;:()[]\"!?.").lower()
        # "smoking/etoh": split on slashes unless the slash is part of the shorthand (o/e, c/o).
        tokens.extend([token] if token in SHORTHAND else token.split("/"))
    for token in tokens:
        if not token:
            continue
        if shorthand and token in SHORTHAND:
            out.extend(SHORTHAND[token].split())
            continue
        token = token.replace("&", " and ").replace("/", " ").replace("-", " ")
        for t in token.split():
            t = re.sub(r"[^a-z']", "", t).strip("'")
            if t and t not in FILLERS:
                out.append(us_spelling(t))
    return out


def sentences(text: str):
    for part in re.split(r"(?<=[.!?])\s+|\n+| - ", text):
        if part.strip():
            yield part


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    mode = sys.argv[1] if len(sys.argv) > 1 else "plain"
    for line in sys.stdin:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if mode == "dialogue":
            line = re.sub(r"^\w+:\s*", "", line)
        shorthand = mode == "notes"
        for sentence in sentences(expand(line) if mode != "plain" else line):
            words = words_of(sentence, shorthand)
            if words:
                print(" ".join(words))


if __name__ == "__main__":
    main()
