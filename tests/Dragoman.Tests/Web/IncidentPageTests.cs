using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Support;
using Dragoman.Web;
using Microsoft.AspNetCore.Builder;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Web;

/// <summary>
/// The page's incident list and view in headless Chromium, over five strike reports of two incidents (Kremenchuk: three
/// outlets with 15, 18 and 20 dead). Skipped with the reason where Chromium is not installed (.ci/setup installs it).
/// </summary>
public sealed class IncidentPageTests : IAsyncLifetime
{
    private LoopbackSite _site = null!;

    public async Task InitializeAsync() => _site = await LoopbackSite.Start("incpage", store => store.Add(TwoStrikes()));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private const string Items = "[...document.querySelectorAll('#event-list li[data-id]')]";

    [ToolFact("chromium", "chromium")]
    public async Task The_list_shows_incidents_and_an_incident_shows_every_report_with_the_differing_figures()
    {
        await using var cdp = await Cdp.Launch();
        await cdp.Navigate(_site.Base + "/");
        await cdp.WaitFor($"{Items}.length === 2 && {Items}.every(li => /^i\\d+$/.test(li.dataset.id))", "two incidents in the list");
        Assert.Contains("2 incidents from 5 events", (await cdp.Eval("document.getElementById('list-count').textContent"))!.GetValue<string>());

        var kremenchuk = _site.Store.ListIncidents(new Dragoman.Storage.IncidentQuery { Place = "kremenchuk" }).Single().Key;
        await cdp.ClickElement($"document.querySelector('#event-list li[data-id=\"{kremenchuk}\"]')", "the Kremenchuk incident");
        await cdp.WaitFor("document.querySelectorAll('#detail table.reports tbody tr').length === 3", "its three reports");
        Assert.Equal(3, (await cdp.Eval("document.querySelectorAll('#detail td.differs').length"))!.GetValue<int>());
        var figures = (await cdp.Eval("document.querySelector('#detail p.figures').textContent"))!.GetValue<string>();
        Assert.Contains("Wire One 15 · Wire Three 18 · Wire Two 20", figures);

        // "per-article reports" lists the stored events again
        await cdp.Eval("document.getElementById('f-reports').click()");
        await cdp.WaitFor($"{Items}.length === 5 && {Items}.every(li => li.dataset.id.includes(':'))", "the five per-article events");
    }
}
