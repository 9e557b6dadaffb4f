using System.Net;
using System.Text;
using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Time;

/// <summary>A gold TIMEX3: its span in the document text, type and value.</summary>
public sealed record GoldTimex(TextSpan Span, string Type, string Value, string Text);

/// <summary>One TimeML document: the text of its TEXT element, the creation time and the TIMEX3s inside TEXT.</summary>
public sealed record TimeMlDocument(string Id, string Text, DateOnly? CreationDate, IReadOnlyList<GoldTimex> Timexes);

/// <summary>Reads TimeML (.tml) files with a small tag scanner (no DTD, no network), keeping character offsets.</summary>
public static class TimeMlReader
{
    public static Result<TimeMlDocument> Read(string id, string xml)
    {
        int textOpen = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int textClose = xml.LastIndexOf("</TEXT>", StringComparison.Ordinal);
        if (textOpen < 0 || textClose < textOpen) return Result<TimeMlDocument>.Fail($"{id}: no <TEXT> element");
        DateOnly? dct = null;
        int dctAt = xml.IndexOf("functionInDocument=\"CREATION_TIME\"", StringComparison.Ordinal);
        if (dctAt >= 0)
        {
            int tagStart = xml.LastIndexOf('<', dctAt);
            int tagEnd = xml.IndexOf('>', dctAt);
            var value = Attr(xml.AsSpan(tagStart, tagEnd - tagStart), "value");
            if (value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", out var d)) dct = d;
            else if (value is { Length: >= 8 } && DateOnly.TryParseExact(value.AsSpan(0, 8), "yyyyMMdd", out var d2)) dct = d2;
        }
        var sb = new StringBuilder(textClose - textOpen);
        var timexes = new List<GoldTimex>();
        (int Start, string Type, string Value)? open = null;
        int i = textOpen + "<TEXT>".Length;
        while (i < textClose)
        {
            char c = xml[i];
            if (c == '<')
            {
                int close = xml.IndexOf('>', i);
                if (close < 0) break;
                var tag = xml.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX3"))
                    open = (sb.Length, Attr(tag, "type") ?? "DATE", Attr(tag, "value") ?? "");
                else if (tag.StartsWith("/TIMEX3") && open is { } o)
                {
                    var span = new TextSpan(o.Start, sb.Length);
                    timexes.Add(new GoldTimex(span, o.Type, o.Value, sb.ToString(o.Start, sb.Length - o.Start)));
                    open = null;
                }
                i = close + 1;
                continue;
            }
            if (c == '&')
            {
                int semi = xml.IndexOf(';', i);
                if (semi > i && semi - i < 10)
                {
                    sb.Append(WebUtility.HtmlDecode(xml[i..(semi + 1)]));
                    i = semi + 1;
                    continue;
                }
            }
            sb.Append(c);
            i++;
        }
        return new TimeMlDocument(id, sb.ToString(), dct, timexes);
    }

    private static string? Attr(ReadOnlySpan<char> tag, string name)
    {
        var key = " " + name + "=\"";
        int at = tag.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = tag[(at + key.Length)..];
        int end = rest.IndexOf('"');
        return end < 0 ? null : rest[..end].ToString();
    }
}

/// <summary>Scores of <see cref="TimeEvaluator"/>.</summary>
public sealed record TimeEvalScores(
    int Files, int N, double ValueAccuracy, int SystemCount, int GoldCount, double E2EPrecision, double E2ERecall, double E2EF1,
    double E2EValueF1, double E2EStrictF1, IReadOnlyList<string> Errors);

/// <summary>
/// TempEval-3-style scoring: value accuracy of DATE and TIME TIMEX3s given gold extents; end to end, extents
/// matched with relaxed (overlap) matching over all TIMEX3 types, and value F1 where a matched extent with the
/// gold value counts (strict extent F1 reported beside it).
/// </summary>
public static class TimeEvaluator
{
    public static TimeEvalScores Evaluate(IEnumerable<TimeMlDocument> docs, int maxErrors = 0)
    {
        int files = 0, n = 0, correct = 0, sys = 0, gold = 0, matchedSys = 0, matchedGold = 0, valueOk = 0, strict = 0;
        var errors = new List<string>();
        foreach (var tml in docs)
        {
            files++;
            var doc = Build(tml);
            // 1. value accuracy given gold extents (DATE and TIME)
            var dateTime = tml.Timexes.Where(t => t.Type is "DATE" or "TIME").ToList();
            var normalized = TimeTagger.NormalizeExtents(doc, [.. dateTime.Select(t => t.Span)]);
            for (int k = 0; k < dateTime.Count; k++)
            {
                n++;
                var got = normalized[k]?.Value;
                if (ValueEquals(got, dateTime[k].Value)) correct++;
                else if (errors.Count < maxErrors) errors.Add($"{tml.Id}\t{tml.CreationDate}\t{dateTime[k].Text}\tgold={dateTime[k].Value}\tgot={got ?? "(none)"}");
            }
            // 2. end to end over all TIMEX3 types
            var found = TimeTagger.Tag(doc);
            sys += found.Count;
            gold += tml.Timexes.Count;
            var goldUsed = new bool[tml.Timexes.Count];
            foreach (var te in found)
            {
                int hit = -1;
                for (int g = 0; g < tml.Timexes.Count; g++)
                    if (!goldUsed[g] && tml.Timexes[g].Span.Overlaps(te.Span)) { hit = g; break; }
                if (hit < 0) { if (errors.Count < maxErrors) errors.Add($"{tml.Id}\tFP\t{te.Text}\t{te.Value}"); continue; }
                goldUsed[hit] = true;
                matchedSys++;
                matchedGold++;
                if (tml.Timexes[hit].Span == te.Span) strict++;
                else if (errors.Count < maxErrors) errors.Add($"{tml.Id}\tEXT\t{te.Text}\tgold={tml.Timexes[hit].Text}");
                if (ValueEquals(te.Value, tml.Timexes[hit].Value)) valueOk++;
                else if (errors.Count < maxErrors) errors.Add($"{tml.Id}\tVAL\t{te.Text}\t{te.Value}\tgold={tml.Timexes[hit].Text}\t{tml.Timexes[hit].Value}");
            }
            for (int g = 0; g < goldUsed.Length; g++)
                if (!goldUsed[g] && errors.Count < maxErrors) errors.Add($"{tml.Id}\tFN\t{tml.Timexes[g].Text}\t{tml.Timexes[g].Type}\t{tml.Timexes[g].Value}");
        }
        double p = sys == 0 ? 0 : (double)matchedSys / sys, r = gold == 0 ? 0 : (double)matchedGold / gold;
        double vp = sys == 0 ? 0 : (double)valueOk / sys, vr = gold == 0 ? 0 : (double)valueOk / gold;
        double sp = sys == 0 ? 0 : (double)strict / sys, sr = gold == 0 ? 0 : (double)strict / gold;
        return new TimeEvalScores(files, n, n == 0 ? 0 : (double)correct / n, sys, gold, p, r, F1(p, r), F1(vp, vr), F1(sp, sr), errors);
    }

    /// <summary>Builds the Document a TimeML file describes, tokenised and split, reference date = creation time.</summary>
    public static Document Build(TimeMlDocument tml)
    {
        var article = new Article { Uri = tml.Id, Text = tml.Text };
        var doc = new Document(article, tml.CreationDate);
        doc.Tokens = Tokenizer.Tokenize(doc.Text);
        doc.Sentences = SentenceSplitter.Split(doc.Text, doc.Tokens);
        return doc;
    }

    /// <summary>Values compare as TIMEX3 strings; a time of day written "T17" equals "T17:00".</summary>
    public static bool ValueEquals(string? got, string gold)
    {
        if (got is null) return false;
        if (got == gold) return true;
        if (gold.Length == 13 && gold[10] == 'T' && got.Length == 16 && got.StartsWith(gold, StringComparison.Ordinal) && got.EndsWith(":00", StringComparison.Ordinal)) return true;
        if (gold.Length >= 16 && gold[10] == 'T' && got.Length == 16 && gold.StartsWith(got, StringComparison.Ordinal)) return true;
        return false;
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
