// Fuzz target: importing a history JSON file. A malformed file must be refused as a whole
// (HistoryError naming the problem) and leave the database intact.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
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
    if (size > 1 << 16) return 0;
    try {
        gb::history::importJson(*store, QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    } catch (const gb::history::HistoryError&) {
    }
    return 0;
}
