#include "prompt_builder.h"

#include <QRegularExpression>

#include "model/model.h"
#include "template/chat_template.h"
#include "tokenizer/tokenizer.h"

namespace gb::lab {

namespace {

void append(QList<PromptSegment>& out, PromptPart part, const QString& text) {
    if (text.isEmpty()) return;
    if (!out.isEmpty() && out.back().part == part)
        out.back().text += text;
    else
        out.push_back({part, text});
}

QString joined(const QList<PromptSegment>& segs) {
    QString s;
    for (const PromptSegment& seg : segs) s += seg.text;
    return s;
}

// The segments of [from, from + length) of their joined text.
QList<PromptSegment> clip(const QList<PromptSegment>& segs, int from, int length) {
    QList<PromptSegment> out;
    int at = 0;
    const int to = from + length;
    for (const PromptSegment& seg : segs) {
        const int a = std::max(at, from), b = std::min(at + static_cast<int>(seg.text.size()), to);
        if (a < b) append(out, seg.part, seg.text.mid(a - at, b - a));
        at += static_cast<int>(seg.text.size());
    }
    return out;
}

QString renderExamplesFor(const PromptTemplate& t) {
    try {
        return renderExamples(t);
    } catch (const TemplateVariableError& e) {
        throw TemplateVariableError(e.kind(), QStringLiteral("example format: %1").arg(e.message()), e.names(), e.line(),
                                    e.column());
    }
}

// "A\n\n{{examples}}\n\nQ" -> "A\n\nQ"; at the start or the end of the text it leaves nothing.
QString withoutEmptyExamples(const QString& body) {
    static const QRegularExpression re(QStringLiteral("(\\n*)\\{\\{ *examples *\\}\\}(\\n*)"));
    QString out;
    qsizetype at = 0;
    for (auto it = re.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += body.mid(at, m.capturedStart() - at);
        const bool edge = m.capturedStart() == 0 || m.capturedEnd() == body.size();
        if (!edge) out += QString(std::max(m.capturedLength(1), m.capturedLength(2)), u'\n');
        at = m.capturedEnd();
    }
    return out + body.mid(at);
}

struct Message {
    std::string role;
    QList<PromptSegment> segments;
};

// Renders the messages with the chat template and tags the result: each message's text keeps
// its parts, everything the template adds around them is markup. Throws gb::TemplateError.
void renderChat(const QList<Message>& messages, const ChatContext& chat, BuiltPrompt& p) {
    std::vector<ChatMessage> list;
    for (const Message& m : messages) list.push_back({m.role, joined(m.segments).toStdString()});
    ChatTemplateOptions opt;
    opt.bosToken = chat.bos;
    opt.eosToken = chat.eos;
    opt.addGenerationPrompt = true;
    const QString rendered = QString::fromStdString(renderChatTemplate(chat.source, list, opt));
    QList<PromptSegment> out;
    int cursor = 0;
    for (const Message& m : messages) {
        const QString content = joined(m.segments);
        QString used = content;
        int offset = 0;
        int found = rendered.indexOf(used, cursor);
        if (found < 0) {  // templates often trim the content
            used = content.trimmed();
            offset = static_cast<int>(content.indexOf(used));
            found = used.isEmpty() ? -1 : static_cast<int>(rendered.indexOf(used, cursor));
        }
        if (found < 0) {
            p.warnings << QStringLiteral("the chat template changes the %1 message; its tokens are counted as markup")
                              .arg(QString::fromStdString(m.role));
            continue;
        }
        append(out, PromptPart::Markup, rendered.mid(cursor, found - cursor));
        for (const PromptSegment& seg : clip(m.segments, offset, static_cast<int>(used.size())))
            append(out, seg.part, seg.text);
        cursor = found + static_cast<int>(used.size());
    }
    append(out, PromptPart::Markup, rendered.mid(cursor));
    p.text = rendered;
    p.segments = out;
    p.chatTemplateUsed = true;
}

}  // namespace

QString chatWrapKey(ChatWrap w) {
    switch (w) {
    case ChatWrap::None: return QStringLiteral("none");
    case ChatWrap::Message: return QStringLiteral("message");
    case ChatWrap::ExamplesAsTurns: return QStringLiteral("examples-as-turns");
    }
    return {};
}

bool chatWrapFromKey(const QString& key, ChatWrap* out) {
    for (ChatWrap w : {ChatWrap::None, ChatWrap::Message, ChatWrap::ExamplesAsTurns})
        if (chatWrapKey(w) == key) {
            *out = w;
            return true;
        }
    return false;
}

ChatContext chatContextOf(const gb::Model& model) {
    ChatContext c;
    c.source = model.chatTemplate();
    const Vocab& v = model.tokenizer().vocab();
    if (v.valid(v.bos)) c.bos = v.tokens[static_cast<size_t>(v.bos)];
    if (v.valid(v.eos)) c.eos = v.tokens[static_cast<size_t>(v.eos)];
    return c;
}

BuiltPrompt buildPrompt(const PromptTemplate& t, const PromptInput& in, ChatWrap wrap, const ChatContext& chat) {
    const bool useChat = wrap != ChatWrap::None && chat.available();
    const bool asTurns = useChat && wrap == ChatWrap::ExamplesAsTurns;
    QMap<QString, QString> values = in.variables;
    values[QStringLiteral("question")] = in.question;
    values[QStringLiteral("input")] = in.question;
    values[QStringLiteral("examples")] = asTurns ? QString() : renderExamplesFor(t);
    const QMap<QString, PromptPart> partOf = {{QStringLiteral("question"), PromptPart::User},
                                              {QStringLiteral("input"), PromptPart::User},
                                              {QStringLiteral("examples"), PromptPart::Examples}};
    // No examples (none given, or they are chat turns): {{examples}} goes with its blank lines.
    const QString body = values[QStringLiteral("examples")].isEmpty() ? withoutEmptyExamples(t.body) : t.body;
    const Substitution user = substitute(body, values, partOf, PromptPart::User);

    BuiltPrompt p;
    for (const QString& name : user.unused)
        p.warnings << QStringLiteral("a value for “%1” is given but the template does not use {{%1}}").arg(name);
    if (wrap != ChatWrap::None && !chat.available())
        p.chatTemplateError = QStringLiteral("the model has no chat template; the plain prompt is used");
    if (useChat) {
        QList<Message> messages;
        if (!t.system.isEmpty()) messages.push_back({"system", {{PromptPart::System, t.system}}});
        if (asTurns) {
            for (const Example& e : t.examples) {
                QMap<QString, QString> v = values;
                v[QStringLiteral("question")] = e.input;
                v[QStringLiteral("input")] = e.input;
                messages.push_back({"user", substitute(body, v, {}, PromptPart::History).segments});
                messages.push_back({"assistant", {{PromptPart::History, e.output}}});
            }
        }
        messages.push_back({"user", user.segments});
        try {
            renderChat(messages, chat, p);
            return p;
        } catch (const TemplateError& e) {
            p.chatTemplateError = QStringLiteral("the model's chat template failed (%1); the plain prompt is used")
                                      .arg(QString::fromStdString(e.what()));
            p.warnings.removeIf([](const QString& w) { return w.startsWith(QStringLiteral("the chat template changes")); });
        }
    }
    if (!t.system.isEmpty()) append(p.segments, PromptPart::System, t.system + QStringLiteral("\n\n"));
    for (const PromptSegment& seg : user.segments) append(p.segments, seg.part, seg.text);
    p.text = joined(p.segments);
    return p;
}

TokenizedPrompt tokenizePrompt(const BuiltPrompt& prompt, const gb::Tokenizer& tok) {
    const std::string u = prompt.text.toStdString();
    const Vocab& v = tok.vocab();
    const std::string bosText = v.valid(v.bos) ? v.tokens[static_cast<size_t>(v.bos)] : std::string();
    const bool textHasBos = !bosText.empty() && u.rfind(bosText, 0) == 0;
    const bool addSpecial = !(v.addBos && textHasBos);

    TokenizedPrompt r;
    r.ids = tok.encode(u, addSpecial, true);

    // UTF-8 byte offset -> UTF-16 offset: as a start, the character holding the byte; as an end,
    // the end of that character (byte tokens that split a character all cover it whole).
    std::vector<int> utf16(u.size() + 1, 0), utf16End(u.size() + 1, 0);
    {
        size_t b = 0;
        int q = 0;
        while (b < u.size()) {
            const unsigned char c = static_cast<unsigned char>(u[b]);
            const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            const int next = q + (n == 4 ? 2 : 1);
            for (size_t k = 0; k < n && b + k < u.size(); ++k) {
                utf16[b + k] = q;
                utf16End[b + k] = k == 0 ? q : next;
            }
            b += n;
            q = next;
        }
        utf16[u.size()] = utf16End[u.size()] = q;
    }
    // Segment boundaries (UTF-16) for finding a token's part.
    QList<int> ends;
    int total = 0;
    for (const PromptSegment& seg : prompt.segments) ends << (total += static_cast<int>(seg.text.size()));
    auto partAt = [&](int pos) {
        for (int i = 0; i < ends.size(); ++i)
            if (pos < ends[i]) return prompt.segments[i].part;
        return PromptPart::Markup;
    };

    size_t cursor = 0;
    const size_t n = r.ids.size();
    for (size_t k = 0; k < n; ++k) {
        const int32_t id = r.ids[k];
        PromptToken t;
        t.id = id;
        const TokenType type = v.type(id);
        t.special = type == TokenType::Control || type == TokenType::UserDefined;
        const bool addedBos = k == 0 && addSpecial && v.addBos && id == v.bos;
        const bool addedEos = k + 1 == n && addSpecial && v.addEos && id == v.eos;
        size_t from = cursor, to = cursor;
        if (!addedBos && !addedEos && r.aligned) {
            const std::string piece = tok.piece(id, true);
            if (u.compare(cursor, piece.size(), piece) == 0) {
                to = cursor + piece.size();
            } else if (!piece.empty() && piece[0] == ' ' && u.compare(cursor, piece.size() - 1, piece, 1) == 0) {
                to = cursor + piece.size() - 1;
            } else {
                r.aligned = false;
            }
        }
        if (!r.aligned && !addedBos && !addedEos) {
            // Spread what is left of the text evenly over the remaining tokens.
            const size_t left = n - k, bytes = u.size() - cursor;
            from = cursor;
            to = cursor + bytes / left;
            while (to < u.size() && (static_cast<unsigned char>(u[to]) & 0xC0) == 0x80) ++to;
        }
        cursor = to;
        t.start = utf16[from];
        t.end = from == to ? t.start : utf16End[to];
        // Added tokens are markup; a zero-width token of the text (SentencePiece's lone "▁" space
        // prefix) belongs where it stands.
        t.part = addedBos || addedEos ? PromptPart::Markup : partAt(t.start);
        ++r.counts[static_cast<size_t>(t.part)];
        r.tokens.push_back(t);
    }
    return r;
}

}  // namespace gb::lab
