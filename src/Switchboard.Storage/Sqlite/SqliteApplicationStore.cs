using Microsoft.Data.Sqlite;
using Switchboard.Storage.Applications;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IApplicationStore"/> on the embedded database; each hook is five columns.</summary>
public sealed class SqliteApplicationStore(SqliteDatabase database)
    : SqliteResourceStore<ApplicationRecord>(database, "applications", Columns, Read, referencesMeanInUse: true), IApplicationStore
{
    private const string Columns = """
        sid, account_sid, name,
        call_hook_url, call_hook_method, call_hook_username, call_hook_password,
        call_status_hook_url, call_status_hook_method, call_status_hook_username, call_status_hook_password,
        speech_synthesis_vendor, speech_synthesis_voice, speech_synthesis_language, record_all_calls, created_at,
        call_hook_fallback_url, call_status_hook_fallback_url,
        speech_recognizer_vendor, speech_recognizer_language, speech_recognizer_label
        """;

    private const string InsertStatement = $"""
        INSERT INTO applications ({Columns}) VALUES (
            $sid, $account, $name, $hookUrl, $hookMethod, $hookUser, $hookPassword,
            $statusUrl, $statusMethod, $statusUser, $statusPassword, $vendor, $voice, $language, $record, $created,
            $hookFallback, $statusFallback, $recognizerVendor, $recognizerLanguage, $recognizerLabel)
        """;

    private const string UpdateStatement = """
        UPDATE applications SET name = $name,
            call_hook_url = $hookUrl, call_hook_method = $hookMethod, call_hook_username = $hookUser, call_hook_password = $hookPassword,
            call_status_hook_url = $statusUrl, call_status_hook_method = $statusMethod,
            call_status_hook_username = $statusUser, call_status_hook_password = $statusPassword,
            speech_synthesis_vendor = $vendor, speech_synthesis_voice = $voice, speech_synthesis_language = $language,
            record_all_calls = $record, call_hook_fallback_url = $hookFallback, call_status_hook_fallback_url = $statusFallback,
            speech_recognizer_vendor = $recognizerVendor, speech_recognizer_language = $recognizerLanguage,
            speech_recognizer_label = $recognizerLabel
        WHERE sid = $sid AND account_sid = $account
        """;

    public Task CreateAsync(ApplicationRecord application, CancellationToken cancellationToken) => ExecuteAsync(
        InsertStatement,
        insert =>
        {
            Bind(insert, application);
            insert.Bind("$created", SqliteValues.FormatTime(application.CreatedAt));
        },
        cancellationToken);

    public async Task<WriteOutcome> UpdateAsync(ApplicationRecord application, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpdateStatement, update => Bind(update, application), cancellationToken).ConfigureAwait(false) > 0
            ? WriteOutcome.Done
            : WriteOutcome.NotFound;

    private static void Bind(SqliteCommand command, ApplicationRecord application)
    {
        command.Bind("$sid", application.Sid);
        command.Bind("$account", application.AccountSid);
        command.Bind("$name", application.Name);
        command.Bind("$hookUrl", application.CallHook.Url);
        command.Bind("$hookMethod", application.CallHook.Method);
        command.Bind("$hookUser", application.CallHook.Username);
        command.Bind("$hookPassword", application.CallHook.Password);
        command.Bind("$hookFallback", application.CallHook.FallbackUrl);
        command.Bind("$statusFallback", application.CallStatusHook?.FallbackUrl);
        command.Bind("$statusUrl", application.CallStatusHook?.Url);
        command.Bind("$statusMethod", application.CallStatusHook?.Method);
        command.Bind("$statusUser", application.CallStatusHook?.Username);
        command.Bind("$statusPassword", application.CallStatusHook?.Password);
        command.Bind("$vendor", application.SpeechSynthesisVendor);
        command.Bind("$voice", application.SpeechSynthesisVoice);
        command.Bind("$language", application.SpeechSynthesisLanguage);
        command.Bind("$recognizerVendor", application.SpeechRecognizerVendor);
        command.Bind("$recognizerLanguage", application.SpeechRecognizerLanguage);
        command.Bind("$recognizerLabel", application.SpeechRecognizerLabel);
        command.Bind("$record", application.RecordAllCalls);
    }

    private static ApplicationRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        ReadHook(reader, 3, 16)!,
        ReadHook(reader, 7, 17),
        reader.NullableString(11),
        reader.NullableString(12),
        reader.NullableString(13),
        reader.NullableString(18),
        reader.NullableString(19),
        reader.NullableString(20),
        reader.GetBoolean(14),
        reader.GetTime(15));

    private static WebhookTarget? ReadHook(SqliteDataReader reader, int offset, int fallbackOrdinal) => reader.IsDBNull(offset)
        ? null
        : new WebhookTarget(reader.GetString(offset), reader.GetString(offset + 1), reader.NullableString(offset + 2), reader.NullableString(offset + 3))
        {
            FallbackUrl = reader.NullableString(fallbackOrdinal),
        };
}
