using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Runs a set of rules over one compilation with a single operation action. An assignment's member and value are read
/// once for all value rules; an object's facts, and every object rule's findings on them, once per object however
/// many of its operations are anchors. Object findings are still reported from the action of the operation they point
/// at: the IDE analyzes only the operations in the span it looks at, and a diagnostic reported from elsewhere would
/// never reach its light bulb.
/// </summary>
internal sealed class RuleRunner
{
    private readonly ContractTypes _contract;
    private readonly ImmutableArray<RuleAnalyzer> _valueRules;
    private readonly ImmutableArray<RuleAnalyzer> _objectRules;
    private readonly Dictionary<OperationKind, RuleAnalyzer[]> _anchoredByKind;
    // The driver runs one method's operations one after another on one thread, and an object's anchors all lie in the
    // method that creates it: the last object's findings, per thread, are what the next anchor asks for. (A table of
    // every object, shared by all threads, cost more in locking than the rules themselves.) Held weakly, so that an
    // idle thread keeps no operation tree, nor the compilation behind it, alive.
    [ThreadStatic]
    private static LastObject? t_last;

    [ThreadStatic]
    private static Found? t_found;

    private RuleRunner(ContractTypes contract, ImmutableArray<RuleAnalyzer> rules)
    {
        _contract = contract;
        _valueRules = rules.Where(rule => AllMembers.Any(rule.InspectsValueOf)).ToImmutableArray();
        _objectRules = rules.Where(rule => !rule.ObjectAnchorKinds.IsEmpty).ToImmutableArray();
        _anchoredByKind = _objectRules
            .SelectMany(rule => rule.ObjectAnchorKinds.Select(kind => (kind, rule)))
            .GroupBy(pair => pair.kind)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.rule).ToArray());
    }

    private static readonly ImmutableArray<ContractMember> AllMembers =
        ((ContractMember[])System.Enum.GetValues(typeof(ContractMember))).ToImmutableArray();

    public static void Register(AnalysisContext context, ImmutableArray<RuleAnalyzer> rules)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (ContractTypes.For(start.Compilation) is not { } contract)
                return;
            var runner = new RuleRunner(contract, rules);
            var kinds = runner._anchoredByKind.Keys.ToImmutableArray();
            if (!runner._valueRules.IsEmpty && !kinds.Contains(OperationKind.SimpleAssignment))
                kinds = kinds.Add(OperationKind.SimpleAssignment);
            if (!kinds.IsEmpty)
                start.RegisterOperationAction(runner.Analyze, kinds);
        });
    }

    private void Analyze(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (!_valueRules.IsEmpty)
            AnalyzeValue(operation, context);
        if (_anchoredByKind.TryGetValue(operation.Kind, out var anchored))
            AnalyzeAnchor(operation, anchored, context);
    }

    private void AnalyzeValue(IOperation operation, OperationAnalysisContext context)
    {
        if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
            || !_contract.TryGetMember(target.Property, out var member))
        {
            return;
        }

        MemberAssignment? read = null;
        // Valid assignments find nothing; the buffer spares them a delegate over the context for each one.
        var found = t_found ??= new Found();
        found.Diagnostics.Clear();
        foreach (var rule in _valueRules)
        {
            if (!rule.InspectsValueOf(member.Member))
                continue;
            read ??= new MemberAssignment(assignment, member, ValueReader.Read(assignment.Value));
            rule.AnalyzeValue(read, found.Add);
        }

        foreach (var diagnostic in found.Diagnostics)
            context.ReportDiagnostic(diagnostic);
    }

    private void AnalyzeAnchor(IOperation operation, RuleAnalyzer[] anchored, OperationAnalysisContext context)
    {
        // The rules' own cheap tests first: most assignments and calls anchor nothing.
        var any = false;
        foreach (var rule in anchored)
            any |= rule.AnchorsAt(operation, _contract);
        if (!any || FactsReader.FindRoot(operation, _contract) is not { } root)
            return;

        var findings = FindingsOf(root);
        if (findings.Length == 0)
            return;

        var anchor = operation.Syntax;
        foreach (var rule in anchored)
        {
            if (!rule.AnchorsAt(operation, _contract))
                continue;
            foreach (var finding in findings)
            {
                if (finding.Rule == rule && finding.At.Syntax == anchor)
                    context.ReportDiagnostic(finding.Diagnostic);
            }
        }
    }

    private Finding[] FindingsOf(IObjectCreationOperation root)
    {
        if (t_last is { } last && last.Runner == this && last.Root.TryGetTarget(out var known) && known == root)
            return last.Findings;

        var findings = Find(root);
        t_last = new LastObject(this, new WeakReference<IObjectCreationOperation>(root), findings);
        return findings;
    }

    /// <summary>Every object rule's problems in one root object: read once, whichever of its anchors comes first.</summary>
    private Finding[] Find(IObjectCreationOperation root)
    {
        if (!_contract.TryGetShape(root.Type, out var flavor, out var shape))
            return [];

        ObjectFacts? facts = null;
        List<Finding>? found = null;
        foreach (var rule in _objectRules)
        {
            if (!rule.InspectsObject(shape))
                continue;
            facts ??= FactsReader.Read(root, _contract, flavor, shape);
            rule.AnalyzeObject(facts, (at, diagnostic) => (found ??= new List<Finding>()).Add(new Finding(rule, at, diagnostic)));
        }

        return found?.ToArray() ?? [];
    }

    /// <summary>What the value rules found in one assignment, reported once they are done.</summary>
    private sealed class Found
    {
        public Found() => Add = Diagnostics.Add;

        public List<Diagnostic> Diagnostics { get; } = new();

        public Action<Diagnostic> Add { get; }
    }

    private sealed class LastObject
    {
        public LastObject(RuleRunner runner, WeakReference<IObjectCreationOperation> root, Finding[] findings)
        {
            Runner = runner;
            Root = root;
            Findings = findings;
        }

        public RuleRunner Runner { get; }

        public WeakReference<IObjectCreationOperation> Root { get; }

        public Finding[] Findings { get; }
    }

    private readonly struct Finding
    {
        public Finding(RuleAnalyzer rule, IOperation at, Diagnostic diagnostic)
        {
            Rule = rule;
            At = at;
            Diagnostic = diagnostic;
        }

        public RuleAnalyzer Rule { get; }

        public IOperation At { get; }

        public Diagnostic Diagnostic { get; }
    }
}
