using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class DtmfStepTests
{
    [Fact]
    public async Task Dtmf_SendsItsKeysAsTelephoneEvents_ThenCompletes()
    {
        await using var call = await StepHarness.StartAsync();
        var dtmf = new DtmfStep(new DtmfVerb("12", TimeSpan.FromMilliseconds(100)), call.Scope());

        dtmf.Start();
        await call.RunUntilAsync(dtmf, () => call.Runner.Completed);

        // RFC 4733: the far end offered telephone-event as payload type 101.
        var events = 0;
        while (call.FarEnd.Available > 0)
        {
            var packet = await call.FarEnd.ReceiveAsync();
            events += (packet.Buffer[1] & 0x7f) == 101 ? 1 : 0;
        }

        Assert.True(events >= 2, $"only {events} telephone-event packets arrived");
    }
}
