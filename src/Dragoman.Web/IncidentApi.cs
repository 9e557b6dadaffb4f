using System.ComponentModel;
using Dragoman.Export;
using Dragoman.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dragoman.Web;

/// <summary>A page of incidents; <see cref="NextAfter"/> (the last incident's id) continues it with <c>after=</c>.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentItem> Items, int Limit, int Offset, int? NextOffset, string? NextAfter);

/// <summary>
/// GET /api/incidents and /api/incidents/{id} (docs/web.md): the merge stage's incidents with their reports. Typed
/// results, so that the OpenAPI document describes their bodies. A store without incident tables (every provider has
/// them; a store kind added later might not) answers 501 with the reason.
/// </summary>
public static class IncidentApi
{
    private static ProblemHttpResult NotOnThisStore() => Api.Error(StatusCodes.Status501NotImplemented,
        "this store keeps no incidents (the merge stage's tables); GET /api/events lists the per-article events");

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Dragoman");

        api.MapGet("/incidents", Results<Ok<IncidentPage>, ProblemHttpResult> (
            [AsParameters] FilterParameters p, IEventStore store) =>
        {
            if (store is not IIncidentStore incidents) return NotOnThisStore();
            // `after` names an incident here (i7), not an event: it is read apart from the event filters.
            var filters = new EventFilters(p.Bbox, p.From, p.To, p.Actor, p.Place, p.Action, p.Modality, p.MinConfidence, p.Q, p.Article, p.Limit, p.Offset).ToQuery();
            if (!filters.IsOk) return Api.Error(400, filters.Error!);
            long? after = null;
            if (!string.IsNullOrWhiteSpace(p.After))
            {
                after = StoreId.ParseIncident(p.After);
                if (after is null || p.After.Length > Limits.MaxParameterLength)
                    return Api.Error(400, $"'after' must be an incident id such as i7 (the next_after of the page before), not '{p.After}'");
                if (incidents.GetIncident(after.Value) is null) return Api.Error(400, $"no incident {StoreId.IncidentKey(after.Value)} to list after");
            }
            var query = IncidentQuery.Of(filters.Value!) with { After = after };
            // A malformed full-text query is the caller's error, said as the event listing says it.
            if (query.Reports is { } reports && store.QueryEvents(reports with { Limit = 1 }) is { IsOk: false } bad)
                return Api.Error(400, bad.Error!);
            var rows = incidents.ListIncidents(query with { Limit = query.Limit + 1 });
            var items = IncidentViews.Items(incidents, [.. rows.Take(query.Limit)]);
            bool more = rows.Count > query.Limit;
            return TypedResults.Ok(new IncidentPage(items, query.Limit, after is null ? query.Offset : 0,
                more && after is null ? query.Offset + query.Limit : null, more ? items[^1].Id : null));
        }).WithName("ListIncidents").WithProblems(400, 501)
          .WithSummary("Incidents (stored events merged across articles) matching the filters, newest first: from/to on the incident's date, the other filters on its reports (an incident matches when one of its events does). limit 1..500; offset, or after=next_after of the page before.");

        api.MapGet("/incidents/{id}", Results<Ok<IncidentDetail>, ProblemHttpResult> (
            [Description("An incident id: i7.")] string id, IEventStore store) =>
        {
            if (store is not IIncidentStore incidents) return NotOnThisStore();
            if (StoreId.ParseIncident(id) is not { } n || id.Length > Limits.MaxParameterLength)
                return Api.Error(400, $"'{id}' is not an incident id; incidents are named i7 (GET /api/incidents)");
            if (incidents.GetIncident(n) is not { } incident) return Api.Error(404, $"no incident {StoreId.IncidentKey(n)}");
            return TypedResults.Ok(IncidentViews.Detail(incident, incidents.ReportEvents(n), incidents.ReportsOf(n)));
        }).WithName("GetIncident").WithProblems(400, 404, 501)
          .WithSummary("One incident: its derived fields, every report (article, URI, outlet, source chain, modality, the figure it gave, the link with its score and reasons) and the figures by source.");
    }
}
