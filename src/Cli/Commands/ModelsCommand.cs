using System.CommandLine;
using MedGrpc.Cli.Models;

namespace MedGrpc.Cli.Commands;

/// <summary>
/// medgrpc models download NAME: fetches one of whisper.cpp's ggml models into the folder the Whisper
/// engine reads (MedGrpc:Engine = whisper, MedGrpc:Whisper:ModelPath) on a host with internet, checked
/// against whisper.cpp's published SHA-1 and any --sha256 given. It talks to no MedGrpc service: run it
/// on the service's host, from the service's working directory, or give --dir.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Model files for the service's Whisper engine (MedGrpc:Engine=whisper).");
        command.Subcommands.Add(Download());
        return command;
    }

    private static Command Download()
    {
        var name = new Argument<string>("name") { Description = "The model, as whisper.cpp publishes it: large-v3-turbo, base.en, small.en, … (file ggml-NAME.bin)." };
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "The folder to put ggml-NAME.bin in; the default is the engine's default folder, from the working directory.",
            HelpName = "folder",
            DefaultValueFactory = _ => new DirectoryInfo(ModelCatalog.DefaultDir),
        };
        var sha256 = new Option<string?>("--sha256") { Description = "The file's SHA-256 (64 hex digits), checked as well; needed for a model whisper.cpp publishes no checksum for.", HelpName = "hex" };
        var baseUrl = new Option<Uri>("--base-url")
        {
            Description = "Where the ggml-NAME.bin files are: whisper.cpp's model repository, or a mirror of the same files.",
            HelpName = "url",
            DefaultValueFactory = _ => new Uri(ModelCatalog.DefaultBaseUrl),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)) return url;
                result.AddError($"--base-url '{text}' is not an http:// or https:// URL.");
                return new Uri(ModelCatalog.DefaultBaseUrl);
            },
        };
        var command = new Command("download", "Download a Whisper ggml model and verify its checksum; a file that fails the check is not kept.") { name, dir, sha256, baseUrl };
        command.Validators.Add(result =>
        {
            var model = result.GetValue(name);
            if (model is null) return;
            if (!ModelCatalog.IsValidName(model))
                result.AddError($"'{model}' is not a model name: letters, digits, '.', '-' and '_' only, e.g. large-v3-turbo.");
            else if (result.GetValue(sha256) is { } hex && (hex.Length != 64 || !hex.All(Uri.IsHexDigit)))
                result.AddError($"--sha256 '{hex}' is not a SHA-256: 64 hexadecimal digits.");
            else if (!ModelCatalog.PublishedSha1.ContainsKey(model) && result.GetValue(sha256) is null)
                result.AddError($"whisper.cpp publishes no checksum for '{model}': give its SHA-256 with --sha256, or pick one of {string.Join(", ", ModelCatalog.PublishedSha1.Keys)}.");
        });
        command.SetAction(async (parse, ct) =>
        {
            var model = parse.GetRequiredValue(name);
            var folder = parse.GetRequiredValue(dir);
            var expected = new ExpectedChecksums(ModelCatalog.PublishedSha1.GetValueOrDefault(model), parse.GetValue(sha256));
            var target = Path.Combine(folder.FullName, ModelCatalog.FileName(model));
            var root = parse.GetRequiredValue(baseUrl);
            var source = new Uri(root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/"), ModelCatalog.FileName(model));
            try
            {
                if (File.Exists(target))
                {
                    var (sha1, sha256Hex) = await ModelDownload.HashFileAsync(target, ct);
                    if (expected.Mismatch(sha1, sha256Hex) is null)
                    {
                        Console.Out.WriteLine($"{target} is already there ({expected.Describe()} verified).");
                        return ExitCodes.Success;
                    }
                    Console.Error.WriteLine($"{target} is there but does not match its checksum: downloading it again.");
                }
                Directory.CreateDirectory(folder.FullName);
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // a 1.5 GiB model takes a while; Ctrl+C stops it
                var size = await new ModelDownload(http, Console.Error).DownloadAsync(source, target, expected, ct);
                Console.Out.WriteLine($"Saved {target} ({ModelDownload.Size(size)}, {expected.Describe()} verified).");
                Console.Out.WriteLine($"Use it with: --MedGrpc:Engine=whisper --MedGrpc:Whisper:ModelPath={target}");
                return ExitCodes.Success;
            }
            catch (ModelDownloadException e)
            {
                Console.Error.WriteLine($"medgrpc: {e.Message}");
                return ExitCodes.DownloadFailed;
            }
        });
        return command;
    }
}
