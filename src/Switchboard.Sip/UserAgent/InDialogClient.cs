using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Sends one non-INVITE request inside a call's dialog on its own client transaction (RFC 3261 §17.1.2) and turns
/// its end into a <see cref="SipInDialogResult"/>. RFC 3261 §12.2.1.2: a 481, or no answer at all (408), means the
/// dialog is gone, so the call then ends as well.
/// </summary>
internal static class InDialogClient
{
    /// <param name="onResult">Runs first with the result, before the call may end (no lock held).</param>
    public static Task<SipInDialogResult> SendAsync(SipCall call, SipRequest request, Action<SipInDialogResult>? onResult = null)
    {
        var outcome = new TaskCompletionSource<SipInDialogResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hop = call.NextHop();
        call.Agent.Transactions.SendRequest(request, hop.EndPoint, new ClientTransactionCallback(
            response =>
            {
                if (!response.IsProvisional)
                {
                    Finish(new SipInDialogResult(response.StatusCode, response.ReasonPhrase, null));
                }
            },
            failure => Finish(failure == SipTransactionFailure.Timeout
                ? new SipInDialogResult(408, "Request Timeout", "no response from the peer")
                : new SipInDialogResult(503, "Service Unavailable", "the request could not be sent"))), hop.Transport);
        return outcome.Task;

        void Finish(SipInDialogResult result)
        {
            onResult?.Invoke(result);
            outcome.TrySetResult(result);
            if (result.StatusCode == 481 || (result.StatusCode == 408 && !result.IsAnswered))
            {
                call.OnDialogFailed(result.StatusCode, result.ReasonPhrase);
            }
        }
    }
}
