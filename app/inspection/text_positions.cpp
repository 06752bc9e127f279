#include "inspection/text_positions.h"

#include <QStringDecoder>

#include "inspection/inspection_data.h"

namespace glassbox::inspection {

namespace {

constexpr int kWindow = 64;  // how far ahead a character is looked for (a Markdown link's URL is skipped)

bool same(QChar a, QChar b) { return a == b || (a.isSpace() && b.isSpace()); }

int leadingSpaces(const QString& s) {
    int i = 0;
    while (i < s.size() && s[i].isSpace()) ++i;
    return i;
}

// Where `needle` (or its longest prefix found, halving) last occurs in `hay`; -1 when nowhere.
int lastPlaceOf(const QString& hay, const QString& needle) {
    for (qsizetype n = needle.size(); n > 0; n /= 2)
        if (const qsizetype at = hay.lastIndexOf(needle.left(n)); at >= 0) return int(at);
    return -1;
}

}  // namespace

TokenText tokenText(const InspectionRecord& r, int from, int to) {
    TokenText t;
    QStringDecoder utf8(QStringDecoder::Utf8);
    int pending = -1;  // the first token of a character not complete yet
    for (int pos = std::max(0, from); pos < std::min(to, r.positions()); ++pos) {
        const QByteArray& piece = r.tokens[pos].piece;
        const QString out = utf8.decode(piece);
        if (out.isEmpty()) {
            if (!piece.isEmpty() && pending < 0) pending = pos;
            continue;
        }
        // A character completed by this token belongs to the token that started it.
        const int head = pending >= 0 ? (out[0].isHighSurrogate() && out.size() > 1 ? 2 : 1) : 0;
        for (int i = 0; i < out.size(); ++i) t.position.append(i < head ? pending : pos);
        t.text += out;
        pending = -1;
    }
    return t;
}

int alignedIndex(const QString& from, int index, const QString& to) {
    if (index < 0 || index >= from.size() || to.isEmpty()) return -1;
    int j = 0;
    for (int i = 0; i <= index; ++i) {
        int found = -1;
        for (int k = j; k < std::min(int(to.size()), j + kWindow) && found < 0; ++k)
            if (same(from[i], to[k])) found = k;
        if (i == index) return found >= 0 ? found : std::min(j, int(to.size()) - 1);
        if (found >= 0) j = found + 1;  // else: a character `to` does not have (a separator added)
    }
    return -1;
}

int replyPositionAt(const InspectionRecord& r, const QString& messageText, int offset) {
    if (offset < 0 || offset >= messageText.size()) return -1;
    const TokenText reply = tokenText(r, r.promptLength, r.positions());
    const int lead = leadingSpaces(reply.text);
    const QString body = reply.text.mid(lead);
    const int base = lastPlaceOf(messageText, body);
    if (base < 0 || offset < base) return -1;  // not this reply's tokens (the older part of a continued reply)
    const int i = alignedIndex(messageText.mid(base), offset - base, body);
    return i < 0 ? -1 : reply.position[lead + i];
}

int promptPositionAt(const InspectionRecord& r, const QString& messageText, int offset) {
    const int lead = leadingSpaces(messageText);
    const QString body = messageText.trimmed();
    if (offset < lead || offset >= lead + body.size()) return -1;
    const TokenText prompt = tokenText(r, 0, r.promptLength);
    const int base = lastPlaceOf(prompt.text, body);
    if (base < 0) return -1;
    const int i = alignedIndex(body, offset - lead, prompt.text.mid(base));
    return i < 0 ? -1 : prompt.position[base + i];
}

}  // namespace glassbox::inspection
