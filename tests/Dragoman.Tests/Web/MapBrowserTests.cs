using System.Text.Json.Nodes;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Storage;
using Dragoman.Tests.Support;
using Dragoman.Web;
using Microsoft.AspNetCore.Builder;

namespace Dragoman.Tests.Web;

/// <summary>
/// The page's map in headless Chromium over the hand-built corpus (no ../shared needed): place, province and country
/// labels and province lines from the vendored packages, the fit that ignores outliers, the ring on the selected event, and ISO date inputs.
/// Skips with the reason when Chromium is not installed.
/// </summary>
public sealed class MapBrowserTests : IAsyncLifetime
{
    private LoopbackSite _site = null!;

    public async Task InitializeAsync() =>
        _site = await LoopbackSite.Start("map", store => Assert.All(store.Add(StoreFixtures.Corpus()), o => Assert.Equal(AddStatus.Stored, o.Status)));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<Cdp> Open(string query = "")
    {
        var cdp = await Cdp.Launch(1200, 900);
        await cdp.Navigate(_site.Base + "/" + query);
        await cdp.WaitFor("document.querySelectorAll('#event-list li[data-id]').length > 0", "the event list");
        return cdp;
    }

    [BrowserFact]
    public async Task The_map_labels_places_and_countries_around_the_events()
    {
        await using var cdp = await Open();
        await cdp.WaitFor("document.querySelectorAll('.dm-city').length >= 3", "place labels from the vendored GeoNames towns");
        var labels = (await cdp.Eval("[...document.querySelectorAll('.dm-label')].map(l => l.textContent)"))!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.True(labels.Intersect(["Damascus", "Aleppo", "Homs", "Idlib", "Dar‘ā", "Amman", "Beirut"]).Any(), "no city of the events' region labelled: " + string.Join(", ", labels));
        Assert.True(labels.Contains("Syria") || labels.Contains("Jordan") || labels.Contains("Lebanon"), "no country labelled: " + string.Join(", ", labels));
        // the map is fitted to the corpus' places in Syria, not to the world
        var center = (await cdp.Eval("(() => { const c = state.map.getCenter(); return [c.lat, c.lng, state.map.getZoom()]; })()"))!.AsArray();
        Assert.True(center[0]!.GetValue<double>() is > 31 and < 38 && center[1]!.GetValue<double>() is > 34 and < 43 && center[2]!.GetValue<double>() >= 5,
            $"the map is not fitted to Syria: {center.ToJsonString()}");
    }

    [BrowserFact]
    public async Task The_map_draws_and_names_the_provinces_of_the_countries_in_view_only()
    {
        await using var cdp = await Open();
        await cdp.WaitFor("document.querySelectorAll('.leaflet-dm-provinces-pane path.dm-province').length > 0", "the province lines");
        await cdp.WaitFor("document.querySelectorAll('.dm-label.dm-province').length >= 2", "province names");
        var names = (await cdp.Eval("[...document.querySelectorAll('.dm-label.dm-province')].map(l => l.textContent)"))!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        string[] syrian = ["Aleppo", "Idlib", "Lattakia", "Tartus", "Hamah", "Homs", "Ar Raqqah", "Dayr Az Zawr", "Hasaka", "Rif Dimashq", "Damascus", "Dar`a", "As Suwayda'", "Quneitra"];
        Assert.True(names.Intersect(syrian).Count() >= 2, "fewer than two Syrian governorates named: " + string.Join(", ", names));
        // only the countries in view were loaded: Syria, never the United States or Brazil
        var loaded = (await cdp.Eval("performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('/admin1/'))"))!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.Contains(loaded, n => n.EndsWith("/admin1/syr.json", StringComparison.Ordinal));
        Assert.DoesNotContain(loaded, n => n.EndsWith("/admin1/usa.json", StringComparison.Ordinal) || n.EndsWith("/admin1/bra.json", StringComparison.Ordinal));
        // zoomed out to a continent, the provinces give way to the countries (the zoom is set again while waiting: a fit
        // to the events still animating on a slow machine can end after the first setZoom and zoom back in)
        await cdp.WaitFor("(state.map.getZoom() === 3 || state.map.setZoom(3, { animate: false }), state.map.getZoom() === 3"
            + " && document.querySelectorAll('.leaflet-dm-provinces-pane path').length === 0 && document.querySelectorAll('.dm-label.dm-province').length === 0)", "no provinces at zoom 3");
    }

    public static TheoryData<string, double, double, double, double, string> Fits => new()
    {
        { "[...Array(19)].map((_, i) => [33 + i * 0.2, 36 + i * 0.2]).concat([[-15, -47]])", 32.5, 35.5, 37.5, 40.5, "one far outlier (Brasília) among 20 events in Syria is left out" },
        { "[...Array(19)].map((_, i) => [33 + i * 0.2, 36 + i * 0.2])", 33, 36, 36.6, 39.6, "no outlier: the core is most of the events" },
        { "[[33.5, 36.3], [-15, -47]]", -15, -47, 33.5, 36.3, "two events: too few to call one an outlier, both are shown" },
    };

    /// <summary>[south, west] of the fitted box at or below the first corner, [north, east] at or above the second, and inside the bounds given.</summary>
    [BrowserTheory]
    [MemberData(nameof(Fits))]
    public async Task The_fit_covers_where_most_events_are(string points, double s, double w, double n, double e, string reason)
    {
        await using var cdp = await Open();
        var box = (await cdp.Eval($"DragomanMap.coreBounds({points}).flat()"))!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
        Assert.True(box[0] >= s - 1e-9 && box[1] >= w - 1e-9 && box[2] <= n + 1e-9 && box[3] <= e + 1e-9, $"{reason}: {string.Join(",", box)} is not inside {s},{w},{n},{e}");
        Assert.True(box[2] - box[0] > 0.5 * (n - s - 1) || n - s < 2, $"{reason}: {string.Join(",", box)} covers too little");
    }

    [BrowserFact]
    public async Task The_selected_event_is_ringed_on_the_map()
    {
        await using var cdp = await Open("?reports=1"); // the per-article events: the list shows incidents by default
        Assert.Equal(0, (await cdp.Eval("document.querySelectorAll('path.dm-selected').length"))!.GetValue<int>());
        var id = (await cdp.Eval("state.events.find(e => e.place && typeof e.place.lat === 'number').id"))!.GetValue<string>();
        await cdp.ClickElement($"document.querySelector('#event-list li[data-id=\"{id}\"]')", "a located event");
        await cdp.WaitFor("document.querySelectorAll('path.dm-selected').length === 1", "the ring on the selected event");
        var at = (await cdp.Eval($"(() => {{ const e = state.events.find(x => x.id === '{id}'); return [e.place.lat, e.place.lon]; }})()"))!.AsArray();
        var ring = (await cdp.Eval("(() => { let r; state.map.eachLayer(l => { if (l.options && l.options.className === 'dm-selected') r = l.getLatLng(); }); return [r.lat, r.lng]; })()"))!.AsArray();
        Assert.Equal(at.ToJsonString(), ring.ToJsonString());
    }

    [BrowserTheory]
    [InlineData("2019-02-10", true, "an ISO date")]
    [InlineData("02/10/2019", false, "the US order is refused, not guessed")]
    [InlineData("10.02.2019", false, "another locale's order")]
    public async Task The_date_filters_take_iso_dates(string value, bool valid, string reason)
    {
        await using var cdp = await Open();
        var result = (await cdp.Eval($"(() => {{ const i = document.getElementById('f-from'); i.value = '{value}'; return [i.type, i.placeholder, i.checkValidity()]; }})()"))!.AsArray();
        Assert.Equal("text", result[0]!.GetValue<string>());
        Assert.Equal("yyyy-mm-dd", result[1]!.GetValue<string>());
        Assert.True(valid == result[2]!.GetValue<bool>(), reason);
    }
}
