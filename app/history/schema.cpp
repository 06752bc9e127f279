// The schema, version by version. Times are milliseconds since the epoch (UTC); booleans 0/1.
#include "schema.h"

#include <QList>

namespace gb::history {

namespace {

// Version 1: conversations and a message tree.
const QStringList kV1 = {
    QStringLiteral("CREATE TABLE conversations ("
                   " id INTEGER PRIMARY KEY,"
                   " title TEXT NOT NULL DEFAULT '',"
                   " created_at INTEGER NOT NULL,"
                   " updated_at INTEGER NOT NULL)"),
    QStringLiteral("CREATE TABLE messages ("
                   " id INTEGER PRIMARY KEY,"
                   " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
                   " parent_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,"
                   " role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),"
                   " content TEXT NOT NULL DEFAULT '',"
                   " created_at INTEGER NOT NULL)"),
    QStringLiteral("CREATE INDEX messages_conversation ON messages(conversation_id)"),
    QStringLiteral("CREATE INDEX messages_parent ON messages(parent_id)"),
};

// Version 2: pin/folder/tags, the shown branch, streaming state, what reproduces a reply.
const QStringList kV2 = {
    QStringLiteral("ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("ALTER TABLE conversations ADD COLUMN folder TEXT NOT NULL DEFAULT ''"),
    QStringLiteral("ALTER TABLE conversations ADD COLUMN current_leaf_id INTEGER"
                   " REFERENCES messages(id) ON DELETE SET NULL"),
    QStringLiteral("CREATE INDEX conversations_order ON conversations(pinned DESC, updated_at DESC)"),
    QStringLiteral("CREATE TABLE conversation_tags ("
                   " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
                   " tag TEXT NOT NULL,"
                   " PRIMARY KEY (conversation_id, tag)) WITHOUT ROWID"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("UPDATE messages SET updated_at = created_at"),
    QStringLiteral("ALTER TABLE messages ADD COLUMN complete INTEGER NOT NULL DEFAULT 1"),
    QStringLiteral("CREATE TABLE chat_templates (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)"),
    QStringLiteral("CREATE TABLE generations ("
                   " message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
                   " model_file TEXT NOT NULL DEFAULT '',"
                   " model_hash TEXT NOT NULL DEFAULT '',"
                   " architecture TEXT NOT NULL DEFAULT '',"
                   " sampler TEXT NOT NULL DEFAULT '{}',"  // JSON object
                   " seed INTEGER NOT NULL DEFAULT 0,"     // uint64, bit for bit
                   " template_id INTEGER REFERENCES chat_templates(id),"
                   " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                   " gen_tokens INTEGER NOT NULL DEFAULT 0,"
                   " prompt_tok_s REAL NOT NULL DEFAULT 0,"
                   " gen_tok_s REAL NOT NULL DEFAULT 0,"
                   " stop_reason TEXT NOT NULL DEFAULT '',"
                   " tokens BLOB)"),  // token_blob.h
};

// Version 3: full-text search (trigram: finds any substring of 3+ characters in any script)
// and inspection snapshots.
const QStringList kV3 = {
    QStringLiteral("CREATE TABLE inspections ("
                   " message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
                   " format TEXT NOT NULL DEFAULT '',"
                   " data BLOB NOT NULL)"),  // qCompress'd
    QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5("
                   "content, content='messages', content_rowid='id', tokenize='trigram')"),
    QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
                   " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END"),
    QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
                   " INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
                   " END"),
    QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN"
                   " INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
                   " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END"),
    QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"),
};

// Version 4: the prompt lab (app/lab/lab_store.h): user prompt templates and saved runs. A
// template's and a run's full contents are JSON documents (`data`, `spec`, `results`); the other
// columns are what lists show and sort by.
const QStringList kV4 = {
    QStringLiteral("CREATE TABLE lab_templates ("
                   " id INTEGER PRIMARY KEY,"
                   " uid TEXT NOT NULL UNIQUE,"           // the template's id ("user-…")
                   " name TEXT NOT NULL DEFAULT '',"
                   " language TEXT NOT NULL DEFAULT '',"
                   " kind TEXT NOT NULL DEFAULT '',"
                   " data TEXT NOT NULL DEFAULT '{}',"    // JSON object (body, examples, …)
                   " created_at INTEGER NOT NULL,"
                   " updated_at INTEGER NOT NULL)"),
    QStringLiteral("CREATE TABLE lab_runs ("
                   " id INTEGER PRIMARY KEY,"
                   " created_at INTEGER NOT NULL,"
                   " mode TEXT NOT NULL CHECK (mode IN ('compare', 'batch')),"
                   " title TEXT NOT NULL DEFAULT '',"
                   " model_file TEXT NOT NULL DEFAULT '',"
                   " model_hash TEXT NOT NULL DEFAULT '',"
                   " seed INTEGER NOT NULL DEFAULT 0,"    // uint64, bit for bit
                   " spec TEXT NOT NULL DEFAULT '{}',"    // JSON: everything a re-run needs
                   " results TEXT NOT NULL DEFAULT '{}')"),  // JSON: outputs, log-probs, scores
    QStringLiteral("CREATE INDEX lab_runs_created ON lab_runs(created_at DESC)"),
};

const QList<QStringList>& steps() {
    static const QList<QStringList> s = {kV1, kV2, kV3, kV4};
    return s;
}

}  // namespace

int latestSchemaVersion() { return static_cast<int>(steps().size()); }

const QStringList& migrationStep(int fromVersion) { return steps().at(fromVersion); }

}  // namespace gb::history
