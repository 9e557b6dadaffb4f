namespace Dragoman.Text;

/// <summary>
/// The base letter of an accented Latin letter ("é" -> 'e', "Ğ" -> 'g'), lower case, for folding names: one table shared
/// by the places and the actors stages.
/// </summary>
public static class LatinLetters
{
    // Base letters of U+00C0..U+024F and U+1E00..U+1EFF (from Unicode canonical decompositions; '\0' = none),
    // written out because string.Normalize is unavailable under invariant globalization.
    private const string Latin1Ext = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0yaaaaaaccccccccdd\0\0eeeeeeeeeegggggggghh\0\0iiiiiiiii\0\0\0jjkk\0llllll\0\0\0\0nnnnnn\0\0\0oooooo\0\0rrrrrrsssssssstttt\0\0uuuuuuuuuuuuwwyyyzzzzzz\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0\0aaeeooooooooyy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    private const string LatinExtAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0\0\0\0\0\0aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\0\0\0\0\0\0";

    /// <summary>The lower-case base letter of <paramref name="c"/> (U+00C0..U+024F, U+1E00..U+1EFF), or '\0' when it has none.</summary>
    public static char BaseLetter(char c)
    {
        int i = c - 0xC0;
        if (i >= 0 && i < Latin1Ext.Length) return Latin1Ext[i];
        i = c - 0x1E00;
        return i >= 0 && i < LatinExtAdditional.Length ? LatinExtAdditional[i] : '\0';
    }
}
