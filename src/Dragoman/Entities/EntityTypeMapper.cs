using Dragoman.Documents;

namespace Dragoman.Entities;

/// <summary>Maps the tagger's CoNLL classes to the public entity types.</summary>
public static class EntityTypeMapper
{
    public static EntityType Map(string conllClass, string text) => conllClass switch
    {
        "PER" => EntityType.PERSON,
        "ORG" => EntityType.ORG,
        "LOC" => EntityType.GPE,
        _ => EntityType.MISC,
    };
}
