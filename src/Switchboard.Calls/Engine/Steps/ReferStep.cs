using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Signalling;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>sip:refer</c>: a blind transfer (RFC 3515). The REFER goes out; a refusal ends the verb with its status and the
/// script goes on. Once accepted, each NOTIFY's status goes to the event hook, until a final one: a referred call
/// that was answered posts the result and ends this call with BYE (the peer now talks to the target, as jambonz's
/// feature server also leaves the call then); one that failed ends the verb with its status and the call goes on.
/// With no final report in time the verb ends without one, and the call goes on too.
/// </summary>
internal sealed class ReferStep(ReferVerb refer, StepScope scope) : VerbStep(scope)
{
    /// <summary>RFC 3515 §2.4.4: the first NOTIFY follows the 202 at once; 64*T1 leaves room for its retransmissions.</summary>
    public static readonly TimeSpan FirstReportWait = TimeSpan.FromSeconds(32);

    /// <summary>After a provisional report the referred call may ring this long before it must be answered or refused.</summary>
    public static readonly TimeSpan FinalReportWait = TimeSpan.FromSeconds(180);

    private Stage _stage = Stage.Referring;
    private int? _finalStatus;
    private bool _reported;
    private TimeSpan _waiting;
    private Task _posting = Task.CompletedTask;

    private enum Stage
    {
        /// <summary>The REFER is on its way.</summary>
        Referring,

        /// <summary>The REFER was accepted; reports of the referred call are awaited.</summary>
        Accepted,

        /// <summary>The result is delivered, or the verb was left.</summary>
        Done,
    }

    public override void Start()
    {
        var host = Services.Host;
        var generation = Generation;
        Services.Work.Run(
            async token => new InDialogAnswered(generation, await host.ReferAsync(refer, token).ConfigureAwait(false)),
            error => new InDialogAnswered(generation, new InDialogAnswer(500, "Server Internal Error", error.Message)));
    }

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case InDialogAnswered { Answer: var answer } when _stage == Stage.Referring:
                if (answer.SipStatus is < 200 or >= 300)
                {
                    Finish(new ReferResult(refer, answer.SipStatus, null));
                    return;
                }

                _stage = Stage.Accepted;
                if (_finalStatus is { } overtaken)
                {
                    // The final NOTIFY overtook the 202 (RFC 6665 §4.1.2.4).
                    Finish(new ReferResult(refer, answer.SipStatus, overtaken));
                    return;
                }

                Wait(_reported ? FinalReportWait : FirstReportWait);
                break;
            case VerbTimerElapsed when _stage == Stage.Accepted:
                StepLog.TransferReportsTimedOut(Services.Logger, Services.CallSid, _waiting.TotalSeconds);
                Finish(new ReferResult(refer, 202, null));
                break;
        }
    }

    public override void OnTransferProgress(TransferProgress progress)
    {
        if (_stage == Stage.Done || _finalStatus is not null)
        {
            return;
        }

        if (progress.SipStatus is { } status)
        {
            _reported = true;
            PostProgress(status);
            if (status >= 200)
            {
                _finalStatus = status;
            }
        }

        if (_stage != Stage.Accepted)
        {
            return;
        }

        if (_finalStatus is { } final)
        {
            Finish(new ReferResult(refer, 202, final));
        }
        else if (progress.ReportsEnded)
        {
            // The peer ended its reports without a final status: nothing more will tell how the transfer went.
            Finish(new ReferResult(refer, 202, null));
        }
        else
        {
            Wait(FinalReportWait);
        }
    }

    public override void Leave() => _stage = Stage.Done;

    /// <summary>
    /// The call ended while the transfer was under way: usually the peer hanging up because the referred call was
    /// answered before its final report arrived. The result still goes to the action hook; its answer is not read.
    /// </summary>
    public override void OnCallEnded(CallSnapshot endedCall)
    {
        if (_stage == Stage.Accepted)
        {
            _stage = Stage.Done;
            DeliverLate(endedCall, new ReferResult(refer, 202, _finalStatus));
        }

        Leave();
    }

    private void Wait(TimeSpan due)
    {
        _waiting = due;
        Services.Timer.Arm(due, new VerbTimerElapsed(Generation));
    }

    private void Finish(ReferResult result)
    {
        _stage = Stage.Done;
        Services.Timer.Disarm();
        StepLog.TransferEnded(Services.Logger, Services.CallSid, result.ReferStatus, result.FinalReferredStatus);
        if (!result.Transferred)
        {
            Runner.Report(this, result);
            return;
        }

        // The peer talks to the transfer target now: this call is over, so no verb follows and the hook's answer is not read.
        DeliverLate(Services.Host.Snapshot(), result);
        Services.Host.EndCall("transferred", failed: false);
    }

    private void DeliverLate(CallSnapshot call, ReferResult result)
    {
        var logger = Services.Logger;
        var callSid = Services.CallSid;
        LateResults.Deliver(Services, call, result, error => StepLog.TransferHookFailed(logger, callSid, error));
    }

    /// <summary>Posts one report to the event hook after the one before, so the application hears them in order.</summary>
    private void PostProgress(int status)
    {
        if (refer.EventHook is not { } hook || Services.Script is not ITransferHooks hooks)
        {
            return;
        }

        var call = Services.Host.Snapshot();
        var previous = _posting;
        var logger = Services.Logger;
        var callSid = Services.CallSid;
        _posting = PostAfterAsync();
        Services.Work.Watch(_posting, _ => null);

        async Task PostAfterAsync()
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await hooks.OnTransferProgressAsync(call, hook, status, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                StepLog.TransferHookFailed(logger, callSid, exception.Message);
            }
        }
    }
}
