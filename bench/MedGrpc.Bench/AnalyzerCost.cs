using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Bench;

/// <summary>
/// What the client's analyzer adds to a build: a project of 300 files of valid requests (both flavours'
/// shapes: initializers, later assignments, settings, tags), compiled and emitted in process by the Roslyn
/// the analyzer is built against, with every rule and without. The machine's noise is as large as the
/// figure, so the two are interleaved in pairs (the order alternating), and the median of the pairs'
/// ratios is reported with its spread, for the elapsed time and for the CPU time of every process the build
/// ran (which other work on the machine disturbs far less); a warm-up of each is dropped.
/// </summary>
public static class AnalyzerCost
{
    /// <summary>
    /// The build as a caller runs it: `dotnet build` of a generated project of <paramref name="files"/> files that
    /// references the contracts and carries the analyzer, rebuilt with it and without it (the SDK's own analyzers and
    /// generators run in both, so the difference is this analyzer's alone).
    /// </summary>
    public static int RunBuild(string repo, int files, int pairs)
    {
        var analyzer = Path.Combine(repo, "src", "Analyzers", "bin", "Release", "netstandard2.0", "MedGrpc.Analyzers.dll");
        var contracts = Path.Combine(repo, "src", "Contracts", "MedGrpc.Contracts.csproj");
        if (!File.Exists(analyzer)) throw new FileNotFoundException($"Build the analyzer first (dotnet build -c Release): {analyzer}");
        var dir = Directory.CreateTempSubdirectory("medgrpc-analyzer-cost-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Requests.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{contracts}" />
                    <Analyzer Include="{analyzer}" Condition="'$(WithMedGrpcRules)' != 'false'" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
            for (var i = 0; i < files; i++) File.WriteAllText(Path.Combine(dir, $"Request{i}.cs"), Source(i));
            Console.WriteLine($"analyzer-cost (dotnet build): {files} files of valid requests, {pairs} interleaved pairs, in {dir}");
            // A fresh csc per build JITs the analyzer every time; the compiler server keeps it warm.
            Console.WriteLine(Environment.GetEnvironmentVariable("UseSharedCompilation") == "false"
                ? "compiler: a fresh csc process per build (UseSharedCompilation=false)"
                : "compiler: the shared compiler server (VBCSCompiler)");
            Build(dir, "restore", withRules: true);
            Build(dir, "build", withRules: true); // warm-up: the contracts built, the build server's caches
            Build(dir, "build", withRules: false);
            return Report(pairs, withRules => Build(dir, "build", withRules));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Cost Build(string dir, string verb, bool withRules)
    {
        var cpu = ProcessCpu.ReapedChildren();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = verb == "restore"
            ? ["restore", "-v", "q"]
            : ["build", "-c", "Release", "--no-restore", "--no-dependencies", "-t:Rebuild", "-v", "q", "-nologo", $"-p:WithMedGrpcRules={(withRules ? "true" : "false")}"];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Result.Contains("MEDGRPC", StringComparison.Ordinal))
            throw new InvalidOperationException($"dotnet {verb} failed or flagged a valid request:\n{output.Result}\n{errors.Result}");
        return new Cost(clock.Elapsed.TotalMilliseconds, (ProcessCpu.ReapedChildren() - cpu) * 1000);
    }

    /// <summary>One build's elapsed time and the CPU time of every process it ran (MSBuild, csc), in milliseconds.</summary>
    private readonly record struct Cost(double Wall, double Cpu);

    private static int Report(int pairs, Func<bool, Cost> measure)
    {
        var without = new List<Cost>();
        var with = new List<Cost>();
        for (var pair = 0; pair < pairs; pair++)
        {
            Cost a, b;
            if (pair % 2 == 0)
            {
                a = measure(false);
                b = measure(true);
            }
            else
            {
                b = measure(true);
                a = measure(false);
            }
            without.Add(a);
            with.Add(b);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pair {pair + 1,2}: elapsed without {a.Wall,7:F0} ms, with {b.Wall,7:F0} ms, {(b.Wall / a.Wall - 1) * 100,6:+0.0;-0.0} %;  CPU without {a.Cpu,7:F0} ms, with {b.Cpu,7:F0} ms, {(b.Cpu / a.Cpu - 1) * 100,6:+0.0;-0.0} %"));
        }

        var underWall = Summarize("elapsed", without.Select(c => c.Wall).ToList(), with.Select(c => c.Wall).ToList());
        var underCpu = Summarize("CPU", without.Select(c => c.Cpu).ToList(), with.Select(c => c.Cpu).ToList());
        Console.WriteLine($"target: under 5 % of the build: elapsed {(underWall ? "under" : "over")}, CPU {(underCpu ? "under" : "over")}");
        return underWall && underCpu ? 0 : 1;
    }

    /// <summary>Prints the median of the pairs' ratios with its spread; true when the median is under 5 %.</summary>
    private static bool Summarize(string figure, List<double> without, List<double> with)
    {
        var sorted = without.Zip(with, (a, b) => b / a).Order().ToArray();
        double At(double p) => (Percentiles.Of(sorted, p) - 1) * 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyzer cost ({figure}): median {At(0.5):+0.0;-0.0} % (quartiles {At(0.25):+0.0;-0.0} % to {At(0.75):+0.0;-0.0} %, range {At(0):+0.0;-0.0} % to {At(1):+0.0;-0.0} %); build without {Median(without):F0} ms, with {Median(with):F0} ms"));
        return Percentiles.Of(sorted, 0.5) < 1.05;
    }

    /// <summary>
    /// The compiler's share alone, in process: parse, bind, analyze, emit, with every rule and without (no MSBuild, no
    /// process start, no JIT after the warm-up: a stricter figure than the build's).
    /// </summary>
    public static int Run(int files, int pairs, bool telemetry = false)
    {
        var analyzers = typeof(MedGrpc.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(MedGrpc.Transcribe.V1.StartMedicalTranscriptionJobRequest).Assembly.Location)
            .DistinctBy(Path.GetFileName)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
        var sources = Enumerable.Range(0, files).Select(Source).ToArray();

        Console.WriteLine($"analyzer-cost (in process): {files} files of valid requests, {analyzers.Length} rules, {pairs} interleaved pairs");
        for (var warm = 0; warm < 3; warm++) // warm-up: JIT tiers, the reference metadata
        {
            Measure(sources, references, analyzers, withRules: false);
            Measure(sources, references, analyzers, withRules: true);
        }
        if (telemetry)
            PrintTelemetry(sources, references, analyzers);
        return Report(pairs, withRules => Measure(sources, references, analyzers, withRules));
    }

    /// <summary>Where the rules' time goes: the driver's own timing of each analyzer's actions over one build.</summary>
    private static void PrintTelemetry(string[] sources, MetadataReference[] references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"Request{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("Requests", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var analyzed = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var rows = analyzers.Select(a => (Name: a.GetType().Name, Info: analyzed.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult()))
            .OrderByDescending(row => row.Info.ExecutionTime).ToList();
        foreach (var (name, info) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {info.ExecutionTime.TotalMilliseconds,8:F1} ms  {info.OperationActionsCount,2} op, {info.SyntaxNodeActionsCount,2} syntax, {info.OperationBlockStartActionsCount,2} block-start  {name}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows.Sum(r => r.Info.ExecutionTime.TotalMilliseconds),8:F1} ms  all rules' actions (one build, not concurrent)"));
    }

    private static double Median(List<double> values) => Percentiles.Of(values.Order().ToArray(), 0.5);

    /// <summary>One build: parse, bind, emit and, with the rules, every analyzer over the same compilation.</summary>
    private static Cost Measure(string[] sources, MetadataReference[] references, ImmutableArray<DiagnosticAnalyzer> analyzers, bool withRules)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"Request{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("Requests", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // As csc does: one compilation, bound once, the analyzer driver listening to that binding. Both arms run an
        // analyzer of operations, as the SDK's default CA rules are in every build: the driver's binding and operation
        // trees are then paid in both, and the difference is what the rules themselves add.
        // Concurrently, and without timing every action, as csc runs them.
        var analyzed = compilation.WithAnalyzers(withRules ? analyzers.Add(SdkRulesStandIn) : [SdkRulesStandIn],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Concat(analyzed.Compilation.Emit(Stream.Null).Diagnostics);
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("MEDGRPC", StringComparison.Ordinal) || d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0) throw new InvalidOperationException($"the requests are meant to be valid: {problems[0]}");
        return new Cost(clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static readonly DiagnosticAnalyzer SdkRulesStandIn = new OperationListener();

    /// <summary>
    /// Listens to every invocation and does nothing: what makes the driver bind each method body and build its operation
    /// tree, as the SDK's default rules (CA1416, CA2247 and others, in every net10.0 build) already do.
    /// </summary>
    // Never shipped nor loaded by a compiler, only handed to this process's Roslyn: the rules for analyzer projects don't apply.
#pragma warning disable RS1041, RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationListener : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH001", "never reported", "never reported", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1041, RS1036, RS2008

    private static string Source(int i) => $$"""
        using MedGrpc.Transcribe.V1;

        namespace Requests;

        public static class Visit{{i}}
        {
            public static StartMedicalTranscriptionJobRequest Dictation() => new()
            {
                MedicalTranscriptionJobName = "visit-{{i}}",
                LanguageCode = LanguageCode.EnUs,
                MediaSampleRateHertz = 16000,
                Media = new Media { MediaFileUri = "s3://audio/visit-{{i}}.wav" },
                OutputBucketName = "transcripts",
                OutputKey = "notes/visit-{{i}}.json",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
                Tags = { new Tag { Key = "clinic", Value = "north" } },
            };

            public static StartMedicalTranscriptionJobRequest Conversation(string name)
            {
                var request = new StartMedicalTranscriptionJobRequest
                {
                    MedicalTranscriptionJobName = name,
                    LanguageCode = LanguageCode.EnUs,
                    Media = new Media { MediaFileUri = "s3://audio/conversation-{{i}}.wav" },
                    OutputBucketName = "transcripts",
                    Specialty = Specialty.Primarycare,
                    Type = MedicalJobType.Conversation,
                    ContentIdentificationType = ContentIdentificationType.Phi,
                };
                request.Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 };
                request.Settings.ShowAlternatives = true;
                request.Settings.MaxAlternatives = 3;
                return request;
            }

            public static int Other(int x) => x * {{i}} + "unrelated code {{i}}".Length;
        }
        """;
}
