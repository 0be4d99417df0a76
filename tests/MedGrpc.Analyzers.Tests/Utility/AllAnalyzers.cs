using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Tests.Utility;

/// <summary>Every analyzer the package ships, found the way a compiler finds them: by attribute.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>Every rule class in the package, found by its base type (the shipped analyzer should run each).</summary>
    public static ImmutableArray<Type> RuleTypes { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(MedGrpc.Analyzers.Analyzers.RuleAnalyzer)))
        .ToImmutableArray();

    public static ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> Descriptors { get; } = typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (Microsoft.CodeAnalysis.DiagnosticDescriptor)field.GetValue(null)!)
        .ToImmutableArray();
}
