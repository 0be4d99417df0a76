using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Tags;

/// <summary>TagResource, UntagResource and ListTagsForResource on jobs and vocabularies, by ARN, with AWS's errors.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class TagOperationsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Account = "arn:aws:transcribe:us-east-1:000000000000";

    private MedicalTranscription.MedicalTranscriptionClient Api => fixture.Server.Jobs;

    private async Task<string> JobAsync(string name, params Tag[] tags)
    {
        var request = Requests.Dictation(name, fixture.Server.PutFile("media", $"{name}.wav", MediaFiles.GoForward));
        request.Tags.AddRange(tags);
        await fixture.Server.Jobs.StartAndWaitAsync(request);
        return $"{Account}:medical-transcription-job/{name}";
    }

    private async Task<List<(string, string)>> TagsOfAsync(string arn) =>
        (await Api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags.Select(t => (t.Key, t.Value)).ToList();

    private static TagResourceRequest Tagging(string arn, params (string Key, string Value)[] tags)
    {
        var request = new TagResourceRequest { ResourceArn = arn };
        request.Tags.AddRange(tags.Select(t => new Tag { Key = t.Key, Value = t.Value }));
        return request;
    }

    [Fact]
    public async Task A_jobs_start_tags_are_listed_by_its_ARN()
    {
        var arn = await JobAsync("tagged-at-start", new Tag { Key = "clinic", Value = "north" });

        var listed = await Api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn });

        Assert.Equal(arn, listed.ResourceArn);
        Assert.Equal([("clinic", "north")], listed.Tags.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task TagResource_adds_new_keys_and_overwrites_existing_ones_and_Get_shows_them()
    {
        var arn = await JobAsync("retagged", new Tag { Key = "clinic", Value = "north" });

        await Api.TagResourceAsync(Tagging(arn, ("clinic", "south"), ("reviewed", "")));

        Assert.Equal([("clinic", "south"), ("reviewed", "")], await TagsOfAsync(arn));
        var job = (await Api.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "retagged" })).MedicalTranscriptionJob;
        Assert.Equal([("clinic", "south"), ("reviewed", "")], job.Tags.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task UntagResource_removes_the_keys_given_and_ignores_unknown_ones()
    {
        var arn = await JobAsync("untagged", new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" });

        var request = new UntagResourceRequest { ResourceArn = arn };
        request.TagKeys.AddRange(["a", "not-there"]);
        await Api.UntagResourceAsync(request);

        Assert.Equal([("b", "2")], await TagsOfAsync(arn));
    }

    [Fact]
    public async Task A_vocabulary_is_tagged_at_create_and_by_its_ARN()
    {
        var create = Support.Vocabularies.Create("tagged-vocabulary", fixture.Server.PutTable("vocabularies/tagged.txt", "metformin\t\t\t"));
        create.Tags.Add(new Tag { Key = "owner", Value = "cardiology" });
        await Api.CreateMedicalVocabularyAsync(create);
        var arn = $"{Account}:medical-vocabulary/tagged-vocabulary";

        await Api.TagResourceAsync(Tagging(arn, ("reviewed", "yes")));

        Assert.Equal([("owner", "cardiology"), ("reviewed", "yes")], await TagsOfAsync(arn));
    }

    [Fact]
    public async Task A_deleted_jobs_tags_do_not_return_with_a_new_job_of_the_same_name()
    {
        await JobAsync("reborn", new Tag { Key = "old", Value = "1" });
        await Api.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "reborn" });

        var arn = await JobAsync("reborn");

        Assert.Empty(await TagsOfAsync(arn));
    }

    [Fact]
    public async Task The_ARN_of_an_unknown_job_is_a_NotFoundException()
    {
        var e = await JobAssertions.RefusedAsync(
            () => Api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = $"{Account}:medical-transcription-job/never-started" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
        Assert.Contains("couldn't be found", e.Status.Detail);
    }

    [Fact]
    public async Task The_ARN_of_another_account_is_a_NotFoundException()
    {
        await JobAsync("mine");
        await JobAssertions.RefusedAsync(
            () => Api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:transcribe:us-east-1:111122223333:medical-transcription-job/mine" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task A_malformed_ARN_is_a_BadRequest_with_the_pattern()
    {
        var e = await JobAssertions.RefusedAsync(
            () => Api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "medical-transcription-job/mine" }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern", e.Status.Detail);
    }

    [Fact]
    public async Task TagResource_without_tags_is_a_BadRequest()
    {
        var arn = await JobAsync("no-new-tags");
        var e = await JobAssertions.RefusedAsync(() => Api.TagResourceAsync(Tagging(arn)).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'tags' failed to satisfy constraint: Member must have length greater than or equal to 1", e.Status.Detail);
    }

    [Fact]
    public async Task A_tag_key_over_128_characters_is_a_BadRequest()
    {
        var arn = await JobAsync("long-key");
        var e = await JobAssertions.RefusedAsync(() => Api.TagResourceAsync(Tagging(arn, (new string('k', 129), "v"))).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128", e.Status.Detail);
    }

    [Fact]
    public async Task A_tag_key_given_twice_is_a_BadRequest()
    {
        var arn = await JobAsync("same-key");
        var e = await JobAssertions.RefusedAsync(() => Api.TagResourceAsync(Tagging(arn, ("k", "1"), ("k", "2"))).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("appears more than once", e.Status.Detail);
    }

    [Fact]
    public async Task A_tag_key_starting_with_aws_is_a_BadRequest()
    {
        var arn = await JobAsync("reserved-key");
        var e = await JobAssertions.RefusedAsync(() => Api.TagResourceAsync(Tagging(arn, ("aws:owner", "me"))).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("reserved", e.Status.Detail);
    }

    [Fact]
    public async Task More_than_200_tags_on_one_resource_is_a_BadRequest()
    {
        var arn = await JobAsync("crowded");
        await Api.TagResourceAsync(Tagging(arn, Enumerable.Range(0, 150).Select(i => ($"a{i}", "")).ToArray()));

        var e = await JobAssertions.RefusedAsync(() => Api.TagResourceAsync(Tagging(arn, Enumerable.Range(0, 60).Select(i => ($"b{i}", "")).ToArray())).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("at most 200", e.Status.Detail);
    }
}
