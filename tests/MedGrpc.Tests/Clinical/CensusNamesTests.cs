using MedGrpc.Core.Clinical.Phi;

namespace MedGrpc.Tests.Clinical;

public sealed class CensusNamesTests
{
    [Fact]
    public void The_surnames_are_the_census_top_thousand_commonest_first()
    {
        Assert.Equal(1000, CensusNames.Surnames.Count);
        Assert.Equal(["smith", "johnson", "williams"], CensusNames.Surnames.Take(3).Select(n => n.Name));
    }

    [Fact]
    public void First_names_are_ranked_by_their_share_of_all_people()
    {
        Assert.Equal("james", CensusNames.FirstNames[0].Name);
        Assert.True(CensusNames.FirstNames.Zip(CensusNames.FirstNames.Skip(1)).All(p => p.First.Percent >= p.Second.Percent));
    }

    [Fact]
    public void Every_name_is_one_lower_case_word_with_a_positive_frequency() =>
        Assert.All(CensusNames.FirstNames.Concat(CensusNames.Surnames), n => Assert.True(n.Percent > 0 && n.Name.All(c => char.IsAsciiLetterLower(c) || c is '\'' or '-'), n.ToString()));
}
