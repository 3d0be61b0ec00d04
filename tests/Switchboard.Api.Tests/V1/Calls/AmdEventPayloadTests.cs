using System.Text;
using System.Text.Json;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Amd;
using Switchboard.Media.Recognition;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>The answering-machine members of an <c>amd.actionHook</c> post, named as jambonz's feature server names them.</summary>
public sealed class AmdEventPayloadTests
{
    private static readonly AmdEvent Machine = new(AmdEventKind.MachineDetected, TimeSpan.FromSeconds(3), AmdReason.LongGreeting, 6, TimeSpan.FromSeconds(2.5), 0);

    private static readonly AmdEvent Human = new(AmdEventKind.HumanDetected, TimeSpan.FromSeconds(2), AmdReason.ShortGreeting, 1, TimeSpan.FromSeconds(0.5), 0);

    [Fact]
    public void ADecisionWithoutARecognizer_HasTypeAndReasonOnly()
    {
        var payload = Write(AmdReport.Of(Machine));

        Assert.Equal("""{"type":"amd_machine_detected","reason":"long greeting"}""", payload);
    }

    [Fact]
    public void AHumansRecognisedGreeting_CarriesItsWordsAndLanguage()
    {
        var payload = Write(AmdReport.Of(Human) with { Greeting = Heard("hello", "en-US") });

        Assert.Equal("""{"type":"amd_human_detected","reason":"short greeting","greeting":"hello","language":"en-US"}""", payload);
    }

    [Fact]
    public void AMachineWhoseGreetingHeldAHint_HasReasonHint_AndTheHint()
    {
        var payload = Write(AmdReport.Of(Machine) with { Greeting = Heard("you have reached the voicemail of John", "en-US"), Hint = "voicemail" });

        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        Assert.Equal(("amd_machine_detected", "hint", "voicemail"), (root.GetProperty("type").GetString(), root.GetProperty("reason").GetString(), root.GetProperty("hint").GetString()));
        Assert.Equal("you have reached the voicemail of John", root.GetProperty("greeting").GetString());
    }

    [Fact]
    public void AFailedRecognizer_IsAnAmdError_WithItsReason()
    {
        var payload = Write(AmdReport.Failed("the model is overloaded"));

        Assert.Equal("""{"type":"amd_error","error":"the model is overloaded"}""", payload);
    }

    private static RecognitionResult Heard(string words, string language) => new(language, [new RecognitionAlternative(words, 0.9)]);

    private static string Write(AmdReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            AmdEventPayload.Write(writer, report);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
