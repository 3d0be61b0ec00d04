using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class SipRequestStepTests
{
    [Fact]
    public async Task SipRequest_SendsItsRequest_AndReportsThePeersAnswer()
    {
        await using var call = await StepHarness.StartAsync();
        var request = new InDialogRequest("INFO") { Body = "{\"a\":1}", ContentType = "application/json", Headers = [new("X-Metadata", "m")] };
        var verb = new SipRequestVerb(request, "http://app/info");
        var step = new SipRequestStep(verb, call.Scope());

        step.Start();
        call.InDialogAnswer.SetResult(new InDialogAnswer(200, "OK", null));
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);

        Assert.Equal([request], call.SentInDialog);
        var result = Assert.IsType<SipRequestResult>(call.Runner.Reported);
        Assert.Same(verb, result.Request);
        Assert.Equal(new InDialogAnswer(200, "OK", null), result.Answer);
    }

    [Fact]
    public async Task SipRequest_WithoutAnAnswer_ReportsTheFailure()
    {
        await using var call = await StepHarness.StartAsync();
        var step = new SipRequestStep(new SipRequestVerb(new InDialogRequest("MESSAGE"), null), call.Scope());

        step.Start();
        call.InDialogAnswer.SetResult(new InDialogAnswer(408, "Request Timeout", "no response from the peer"));
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);

        var result = Assert.IsType<SipRequestResult>(call.Runner.Reported);
        Assert.False(result.Answer.IsAnswered);
        Assert.Equal("no response from the peer", result.Answer.Error);
    }
}
