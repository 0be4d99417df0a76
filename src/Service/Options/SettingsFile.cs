using Microsoft.Extensions.Configuration.Json;

namespace MedGrpc.Service.Options;

/// <summary>
/// MedGrpc:SettingsFile: a JSON file of the site's settings, shaped as appsettings.json, read again whenever it changes
/// (keys, client certificates and the server certificate's setting then take effect without a restart). It ranks
/// above appsettings.json and below the environment and the command line, as ASP.NET ranks its own JSON files.
/// Unlike a plain reloading JSON file, one that stops parsing (caught half written, a stray comma) keeps the settings
/// it last held instead of emptying them: an empty key list would lock every caller out.
/// </summary>
public sealed class SettingsFile
{
    public const string Key = "MedGrpc:SettingsFile";
    private ILogger? _log;

    private SettingsFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The file named by MedGrpc:SettingsFile (command line or environment) as a configuration source; null without one.</summary>
    public static SettingsFile? Add(WebApplicationBuilder builder)
    {
        var path = builder.Configuration[Key];
        if (string.IsNullOrWhiteSpace(path)) return null;
        // Relative to the working directory, as DataDir.
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new InvalidOperationException($"{Key} is '{path}', and there is no file {full}.");
        var file = new SettingsFile(full);
        var source = new LastGoodJsonSource(file) { Path = full, Optional = false, ReloadOnChange = true };
        source.ResolveFileProvider();
        var sources = builder.Configuration.Sources;
        var afterJson = sources.Select((s, i) => (s, i)).LastOrDefault(p => p.s is JsonConfigurationSource).i + 1;
        sources.Insert(afterJson, source);
        return file;
    }

    /// <summary>Where a refused change is said, once the host has its logging.</summary>
    public void LogTo(ILogger log) => _log = log;

    private void Refuse(string reason) =>
        _log?.LogError("The settings file {Path} changed and doesn't parse, so the settings it last held stay in force: {Reason}", Path, reason);

    private sealed class LastGoodJsonSource(SettingsFile file) : JsonConfigurationSource
    {
        public override IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            EnsureDefaults(builder);
            return new LastGoodJsonProvider(this, file);
        }
    }

    private sealed class LastGoodJsonProvider(JsonConfigurationSource source, SettingsFile file) : JsonConfigurationProvider(source)
    {
        private IDictionary<string, string?>? _lastGood;

        public override void Load(Stream stream)
        {
            try
            {
                base.Load(stream);
                _lastGood = Data;
            }
            catch (FormatException e) when (_lastGood is not null)
            {
                // At start a file that doesn't parse stops the service; later the settings it last held stay.
                Data = _lastGood;
                // Where, not the parser's words: those quote the file, and the file holds secrets.
                file.Refuse(e.InnerException is System.Text.Json.JsonException json
                    ? $"line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}"
                    : "the file's keys aren't unique (names differing only in case are the same key)");
            }
        }
    }
}
