using Dragoman.Documents;
using Dragoman.Tests.Support;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

public class RobustnessTests
{
    [Theory]
    [InlineData("It happened 5000 years ago and lasted 9999 centuries.", "0001-01-05", "offsets beyond the calendar near its start")]
    [InlineData("Next year, in 2199, and 9999 days later, Dec. 31.", "9999-12-28", "offsets beyond the calendar near its end")]
    [InlineData("between 2019 and", "2019-02-10", "a range cut off at the end of the text")]
    [InlineData("the start of", "2019-02-10", "a modifier with nothing after it")]
    [InlineData("10:99 p.m. on 31/02/2019 and 2019-02-30", "2019-02-10", "impossible clock times and dates")]
    [InlineData("Ramadan 1800 and Eid al-Adha 2200", "2019-02-10", "Islamic holidays outside the Umm al-Qura range")]
    public void Odd_input_never_throws(string text, string reference, string reason)
    {
        var doc = Doc(text, reference);
        foreach (var t in doc.Times)
        {
            Assert.True(t.Span.End <= text.Length && t.Text == text[t.Span.Start..t.Span.End], reason);
            if (t.Start is { } s && t.End is { } e) Assert.True(s <= e, $"{reason}: interval must be ordered: {Describe(t)}");
        }
        _ = EventTimeResolver.Resolve(doc, new TextSpan(0, Math.Min(3, text.Length)));
    }

    [Fact]
    public void Random_bytes_and_every_timebank_text_tag_without_error()
    {
        var rng = new Random(7);
        var alphabet = "0123456789 /-.:,'’ amp ago last next the of mid early late May March Friday Ramadan Eid al-Fitr year years week quarter third-quarter ";
        for (int k = 0; k < 300; k++)
        {
            var chars = new char[rng.Next(1, 120)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
            var doc = Doc(new string(chars), k % 3 == 0 ? null : "2019-02-10");
            Assert.All(doc.Times, t => Assert.True(t.Span.Start >= 0 && t.Span.End <= doc.Text.Length));
        }
        var dir = Path.Combine(Paths.SharedData, "timebank", "TimeBank");
        if (!Directory.Exists(dir)) return; // development data absent: the random part above still ran
        foreach (var f in Directory.EnumerateFiles(dir, "*.tml").Take(40))
        {
            var tml = TimeMlReader.Read(f, File.ReadAllText(f)).Value!;
            var doc = Doc(tml.Text, null);
            Assert.All(doc.Times, t => Assert.True(t.Start is null || t.Relative is null || t.Type == "DURATION", $"{f}: {Describe(t)}"));
        }
    }
}
