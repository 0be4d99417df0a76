namespace MedGrpc.Core.Clinical.Phi;

/// <summary>
/// A number read out after the phrase that says what it is: "social security number is one two three…",
/// "medical record number …", "fax …", "phone number …", "zip code …", "license plate …". The cue tells
/// the category; the PHI is the digits (and letters, for IDs), not the cue.
/// </summary>
public sealed class CuedNumberRecognizer : IPhiRecognizer
{
    private sealed record Cue(string[] Words, string Category, string Kind, bool Letters, int MinDigits);

    private static readonly IReadOnlyList<Cue> Cues = Build();

    private static readonly string[] Fillers = ["is", "was", "are", "number", "numbers", "number's", "of", "it's", "its", "the", "my", "at", "on", "be", "reached", "and", "id", "colon", "as", "follows", "it", "to", "on", "file", "for", "today", "now", "still"];

    public IEnumerable<PhiSpan> Find(PhiWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var cue in Cues)
            {
                if (words.MatchAny(i, [cue.Words]) == 0) continue;
                var at = i + cue.Words.Length;
                for (var skipped = 0; skipped < 4 && words.Is(at, Fillers); skipped++) at++;
                var (count, digits) = words.DigitRun(at, cue.Letters);
                if (count > 0 && digits >= cue.MinDigits)
                {
                    yield return new PhiSpan(cue.Category, cue.Kind, at, count, 0.95);
                    i = at + count - 1;
                }
                break;
            }
        }
    }

    private static List<Cue> Build()
    {
        var cues = new List<Cue>();
        void Add(string category, string kind, bool letters, int minDigits, params string[] phrases) =>
            cues.AddRange(phrases.Select(p => new Cue(p.Split(' '), category, kind, letters, minDigits)));
        Add(PhiCategories.Account, "SSN", false, 4, "social security number", "social security", "s s n", "ssn");
        // The UK's national insurance number is letters and digits ("q q one two three four five six c").
        Add(PhiCategories.Account, "SSN", true, 4, "national insurance number", "national insurance", "n i number");
        Add(PhiCategories.Account, "MEDICAL_RECORD_NUMBER", true, 3, "medical record number", "medical record", "record number", "m r n", "mrn", "chart number", "patient id", "patient number",
            "n h s number", "nhs number", "n h s no", "hospital number", "hospital id", "unit number", "case number", "reference number", "c h i number");
        Add(PhiCategories.Account, "BENEFICIARY_NUMBER", true, 3, "health insurance beneficiary number", "beneficiary number", "beneficiary id", "member id", "member number",
            "insurance id", "insurance number", "policy number", "medicare number", "medicaid number", "group number");
        Add(PhiCategories.Account, "ACCOUNT_NUMBER", true, 3, "account number", "bank account", "account", "card number", "credit card number", "debit card number", "claim number",
            "sort code");
        Add(PhiCategories.Account, "LICENSE_NUMBER", true, 3, "driver's license number", "drivers license number", "driver's license", "license number", "licence number",
            "certificate number", "certification number", "dea number", "npi number", "npi", "passport number", "g m c number", "gmc number");
        Add(PhiCategories.Account, "FAX", false, 3, "fax number", "fax");
        // A British number plate is a car's "registration": "the car registration is a b one two c d e".
        Add(PhiCategories.Vehicle, "LICENSE_PLATE", true, 2, "license plate number", "license plate", "licence plate", "plate number", "registration number", "car registration",
            "registration plate", "number plate", "registration");
        Add(PhiCategories.Vehicle, "VIN", true, 5, "vehicle identification number", "v i n", "vin number", "vin");
        Add(PhiCategories.Geographic, "ZIP_CODE", false, 5, "zip code", "zip");
        // A UK postcode is letters and digits said one by one ("s w one a two a a"); a postal code may be either.
        Add(PhiCategories.Geographic, "ZIP_CODE", true, 4, "post code", "postcode", "postal code");
        Add(PhiCategories.Personal, "PHONE", false, 3, "phone number", "telephone number", "cell phone number", "cell number", "mobile number", "home number",
            "work number", "contact number", "callback number", "call back number", "pager number", "phone", "telephone", "cell", "mobile", "pager", "call me at",
            "reach me at", "call him at", "call her at", "call them at", "call us at", "reached at",
            // British speakers give a number "on": "ring me on", "you can get me on".
            "call me on", "ring me on", "reach me on", "contact me on", "text me on", "get me on", "call him on", "call her on", "ring him on", "ring her on",
            "reached on", "landline", "landline number", "home phone", "work phone", "mobile phone", "mobile phone number", "extension", "direct line", "best number");
        return cues.OrderByDescending(c => c.Words.Length).ToList();
    }
}
