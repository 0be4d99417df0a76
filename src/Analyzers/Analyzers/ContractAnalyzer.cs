using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// The one analyzer a build loads: every MEDGRPC rule, run by a single <see cref="RuleRunner"/> so that each
/// operation is visited once for all of them. A new rule goes in its own file and in <see cref="Rules"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every rule, in the order of its id.</summary>
    public static ImmutableArray<RuleAnalyzer> Rules { get; } = ImmutableArray.Create<RuleAnalyzer>(
        new UnsupportedLanguageCodeAnalyzer(),                       // MEDGRPC001
        new UnsupportedSpecialtyAnalyzer(),                          // MEDGRPC002
        new UnsupportedContentIdentificationTypeAnalyzer(),          // MEDGRPC003
        new SpeakerLabelsWithChannelIdentificationAnalyzer(),        // MEDGRPC004
        new ShowSpeakerLabelsWithoutMaximumAnalyzer(),               // MEDGRPC005
        new MaxSpeakerLabelsWithoutShowSpeakerLabelsAnalyzer(),      // MEDGRPC006
        new ShowAlternativesWithoutMaximumAnalyzer(),                // MEDGRPC007
        new MaxAlternativesWithoutShowAlternativesAnalyzer(),        // MEDGRPC008
        new MaxSpeakerLabelsOutOfRangeAnalyzer(),                    // MEDGRPC009
        new MaxAlternativesOutOfRangeAnalyzer(),                     // MEDGRPC010
        new InvalidNameAnalyzer(),                                   // MEDGRPC011
        new BucketNameWithS3PrefixAnalyzer(),                        // MEDGRPC012
        new InvalidBucketNameAnalyzer(),                             // MEDGRPC013
        new InvalidOutputKeyAnalyzer(),                              // MEDGRPC014
        new SampleRateOutOfRangeAnalyzer(),                          // MEDGRPC015
        new MediaFormatContradictsUriAnalyzer(),                     // MEDGRPC016
        new RedactedMediaFileUriAnalyzer(),                          // MEDGRPC017
        new InvalidMediaUriAnalyzer(),                               // MEDGRPC018
        new EncryptionContextWithoutKeyAnalyzer(),                   // MEDGRPC019
        new TagLengthAnalyzer(),                                     // MEDGRPC020
        new MissingRequiredFieldAnalyzer(),                          // MEDGRPC021
        new UnsupportedStreamSpecialtyAnalyzer(),                    // MEDGRPC022
        new UnsupportedMediaEncodingAnalyzer(),                      // MEDGRPC023
        new NumberOfChannelsOutOfRangeAnalyzer(),                    // MEDGRPC024
        new ChannelIdentificationWithoutNumberOfChannelsAnalyzer(),  // MEDGRPC025
        new InvalidSessionIdAnalyzer());                             // MEDGRPC026

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RuleRunner.Register(context, Rules);
    }
}
