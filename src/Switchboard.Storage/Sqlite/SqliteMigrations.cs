using Microsoft.Data.Sqlite;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// The schema, versioned in code: migration N runs once, when <c>PRAGMA user_version</c> is below N,
/// inside one transaction with the version bump, so a crash never leaves half a migration.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE accounts (
            sid        TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE api_keys (
            sid         TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            token_hash  BLOB NOT NULL UNIQUE,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE calls (
            sid          TEXT PRIMARY KEY,
            account_sid  TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            direction    TEXT NOT NULL,
            from_number  TEXT NOT NULL,
            to_target    TEXT NOT NULL,
            sip_call_id  TEXT,
            status       TEXT NOT NULL,
            sip_status   INTEGER,
            created_at   TEXT NOT NULL,
            answered_at  TEXT,
            ended_at     TEXT
        );
        CREATE INDEX calls_account ON calls(account_sid, created_at);
        CREATE TABLE call_events (
            call_sid TEXT NOT NULL REFERENCES calls(sid) ON DELETE CASCADE,
            seq      INTEGER NOT NULL,
            at       TEXT NOT NULL,
            name     TEXT NOT NULL,
            detail   TEXT,
            PRIMARY KEY (call_sid, seq)
        );
        """,
        // 2: key scopes and the account resources of the Calls API dialect. Every key stored before this
        // migration was made by the server at start (there was no API to make others), so each becomes admin.
        """
        ALTER TABLE api_keys ADD COLUMN scope TEXT NOT NULL DEFAULT 'account';
        UPDATE api_keys SET scope = 'admin';
        CREATE INDEX api_keys_account ON api_keys(account_sid);
        CREATE UNIQUE INDEX accounts_name ON accounts(name);
        CREATE TABLE applications (
            sid                       TEXT PRIMARY KEY,
            account_sid               TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            name                      TEXT NOT NULL,
            call_hook_url             TEXT NOT NULL,
            call_hook_method          TEXT NOT NULL,
            call_hook_username        TEXT,
            call_hook_password        TEXT,
            call_status_hook_url      TEXT,
            call_status_hook_method   TEXT,
            call_status_hook_username TEXT,
            call_status_hook_password TEXT,
            speech_synthesis_vendor   TEXT,
            speech_synthesis_voice    TEXT,
            speech_synthesis_language TEXT,
            record_all_calls          INTEGER NOT NULL,
            created_at                TEXT NOT NULL
        );
        CREATE INDEX applications_account ON applications(account_sid);
        CREATE TABLE voip_carriers (
            sid                TEXT PRIMARY KEY,
            account_sid        TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            name               TEXT NOT NULL,
            host               TEXT NOT NULL,
            port               INTEGER NOT NULL,
            transport          TEXT NOT NULL,
            username           TEXT,
            password           TEXT,
            register           INTEGER NOT NULL,
            tech_prefix        TEXT,
            e164_leading_plus  INTEGER NOT NULL,
            inbound_allow_list TEXT NOT NULL,
            created_at         TEXT NOT NULL,
            UNIQUE (account_sid, name)
        );
        CREATE TABLE phone_numbers (
            sid              TEXT PRIMARY KEY,
            account_sid      TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            number           TEXT NOT NULL,
            number_key       TEXT NOT NULL UNIQUE,
            application_sid  TEXT REFERENCES applications(sid),
            voip_carrier_sid TEXT REFERENCES voip_carriers(sid),
            created_at       TEXT NOT NULL
        );
        CREATE INDEX phone_numbers_account ON phone_numbers(account_sid);
        CREATE INDEX phone_numbers_application ON phone_numbers(application_sid);
        CREATE INDEX phone_numbers_carrier ON phone_numbers(voip_carrier_sid);
        CREATE TABLE clients (
            sid         TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            username    TEXT NOT NULL UNIQUE,
            realm       TEXT NOT NULL,
            md5_ha1     BLOB NOT NULL,
            sha256_ha1  BLOB NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX clients_account ON clients(account_sid);
        """,
        // 3: what a call belongs to: its application, the call that dialled it, the caller's name.
        """
        ALTER TABLE calls ADD COLUMN application_sid TEXT;
        ALTER TABLE calls ADD COLUMN parent_call_sid TEXT;
        ALTER TABLE calls ADD COLUMN caller_name TEXT;
        CREATE INDEX calls_parent ON calls(parent_call_sid);
        """,
        // 4: recordings (record verb, record_all_calls); the audio is a file named by the sid, the row says what it holds.
        """
        CREATE TABLE recordings (
            sid         TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            call_sid    TEXT NOT NULL,
            source      TEXT NOT NULL,
            status      TEXT NOT NULL,
            reason      TEXT,
            channels    INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            size        INTEGER NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX recordings_account ON recordings(account_sid);
        CREATE INDEX recordings_call ON recordings(call_sid);
        """,
        // 5: webhooks you can trust. Each account's signing secret (and the one a rotation replaced); the durable
        // outbox, where every webhook is written before it is sent and stays until delivered (deleted) or given
        // up (state 'failed', listed by the API); the calls whose final status is still owed (a row lives from the
        // call's first event until its final status is in the outbox, so a crash in between is found at start);
        // the answers to create requests that carried an Idempotency-Key; and a fallback URL on application hooks.
        """
        CREATE TABLE webhook_secrets (
            account_sid     TEXT PRIMARY KEY REFERENCES accounts(sid) ON DELETE CASCADE,
            secret          TEXT NOT NULL,
            previous_secret TEXT,
            rotated_at      TEXT,
            created_at      TEXT NOT NULL
        );
        CREATE TABLE webhook_outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            account_sid     TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            call_sid        TEXT NOT NULL,
            event           TEXT NOT NULL,
            url             TEXT NOT NULL,
            method          TEXT NOT NULL,
            username        TEXT,
            password        TEXT,
            fallback_url    TEXT,
            body            BLOB NOT NULL,
            created_at      TEXT NOT NULL,
            state           TEXT NOT NULL DEFAULT 'pending',
            attempts        INTEGER NOT NULL DEFAULT 0,
            first_attempt_at TEXT,
            next_attempt_at TEXT,
            last_error      TEXT,
            gave_up_at      TEXT
        );
        CREATE INDEX webhook_outbox_pending ON webhook_outbox(state, call_sid, id);
        CREATE INDEX webhook_outbox_account ON webhook_outbox(account_sid, state, id);
        CREATE TABLE webhook_calls (
            call_sid    TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            dialect     TEXT NOT NULL,
            sink_state  TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE idempotency_keys (
            account_sid  TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            scope        TEXT NOT NULL,
            key          TEXT NOT NULL,
            request_hash BLOB NOT NULL,
            status       INTEGER,
            content_type TEXT,
            body         BLOB,
            created_at   TEXT NOT NULL,
            PRIMARY KEY (account_sid, scope, key)
        );
        CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
        ALTER TABLE applications ADD COLUMN call_hook_fallback_url TEXT;
        ALTER TABLE applications ADD COLUMN call_status_hook_fallback_url TEXT;
        """,
        // 6: callback sessions (two legs connected); the legs are rows of calls, the session says how they went.
        """
        CREATE TABLE callback_sessions (
            sid           TEXT PRIMARY KEY,
            account_sid   TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            mode          TEXT NOT NULL,
            first_leg     TEXT NOT NULL,
            leg_a_sid     TEXT NOT NULL,
            leg_a_to      TEXT NOT NULL,
            leg_a_from    TEXT NOT NULL,
            leg_b_sid     TEXT NOT NULL,
            leg_b_to      TEXT NOT NULL,
            leg_b_from    TEXT NOT NULL,
            status        TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            failed_leg    TEXT,
            reason        TEXT,
            recording_sid TEXT,
            bridged_at    TEXT,
            ended_at      TEXT
        );
        CREATE INDEX callback_sessions_account ON callback_sessions(account_sid, created_at);
        """,
        // 7: speech recognition. Each account's credentials for the engines (a key, where the engine is, its model),
        // one per vendor and label, the unlabelled one counted once; and an application's recognizer defaults.
        """
        CREATE TABLE speech_credentials (
            sid         TEXT PRIMARY KEY,
            account_sid TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            vendor      TEXT NOT NULL,
            label       TEXT,
            api_key     TEXT,
            base_url    TEXT,
            model       TEXT,
            use_for_stt INTEGER NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX speech_credentials_label ON speech_credentials(account_sid, vendor, ifnull(label, ''));
        ALTER TABLE applications ADD COLUMN speech_recognizer_vendor TEXT;
        ALTER TABLE applications ADD COLUMN speech_recognizer_language TEXT;
        ALTER TABLE applications ADD COLUMN speech_recognizer_label TEXT;
        """,
        // 8: a number answered by an event/action callback URL instead of an application.
        """
        ALTER TABLE phone_numbers ADD COLUMN callback_url TEXT;
        """,
        // 9: escalations (a Conversation API extension): the request to rebuild the plan from, where it stands, and
        // each attempt (one call) with how it ended.
        """
        CREATE TABLE escalations (
            sid             TEXT PRIMARY KEY,
            account_sid     TEXT NOT NULL REFERENCES accounts(sid) ON DELETE CASCADE,
            request         TEXT NOT NULL,
            state           TEXT NOT NULL,
            outcome         TEXT,
            next_attempt_at TEXT,
            created_at      TEXT NOT NULL,
            ended_at        TEXT
        );
        CREATE INDEX escalations_state ON escalations(state, created_at);
        CREATE TABLE escalation_attempts (
            escalation_sid  TEXT NOT NULL REFERENCES escalations(sid) ON DELETE CASCADE,
            number          INTEGER NOT NULL,
            recipient_index INTEGER NOT NULL,
            recipient       TEXT NOT NULL,
            attempt         INTEGER NOT NULL,
            call_sid        TEXT NOT NULL,
            result          TEXT,
            started_at      TEXT NOT NULL,
            ended_at        TEXT,
            PRIMARY KEY (escalation_sid, number)
        );
        """,
        // 10: a call's timeline. Every attempt of every webhook (delivered or not) with what it came to and the start of
        // both bodies, pruned after a retention period (WebhookOptions.AttemptRetention); why a call ended and who hung up;
        // the call's application data (its tag, as JSON) so lists can filter by it.
        """
        CREATE TABLE webhook_attempts (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            call_sid    TEXT NOT NULL,
            account_sid TEXT REFERENCES accounts(sid) ON DELETE CASCADE,
            kind        TEXT NOT NULL,
            url         TEXT NOT NULL,
            method      TEXT NOT NULL,
            attempt     INTEGER NOT NULL,
            status_code INTEGER,
            error       TEXT,
            latency_ms  INTEGER NOT NULL,
            request_body TEXT,
            answer_body TEXT,
            started_at  TEXT NOT NULL
        );
        CREATE INDEX webhook_attempts_call ON webhook_attempts(call_sid, id);
        CREATE INDEX webhook_attempts_started ON webhook_attempts(started_at);
        ALTER TABLE calls ADD COLUMN end_reason TEXT;
        ALTER TABLE calls ADD COLUMN hangup_by TEXT;
        ALTER TABLE calls ADD COLUMN tag TEXT;
        """,
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
