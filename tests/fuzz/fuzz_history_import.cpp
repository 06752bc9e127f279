// Fuzz target: importing a history JSON file. A malformed file must be refused as a whole
// (HistoryError naming the problem) and leave the database intact; what a valid one writes must
// read back and delete cleanly.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdint>
#include <memory>

#include "history/history_error.h"
#include "history/history_import.h"
#include "history/history_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_history_import";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static QTemporaryDir dir;
    static auto store = std::make_unique<gb::history::HistoryStore>(dir.filePath("fuzz.sqlite"));
    static const bool fast = [] {  // no fsync per commit: the fuzzer is not testing durability
        QSqlQuery q(store->database());
        return q.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    }();
    (void)fast;
    if (size > 1 << 16) return 0;
    QList<qint64> imported;
    try {
        imported = gb::history::importJson(*store, QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    } catch (const gb::history::HistoryError&) {
        return 0;
    }
    // What an import wrote can be read back and deleted (this also keeps the database small, so
    // that every run costs the same). A HistoryError here escapes: a finding.
    for (qint64 id : imported) {
        store->messages(id);
        store->deleteConversation(id);
    }
    return 0;
}
