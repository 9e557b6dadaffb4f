using Dragoman.Documents;

namespace Dragoman.Evaluation;

/// <summary>What the scorer needs of one system event: its type, sentences, fields as text, coordinates and dates.</summary>
public sealed record SystemEvent(
    string Id, string? Plover, string? PloverMode, IReadOnlyList<TextSpan> Sentences,
    string? Actor, string? Target, IReadOnlyList<string> Sources, IReadOnlyList<(int Min, int? Max)> Counts,
    DateOnly? Start, DateOnly? End, string? PlaceText, double? Lat, double? Lon, string Modality);

/// <summary>
/// A place mention the system found, in text order: its text, coordinates when resolved, ISO alpha-3 country, and how
/// many gazetteer candidates it had (an unresolved place with none is one the gazetteer does not know) and their
/// countries (ISO alpha-3, so a miss can say whether the right country was among them).
/// </summary>
public sealed record SystemPlace(string Text, double? Lat, double? Lon, string? Country3, int Candidates = 0, IReadOnlyList<string>? CandidateCountries3 = null)
{
    public bool IsResolved => Lat is not null && Lon is not null;
}

/// <summary>One processed article as the articles-gold scorer sees it (built from a Document, or by hand in tests).</summary>
public sealed record SystemArticle(
    string Name, string Text, IReadOnlyList<SystemEvent> Events, IReadOnlyList<SystemPlace> Places,
    IReadOnlyList<string> PersonNames, IReadOnlyList<string> OrganizationNames);
