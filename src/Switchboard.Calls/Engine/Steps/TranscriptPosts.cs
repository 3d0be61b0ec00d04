using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A step's transcripts posted to a hook in the order they were recognised, each post after the one before, as the
/// call's own work that does not end with the step or the call (a transcript is owed whatever runs next).
/// </summary>
internal sealed class TranscriptPosts(StepScope scope, ISpeechHooks hooks, string hook)
{
    private Task _posting = Task.CompletedTask;

    public void Post(RecognitionResult transcript, bool isFinal)
    {
        var services = scope.Services;
        var call = services.Host.Snapshot();
        var previous = _posting;
        _posting = PostAfterAsync(previous, call, transcript, isFinal, services.Logger, services.CallSid);
        services.Work.Watch(_posting, _ => null);
    }

    private async Task PostAfterAsync(Task previous, CallSnapshot call, RecognitionResult transcript, bool isFinal, Microsoft.Extensions.Logging.ILogger logger, string callSid)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await hooks.OnTranscriptAsync(call, hook, transcript, isFinal, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SpeechLog.TranscriptNotPosted(logger, callSid, exception.Message);
        }
    }
}
