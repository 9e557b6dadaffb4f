using System.ComponentModel;
using System.Text.Json;
using Dragoman.Ingest.Language;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalLanguageSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("JSON Lines of {\"text\", \"language\" (ISO 639-1)}, e.g. made by tools/language-set.py.")]
    public string Path { get; init; } = "";

    [CommandOption("--errors <N>")]
    [Description("Print up to N texts where the English check and Lingua alone disagree to stderr.")]
    [DefaultValue(10)]
    public int Errors { get; init; }
}

/// <summary>
/// Scores the article language detector on labelled texts: Lingua alone against the English check with Lingua behind it
/// (what ingest runs), as English / not English (what the pipeline acts on) and per language; counts the texts the check
/// decided without Lingua and every text where the two answer differently. The last stdout line is one JSON object.
/// </summary>
public sealed class EvalLanguageCommand : Command<EvalLanguageSettings>
{
    private sealed record Labelled(string Text, string Language);

    public override int Execute(CommandContext context, EvalLanguageSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Path)) { Console.Error.WriteLine($"dragoman: {settings.Path}: no such file"); return 2; }
        var texts = new List<Labelled>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(settings.Path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("text", out var t) && doc.RootElement.TryGetProperty("language", out var l)
                && t.GetString() is { } text && l.GetString() is { } language)
                texts.Add(new Labelled(text, language));
            else { Console.Error.WriteLine($"dragoman: {settings.Path}:{lineNo}: expected \"text\" and \"language\""); return 2; }
        }
        int english = 0, decided = 0, decidedWrong = 0, differ = 0, linguaBinary = 0, checkedBinary = 0, linguaExact = 0, checkedExact = 0, candidates = 0, shown = 0;
        foreach (var x in texts)
        {
            bool isEnglish = x.Language == "en";
            if (isEnglish) english++;
            var sample = ArticleLanguages.Sample(x.Text);
            var lingua = ArticleLanguages.DetectWithModels(sample);
            var withCheck = ArticleLanguages.Detect(x.Text);
            if (EnglishCheck.IsPlainEnglish(sample)) { decided++; if (!isEnglish) decidedWrong++; }
            if (lingua != withCheck)
            {
                differ++;
                if (shown++ < settings.Errors)
                    Console.Error.WriteLine($"differ: label {x.Language}, Lingua {lingua ?? "none"}, with the check {withCheck ?? "none"}: {Shorten(sample)}");
            }
            if ((lingua == "en") == isEnglish) linguaBinary++;
            if ((withCheck == "en") == isEnglish) checkedBinary++;
            if (!ArticleLanguages.IsCandidate(x.Language)) continue;
            candidates++;
            if (lingua == x.Language) linguaExact++;
            if (withCheck == x.Language) checkedExact++;
        }
        int n = texts.Count;
        Console.WriteLine($"{n} texts ({english} labelled English): English or not, Lingua alone {Share(linguaBinary, n)}, with the English check {Share(checkedBinary, n)}");
        Console.WriteLine($"exact language of the texts in the detector's languages, Lingua alone {Share(linguaExact, candidates)}, with the check {Share(checkedExact, candidates)}");
        Console.WriteLine($"decided by the check without Lingua: {decided} ({Share(decided, english)} of the English texts' count), labelled other than English {decidedWrong}; answers that differ from Lingua alone: {differ}");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "language", ["texts"] = n, ["english"] = english,
            ["binary_accuracy_lingua"] = Math.Round((double)linguaBinary / n, 4), ["binary_accuracy_checked"] = Math.Round((double)checkedBinary / n, 4),
            ["in_detector_languages"] = candidates,
            ["exact_accuracy_lingua"] = Math.Round((double)linguaExact / candidates, 4), ["exact_accuracy_checked"] = Math.Round((double)checkedExact / candidates, 4),
            ["decided_by_check"] = decided, ["decided_not_english_label"] = decidedWrong, ["differ_from_lingua"] = differ,
        }));
        return 0;
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : $"{(double)part / whole:F4} ({part}/{whole})";

    private static string Shorten(string s) => (s.Length <= 160 ? s : s[..157] + "...").ReplaceLineEndings(" ");
}
