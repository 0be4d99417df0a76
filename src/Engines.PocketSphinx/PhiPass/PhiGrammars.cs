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

    public static string SearchName(PhiGrammarKind kind) => $"phi-{kind.ToString().ToLowerInvariant()}";

    public static string Jsgf(PhiGrammarKind kind) => kind switch
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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

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
    };

    /// <summary>Whether a first-pass word could be (a mishearing of) one the grammar reads.</summary>
    public static bool Reads(PhiGrammarKind kind, string word) => WordsRead[kind].Contains(word);
}
