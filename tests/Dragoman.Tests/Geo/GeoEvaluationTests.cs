using Dragoman.Tests.Support;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

public class GeoEvaluationTests
{
    // Minimal documents in the three public layouts, written for the test.
    private const string Lgl = """
        <articles><article docid="1"><text>Rain fell on Daraa and Paris.</text><toponyms>
          <toponym><start>13</start><end>18</end><phrase>Daraa</phrase>
            <gaztag geonameid="170905"><name>Dar'a</name><lat>32.61889</lat><lon>36.10213</lon></gaztag></toponym>
          <toponym><start>23</start><end>28</end><phrase>Paris</phrase></toponym>
        </toponyms></article></articles>
        """;

    private const string GeoVirus = """
        <articles><article><source>x</source><text>Cases rose in Idlib.</text><locations>
          <location><name>Idlib</name><start>14</start><end>19</end><lat>35.93</lat><lon>36.63</lon></location>
        </locations></article></articles>
        """;

    private const string GeoWebNews = """
        <articles><article><text>Syrian troops entered Homs and the Kremlin said.</text><toponyms>
          <toponym><extractedName>Syrian</extractedName><start>0</start><end>6</end><type>Demonym</type><nonLocational>false</nonLocational><latitude>35</latitude><longitude>38</longitude></toponym>
          <toponym><extractedName>Homs</extractedName><start>22</start><end>26</end><type>Literal</type><nonLocational>false</nonLocational><latitude>34.73</latitude><longitude>36.71</longitude></toponym>
          <toponym><extractedName>Kremlin</extractedName><start>35</start><end>42</end><type>Metonymic</type><nonLocational>true</nonLocational></toponym>
        </toponyms></article></articles>
        """;

    [Theory]
    [InlineData(Lgl, 1, "Daraa", "LGL: a toponym without gaztag coordinates is skipped")]
    [InlineData(GeoVirus, 1, "Idlib", "GeoVirus locations")]
    [InlineData(GeoWebNews, 2, "Syrian", "GeoWebNews: the toponym without coordinates is skipped")]
    public void Reads_the_three_layouts(string xml, int count, string first, string reason)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, xml);
            var r = GeoEvaluation.Read(path);
            Assert.True(r.IsOk, r.Error);
            var tops = r.Value!.SelectMany(a => a.Toponyms).ToList();
            Assert.True(tops.Count == count && tops[0].Phrase == first, $"{reason}: {tops.Count} toponyms");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_broken_file_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "<articles><article>");
            var r = GeoEvaluation.Read(path);
            Assert.False(r.IsOk);
            Assert.Contains(path, r.Error);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(new double[] { 0, 0, 0 }, 0.0, "no error: area zero")]
    [InlineData(new double[] { 20039, 20039 }, 1.0, "largest error everywhere: area one")]
    [InlineData(new double[] { 0, 20039 }, 0.5, "half way: the trapezoid between the two")]
    public void Auc_is_the_normalised_area_under_log_errors(double[] sorted, double expected, string reason) =>
        Assert.True(Math.Abs(GeoEvaluation.Auc(sorted) - expected) < 1e-3, $"{reason}: {GeoEvaluation.Auc(sorted)}");

    [SharedFact]
    public void Scores_resolution_and_end_to_end_on_a_small_set()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, GeoVirus);
            var s = GeoEvaluation.Score(path, GeoEvaluation.Read(path).Value!, GeoFixture.Resolver);
            Assert.True(s.N == 1 && s.Acc161 == 1.0 && s.CeilingAcc161 == 1.0 && s.E2ERecall == 1.0, $"acc {s.Acc161}, e2e recall {s.E2ERecall}");
        }
        finally { File.Delete(path); }
    }
}
