// Test helper for the history store, run by test_history_kill and test_history_faults.
//   kill_writer stream DB INTERVAL_MS   streams replies into DB forever (until killed): each
//                                       round a new conversation with a user message and a reply
//                                       written token by token through a StreamingWriter
//   kill_writer probe DB                opens DB and adds a conversation; prints "ok" (exit 0) or
//                                       "error KIND MESSAGE" (exit 3)
#include <QCoreApplication>
#include <QThread>
#include <cstdio>

#include "history/history_store.h"
#include "history/streaming_writer.h"
#include "kill_protocol.h"

using namespace gb::history;

namespace {

int stream(const QString& path, int intervalMs) {
    HistoryStore store(path);
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;) {
        const int i = static_cast<int>(store.conversations().size());
        const qint64 c = store.createConversation(QStringLiteral("conversation %1").arg(i));
        const qint64 u = store.addMessage(c, 0, Role::User, killtest::userText(i));
        GenerationInfo info;
        info.modelFile = QStringLiteral("kill-test.gguf");
        info.seed = static_cast<quint64>(i);
        StreamingWriter writer(store, c, u, info, intervalMs);
        const QStringList tokens = killtest::replyTokens(i);
        for (int k = 0; k < tokens.size(); ++k) {
            writer.append(tokens[k]);
            info.tokens.push_back({k, 0.5f});
            if (k % 4 == 0) QThread::usleep(300);
        }
        info.stopReason = QStringLiteral("eos");
        info.genTokens = static_cast<int>(tokens.size());
        writer.finish(info);
    }
}

int probe(const QString& path) {
    try {
        HistoryStore store(path);
        store.createConversation(QStringLiteral("probe"));
        std::printf("ok\n");
        return 0;
    } catch (const HistoryError& e) {
        std::printf("error %s %s\n", HistoryError::kindName(e.kind()), e.what());
        return 3;
    }
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    try {
        if (args.size() == 4 && args[1] == QLatin1String("stream")) return stream(args[2], args[3].toInt());
        if (args.size() == 3 && args[1] == QLatin1String("probe")) return probe(args[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: kill_writer stream DB INTERVAL_MS | probe DB\n");
    return 2;
}
