#!/usr/bin/env python3
"""Spoken PHI contexts for the medical language model: the phrases that announce PHI ("date of birth",
"phone number", "n h s number", "lives at", "my name is", "spelled") followed by what is said after them,
read as a person reads it: digit strings digit by digit ("oh seven seven zero…", "double five"), dates of
birth, ages, spelled names letter by letter ("b a k e r"), house number + street + street type, zip codes
and postcodes, emails and web addresses.

Without it the model has seen few of these contexts, so after "my phone number is" the recogniser prefers
ordinary words to digits and after "spelled" it has never seen single letters. The values are drawn at
random (seeded: the same output on every build) from generic pools: digits, months, the name lists of the
PHI detector (src/Core/Clinical/Phi/Lists; only names Debian's CMU dictionary can pronounce, so the
decoder's vocabulary does not grow) and the commonest street names of US and UK towns. Never from the
labelled PHI sets (bench/phi-set). Standard library only.

  python3 phi_contexts.py NAME_LISTS_DIR CMU_DICT [SENTENCES] > sentences.txt
"""
import pathlib
import random
import sys

from spoken import ONES, TENS, number_words

ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth"]
TENS_ORDINAL = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"
SPELLING_CUES = ["spelled", "that is", "that is spelled", "that's", "as in", ""]

# The commonest street names of US towns (numbered and tree names, presidents) and UK towns (High Street,
# Station Road, Church Lane…), and street types; general knowledge, not taken from any PHI set.
STREET_NAMES = [
    "main", "park", "oak", "pine", "maple", "cedar", "elm", "lake", "hill", "view", "washington", "lincoln",
    "jefferson", "madison", "franklin", "jackson", "walnut", "chestnut", "cherry", "willow", "birch", "spruce",
    "ash", "beech", "holly", "sunset", "highland", "meadow", "forest", "spring", "river", "mill", "church",
    "station", "high", "school", "market", "bridge", "green", "manor", "grange", "king", "queen", "kings",
    "queens", "victoria", "albert", "london", "york", "north", "south", "east", "west", "new", "old", "broad",
    "water", "field", "orchard", "garden", "windsor", "richmond", "grove", "cross", "stanley",
    "chapel", "castle", "college", "union", "center", "front", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "first", "hickory", "dogwood", "magnolia", "laurel", "poplar",
    "sycamore", "valley", "ridge", "woodland", "heather", "rose", "primrose",
]
STREET_TYPES = ["street", "road", "avenue", "lane", "drive", "court", "way", "place", "close", "crescent",
                "boulevard", "terrace", "circle", "grove", "gardens", "row", "square", "parkway", "trail"]
FACILITY_WORDS = ["general", "memorial", "regional", "county", "community", "royal", "university", "city",
                  "valley", "park", "hillside", "central", "district", "children's"]
DOMAINS = ["example dot com", "gmail dot com", "yahoo dot com", "hotmail dot com", "outlook dot com",
           "mail dot com", "example dot org", "n h s dot net", "aol dot com", "icloud dot com",
           "example dot co dot uk", "clinic dot org", "health dot org"]
WEB_WORDS = ["health", "clinic", "patient", "care", "surgery", "practice", "booking", "portal", "records",
             "family", "medical", "pharmacy", "wellness", "hospital", "appointments"]


def cardinal(n: int) -> str:
    return number_words(n, hundred_and=False)


def ordinal(n: int) -> str:
    if n <= 20:
        return ORDINALS[n]
    if n % 10 == 0:
        return TENS_ORDINAL[n]
    return TENS[n // 10] + " " + ORDINALS[n % 10]


class Speaker:
    """Draws values and says them the ways people say them."""

    def __init__(self, rng: random.Random, first_names: list, surnames: list):
        self.r = rng
        self.first = first_names
        self.last = surnames

    def pick(self, items):
        return self.r.choice(items)

    def digits(self, count: int, first_nonzero: bool = False) -> str:
        """A digit string read out: zero as "zero" or "oh", a repeated digit sometimes as "double"."""
        ds = [self.r.randrange(1 if first_nonzero and k == 0 else 0, 10) for k in range(count)]
        zero = "oh" if self.r.random() < 0.5 else "zero"
        out, k = [], 0
        while k < len(ds):
            word = zero if ds[k] == 0 else ONES[ds[k]]
            if k + 1 < len(ds) and ds[k + 1] == ds[k] and self.r.random() < 0.25:
                out += ["double", word]
                k += 2
            else:
                out.append(word)
                k += 1
        return " ".join(out)

    def phone(self) -> str:
        kind = self.r.random()
        if kind < 0.4:  # US: area code, exchange, line
            return self.digits(3, True) + " " + self.digits(3, True) + " " + self.digits(4)
        if kind < 0.7:  # UK mobile: oh seven …
            return ("oh seven" if self.r.random() < 0.7 else "zero seven") + " " + self.digits(9)
        if kind < 0.85:  # a local number
            return self.digits(7, True)
        return self.digits(3, True) + " five five five " + self.digits(4)

    def letters(self, count: int) -> str:
        return " ".join(self.pick(LETTERS) for _ in range(count))

    def id_code(self) -> str:
        """An ID with letters and digits ("a b three three nine one seven", "w nine four four two")."""
        shape = self.pick(["LLDDDDD", "LDDDDDD", "LLDDDDDD", "DDDDDDDD", "LDLDDLLD", "DDDDDDDDD", "LLLDDDD"])
        return " ".join(self.pick(LETTERS) if c == "L" else self.digits(1) for c in shape)

    def plate(self) -> str:
        shape = self.pick(["DLLLDDD", "LLLDDDD", "LLDDLLL", "DLLDD", "LLDDDD"])
        return " ".join(self.pick(LETTERS) if c == "L" else self.digits(1) for c in shape)

    def postcode(self) -> str:
        """A UK postcode said letter by letter: "s w one a two a a"."""
        out = self.letters(self.r.randint(1, 2)) + " " + ONES[self.r.randint(1, 9)]
        if self.r.random() < 0.3:
            out += " " + self.pick(LETTERS)
        return out + " " + ONES[self.r.randint(1, 9)] + " " + self.letters(2)

    def year(self, low: int = 1925, high: int = 2024) -> str:
        y = self.r.randint(low, high)
        if y < 2000:
            return "nineteen " + (cardinal(y % 100) if y % 100 >= 10 else "oh " + ONES[y % 100])
        if y < 2010 or self.r.random() < 0.4:
            return "two thousand" + (" and " if self.r.random() < 0.5 else " ") + cardinal(y - 2000) if y > 2000 else "two thousand"
        return "twenty " + cardinal(y % 100)

    def date(self, with_year: bool) -> str:
        month, day = self.pick(MONTHS), self.r.randint(1, 28)
        form = self.r.random()
        if form < 0.4:
            text = f"{month} {ordinal(day)}"
        elif form < 0.55:
            text = f"{month} {cardinal(day)}"
        elif form < 0.65:
            text = f"{month} the {ordinal(day)}"
        else:
            text = f"the {ordinal(day)} of {month}"
        return text + (" " + self.year() if with_year else "")

    def numeric_date(self) -> str:
        """Day, month and year as numbers: "fourteen oh two seventy two"."""
        return f"{cardinal(self.r.randint(1, 28))} {self.digits(1) if self.r.random() < 0.5 else ''} {cardinal(self.r.randint(1, 12))} {cardinal(self.r.randint(20, 99))}".replace("  ", " ")

    def house_number(self) -> str:
        n = self.r.choice([self.r.randint(1, 99), self.r.randint(1, 99), self.r.randint(100, 999), self.r.randint(1000, 9999)])
        if n >= 1000:
            return cardinal(n // 100) + " " + (cardinal(n % 100) if n % 100 >= 10 else "oh " + ONES[n % 100])
        if n >= 100 and self.r.random() < 0.5 and n % 100 >= 10:
            return ONES[n // 100] + " " + cardinal(n % 100)
        if n >= 100 and self.r.random() < 0.5:
            return ONES[n // 100] + " hundred and " + cardinal(n % 100) if n % 100 else cardinal(n)
        return cardinal(n)

    def street(self) -> str:
        name = self.pick(STREET_NAMES)
        if self.r.random() < 0.15:
            name = self.pick(self.last)
        return f"{name} {self.pick(STREET_TYPES)}"

    def address(self) -> str:
        text = f"{self.house_number()} {self.street()}"
        if self.r.random() < 0.2:
            text = f"{self.pick(['apartment', 'flat', 'unit', 'suite'])} {cardinal(self.r.randint(1, 40))} " + text if self.r.random() < 0.5 \
                else text + f" {self.pick(['apartment', 'flat', 'unit'])} {cardinal(self.r.randint(1, 40))}"
        return text

    def spelled(self, word: str) -> str:
        return " ".join(word)

    def email(self) -> str:
        first, last = self.pick(self.first), self.pick(self.last)
        user = self.pick([f"{first} dot {last}", f"{first} {last}", f"{first[0]} {last}", f"{first} {cardinal(self.r.randint(1, 99))}",
                          f"{last} {first[0]}", f"{first} underscore {last}"])
        return f"{user} at {self.pick(DOMAINS)}"

    def url(self) -> str:
        words = self.pick(WEB_WORDS)
        end = self.pick(["com", "org", "net", "co dot uk", "org dot uk", "n h s dot uk", "gov"])
        path = f" slash {self.pick(WEB_WORDS)}" if self.r.random() < 0.3 else ""
        return f"{self.pick(['w w w dot ', '', 'w w w dot '])}{words} dot {end}{path}"

    def ip(self) -> str:
        return " dot ".join(cardinal(self.r.randint(0, 255)) for _ in range(4))

    def age(self) -> str:
        return cardinal(self.r.randint(1, 99))

    def an_age(self) -> str:
        """ "an eighty six", "a forty" """
        age = self.age()
        return ("an " if age[0] in "aeiou" else "a ") + age

    def person(self) -> str:
        return f"{self.pick(self.first)} {self.pick(self.last)}"


def templates(s: Speaker):
    """(weight, sentence maker) pairs: how often each context comes, roughly as often as it is said."""
    title = lambda: s.pick(["doctor", "mister", "missus", "miss", "ms", "nurse", "professor"])
    whose = lambda: s.pick(["my", "his", "her", "the patient's", "your", "their"])
    return [
        # names, introduced, titled and spelled
        (6, lambda: f"{s.pick(['my name is', 'hello my name is', 'hi my name is', 'the patient is', 'patient name', 'this is', 'i am', 'my name is', 'her name is', 'his name is'])} {s.person()}"),
        (3, lambda: f"{title()} {s.pick(s.last)} {s.pick(['asked me to come in', 'will see you now', 'is on call today', 'referred her', 'saw him last week', 'said it was fine', ''])}".strip()),
        (3, lambda: (lambda n: f"{s.pick(['my surname is', 'my last name is', 'the surname is', 'my family name is', 'it is'])} {n} {s.pick(SPELLING_CUES)} {s.spelled(n)}")(s.pick(s.last)).replace("  ", " ")),
        (2, lambda: (lambda n: f"{s.pick(['my first name is', 'my name is', 'first name'])} {n} {s.pick(['spelled', 'that is', 'spelled as'])} {s.spelled(n)}")(s.pick(s.first))),
        (1, lambda: f"can you spell that for me please yes it is {s.spelled(s.pick(s.last))}"),
        (2, lambda: f"{s.pick(['my wife', 'my husband', 'my son', 'my daughter', 'my mother', 'my father', 'her partner', 'his wife', 'my carer'])} {s.pick(s.first)} {s.pick(['is here with me', 'will collect the prescription', 'came with me today', 'can be contacted', 'looks after me'])}"),
        # dates of birth and other dates
        (5, lambda: f"{s.pick(['my date of birth is', 'date of birth', 'd o b', 'her date of birth is', 'his date of birth is', 'i was born on', 'she was born on', 'born on', 'and your date of birth', 'date of birth is'])} {s.date(True)}"),
        (1, lambda: f"{s.pick(['date of birth', 'd o b', 'my birthday is', 'born'])} {s.numeric_date()}"),
        (2, lambda: f"{s.pick(['seen on', 'last seen on', 'admitted on', 'discharged on', 'the appointment is on', 'review on', 'the operation was on', 'booked for', 'the scan is on'])} {s.date(s.r.random() < 0.4)}"),
        # ages
        (3, lambda: s.pick([f"{s.an_age()} year old {s.pick(['man', 'woman', 'gentleman', 'lady', 'boy', 'girl', 'patient'])}",
                            f"{s.pick(['he is', 'she is', 'i am', 'my son is', 'my daughter is'])} {s.age()} years old",
                            f"aged {s.age()}", f"at the age of {s.age()}", f"{s.age()} years of age"])),
        # phone numbers
        (6, lambda: f"{s.pick(['my phone number is', 'my mobile number is', 'my mobile is', 'my number is', 'you can call me on', 'call me at', 'you can reach me on', 'you can ring me on', 'the best number is', 'her home number is', 'his work number is', 'the contact number is', 'my telephone number is', 'my cell is', 'my cell phone number is', 'phone number', 'mobile number', 'ring me on', 'the number is'])} {s.phone()}"),
        # account numbers and IDs
        (3, lambda: f"{s.pick(['my n h s number is', 'n h s number', 'the n h s number is', 'his n h s number is', 'her n h s number is'])} {s.digits(3, True)} {s.digits(3)} {s.digits(4)}"),
        (3, lambda: f"{s.pick(['medical record number', 'her medical record number is', 'the medical record number is', 'm r n', 'hospital number', 'her hospital number is', 'the hospital number is', 'patient id', 'chart number', 'the patient number is'])} {s.id_code() if s.r.random() < 0.5 else s.digits(s.r.randint(6, 8))}"),
        (2, lambda: f"{s.pick(['social security number', 'my social security number is', 'his social security number is', 'the social security number is', 's s n'])} {s.digits(3)} {s.digits(2)} {s.digits(4)}"),
        (2, lambda: f"{s.pick(['the policy number is', 'my insurance number is', 'member id', 'my member id is', 'the insurance id is', 'beneficiary number', 'the account number is', 'account number', 'the license number is', 'group number'])} {s.id_code()}"),
        (1, lambda: f"{s.pick(['fax it to', 'the fax number is', 'fax number'])} {s.phone()}"),
        # vehicles
        (1, lambda: f"{s.pick(['the license plate is', 'license plate', 'the plate number is', 'the car registration is', 'the registration number is'])} {s.plate()}"),
        (1, lambda: f"{s.pick(['the vin is', 'the vin number is', 'vehicle identification number'])} {s.id_code()} {s.id_code()}"),
        # addresses
        (6, lambda: f"{s.pick(['i live at', 'she lives at', 'he lives at', 'the patient lives at', 'my address is', 'her address is', 'his address is', 'the address is', 'we moved to', 'they live at', 'address', 'home address is', 'lives at'])} {s.address()}"),
        (3, lambda: f"{s.pick(['my zip code is', 'the zip code is', 'zip code', 'zip', 'the zip is'])} {s.digits(5)}"),
        (2, lambda: f"{s.pick(['my post code is', 'the post code is', 'post code', 'postal code', 'my postal code is'])} {s.postcode()}"),
        (2, lambda: s.pick([f"{s.pick(['admitted to', 'transferred to', 'seen at', 'referred to', 'under the care of'])} {s.pick(['saint', 'st'])} {s.pick(s.first)} {s.pick(['hospital', 'medical center', 'clinic'])}",
                            f"{s.pick(['admitted to', 'transferred to', 'seen at', 'referred to', 'under the care of'])} {s.pick(STREET_NAMES)} {s.pick(FACILITY_WORDS)} {s.pick(['hospital', 'medical center', 'clinic', 'health center'])}"])),
        # email, web and network addresses
        (3, lambda: f"{s.pick(['my email is', 'my email address is', 'email me at', 'send it to', 'her email is', 'his email address is', 'email'])} {s.email()}"),
        (1, lambda: f"{s.pick(['you can find it at', 'the website is', 'book online at', 'more information at'])} {s.url()}"),
        (1, lambda: f"{s.pick(['the ip address is', 'ip address', 'the device address is'])} {s.ip()}"),
    ]


def main() -> None:
    lists = pathlib.Path(sys.argv[1])
    cmu = {line.split(" ", 1)[0] for line in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").splitlines() if line}
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 750
    common = set((lists / "common-words.txt").read_text(encoding="utf-8").split())
    # Names the CMU dictionary pronounces and that are not ordinary words ("bill", "grace" need no help).
    names = lambda f: sorted(w for w in (lists / f).read_text(encoding="utf-8").split() if w in cmu and w not in common and w.isalpha())
    speaker = Speaker(random.Random(17), names("first-names.txt"), names("surnames.txt"))
    made = templates(speaker)
    weights = [w for w, _ in made]
    for _ in range(count):
        _, make = speaker.r.choices(made, weights)[0]
        print(" ".join(make().split()))


if __name__ == "__main__":
    main()
