using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>
/// The <c>multipart/form-data</c> body of OpenAI's "Create transcription" (RFC 7578): the utterance as
/// <c>file</c>, then <c>model</c>, <c>language</c>, <c>prompt</c> and <c>response_format</c>. Text parts carry no
/// Content-Type of their own (RFC 7578 §4.4: text/plain is implied), as browsers and curl send them.
/// </summary>
internal static class TranscriptionForm
{
    public const string FileName = "utterance.wav";

    /// <summary>Whisper is biased toward the words of its prompt: the hints, as a list.</summary>
    public const string HintSeparator = ", ";

    public static MultipartFormDataContent Create(ReadOnlySpan<short> utterance, RecognitionRequest request, string model)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(UtteranceWav.Encode(utterance));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");

        // Set by hand: MultipartFormDataContent.Add would also write filename*=utf-8'', which some servers' parsers reject.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{FileName}\"" };
        form.Add(file);
        Add(form, "model", model);
        if (Iso639Language(request.Language) is { } language)
        {
            Add(form, "language", language);
        }

        var hints = request.Hints.Where(hint => !string.IsNullOrWhiteSpace(hint)).Select(hint => hint.Trim()).ToArray();
        if (hints.Length > 0)
        {
            Add(form, "prompt", string.Join(HintSeparator, hints));
        }

        Add(form, "response_format", "json");
        return form;
    }

    /// <summary>
    /// The ISO 639-1 code Whisper takes: the primary subtag of a BCP 47 tag (RFC 5646 §2.2.1), <c>en-US</c> →
    /// <c>en</c>. Null when the tag has no two-letter primary subtag (<c>yue</c>, <c>und</c>, empty): the engine
    /// then detects the language itself.
    /// </summary>
    public static string? Iso639Language(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0];
        return primary.Length == 2 && char.IsAsciiLetter(primary[0]) && char.IsAsciiLetter(primary[1]) ? primary.ToLowerInvariant() : null;
    }

    private static void Add(MultipartFormDataContent form, string name, string value)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
        form.Add(part);
    }
}
