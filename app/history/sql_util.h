#pragma once
// QSqlQuery with bound values only, failures thrown as HistoryError, and a write transaction
// (BEGIN IMMEDIATE: takes the write lock up front, so a busy database waits the busy timeout
// instead of failing half-way).
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace gb::history::sql {

// Prepares `sql`, binds `binds` positionally ("?"), executes; throws HistoryError.
// A null QString binds as "" (text columns are NOT NULL); use idOrNull() for a NULL id.
// `what` names the operation in error messages ("saving a message").
QSqlQuery run(const QSqlDatabase& db, const QString& sql, const QVariantList& binds, const QString& what);

// First column of the first row, or an invalid QVariant when there is no row.
QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantList& binds, const QString& what);

// q.next(), but a failure while stepping throws instead of looking like the end of the rows.
bool next(QSqlQuery& q, const QSqlDatabase& db, const QString& what);

// A null QVariant for id 0 (NULL parent), the id otherwise.
QVariant idOrNull(qint64 id);

class Transaction {
public:
    Transaction(const QSqlDatabase& db, const QString& what);  // BEGIN IMMEDIATE
    ~Transaction();                                            // ROLLBACK unless committed
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    QSqlDatabase db_;
    QString what_;
    bool open_ = false;
};

}  // namespace gb::history::sql
