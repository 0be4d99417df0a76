namespace MedGrpc.Engines.PocketSphinx;

/// <summary>What a PHI cue announces, and so which grammar its span is re-decoded with.</summary>
public enum PhiGrammarKind
{
    /// <summary>A digit string: phone, fax, social security, NHS, record, account and zip numbers.</summary>
    Digits,

    /// <summary>Letters and digits: postcodes, licence plates, insurance, licence and member IDs.</summary>
    LettersAndDigits,

    /// <summary>A spoken date: a date of birth ("march third nineteen eighty five", "fourteen oh two seventy two").</summary>
    Date,

    /// <summary>A word spelled letter by letter.</summary>
    Letters,

    /// <summary>An IP address: four numbers with "dot" between them ("one nine two dot one six eight dot one dot ten").</summary>
    IpAddress,

    /// <summary>A street address: a house number, one or two common street names and a street type ("one hundred elm drive").</summary>
    Address,

    /// <summary>
    /// A person's name after a title or a name cue ("doctor green", "my name is david miller"): a first name and a surname,
    /// either alone, from the census's commonest (<see cref="MedGrpc.Core.Clinical.Phi.CensusNames"/>).
    /// </summary>
    Name,
}
