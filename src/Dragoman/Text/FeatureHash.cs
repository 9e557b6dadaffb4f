namespace Dragoman.Text;

/// <summary>Allocation-free 64-bit hashing of token text and its cheap transformations.</summary>
public static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Mix(ulong a, ulong b)
    {
        ulong x = (a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL);
        x ^= x >> 31;
        x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 29;
        return x;
    }

    public static ulong Exact(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) { h ^= c; h *= FnvPrime; }
        return h;
    }

    /// <summary>Lowercase with every digit folded to '0': "1996-08-22" and "2001-01-01" share a hash.</summary>
    public static ulong Norm(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) { h ^= NormChar(c); h *= FnvPrime; }
        return h;
    }

    public static char NormChar(char c) => char.IsDigit(c) ? '0' : c == '’' ? '\'' : char.ToLowerInvariant(c);

    /// <summary>Hash of the first (or last) <paramref name="n"/> normalised characters; 0 when the word is not longer than n.</summary>
    public static ulong Affix(ReadOnlySpan<char> s, int n, bool suffix)
    {
        if (s.Length <= n) return 0;
        return Norm(suffix ? s[^n..] : s[..n]) ^ (suffix ? 0x5555UL : 0xAAAAUL) ^ ((ulong)n << 40);
    }

    private static char ShapeChar(char c) =>
        char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'a' : c;

    /// <summary>Word shape ("Xxxxx", "dddd-dd-dd"), the first 12 characters; with <paramref name="collapse"/> repeats merge ("Xx", "d-d-d").</summary>
    public static ulong Shape(ReadOnlySpan<char> s, bool collapse)
    {
        ulong h = FnvOffset ^ (collapse ? 0x77UL : 0x99UL);
        char last = '\0';
        int n = 0;
        foreach (char c in s)
        {
            char k = ShapeChar(c);
            if (collapse && k == last) continue;
            last = k;
            h ^= k; h *= FnvPrime;
            if (++n >= 12) break;
        }
        return h;
    }
}
