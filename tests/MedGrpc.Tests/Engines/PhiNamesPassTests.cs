using MedGrpc.Core.Clinical.Phi;
using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// Sentences with a title spoken by flite, recognised by one real PocketSphinx decoder, then the PHI second pass with
/// its names grammar over them. Once for all the tests.
/// </summary>
public sealed class PhiNamesPassFixture : IAsyncLifetime
{
    // rms's "hall" comes out of the first pass as a word that is no name ("doctor it'll").
    private static readonly (string Text, string Voice) Misheard = ("the results went to doctor hall on friday.", "rms");
    // awb's "hunt" comes out as a name.
    private static readonly (string Text, string Voice) Heard = ("mister hunt has a sore knee.", "awb");
    // A title with no name after it.
    private static readonly (string Text, string Voice) NoName = ("he will see the doctor again next month.", "slt");

    public (Recognition First, Recognition Second) MisheardName { get; private set; }
    public (Recognition First, Recognition Second) HeardName { get; private set; }
    public (Recognition First, Recognition Second) WithoutName { get; private set; }

    public async Task InitializeAsync()
    {
        var misheard = await Pcm("phi-names-misheard.wav", Misheard);
        var heard = await Pcm("phi-names-heard.wav", Heard);
        var noName = await Pcm("phi-names-none.wav", NoName);
        var options = new PocketSphinxOptions { PhiSecondPass = true };
        await Task.Run(() =>
        {
            using var decoder = new PocketSphinxDecoder(options);
            var pass = new PhiSecondPass(options, new CapturedLogs().CreateLogger("phi"));
            (Recognition, Recognition) Both(byte[] pcm)
            {
                var first = decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
                return (first, pass.Recognize(decoder, pcm, first, default));
            }
            MisheardName = Both(misheard);
            HeardName = Both(heard);
            WithoutName = Both(noName);
        });
    }

    private static Task<byte[]> Pcm(string file, (string Text, string Voice) sentence) =>
        MediaFiles.PcmAsync(SpokenAudio.Say(file, sentence.Text, sentence.Voice));

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class PhiNamesPassTests(PhiNamesPassFixture fixture) : IClassFixture<PhiNamesPassFixture>
{
    private static List<string> Words(Recognition recognition) => recognition.Words.Select(w => w.Text).ToList();

    private static string? AfterTitle(Recognition recognition)
    {
        var words = Words(recognition);
        var title = words.FindIndex(w => w is "doctor" or "dr");
        return title >= 0 && title + 1 < words.Count ? words[title + 1] : null;
    }

    [Fact]
    public void A_word_that_is_no_name_after_a_title_is_read_again_as_a_census_name()
    {
        var (first, second) = fixture.MisheardName;
        var context = string.Join(' ', Words(first)) + " / " + string.Join(' ', Words(second));
        Assert.False(NameLists.IsName(AfterTitle(first)), context); // the first pass mishears the name
        Assert.True(CensusNames.Surnames.Concat(CensusNames.FirstNames).Any(n => n.Name == AfterTitle(second)), context);
    }

    [Fact]
    public void A_name_the_first_pass_heard_after_a_title_is_kept() =>
        Assert.Equal(fixture.HeardName.First.Words, fixture.HeardName.Second.Words);

    [Fact]
    public void A_title_with_no_name_after_it_gets_none() =>
        Assert.Equal(fixture.WithoutName.First.Words, fixture.WithoutName.Second.Words);
}
