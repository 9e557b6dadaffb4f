using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest.Rules;
using Dragoman.Time;

namespace Dragoman.Ingest;

/// <summary>
/// Turns the blocks and metadata a reader found into an Article: drops chrome (keeping each dropped span and why),
/// picks title and lede, reads credits, bylines, keywords and the publication date, and lays out the clean text as
/// title, blank line, lede, blank line, body paragraphs separated by blank lines.
/// The same rules serve HTML pages and plain text.
/// </summary>
internal static class ArticleAssembler
{
    private readonly record struct PendingCredit(string Role, string Name, Block? Block, int Start, int End, bool Dropped);

    public static Result<Article> Assemble(PageParts parts, RawDocument raw, string inputKind)
    {
        var dropped = new List<DroppedSpan>(parts.Dropped);
        var keywords = new List<string>(parts.Keywords);
        var authors = new List<string>(parts.Authors);
        var publishers = new List<string>();
        var dates = new List<(DateOnly Date, string Source)>();
        var credits = new List<PendingCredit>();
        string? byline = null;

        var hints = raw.Hints;
        var warnings = new List<string>();
        if (!string.IsNullOrWhiteSpace(hints?.Published))
        {
            var given = Datelines.ParseMetadataDate(hints.Published);
            if (given.IsOk) dates.Add((given.Value, "input metadata (published)"));
            else warnings.Add($"published value '{Shown(hints.Published)}' is not a date; the article is kept without it");
        }
        if (!string.IsNullOrWhiteSpace(hints?.Source)) publishers.Add(hints.Source.Trim());
        dates.AddRange(parts.Dates);
        publishers.AddRange(parts.Publishers);
        var lateDates = new List<(DateOnly, string)>();
        var trailingDates = new List<(DateOnly, string)>(); // stamps run onto another line: after every other date
        var copyrightPublishers = new List<string>();

        void Drop(Block b, string reason) => dropped.Add(new DroppedSpan(b.RawStart, b.RawEnd, reason, b.Text));

        var content = new List<Block>();
        bool afterKeywordLabel = false;
        foreach (var block in parts.Blocks)
        {
            var text = block.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (ChromeRules.KeywordList(text) is { } kws)
            {
                keywords.AddRange(kws);
                Drop(block, kws.Count > 0 ? "keyword list (kept as keywords)" : "label of an empty keywords block");
                continue;
            }
            // Items under a keywords/tags label ("Helpful keywords" then "Syria, Daraa, ISIS") are keywords.
            if (afterKeywordLabel && ChromeRules.BareKeywordList(text) is { } items)
            {
                keywords.AddRange(items);
                Drop(block, "keyword list (kept as keywords)");
                continue;
            }
            afterKeywordLabel = false;
            if (ChromeRules.Classify(text, block.LinkDensity) is { } reason)
            {
                afterKeywordLabel = reason == ChromeRules.KeywordLabelReason && ChromeRules.NamesKeywords(text);
                if (reason == "copyright footer" && ChromeRules.CopyrightName(text) is { } holder) copyrightPublishers.Add(holder);
                Drop(block, reason);
                continue;
            }
            if (Datelines.DateLine(text) is { Date: { } lineDate })
            {
                lateDates.Add((lineDate, "date line"));
                Drop(block, "date line (read as publication date)");
                continue;
            }
            // a stamp the reader ran onto the end of another line ("#Attack #Colombia 2024-09-03 19:15:11")
            if (Datelines.TrailingStamp(text) is { Date: { } trailDate }) trailingDates.Add((trailDate, "date line"));
            if (block.Kind != BlockKind.Title && CreditRules.BylineNames(text, block.Kind == BlockKind.Byline) is { } names)
            {
                byline ??= text;
                foreach (var n in names) credits.Add(new PendingCredit(CreditRole.Author, n, block, 0, text.Length, true));
                if (Datelines.Find(text) is { Date: { } bd }) lateDates.Add((bd, "byline date"));
                Drop(block, "byline (kept as author credit)");
                continue;
            }
            // "by The Desk May 12, 2023 4:58 PM 1 min read": a by-line whose names the credit rules did not take; dropped
            // when it is a line of its own, kept when the reader ran it into the lede
            if (block.Kind != BlockKind.Title && Datelines.Byline(text) is { Date: { } byDate })
            {
                lateDates.Add((byDate, "byline date"));
                if (text.Length <= 120) { Drop(block, "byline block"); continue; }
            }
            if (block.Kind == BlockKind.Byline)
            {
                if (Datelines.Find(text) is { Date: { } bd }) lateDates.Add((bd, "byline date"));
                Drop(block, "byline block");
                continue;
            }
            if (CreditRules.SourceLine(text) is { } src)
            {
                credits.Add(new PendingCredit(src.Role, src.Name, block, 0, text.Length, true));
                Drop(block, "source line (kept as original-outlet credit)");
                continue;
            }
            var disclaimers = CreditRules.Disclaimers(text);
            if (disclaimers.Count > 0)
            {
                foreach (var (s, e) in disclaimers)
                {
                    var (rs, re) = RawRangeOf(block, s, e, parts.RawText);
                    var sentence = text[s..e].Trim();
                    dropped.Add(new DroppedSpan(rs, re, "disclaimer (kept as credit)", sentence));
                    credits.Add(new PendingCredit(CreditRole.Disclaimer, sentence, null, rs, re, true));
                }
                RemoveRanges(block, disclaimers);
                if (string.IsNullOrWhiteSpace(block.Text)) continue;
            }
            content.Add(block);
        }

        // A date stamp opening a run-on text ("Wed 05 Apr 2017 Syria attack ...") is metadata, not prose.
        bool leadingDate = false;
        for (int i = 0; i < Math.Min(2, content.Count) && !leadingDate; i++) leadingDate = CutLeadingDate(content[i], dropped, lateDates, parts.RawText);

        // Title: the container's hint, else the page's headline block, else metadata, else a short first line.
        string? title = string.IsNullOrWhiteSpace(hints?.Title) ? null : Collapse(hints.Title);
        if (title is null)
        {
            var titleBlock = content.FirstOrDefault(b => b.Kind == BlockKind.Title);
            if (titleBlock is null && parts.MetaTitles.Count > 0) title = CleanMetaTitle(parts.MetaTitles[0]);
            else if (titleBlock is null && parts.FirstBlockMayBeTitle && content.Count > 1 && IsTitleLike(content[0])) titleBlock = content[0];
            if (titleBlock is not null)
            {
                title = titleBlock.Text;
                content.Remove(titleBlock);
            }
        }
        if (title is not null)
        {
            // A headline repeated near the top of the body (a second H1, a text dump of a page) is dropped.
            var key = Key(title);
            foreach (var b in content.Take(6).ToList())
                if (Key(b.Text) == key) { content.Remove(b); Drop(b, "title repeated in the body"); }
        }

        // A headline repeated as the opening words of the first paragraph ("Title. Body ...") is cut from it.
        // When the body repeats only the headline's first part, the rest was a site suffix ("Headline - Region - Site").
        if (title is not null && content.Count > 0 && TitlePrefix(content[0].Text, title) == 0 && CleanMetaTitle(title) is var head && head != title
            && TitlePrefix(content[0].Text, head) > 0)
            title = head;
        if (title is not null && content.Count > 0 && TitlePrefix(content[0].Text, title) is var cut and > 0 && cut < content[0].Text.Length)
        {
            var first = content[0];
            var (rs, re) = RawRangeOf(first, 0, cut, parts.RawText);
            dropped.Add(new DroppedSpan(rs, re, "title repeated in the body", first.Text[..cut].Trim()));
            RemoveRanges(first, [(0, cut)]);
            // "Title Monitor AFP Saturday 16 Jul 2016 Body ...": the stamp may follow the repeated title.
            if (!leadingDate) CutLeadingDate(first, dropped, lateDates, parts.RawText);
        }

        // A share or counter widget flattened into the start of the body ("Get short URL 0 85 The ..."): its counters
        // are no counts of the story (Rules/LeadingChrome.cs); kept as a dropped span, as other chrome.
        if (content.Count > 0 && LeadingChrome.Length(content[0].Text) is var widget and > 0)
        {
            var first = content[0];
            var (rs, re) = RawRangeOf(first, 0, widget, parts.RawText);
            dropped.Add(new DroppedSpan(rs, re, "interface run at the start of the body (share or counter widget)", first.Text[..widget].Trim()));
            RemoveRanges(first, [(0, widget)]);
        }

        if (content.Count == 0 && parts.MetaBody is { } metaBody)
        {
            foreach (var para in metaBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                content.Add(new Block(Collapse(para), 0, 0, BlockKind.Paragraph));
        }
        if (content.Count == 0)
            return Result<Article>.Fail(title is null
                ? $"no article text found in this {inputKind}"
                : $"no article text found in this {inputKind}: only a title (\"{Shorten(title)}\"), no body");

        var lede = content.FirstOrDefault(b => b.Kind == BlockKind.Dek)
                   ?? content.FirstOrDefault(b => b.Kind is BlockKind.Paragraph or BlockKind.Quote)
                   ?? content[0];
        content.Remove(lede);

        // Clean text layout.
        var sb = new StringBuilder(parts.RawText.Length / 2 + 64);
        TextSpan? titleSpan = null;
        if (title is not null) { sb.Append(title); titleSpan = new TextSpan(0, sb.Length); }
        var cleanStart = new Dictionary<Block, int>();
        if (sb.Length > 0) sb.Append("\n\n");
        cleanStart[lede] = sb.Length;
        sb.Append(lede.Text);
        var ledeSpan = new TextSpan(cleanStart[lede], sb.Length);
        var paragraphs = new List<TextSpan>(content.Count);
        foreach (var b in content)
        {
            sb.Append("\n\n");
            cleanStart[b] = sb.Length;
            sb.Append(b.Text);
            paragraphs.Add(new TextSpan(cleanStart[b], sb.Length));
        }
        var clean = sb.ToString();

        // Wire dateline and the outlet closing the lede.
        TextSpan? datelineSpan = null;
        if (Datelines.Wire(lede.Text) is { } wire)
        {
            datelineSpan = new TextSpan(ledeSpan.Start, ledeSpan.Start + wire.End);
            if (wire.Agency is { } agency && agency.Length > 1)
                credits.Add(new PendingCredit(CreditRole.OriginalOutlet, agency, lede, 0, wire.End, false));
            if (wire.Date is { } wd) lateDates.Add((wd, "dateline"));
        }
        // "MEXICO CITY (Reuters) -" after a photo caption the reader took for the lede: the wire credit of the story still
        else if (content.Take(3).Select(b => (Block: b, Wire: Datelines.Wire(b.Text))).FirstOrDefault(x => x.Wire?.Agency is { Length: > 1 }) is { Block: { } wireBlock, Wire: { } laterWire })
            credits.Add(new PendingCredit(CreditRole.OriginalOutlet, laterWire.Agency!, wireBlock, 0, laterWire.End, false));
        if (CreditRules.ClosingOutletOf(lede.Text) is { } outlet)
            credits.Add(new PendingCredit(outlet.Role, outlet.Name, lede, outlet.Start, outlet.End, false));
        foreach (var b in cleanStart.Keys)
            foreach (var c in CreditRules.Credits(b.Text))
                credits.Add(new PendingCredit(c.Role, c.Name, b, c.Start, c.End, false));

        dates.AddRange(lateDates);
        dates.AddRange(trailingDates);
        // the last resort: the date in the page's address ("/2019/05/16/slug")
        if (dates.Count == 0 && Datelines.UrlDate(hints?.Url ?? raw.Uri) is { } urlDate) dates.Add((urlDate, "address date"));
        publishers.AddRange(copyrightPublishers);

        var finalCredits = new List<Credit>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in credits)
        {
            if (c.Name.Length < 2 || !seen.Add(c.Role + "\u0001" + c.Name)) continue;
            TextSpan evidence;
            if (c.Block is null) evidence = new TextSpan(c.Start, c.End);
            else if (c.Dropped) { var (rs, re) = c.Block.RawRange(c.Start, c.End); evidence = new TextSpan(rs, re); }
            else evidence = new TextSpan(cleanStart[c.Block] + c.Start, cleanStart[c.Block] + c.End);
            finalCredits.Add(new Credit(c.Role, c.Name, evidence));
        }
        foreach (var a in authors)
            if (seen.Add(CreditRole.Author + "\u0001" + a)) finalCredits.Add(new Credit(CreditRole.Author, a, new TextSpan(0, 0)));

        // no publisher named by the input, the page's metadata or its copyright line: the outlet its address names
        if (!publishers.Exists(p => !string.IsNullOrWhiteSpace(p))
            && OutletNames.FromAddress(hints?.Address ?? hints?.Url ?? raw.Uri, dropped.Select(x => x.Text).Prepend(clean)) is { } outletOfAddress)
            publishers.Add(outletOfAddress);
        var published = dates.Count > 0 ? dates[0] : ((DateOnly, string)?)null;
        dropped.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End));
        return new Article
        {
            Uri = hints?.Url ?? raw.Uri,
            Text = clean,
            Title = title,
            TitleSpan = titleSpan,
            Lede = lede.Text,
            LedeSpan = ledeSpan,
            Paragraphs = paragraphs,
            Byline = byline ?? (authors.Count > 0 ? string.Join(", ", authors) : null),
            Publisher = publishers.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))?.Trim(),
            Published = published?.Item1,
            PublishedSource = published?.Item2,
            Keywords = Dedup(keywords),
            Credits = finalCredits,
            Dropped = dropped,
            Language = parts.Language ?? "en",
            DatelineSpan = datelineSpan,
            ContentHash = ArticleReader.Hash(clean),
            Warnings = warnings,
        };
    }

    /// <summary>A value as a warning quotes it: trimmed, control characters as '?', at most 80 characters.</summary>
    private static string Shown(string value)
    {
        var v = new string([.. value.Trim().Select(c => char.IsControl(c) ? '?' : c)]);
        return v.Length <= 80 ? v : v[..80] + "...";
    }

    /// <summary>
    /// Raw range of part of a block: exact through the block's character map (plain text); for HTML, where the part's
    /// text appears verbatim inside the element's source, that occurrence; else the whole element.
    /// </summary>
    private static (int, int) RawRangeOf(Block block, int start, int end, string raw)
    {
        if (block.Map is not null || block.RawEnd <= block.RawStart) return block.RawRange(start, end);
        var part = block.Text[start..end].Trim();
        if (part.Length > 0 && block.RawEnd <= raw.Length)
        {
            int idx = raw.IndexOf(part, block.RawStart, block.RawEnd - block.RawStart, StringComparison.Ordinal);
            if (idx >= 0) return (idx, idx + part.Length);
        }
        return (block.RawStart, block.RawEnd);
    }

    private static bool CutLeadingDate(Block block, List<DroppedSpan> dropped, List<(DateOnly, string)> dates, string raw)
    {
        if (Datelines.LeadingStamp(block.Text) is not { Date: { } leadDate } lead) return false;
        var (rs, re) = RawRangeOf(block, 0, lead.End, raw);
        dropped.Add(new DroppedSpan(rs, re, "date line (read as publication date)", block.Text[..lead.End].Trim()));
        dates.Add((leadDate, "date line"));
        RemoveRanges(block, [(0, lead.End)]);
        return true;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    /// <summary>A first block short enough to be a headline: at most 30 words, no closing period unless very short (a headline does not end in a period; a sentence does).</summary>
    private static bool IsTitleLike(Block b)
    {
        var t = b.Text;
        if (t.Length > 200) return false;
        int words = t.Count(c => c == ' ') + 1;
        if (words > 30) return false;
        return !t.EndsWith('.') || words <= 6;
    }

    /// <summary>"Headline | Site" or "Headline - Site": keep the longest part.</summary>
    private static string CleanMetaTitle(string t)
    {
        t = Collapse(t);
        var parts = t.Split([" | ", " - ", " – ", " — ", " :: ", " » "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? t : parts.MaxBy(p => p.Length)!;
    }

    /// <summary>
    /// Length of the title repeated at the start of a paragraph (letters and digits compared case-insensitively,
    /// other characters skipped), including the punctuation and spaces after it; 0 when the paragraph does not start so.
    /// </summary>
    internal static int TitlePrefix(string text, string title)
    {
        int i = 0, j = 0, matched = 0;
        while (j < title.Length)
        {
            if (!char.IsLetterOrDigit(title[j])) { j++; continue; }
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length || char.ToLowerInvariant(text[i]) != char.ToLowerInvariant(title[j])) return 0;
            i++; j++; matched++;
        }
        if (matched < 12) return 0;
        if (i < text.Length && char.IsLetterOrDigit(text[i])) return 0; // the title's last word continues: not a repeat
        // Only a repeat when a new sentence follows: punctuation, or a capitalised word ("... use WHO. Victims", "... Monitor AFP Children").
        int k = i;
        while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
        if (k < text.Length && text[k] is not ('.' or ':' or '-' or '–' or '—' or '|') && !char.IsUpper(text[k]) && !char.IsDigit(text[k])) return 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is '.' or ':' or '-' or '–' or '—' or '|')) i++;
        return i;
    }

    /// <summary>Comparison key: letters and digits, lower-cased.</summary>
    internal static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    internal static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static List<string> Dedup(List<string> items)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var k in items)
        {
            var t = Collapse(k).Trim();
            if (t.Length > 0 && seen.Add(t)) list.Add(t);
        }
        return list;
    }

    /// <summary>Removes sentence ranges from a block's text (and its raw map), tidying the spaces left behind.</summary>
    private static void RemoveRanges(Block block, List<(int Start, int End)> ranges)
    {
        var text = block.Text;
        var sb = new StringBuilder(text.Length);
        var map = block.Map is null ? null : new List<int>(text.Length);
        int pos = 0;
        foreach (var (s, e) in ranges.OrderBy(r => r.Start))
        {
            for (int i = pos; i < s; i++) { sb.Append(text[i]); map?.Add(block.Map![i]); }
            pos = Math.Max(pos, e);
        }
        for (int i = pos; i < text.Length; i++) { sb.Append(text[i]); map?.Add(block.Map![i]); }
        // Trim and collapse double spaces.
        var outText = new StringBuilder(sb.Length);
        var outMap = map is null ? null : new List<int>(sb.Length);
        for (int i = 0; i < sb.Length; i++)
        {
            char c = sb[i];
            if (c == ' ' && (outText.Length == 0 || outText[^1] == ' ')) continue;
            outText.Append(c);
            outMap?.Add(map![i]);
        }
        while (outText.Length > 0 && outText[^1] == ' ') { outText.Length--; outMap?.RemoveAt(outMap.Count - 1); }
        block.Text = outText.ToString();
        block.Map = outMap?.ToArray();
    }
}
