using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.WebConsole;

/// <summary>
/// The web console in headless Chromium against the real server: signing in, a real call (a SIPp callee) appearing
/// live and ending, its timeline with its webhooks, its recording playing, and resources made through the forms.
/// Every step leaves a screenshot in the test output's <c>console-screenshots</c> folder.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private ConsoleBrowser Browser => fixture.Browser;

    [Fact]
    public void SignIn_WithAWrongKey_SaysSo_AndWithTheRightKey_OpensTheLiveCalls()
    {
        OpenSignedOut();

        Browser.WaitFor("#api-key").SendKeys("sb_not_a_key");
        Browser.WaitFor("#sign-in-form button[type=submit]").Click();
        var error = Browser.WaitUntil(() => Browser.Driver.FindElement(By.Id("sign-in-error")).Text is { Length: > 0 } text ? text : null, "the sign-in error");
        Browser.Screenshot("01-sign-in-wrong-key");

        Assert.Contains("not valid", error, StringComparison.Ordinal);
        Assert.Equal("true", Browser.Driver.FindElement(By.Id("api-key")).GetAttribute("aria-invalid"));
        Assert.True(Browser.Driver.FindElement(By.Id("nav")).GetAttribute("hidden") is not null, "the sections stay hidden");

        SignIn();

        Assert.Equal("Live calls", Browser.WaitFor("#view h1").Text);
        Assert.DoesNotContain(TestServer.ApiKey, Browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal(TestServer.ApiKey, Browser.Script("return sessionStorage.getItem('switchboard.apiKey')"));
        Browser.Screenshot("02-live-calls-empty");
        Assert.Empty(Browser.PageErrors());
    }

    [Fact]
    public async Task ALiveCall_AppearsAndEnds_ItsTimelineShowsItsWebhooks_AndItsRecordingPlays()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        fixture.Hooks.Respond = webhook => webhook.Path switch
        {
            "/call" => (200, """[{"verb": "say", "text": "Your parcel is on its way."}, {"verb": "pause", "length": 5}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        var application = await fixture.CreateAsync($"{fixture.Account}/Applications", new JsonObject
        {
            ["name"] = "parcels-" + Guid.NewGuid().ToString("N")[..8],
            ["call_hook"] = fixture.Hooks.Url("/call"),
            ["call_status_hook"] = fixture.Hooks.Url("/status"),
            ["record_all_calls"] = true,
        });
        OpenSignedOut();
        SignIn();
        Browser.WaitFor("#view [data-feed=open]");

        var sid = await fixture.CreateAsync($"{fixture.Account}/Calls", new JsonObject
        {
            ["application_sid"] = application,
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
        });

        Browser.WaitFor($"#live-calls tr[data-call='{sid}'][data-status='in-progress']", Patience);
        Browser.Screenshot("03-live-call-in-progress");
        // A page opened while the call is live gets it from the stream's first event, not from a change.
        Navigate("#/calls");
        Navigate("#/live");
        Browser.WaitFor("#view [data-feed=open]");
        Browser.WaitFor($"#live-calls tr[data-call='{sid}'][data-status='in-progress']", TimeSpan.FromSeconds(1));
        var ended = Browser.WaitFor($"#ended-calls tr[data-call='{sid}'][data-status='completed']", Patience);
        Assert.Empty(Browser.Driver.FindElements(By.CssSelector($"#live-calls tr[data-call='{sid}']")));
        Browser.Screenshot("04-live-call-ended");

        // The last status webhook and the whole-call recording are stored a moment after the call ends.
        await fixture.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
        await WaitForRecordingAsync(sid);
        await WaitForTimelineAsync(sid, "status:completed");
        ended.FindElement(By.TagName("a")).Click();

        var webhooks = Browser.WaitUntil(
            () => Browser.Driver.FindElements(By.CssSelector("#timeline-entries li[data-type='webhook']")) is { Count: > 0 } found ? found : null,
            "the timeline's webhooks");
        var texts = webhooks.Select(entry => entry.Text).ToList();
        Assert.Contains(texts, text => text.Contains("call → 200", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("status:completed → 200", StringComparison.Ordinal));
        Assert.NotEmpty(Browser.Driver.FindElements(By.CssSelector("#timeline-entries li[data-type='verb']")));
        Assert.NotEmpty(Browser.Driver.FindElements(By.CssSelector(".timeline svg .mark-webhook")));
        webhooks[0].FindElement(By.TagName("summary")).Click();
        Assert.Contains(sid, webhooks[0].FindElement(By.TagName("pre")).Text, StringComparison.Ordinal);
        Browser.Screenshot("05-call-timeline");

        Browser.WaitFor(".recordings audio");
        var played = (IDictionary<string, object>)Browser.AsyncScript("""
            const done = arguments[arguments.length - 1];
            const audio = document.querySelector('.recordings audio');
            const report = problem => done({ duration: audio.duration, time: audio.currentTime, error: problem ?? (audio.error ? `media error ${audio.error.code}` : '') });
            audio.addEventListener('error', () => report(), { once: true });
            const play = () => audio.play().then(() => setTimeout(() => report(), 600), failure => report(`play: ${failure.message}`));
            if (audio.readyState >= 1) play(); else audio.addEventListener('loadedmetadata', play, { once: true });
            """)!;
        Assert.Equal(string.Empty, played["error"]);
        Assert.True(Convert.ToDouble(played["duration"], System.Globalization.CultureInfo.InvariantCulture) > 1, $"duration {played["duration"]}");
        Assert.True(Convert.ToDouble(played["time"], System.Globalization.CultureInfo.InvariantCulture) > 0, $"played to {played["time"]}");
        Assert.StartsWith("blob:", Browser.WaitFor(".recordings audio").GetAttribute("src"), StringComparison.Ordinal);
        Browser.Script("document.getElementById('recordings-title').scrollIntoView();");
        Browser.Screenshot("06-call-recording");

        // On a phone's screen: nothing wider than the screen, the timeline scaled to fit.
        Browser.Resize(375, 812);
        try
        {
            Browser.WaitFor("#timeline-entries");
            Browser.Script("window.scrollTo(0, 0);");
            Browser.Screenshot("07-call-on-a-phone");
            // Elements wider than the screen, and text that overflows its box (a long SIP URI in a heading).
            var overflowing = (string)Browser.Script("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(element => element.getBoundingClientRect().right > width + 1 || element instanceof HTMLElement && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'visible')
                  .map(element => `${element.tagName.toLowerCase()}.${element.getAttribute('class')}`).join(', ');
                """)!;
            Assert.True(overflowing.Length == 0, $"wider than a 375 px screen: {overflowing}");
            Assert.True((bool)Browser.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")!, "the call page scrolls sideways at 375 px");
        }
        finally
        {
            Browser.Resize(1280, 900);
        }

        Assert.Empty(Browser.PageErrors());
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task AnApplicationAndAPhoneNumber_AreMadeEditedAndDeletedThroughTheirForms_AndARefusalNamesTheField()
    {
        OpenSignedOut();
        SignIn();
        var name = "support-" + Guid.NewGuid().ToString("N")[..8];

        Navigate("#/applications");
        Browser.WaitFor("#field-name").SendKeys(name);
        Browser.WaitFor("#field-call_hook").SendKeys("https://example.com/support");
        Browser.WaitFor("#field-record_all_calls").Click();
        Browser.WaitFor("form.editor button[type=submit]").Click();
        var row = Browser.WaitUntil(() => Browser.Driver.FindElements(By.CssSelector(".resource-list tr[data-sid]")).FirstOrDefault(r => r.Text.Contains(name, StringComparison.Ordinal)), "the new application's row");
        Browser.Screenshot("08-application-created");
        var applicationSid = row.GetAttribute("data-sid")!;
        var stored = await fixture.GetAsync($"/v1/Applications/{applicationSid}");
        Assert.Equal(name, stored.GetProperty("name").GetString());
        Assert.Equal("https://example.com/support", stored.GetProperty("call_hook").GetProperty("url").GetString());
        Assert.True(stored.GetProperty("record_all_calls").GetBoolean());

        Navigate("#/phone-numbers");
        Browser.WaitFor("#field-number").SendKeys("call me");
        Browser.WaitFor("form.editor button[type=submit]").Click();
        Browser.WaitFor("#field-number[aria-invalid='true']");
        Assert.Contains("number", Browser.WaitFor(".messages .error").Text, StringComparison.Ordinal);
        Browser.Screenshot("09-phone-number-refused");

        var number = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var field = Browser.WaitFor("#field-number");
        field.Clear();
        field.SendKeys(number);
        Browser.Script("const select = document.getElementById('field-application_sid'); select.value = arguments[0]; select.dispatchEvent(new Event('change'));", applicationSid);
        Assert.Equal(applicationSid, Browser.WaitFor("#field-application_sid").GetAttribute("value"));
        Browser.WaitFor("form.editor button[type=submit]").Click();
        var numberRow = Browser.WaitUntil(() => Browser.Driver.FindElements(By.CssSelector(".resource-list tr[data-sid]")).FirstOrDefault(r => r.Text.Contains(number, StringComparison.Ordinal)), "the new number's row");
        Browser.Screenshot("10-phone-number-created");
        var numberSid = numberRow.GetAttribute("data-sid")!;
        var storedNumber = await fixture.GetAsync($"/v1/PhoneNumbers/{numberSid}");
        Assert.Equal(applicationSid, storedNumber.GetProperty("application_sid").GetString());

        // Edited: the form takes the row's values, and what is cleared is sent as null.
        Navigate("#/applications");
        RowContaining(name).FindElement(By.XPath(".//button[text()='Edit']")).Click();
        Assert.Equal("https://example.com/support", Browser.WaitFor("#field-call_hook").GetAttribute("value"));
        var renamed = name + "-eu";
        Browser.WaitFor("#field-name").SendKeys("-eu");
        Browser.WaitFor("form.editor button[type=submit]").Click();
        Browser.WaitUntil(() => Browser.Driver.FindElements(By.CssSelector(".resource-list tr[data-sid]")).Any(r => r.Text.Contains(renamed, StringComparison.Ordinal)), "the renamed application");
        Assert.Equal(renamed, (await fixture.GetAsync($"/v1/Applications/{applicationSid}")).GetProperty("name").GetString());

        // Deleted, once confirmed.
        Navigate("#/phone-numbers");
        RowContaining(number).FindElement(By.XPath(".//button[text()='Delete']")).Click();
        Browser.Driver.SwitchTo().Alert().Accept();
        Browser.WaitUntil(() => Browser.Driver.FindElements(By.CssSelector($".resource-list tr[data-sid='{numberSid}']")).Count == 0, "the number's row to go");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Server.Client.GetAsync($"/v1/PhoneNumbers/{numberSid}")).StatusCode);
        Assert.Empty(Browser.PageErrors());
    }

    [Fact]
    public async Task EveryPage_Shows_OnADesktopAndOnAPhone_CarriersWithTheirRegistration_AndANewKeyOnce()
    {
        var carrier = "trunk-" + Guid.NewGuid().ToString("N")[..8];
        // Nothing answers REGISTER on the discard port, so the registration stays registering or fails.
        await fixture.CreateAsync($"{fixture.Account}/VoipCarriers", new JsonObject
        {
            ["name"] = carrier, ["host"] = "127.0.0.1", ["port"] = 9, ["username"] = "u", ["password"] = "p", ["register"] = true,
        });
        await fixture.CreateAsync($"{fixture.Account}/Clients", new JsonObject { ["username"] = "alice-" + Guid.NewGuid().ToString("N")[..6], ["password"] = "correct horse" });
        OpenSignedOut();
        SignIn();

        string[] pages = ["live", "calls", "applications", "phone-numbers", "carriers", "clients", "api-keys", "webhook-failures"];
        foreach (var page in pages)
        {
            Navigate($"#/{page}");
            Assert.Empty(Browser.Driver.FindElements(By.CssSelector("#view .error")));
            Browser.Screenshot($"page-{page}");
        }

        Navigate("#/carriers");
        var registration = Browser.WaitUntil(
            () => Browser.Driver.FindElements(By.CssSelector(".resource-list tr[data-sid]")).FirstOrDefault(r => r.Text.Contains(carrier, StringComparison.Ordinal))?.FindElement(By.CssSelector(".registration")).Text,
            "the carrier's registration status");
        Assert.Contains(registration, new[] { "registering", "failed" });

        Navigate("#/api-keys");
        Browser.WaitFor("form.editor button[type=submit]").Click();
        Assert.StartsWith("sb_", Browser.WaitFor("#new-token").Text, StringComparison.Ordinal);
        Browser.Screenshot("page-api-keys-created");

        Navigate("#/calls");
        Browser.Script("document.getElementById('filter-direction').value = 'inbound';");
        Browser.WaitFor("form.filters button[type=submit]").Click();
        Browser.WaitUntil(() => Browser.Driver.Url.Contains("direction=inbound", StringComparison.Ordinal), "the filter in the address");
        Assert.Equal("No calls match.", Browser.WaitFor("#call-results .empty").Text);

        Browser.Resize(375, 812);
        try
        {
            foreach (var page in pages)
            {
                Navigate($"#/{page}");
                Assert.True((bool)Browser.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")!, $"#/{page} scrolls sideways at 375 px");
                Browser.Screenshot($"phone-{page}");
            }
        }
        finally
        {
            Browser.Resize(1280, 900);
        }

        Assert.Empty(Browser.PageErrors());
    }

    private IWebElement RowContaining(string text) => Browser.WaitUntil(
        () => Browser.Driver.FindElements(By.CssSelector(".resource-list tr[data-sid]")).FirstOrDefault(row => row.Text.Contains(text, StringComparison.Ordinal)),
        $"a row with {text}");

    private void OpenSignedOut()
    {
        // Each test answers for what the page reports while it runs.
        _ = Browser.PageErrors();
        Browser.GoTo(fixture.ConsoleAddress);
        Browser.Script("sessionStorage.clear(); location.hash = '';");
        Browser.GoTo(fixture.ConsoleAddress);
        Browser.WaitFor("#sign-in-form");
    }

    private void SignIn()
    {
        var key = Browser.WaitFor("#api-key");
        key.Clear();
        key.SendKeys(TestServer.ApiKey);
        Browser.WaitFor("#sign-in-form button[type=submit]").Click();
        Browser.WaitFor("#nav");
    }

    /// <summary>Goes to a page and waits for its heading (not the previous page's, which the hash change replaces a moment later).</summary>
    private void Navigate(string hash)
    {
        Browser.Script("location.hash = arguments[0];", hash);
        Browser.WaitFor($"#view > .page[data-page='{hash.TrimStart('#').Split('?')[0]}'] h1");
    }

    private async Task WaitForRecordingAsync(string sid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await fixture.GetAsync($"{fixture.Account}/Recordings?call_sid={sid}")).GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the call's recording was never stored");
            await Task.Delay(100);
        }
    }

    private async Task WaitForTimelineAsync(string sid, string webhook)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!(await fixture.GetAsync($"{fixture.Account}/Calls/{sid}/Events")).EnumerateArray()
            .Any(entry => entry.TryGetProperty("name", out var name) && name.GetString() == webhook))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the timeline never showed {webhook}");
            await Task.Delay(100);
        }
    }
}
