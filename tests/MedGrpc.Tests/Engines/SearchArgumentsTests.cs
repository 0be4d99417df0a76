using MedGrpc.Engines.PocketSphinx;
using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// The search's beam is an option of its own (docs/medical-model.md, "Search beams"), and the free-form Arguments may
/// name the same PocketSphinx argument: PocketSphinx refuses a configuration that names one twice, so the Arguments' one
/// must take the option's place. Real decoders, the general model alone (the beam does not depend on the model).
/// </summary>
public sealed class SearchArgumentsTests
{
    [Fact]
    public void The_beam_option_reaches_the_decoder_as_beam_and_phone_beam()
    {
        using var decoder = new PocketSphinxDecoder(new PocketSphinxOptions { MedicalModelDir = "", Beam = 1e-55 });

        Assert.Equal(1e-55, cmd_ln_float_r(decoder.Config, "-beam"), 1e-55 * 1e-6);
        Assert.Equal(1e-55, cmd_ln_float_r(decoder.Config, "-pbeam"), 1e-55 * 1e-6);
    }

    [Fact]
    public void A_beam_named_in_Arguments_takes_the_place_of_the_option()
    {
        using var decoder = new PocketSphinxDecoder(new PocketSphinxOptions
        {
            MedicalModelDir = "",
            Arguments = "-beam 1e-50 -maxhmmpf 2000",
        });

        Assert.Equal(1e-50, cmd_ln_float_r(decoder.Config, "-beam"), 1e-50 * 1e-6);
        var optionBeam = new PocketSphinxOptions().Beam;
        Assert.Equal(optionBeam, cmd_ln_float_r(decoder.Config, "-pbeam"), optionBeam * 1e-6);
    }
}
