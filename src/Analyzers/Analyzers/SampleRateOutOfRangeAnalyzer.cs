using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC015: MediaSampleRateHertz outside 16000 to 48000.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SampleRateOutOfRangeAnalyzer : RangeAnalyzer
{
    public SampleRateOutOfRangeAnalyzer()
        : base(ContractMember.MediaSampleRateHertz, ContractRules.MinSampleRate, ContractRules.MaxSampleRate, Descriptors.MEDGRPC015_SampleRateOutOfRange)
    {
    }
}
