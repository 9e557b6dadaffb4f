namespace Dragoman.Entities;

/// <summary>
/// Builds the name lists baked into the model (training time only; the runtime model never reads ../shared).
/// </summary>
public static class NameLists
{
    /// <summary>Kinds of list, in gazetteer order.</summary>
    public static readonly string[] Kinds = ["country", "city", "admin", "nationality", "actor-org", "actor-person", "train-PER", "train-ORG"];

    public static Result<List<(string, int)>> FromPublicData(string dataDir) => new List<(string, int)>();

    public static List<(string, int)> FromTraining(IReadOnlyList<NerDocument> docs, int minDocuments) => [];
}
