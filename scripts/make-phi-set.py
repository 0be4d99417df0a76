#!/usr/bin/env python3
"""The labelled PHI sets: invented sentences (no real people) with their PHI spans marked, written to
bench/phi-set/sentences.jsonl (the tuning set) or, with --set held-out, bench/phi-set/held-out.jsonl (the
held-out set, never tuned on), and with --audio each one spoken by one of Debian's flite voices into
bench/phi-set/audio/<id>.wav (16 kHz mono, via ffmpeg).

Markup: [Category:words] where Category is Personal, Geographic, Account, Vehicle or Other (AWS's
PHI-<Category>). Each JSONL line: {"id", "voice", "text", "words": [...], "entities": [{"category",
"first", "count", "text"}]} with word indices into "words" (the text split on spaces).
Standard library only; flite and ffmpeg are needed for --audio (apt-get install -y flite ffmpeg).
"""
import json, os, re, subprocess, sys, tempfile

SENTENCES = [
    # PHI-Personal: names
    "my name is [Personal:sarah connor] and i have a headache",
    "the patient is [Personal:margaret thompson] seen today for a cough",
    "this is doctor [Personal:patel] calling about the results",
    "please tell doctor [Personal:williams] that the rash is worse",
    "mister [Personal:johnson] reports chest pain on exertion",
    "[Personal:emily watson] was referred by doctor [Personal:green] for a review",
    "her husband [Personal:robert] came with her to the clinic",
    "i spoke with missus [Personal:garcia] about her medication",
    "my name is [Personal:david miller] and my knee hurts",
    "the nurse [Personal:linda] took the blood pressure",
    # PHI-Personal: ages
    "she is a [Personal:forty two] year old woman with asthma",
    "a [Personal:sixty eight] year old man with diabetes",
    "the child is [Personal:six] months old and feeding well",
    "he had a heart attack at the age of [Personal:fifty five]",
    "this [Personal:seventy] year old lady fell at home",
    # PHI-Personal: dates
    "she was born on [Personal:march third nineteen eighty five]",
    "the last visit was on [Personal:june fifteenth]",
    "the operation is booked for [Personal:the twenty first of october]",
    "symptoms started on [Personal:january second twenty twenty four]",
    "his date of birth is [Personal:july fourth nineteen sixty]",
    "review on [Personal:august ninth] with the blood results",
    # PHI-Personal: phone numbers
    "you can call me at [Personal:five five five one two three four]",
    "my phone number is [Personal:eight one seven five five five two nine three one]",
    "her cell is [Personal:two one two five five five nine eight seven six]",
    "the daughter's number is [Personal:six one seven four four two zero one nine nine]",
    "reach me at [Personal:four one five five five five zero one two three] after five",
    # PHI-Personal: emails
    "my email is [Personal:john dot smith at example dot com]",
    "send the letter to [Personal:mary jones at mail dot org]",
    "his email address is [Personal:bob seventy at example dot net]",
    "write to [Personal:anna dot lee at clinic dot com] with the scan",
    # PHI-Geographic: addresses, zip codes, medical centres
    "i live at [Geographic:twelve oak street]",
    "the patient lives at [Geographic:four fifty five maple avenue]",
    "her address is [Geographic:eighty eight river road apartment four]",
    "he moved to [Geographic:one hundred elm drive] last year",
    "the zip code is [Geographic:nine four one zero seven]",
    "my zip is [Geographic:zero two one three nine]",
    "she was admitted to [Geographic:saint mary's hospital] last week",
    "he attends the [Geographic:riverside medical center] for dialysis",
    "send the results to [Geographic:twenty two pine lane] please",
    "our office is at [Geographic:three hundred main street] zip code [Geographic:six zero six one one]",
    # PHI-Account
    "my social security number is [Account:one two three four five six seven eight nine]",
    "the medical record number is [Account:four four seven one two nine]",
    "his account number is [Account:nine eight seven six five four]",
    "the beneficiary number is [Account:one e g four t e five m k seven two]",
    "her license number is [Account:d four five six seven eight nine]",
    "fax it to [Account:five five five three two one zero]",
    "the fax number is [Account:three one two five five five one one eight eight]",
    "the certificate number is [Account:seven seven three two one]",
    "my insurance id is [Account:x y z one two three four five]",
    "the social security number on file is [Account:nine eight seven six five four three two one]",
    # PHI-Vehicle
    "the license plate was [Vehicle:seven a b c one two three]",
    "his license plate number is [Vehicle:four x y z nine eight]",
    "the vehicle identification number is [Vehicle:one h g c m eight two six three three a zero zero four three five two]",
    # PHI-Other: URLs and IP addresses
    "the portal is at [Other:www dot healthportal dot com]",
    "you can book at [Other:www dot clinic dot org]",
    "see [Other:mychart dot example dot org slash login] for your results",
    "the device ip address is [Other:one nine two dot one six eight dot one dot ten]",
    "the server is [Other:ten dot zero dot zero dot five]",
    # mixed
    "[Personal:james brown] is a [Personal:thirty] year old man from [Geographic:nine oak lane]",
    "my name is [Personal:lucy grant] and my phone number is [Personal:five five five nine eight seven six]",
    "the [Personal:eighty one] year old was seen by doctor [Personal:evans] on [Personal:may fifth]",
    "call [Personal:peter] at [Personal:three one zero five five five four four three two]",
    # no PHI (precision)
    "the blood pressure is one twenty over eighty",
    "take five milligrams twice a day for two weeks",
    "oxygen saturation is ninety eight percent on room air",
    "the pain is seven out of ten",
    "temperature thirty eight point five degrees",
    "she has had a cough for three days",
    "no chest pain or shortness of breath",
    "the heart rate is seventy two beats per minute",
    "review in ten to fourteen days if no better",
    "he takes aspirin and simvastatin every morning",
    "the wound is two centimeters long",
    "he will see the doctor again next week",
    "may i ask about your smoking",
    "she went to the hospital after the fall",
    "the scan showed a small lesion in the left lung",
]

# The held-out set (--set held-out, bench/phi-set/held-out.jsonl): written after the detector was tuned on
# the sentences above and before anything was measured on it; nothing is tuned on it. Other people,
# numbers, dates and streets, cues said other ways (British and American), PHI inside clinical sentences,
# spelled names, and clinical sentences with numbers and months but no PHI. Never change it after seeing results.
HELD_OUT = [
    # names
    "hello my name is [Personal:helen fraser] and i have had a sore throat for a week",
    "i have come in with my son [Personal:thomas] who has a temperature",
    "doctor [Personal:bennett] asked me to come back for the blood test",
    "the patient [Personal:george harris] has chronic kidney disease",
    "please pass this on to missus [Personal:campbell] at the front desk",
    "my surname is [Personal:baker] spelled [Personal:b a k e r]",
    "my first name is [Personal:karen] that is [Personal:k a r e n]",
    "my last name is [Personal:patterson] as in [Personal:p a t t e r s o n]",
    "her partner [Personal:michael] will collect the prescription",
    "i was seen by doctor [Personal:hughes] last tuesday",
    "[Personal:rachel morgan] attended with her mother today",
    "you are speaking to nurse [Personal:julie] from the surgery",
    # ages
    "mister [Personal:collins] is a [Personal:fifty nine] year old retired builder",
    "she is [Personal:thirty four] years old and twelve weeks pregnant",
    "my daughter is [Personal:nine] years old and has a rash on her arms",
    "he was diagnosed with diabetes at the age of [Personal:forty]",
    "an [Personal:eighty six] year old gentleman with a chest infection",
    "aged [Personal:twenty three] she presents with lower abdominal pain",
    # dates
    "my date of birth is the [Personal:fourteenth of february nineteen seventy two]",
    "date of birth [Personal:november thirtieth nineteen ninety]",
    "i was born on [Personal:the second of april two thousand and one]",
    "the smear test was done on [Personal:september twelfth]",
    "he was discharged from the ward on [Personal:december the eighth]",
    "her follow up appointment is on [Personal:the nineteenth of may]",
    # phone numbers
    "my mobile is [Personal:oh seven seven zero zero nine eight one two three four]",
    "the best number to call is [Personal:three zero three five five five eight two one four]",
    "you can ring me on [Personal:six four six five five five zero one seven two]",
    "her home phone is [Personal:nine one nine five five five three three four zero]",
    "his wife can be reached on [Personal:seven zero eight five five five one two nine six]",
    # emails
    "my email is [Personal:kate dot wilson at example dot com]",
    "email me at [Personal:sam ninety at example dot net] with the letter",
    "her email address is [Personal:j walker at health dot org]",
    # addresses, zip codes, postcodes, medical centres
    "i live at [Geographic:forty seven church road]",
    "her address is [Geographic:two hundred and ten park avenue]",
    "he lives at [Geographic:sixteen high street] with his wife",
    "the patient's address is [Geographic:five hundred sixty willow court apartment twelve]",
    "we moved to [Geographic:thirty one station road] in the summer",
    "my zip code is [Geographic:three zero three zero nine]",
    "the zip is [Geographic:seven eight seven zero one]",
    "the postcode is [Geographic:l s one four a b]",
    "she was transferred to [Geographic:saint james hospital] overnight",
    "he is under the care of the [Geographic:lakeside medical center]",
    # account numbers
    "my n h s number is [Account:four eight five seven seven three four five six one]",
    "her hospital number is [Account:r x one two three four five six]",
    "her medical record number is [Account:five zero two eight eight one]",
    "the policy number is [Account:a b three three nine one seven]",
    "his social security number is [Account:two one nine zero five six four four seven]",
    "the account number on the bill is [Account:six six one zero four two eight]",
    "please fax the letter to [Account:four zero four five five five seven seven one two]",
    "my member id is [Account:w nine four four two eight one]",
    # vehicles
    "the car's license plate is [Vehicle:eight k l m four four two]",
    "the plate number was [Vehicle:five t r w three one]",
    "the vin number is [Vehicle:three f a d p four e j two f m one one two three four]",
    # web and network addresses
    "you can read more at [Other:www dot diabetes dot org]",
    "log in at [Other:portal dot clinic dot com slash patients] to see your results",
    "the monitor's ip address is [Other:one seven two dot one six dot zero dot four]",
    # PHI inside clinical sentences
    "missus [Personal:cooper] aged [Personal:seventy seven] was admitted to [Geographic:north valley hospital] with pneumonia",
    "my name is [Personal:brian walker] and my date of birth is [Personal:the ninth of june nineteen fifty]",
    "call my daughter [Personal:emma] on [Personal:five one two five five five six nine zero eight] if anything changes",
    "the [Personal:sixty one] year old man from [Geographic:twenty five victoria street] has a leg ulcer",
    "seen by doctor [Personal:shah] on [Personal:october twenty third twenty twenty five] for a review of his asthma",
    "my email address is [Personal:lisa king at example dot com] and my mobile is [Personal:five five five four three two one]",
    # no PHI (precision): numbers, months, titles and cue-like words in clinical sentences
    "the blood pressure today is one forty over ninety",
    "take one tablet three times a day with food",
    "her hemoglobin was one hundred and twelve",
    "come back in two weeks if the cough is no better",
    "the doctor will phone you with the results",
    "i have had this pain since march",
    "she is on metformin five hundred milligrams twice daily",
    "the rash started three or four days ago",
    "his peak flow is four hundred and fifty",
    "call an ambulance if the chest pain comes back",
    "the patient lives alone and manages well",
    "he smokes ten cigarettes a day",
    "the x ray showed no fracture",
    "the number of episodes is about five a week",
    "the hospital sent a letter about the scan",
    "may we check your blood sugar",
    "the street was icy and she slipped on the way to work",
]

VOICES = ["slt", "rms", "awb", "kal16"]
# The held-out set's voices start one step on, so each voice speaks other kinds of PHI than in the tune set.
# flite's 8 kHz kal and espeak-ng would be voices the tune set never used, but PocketSphinx's 16 kHz
# acoustic model turns even a plain sentence of theirs to nonsense: they would measure the acoustic model.
HELD_OUT_VOICES = ["rms", "awb", "kal16", "slt"]
SETS = {"tune": (SENTENCES, "sentences.jsonl", "phi-", VOICES), "held-out": (HELD_OUT, "held-out.jsonl", "phi-h", HELD_OUT_VOICES)}
MARK = re.compile(r"\[(Personal|Geographic|Account|Vehicle|Other):([^\]]+)\]")


def parse(marked):
    words, entities = [], []
    pos = 0
    for m in MARK.finditer(marked):
        words += marked[pos:m.start()].split()
        span = m.group(2).split()
        entities.append({"category": "PHI-" + m.group(1), "first": len(words), "count": len(span), "text": " ".join(span)})
        words += span
        pos = m.end()
    words += marked[pos:].split()
    return words, entities


def main():
    # --set tune (default): sentences.jsonl, ids phi-NNN; --set held-out: held-out.jsonl, ids phi-hNNN.
    name = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "tune"
    if name not in SETS:
        sys.exit(f"make-phi-set: --set is tune or held-out, not '{name}'")
    sentences, file_name, prefix, voices = SETS[name]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "phi-set")
    os.makedirs(root, exist_ok=True)
    items = []
    for n, marked in enumerate(sentences, 1):
        words, entities = parse(marked)
        items.append({"id": f"{prefix}{n:03d}", "voice": voices[n % len(voices)], "text": " ".join(words),
                      "words": words, "entities": entities})
    with open(os.path.join(root, file_name), "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item) + "\n")
    print(f"{len(items)} sentences, {sum(len(i['entities']) for i in items)} PHI spans -> {root}/{file_name}")
    if "--audio" in sys.argv:
        audio = os.path.join(root, "audio")
        os.makedirs(audio, exist_ok=True)
        for item in items:
            target = os.path.join(audio, item["id"] + ".wav")
            if os.path.exists(target):
                continue
            with tempfile.NamedTemporaryFile(suffix=".wav") as raw:
                subprocess.run(["flite", "-voice", item["voice"], "-t", item["text"], "-o", raw.name], check=True)
                subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", raw.name, "-ar", "16000", "-ac", "1",
                                "-c:a", "pcm_s16le", target], check=True)
        print(f"audio -> {audio}")


if __name__ == "__main__":
    main()
