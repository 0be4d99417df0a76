namespace MedGrpc.Scoring;

/// <summary>
/// Spelling variants mapped per token to the references' spelling: UK → US, compounds split, common ASR
/// spellings and unit abbreviations. A value may be several words. The list is the original scorer's, unchanged,
/// so that figures stay comparable with earlier results.
/// </summary>
public static class SpellingVariants
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["diarrhoea"] = "diarrhea", ["diarrhoeal"] = "diarrheal", ["haemoptysis"] = "hemoptysis",
        ["haematuria"] = "hematuria", ["haemorrhage"] = "hemorrhage", ["haemorrhoids"] = "hemorrhoids",
        ["haemoglobin"] = "hemoglobin", ["anaemia"] = "anemia", ["anaemic"] = "anemic",
        ["oedema"] = "edema", ["oesophagus"] = "esophagus", ["oesophageal"] = "esophageal",
        ["gastrooesophageal"] = "gastroesophageal", ["oestrogen"] = "estrogen",
        ["paediatric"] = "pediatric", ["gynaecology"] = "gynecology", ["orthopaedic"] = "orthopedic",
        ["ischaemic"] = "ischemic", ["ischaemia"] = "ischemia", ["leukaemia"] = "leukemia",
        ["hypoglycaemia"] = "hypoglycemia", ["hyperglycaemia"] = "hyperglycemia",
        ["tumour"] = "tumor", ["tumours"] = "tumors", ["colour"] = "color", ["coloured"] = "colored",
        ["odour"] = "odor", ["behaviour"] = "behavior", ["favourite"] = "favorite", ["labour"] = "labor",
        ["centre"] = "center", ["litre"] = "liter", ["litres"] = "liters", ["millilitre"] = "milliliter",
        ["millilitres"] = "milliliters", ["fibre"] = "fiber", ["programme"] = "program", ["grey"] = "gray",
        ["generalised"] = "generalized", ["localised"] = "localized", ["realise"] = "realize",
        ["realised"] = "realized", ["organise"] = "organize", ["organised"] = "organized",
        ["recognise"] = "recognize", ["recognised"] = "recognized", ["apologise"] = "apologize",
        ["socialising"] = "socializing", ["hospitalised"] = "hospitalized", ["immunised"] = "immunized",
        ["practise"] = "practice", ["travelling"] = "traveling", ["travelled"] = "traveled",
        ["mum"] = "mom", ["mums"] = "moms", ["mummy"] = "mommy",
        ["ok"] = "okay", ["okey"] = "okay", ["alright"] = "all right", ["cannot"] = "can not",
        ["ohh"] = "oh", ["ooh"] = "oh", ["yeh"] = "yeah",
        ["hayfever"] = "hay fever", ["painkiller"] = "pain killer", ["painkillers"] = "pain killers",
        ["checkup"] = "check up", ["followup"] = "follow up", ["fingertip"] = "finger tip",
        ["fingertips"] = "finger tips", ["epipen"] = "epi pen", ["epipens"] = "epi pens",
        ["preventor"] = "preventer", ["preventors"] = "preventers",
        ["mr"] = "mister", ["mrs"] = "missus", ["dr"] = "doctor",
        ["mg"] = "milligrams", ["mgs"] = "milligrams", ["mcg"] = "micrograms", ["kg"] = "kilograms",
        ["kgs"] = "kilograms", ["ml"] = "milliliters", ["mls"] = "milliliters", ["lbs"] = "pounds",
    };
}
