#pragma once
// Which token of an inspected reply a place in the chat's text is: the chat shows a message's
// text (the reply as it was streamed, or the user's message), the record knows tokens. A click on
// character `offset` of a message is mapped to a token position:
//   reply     the record's generated tokens, found in the message's text (a continued reply's
//             text starts with the older part, a trimmed one lost its first space);
//   prompt    the user's message, found (its last occurrence) in the prompt the record evaluated.
// A character split over several byte tokens (爱 = 3 tokens) maps to its first token.
#include <QString>
#include <QVector>

namespace glassbox::inspection {

struct InspectionRecord;

// The text of positions [from, to) and, per character of it, the position it came from.
struct TokenText {
    QString text;
    QVector<int> position;  // position[i] for text[i]
};
TokenText tokenText(const InspectionRecord& r, int from, int to);

// Where character `index` of `from` is in `to`, when `to` is `from` with characters left out or
// added (Markdown syntax, separators, a trimmed space): the two are walked together, whitespace
// matching whitespace. -1 when `index` is out of range or `to` is empty.
int alignedIndex(const QString& from, int index, const QString& to);

// The token position of character `offset` of `messageText`, or -1 when it is not found there.
int replyPositionAt(const InspectionRecord& r, const QString& messageText, int offset);
int promptPositionAt(const InspectionRecord& r, const QString& messageText, int offset);

}  // namespace glassbox::inspection
