using Switchboard.Media.Amd;
using static Switchboard.Media.Amd.AmdState;

namespace Switchboard.Media.Tests.Amd;

public sealed class AmdStateTableTests
{
    /// <summary>The detector's diagram as <see cref="AmdState"/> documents it, each arrow with what takes it.</summary>
    [Fact]
    public void Detector_IsTheDocumentedDiagram()
    {
        (AmdState From, string Event, AmdState To)[] diagram =
        [
            (Listening, "first word", Greeting),
            (Listening, "no speech, decision timeout, or a beep", Complete),
            (Greeting, "too many words or too long a greeting: machine", MachineSpeaking),
            (Greeting, "silence after a short greeting (human), decision timeout, or a beep", Complete),
            (MachineSpeaking, "the greeting ends", AwaitingTone),
            (MachineSpeaking, "a beep, or the tone timeout", Complete),
            (AwaitingTone, "the beep, or the tone timeout", Complete),
        ];

        Assert.Equal(
            diagram.Select(arrow => (arrow.From, arrow.To)).Distinct().Order(),
            AnsweringMachineDetector.Transitions.Edges.Order());
    }
}
