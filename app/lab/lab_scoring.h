#pragma once
// Scoring an output against an expected answer, as the batch table does.
//
// Both sides are normalised first: Unicode NFKC (full-width digits become ASCII), case folded,
// every run of whitespace one space, trimmed. Then
//   exact:    the output's answer, with trailing sentence punctuation (. 。 ! ！ ? ？) removed,
//             equals the expected answer (treated the same way);
//   contains: the expected answer appears anywhere in the whole output.
// The answer is the text after the last `answerPrefix` ("Answer:") up to the end of that line;
// without a prefix, or when the output has none, it is the first non-blank line.
#include <QString>

namespace gb::lab {

QString normalizeAnswer(const QString& text);  // NFKC, case folded, whitespace collapsed, trimmed
QString extractAnswer(const QString& output, const QString& answerPrefix);

struct Score {
    bool exact = false;
    bool contains = false;
};
Score scoreOutput(const QString& output, const QString& expected, const QString& answerPrefix);

}  // namespace gb::lab
