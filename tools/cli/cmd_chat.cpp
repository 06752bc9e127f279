// glassbox-cli chat MODEL --message TEXT [--db DB] [--conversation ID] [--parent MESSAGE_ID]
//                   [--system TEXT] [--title TEXT] [sampling flags as generate's] [--json]
// Appends the user message and the streamed reply to a conversation in the history database
// (a new conversation when no ID is given; under --parent, or at the end of the current branch).
// The branch so far is the prompt, rendered with the model's chat template (plain
// "User: …\nAssistant:" text when it has none or it fails), oldest turns dropped to fit.
// The reply is saved while it streams (incomplete until finished). Prints the reply as it comes,
// or with --json: {"conversation_id": …, "message_id": …, "reply": …}.
#include <QString>
#include <atomic>
#include <csignal>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "history/database_file.h"
#include "history/generation_capture.h"
#include "history/history_store.h"
#include "history/streaming_writer.h"
#include "json_out.h"
#include "model/model.h"
#include "model/session.h"
#include "sampling_flags.h"
#include "template/chat_template.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocab.h"

namespace cli {

namespace {

using namespace gb::history;

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted.store(true); }

// The plain prompt for a branch: "System: …\nUser: …\nAssistant: …\n…\nUser: …\nAssistant:".
std::string plainPrompt(const QList<Message>& turns) {
    std::string out;
    for (const Message& m : turns) {
        const char* label = m.role == Role::System ? "System" : m.role == Role::User ? "User" : "Assistant";
        out += std::string(label) + ": " + m.content.trimmed().toStdString() + "\n";
    }
    return out + "Assistant:";
}

struct Prompt {
    std::string text;
    QString format;                  // the template source, or "plain"
    std::vector<std::string> stops;  // what ends a reply besides the end-of-generation tokens
    std::string problem;             // why the model's template was not used
};

// The model's chat template when it has one and it renders; plain text otherwise.
Prompt renderPrompt(const gb::Model& model, const QList<Message>& turns) {
    Prompt p;
    const std::string source = model.chatTemplate();
    if (!source.empty()) {
        try {
            gb::ChatTemplateOptions opt;
            const gb::Vocab& v = model.tokenizer().vocab();
            if (v.valid(v.bos)) opt.bosToken = v.tokens[static_cast<size_t>(v.bos)];
            if (v.valid(v.eos)) opt.eosToken = v.tokens[static_cast<size_t>(v.eos)];
            std::vector<gb::ChatMessage> messages;
            for (const Message& m : turns) messages.push_back({roleName(m.role).toStdString(), m.content.toStdString()});
            p.text = gb::renderChatTemplate(source, messages, opt);
            // The tokenizer adds BOS itself: do not have it twice.
            if (!opt.bosToken.empty() && p.text.rfind(opt.bosToken, 0) == 0) p.text.erase(0, opt.bosToken.size());
            p.format = QString::fromStdString(source);
            return p;
        } catch (const gb::Error& e) {
            p.problem = e.what();
        }
    }
    p.text = plainPrompt(turns);
    p.format = QStringLiteral("plain");
    p.stops = {"\nUser:", "\nSystem:"};
    return p;
}

// Drops the oldest turns after the system prompt (so that a user turn comes first) until the
// prompt and the reply fit the context.
Prompt fitPrompt(QList<Message> turns, const gb::Model& model, int nCtx, int maxTokens) {
    const qsizetype keep = !turns.isEmpty() && turns.front().role == Role::System ? 1 : 0;
    Prompt p = renderPrompt(model, turns);
    while (turns.size() > keep + 1 &&
           static_cast<int>(model.tokenizer().encode(p.text, true, true).size()) + maxTokens > nCtx) {
        turns.removeAt(keep);
        while (turns.size() > keep + 1 && turns[keep].role != Role::User) turns.removeAt(keep);
        p = renderPrompt(model, turns);
    }
    return p;
}

QString defaultTitle(const QString& message) {
    QString t = message.simplified();
    return t.size() > 60 ? t.left(59) + QStringLiteral("…") : t;
}

qint64 optionalId(Args& a, const char* name) {
    const auto v = a.get(name);
    if (!v) return 0;
    bool ok = false;
    const qint64 id = QString::fromStdString(*v).toLongLong(&ok);
    if (!ok || id <= 0) throw UsageError(std::string(name) + " must be a positive number, not '" + *v + "'");
    return id;
}

}  // namespace

int cmdChat(const Argv& argv) {
    Args a(argv, runFlagNames());
    const std::string modelPath = a.positional(0, "MODEL");
    const auto message = a.get("--message");
    if (!message) throw UsageError("chat needs --message TEXT");
    const QString db = QString::fromStdString(a.get("--db", defaultDatabasePath().toStdString()));
    const qint64 conversationArg = optionalId(a, "--conversation");
    const qint64 parentArg = optionalId(a, "--parent");
    const auto system = a.get("--system");
    const auto title = a.get("--title");
    const bool json = a.flag("--json");
    RunFlags f = parseRunFlags(a);
    a.finish();
    if (parentArg && !conversationArg) throw UsageError("--parent needs --conversation");

    HistoryStore store(db);  // fails fast (corrupt, locked, read-only) before the model loads
    qint64 conversation = conversationArg, parent = parentArg;
    if (conversation) {
        store.conversation(conversation);  // NotFound names it
        if (!parent) {
            const QList<Message> branch = store.currentBranch(conversation);
            parent = branch.isEmpty() ? 0 : branch.back().id;
        }
    }

    auto model = gb::Model::load(modelPath);
    gb::Session session(model, {f.ctx, f.threads});

    const QString userText = QString::fromStdString(*message);
    if (!conversation) {
        conversation = store.createConversation(title ? QString::fromStdString(*title) : defaultTitle(userText));
        if (system) parent = store.addMessage(conversation, 0, Role::System, QString::fromStdString(*system));
    }
    const qint64 userId = store.addMessage(conversation, parent, Role::User, userText);

    const Prompt prompt = fitPrompt(store.pathTo(userId), *model, session.contextSize(), f.maxTokens);
    if (!prompt.problem.empty())
        std::fprintf(stderr, "warning: the model's chat template failed (%s); using plain User:/Assistant: text\n",
                     prompt.problem.c_str());
    gb::GenerationRequest req;
    req.prompt = prompt.text;
    req.maxTokens = f.maxTokens;
    req.sampling = f.sampling;
    req.stopStrings = f.stops;
    req.stopStrings.insert(req.stopStrings.end(), prompt.stops.begin(), prompt.stops.end());
    req.topAlternatives = f.topAlternatives;

    GenerationInfo info = startInfo(*model, f.sampling, f.maxTokens, prompt.format);
    StreamingWriter writer(store, conversation, userId, info);  // the reply's row appears with its first token
    std::string streamed;
    gb::GenerationCallbacks cb;
    cb.stop = &g_interrupted;
    cb.onToken = [&](const gb::GeneratedToken& t) {
        writer.append(QString::fromStdString(t.text));
        if (!json) {
            std::fwrite(t.text.data(), 1, t.text.size(), stdout);
            std::fflush(stdout);
        }
        streamed += t.text;
        return true;
    };
    auto previous = std::signal(SIGINT, onInterrupt);  // Ctrl-C ends the reply, which is then saved
    gb::GenerationResult r = gb::generate(session, req, cb);
    std::signal(SIGINT, previous);

    // The reply as the engine returns it (text held back for stop strings included); in the plain
    // format without the space that follows "Assistant:".
    QString reply = QString::fromStdString(r.text);
    if (prompt.format == QLatin1String("plain") && reply.startsWith(QLatin1Char(' '))) reply.remove(0, 1);
    addResult(info, r);
    writer.finish(info, reply);

    if (json) {
        printJson({{"conversation_id", conversation}, {"message_id", writer.messageId()}, {"reply", reply.toStdString()}});
    } else {
        if (r.text.size() > streamed.size() && r.text.compare(0, streamed.size(), streamed) == 0)
            std::fwrite(r.text.data() + streamed.size(), 1, r.text.size() - streamed.size(), stdout);
        std::printf("\n");
        std::fprintf(stderr, "[conversation %lld, message %lld; %d tokens at %.1f tok/s, stop: %s]\n",
                     static_cast<long long>(conversation), static_cast<long long>(writer.messageId()), r.timings.nGen,
                     r.timings.genTokS(), r.stopReason.c_str());
    }
    return 0;
}

}  // namespace cli
