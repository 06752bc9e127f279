#include "inspection/inspection_export.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace glassbox::inspection {

QVector<double> expertLoad(const InspectionRecord& r, int layer, int from, int to) {
    QVector<double> load(qMax(0, r.shape.experts), 0.0);
    double total = 0;
    from = qMax(from, r.rowBase);
    to = qMin(to, r.rowBase + r.rowCount);
    for (int pos = from; pos < to; ++pos)
        for (int k = 0; k < r.shape.expertsUsed; ++k) {
            const int e = r.chosenExpert(pos, layer, k);
            if (e < 0 || e >= load.size()) continue;
            load[e] += 1;
            total += 1;
        }
    if (total > 0)
        for (double& v : load) v /= total;
    return load;
}

QVector<KvFigure> kvFigures(const ModelShape& s, int usedTokens) {
    QVector<KvFigure> out;
    const quint64 g = s.kvBytesPerToken(false), m = s.kvBytesPerToken(true);
    out.append({1, g, m});
    out.append({usedTokens, g * quint64(qMax(0, usedTokens)), m * quint64(qMax(0, usedTokens))});
    for (qint64 n : kKvContexts) out.append({n, g * quint64(n), m * quint64(n)});
    return out;
}

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString tokenForExport(const InspectionRecord& r, int pos) {
    const QString t = r.tokenText(pos);
    if (!t.isEmpty() || pos < 0 || pos >= r.tokens.size()) return t;
    return r.tokens[pos].spelling;
}

namespace {

QString num(double v) { return QString::number(v, 'g', 6); }

QByteArray json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

QJsonArray tokenArray(const InspectionRecord& r) {
    QJsonArray a;
    for (int i = 0; i < r.positions(); ++i) a.append(QJsonObject{{"position", i}, {"id", r.tokens[i].id}, {"text", tokenForExport(r, i)}});
    return a;
}

QString headName(int head) {
    if (head == MeanHead) return QStringLiteral("mean");
    if (head == MaxHead) return QStringLiteral("max");
    return QString::number(head);
}

QString lensPiece(const InspectionRecord& r, int id) {
    const auto it = r.lensVocab.constFind(id);
    if (it == r.lensVocab.constEnd()) return QString::number(id);
    const QString t = QString::fromUtf8(it->piece);
    return t.contains(QChar::ReplacementCharacter) || t.isEmpty() ? it->spelling : t;
}

}  // namespace

QByteArray attentionCsv(const InspectionRecord& r, int layer, int head) {
    QString out = QStringLiteral("layer,head,query,query_token,key,key_token,weight\n");
    const Triangle* t = r.matrix(layer, head);
    if (!t) return out.toUtf8();
    for (int q = r.rowBase; q < r.rowBase + r.rowCount; ++q)
        for (int k = 0; k <= q; ++k)
            out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(layer)
                       .arg(headName(head))
                       .arg(q)
                       .arg(csvField(tokenForExport(r, q)))
                       .arg(k)
                       .arg(csvField(tokenForExport(r, k)))
                       .arg(num(t->at(q, k)));
    return out.toUtf8();
}

QByteArray attentionJson(const InspectionRecord& r, int layer, int head) {
    QJsonObject o{{"view", "attention"}, {"layer", layer}, {"head", headName(head)}, {"first_query", r.rowBase}};
    if (head >= 0) o.insert("kv_head", r.shape.kvHeadOf(head));
    o.insert("tokens", tokenArray(r));
    QJsonArray rows;
    if (const Triangle* t = r.matrix(layer, head))
        for (int q = r.rowBase; q < r.rowBase + r.rowCount; ++q) {
            QJsonArray row;
            for (int k = 0; k <= q; ++k) row.append(double(t->at(q, k)));
            rows.append(row);
        }
    o.insert("rows", rows);
    return json(o);
}

QByteArray tokenLayersCsv(const InspectionRecord& r, int pos, int head) {
    QString out = QStringLiteral("query,query_token,layer,head,key,key_token,weight\n");
    if (!r.hasRow(pos)) return out.toUtf8();
    for (int l = 0; l < r.shape.layers; ++l) {
        const Triangle* t = r.matrix(l, head);
        if (!t) continue;
        for (int k = 0; k <= pos; ++k)
            out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(pos)
                       .arg(csvField(tokenForExport(r, pos)))
                       .arg(l)
                       .arg(headName(head))
                       .arg(k)
                       .arg(csvField(tokenForExport(r, k)))
                       .arg(num(t->at(pos, k)));
    }
    return out.toUtf8();
}

QByteArray tokenLayersJson(const InspectionRecord& r, int pos, int head) {
    QJsonObject o{{"view", "token_layers"}, {"query", pos}, {"query_token", tokenForExport(r, pos)}, {"head", headName(head)}};
    QJsonArray layers;
    if (r.hasRow(pos))
        for (int l = 0; l < r.shape.layers; ++l) {
            const Triangle* t = r.matrix(l, head);
            QJsonArray row;
            if (t)
                for (int k = 0; k <= pos; ++k) row.append(double(t->at(pos, k)));
            layers.append(QJsonObject{{"layer", l}, {"weights", row}});
        }
    o.insert("layers", layers);
    return json(o);
}

QByteArray routingCsv(const InspectionRecord& r) {
    const int K = r.shape.expertsUsed, E = r.shape.experts;
    QString out = QStringLiteral("position,token,layer");
    for (int k = 0; k < K; ++k) out += QStringLiteral(",expert%1,weight%1").arg(k + 1);
    for (int e = 0; e < E; ++e) out += QStringLiteral(",router_e%1").arg(e);
    out += QLatin1Char('\n');
    for (int pos = r.rowBase; pos < r.rowBase + r.rowCount && r.plan.routing; ++pos)
        for (int l = 0; l < r.shape.layers; ++l) {
            out += QStringLiteral("%1,%2,%3").arg(pos).arg(csvField(tokenForExport(r, pos))).arg(l);
            for (int k = 0; k < K; ++k) out += QStringLiteral(",%1,%2").arg(r.chosenExpert(pos, l, k)).arg(num(r.chosenWeight(pos, l, k)));
            const float* router = r.routerRow(pos, l);
            for (int e = 0; e < E; ++e) out += QLatin1Char(',') + num(router ? router[e] : 0.0);
            out += QLatin1Char('\n');
        }
    return out.toUtf8();
}

QByteArray routingJson(const InspectionRecord& r) {
    QJsonObject o{{"view", "routing"}, {"experts", r.shape.experts}, {"experts_used", r.shape.expertsUsed},
                  {"layers", r.shape.layers}};
    o.insert("tokens", tokenArray(r));
    QJsonArray positions;
    for (int pos = r.rowBase; pos < r.rowBase + r.rowCount && r.plan.routing; ++pos) {
        QJsonArray layers;
        for (int l = 0; l < r.shape.layers; ++l) {
            QJsonArray experts, weights, router;
            for (int k = 0; k < r.shape.expertsUsed; ++k) {
                experts.append(r.chosenExpert(pos, l, k));
                weights.append(double(r.chosenWeight(pos, l, k)));
            }
            if (const float* row = r.routerRow(pos, l))
                for (int e = 0; e < r.shape.experts; ++e) router.append(double(row[e]));
            layers.append(QJsonObject{{"layer", l}, {"experts", experts}, {"weights", weights}, {"router", router}});
        }
        positions.append(QJsonObject{{"position", pos}, {"token", tokenForExport(r, pos)}, {"layers", layers}});
    }
    o.insert("positions", positions);
    return json(o);
}

QByteArray expertLoadCsv(const InspectionRecord& r) {
    QString out = QStringLiteral("layer,expert,share_reply,share_evaluated\n");
    const int end = r.rowBase + r.rowCount;
    for (int l = 0; l < r.shape.layers; ++l) {
        const auto reply = expertLoad(r, l, r.promptLength, end), all = expertLoad(r, l, r.rowBase, end);
        for (int e = 0; e < r.shape.experts; ++e) out += QStringLiteral("%1,%2,%3,%4\n").arg(l).arg(e).arg(num(reply[e]), num(all[e]));
    }
    return out.toUtf8();
}

QByteArray expertLoadJson(const InspectionRecord& r) {
    QJsonObject o{{"view", "expert_load"}, {"experts", r.shape.experts}};
    QJsonArray layers;
    const int end = r.rowBase + r.rowCount;
    for (int l = 0; l < r.shape.layers; ++l) {
        QJsonArray reply, all;
        for (double v : expertLoad(r, l, r.promptLength, end)) reply.append(v);
        for (double v : expertLoad(r, l, r.rowBase, end)) all.append(v);
        layers.append(QJsonObject{{"layer", l}, {"reply", reply}, {"evaluated", all}});
    }
    o.insert("layers", layers);
    return json(o);
}

QByteArray tokensCsv(const InspectionRecord& r) {
    QString out = QStringLiteral("index,position,id,token,prob,raw_prob,entropy,rank,alternatives\n");
    for (int i = 0; i < r.stats.size(); ++i) {
        const StreamToken& t = r.stats[i];
        QStringList alts;
        for (int a = 0; a < t.alternatives.size(); ++a)
            alts << QStringLiteral("%1=%2").arg(t.alternatives[a], num(a < t.alternativeProbs.size() ? t.alternativeProbs[a] : 0));
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                   .arg(i)
                   .arg(r.promptLength + i)
                   .arg(t.id)
                   .arg(csvField(tokenForExport(r, r.promptLength + i)))
                   .arg(num(t.prob), num(t.rawProb), num(t.entropy))
                   .arg(t.rank)
                   .arg(csvField(alts.join(QLatin1Char(' '))));
    }
    return out.toUtf8();
}

QByteArray tokensJson(const InspectionRecord& r) {
    QJsonArray tokens;
    for (int i = 0; i < r.stats.size(); ++i) {
        const StreamToken& t = r.stats[i];
        QJsonArray alts;
        for (int a = 0; a < t.alternatives.size(); ++a)
            alts.append(QJsonObject{{"text", t.alternatives[a]}, {"prob", a < t.alternativeProbs.size() ? double(t.alternativeProbs[a]) : 0.0}});
        tokens.append(QJsonObject{{"index", i}, {"position", r.promptLength + i}, {"id", t.id},
                                  {"token", tokenForExport(r, r.promptLength + i)}, {"prob", double(t.prob)},
                                  {"raw_prob", double(t.rawProb)}, {"entropy", double(t.entropy)}, {"rank", t.rank},
                                  {"alternatives", alts}});
    }
    return json(QJsonObject{{"view", "tokens"}, {"prompt_tokens", r.promptLength}, {"tokens", tokens}});
}

QByteArray lensCsv(const InspectionRecord& r) {
    QString out = QStringLiteral("layer,position,input_token,rank,token,prob\n");
    for (int l = 0; l < r.shape.layers; ++l)
        for (int pos = r.rowBase; pos < r.rowBase + r.rowCount; ++pos)
            for (int k = 0; k < r.plan.lensK; ++k) {
                const int id = r.lensToken(pos, l, k);
                if (id < 0) continue;
                out += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                           .arg(l)
                           .arg(pos)
                           .arg(csvField(tokenForExport(r, pos)))
                           .arg(k + 1)
                           .arg(csvField(lensPiece(r, id)), num(r.lensProb(pos, l, k)));
            }
    return out.toUtf8();
}

QByteArray lensJson(const InspectionRecord& r) {
    QJsonObject o{{"view", "logit_lens"}, {"top_k", r.plan.lensK}};
    o.insert("tokens", tokenArray(r));
    QJsonArray layers;
    for (int l = 0; l < r.shape.layers && r.plan.lensK > 0; ++l) {
        QJsonArray positions;
        for (int pos = r.rowBase; pos < r.rowBase + r.rowCount; ++pos) {
            QJsonArray top;
            for (int k = 0; k < r.plan.lensK; ++k) {
                const int id = r.lensToken(pos, l, k);
                if (id >= 0) top.append(QJsonObject{{"id", id}, {"text", lensPiece(r, id)}, {"prob", double(r.lensProb(pos, l, k))}});
            }
            positions.append(QJsonObject{{"position", pos}, {"top", top}});
        }
        layers.append(QJsonObject{{"layer", l}, {"positions", positions}});
    }
    o.insert("layers", layers);
    return json(o);
}

QByteArray kvCsv(const ModelShape& s, int usedTokens) {
    QString out = QStringLiteral("tokens,bytes_model,bytes_multi_head\n");
    for (const KvFigure& f : kvFigures(s, usedTokens)) out += QStringLiteral("%1,%2,%3\n").arg(f.tokens).arg(f.model).arg(f.multiHead);
    return out.toUtf8();
}

QByteArray kvJson(const ModelShape& s, int usedTokens) {
    QJsonArray rows;
    for (const KvFigure& f : kvFigures(s, usedTokens))
        rows.append(QJsonObject{{"tokens", f.tokens}, {"bytes_model", double(f.model)}, {"bytes_multi_head", double(f.multiHead)}});
    return json(QJsonObject{{"view", "kv_cache"},
                            {"layers", s.layers},
                            {"heads", s.heads},
                            {"kv_heads", s.kvHeads},
                            {"head_dim", s.headDim},
                            {"element_bytes", s.kvElementBytes},
                            {"used_tokens", usedTokens},
                            {"rows", rows}});
}

}  // namespace glassbox::inspection
