using System.Text;
using MedGrpc.Core.Model;
using MedGrpc.Core.Vocabularies;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>Every rule of the vocabulary table format, each failing with the line and the rule.</summary>
public sealed class VocabularyTableTests
{
    private const string Header = "Phrase\tIPA\tSoundsLike\tDisplayAs";

    private static IReadOnlyList<VocabularyEntry> Parse(string text) => VocabularyTable.Parse(Encoding.UTF8.GetBytes(text));

    private static string Failure(string text) => Assert.Throws<VocabularyFileException>(() => Parse(text)).Message;

    private static void AssertFailsOnLine(string text, int line, string rule)
    {
        var message = Failure(text);
        Assert.Contains($"line {line}:", message);
        Assert.Contains(rule, message);
    }

    [Fact]
    public void A_table_gives_one_entry_a_row_with_empty_columns_as_null()
    {
        var entries = Parse($"{Header}\nacute-respiratory-distress-syndrome\t\t\tARDS\nD.N.A.\t\t\t\nmetformin\t\tmet-for-min\t\n");

        Assert.Equal(3, entries.Count);
        Assert.Equal(new VocabularyEntry(2, "acute-respiratory-distress-syndrome", null, null, "ARDS"), entries[0]);
        Assert.Equal(new VocabularyEntry(3, "D.N.A.", null, null, null), entries[1]);
        Assert.Equal("met-for-min", entries[2].SoundsLike);
    }

    [Fact]
    public void The_header_may_name_the_columns_in_any_order()
    {
        var entries = Parse("DisplayAs\tSoundsLike\tPhrase\tIPA\nARDS\t\tards\t\n");

        Assert.Equal("ards", entries[0].Phrase);
        Assert.Equal("ARDS", entries[0].DisplayAs);
    }

    [Fact]
    public void IPA_phonemes_separated_by_single_spaces_are_accepted() =>
        Assert.Equal("ˈæ s ə t", Parse($"{Header}\nacet\tˈæ s ə t\t\t\n")[0].Ipa);

    [Fact]
    public void A_byte_order_mark_and_blank_lines_are_ignored() =>
        Assert.Single(Parse($"\uFEFF{Header}\n\nmetformin\t\t\t\n\n"));

    [Fact]
    public void A_header_missing_a_column_fails_naming_it() =>
        AssertFailsOnLine("Phrase\tIPA\tDisplayAs\nmetformin\t\t\n", 1, "lacks the column SoundsLike");

    [Fact]
    public void A_header_with_another_column_fails_naming_it() =>
        AssertFailsOnLine("Phrase\tIPA\tSoundsLike\tDisplayAs\tWeight\nmetformin\t\t\t\t2\n", 1, "'Weight'");

    [Fact]
    public void A_header_separated_by_spaces_fails() =>
        AssertFailsOnLine("Phrase IPA SoundsLike DisplayAs\nmetformin\n", 1, "separate the four columns with tabs");

    [Fact]
    public void A_header_naming_a_column_twice_fails() =>
        AssertFailsOnLine("Phrase\tIPA\tIPA\tDisplayAs\nmetformin\t\t\t\n", 1, "'IPA' twice");

    [Fact]
    public void CRLF_line_endings_fail_on_the_first_such_line() =>
        AssertFailsOnLine($"{Header}\r\nmetformin\t\t\t\r\n", 1, "LF line endings");

    [Fact]
    public void A_file_that_is_not_UTF8_fails()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\nmetformin\t\t\t\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var message = Assert.Throws<VocabularyFileException>(() => VocabularyTable.Parse(bytes)).Message;
        Assert.Contains("UTF-8", message);
        Assert.Contains("line 3", message);
    }

    [Fact]
    public void A_file_over_50_KB_fails_with_its_size()
    {
        var rows = string.Concat(Enumerable.Repeat("metformin\t\t\t\n", 4000));
        Assert.Contains("the limit is 50 KB", Failure($"{Header}\n{rows}"));
    }

    [Fact]
    public void An_empty_file_fails() => Assert.Contains("empty", Failure(""));

    [Fact]
    public void A_header_without_phrases_fails() => Assert.Contains("no phrases", Failure($"{Header}\n"));

    [Fact]
    public void A_row_with_fewer_columns_than_the_header_fails() =>
        AssertFailsOnLine($"{Header}\nmetformin\t\t\t\nlisinopril\tlisinopril\n", 3, "has 2 columns but the header has 4");

    [Fact]
    public void A_row_without_a_phrase_fails() =>
        AssertFailsOnLine($"{Header}\n\t\t\tARDS\n", 2, "Phrase column is empty");

    [Fact]
    public void A_phrase_with_spaces_fails_asking_for_hyphens() =>
        AssertFailsOnLine($"{Header}\nacute respiratory\t\t\t\n", 2, "has a space: write words joined by hyphens");

    [Fact]
    public void A_phrase_with_a_digit_fails_naming_the_character() =>
        AssertFailsOnLine($"{Header}\nvitamin-b12\t\t\t\n", 2, "has the character '1'");

    [Fact]
    public void A_phrase_with_an_empty_part_between_hyphens_fails() =>
        AssertFailsOnLine($"{Header}\nacute--syndrome\t\t\t\n", 2, "empty part between hyphens");

    [Fact]
    public void IPA_and_SoundsLike_together_fail() =>
        AssertFailsOnLine($"{Header}\nacet\tæ s ə t\ta-set\t\n", 2, "both IPA and SoundsLike");

    [Fact]
    public void SoundsLike_with_spaces_fails_asking_for_hyphens() =>
        AssertFailsOnLine($"{Header}\nacet\t\ta set\t\n", 2, "syllables joined by hyphens");

    [Fact]
    public void SoundsLike_with_a_digit_fails() =>
        AssertFailsOnLine($"{Header}\nacet\t\ta-set2\t\n", 2, "has the character '2'");

    [Fact]
    public void IPA_with_a_symbol_outside_US_English_fails_naming_it() =>
        AssertFailsOnLine($"{Header}\nacet\tæ s ø t\t\t\n", 2, "has 'ø', which isn't a US English phoneme");

    [Fact]
    public void IPA_phonemes_run_together_fail() =>
        AssertFailsOnLine($"{Header}\nacet\tæsət\t\t\n", 2, "separate phonemes with single spaces");

    [Fact]
    public void IPA_with_a_double_space_fails() =>
        AssertFailsOnLine($"{Header}\nacet\tæ  s ə t\t\t\n", 2, "single spaces");

    [Fact]
    public void A_value_of_257_characters_fails_naming_the_column() =>
        AssertFailsOnLine($"{Header}\nmetformin\t\t\t{new string('x', 257)}\n", 2, "DisplayAs value is 257 characters long: the limit is 256");

    [Fact]
    public void A_value_of_256_characters_is_accepted() =>
        Assert.Equal(256, Parse($"{Header}\nmetformin\t\t\t{new string('x', 256)}\n")[0].DisplayAs!.Length);

    [Fact]
    public void A_DisplayAs_of_only_spaces_fails() =>
        AssertFailsOnLine($"{Header}\nmetformin\t\t\t   \n", 2, "DisplayAs value is only spaces");
}
