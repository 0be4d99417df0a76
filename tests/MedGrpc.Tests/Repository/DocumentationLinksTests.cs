using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MedGrpc.Tests.Repository;

/// <summary>
/// The repository stands on its own: what the README, docs/, the analyzer's help links and the code's comments
/// send a reader to is in the repository (docs/README.md lists the pages).
/// </summary>
public partial class DocumentationLinksTests
{
    private const string RepositoryUrl = "https://github.com/medgrpc/medgrpc/blob/main/";

    [Fact]
    public void Every_relative_link_of_the_README_and_docs_reaches_a_file_and_heading()
    {
        var broken = MarkdownPages().SelectMany(page => BrokenLinks(page, File.ReadAllText(page))).ToList();

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_analyzer_help_link_opens_a_rule_page_under_docs_rules()
    {
        var links = AnalyzerHelpLinks();

        Assert.NotEmpty(links);
        var broken = links
            .Where(link => !link.Url.StartsWith(RepositoryUrl + "docs/rules/", StringComparison.Ordinal)
                || !File.Exists(Path.Combine(Root, link.Url[RepositoryUrl.Length..])))
            .Select(link => $"{link.Id}: {link.Url}")
            .ToList();
        Assert.True(broken.Count == 0, "Help links without a page under docs/rules/:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_file_a_code_comment_names_exists()
    {
        var missing = TrackedFiles()
            .Where(IsCode)
            .SelectMany(file => MissingNamedFiles(file, File.ReadAllText(Path.Combine(Root, file))))
            .ToList();

        Assert.True(missing.Count == 0, "Comments naming files that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_comment_naming_a_missing_file_or_heading_is_caught()
    {
        var source = string.Join('\n',
            "// The rules of CONTRACT.md (see docs/contract.md, \"Enum values\"; ENGINE-NOTES.md).",
            "/// <summary>Made by scripts/no-such-script.sh; see docs/contract.md, \"No such heading\", and README, \"Enum values\".</summary>",
            "var url = \"https://example.com/docs/missing.md\"; // https://example.com/models/README.md is another repository's");

        var missing = MissingNamedFiles("src/Example.cs", source);

        Assert.Equal(
            [
                "src/Example.cs:1: CONTRACT.md",
                "src/Example.cs:1: ENGINE-NOTES.md",
                "src/Example.cs:2: scripts/no-such-script.sh",
                "src/Example.cs:2: docs/contract.md, \"No such heading\"",
                "src/Example.cs:2: README.md, \"Enum values\"",
            ],
            missing);
    }

    [Fact]
    public void No_tracked_file_reads_the_team_only_shared_folder()
    {
        var offending = TrackedFiles()
            .Where(file => !IsBinary(Path.Combine(Root, file)))
            .SelectMany(file => File.ReadAllLines(Path.Combine(Root, file))
                .Select((line, index) => (line, number: index + 1))
                .Where(entry => SharedFolderPatterns.Any(pattern => pattern.IsMatch(entry.line)))
                .Select(entry => $"{file}:{entry.number}: {entry.line.Trim()}"))
            .ToList();

        Assert.True(offending.Count == 0,
            "Files that name or build a path to a shared folder outside the repository:\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("The contract", "the-contract")]
    [InlineData("PHI identification (`src/Service/Clinical/Phi`)", "phi-identification-srcserviceclinicalphi")]
    [InlineData("MEDGRPC011: Job and vocabulary names are 1 to 200 characters of [0-9a-zA-Z._-]",
        "medgrpc011-job-and-vocabulary-names-are-1-to-200-characters-of-0-9a-za-z_-")]
    [InlineData("The `medgrpc` command line", "the-medgrpc-command-line")]
    public void Heading_anchors_follow_GitHub(string heading, string anchor)
    {
        Assert.Equal(anchor, Slug(heading));
    }

    // ---- the repository -------------------------------------------------------------------------------------------

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedGrpc.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MedGrpc.sln not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<string> TrackedFiles() =>
        Git(["ls-files", "-z"]).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => File.Exists(Path.Combine(Root, file)))
            .ToList();

    private static string Git(string[] args, string? input = null)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        if (input is not null) git.StandardInput.Write(input);
        git.StandardInput.Close();
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        // check-ignore answers 1 when no path is ignored.
        if (git.ExitCode != 0 && !(args[0] == "check-ignore" && git.ExitCode == 1))
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error.Result}");
        return output.Result;
    }

    private static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8000];
        var read = stream.Read(buffer, 0, buffer.Length);
        return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
    }

    // ---- Markdown -------------------------------------------------------------------------------------------------

    private static IEnumerable<string> MarkdownPages()
    {
        yield return Path.Combine(Root, "README.md");
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order())
            yield return page;
    }

    private static IEnumerable<string> BrokenLinks(string page, string markdown)
    {
        var name = Path.GetRelativePath(Root, page);
        foreach (var target in LinkTargets(markdown))
        {
            if (Scheme().IsMatch(target)) continue; // https:, mailto: — not the repository's
            var hash = target.IndexOf('#');
            var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? page
                : Path.GetFullPath(path.StartsWith('/') ? Path.Combine(Root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(page)!, path));
            if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                yield return $"{name}: ({target}): no such file";
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(resolved)
                && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
                yield return $"{name}: ({target}): no heading #{anchor} in {Path.GetRelativePath(Root, resolved)}";
        }
    }

    /// <summary>The targets of inline links, images and reference definitions, outside code.</summary>
    private static IEnumerable<string> LinkTargets(string markdown)
    {
        var prose = InlineCode().Replace(string.Join('\n', ProseLines(markdown)), "");
        foreach (Match link in InlineLink().Matches(prose)) yield return link.Groups["target"].Value;
        foreach (Match definition in ReferenceDefinition().Matches(prose)) yield return definition.Groups["target"].Value;
    }

    /// <summary>The lines outside fenced code blocks.</summary>
    private static IEnumerable<string> ProseLines(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
                fence = trimmed[..3];
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
                fence = null;
            else if (fence is null)
                yield return line;
        }
    }

    /// <summary>GitHub's anchors of a page's headings: "foo", then "foo-1", "foo-2" for repeats.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in Headings(markdown))
        {
            var slug = Slug(heading);
            var anchor = slug;
            for (var repeat = 1; !anchors.Add(anchor); repeat++) anchor = $"{slug}-{repeat}";
        }
        return anchors;
    }

    private static IEnumerable<string> Headings(string markdown) =>
        ProseLines(markdown).Select(line => AtxHeading().Match(line)).Where(match => match.Success).Select(match => match.Groups["text"].Value);

    /// <summary>
    /// GitHub's slug of a heading: its text as rendered (no code ticks, emphasis or link targets), lower case, every
    /// character but letters, digits, marks, '-' and '_' removed, and each space made a '-'.
    /// </summary>
    private static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, match => match.Groups["text"].Value);
        text = HtmlTag().Replace(text, "").Replace("`", "").Replace("*", "").Trim().ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c is '-' or '_' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                slug.Append(c);
            else if (c == ' ')
                slug.Append('-');
        }
        return slug.ToString();
    }

    // ---- the analyzer's help links --------------------------------------------------------------------------------

    /// <summary>Each descriptor of src/Analyzers/Descriptors.cs with its helpLinkUri, evaluated from the source.</summary>
    private static IReadOnlyList<(string Id, string Url)> AnalyzerHelpLinks()
    {
        var source = File.ReadAllText(Path.Combine(Root, "src", "Analyzers", "Descriptors.cs"));
        var constants = StringConstant().Matches(source).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value);
        var links = Descriptor().Matches(source)
            .Select(match => (match.Groups["id"].Value, Evaluate(match.Groups["link"].Value, constants)))
            .ToList();
        Assert.Equal(DescriptorField().Matches(source).Count, links.Count); // every descriptor has a help link
        return links;
    }

    /// <summary>A concatenation of string literals and string constants.</summary>
    private static string Evaluate(string expression, IReadOnlyDictionary<string, string> constants) =>
        string.Concat(expression.Split('+').Select(part => part.Trim()).Select(part =>
            part.StartsWith('"') ? part.Trim('"')
            : constants.TryGetValue(part, out var value) ? value
            : throw new InvalidOperationException($"helpLinkUri part '{part}' is neither a literal nor a string constant")));

    // ---- comments that name files ---------------------------------------------------------------------------------

    private static readonly string[] CodeExtensions = [".cs", ".sh", ".py", ".js", ".csproj", ".props", ".proto"];

    private static bool IsCode(string file) => CodeExtensions.Contains(Path.GetExtension(file));

    private static readonly Lazy<Regex> RepositoryPath = new(() =>
    {
        // Paths that start at a top-level folder of the repository: src/…, scripts/…, docs/…, models/…
        var folders = TrackedFiles().Where(file => file.Contains('/')).Select(file => file[..file.IndexOf('/')])
            .Append("docs").Distinct().Order().Select(Regex.Escape);
        return new Regex(@"(?<![\w./\\-])(?:\.\./)*(?:" + string.Join('|', folders) + @")/[\w.\-/*]*|(?<![\w./\\-])[\w.\-/]*\w\.md(?![\w-])");
    });

    /// <summary>
    /// The repository paths and Markdown files the comments of one file name that do not exist, as "file:line: name".
    /// A name is found from the repository root or from the file's folder; a build's output (ignored by .gitignore,
    /// e.g. models/medical/build) counts as existing; a glob (models/medical/sources/*.txt) needs its folder. A
    /// heading named after a page (docs/contract.md, "Enum values") must be one of its headings; so must one named
    /// after the word README.
    /// URLs name other repositories' files and are left alone.
    /// </summary>
    private static List<string> MissingNamedFiles(string file, string source)
    {
        var folder = Path.GetDirectoryName(file) ?? "";
        var named = new List<(int Line, string Name, string? Heading)>();
        foreach (var (line, comment) in Comments(file, source))
        {
            var text = Url().Replace(comment, " ");
            foreach (Match match in RepositoryPath.Value.Matches(text))
            {
                var name = match.Value.TrimEnd('.', '-');
                var heading = HeadingReference().Match(text[(match.Index + match.Length)..]);
                named.Add((line, name, heading.Success ? heading.Groups["heading"].Value : null));
            }
            foreach (Match reference in ReadmeHeadingReference().Matches(text))
                named.Add((line, "README.md", reference.Groups["heading"].Value));
        }

        var candidates = named.Select(entry => Candidates(folder, entry.Name)).ToList();
        var absent = candidates.SelectMany(paths => paths).Where(path => !File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path))).Distinct().ToList();
        HashSet<string> ignored = absent.Count == 0 ? [] : Git(["check-ignore", "--no-index", "--stdin"],
                string.Join('\n', absent.SelectMany(path => new[] { path, path + "/-" })) + "\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        var missing = new List<string>();
        for (var i = 0; i < named.Count; i++)
        {
            var (line, name, heading) = named[i];
            var found = candidates[i].FirstOrDefault(path => File.Exists(Path.Combine(Root, path)) || Directory.Exists(Path.Combine(Root, path))
                || ignored.Contains(path) || ignored.Contains(path + "/-"));
            if (found is null)
                missing.Add($"{file}:{line}: {name}");
            else if (heading is not null && !HasHeading(Path.Combine(Root, found), heading))
                missing.Add($"{file}:{line}: {name}, \"{heading}\"");
        }
        return missing;
    }

    /// <summary>Where a name may point: from the root, then from the commenting file's folder (a glob: its folder).</summary>
    private static IEnumerable<string> Candidates(string folder, string name)
    {
        var glob = name.IndexOf('*');
        if (glob >= 0) name = name[..glob].TrimEnd('/');
        if (glob >= 0 && name.Contains('/')) name = name[..name.LastIndexOf('/')];
        name = name.TrimEnd('/');
        yield return Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, name))).Replace('\\', '/');
        yield return Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, folder, name))).Replace('\\', '/');
    }

    private static bool HasHeading(string path, string heading) =>
        File.Exists(path) && Headings(File.ReadAllText(path)).Any(text =>
            string.Equals(HtmlTag().Replace(text, "").Replace("`", "").Replace("*", "").Trim(), heading, StringComparison.OrdinalIgnoreCase));

    /// <summary>The comment text of a source file, line by line: // and /* */ (C#, JS, proto), # (shell, Python), &lt;!-- --&gt; (MSBuild).</summary>
    private static IEnumerable<(int Line, string Text)> Comments(string file, string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        switch (Path.GetExtension(file))
        {
            case ".csproj" or ".props":
                var inXml = false;
                for (var i = 0; i < lines.Length; i++)
                {
                    var rest = lines[i];
                    while (rest.Length > 0)
                    {
                        if (!inXml)
                        {
                            var open = rest.IndexOf("<!--", StringComparison.Ordinal);
                            if (open < 0) break;
                            rest = rest[(open + 4)..];
                            inXml = true;
                        }
                        var close = rest.IndexOf("-->", StringComparison.Ordinal);
                        yield return (i + 1, close < 0 ? rest : rest[..close]);
                        if (close < 0) break;
                        rest = rest[(close + 3)..];
                        inXml = false;
                    }
                }
                break;
            case ".sh" or ".py":
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i == 0 && lines[i].StartsWith("#!", StringComparison.Ordinal)) continue;
                    char? quote = null;
                    for (var k = 0; k < lines[i].Length; k++)
                    {
                        var c = lines[i][k];
                        if (quote is not null) { if (c == quote) quote = null; continue; }
                        if (c is '"' or '\'') { quote = c; continue; }
                        if (c == '#' && (k == 0 || char.IsWhiteSpace(lines[i][k - 1]))) { yield return (i + 1, lines[i][(k + 1)..]); break; }
                    }
                }
                break;
            default: // C#, JavaScript, protobuf
                var inBlock = false;
                for (var i = 0; i < lines.Length; i++)
                {
                    var line = lines[i];
                    var k = 0;
                    if (inBlock)
                    {
                        var end = line.IndexOf("*/", StringComparison.Ordinal);
                        yield return (i + 1, end < 0 ? line : line[..end]);
                        if (end < 0) continue;
                        inBlock = false;
                        k = end + 2;
                    }
                    var inString = false;
                    for (; k < line.Length; k++)
                    {
                        if (line[k] == '"' && k > 0 && line[k - 1] == '\'') continue; // the character '"'
                        if (line[k] == '"' && (k == 0 || line[k - 1] != '\\')) inString = !inString;
                        if (inString) continue;
                        if (string.CompareOrdinal(line, k, "//", 0, 2) == 0 && (k == 0 || line[k - 1] != ':'))
                        {
                            yield return (i + 1, line[(k + 2)..]);
                            break;
                        }
                        if (string.CompareOrdinal(line, k, "/*", 0, 2) == 0)
                        {
                            var end = line.IndexOf("*/", k + 2, StringComparison.Ordinal);
                            yield return (i + 1, end < 0 ? line[(k + 2)..] : line[(k + 2)..end]);
                            if (end < 0) { inBlock = true; break; }
                            k = end + 1;
                        }
                    }
                }
                break;
        }
    }

    // ---- the team-only shared folder ------------------------------------------------------------------------------

    // Written so that this file does not match them itself: a path up to a shared folder, its data folder, or a path
    // built from a ".." segment and a "shared" one (one level up, or a search of parent folders).
    private static readonly Regex[] SharedFolderPatterns =
    [
        new(@"\.\.[/\\]shared\b"),
        new(@"\bshared[/\\]data\b"),
        new(@"""\.\.""\s*,\s*""shared"""),
        new(@"Combine\([^)]*""shared"""),
    ];

    // ---- patterns -------------------------------------------------------------------------------------------------

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(`+).+?\1", RegexOptions.Singleline)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\S*://\S*")]
    private static partial Regex Url();

    [GeneratedRegex(@"^\s*[,:]\s*""(?<heading>[^""]+)""")]
    private static partial Regex HeadingReference();

    [GeneratedRegex(@"(?<![\w./-])README(?![\w.])\s*[,:]\s*""(?<heading>[^""]+)""")]
    private static partial Regex ReadmeHeadingReference();

    [GeneratedRegex(@"private\s+const\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""]*)""\s*;")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"new\(\s*""(?<id>MEDGRPC\d{3})"".*?helpLinkUri:\s*(?<link>[^)]*?)\s*\)\s*;", RegexOptions.Singleline)]
    private static partial Regex Descriptor();

    [GeneratedRegex(@"static\s+readonly\s+DiagnosticDescriptor\s+\w+\s*=")]
    private static partial Regex DescriptorField();
}
