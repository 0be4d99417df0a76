using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// Sentences spoken by flite, recognised by one real PocketSphinx decoder with the PHI grammars loaded: the first pass,
/// the PHI second pass over it, and the first pass again afterwards. Once for all the tests.
/// </summary>
public sealed class PhiSecondPassFixture : IAsyncLifetime
{
    public const string Digits = "four two six seven one nine three zero";
    private const string PhoneSentence = "my phone number is " + Digits + ".";
    public const string Address = "one nine two dot one six eight dot one dot ten";
    private const string AddressSentence = "the server I P address is " + Address + ".";
    public const string Street = "sixty two church lane";
    private const string StreetSentence = "she moved to " + Street + " in the summer.";
    private const string PlainSentence = "the patient has had a cough for three days.";

    public Recognition PhoneFirst { get; private set; } = null!;
    public Recognition PhoneSecond { get; private set; } = null!;
    public Recognition PhoneFirstAgain { get; private set; } = null!;
    public Recognition AddressFirst { get; private set; } = null!;
    public Recognition AddressSecond { get; private set; } = null!;
    public Recognition StreetFirst { get; private set; } = null!;
    public Recognition StreetSecond { get; private set; } = null!;
    public Recognition PlainFirst { get; private set; } = null!;
    public Recognition PlainSecond { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();
    public string Debug = "";

    public async Task InitializeAsync()
    {
        var phone = await MediaFiles.PcmAsync(SpokenAudio.Say("phi-second-pass-phone.wav", PhoneSentence));
        var plain = await MediaFiles.PcmAsync(SpokenAudio.Say("phi-second-pass-plain.wav", PlainSentence));
        var address = await MediaFiles.PcmAsync(SpokenAudio.Say("phi-second-pass-address.wav", AddressSentence));
        var street = await MediaFiles.PcmAsync(SpokenAudio.Say("phi-second-pass-street.wav", StreetSentence));
        var options = new PocketSphinxOptions { PhiSecondPass = true };
        await Task.Run(() =>
        {
            using var decoder = new PocketSphinxDecoder(options);
            var pass = new PhiSecondPass(options, Logs.CreateLogger("phi"));
            PhoneFirst = decoder.Recognize(new MemoryStream(phone), RecognitionOptions.BestOnly, null, default);
            PhoneSecond = pass.Recognize(decoder, phone, PhoneFirst, default);
            PhoneFirstAgain = decoder.Recognize(new MemoryStream(phone), RecognitionOptions.BestOnly, null, default);
            AddressFirst = decoder.Recognize(new MemoryStream(address), RecognitionOptions.BestOnly, null, default);
            AddressSecond = pass.Recognize(decoder, address, AddressFirst, default);
            StreetFirst = decoder.Recognize(new MemoryStream(street), RecognitionOptions.BestOnly, null, default);
            StreetSecond = pass.Recognize(decoder, street, StreetFirst, default);
            PlainFirst = decoder.Recognize(new MemoryStream(plain), RecognitionOptions.BestOnly, null, default);
            PlainSecond = pass.Recognize(decoder, plain, PlainFirst, default);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class PhiSecondPassTests(PhiSecondPassFixture fixture) : IClassFixture<PhiSecondPassFixture>
{
    private static string Text(Recognition recognition) => string.Join(' ', recognition.Words.Select(w => w.Text));

    [Fact]
    public void A_digit_string_after_a_phone_number_cue_comes_out_as_the_spoken_digits()
    {
        Assert.EndsWith(PhiSecondPassFixture.Digits, Text(fixture.PhoneSecond));
    }

    [Fact]
    public void An_ip_address_after_its_cue_comes_out_as_numbers_and_dots()
    {
        Assert.DoesNotContain(PhiSecondPassFixture.Address, Text(fixture.AddressFirst)); // the first pass mishears it
        Assert.True(Text(fixture.AddressSecond).EndsWith(PhiSecondPassFixture.Address), Text(fixture.AddressFirst) + " / " + Text(fixture.AddressSecond));
    }

    [Fact]
    public void A_street_address_after_an_address_cue_comes_out_as_number_name_and_type()
    {
        Assert.True(Text(fixture.StreetSecond).Contains(PhiSecondPassFixture.Street), Text(fixture.StreetFirst) + " / " + Text(fixture.StreetSecond));
        Assert.DoesNotContain(PhiSecondPassFixture.Street, Text(fixture.StreetFirst)); // the first pass mishears it
    }

    [Fact]
    public void The_grammar_words_are_timed_within_the_recording_in_order()
    {
        var words = fixture.PhoneSecond.Words.ToList();
        Assert.All(words.Zip(words.Skip(1)), pair => Assert.True(pair.First.EndSeconds <= pair.Second.StartSeconds + 0.011, $"{pair.First} then {pair.Second}"));
        Assert.All(words, w => Assert.True(w.StartSeconds < w.EndSeconds && w.Confidence is >= 0 and <= 1, w.ToString()));
    }

    [Fact]
    public void The_decoder_is_back_on_its_language_model_afterwards()
    {
        Assert.Equal(fixture.PhoneFirst.Words, fixture.PhoneFirstAgain.Words);
    }

    [Fact]
    public void A_recording_without_a_cue_keeps_its_first_pass()
    {
        Assert.Equal(fixture.PlainFirst.Words, fixture.PlainSecond.Words);
    }
}
