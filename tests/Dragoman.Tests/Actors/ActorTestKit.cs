using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Actors;

/// <summary>Runs text -> actors -> link on a text with the repository's bundled actor data.</summary>
internal static class ActorTestKit
{
    public static ActorDictionary Dictionary => ActorResources.Load(Path.Combine(Paths.RepoRoot, "data", "actors"));

    public static Document Run(string text, string? date = null, Action<Document>? beforeActors = null, Action<Document>? beforeLink = null)
    {
        var doc = new Document(new Article { Uri = "test", Text = text }, date is null ? null : DateOnly.Parse(date));
        new TextComponent().Process(doc);
        beforeActors?.Invoke(doc);
        new ActorMentionComponent(Dictionary).Process(doc);
        beforeLink?.Invoke(doc);
        new LinkingComponent(Dictionary).Process(doc);
        return doc;
    }

    public static Entity? Named(Document d, string name) =>
        d.Entities.Find(e => e.Name == name || e.Aliases.Contains(name));

    public static string Dump(Document d) =>
        string.Join("; ", d.Entities.Select(e => $"{e.Id}:{e.Type}:{e.Name}[{string.Join("|", e.Aliases)}]({e.Actor?.Code})"));
}
