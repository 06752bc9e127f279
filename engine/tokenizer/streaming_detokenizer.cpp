#include "tokenizer/tokenizer.h"
#include "tokenizer/unicode.h"

namespace gb {

namespace {

const char kReplacementUtf8[] = "\xEF\xBF\xBD";

// Moves the complete part of pending into the result: valid sequences as they are, ill-formed
// ones as U+FFFD. A valid but unfinished sequence at the end stays pending unless final.
std::string takeComplete(std::string& pending, bool final) {
    std::string out;
    size_t pos = 0;
    while (pos < pending.size()) {
        size_t len = 0;
        const auto status = unicode::checkStrict(pending, pos, len);
        if (status == unicode::SeqStatus::Incomplete && !final) break;
        if (status == unicode::SeqStatus::Valid) out.append(pending, pos, len);
        else out += kReplacementUtf8;
        pos += len;
    }
    pending.erase(0, pos);
    return out;
}

}  // namespace

std::string StreamingDetokenizer::push(int32_t id) {
    pending_ += tok_.piece(id, special_);
    return takeComplete(pending_, false);
}

std::string StreamingDetokenizer::flush() { return takeComplete(pending_, true); }

}  // namespace gb
