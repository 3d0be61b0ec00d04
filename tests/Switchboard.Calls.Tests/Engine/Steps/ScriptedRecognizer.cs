using Switchboard.Calls.Engine.Speech;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// An engine for the step tests: answers each utterance with the next scripted outcome (a transcript, or an
/// exception) and keeps what it was given, so a test sees what the step sent and how it reacts.
/// </summary>
internal sealed class ScriptedRecognizer : ISpeechRecognizer, ISpeechRecognizers
{
    private readonly Queue<Func<RecognitionResult>> _answers = new();

    public string Vendor => "scripted";

    public string DefaultLanguage => "en-US";

    public List<(short[] Utterance, RecognitionRequest Request)> Heard { get; } = [];

    public ScriptedRecognizer Answer(string transcript)
    {
        _answers.Enqueue(() => new RecognitionResult("en-US", transcript.Length == 0 ? [] : [new RecognitionAlternative(transcript, 0.8)]));
        return this;
    }

    public ScriptedRecognizer Fail(string reason)
    {
        _answers.Enqueue(() => throw new SpeechRecognitionException(reason));
        return this;
    }

    public ValueTask<ISpeechRecognizer> ResolveAsync(string accountSid, string? vendor, string? label, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ISpeechRecognizer>(this);

    public Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<short> utterance, RecognitionRequest request, CancellationToken cancellationToken)
    {
        lock (Heard)
        {
            Heard.Add((utterance.ToArray(), request));
            return Task.FromResult(_answers.Dequeue()());
        }
    }
}
