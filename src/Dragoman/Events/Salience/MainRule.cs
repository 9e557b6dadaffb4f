namespace Dragoman.Events.Salience;

/// <summary>
/// How an article's main events are picked from the salience model's confidences
/// (<see cref="SalienceComponent.SelectMain{T}(IReadOnlyList{T}, Func{T, double}, Func{T, bool}, Func{T, (int Sentence, string? Type)}, MainRule)"/>):
/// every current event at or above <paramref name="Threshold"/>, and the article's <paramref name="Top"/> best even
/// below it, one per sentence and type (or per sentence when <paramref name="OnePerSentence"/>), at most
/// <paramref name="Cap"/> per article (0: no cap). The trainer chooses all four on out-of-fold probabilities.
/// </summary>
public sealed record MainRule(double Threshold, int Top = SalienceComponent.DefaultTopPerArticle, int Cap = 0, bool OnePerSentence = false)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"threshold {Threshold:0.00}, {Top} best always shown, {(Cap == 0 ? "no cap" : $"at most {Cap}")} per article, one per {(OnePerSentence ? "sentence" : "sentence and type")}");
}
