using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC013: OutputBucketName breaking [a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9] (an s3:// prefix is MEDGRPC012's).</summary>
public sealed class InvalidBucketNameAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC013_InvalidBucketName);

    protected override bool Inspects(ContractMember member) => member == ContractMember.OutputBucketName;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } bucket
            || BucketNameWithS3PrefixAnalyzer.HasS3Prefix(bucket)
            || (bucket.Length <= ContractRules.MaxBucketNameLength && ContractRules.BucketName.IsMatch(bucket)))
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.MEDGRPC013_InvalidBucketName, assignment.ValueLocation, assignment.Member.DisplayName, Shown.Text(bucket)));
    }
}
