using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC023: a stream's MediaEncoding not set explicitly (MediaEncoding.Unspecified) or cast from an undefined number.</summary>
public sealed class UnsupportedMediaEncodingAnalyzer : StreamEnumAnalyzer
{
    public UnsupportedMediaEncodingAnalyzer()
        : base(ContractMember.MediaEncoding, acceptedKeys: null, Descriptors.MEDGRPC023_UnsupportedMediaEncoding)
    {
    }
}
