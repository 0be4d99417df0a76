using MedGrpc.Core.Clinical.Phi;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The spoken cues that announce PHI, each with the grammar for what follows it: the one list the second pass reads.
/// Generic phrasings, British and American, as PocketSphinx writes them (letters of an abbreviation apart: "n h s").
/// A longer cue is matched before a shorter one that ends it ("fax number" before "number is").
/// </summary>
internal static class PhiCues
{
    public static readonly IReadOnlyList<(string[] Words, PhiGrammarKind Kind)> All = Build(
    [
        ("phone number", PhiGrammarKind.Digits), ("telephone number", PhiGrammarKind.Digits),
        ("mobile number", PhiGrammarKind.Digits), ("mobile", PhiGrammarKind.Digits), ("cell number", PhiGrammarKind.Digits),
        ("cell phone", PhiGrammarKind.Digits), ("her cell", PhiGrammarKind.Digits), ("his cell", PhiGrammarKind.Digits), ("my cell", PhiGrammarKind.Digits),
        ("contact number", PhiGrammarKind.Digits), ("home number", PhiGrammarKind.Digits), ("work number", PhiGrammarKind.Digits),
        ("call me at", PhiGrammarKind.Digits), ("call me on", PhiGrammarKind.Digits), ("reach me at", PhiGrammarKind.Digits),
        ("reach me on", PhiGrammarKind.Digits), ("ring me on", PhiGrammarKind.Digits), ("ring me at", PhiGrammarKind.Digits),
        ("fax number", PhiGrammarKind.Digits), ("fax it to", PhiGrammarKind.Digits), ("fax to", PhiGrammarKind.Digits),
        ("social security number", PhiGrammarKind.Digits), ("n h s number", PhiGrammarKind.Digits), ("nhs number", PhiGrammarKind.Digits),
        ("hospital number", PhiGrammarKind.Digits), ("medical record number", PhiGrammarKind.Digits), ("record number", PhiGrammarKind.Digits),
        ("account number", PhiGrammarKind.Digits), ("certificate number", PhiGrammarKind.Digits), ("policy number", PhiGrammarKind.Digits),
        ("reference number", PhiGrammarKind.Digits), ("zip code", PhiGrammarKind.Digits), ("my zip", PhiGrammarKind.Digits),
        ("number is", PhiGrammarKind.Digits), ("numbers", PhiGrammarKind.Digits),
        // The detector's other cues for the same numbers (CuedNumberRecognizer), so that the pass re-reads what it tags.
        ("zip", PhiGrammarKind.Digits), ("area code", PhiGrammarKind.Digits), ("landline", PhiGrammarKind.Digits),
        ("text me on", PhiGrammarKind.Digits), ("get me on", PhiGrammarKind.Digits), ("contact me on", PhiGrammarKind.Digits), ("reached at", PhiGrammarKind.Digits),
        ("reached on", PhiGrammarKind.Digits), ("call him at", PhiGrammarKind.Digits), ("call her at", PhiGrammarKind.Digits), ("call him on", PhiGrammarKind.Digits),
        ("call her on", PhiGrammarKind.Digits), ("ring him on", PhiGrammarKind.Digits), ("ring her on", PhiGrammarKind.Digits), ("best number", PhiGrammarKind.Digits),
        ("s s n", PhiGrammarKind.Digits), ("claim number", PhiGrammarKind.Digits), ("card number", PhiGrammarKind.Digits),
        ("postal code", PhiGrammarKind.LettersAndDigits), ("n i number", PhiGrammarKind.LettersAndDigits),
        ("m r n", PhiGrammarKind.LettersAndDigits), ("patient id", PhiGrammarKind.LettersAndDigits), ("patient number", PhiGrammarKind.LettersAndDigits),
        ("chart number", PhiGrammarKind.LettersAndDigits), ("case number", PhiGrammarKind.LettersAndDigits), ("unit number", PhiGrammarKind.LettersAndDigits),
        ("group number", PhiGrammarKind.LettersAndDigits), ("member number", PhiGrammarKind.LettersAndDigits), ("medicare number", PhiGrammarKind.LettersAndDigits),
        ("passport number", PhiGrammarKind.LettersAndDigits), ("plate number", PhiGrammarKind.LettersAndDigits),
        ("vehicle identification number", PhiGrammarKind.LettersAndDigits), ("v i n", PhiGrammarKind.LettersAndDigits), ("vin", PhiGrammarKind.LettersAndDigits),
        ("post code", PhiGrammarKind.LettersAndDigits), ("postcode", PhiGrammarKind.LettersAndDigits),
        ("national insurance number", PhiGrammarKind.LettersAndDigits), ("insurance number", PhiGrammarKind.LettersAndDigits),
        ("insurance id", PhiGrammarKind.LettersAndDigits), ("member id", PhiGrammarKind.LettersAndDigits),
        ("beneficiary number", PhiGrammarKind.LettersAndDigits), ("license number", PhiGrammarKind.LettersAndDigits),
        ("licence number", PhiGrammarKind.LettersAndDigits), ("license plate", PhiGrammarKind.LettersAndDigits),
        ("number plate", PhiGrammarKind.LettersAndDigits), ("registration", PhiGrammarKind.LettersAndDigits),
        ("identification number", PhiGrammarKind.LettersAndDigits),
        ("date of birth", PhiGrammarKind.Date), ("of birth", PhiGrammarKind.Date), ("birth is", PhiGrammarKind.Date), ("d o b", PhiGrammarKind.Date), ("born on", PhiGrammarKind.Date),
        ("born in", PhiGrammarKind.Date), ("birthday is", PhiGrammarKind.Date),
        ("spelled", PhiGrammarKind.Letters), ("spelt", PhiGrammarKind.Letters), ("spelling", PhiGrammarKind.Letters),
        ("spell", PhiGrammarKind.Letters), ("s p e l l", PhiGrammarKind.Letters),
        ("ip address", PhiGrammarKind.IpAddress), ("i p address", PhiGrammarKind.IpAddress),
    ],
    // The detector's own address cues ("lives at", "my address"…): after them it takes a number and a name for an address.
    AddressRecognizer.AddressCues.Select(cue => (cue, PhiGrammarKind.Address))
        // Its titles and introductions ("doctor", "mrs", "my name is", "named"…), and "nurse" and "miss", after which
        // it takes a name only from its lists: a name is what follows them all.
        .Concat(NameRecognizer.Titles.Concat(NameRecognizer.Introductions).Append(["nurse"]).Append(["miss"]).Select(cue => (cue, PhiGrammarKind.Name))));

    /// <summary>Words said between a cue and its PHI ("my phone number is …", "call me at …"), skipped before the span starts.</summary>
    /// <remarks>
    /// "number" joins too ("license plate number is", "registration number"); "it's", "that" and the like do not, for
    /// PocketSphinx writes a spoken letter so ("x" as "it's").
    /// </remarks>
    public static readonly IReadOnlySet<string> Joiners = new HashSet<string>(StringComparer.Ordinal) { "number", "numbers", "is", "was", "are", "at", "on", "of", "the" };

    private static List<(string[] Words, PhiGrammarKind Kind)> Build((string Phrase, PhiGrammarKind Kind)[] cues, IEnumerable<(string[] Words, PhiGrammarKind Kind)> detectorCues) =>
        cues.Select(c => (c.Phrase.Split(' '), c.Kind)).Concat(detectorCues).OrderByDescending(c => c.Item1.Length).ToList();
}
