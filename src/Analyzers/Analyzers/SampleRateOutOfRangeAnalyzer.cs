using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC015: MediaSampleRateHertz outside 16000 to 48000.</summary>
public sealed class SampleRateOutOfRangeAnalyzer : RangeAnalyzer
{
    public SampleRateOutOfRangeAnalyzer()
        : base(ContractMember.MediaSampleRateHertz, ContractRules.MinSampleRate, ContractRules.MaxSampleRate, Descriptors.MEDGRPC015_SampleRateOutOfRange)
    {
    }
}
