using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MedGrpc.Analyzers.Tests.Utility;

/// <summary>Runs one analyzer over source whose expected diagnostics are marked in it ({|#0:...|}, [|...|]).</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of the analyzer's single rule; give it a location and the message arguments.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static Task Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.Net,
        };
        TestReferences.Configure(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>
/// Applies a fix (all of its occurrences, one by one and all at once) and compares with the expected source;
/// the testing library also checks that the analyzer finds nothing left in the fixed source.
/// </summary>
public static class Verify<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    public static Task CodeFix(string source, string fixedSource) => CodeFix(source, fixedSource, equivalenceKey: null);

    /// <summary>With <paramref name="equivalenceKey"/>, applies that one of several offered fixes.</summary>
    public static Task CodeFix(string source, string fixedSource, string? equivalenceKey, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        TestReferences.Configure(test.TestState);
        TestReferences.Configure(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
