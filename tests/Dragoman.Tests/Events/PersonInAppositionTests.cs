using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12 on targets: a chosen target that describes a person whose name stands in apposition to it gives way to the
/// name, the party a coder codes (EventsComponent.PersonInApposition).
/// </summary>
public class PersonInAppositionTests
{
    // the whole pipeline: the name must be a person the recogniser found
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    // text, trigger, the target's text, reason
    [Theory]
    [InlineData("Gunmen on Monday killed the deputy head of the Alpha district council, John Okafor.", "killed", "John Okafor",
        "the name after the description and its 'of' phrases, closing the sentence, is whom")]
    [InlineData("Maria Lopez, leader of the opposition Beta Party, was detained by police in Alpha on Friday.", "detained", "Maria Lopez",
        "the name before a description in apposition is whom")]
    public void A_person_named_in_apposition_is_the_target(string text, string trigger, string target, string why)
    {
        var d = Run(text);
        var e = d.Events.FirstOrDefault(x => EventTestDocs.TriggerText(d, x) == trigger);
        Assert.True(e is not null, $"{why}: no '{trigger}' event among {string.Join(", ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))}");
        Assert.True(e!.Target?.Text == target, $"{why}: target '{e.Target?.Text}'");
        Assert.Equal(target, d.Slice(e.Target!.Span));
    }

    [Fact]
    public void A_place_in_apposition_is_no_person()
    {
        var d = Run("Troops shelled the market of Alpha, Beta province, on Monday.");
        var e = d.Events.First(x => EventTestDocs.TriggerText(d, x) == "shelled");
        Assert.False(e.Target?.Text.StartsWith("Beta", StringComparison.Ordinal) == true, $"a province is no person: target '{e.Target?.Text}'");
    }
}
