#pragma once
// Helpers shared by the history tests: temporary databases, raw connections, file bytes.
#include <QByteArray>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

#include "history/database_file.h"
#include "history/history_error.h"
#include "history/history_store.h"

namespace histtest {

inline QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// A plain QSQLITE connection (no checks, no pragmas), closed and removed on destruction.
class RawConnection {
public:
    explicit RawConnection(const QString& path, const QString& options = {})
        : name_(gb::history::uniqueConnectionName()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        ok_ = db.open();
    }
    ~RawConnection() {
        {
            QSqlDatabase db = QSqlDatabase::database(name_, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name_);
    }
    bool ok() const { return ok_; }
    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }
    bool exec(const QString& sql, const QVariantList& binds = {}) {
        QSqlQuery q(db());
        if (!q.prepare(sql)) return false;
        for (int i = 0; i < binds.size(); ++i) q.bindValue(i, binds[i]);
        return q.exec();
    }
    QVariant scalar(const QString& sql, const QVariantList& binds = {}) {
        QSqlQuery q(db());
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i) q.bindValue(i, binds[i]);
        if (!q.exec() || !q.next()) return {};
        return q.value(0);
    }

private:
    QString name_;
    bool ok_ = false;
};

// Runs `f`, expecting a HistoryError of `kind`; returns its message ("" when none was thrown).
inline QString expectError(gb::history::HistoryError::Kind kind, const std::function<void()>& f) {
    try {
        f();
    } catch (const gb::history::HistoryError& e) {
        if (e.kind() != kind)
            qWarning("expected %s, got %s: %s", gb::history::HistoryError::kindName(kind),
                     gb::history::HistoryError::kindName(e.kind()), e.what());
        return e.kind() == kind ? e.message() : QString();
    }
    qWarning("expected %s, nothing was thrown", gb::history::HistoryError::kindName(kind));
    return {};
}

}  // namespace histtest
