namespace Slipway.Core.Runs;

/// <summary>The SQLite schema of the run store, versioned through <c>PRAGMA user_version</c>.</summary>
internal static class RunStoreSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            syntax        TEXT NOT NULL,
            pipeline_path TEXT NOT NULL,
            pipeline_name TEXT NOT NULL,
            event         TEXT,
            branch        TEXT,
            commit_sha    TEXT,
            build_number  TEXT,
            state         TEXT NOT NULL,
            result        TEXT,
            owner_pid     INTEGER NOT NULL,
            started_at    TEXT NOT NULL,
            finished_at   TEXT
        );
        CREATE TABLE IF NOT EXISTS records (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            parent_id    INTEGER REFERENCES records(id) ON DELETE CASCADE,
            kind         TEXT NOT NULL,
            identifier   TEXT NOT NULL,
            display_name TEXT NOT NULL,
            ord          INTEGER NOT NULL,
            state        TEXT NOT NULL,
            result       TEXT,
            started_at   TEXT,
            finished_at  TEXT,
            exit_code    INTEGER,
            log_path     TEXT
        );
        CREATE INDEX IF NOT EXISTS records_by_run ON records(run_id, ord);
        CREATE TABLE IF NOT EXISTS issues (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            record_id INTEGER REFERENCES records(id) ON DELETE CASCADE,
            type      TEXT NOT NULL,
            message   TEXT NOT NULL,
            file      TEXT,
            line      INTEGER,
            col       INTEGER,
            code      TEXT
        );
        CREATE TABLE IF NOT EXISTS outputs (
            run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            name      TEXT NOT NULL,
            value     TEXT NOT NULL,
            PRIMARY KEY (record_id, name)
        );
        """;
}
