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
        Add(PhiCategories.Account, "MEDICAL_RECORD_NUMBER", true, 3, "medical record number", "medical record", "record number", "m r n", "mrn", "chart number", "patient id", "patient number",
            "n h s number", "nhs number");
        Add(PhiCategories.Account, "BENEFICIARY_NUMBER", true, 3, "health insurance beneficiary number", "beneficiary number", "beneficiary id", "member id", "member number",
            "insurance id", "insurance number", "policy number", "medicare number", "medicaid number", "group number");
        Add(PhiCategories.Account, "ACCOUNT_NUMBER", true, 3, "account number", "bank account", "account");
        Add(PhiCategories.Account, "LICENSE_NUMBER", true, 3, "driver's license number", "drivers license number", "driver's license", "license number", "licence number",
            "certificate number", "certification number", "dea number", "npi number", "npi");
        Add(PhiCategories.Account, "FAX", false, 3, "fax number", "fax");
        Add(PhiCategories.Vehicle, "LICENSE_PLATE", true, 2, "license plate number", "license plate", "licence plate", "plate number");
        Add(PhiCategories.Vehicle, "VIN", true, 5, "vehicle identification number", "v i n", "vin number", "vin");
        Add(PhiCategories.Geographic, "ZIP_CODE", false, 5, "zip code", "zip", "postal code");
        Add(PhiCategories.Personal, "PHONE", false, 3, "phone number", "telephone number", "cell phone number", "cell number", "mobile number", "home number",
            "work number", "contact number", "callback number", "call back number", "pager number", "phone", "telephone", "cell", "mobile", "pager", "call me at",
            "reach me at", "call him at", "call her at", "call them at", "call us at", "reached at");
        return cues.OrderByDescending(c => c.Words.Length).ToList();
    }
}
