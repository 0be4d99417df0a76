using System.Diagnostics;

namespace MedGrpc.Tests.Support;

/// <summary>Test speech made on the spot: a sentence spoken by one of Debian flite's voices, as 16 kHz mono wav.</summary>
public static class SpokenAudio
{
    public static string Say(string fileName, string sentence, string voice = "slt")
    {
        var raw = Path.Combine(Path.GetTempPath(), "medgrpc-tests", "media", $"raw-{fileName}");
        Directory.CreateDirectory(Path.GetDirectoryName(raw)!);
        using (var flite = Process.Start("flite", ["-voice", voice, "-t", sentence, "-o", raw])!) flite.WaitForExit();
        return MediaFiles.Convert(raw, fileName, "-ar", "16000", "-ac", "1");
    }
}
