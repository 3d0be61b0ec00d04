using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Media.Recognition;
using Switchboard.Media.Recognition.OpenAi;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>
/// The engines a call's speech input is recognised with: the built-in ones by vendor (the offline engine needs no
/// account), and an OpenAI-compatible engine made from the account's speech credential (vendor and label) each time
/// one is asked for, so a credential changed through the API applies to the next utterance. The credential's key is
/// read here and handed to the engine, never logged or returned.
/// </summary>
public sealed class AccountSpeechRecognizers : ISpeechRecognizers
{
    private readonly Dictionary<string, ISpeechRecognizer> _builtIn;
    private readonly ISpeechCredentialStore _credentials;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenAiTranscriptionRecognizer> _logger;
    private readonly string _defaultVendor;

    /// <param name="builtIn">Engines that need no credential, keyed by their <see cref="ISpeechRecognizer.Vendor"/>.</param>
    /// <param name="defaultVendor">The vendor used when neither the verb, the call nor the application names one.</param>
    /// <param name="http">For OpenAI-compatible servers: a client over the same address filter as webhooks and audio.</param>
    public AccountSpeechRecognizers(
        IEnumerable<ISpeechRecognizer> builtIn,
        string defaultVendor,
        string defaultLanguage,
        ISpeechCredentialStore credentials,
        HttpClient http,
        TimeProvider time,
        ILogger<OpenAiTranscriptionRecognizer> logger)
    {
        _builtIn = builtIn.ToDictionary(engine => engine.Vendor, StringComparer.Ordinal);
        _defaultVendor = defaultVendor;
        DefaultLanguage = defaultLanguage;
        _credentials = credentials;
        _http = http;
        _time = time;
        _logger = logger;
    }

    public string DefaultLanguage { get; }

    public async ValueTask<ISpeechRecognizer> ResolveAsync(string accountSid, string? vendor, string? label, CancellationToken cancellationToken)
    {
        vendor ??= _defaultVendor;
        if (vendor != RecognizerVendors.OpenAi)
        {
            return _builtIn.TryGetValue(vendor, out var engine)
                ? engine
                : throw new SpeechRecognitionException($"this server has no '{vendor}' speech recognizer");
        }

        var credential = await _credentials.FindAsync(accountSid, vendor, label, cancellationToken).ConfigureAwait(false)
            ?? throw new SpeechRecognitionException(label is null
                ? "the account has no openai speech credential (POST one to SpeechCredentials)"
                : $"the account has no openai speech credential labelled '{label}'");
        var options = new OpenAiTranscriptionOptions { ApiKey = credential.ApiKey };
        if (credential.BaseUrl is { } baseUrl)
        {
            options = options with { BaseUrl = new Uri(baseUrl) };
        }

        if (credential.Model is { } model)
        {
            options = options with { Model = model };
        }

        return new OpenAiTranscriptionRecognizer(_http, options, _time, _logger);
    }
}
