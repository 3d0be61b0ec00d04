using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Webhooks.Tests.Signing;

/// <summary>
/// The verifiers docs/webhooks.md gives applications accept what the server signs and reject what it does not:
/// the Python one is cut out of the page and run; the C# one is the copy below, which the page must contain.
/// </summary>
public sealed class WebhookVerifierSamplesTests
{
    private static readonly byte[] Body = """{"call_sid":"abc","call_status":"completed","duration":5}"""u8.ToArray();

    [Fact]
    public void CSharpSample_AcceptsServerSignatures_IncludingDuringARotation()
    {
        var now = DateTimeOffset.UtcNow;
        var header = WebhookSignature.Create(now.ToUnixTimeSeconds(), Body, ["whsec_new", "whsec_old"]);

        Assert.True(SwitchboardWebhook.Verify(header, Body, ["whsec_old"], now));
        Assert.True(SwitchboardWebhook.Verify(header, Body, ["whsec_new"], now));
        Assert.False(SwitchboardWebhook.Verify(header, Body, ["whsec_other"], now));
        Assert.False(SwitchboardWebhook.Verify(header, [.. Body, (byte)' '], ["whsec_new"], now));
        Assert.False(SwitchboardWebhook.Verify(header, Body, ["whsec_new"], now.AddMinutes(10)));
    }

    [Fact]
    public void CSharpSample_IsTheOneOnThePage()
    {
        var page = File.ReadAllText(DocPath());
        foreach (var line in SampleLines)
        {
            Assert.Contains(line, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PythonSample_AcceptsServerSignatures_AndRejectsForgeries()
    {
        var page = await File.ReadAllTextAsync(DocPath());
        var start = page.IndexOf("```python\n", StringComparison.Ordinal) + "```python\n".Length;
        var sample = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var good = WebhookSignature.Create(now, Body, ["whsec_new", "whsec_old"]);
        var bodyHex = Convert.ToHexStringLower(Body);
        var script = sample + $"""

            body = bytes.fromhex("{bodyHex}")
            assert verify_switchboard("{good}", body, ["whsec_old"])
            assert verify_switchboard("{good}", body, ["whsec_new"])
            assert not verify_switchboard("{good}", body, ["whsec_other"])
            assert not verify_switchboard("{good}", body + b" ", ["whsec_new"])
            assert not verify_switchboard("{good}", body, ["whsec_new"], now={now + 600})
            assert not verify_switchboard(None, body, ["whsec_new"])
            print("verified")
            """;
        var path = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(path, script);
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", path) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await python.StandardOutput.ReadToEndAsync() + await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            Assert.True(python.ExitCode == 0, output);
            Assert.Contains("verified", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string DocPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "webhooks.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/webhooks.md not found above the test directory");
    }

    private static readonly string[] SampleLines =
    [
        "public static bool Verify(string? header, byte[] rawBody, IEnumerable<string> secrets, DateTimeOffset now)",
        "if (kv[0] == \"t\" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;",
        "else if (kv[0] == \"v1\" && kv[1].Length == 64) { try { signatures.Add(Convert.FromHexString(kv[1])); } catch (FormatException) { } }",
        "if (timestamp is null || Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > 300) return false;",
        "var signed = Encoding.UTF8.GetBytes(timestamp.Value.ToString(CultureInfo.InvariantCulture) + \".\").Concat(rawBody).ToArray();",
        "var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);",
        "if (signatures.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected))) return true;",
    ];

    // The page's C# sample, verbatim in its logic (formatting kept to the test project's style).
    private static class SwitchboardWebhook
    {
        public static bool Verify(string? header, byte[] rawBody, IEnumerable<string> secrets, DateTimeOffset now)
        {
            if (header is null) return false;
            long? timestamp = null;
            var signatures = new List<byte[]>();
            foreach (var part in header.Split(','))
            {
                var kv = part.Trim().Split('=', 2);
                if (kv.Length != 2) continue;
                if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;
                else if (kv[0] == "v1" && kv[1].Length == 64) { try { signatures.Add(Convert.FromHexString(kv[1])); } catch (FormatException) { } }
            }

            if (timestamp is null || Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > 300) return false;
            var signed = Encoding.UTF8.GetBytes(timestamp.Value.ToString(CultureInfo.InvariantCulture) + ".").Concat(rawBody).ToArray();
            foreach (var secret in secrets)
            {
                var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
                if (signatures.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected))) return true;
            }

            return false;
        }
    }
}
