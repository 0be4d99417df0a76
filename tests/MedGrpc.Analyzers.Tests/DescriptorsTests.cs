using MedGrpc.Analyzers.Tests.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Tests;

/// <summary>The conventions every rule keeps, so that a new rule cannot quietly break them.</summary>
public class DescriptorsTests
{
    [Fact]
    public void Rule_ids_run_from_MEDGRPC001_without_gaps()
    {
        var ids = AllAnalyzers.Descriptors.Select(descriptor => descriptor.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length).Select(number => $"MEDGRPC{number:000}"), ids);
    }

    [Fact]
    public void Every_rule_links_to_its_page_under_docs_rules()
    {
        Assert.All(AllAnalyzers.Descriptors, descriptor => Assert.Equal(
            "https://github.com/medgrpc/medgrpc/blob/main/docs/rules/" + descriptor.Id + ".md",
            descriptor.HelpLinkUri));
    }

    [Fact]
    public void Every_rule_is_reported_by_exactly_one_analyzer()
    {
        var reported = AllAnalyzers.Instances.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(d => d.Id).ToArray();

        Assert.Equal(AllAnalyzers.Descriptors.Select(descriptor => descriptor.Id).Order(), reported.Order());
    }

    [Fact]
    public void Every_rule_is_reported_by_exactly_one_rule_class()
    {
        var reported = AllAnalyzers.RuleTypes
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(d => d.Id);

        Assert.Equal(AllAnalyzers.Descriptors.Select(descriptor => descriptor.Id).Order(), reported.Order());
    }

    [Fact]
    public void The_shipped_analyzer_runs_every_rule_class()
    {
        var run = MedGrpc.Analyzers.Analyzers.ContractAnalyzer.Rules.Select(rule => rule.GetType().Name).Order();

        Assert.Equal(AllAnalyzers.RuleTypes.Select(type => type.Name).Order(), run);
    }

    [Fact]
    public void Only_the_rules_that_may_be_wrong_are_warnings()
    {
        var warnings = AllAnalyzers.Descriptors
            .Where(descriptor => descriptor.DefaultSeverity == DiagnosticSeverity.Warning)
            .Select(descriptor => descriptor.Id);

        Assert.Equal(["MEDGRPC016", "MEDGRPC021"], warnings);
    }

    [Fact]
    public void Every_rule_is_enabled_by_default_and_described()
    {
        Assert.All(AllAnalyzers.Descriptors, descriptor =>
        {
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.NotEmpty(descriptor.Description.ToString());
        });
    }
}
