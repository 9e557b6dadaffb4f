using Dragoman.Documents;
using Dragoman.Evaluation;
using Dragoman.Events.Roles;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

/// <summary>
/// The no-actor threshold `train roles` learns out of fold (RoleTraining.LearnNoActor): below it a chosen actor gives way
/// to the coder's category. Hand-made examples, one article each.
/// </summary>
public class NoActorThresholdTests
{
    /// <summary>An actor example whose ranker chose a phrase at probability p; right or not, and whether the event's category would be.</summary>
    private static (LabelledRole Role, (RoleExample, int, double) Choice) Example(int n, double p, bool chosenRight, bool categoryRight)
    {
        RoleCandidate[] candidates =
        [
            new(Chunk.None, null, Array.Empty<int>()),
            new(new Chunk(0, 1), new EventArgument("phrase", new TextSpan(0, 6)), Array.Empty<int>()),
        ];
        var x = new RoleExample($"article-{n}", RoleKind.Actor, candidates, chosenRight ? new[] { 1 } : Array.Empty<int>(), 1);
        return (new LabelledRole(x, "gold", RoleMissCause.RuleRight, false) { Category = "unidentified armed group", CategoryRight = categoryRight }, (x, 1, p));
    }

    // examples as (probability, chosen right, category right) repeated five times, the threshold expected, reason
    [Theory]
    [InlineData(0.25, "weak choices are wrong where the category is right, strong ones right: the lowest threshold above the weak ones", 0.2, false, true, 0.8, true, false)]
    [InlineData(0.0, "weak choices that are right: never abstain", 0.2, true, false, 0.8, true, false)]
    [InlineData(0.0, "a category that is never right gains nothing: never abstain", 0.2, false, false, 0.8, true, false)]
    public void The_threshold_makes_the_most_actor_examples_right(double expected, string why, double p1, bool right1, bool cat1, double p2, bool right2, bool cat2)
    {
        var rows = Enumerable.Range(0, 5).Select(n => Example(n, p1, right1, cat1)).Concat(Enumerable.Range(5, 5).Select(n => Example(n, p2, right2, cat2))).ToList();
        var fit = RoleTraining.LearnNoActor(rows.Select(r => r.Role).ToList(), rows.Select(r => r.Choice).ToList(), folds: 5, noPartyOnly: false);
        Assert.True(Math.Abs(fit.Threshold - expected) < 1e-9, $"{why}: threshold {fit.Threshold}");
        Assert.True(fit.RightNever == (right1 ? 5 : 0) + (right2 ? 5 : 0), $"{why}: never abstaining {fit.RightNever}");
        Assert.True(fit.Curve.Max(c => c.Right) == fit.Curve.First(c => Math.Abs(c.Threshold - fit.Threshold) < 1e-9).Right, $"{why}: the learned threshold is the best of the grid");
    }
}
