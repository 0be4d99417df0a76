using MedGrpc.Analyzers.Analyzers;
using MedGrpc.Analyzers.CodeFixes.Fixes;
using MedGrpc.Analyzers.Tests.Utility;

namespace MedGrpc.Analyzers.Tests.Fixes;

public class UseSupportedValueFixTests
{
    [Fact]
    public Task Sets_our_language_code_to_en_US() => Verify<UnsupportedLanguageCodeAnalyzer, UseSupportedValueFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = [|LanguageCode.DeDe|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.EnUs };
        }
        """);

    [Fact]
    public Task Sets_an_AWS_SDK_language_string_to_the_en_US_field() => Verify<UnsupportedLanguageCodeAnalyzer, UseSupportedValueFix>.CodeFix("""
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = [|"de-DE"|] };
        }
        """, """
        using Amazon.TranscribeService;
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { LanguageCode = LanguageCode.EnUS };
        }
        """);

    [Fact]
    public Task Sets_an_undefined_specialty_to_primary_care() => Verify<UnsupportedSpecialtyAnalyzer, UseSupportedValueFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = [|(Specialty)9|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = Specialty.Primarycare };
        }
        """);

    [Fact]
    public Task Sets_an_AWS_SDK_specialty_to_PRIMARYCARE() => Verify<UnsupportedSpecialtyAnalyzer, UseSupportedValueFix>.CodeFix("""
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = [|"CARDIOLOGY"|] };
        }
        """, """
        using Amazon.TranscribeService.Model;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { Specialty = Amazon.TranscribeService.Specialty.PRIMARYCARE };
        }
        """);

    [Fact]
    public Task Sets_a_content_identification_type_to_PHI() => Verify<UnsupportedContentIdentificationTypeAnalyzer, UseSupportedValueFix>.CodeFix("""
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { ContentIdentificationType = [|(ContentIdentificationType)4|] };
        }
        """, """
        using MedGrpc.Transcribe.V1;

        class Caller
        {
            object Build() => new StartMedicalTranscriptionJobRequest { ContentIdentificationType = ContentIdentificationType.Phi };
        }
        """);
}
