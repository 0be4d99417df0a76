#!/usr/bin/env bash
# How much the MedGrpc analyzer adds to `dotnet build`: a generated project of 300 files that build
# requests (valid and invalid, literals and constants) is built again and again with and without the
# analyzer (and its fixes) loaded; prints the median wall times and their ratio.
# Usage: bench/analyzer-build-time/run.sh [files=300] [runs=5] [mixed|valid]
#   mixed: each file builds one valid and one invalid request (the build prints the diagnostics);
#   valid: each file builds two valid requests (the common case: the analyzer finds nothing).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
files=${1:-300}
runs=${2:-5}
kind=${3:-mixed}
work=$(mktemp -d /tmp/medgrpc-analyzer-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Analyzers.CodeFixes" -c Release -nologo -v q >/dev/null
dotnet build "$repo/src/Contracts" -c Release -nologo -v q >/dev/null
analyzer="$repo/src/Analyzers/bin/Release/netstandard2.0/MedGrpc.Analyzers.dll"
fixes="$repo/src/Analyzers.CodeFixes/bin/Release/netstandard2.0/MedGrpc.Analyzers.CodeFixes.dll"
contracts="$repo/src/Contracts/bin/Release/net10.0/MedGrpc.Contracts.dll"

cat > "$work/Generated.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$contracts" />
    <PackageReference Include="Google.Protobuf" Version="3.36.2" />
    <PackageReference Include="Grpc.Core.Api" Version="2.85.0" />
  </ItemGroup>
  <ItemGroup Condition="'\$(WithAnalyzer)' == 'true'">
    <Analyzer Include="$analyzer" />
    <Analyzer Include="$fixes" />
  </ItemGroup>
</Project>
XML
# The requests are invalid on purpose: the rules report as warnings here so the build completes
# (suppressing them instead would let the compiler skip the analyzer altogether).
{ echo "root = true"; echo "[*.cs]"; for n in $(seq -w 1 21); do echo "dotnet_diagnostic.MEDGRPC0$n.severity = warning"; done; } > "$work/.editorconfig"
for i in $(seq 1 "$files"); do
cat > "$work/Requests$i.cs" <<CS
using MedGrpc.Transcribe.V1;

public static class Requests$i
{
    private const string Bucket = "clinic-" + "transcripts";

    public static StartMedicalTranscriptionJobRequest Valid(string media) => new()
    {
        MedicalTranscriptionJobName = "visit-$i",
        LanguageCode = LanguageCode.EnUs,
        Media = new Media { MediaFileUri = media },
        OutputBucketName = Bucket,
        Specialty = Specialty.Primarycare,
        Type = MedicalJobType.Dictation,
        Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
    };

    public static StartMedicalTranscriptionJobRequest $( [ "$kind" = valid ] && echo Another || echo Invalid )()
    {
$( [ "$kind" = valid ] && cat <<VALID
        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = "visit-$i-b",
            LanguageCode = LanguageCode.EnUs,
            MediaFormat = MediaFormat.Wav,
            Media = new Media { MediaFileUri = "s3://media/visit-$i.wav" },
            OutputBucketName = Bucket,
            Specialty = Specialty.Primarycare,
            Type = MedicalJobType.Conversation,
            Settings = new MedicalTranscriptionSetting { ShowAlternatives = true, MaxAlternatives = 3 },
        };
        request.Settings.ChannelIdentification = false;
        request.Tags.Add(new Tag { Key = "site", Value = "north" });
        return request;
    }
}
VALID
)
$( [ "$kind" = valid ] && echo "/*" )
        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = "visit $i",
            LanguageCode = LanguageCode.DeDe,
            MediaFormat = MediaFormat.Mp3,
            Media = new Media { MediaFileUri = "s3://media/visit-$i.wav" },
            OutputBucketName = "s3://" + Bucket,
            Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 40 },
        };
        request.Settings.ChannelIdentification = true;
        request.Tags.Add(new Tag { Key = "site", Value = "north" });
        return request;
    }
}
$( [ "$kind" = valid ] && echo "*/" )
CS
done

cd "$work"
dotnet restore -nologo -v q >/dev/null
build() { # $1 = true|false; prints seconds
  local start end
  start=$(date +%s.%N)
  dotnet build --no-restore --no-incremental -nologo -v q -p:WithAnalyzer="$1" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

build false >/dev/null; build true >/dev/null   # warm the compiler server and caches
without=(); with=()
for r in $(seq 1 "$runs"); do
  without+=("$(build false)")
  with+=("$(build true)")
done
diagnostics=$(dotnet build --no-restore --no-incremental -nologo -p:WithAnalyzer=true 2>&1 | grep -c "warning MEDGRPC0" || true)
m0=$(printf '%s\n' "${without[@]}" | median)
m1=$(printf '%s\n' "${with[@]}" | median)
echo "analyzer build-time bench ($kind requests): $files files, $runs builds each (median wall time of dotnet build --no-incremental)"
echo "without analyzer: ${m0} s   (${without[*]})"
echo "with analyzer:    ${m1} s   (${with[*]})"
echo "overhead: $(echo "scale=1; 100 * ($m1 - $m0) / $m0" | bc) %   diagnostic lines in a build with the analyzer: $diagnostics"
