using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events;
using Dragoman.Events.Evaluation;
using Dragoman.Tests.Support;
using Xunit.Abstractions;

namespace Dragoman.Tests.Events;

/// <summary>
/// The fixed development / held-back split of FA-KES dev (Events/Evaluation/FakesSplit): the rule, the shipped id list,
/// training that never reads the held rows, and the FA-KES eval's figures per part. Invented ids and sentences.
/// </summary>
public class FakesSplitTests(ITestOutputHelper output)
{
    private static IEnumerable<(string, string)> Ids(string source, int n) => Enumerable.Range(1, n).Select(i => (source, $"{source}{i:000}"));

    [Theory]
    [InlineData(10, 0, 3, "30% of ten ids in one source")]
    [InlineData(2, 0, 1, "0.6 rounds up to one held id")]
    [InlineData(1, 0, 0, "0.3 rounds down: a lone id stays in development")]
    [InlineData(10, 5, 5, "each source is split on its own: 3 of ten, and 1.5 of five rounds away from zero to 2")]
    [InlineData(0, 7, 2, "2.1 of seven rounds to two")]
    public void The_rule_holds_back_thirty_percent_of_each_source(int first, int second, int held, string reason)
    {
        var rows = Ids("alpha", first).Concat(Ids("beta", second)).ToList();
        Assert.True(FakesSplit.ChooseHeld(rows).Count == held, $"{reason}: {FakesSplit.ChooseHeld(rows).Count}");
        Assert.True(FakesSplit.ChooseHeld(Enumerable.Reverse(rows)).SetEquals(FakesSplit.ChooseHeld(rows)), $"{reason}: the row order does not move an id");
    }

    [Fact]
    public void A_repeated_id_is_one_id_and_never_split_between_parts()
    {
        var rows = Ids("alpha", 9).Append(("alpha", "alpha001")).ToList();
        Assert.Equal(3, FakesSplit.ChooseHeld(rows).Count); // nine distinct ids: 2.7 rounds to 3, the repeat is not a tenth
    }

    [Fact]
    public void The_shipped_held_list_is_the_rule_applied_to_fakes_dev()
    {
        var csv = Path.Combine(Paths.SharedData, "fa-kes", "fakes.dev.csv");
        if (!File.Exists(csv)) { output.WriteLine($"skipped: {csv} absent"); return; }
        var rows = CsvTable.ReadWithHeader(File.ReadAllText(csv)).Value!.Select(r => (r["source"], r["unit_id"]));
        var shipped = ArticleSplit.ReadHeld(FakesSplit.BundledHeldFile);
        Assert.True(shipped.IsOk, shipped.Error);
        Assert.Equal(FakesSplit.ChooseHeld(rows), shipped.Value!.Order(StringComparer.Ordinal));
    }

    private const string Header = "unit_id,source,article_content,nb_civilians,nb_noncivilians,location,cause_of_death\n";

    /// <summary>Four invented rows: id 1 and 2 name civilians, 3 leaves its dead unnamed, 4 names fighters.</summary>
    private static string WriteCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fakes-split-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header
            + "1,alpha,\"Report\n\nShelling killed 7 civilians near Tamar on Monday.\",7,0,Aleppo,Shelling\n"
            + "2,alpha,\"Report\n\nAn air strike killed 12 civilians in a market near Odoro on Tuesday.\",12,0,Idlib,Shelling\n"
            + "3,alpha,\"Report\n\nClashes between army troops and rebel fighters near Odoro left 40 dead on Monday.\",0,40,Idlib,Shooting\n"
            + "4,beta,\"Report\n\nAn air strike killed 18 militants near Tamar on Monday.\",0,18,Hama,Shelling\n");
        return path;
    }

    [Theory]
    [InlineData("dev", 3, "ids 1-3 are development")]
    [InlineData("held", 1, "id 4 is held back")]
    [InlineData("all", 4, "every row")]
    public void The_eval_reports_each_part_and_leads_with_the_one_asked(string part, int n, string reason)
    {
        var csv = WriteCsv();
        try
        {
            var r = EventEvaluation.EvaluateFakes(csv, EventResources.LoadBundled(), held: new HashSet<string> { "4" }, part: part);
            Assert.True(r.IsOk, r.Error);
            var json = r.Value!;
            Assert.True(json["n"]!.GetValue<int>() == n && json["part"]!.GetValue<string>() == part, $"{reason}: {json.ToJsonString()}");
            Assert.True(json["dev"]!["n"]!.GetValue<int>() == 3 && json["held"]!["n"]!.GetValue<int>() == 1 && json["all"]!["n"]!.GetValue<int>() == 4,
                $"{reason}: every part is in the JSON whichever leads: {json.ToJsonString()}");
            // the named-fighters row is right (0 civilians); the unnamed clash dead are counted as civilians without a model (wrong)
            Assert.True(json["held"]!["civilians_exact"]!.GetValue<double>() == 1.0, $"{reason}: {json["held"]!.ToJsonString()}");
            Assert.True(json["dev"]!["civilians_exact_in_sample"] is null, $"{reason}: no model, so nothing in-sample to print");
        }
        finally { File.Delete(csv); }
    }

    [Fact]
    public void Training_never_reads_the_held_rows()
    {
        var csv = WriteCsv();
        try
        {
            var all = VictimClassTraining.Articles(csv, EventResources.LoadBundled());
            var dev = VictimClassTraining.Articles(csv, EventResources.LoadBundled(), skip: new HashSet<string> { "3", "4" });
            Assert.True(all.IsOk && dev.IsOk, all.Error ?? dev.Error);
            Assert.Equal(4, all.Value!.Count);
            Assert.Equal([7, 12], dev.Value!.Select(a => a.Gold)); // the unnamed clash row (3) and the fighters row (4) are left out
        }
        finally { File.Delete(csv); }
    }
}
