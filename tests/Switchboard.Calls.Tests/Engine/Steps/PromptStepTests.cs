using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class PromptStepTests
{
    private static readonly SayVerb Hello = new("hello", null, null, null, BargeIn: false);

    [Fact]
    public async Task ASay_IsRenderedOnce_PlayedLoopTimes_ThenCompletes()
    {
        await using var call = await StepHarness.StartAsync();
        var say = PromptStep.For(Hello with { Loop = 3 }, call.Scope());

        say.Start();
        await call.RunUntilAsync(say, () => call.Runner.Completed);

        Assert.Equal(1, call.Prompts.Rendered);
        // Three plays of a three-frame clip reach the far end.
        Assert.True(await ReceivedPacketsAsync(call, atLeast: 9) >= 9);
    }

    [Fact]
    public async Task WithBargeIn_AKeyStopsThePrompt_AndGoesToTheRunner()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        var say = PromptStep.For(Hello with { BargeIn = true }, call.Scope());

        say.Start();
        await call.RunUntilAsync(say, () => call.Handled.Any(message => message is PromptReady));
        say.OnDigit('5');
        await call.RunUntilAsync(say, () => call.Work.IsIdle);

        Assert.Equal('5', call.Runner.BargedIn);
        Assert.False(call.Runner.Completed, "a prompt cut short by a key is left, not completed");
    }

    [Fact]
    public async Task WithoutBargeIn_AKeyIsKeptForTheNextGather_AndThePromptPlaysOn()
    {
        await using var call = await StepHarness.StartAsync();
        var say = PromptStep.For(Hello, call.Scope());

        say.Start();
        say.OnDigit('7');
        await call.RunUntilAsync(say, () => call.Runner.Completed);

        Assert.Null(call.Runner.BargedIn);
        Assert.Equal("7", call.Runner.TypeAhead.TakeAll());
    }

    [Fact]
    public async Task APromptThatCannotBeRendered_IsSkipped()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Failure = "no such voice";
        var say = PromptStep.For(Hello, call.Scope());

        say.Start();
        await call.RunUntilAsync(say, () => call.Runner.Completed);

        Assert.Equal(0, await ReceivedPacketsAsync(call, atLeast: 1, patience: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task APlayWhoseAudioCannotBeHad_IsReportedAsAFailedVerb_AndSkipped()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Failure = "NotFound: HTTP 404";
        var verb = new PlayVerb(new Uri("http://audio.example/missing.mp3"), 1, BargeIn: false);
        var play = PromptStep.For(verb, call.Scope());

        play.Start();
        await call.RunUntilAsync(play, () => call.Runner.Completed);

        var (failed, reason) = Assert.Single(call.FailedVerbs);
        Assert.Same(verb, failed);
        Assert.Contains("HTTP 404", reason, StringComparison.Ordinal);
    }

    /// <summary>Counts the prompt's RTP packets the far end receives, until <paramref name="atLeast"/> or the patience runs out.</summary>
    internal static Task<int> ReceivedPacketsAsync(StepHarness call, int atLeast, TimeSpan? patience = null) =>
        ReceivedPacketsAsync(call.FarEnd, atLeast, patience);

    /// <summary>Counts the prompt's RTP packets <paramref name="farEnd"/> receives, until <paramref name="atLeast"/> or the patience runs out.</summary>
    internal static async Task<int> ReceivedPacketsAsync(System.Net.Sockets.UdpClient farEnd, int atLeast, TimeSpan? patience = null)
    {
        using var wait = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(5));
        var count = 0;
        try
        {
            while (count < atLeast)
            {
                var packet = (await farEnd.ReceiveAsync(wait.Token)).Buffer;
                // PCMU packets that carry the prompt's audio; silence (0xFF, 0x7F) the session may send does not count.
                count += (packet[1] & 0x7f) == 0 && packet.AsSpan(12).IndexOfAnyExcept((byte)0xFF, (byte)0x7F) >= 0 ? 1 : 0;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return count;
    }
}
