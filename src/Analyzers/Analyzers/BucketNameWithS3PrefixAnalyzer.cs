using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC012: OutputBucketName written as an s3:// URI; the bare name goes to the fix.</summary>
public sealed class BucketNameWithS3PrefixAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC012_BucketNameWithS3Prefix);

    /// <summary>Shared with <see cref="InvalidBucketNameAnalyzer"/>, which leaves prefixed names to this rule.</summary>
    internal static bool HasS3Prefix(string bucket)
        => bucket.StartsWith(ContractRules.S3Scheme, StringComparison.OrdinalIgnoreCase);

    protected override bool Inspects(ContractMember member) => member == ContractMember.OutputBucketName;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } bucket || !HasS3Prefix(bucket))
            return;

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.BareBucketName, BareName(bucket));
        report(Diagnostic.Create(
            Descriptors.MEDGRPC012_BucketNameWithS3Prefix,
            assignment.ValueLocation,
            properties,
            assignment.Member.DisplayName,
            Shown.Text(bucket)));
    }

    /// <summary>s3://bucket/some/key names the bucket "bucket": a key after it belongs in OutputKey, not the bucket name.</summary>
    private static string BareName(string bucket)
    {
        var rest = bucket.Substring(ContractRules.S3Scheme.Length);
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest.Substring(0, slash);
    }
}
