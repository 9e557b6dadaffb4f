using Dragoman.Actors;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Actors;

/// <summary>
/// The actor dictionary compiled into the data folder: read back, it matches and names what the dictionary built from
/// its sources does; a file compiled from other sources, of another format or damaged is refused with the reason and
/// compiled again.
/// </summary>
public class CompiledActorsTests : IDisposable
{
    private static readonly string Sources = Path.Combine(Paths.RepoRoot, "data", "actors");
    private static readonly Lazy<ActorDictionary> Built = new(() => ActorDictionary.Load(Sources).Value!);
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-compiled-actors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ActorDictionary RoundTrip()
    {
        var path = CompiledActors.DefaultPath(_dir);
        CompiledActors.Write(path, "key", Built.Value);
        var read = CompiledActors.Read(path, "key");
        Assert.True(read.IsOk, read.Error);
        return read.Value!;
    }

    [Theory]
    [InlineData("Free Syrian Army", "a group from Phoenix")]
    [InlineData("ISIS", "a short form in capitals, the supplement's entry first")]
    [InlineData("Syrian", "a demonym")]
    [InlineData("Damascus", "a capital")]
    [InlineData("regime", "an agent noun")]
    [InlineData("al-Nusra Front", "a hyphenated Arabic article")]
    [InlineData("no such phrase anywhere", "a miss stays a miss")]
    public void A_phrase_finds_the_same_hits_in_the_compiled_dictionary(string phrase, string reason)
    {
        var read = RoundTrip();
        Assert.True(Built.Value.Lookup(phrase).ToArray().SequenceEqual(read.Lookup(phrase).ToArray()), reason);
        foreach (var h in read.Lookup(phrase))
            if (h.Kind == PhraseKind.Actor)
                Assert.True(Same(Built.Value.Entries[h.Index], read.Entries[h.Index]), $"{reason}: entry {h.Index} decoded differently");
    }

    [Fact]
    public void The_compiled_dictionary_holds_the_same_trie_entries_and_tables()
    {
        var (b, r) = (Built.Value, RoundTrip());
        Assert.True(b.Trie.ChildStart.SequenceEqual(r.Trie.ChildStart) && b.Trie.ChildWord.SequenceEqual(r.Trie.ChildWord)
            && b.Trie.ChildNext.SequenceEqual(r.Trie.ChildNext) && b.Trie.HitStart.SequenceEqual(r.Trie.HitStart)
            && b.Trie.Hits.SequenceEqual(r.Trie.Hits) && b.Trie.CapsRule.SequenceEqual(r.Trie.CapsRule), "trie arrays");
        Assert.Equal((b.WordCount, b.NodeCount, b.Entries.Count), (r.WordCount, r.NodeCount, r.Entries.Count));
        for (int w = 0; w < b.WordCount; w++) Assert.Equal(w, r.WordId(b.Words.Keys[w]));
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < b.Entries.Count; i++)
        {
            Assert.True(Same(b.Entries[i], r.Entries[i]), $"entry {i} ({b.Entries[i].Id})");
            first.TryAdd(b.Entries[i].Id, i);
            Assert.Same(r.Entries[first[b.Entries[i].Id]], r.EntryById(b.Entries[i].Id));
        }
        Assert.True(b.Agents.SequenceEqual(r.Agents), "agents");
        Assert.True(b.Countries.Select(Text).SequenceEqual(r.Countries.Select(Text)), "countries");
        Assert.True(b.Leaders.Select(Text).SequenceEqual(r.Leaders.Select(Text)), "leader terms, closed as built");
        Assert.True(b.Shape.GivenNames.ToHashSet().SetEquals(r.Shape.GivenNames), "given names");
    }

    /// <summary>Damage done to a good compiled file, each of which must be refused with the reason, never read.</summary>
    public static TheoryData<string, Func<byte[], byte[]>, string> Damage => new()
    {
        { "truncated", b => b[..^50], "is damaged" },
        { "other format version", b => { var c = (byte[])b.Clone(); c[4] = 99; return c; }, "has another format" },
        { "not a compiled dictionary", _ => "plain text"u8.ToArray(), "is not a compiled actor dictionary" },
        // past the header (12 + 8 x 18 bytes) and the key (64): the word table's offsets
        { "word offsets overwritten", b => { var c = (byte[])b.Clone(); c.AsSpan(400, 4096).Fill(0xFF); return c; }, "is damaged" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_compiled_file_is_refused_with_the_reason_and_compiled_again(string what, Func<byte[], byte[]> damage, string expected)
    {
        var path = CompiledActors.DefaultPath(_dir);
        var key = CompiledActors.SourceKey(Sources);
        CompiledActors.Write(path, key, Built.Value);
        File.WriteAllBytes(path, damage(File.ReadAllBytes(path)));
        var read = CompiledActors.Read(path, key);
        Assert.False(read.IsOk, what);
        Assert.Contains(path, read.Error!);
        Assert.Contains(expected, read.Error!);
        var loaded = ActorResources.LoadCompiled(Sources, _dir);
        Assert.True(loaded.IsOk, loaded.Error);
        Assert.True(CompiledActors.Read(path, key).IsOk, $"{what}: the file was not compiled again");
    }

    [Fact]
    public void A_file_compiled_from_other_sources_is_compiled_again()
    {
        // a copy of the sources with one curated agent more: another key, so the compiled file of the first is stale
        var copy = Path.Combine(_dir, "sources");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(Sources)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        Assert.True(ActorResources.LoadCompiled(Sources, _dir).IsOk);
        File.AppendAllText(Path.Combine(copy, "agents.tsv"), "\nquartermaster\tMIL\tadded by a test\n");
        var stale = CompiledActors.Read(CompiledActors.DefaultPath(_dir), CompiledActors.SourceKey(copy));
        Assert.False(stale.IsOk, "the file compiled from the first sources was taken for the changed ones");
        Assert.Contains("other sources", stale.Error!);
        var loaded = ActorResources.LoadCompiled(copy, _dir);
        Assert.True(loaded.IsOk, loaded.Error);
        Assert.False(loaded.Value!.Lookup("quartermaster").IsEmpty, "the changed sources' agent is in the dictionary");
        Assert.True(CompiledActors.Read(CompiledActors.DefaultPath(_dir), CompiledActors.SourceKey(copy)).Value!.Lookup("quartermaster").Length == 1,
            "the compiled file now holds the changed sources");
    }

    private static bool Same(ActorEntry a, ActorEntry b) =>
        a.Id == b.Id && a.Type == b.Type && a.Name == b.Name && a.Phrases.SequenceEqual(b.Phrases) && a.Codes.SequenceEqual(b.Codes)
        && a.Source == b.Source && a.Parent == b.Parent && a.Reference == b.Reference && a.Sector == b.Sector;

    private static string Text(CountryEntry c) => string.Join("|", c.Iso3, c.Name, c.Iso2, string.Join(",", c.Names), string.Join(",", c.Demonyms), string.Join(",", c.Capitals));

    private static string Text(LeaderTerm l) => string.Join("|", l.Country, l.Office, l.Name, string.Join(",", l.Variants), l.From, l.To, l.Source);
}
