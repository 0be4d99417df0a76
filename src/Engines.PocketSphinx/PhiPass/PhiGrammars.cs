using System.Globalization;
using MedGrpc.Core.Clinical.Phi;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// The JSGF grammars a PHI span is re-decoded with, one per <see cref="PhiGrammarKind"/>, and the words each one
/// reads (a first-pass word among them, or a homophone of one, is taken for part of the span). Every word is in
/// the CMU dictionary the decoder loads.
/// </summary>
internal static class PhiGrammars
{
    private const string Digit = "<digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine;";
    private const string Letter = "<letter> = a | b | c | d | e | f | g | h | i | j | k | l | m | n | o | p | q | r | s | t | u | v | w | x | y | z;";
    private const string Numbers =
        "<unit> = one | two | three | four | five | six | seven | eight | nine;\n" +
        "<teen> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen;\n" +
        "<tens> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;\n" +
        "<ordunit> = first | second | third | fourth | fifth | sixth | seventh | eighth | ninth;\n" +
        "<ordinal> = <ordunit> | tenth | eleventh | twelfth | thirteenth | fourteenth | fifteenth | sixteenth | seventeenth | eighteenth | nineteenth | twentieth | twenty <ordunit> | thirtieth | thirty first;\n" +
        "<month> = january | february | march | april | may | june | july | august | september | october | november | december;\n" +
        "<pair> = <unit> | <teen> | <tens> [<unit>] | oh <unit>;\n" +
        "<year> = (nineteen | twenty) (<teen> | <tens> [<unit>] | oh <unit> | hundred) | two thousand [and] [<unit> | <teen> | <tens> [<unit>]];\n" +
        "<day> = [the] (<ordinal> | <unit> | <teen> | <tens> [<unit>]);";

    // "twelve", "four fifty five", "one hundred and two", "two two one".
    private const string HouseNumber =
        "<house> = <unit> | <teen> | <tens> [<unit>] | <unit> hundred [[and] (<unit> | <teen> | <tens> [<unit>])] | <unit> (<teen> | <tens> [<unit>]) | <digit> <digit> [<digit>] [<digit>];";

    /// <summary>
    /// Street names common in the US and the UK, for the address grammar, assembled by the team (2026-12-07) from the
    /// kinds the commonly published "commonest street names" lists share: numbered streets, trees, presidents and
    /// "main", "park", "church", "lake", "hill" in the US; "high", "station", "church", "london", "victoria", "manor",
    /// "kings", "queens" in the UK; and everyday place words of street names ("river", "meadow", "mill"). Generic, not
    /// any PHI set's streets; words the decoder's dictionary lacks are left out of the grammar when it is loaded.
    /// </summary>
    private static readonly string[] StreetNames =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "main", "park", "oak", "pine", "maple", "cedar", "elm",
        "view", "washington", "lake", "hill", "walnut", "spring", "north", "south", "east", "west", "ridge", "church", "willow", "mill", "sunset",
        "railroad", "jackson", "cherry", "center", "highland", "johnson", "lincoln", "jefferson", "madison", "franklin", "chestnut", "spruce",
        "adams", "king", "market", "river", "meadow", "forest", "lakeview", "hickory", "birch", "poplar", "dogwood", "wilson", "smith", "grant",
        "college", "school", "green", "high", "station", "london", "victoria", "manor", "new", "grange", "kings", "queens", "windsor", "highfield",
        "alexandra", "york", "saint", "johns", "broad", "george", "albert", "queen", "richmond", "stanley", "chester", "springfield",
        "kingsway", "broadway", "queensway", "manchester", "bridge", "water", "union", "mountain", "valley", "woodland", "sycamore", "magnolia",
        "laurel", "holly", "ash", "beech", "lime", "orchard", "harbor", "bay", "beach", "canal", "garden", "farm", "heath", "common", "castle",
        "abbey", "chapel", "rectory",
    ];

    public static string SearchName(PhiGrammarKind kind) => $"phi-{kind.ToString().ToLowerInvariant()}";

    /// <summary>
    /// The grammar in JSGF; inDictionary says which of the address and names grammars' words the decoder's dictionary
    /// has (a grammar word it lacks fails the grammar); names: how many of the commonest surnames, and as many first
    /// names, the names grammar holds.
    /// </summary>
    public static string Jsgf(PhiGrammarKind kind, Func<string, bool> inDictionary, int names = 0) => kind switch
    {
        PhiGrammarKind.Digits => Grammar("digits", Digit, "public <digits> = (<digit> | double <digit> | triple <digit>)+;"),
        PhiGrammarKind.LettersAndDigits => Grammar("ids", $"{Digit}\n{Letter}",
            "public <ids> = (<digit> | <letter> | double (<digit> | <letter>) | triple <digit>)+;"),
        PhiGrammarKind.Date => Grammar("date", Numbers,
            "public <date> = [the] <ordinal> of <month> [<year>] | <month> <day> [<year>] | <month> <year> | <pair> <pair> <pair> | <year>;"),
        PhiGrammarKind.Letters => Grammar("letters", Letter, "public <letters> = (<letter> | double <letter>)+;"),
        // Numbers read digit by digit, or "ten", "twenty five": teens would let "nine two" be heard as "nineteen".
        PhiGrammarKind.IpAddress => Grammar("ip", $"{Digit}\n{Numbers}\n<octet> = <digit>+ | ten | <tens> [<unit>];",
            "public <ip> = <octet> dot <octet> dot <octet> dot <octet>;"),
        PhiGrammarKind.Address => Grammar("address", $"{Digit}\n{Numbers}\n{HouseNumber}\n<street> = {string.Join(" | ", StreetNames.Where(inDictionary))};\n<type> = {string.Join(" | ", AddressRecognizer.StreetTypes.Where(inDictionary).Order(StringComparer.Ordinal))};",
            "public <address> = <house> <street> [<street>] <type>;"),
        // A first name and a surname, or either alone; each weighted by how common it is, so that of two names that
        // fit the audio alike the commoner wins.
        PhiGrammarKind.Name => Grammar("name",
            $"<first> = {Weighted(CensusNames.FirstNames.Take(names), inDictionary)};\n<surname> = {Weighted(CensusNames.Surnames.Take(names), inDictionary)};",
            "public <name> = <first> [<surname>] | <surname>;"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>JSGF alternatives weighted by frequency, the weights summing to 1 (JSGF leaves their scale to the reader).</summary>
    private static string Weighted(IEnumerable<RankedName> names, Func<string, bool> inDictionary)
    {
        var kept = names.Where(n => inDictionary(n.Name)).ToList();
        if (kept.Count == 0) throw new InvalidOperationException("The decoder's dictionary has none of the names grammar's names.");
        var total = kept.Sum(n => n.Percent);
        return string.Join(" | ", kept.Select(n => $"/{(n.Percent / total).ToString("0.##########", CultureInfo.InvariantCulture)}/ {n.Name}"));
    }

    private static string Grammar(string name, string rules, string top) => $"#JSGF V1.0;\ngrammar {name};\n{rules}\n{top}\n";

    private static readonly string[] Digits = ["zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double", "triple"];
    // What PocketSphinx writes for a digit or letter heard alone ("for" four, "to" two, "be" b, "why" y…).
    private static readonly string[] DigitSoundAlikes = ["for", "fore", "to", "too", "won", "ate", "tree", "free", "nein", "sex", "fine", "hate"];
    // A digit string the first pass wrote as numbers ("forty five" for "four five", "one hundred" for "one oh oh").
    private static readonly string[] NumberWords =
    [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
    ];
    private static readonly string[] Letters =
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"];
    private static readonly string[] LetterSoundAlikes =
        ["be", "bee", "see", "sea", "gee", "jay", "kay", "okay", "el", "em", "en", "and", "owe", "pea", "pee", "queue", "are", "our", "es", "tea", "tee", "you", "vee", "ex", "why", "eye", "aye", "zee", "zed", "ed"];
    private static readonly string[] DateWords =
    [
        "the", "of", "oh", "and", "hundred", "thousand",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "for", "to",
    ];

    // "dot", and what PocketSphinx writes for it between numbers ("one nine two dogs one six eight").
    private static readonly string[] Dot = ["dot", "dots", "dog", "dogs", "dock", "dawn", "dart"];

    private static readonly Dictionary<PhiGrammarKind, HashSet<string>> WordsRead = new()
    {
        [PhiGrammarKind.Digits] = [.. Digits, .. DigitSoundAlikes, .. NumberWords],
        [PhiGrammarKind.LettersAndDigits] = [.. Digits, .. DigitSoundAlikes, .. NumberWords, .. Letters, .. LetterSoundAlikes],
        [PhiGrammarKind.Date] = [.. DateWords],
        [PhiGrammarKind.Letters] = [.. Letters, .. LetterSoundAlikes, "double"],
        [PhiGrammarKind.IpAddress] = [.. Digits, .. DigitSoundAlikes, .. NumberWords, .. Dot, "and"],
        [PhiGrammarKind.Address] = [.. Digits, .. DigitSoundAlikes, .. NumberWords, .. StreetNames, .. AddressRecognizer.StreetTypes, "and"],
    };

    /// <summary>Whether a first-pass word could be (a mishearing of) one the grammar reads.</summary>
    public static bool Reads(PhiGrammarKind kind, string word) => WordsRead[kind].Contains(word);
}
