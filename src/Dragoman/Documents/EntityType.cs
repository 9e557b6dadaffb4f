namespace Dragoman.Documents;

/// <summary>Named-entity and value types, as in OntoNotes/spaCy.</summary>
public enum EntityType
{
    PERSON,
    ORG,
    GPE,
    LOC,
    NORP,
    FAC,
    MISC,
    DATE,
    QUANTITY,
}
