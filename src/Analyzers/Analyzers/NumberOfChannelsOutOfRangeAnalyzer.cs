using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC024: a stream's NumberOfChannels other than 2.</summary>
public sealed class NumberOfChannelsOutOfRangeAnalyzer : RangeAnalyzer
{
    public NumberOfChannelsOutOfRangeAnalyzer()
        : base(ContractMember.NumberOfChannels, ContractRules.StreamChannels, ContractRules.StreamChannels, Descriptors.MEDGRPC024_NumberOfChannelsOutOfRange)
    {
    }
}
