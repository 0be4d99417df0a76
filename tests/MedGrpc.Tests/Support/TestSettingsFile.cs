using System.Text.Json.Nodes;

namespace MedGrpc.Tests.Support;

/// <summary>
/// A settings file (MedGrpc:SettingsFile) that a test rewrites while its server runs. <see cref="Replace"/> writes it
/// as a deployment does, a new file renamed over the old, so the service never reads it half written.
/// </summary>
public sealed class TestSettingsFile : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"))).FullName;

    public TestSettingsFile(JsonObject settings)
    {
        Path = System.IO.Path.Combine(_folder, "medgrpc.json");
        Replace(settings);
    }

    public string Path { get; }

    /// <summary>The service's argument that names the file.</summary>
    public string Argument => $"--MedGrpc:SettingsFile={Path}";

    public void Replace(JsonObject settings)
    {
        var next = Path + ".next";
        File.WriteAllText(next, settings.ToJsonString());
        File.Move(next, Path, overwrite: true);
    }

    /// <summary>Writes over the file in place, as an editor may.</summary>
    public void Overwrite(string text) => File.WriteAllText(Path, text);

    /// <summary>{"MedGrpc": {"Auth": {KIND: [entries]}}}.</summary>
    public static JsonObject Auth(string kind, params JsonObject[] entries)
    {
        var list = new JsonArray();
        foreach (var entry in entries) list.Add(entry);
        return new JsonObject { ["MedGrpc"] = new JsonObject { ["Auth"] = new JsonObject { [kind] = list } } };
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
