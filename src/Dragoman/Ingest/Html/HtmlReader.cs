using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dragoman.Documents;
using Dragoman.Ingest.Rules;
using Dragoman.Time;

namespace Dragoman.Ingest.Html;

/// <summary>
/// Reads an HTML page into blocks and metadata. Metadata first (JSON-LD, meta tags, time elements), then the
/// article container (an &lt;article&gt;, articleBody, &lt;main&gt;, else the element whose paragraphs hold the most
/// text), walked into paragraph-level blocks. Page parts outside the container and chrome inside it (nav, aside,
/// share/related/newsletter widgets, figures) are recorded as dropped spans into the raw HTML with their reason.
/// </summary>
internal static partial class HtmlReader
{
    /// <summary>Clean text beyond this many characters is cut (and the cut recorded): no news article is this long.</summary>
    public const int MaxTextChars = 1_000_000;

    [ThreadStatic] private static HtmlParser? _parser;
    private static HtmlParser Parser => _parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, SkipComments = true });

    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
    { "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video", "audio", "map", "button", "input", "select", "textarea", "head", "link", "meta" };

    private static readonly Dictionary<string, string> ChromeTags = new(StringComparer.OrdinalIgnoreCase)
    { ["nav"] = "navigation", ["aside"] = "sidebar", ["footer"] = "page or article footer", ["form"] = "form", ["menu"] = "navigation", ["dialog"] = "pop-up", ["figure"] = "figure or photo caption", ["figcaption"] = "figure or photo caption" };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th", "div", "section", "article", "header",
        "main", "ul", "ol", "table", "tr", "tbody", "thead", "tfoot", "figure", "address", "center", "hgroup", "details", "summary", "dl", "body", "html", "hr",
    };

    [GeneratedRegex(@"(?:^|[\s_\-])(?:share|sharing|social|related|recirc|more-stories|newsletter|subscribe|subscription|cookie|consent|comments?|promo|advert|advertisement|ads?|ad-slot|sponsor|breadcrumbs?|sidebar|widget|popup|modal|paywall|outbrain|taboola|toolbar|skip-link|site-header|site-footer|masthead|navbar|menu)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeClass();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:tags|tag-list|keywords|topics|article-tags|post-tags)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagsClass();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:byline|author|authors|writer|contributor|dateline|article-meta|post-meta|entry-meta)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineClass();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:dek|deck|standfirst|subtitle|sub-title|subheadline|summary|lede|lead|excerpt|intro|strapline|kicker-summary)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DekClass();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:article-body|articlebody|story-body|storybody|post-content|entry-content|article-content|story-content|content-body|article__body|post-body|news-body)(?:$|[\s_\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyClass();

    private static readonly string[] DateMetaKeys =
    [
        "article:published_time", "og:published_time", "article:published", "published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date",
        "parsely-pub-date", "original-publication-date", "article.published", "dc.date.created",
    ];

    public static PageParts Read(string raw)
    {
        var parts = new PageParts { RawText = raw };
        var (safe, blanked, firstBlanked) = NestingGuard.Flatten(raw);
        if (blanked > 0)
            parts.Dropped.Add(new DroppedSpan(firstBlanked, firstBlanked, $"markup nested deeper than {NestingGuard.MaxDepth} levels: {blanked} tags ignored (their text kept)", ""));
        var doc = Parser.ParseDocument(safe);
        parts.Language = Lang(doc.DocumentElement?.GetAttribute("lang"));

        // Metadata first, while scripts are still in the DOM.
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) JsonLd.Read(script.TextContent, parts);
        }
        ReadMeta(doc, parts);

        var body = doc.Body;
        if (body is null) return parts;
        var container = FindContainer(body);
        var walker = new Walker(safe, parts);

        // The headline often sits above the container.
        if (container.QuerySelector("h1") is null && body.QuerySelector("h1") is { } h1 && !InChrome(h1, body))
            walker.EmitLeaf(h1, BlockKind.Title);
        // Bylines the page marks outside the container still name the authors.
        foreach (var by in body.QuerySelectorAll("[rel=author], [itemprop=author], [class*=byline]"))
            if (!container.Contains(by) && !InChrome(by, body) && !walker.Emitted.Any(x => x.Contains(by))) walker.EmitLeaf(by, BlockKind.Byline);
        walker.Walk(container, BlockKind.Paragraph);
        RecordOutside(container, body, walker, parts);

        // Time elements, preferring ones inside the article.
        var time = container.QuerySelectorAll("time[datetime]").Concat(body.QuerySelectorAll("time[datetime]"))
            .OrderByDescending(t => t.HasAttribute("pubdate") || (t.GetAttribute("itemprop") ?? "").Contains("datePublished", StringComparison.OrdinalIgnoreCase) || (t.ClassName ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (time is not null && Datelines.MetadataDate(time.GetAttribute("datetime")) is { } td) parts.Dates.Add((td, "time element"));
        if (walker.Truncated) parts.Notice = "text truncated";
        return parts;
    }

    private static string? Lang(string? l) => string.IsNullOrWhiteSpace(l) || l.Length < 2 ? null : l[..2].ToLowerInvariant();

    private static void ReadMeta(IDocument doc, PageParts parts)
    {
        var meta = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            if (!meta.TryGetValue(key.Trim(), out var list)) meta[key.Trim()] = list = [];
            list.Add(content.Trim());
        }
        string? First(params string[] keys) => keys.Select(k => meta.TryGetValue(k, out var v) ? v[0] : null).FirstOrDefault(v => v is not null);

        foreach (var key in DateMetaKeys)
            if (meta.TryGetValue(key, out var v) && Datelines.MetadataDate(v[0]) is { } d) { parts.Dates.Add((d, "meta " + key)); break; }
        foreach (var el in doc.QuerySelectorAll("[itemprop=datePublished]"))
            if (el.LocalName != "meta" && Datelines.MetadataDate(el.GetAttribute("datetime") ?? el.GetAttribute("content") ?? el.TextContent) is { } d) { parts.Dates.Add((d, "itemprop datePublished")); break; }

        if (First("og:title", "twitter:title", "headline", "dc.title") is { } t) parts.MetaTitles.Add(t);
        if (doc.Title is { Length: > 0 } title) parts.MetaTitles.Add(title);
        foreach (var p in new[] { First("og:site_name"), First("publisher", "dc.publisher", "article:publisher"), First("application-name") })
            if (p is not null && !p.StartsWith("http", StringComparison.OrdinalIgnoreCase)) parts.Publishers.Add(p);
        foreach (var key in new[] { "keywords", "news_keywords", "article:tag" })
            if (meta.TryGetValue(key, out var v)) foreach (var item in v) parts.Keywords.AddRange(ChromeRules.SplitKeywords(item));
        foreach (var key in new[] { "author", "article:author", "dc.creator", "byl" })
            if (meta.TryGetValue(key, out var v))
                foreach (var a in v)
                {
                    var name = a.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? a[3..].Trim() : a;
                    if (!name.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !parts.Authors.Contains(name)) parts.Authors.Add(name);
                }
        if (parts.Language is null && First("og:locale", "language", "content-language") is { } lang) parts.Language = Lang(lang);
    }

    private static bool InChrome(IElement e, IElement stop)
    {
        for (var p = e.ParentElement; p is not null && p != stop; p = p.ParentElement)
            if (p.LocalName is "nav" or "aside" or "footer" || ChromeClass().IsMatch(ClassAndId(p))) return true;
        return false;
    }

    /// <summary>What a reader sees of an element: its text nodes and image alt texts, space-separated.</summary>
    internal static string VisibleText(IElement e, int max = 400)
    {
        var sb = new StringBuilder();
        void Visit(INode n)
        {
            if (sb.Length > max) return;
            switch (n)
            {
                case IText t: sb.Append(t.Data).Append(' '); break;
                case IElement el when Skip.Contains(el.LocalName): break;
                case IElement el when el.LocalName == "img": if (el.GetAttribute("alt") is { Length: > 0 } alt) sb.Append(alt).Append(' '); break;
                case IElement el: foreach (var c in el.ChildNodes) Visit(c); break;
            }
        }
        Visit(e);
        var text = ArticleAssembler.Collapse(sb.ToString());
        return text.Length > max ? text[..max] + "…" : text;
    }

    private static string ClassAndId(IElement e) => (e.GetAttribute("class") ?? "") + " " + (e.Id ?? "");

    /// <summary>Chooses the element that holds the article: explicit markers first, else where paragraph text concentrates.</summary>
    private static IElement FindContainer(IElement body)
    {
        var paragraphs = body.QuerySelectorAll("p");
        int total = 0;
        var score = new Dictionary<IElement, double>();
        foreach (var p in paragraphs)
        {
            if (InSkipped(p)) continue;
            int len = p.TextContent.Length;
            total += len;
            if (p.ParentElement is { } parent)
            {
                score[parent] = score.GetValueOrDefault(parent) + len;
                if (parent.ParentElement is { } grand && grand != body) score[grand] = score.GetValueOrDefault(grand) + len / 2.0;
            }
        }
        double PText(IElement e) => e.QuerySelectorAll("p").Where(p => !InSkipped(p)).Sum(p => p.TextContent.Length);

        // An <article> holding most of the paragraph text keeps its headline, byline and dek with it.
        var article = body.QuerySelectorAll("article").Select(e => (e, t: PText(e))).Where(x => x.t > 0 && x.t >= total * 0.6)
            .OrderByDescending(x => x.t).ThenBy(x => Depth(x.e)).Select(x => x.e).FirstOrDefault();
        if (article is not null) return article;
        // Else the tightest explicit marker (articleBody, a known body class, <main>) holding most of it.
        var marked = body.QuerySelectorAll("[itemprop=articleBody], main, [role=main]")
            .Concat(body.QuerySelectorAll("div, section").Where(d => BodyClass().IsMatch(ClassAndId(d))))
            .Select(e => (e, t: PText(e))).Where(x => x.t > 0 && x.t >= total * 0.6).OrderByDescending(x => Depth(x.e)).Select(x => x.e).FirstOrDefault();
        if (marked is not null) return marked;
        if (score.Count == 0) return body;
        // The densest parent, widened until it holds most of the paragraph text (an article split over sibling divs).
        var top = score.MaxBy(kv => kv.Value).Key;
        while (top != body && top.ParentElement is { } up && PText(top) < total * 0.6) top = up;
        return top;
    }

    private static int Depth(IElement e) { int d = 0; for (var p = e.ParentElement; p is not null; p = p.ParentElement) d++; return d; }

    private static bool InSkipped(IElement e)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement)
            if (Skip.Contains(p.LocalName) || p.LocalName is "nav" or "aside" or "footer" or "form") return true;
        return false;
    }

    /// <summary>Records what the page shows outside the article container (header, navigation, footer, sidebars) as dropped.</summary>
    private static void RecordOutside(IElement container, IElement body, Walker walker, PageParts parts)
    {
        for (IElement? node = container; node is not null && node != body.ParentElement; node = node.ParentElement)
        {
            var parent = node.ParentElement;
            if (parent is null || node == body) break;
            foreach (var sibling in parent.Children)
            {
                if (sibling == node || Skip.Contains(sibling.LocalName) || walker.Emitted.Contains(sibling)) continue;
                if (walker.Emitted.Any(e => sibling.Contains(e))) continue;
                var text = VisibleText(sibling, 200);
                if (text.Length == 0) continue;
                string reason;
                if (ArticleAssembler.Collapse(sibling.TextContent).Length == 0) reason = "logo or image alt text outside the article";
                else reason = sibling.LocalName switch
                {
                    "header" => "page header",
                    "nav" => "navigation",
                    "footer" => "page footer",
                    "aside" => "sidebar",
                    _ => ChromeClass().Match(ClassAndId(sibling)) is { Success: true } m ? $"outside the article ({m.Value.Trim(' ', '-', '_')})" : "outside the article body",
                };
                var (s, e) = walker.Range(sibling);
                parts.Dropped.Add(new DroppedSpan(s, e, reason, text));
                int copy = text.IndexOf('©') is >= 0 and var c ? c : text.IndexOf("Copyright", StringComparison.OrdinalIgnoreCase);
                if (copy >= 0 && ChromeRules.CopyrightName(text[copy..]) is { } holder) parts.Publishers.Add(holder);
            }
        }
    }

    private sealed class Walker(string raw, PageParts parts)
    {
        private int _chars;
        public bool Truncated { get; private set; }
        public HashSet<IElement> Emitted { get; } = [];

        public void Walk(IElement element, BlockKind context)
        {
            if (Truncated) return;
            var name = element.LocalName;
            if (Skip.Contains(name)) return;
            var cls = ClassAndId(element);
            if (TagsClass().IsMatch(cls) && element.TextContent.Length < 1000)
            {
                var items = element.QuerySelectorAll("a, li").Select(a => ArticleAssembler.Collapse(a.TextContent)).Where(t => t.Length is > 1 and <= 60).Distinct().ToList();
                if (items.Count > 0 && !items.Any(i => i.Contains(':')))
                {
                    parts.Keywords.AddRange(items);
                    DropElement(element, "keyword list (kept as keywords)");
                    return;
                }
            }
            // An article's own footer is walked: its credit lines matter and block rules drop its chrome.
            if (ChromeTags.TryGetValue(name, out var tagReason) && name != "footer")
            {
                DropElement(element, tagReason);
                return;
            }
            if (ChromeClass().Match(cls) is { Success: true } chrome && element.LocalName is not ("article" or "main" or "body") && !ContainsMostText(element))
            {
                DropElement(element, $"site chrome ({chrome.Value.Trim(' ', '-', '_').ToLowerInvariant()})");
                return;
            }
            var kind = context;
            if (BylineClass().IsMatch(cls) || element.GetAttribute("rel") == "author" || element.GetAttribute("itemprop") == "author") kind = BlockKind.Byline;
            else if (DekClass().IsMatch(cls) && element.TextContent.Length < 600) kind = BlockKind.Dek;
            kind = name switch
            {
                "h1" => BlockKind.Title,
                "h2" or "h3" or "h4" or "h5" or "h6" => kind == BlockKind.Dek ? BlockKind.Dek : BlockKind.Heading,
                "li" => kind is BlockKind.Byline ? kind : BlockKind.ListItem,
                "blockquote" => BlockKind.Quote,
                _ => kind,
            };

            if (!HasBlockChild(element))
            {
                EmitLeaf(element, kind);
                return;
            }
            // Mixed content: runs of text and inline elements between block children are blocks of their own.
            var run = new StringBuilder();
            int linkChars = 0, runStart = -1, runEnd = -1;
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement ce && (BlockTags.Contains(ce.LocalName) || ChromeTags.ContainsKey(ce.LocalName)))
                {
                    FlushRun(element, run, ref linkChars, kind, ref runStart, ref runEnd);
                    Walk(ce, kind is BlockKind.Title or BlockKind.Heading or BlockKind.ListItem or BlockKind.Quote ? BlockKind.Paragraph : kind);
                }
                else
                {
                    AppendInline(child, run, ref linkChars, false);
                    if (child is IElement ie && ie.SourceReference is not null)
                    {
                        var (s0, e0) = Range(ie);
                        if (runStart < 0) runStart = s0;
                        runEnd = e0;
                    }
                }
            }
            FlushRun(element, run, ref linkChars, kind, ref runStart, ref runEnd);
        }

        private static bool ContainsMostText(IElement e) => e.QuerySelectorAll("p").Length >= 5;

        private static bool HasBlockChild(IElement e)
        {
            foreach (var c in e.Children) if (BlockTags.Contains(c.LocalName) || ChromeTags.ContainsKey(c.LocalName)) return true;
            return false;
        }

        public void EmitLeaf(IElement element, BlockKind kind)
        {
            var sb = new StringBuilder();
            int linkChars = 0;
            foreach (var child in element.ChildNodes) AppendInline(child, sb, ref linkChars, false);
            var text = ArticleAssembler.Collapse(sb.ToString());
            Emitted.Add(element);
            if (text.Length == 0)
            {
                var alt = string.Join(" ", element.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt")).Where(a => !string.IsNullOrWhiteSpace(a)));
                if (alt.Length > 0) { var (s0, e0) = Range(element); parts.Dropped.Add(new DroppedSpan(s0, e0, "logo or image alt text", alt)); }
                return;
            }
            var (s, e) = Range(element);
            Add(new Block(text, s, e, kind, null, text.Length == 0 ? 0 : Math.Min(1.0, linkChars / (double)text.Length)));
        }

        /// <summary>Emits a run of inline content; its range is that of its inline elements, else the parent's.</summary>
        private void FlushRun(IElement parent, StringBuilder run, ref int linkChars, BlockKind kind, ref int runStart, ref int runEnd)
        {
            var text = ArticleAssembler.Collapse(run.ToString());
            if (text.Length > 0)
            {
                var (s, e) = runStart >= 0 ? (runStart, runEnd) : Range(parent);
                Add(new Block(text, s, e, kind, null, Math.Min(1.0, linkChars / (double)text.Length)));
            }
            run.Clear();
            linkChars = 0;
            runStart = runEnd = -1;
        }

        private void Add(Block block)
        {
            if (_chars + block.Text.Length > MaxTextChars)
            {
                Truncated = true;
                parts.Dropped.Add(new DroppedSpan(block.RawStart, raw.Length, $"text truncated: the article text exceeds {MaxTextChars:N0} characters", ""));
                return;
            }
            _chars += block.Text.Length + 2;
            parts.Blocks.Add(block);
        }

        private static void AppendInline(INode node, StringBuilder sb, ref int linkChars, bool inLink)
        {
            switch (node)
            {
                case IText t:
                    sb.Append(t.Data);
                    if (inLink) linkChars += t.Data.Trim().Length;
                    break;
                case IElement e when e.LocalName == "br":
                    sb.Append(' ');
                    break;
                case IElement e when Skip.Contains(e.LocalName) || e.LocalName is "img" or "picture":
                    break;
                case IElement e:
                    bool link = inLink || e.LocalName == "a";
                    foreach (var c in e.ChildNodes) AppendInline(c, sb, ref linkChars, link);
                    break;
            }
        }

        private void DropElement(IElement element, string reason)
        {
            var text = VisibleText(element, 200);
            if (text.Length == 0) return;
            var (s, e) = Range(element);
            parts.Dropped.Add(new DroppedSpan(s, e, reason, text));
            Emitted.Add(element);
        }

        /// <summary>The element's range in the raw HTML: from its start tag to the end of its matching end tag.</summary>
        public (int Start, int End) Range(IElement element)
        {
            if (element.SourceReference is not { } sr) return (0, 0);
            int start = Math.Clamp(sr.Position.Position, 0, raw.Length);
            if (start < raw.Length && raw[start] != '<') { int lt = raw.LastIndexOf('<', start); if (lt >= 0 && start - lt < 4) start = lt; }
            int gt = raw.IndexOf('>', start);
            if (gt < 0) return (start, raw.Length);
            if (element is IHtmlElement { } && IsVoid(element.LocalName)) return (start, gt + 1);
            IElement last = element;
            foreach (var d in element.Descendants<IElement>()) if (d.SourceReference is not null) last = d;
            int from = last == element ? gt + 1 : Math.Clamp(last.SourceReference!.Position.Position, start, raw.Length);
            int skip = 0;
            for (var p = last == element ? null : last; p is not null && p != element; p = p.ParentElement)
                if (p.LocalName == element.LocalName) skip++;
            var closing = "</" + element.LocalName;
            int at = from;
            while (true)
            {
                int idx = raw.IndexOf(closing, at, StringComparison.OrdinalIgnoreCase);
                if (idx < 0) return (start, Math.Min(raw.Length, Math.Max(from, start + element.TextContent.Length)));
                if (skip-- > 0) { at = idx + closing.Length; continue; }
                int end = raw.IndexOf('>', idx);
                return (start, end < 0 ? raw.Length : end + 1);
            }
        }

        private static bool IsVoid(string name) => name is "img" or "br" or "hr" or "meta" or "link" or "input" or "source" or "wbr" or "area" or "base" or "col" or "embed" or "param" or "track";
    }
}
