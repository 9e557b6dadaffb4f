using Dragoman.Attribution;
using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Events;

/// <summary>Builds Documents by hand (text + credits) and runs text, attribution and events on them.</summary>
public static class EventTestDocs
{
    private static readonly Lazy<EventResources> Resources = new(() =>
    {
        var r = EventResources.Load(Path.Combine(Paths.RepoRoot, "data"));
        return r.IsOk ? r.Value! : throw new InvalidOperationException(r.Error);
    });

    public static EventResources Res => Resources.Value;

    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder()
        .Add(new TextComponent()).Add(new AttributionComponent()).Add(new EventsComponent(Res)).Build());

    public static Document Run(string text, params (string Role, string Name)[] credits)
    {
        var article = new Article
        {
            Uri = "test",
            Text = text,
            Credits = credits.Select(c => new Credit(c.Role, c.Name, new TextSpan(0, 0))).ToList(),
        };
        return Pipeline.Value.Process(new Document(article, null));
    }

    public static string TriggerText(Document d, Event e) => d.Slice(e.Trigger);
}
