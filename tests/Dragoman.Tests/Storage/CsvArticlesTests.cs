using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Storage;

public class CsvArticlesTests
{
    private static List<InputItem> Split(string name, string csv) =>
        CsvArticles.Split(InputItem.Read(new RawDocument(name, Encoding.UTF8.GetBytes(csv), "text/plain"))).ToList();

    [Theory]
    [InlineData("a,b\n1,2\n", "1|2", "plain fields")]
    [InlineData("a,b\n\"x, y\",2\n", "x, y|2", "a quoted comma")]
    [InlineData("a,b\n\"say \"\"hi\"\"\",2\n", "say \"hi\"|2", "doubled quotes")]
    [InlineData("a,b\r\n\"two\nlines\",2\r\n", "two\nlines|2", "a line break inside quotes, CRLF rows")]
    [InlineData("a,b\n1,\n", "1|", "an empty last field")]
    [InlineData("a,b\n1,2", "1|2", "no newline at the end")]
    public void Rows_follow_rfc4180(string csv, string secondRow, string reason)
    {
        var rows = CsvArticles.Parse(csv);
        Assert.True(rows.IsOk, rows.Error);
        Assert.True(2 == rows.Value!.Count, reason);
        Assert.True(secondRow == string.Join('|', rows.Value[1]), $"{reason}: {string.Join('|', rows.Value[1])}");
    }

    [Theory]
    [InlineData("a,b\n1,2\n", "a=1;b=2", "cells keyed by the header")]
    [InlineData("a,b\n1\n", "a=1;b=", "a short row gets empty cells")]
    [InlineData("a,b\n\n1,2\n", "a=1;b=2", "a blank row is skipped")]
    public void Rows_read_with_their_header(string csv, string expected, string reason)
    {
        var rows = CsvTable.ReadWithHeader(csv);
        Assert.True(rows.IsOk, rows.Error);
        var row = Assert.Single(rows.Value!);
        Assert.True(expected == string.Join(';', row.Select(kv => $"{kv.Key}={kv.Value}")), reason);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_naming_the_line()
    {
        var items = Split("bad.csv", "title,text\nA,\"open\nB,b\n");
        var item = Assert.Single(items);
        Assert.Null(item.Raw);
        Assert.Contains("line 2", item.Error);
    }

    [Theory]
    [InlineData("x.txt", "title,text\nA,B\n", 1, "not a .csv file: passes through unchanged")]
    [InlineData("x.csv", "title,text\nA,B\nC,D\n", 2, "one input per row")]
    [InlineData("x.csv", "name,value\nA,B\n", 1, "no text column: one failed input")]
    [InlineData("x.csv", "", 1, "an empty file: one failed input")]
    public void Csv_files_split_into_one_input_per_row(string name, string csv, int count, string reason)
    {
        Assert.True(count == Split(name, csv).Count, reason);
    }

    [Theory]
    [InlineData("4/5/17", "2017-04-05", "FA-KES month/day/two-digit year")]
    [InlineData("12/31/2016", "2016-12-31", "four-digit year")]
    [InlineData("2019-02-10", "2019-02-10", "ISO passes")]
    [InlineData("yesterday", "yesterday", "unknown forms pass unchanged for the reader to judge")]
    public void Dates_become_iso(string value, string expected, string reason)
    {
        Assert.True(expected == CsvArticles.NormaliseDate(value), reason);
    }

    [SharedFact]
    public void The_fakes_dev_file_gives_one_article_per_row_with_title_and_date()
    {
        var path = Path.Combine(Paths.SharedData, "fa-kes", "fakes.dev.csv");
        var items = CsvArticles.Split(InputSources.ReadFile(path)).ToList();
        Assert.Equal(402, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Raw));
        var first = items[0].Raw!;
        Assert.EndsWith("#row1", first.Uri);
        Assert.Equal("2017-04-05", first.Hints!.Published);
        var text = Encoding.UTF8.GetString(first.Bytes);
        Assert.StartsWith(first.Hints.Title + "\n\n", text);
    }
}
