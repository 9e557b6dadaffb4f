using System.ComponentModel;
using System.Globalization;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>The event filters that `events` and `export` share, with their validation and their query.</summary>
public abstract class EventFilterSettings : StoreSettings
{
    public static readonly string[] Modalities = ["asserted", "reported", "claimed", "expected", "denied", "hypothetical", "negated"];

    [CommandOption("--actor <TEXT>")]
    [Description("Events whose actor's text, entity name, alias or actor code contains TEXT (case-insensitive).")]
    public string? Actor { get; init; }

    [CommandOption("--place <TEXT>")]
    [Description("Events whose place text, entity, resolved name, country or admin1 contains TEXT.")]
    public string? Place { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Events on or after DATE (YYYY-MM-DD): the event's time, else the article's publication date.")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Events on or before DATE (YYYY-MM-DD).")]
    public string? To { get; init; }

    [CommandOption("--action <ACTION>")]
    [Description("An action name (release, attack, ...) or digits as a CAMEO code prefix (084).")]
    public string? Action { get; init; }

    [CommandOption("--modality <M>")]
    [Description("asserted, reported, claimed, expected, denied, hypothetical or negated.")]
    public string? Modality { get; init; }

    [CommandOption("--search <QUERY>")]
    [Description("Only events of articles matching this full-text query (as in `dragoman search`).")]
    public string? Search { get; init; }

    [CommandOption("--all")]
    [Description("Every stored event, not only the main, current ones shown by default (confidence at or above the salience model's threshold, not historical); export: also, for acled-csv and gdelt-tsv, events that did not occur.")]
    public bool All { get; init; }

    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The first problem with the shared filters, or null when they are all well formed.</summary>
    protected ValidationResult? ValidateFilters()
    {
        if (From is not null && ParseDate(From) is null) return ValidationResult.Error($"--from must be a date as YYYY-MM-DD, not '{From}'");
        if (To is not null && ParseDate(To) is null) return ValidationResult.Error($"--to must be a date as YYYY-MM-DD, not '{To}'");
        if (Modality is not null && !Modalities.Contains(Modality.ToLowerInvariant()))
            return ValidationResult.Error($"--modality must be one of {string.Join(", ", Modalities)}, not '{Modality}'");
        return null;
    }

    /// <summary>The query of the shared filters; commands add their own fields with `with`.</summary>
    protected EventQuery FilterQuery() => new()
    {
        All = All,
        Actor = Actor,
        Place = Place,
        From = From is null ? null : ParseDate(From),
        To = To is null ? null : ParseDate(To),
        Action = Action,
        Modality = Modality,
        Text = Search,
    };
}
