#include "token_blob.h"

#include <QtEndian>
#include <cstring>

#include "history_error.h"

namespace gb::history {

namespace {
constexpr char kMagic[4] = {'G', 'B', 'T', '1'};
constexpr int kRecord = 8;
}  // namespace

QByteArray encodeTokens(const QVector<TokenProb>& tokens) {
    if (tokens.isEmpty()) return {};
    QByteArray out(4 + tokens.size() * kRecord, Qt::Uninitialized);
    std::memcpy(out.data(), kMagic, 4);
    uchar* p = reinterpret_cast<uchar*>(out.data()) + 4;
    for (const TokenProb& t : tokens) {
        quint32 bits;
        std::memcpy(&bits, &t.prob, 4);
        qToLittleEndian<qint32>(t.id, p);
        qToLittleEndian<quint32>(bits, p + 4);
        p += kRecord;
    }
    return out;
}

QVector<TokenProb> decodeTokens(const QByteArray& blob) {
    if (blob.isEmpty()) return {};
    if (blob.size() < 4 || std::memcmp(blob.constData(), kMagic, 4) != 0 || (blob.size() - 4) % kRecord != 0)
        throw HistoryError(HistoryError::Kind::BadInput, QStringLiteral("malformed token record (%1 bytes)").arg(blob.size()));
    QVector<TokenProb> out((blob.size() - 4) / kRecord);
    const uchar* p = reinterpret_cast<const uchar*>(blob.constData()) + 4;
    for (TokenProb& t : out) {
        t.id = qFromLittleEndian<qint32>(p);
        const quint32 bits = qFromLittleEndian<quint32>(p + 4);
        std::memcpy(&t.prob, &bits, 4);
        p += kRecord;
    }
    return out;
}

}  // namespace gb::history
