// Upper/lower case as String.prototype.toUpperCase/toLowerCase: full Unicode case mapping
// in the root locale, by ICU (as V8 does it): ß -> SS, final sigma, İ -> i̇, …
#include <memory>
#include <unicode/ucasemap.h>

#include "template/jinja_unicode.h"

namespace gb::jinja {
namespace {

struct CaseMapDeleter {
    void operator()(UCaseMap* m) const { ucasemap_close(m); }
};

UCaseMap* caseMap() {
    thread_local std::unique_ptr<UCaseMap, CaseMapDeleter> map = [] {
        UErrorCode err = U_ZERO_ERROR;
        return std::unique_ptr<UCaseMap, CaseMapDeleter>(ucasemap_open("", 0, &err));
    }();
    return map.get();
}

using MapFn = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

std::string mapCase(std::string_view s, MapFn fn) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {  // the common case, without ICU
        std::string out(s);
        const bool upper = fn == ucasemap_utf8ToUpper;
        for (char& c : out) {
            if (upper && c >= 'a' && c <= 'z') c -= 32;
            if (!upper && c >= 'A' && c <= 'Z') c += 32;
        }
        return out;
    }
    const std::string src = wellFormedUtf8(s);  // as a JS string would hold it
    std::string out(src.size() + src.size() / 2 + 16, '\0');
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = fn(caseMap(), out.data(), static_cast<int32_t>(out.size()), src.data(), static_cast<int32_t>(src.size()), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        out.assign(static_cast<size_t>(n), '\0');
        err = U_ZERO_ERROR;
        n = fn(caseMap(), out.data(), static_cast<int32_t>(out.size()), src.data(), static_cast<int32_t>(src.size()), &err);
    }
    if (U_FAILURE(err)) return src;
    out.resize(static_cast<size_t>(n));
    return out;
}

}  // namespace

std::string jsToUpper(std::string_view s) { return mapCase(s, ucasemap_utf8ToUpper); }
std::string jsToLower(std::string_view s) { return mapCase(s, ucasemap_utf8ToLower); }

}  // namespace gb::jinja
