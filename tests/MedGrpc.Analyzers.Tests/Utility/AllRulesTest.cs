using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MedGrpc.Analyzers.Tests.Utility;

/// <summary>Runs every rule at once, as a caller's build does; for code that must raise nothing at all.</summary>
internal sealed class AllRulesTest : CSharpAnalyzerTest<MedGrpc.Analyzers.Analyzers.UnsupportedLanguageCodeAnalyzer, DefaultVerifier>
{
    public AllRulesTest(string source)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Net;
        TestReferences.Configure(TestState);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Instances;
}
