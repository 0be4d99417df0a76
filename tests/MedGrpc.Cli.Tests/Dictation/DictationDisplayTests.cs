using MedGrpc.Cli.Dictation;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Tests.Dictation;

public sealed class DictationDisplayTests
{
    private static MedicalResult Result(string text, bool partial) =>
        new() { ResultId = "r1", IsPartial = partial, Alternatives = { new MedicalAlternative { Transcript = text } } };

    [Fact]
    public void On_a_terminal_a_partial_is_redrawn_in_place_and_its_final_replaces_it_and_stays()
    {
        var output = new StringWriter();
        var display = new DictationDisplay(output, live: true);

        display.Show(Result("Four days", partial: true));
        display.Show(Result("Four days history", partial: true));
        display.Show(Result("Four days history of dry skin.", partial: false));

        Assert.Equal("\r\u001b[2KFour days\r\u001b[2KFour days history\r\u001b[2KFour days history of dry skin." + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Off_a_terminal_only_finals_are_printed_as_plain_lines()
    {
        var output = new StringWriter();
        var display = new DictationDisplay(output, live: false);

        display.Show(Result("Four days", partial: true));
        display.Show(Result("Four days history.", partial: false));
        display.End();

        Assert.Equal("Four days history." + Environment.NewLine, output.ToString());
    }
}
