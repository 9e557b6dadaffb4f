namespace Dragoman.Tests.Time;

public class DebugTests
{
    [Fact]
    public void Debug()
    {
        var doc = TimeTestSupport.Doc("Sony's planned acquisition of Guber/Peters Entertainment Co. for $200 million is scheduled to close Monday. He left.", "1989-11-01");
        var t = TimeTestSupport.Find(doc, "Monday");
        Assert.Fail(TimeTestSupport.Describe(t) + " sentences=" + string.Join("|", doc.Sentences.Select(s => doc.Text[s.Start..s.End])));
    }
}
