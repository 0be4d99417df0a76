#!/usr/bin/env python3
"""The labelled PHI set: invented sentences (no real people) with their PHI spans marked, written to
bench/phi-set/sentences.jsonl, and with --audio each one spoken by one of Debian's flite voices into
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

VOICES = ["slt", "rms", "awb", "kal16"]
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
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "phi-set")
    os.makedirs(root, exist_ok=True)
    items = []
    for n, marked in enumerate(SENTENCES, 1):
        words, entities = parse(marked)
        items.append({"id": f"phi-{n:03d}", "voice": VOICES[n % len(VOICES)], "text": " ".join(words),
                      "words": words, "entities": entities})
    with open(os.path.join(root, "sentences.jsonl"), "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item) + "\n")
    print(f"{len(items)} sentences, {sum(len(i['entities']) for i in items)} PHI spans -> {root}/sentences.jsonl")
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
