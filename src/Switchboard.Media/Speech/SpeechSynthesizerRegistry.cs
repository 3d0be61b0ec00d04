using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Speech;

/// <summary>
/// The speech engines by vendor name (case-insensitive), and the one used when a request names none
/// (or <c>default</c>). An unknown vendor is an <see cref="UnknownSpeechVendorException"/>, never a silent
/// substitute: a caller who asked for a cloud voice should learn it is not configured.
/// </summary>
public sealed class SpeechSynthesizerRegistry
{
    private readonly FrozenDictionary<string, ISpeechSynthesizer> _byVendor;
    private readonly ISpeechSynthesizer _default;

    /// <param name="synthesizers">The engines; vendor names must be unique.</param>
    /// <param name="defaultVendor">The engine for requests that name none; null for the first one.</param>
    public SpeechSynthesizerRegistry(IEnumerable<ISpeechSynthesizer> synthesizers, string? defaultVendor = null)
    {
        ArgumentNullException.ThrowIfNull(synthesizers);
        var byVendor = new Dictionary<string, ISpeechSynthesizer>(StringComparer.OrdinalIgnoreCase);
        ISpeechSynthesizer? first = null;
        foreach (var synthesizer in synthesizers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(synthesizer.Vendor, nameof(synthesizers));
            if (!byVendor.TryAdd(synthesizer.Vendor, synthesizer))
            {
                throw new ArgumentException($"Two speech synthesizers claim vendor '{synthesizer.Vendor}'.", nameof(synthesizers));
            }

            first ??= synthesizer;
        }

        _byVendor = byVendor.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Vendors = [.. byVendor.Keys];
        _default = defaultVendor is null
            ? first ?? throw new ArgumentException("At least one speech synthesizer is needed.", nameof(synthesizers))
            : _byVendor.GetValueOrDefault(defaultVendor) ?? throw new UnknownSpeechVendorException(defaultVendor, Vendors);
    }

    /// <summary>The registered vendor names, in registration order.</summary>
    public IReadOnlyList<string> Vendors { get; }

    /// <summary>The vendor used when a request names none.</summary>
    public string DefaultVendor => _default.Vendor;

    /// <summary>The engine for <paramref name="vendor"/>; null, empty or <c>default</c> give the default engine.</summary>
    public bool TryGet(string? vendor, [NotNullWhen(true)] out ISpeechSynthesizer? synthesizer)
    {
        if (string.IsNullOrWhiteSpace(vendor) || vendor.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            synthesizer = _default;
            return true;
        }

        return _byVendor.TryGetValue(vendor.Trim(), out synthesizer);
    }

    /// <exception cref="UnknownSpeechVendorException">No engine is registered for <paramref name="vendor"/>.</exception>
    public ISpeechSynthesizer Get(string? vendor) =>
        TryGet(vendor, out var synthesizer) ? synthesizer : throw new UnknownSpeechVendorException(vendor!, Vendors);

    /// <summary>Speaks <paramref name="request"/> with the engine its <see cref="SpeechRequest.Vendor"/> names.</summary>
    /// <exception cref="UnknownSpeechVendorException">No engine is registered for the vendor.</exception>
    /// <exception cref="SpeechSynthesisException">The engine failed.</exception>
    public ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get(request.Vendor).SynthesizeAsync(request, cancellationToken);
    }
}
