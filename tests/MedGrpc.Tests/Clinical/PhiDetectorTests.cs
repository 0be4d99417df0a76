using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Clinical.Phi;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Tests.Clinical;

public sealed class PhiDetectorTests
{
    private static List<RecognizedWord> Words(string text) =>
        text.Split(' ').Select((w, k) => new RecognizedWord(w, k, k + 0.5, 0.8)).ToList();

    /// <summary>The entities found in the words, as (category, content).</summary>
    private static List<(string Category, string Content)> Find(string text)
    {
        var words = Words(text);
        return PhiEntities.Find(words, ClinicalFormatter.Format(words)).Select(e => (e.Category, e.Content)).ToList();
    }

    [Theory]
    [InlineData("my name is sarah connor and i have a headache", "sarah connor")]
    [InlineData("this is doctor patel calling", "patel")]
    [InlineData("seen with emily watson today", "emily watson")]
    public void Names_are_personal(string text, string name) => Assert.Equal([(PhiCategories.Personal, name)], Find(text));

    [Fact]
    public void A_name_that_is_also_a_word_is_not_a_name_without_a_cue() => Assert.Empty(Find("we will grace the room with hope"));

    [Fact]
    public void An_age_is_personal_and_reads_in_digits() => Assert.Equal([(PhiCategories.Personal, "42")], Find("a forty two year old woman"));

    [Fact]
    public void A_date_is_personal() => Assert.Equal([(PhiCategories.Personal, "March 3rd 2024")], Find("seen on march third twenty twenty four"));

    [Fact]
    public void A_phone_number_read_out_is_personal() =>
        Assert.Equal([(PhiCategories.Personal, "five five five one two three four")], Find("call me at five five five one two three four"));

    [Fact]
    public void An_email_read_out_is_personal() =>
        Assert.Equal([(PhiCategories.Personal, "john dot smith at example dot com")], Find("my email is john dot smith at example dot com"));

    [Fact]
    public void A_street_address_is_geographic() => Assert.Equal([(PhiCategories.Geographic, "12 oak street")], Find("i live at twelve oak street"));

    [Fact]
    public void A_zip_code_is_geographic() => Assert.Equal([(PhiCategories.Geographic, "nine four one zero seven")], Find("the zip code is nine four one zero seven"));

    [Fact]
    public void Five_digits_after_a_street_are_a_zip_code_when_its_cue_was_misheard() =>
        Assert.Equal([(PhiCategories.Geographic, "40 pine road"), (PhiCategories.Geographic, "seven three one zero two")],
            Find("the clinic is at forty pine road its good seven three one zero two"));

    [Fact]
    public void Letters_and_digits_after_a_street_are_a_postcode() =>
        Assert.Equal([(PhiCategories.Geographic, "eight mill lane"), (PhiCategories.Geographic, "LS two four BQ")],
            Find("she lives at eight mill lane l s two four b q"));

    [Fact]
    public void A_short_number_after_a_street_is_not_a_zip_code() =>
        Assert.Equal([(PhiCategories.Geographic, "12 oak street")], Find("i live at twelve oak street for five years"));

    [Fact]
    public void A_house_number_and_name_after_moved_to_are_an_address() =>
        Assert.Equal([(PhiCategories.Geographic, "15 birch")], Find("they moved to fifteen birch last spring"));

    [Fact]
    public void A_dose_after_moved_to_is_not_an_address() => Assert.Empty(Find("the dose was moved to two tablets twice daily"));

    [Fact]
    public void A_ward_after_moved_to_is_not_an_address() => Assert.Empty(Find("she was moved to four west overnight"));

    [Fact]
    public void A_named_hospital_is_geographic_but_the_hospital_is_not() =>
        Assert.Equal([(PhiCategories.Geographic, "saint mary's hospital")], Find("admitted to saint mary's hospital then the hospital called"));

    [Theory]
    [InlineData("my social security number is one two three four five six seven eight nine")]
    [InlineData("the medical record number is four four seven one two nine")]
    [InlineData("the fax number is three one two five five five one one eight eight")]
    [InlineData("the beneficiary number is one e g four t e five")]
    public void Account_numbers_after_their_cue_are_account(string text) => Assert.Equal(PhiCategories.Account, Assert.Single(Find(text)).Category);

    [Fact]
    public void A_license_plate_is_vehicle() => Assert.Equal([(PhiCategories.Vehicle, "seven a b c one two three")], Find("the license plate was seven a b c one two three"));

    [Theory]
    [InlineData("book at www dot clinic dot org", "www dot clinic dot org")]
    [InlineData("book at w w w dot clinic dot org", "WWW dot clinic dot org")]
    [InlineData("go to double u double u double u dot clinic dot org", "double u double u double u dot clinic dot org")]
    public void A_url_is_other(string text, string url) => Assert.Equal([(PhiCategories.Other, url)], Find(text));

    [Fact]
    public void An_ip_address_is_other() => Assert.Equal(PhiCategories.Other, Assert.Single(Find("the ip is one nine two dot one six eight dot one dot ten")).Category);

    [Fact]
    public void An_ip_address_with_a_dot_misheard_as_a_short_word_is_other() =>
        Assert.Equal(PhiCategories.Other, Assert.Single(Find("the router is ten dot zero dog one dot five")).Category);

    [Fact]
    public void Four_numbers_joined_by_short_words_without_a_dot_are_not_an_ip_address() => Assert.Empty(Find("grade two of three or four in one"));

    [Fact]
    public void A_web_host_split_into_words_after_www_is_one_url() =>
        Assert.Equal([(PhiCategories.Other, "www dot family care dot org")], Find("book at www dot family care dot org"));

    [Theory]
    [InlineData("my surname is spelled s m i t h", "s m i t h")]
    [InlineData("that's k o w a l s k i", "k o w a l s k i")]
    [InlineData("it is dunne d u n n e", "d u n n e")]
    public void A_name_spelled_out_after_its_cue_is_personal(string text, string letters) =>
        // The transcript writes letters read out as an acronym ("SM I t h"): compared as letters.
        Assert.Contains((PhiCategories.Personal, letters.Replace(" ", "")), Find(text).Select(e => (e.Category, e.Content.Replace(" ", "").ToLowerInvariant())));

    [Fact]
    public void Letters_without_a_spelling_cue_are_an_acronym_not_a_name() => Assert.Empty(Find("the c r p was normal"));

    [Fact]
    public void A_surname_after_its_cue_is_personal() => Assert.Equal([(PhiCategories.Personal, "baker")], Find("my surname is baker"));

    [Fact]
    public void An_nhs_number_is_account() =>
        Assert.Equal([(PhiCategories.Account, "four eight five seven seven three four five six one")], Find("his n h s number is four eight five seven seven three four five six one"));

    [Fact]
    public void A_digit_heard_as_its_homophone_stays_in_the_number() =>
        Assert.Equal([(PhiCategories.Personal, "five five five to one two three")], Find("my phone number is five five five to one two three"));

    [Fact]
    public void A_cue_heard_as_numbers_still_cues_the_number() =>
        Assert.Equal([(PhiCategories.Account, "four four seven one two nine")], Find("the medical record numbers four four seven one two nine"));

    [Fact]
    public void A_homophone_after_the_last_digit_is_not_part_of_the_number() =>
        Assert.Equal([(PhiCategories.Personal, "five five five one two three four")], Find("call me at five five five one two three four for an appointment"));

    [Fact]
    public void A_national_insurance_number_is_account() =>
        Assert.Equal(PhiCategories.Account, Assert.Single(Find("my national insurance number is q q one two three four five six c")).Category);

    [Fact]
    public void A_hospital_number_is_account() =>
        Assert.Equal([(PhiCategories.Account, "seven three nine one eight four")], Find("her hospital number is seven three nine one eight four"));

    [Fact]
    public void A_postcode_of_letters_and_digits_is_geographic() =>
        Assert.Equal(PhiCategories.Geographic, Assert.Single(Find("my post code is s w one a two a a")).Category);

    [Fact]
    public void A_car_registration_is_vehicle() =>
        Assert.Equal(PhiCategories.Vehicle, Assert.Single(Find("the car registration is l k six eight x y z")).Category);

    [Fact]
    public void A_phone_number_given_on_is_personal() =>
        Assert.Equal([(PhiCategories.Personal, "oh seven seven zero nine")], Find("you can ring me on oh seven seven zero nine"));

    [Fact]
    public void A_date_of_birth_read_as_numbers_is_a_date() =>
        Assert.Equal(PhiCategories.Personal, Assert.Single(Find("date of birth fourteen oh two seventy two")).Category);

    [Fact]
    public void A_year_of_birth_is_a_date() => Assert.Equal(PhiCategories.Personal, Assert.Single(Find("he was born in nineteen sixty")).Category);

    [Fact]
    public void A_month_of_birth_alone_is_not_a_date() => Assert.Empty(Find("she was born in march"));

    [Fact]
    public void A_house_number_and_name_after_lives_at_are_an_address_without_a_street_type() =>
        Assert.Equal([(PhiCategories.Geographic, "12 oak")], Find("she lives at twelve oak with her son"));

    [Fact]
    public void A_number_and_a_word_without_an_address_cue_are_not_an_address() => Assert.Empty(Find("we will address twelve points with her son"));

    [Fact]
    public void A_flat_said_before_the_house_number_is_part_of_the_address() =>
        Assert.Equal([(PhiCategories.Geographic, "flat two 12 oak street")], Find("i live at flat two twelve oak street"));

    [Fact]
    public void A_street_type_run_together_with_its_name_ends_an_address() =>
        Assert.Equal([(PhiCategories.Geographic, "400 mainstreet")], Find("we are at four hundred mainstreet today"));

    [Fact]
    public void A_street_after_an_address_cue_is_an_address_when_its_house_number_was_misheard() =>
        Assert.Equal(PhiCategories.Geographic, Assert.Single(Find("her address is a d h willow road")).Category);

    [Fact]
    public void The_end_of_the_road_after_lives_at_is_not_an_address() => Assert.Empty(Find("she lives at the end of the road"));

    [Fact]
    public void An_email_whose_at_was_misheard_after_an_email_cue_is_personal() =>
        Assert.Equal([(PhiCategories.Personal, "jane hill without example dot com")], Find("my email is jane hill without example dot com"));

    [Fact]
    public void An_email_sent_to_with_a_misheard_at_is_personal() =>
        Assert.Equal([(PhiCategories.Personal, "jane hill then mail dot org")], Find("send the letter to jane hill then mail dot org"));

    [Fact]
    public void A_bare_host_without_an_email_cue_is_a_web_address() =>
        Assert.Equal([(PhiCategories.Other, "example dot com")], Find("the leaflet is on example dot com"));

    [Fact]
    public void A_british_street_type_ends_an_address() => Assert.Equal([(PhiCategories.Geographic, "12 rose gardens")], Find("send it to twelve rose gardens"));

    [Theory]
    [InlineData("the blood pressure is one twenty over eighty")]
    [InlineData("take five milligrams twice a day for two weeks")]
    [InlineData("she went to the hospital after the fall")]
    [InlineData("he will see the doctor again next week")]
    public void Clinical_sentences_without_phi_have_no_entities(string text) => Assert.Empty(Find(text));

    [Fact]
    public void An_entity_starts_at_its_first_word_and_ends_at_its_last()
    {
        var words = Words("a forty two year old with phone five five five one two three four");
        var entities = PhiEntities.Find(words, ClinicalFormatter.Format(words));
        Assert.Equal([(1.0, 2.5), (7.0, 13.5)], entities.Select(e => (e.StartTime, e.EndTime)));
    }

    [Fact]
    public void Confidence_is_the_rule_confidence_times_the_mean_word_confidence()
    {
        var words = Words("a forty two year old");
        var entity = Assert.Single(PhiEntities.Find(words, ClinicalFormatter.Format(words)));
        Assert.Equal(0.95 * 0.8, entity.Confidence, 4);
    }
}
