using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Storage.Applications;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Every verb that jambonz's own specification package (<c>@jambonz/verb-specifications</c>, from npm) lists as a
/// correct example goes through Switchboard's verb reader: each must be run, or skipped by name with a warning, and
/// none may fail the call. A new jambonz option that breaks our reader shows up here.
/// </summary>
public sealed class JambonzVerbSpecificationTests
{
    [Fact]
    public async Task EveryCorrectExampleOfJambonzsSpecification_RunsOrIsSkippedByName()
    {
        await using var script = JambonzApp.Run("verb-examples.js", new Dictionary<string, string>());
        Assert.Equal(0, await script.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var examples = Assert.Single(script.Lines).GetProperty("examples");
        Assert.True(examples.GetArrayLength() > 40, $"only {examples.GetArrayLength()} examples came from the package");

        var refused = new List<string>();
        var (run, skipped) = (0, 0);
        foreach (var example in examples.EnumerateArray())
        {
            var reader = new JambonzVerbReader(new Uri("https://app.example.com/call"), new Dictionary<string, WebhookTarget>());
            try
            {
                var verbs = reader.ReadAll(JsonDocument.Parse($"[{example.GetRawText()}]").RootElement, "$");
                if (verbs[^1] is SkippedVerb)
                {
                    skipped++;
                }
                else
                {
                    run++;
                }
            }
            catch (ValidationException refusal)
            {
                refused.Add($"{example.GetProperty("verb")}: {refusal.Error.Field} {refusal.Error.Message}");
            }
        }

        Assert.True(refused.Count == 0, "refused: " + string.Join(" | ", refused));
        Assert.True(run >= 20, $"only {run} examples run ({skipped} skipped)");
    }
}
