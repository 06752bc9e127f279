#pragma once
// Figures the views draw, computed from a record, and each view's data as CSV and JSON.
#include <QByteArray>
#include <QVector>

#include "inspection/inspection_data.h"

namespace glassbox::inspection {

// Share of the top-k assignments each expert got in `layer` over positions [from, to).
QVector<double> expertLoad(const InspectionRecord& r, int layer, int from, int to);

// The KV cache at a few context lengths: for this model (its KV heads) and for the same model
// with multi-head attention (one KV head per query head).
struct KvFigure {
    qint64 tokens = 0;
    quint64 model = 0, multiHead = 0;
};
QVector<KvFigure> kvFigures(const ModelShape& s, int usedTokens);  // 1 token, used, 8K, 32K, 100K
inline constexpr qint64 kKvContexts[] = {8192, 32768, 100000};

// The token at `pos` for machine-readable output: its text, or its spelling when it is not text.
QString tokenForExport(const InspectionRecord& r, int pos);

QByteArray attentionCsv(const InspectionRecord& r, int layer, int head);   // query,key,… rows
QByteArray attentionJson(const InspectionRecord& r, int layer, int head);  // matrix
QByteArray tokenLayersCsv(const InspectionRecord& r, int pos, int head);   // layer,key,… of one query
QByteArray tokenLayersJson(const InspectionRecord& r, int pos, int head);
QByteArray routingCsv(const InspectionRecord& r);
QByteArray routingJson(const InspectionRecord& r);
QByteArray expertLoadCsv(const InspectionRecord& r);
QByteArray expertLoadJson(const InspectionRecord& r);
QByteArray tokensCsv(const InspectionRecord& r);
QByteArray tokensJson(const InspectionRecord& r);
QByteArray lensCsv(const InspectionRecord& r);
QByteArray lensJson(const InspectionRecord& r);
QByteArray kvCsv(const ModelShape& s, int usedTokens);
QByteArray kvJson(const ModelShape& s, int usedTokens);

QString csvField(const QString& s);  // quoted when it holds a comma, quote or line break

}  // namespace glassbox::inspection
