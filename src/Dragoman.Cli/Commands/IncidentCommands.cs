using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>Printing incidents (docs/merge.md) for the incidents, show, merge and split commands.</summary>
public static class IncidentView
{
    public static bool IsIncidentId(string id) => id.Length > 1 && id[0] is 'i' or 'I' && StoreId.ParseIncident(id) is not null;

    public static IIncidentStore? Incidents(IEventStore store) => store as IIncidentStore;

    /// <summary>Why <see cref="Incidents"/> found none (the store is PostgreSQL's).</summary>
    public static int NoIncidents(IEventStore store) => Terminal.Fail(IncidentListing.Incidents(store).Error!);

    public static string Date(IncidentSummary i) => i.DateFrom is not { } from ? "undated"
        : i.DateTo == from ? Iso(from) : $"{Iso(from)}..{Iso(i.DateTo!.Value)}";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Toll(IncidentSummary i) => i.Facts.KilledMin is not { } lo ? ""
        : lo == i.Facts.KilledMax ? $"{lo} killed" : $"{lo}-{i.Facts.KilledMax} killed (conservative {i.Facts.Fatalities})";

    public static string ReportedBy(IncidentSummary i) => Dragoman.Export.IncidentViews.ReportedBy(i.Facts.Articles, i.Facts.Outlets);

    public static int Show(IEventStore store, string id, bool json = false)
    {
        if (Incidents(store) is not { } incidents) return NoIncidents(store);
        long n = StoreId.ParseIncident(id)!.Value;
        if (incidents.GetIncident(n) is not { } i) return Terminal.Fail($"no incident {StoreId.IncidentKey(n)}");
        if (json)
        {
            var detail = Dragoman.Export.IncidentViews.Detail(i, incidents.ReportEvents(n), incidents.ReportsOf(n));
            Console.Out.WriteLine(JsonSerializer.Serialize(detail, Dragoman.Export.IncidentViews.JsonIndented));
            return 0;
        }
        var f = i.Facts;
        Console.WriteLine($"{i.Key}  {f.Action}  {Date(i)} ({f.DateBasis})  {f.PlaceName ?? "no place"}{(f.Country is null ? "" : ", " + f.Country)}{(f.Precision is null ? "" : $" [{f.Precision}]")}");
        Console.WriteLine($"  {ReportedBy(i)}: {string.Join("; ", i.OutletNames)}");
        if (Toll(i) is { Length: > 0 } toll) Console.WriteLine($"  {toll}");
        Console.WriteLine($"  first reported {f.FirstReported ?? "?"}, last {f.LastReported ?? "?"}");
        Console.WriteLine("  reports:");
        foreach (var r in incidents.ReportsOf(n))
        {
            var m = r.Report;
            string killed = m.Killed is { } k ? $", {k} killed" : "";
            Console.WriteLine($"    {r.EventKey,-10} {m.Action,-16} {m.Outlet ?? "?"} {m.Published ?? "undated"} {m.Modality}{killed}  {r.Title}");
            if (r.PartnerRef is not null)
                Console.WriteLine($"      linked to {r.PartnerRef[(r.PartnerRef.IndexOf(':') + 1)..]} of {r.PartnerRef[..Math.Min(8, r.PartnerRef.Length)]}, score {r.Score:0.0}: {Reasons(r.ReasonsJson)}");
        }
        return 0;
    }

    private static string Reasons(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return string.Join("; ", doc.RootElement.EnumerateArray().Select(e =>
            $"{e.GetProperty("feature").GetString()} {e.GetProperty("weight").GetDouble().ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} ({e.GetProperty("detail").GetString()})"));
    }
}

public sealed class MergeSettings : StoreSettings
{
    [CommandArgument(0, "<A>")] public string A { get; init; } = "";
    [CommandArgument(1, "<B>")] public string B { get; init; } = "";
    [CommandOption("--note <TEXT>")] [Description("Why (kept in the audit trail).")] public string? Note { get; init; }
}

/// <summary>An analyst's merge: B joins A and they stay together through re-merging.</summary>
public sealed class MergeCommand : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        if (StoreId.ParseIncident(settings.A) is not { } a || StoreId.ParseIncident(settings.B) is not { } b)
            return Terminal.Fail($"'{settings.A}' / '{settings.B}': incidents are named i7 (see `dragoman incidents`)");
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (IncidentView.Incidents(store) is not { } incidents) return IncidentView.NoIncidents(store);
        var r = incidents.MergeIncidents(a, b, settings.Note);
        if (!r.IsOk) return Terminal.Fail(r.Error!);
        Console.WriteLine($"merged {StoreId.IncidentKey(a)} and {StoreId.IncidentKey(b)} into {StoreId.IncidentKey(r.Value)}");
        return 0;
    }
}

public sealed class SplitSettings : StoreSettings
{
    [CommandArgument(0, "<INCIDENT>")] public string Incident { get; init; } = "";
    [CommandArgument(1, "<EVENT>")] [Description("The event as a12:ev3.")] public string Event { get; init; } = "";
    [CommandOption("--note <TEXT>")] [Description("Why (kept in the audit trail).")] public string? Note { get; init; }
}

/// <summary>An analyst's split: the event leaves its incident and stays apart from its reports through re-merging.</summary>
public sealed class SplitCommand : Command<SplitSettings>
{
    public override int Execute(CommandContext context, SplitSettings settings, CancellationToken cancellationToken)
    {
        if (StoreId.ParseIncident(settings.Incident) is not { } incident)
            return Terminal.Fail($"'{settings.Incident}': incidents are named i7 (see `dragoman incidents`)");
        var id = StoreId.Parse(settings.Event);
        if (!id.IsOk || id.Value!.ArticleNumber is not { } article || id.Value.EventId is not { } eventId)
            return Terminal.Fail($"'{settings.Event}': name the event as a12:ev3");
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (IncidentView.Incidents(store) is not { } incidents) return IncidentView.NoIncidents(store);
        var r = incidents.SplitReport(incident, article, eventId, settings.Note);
        if (!r.IsOk) return Terminal.Fail(r.Error!);
        Console.WriteLine($"{settings.Event} is now {StoreId.IncidentKey(r.Value)}, apart from {StoreId.IncidentKey(incident)}");
        return 0;
    }
}

public sealed class RemergeSettings : StoreSettings
{
    [CommandOption("--newest-first")]
    [Description("Merge the articles newest first (the default is the order they were stored).")]
    public bool NewestFirst { get; init; }
}

/// <summary>Merges every stored article again (a store whose events were stored before merging existed has none), keeping the analysts' decisions.</summary>
public sealed class RemergeCommand : Command<RemergeSettings>
{
    public override int Execute(CommandContext context, RemergeSettings settings, CancellationToken cancellationToken)
    {
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (IncidentView.Incidents(store) is not { } incidents) return IncidentView.NoIncidents(store);
        int n = incidents.Remerge(settings.NewestFirst);
        Console.WriteLine($"{n} incident{(n == 1 ? "" : "s")} from {store.Counts().Events} stored events (`dragoman events` lists them)");
        return 0;
    }
}
