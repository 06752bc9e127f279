#include "tokenizer/vocab.h"

#include <algorithm>

#include "gguf/gguf_file.h"
#include "tokenizer/pre_type.h"
#include "tokenizer/vocab_fixups.h"
#include "util/error.h"

namespace gb {

namespace {

std::string key(const char* name) { return std::string("tokenizer.ggml.") + name; }

// The array stored under name, or nullptr when absent; throws when it holds something else.
const GgufValue* findArray(const GgufFile& f, const char* name, bool (*elementOk)(GgufType), const char* what) {
    const GgufValue* v = f.find(key(name));
    if (!v) return nullptr;
    if (v->type != GgufType::Array || (!v->items.empty() && !elementOk(v->elemType)))
        throw Error("GGUF metadata '" + key(name) + "' should be an array of " + what + " but is " +
                    (v->type == GgufType::Array ? std::string("an array of ") + ggufTypeName(v->elemType)
                                                : std::string(ggufTypeName(v->type))));
    return v;
}

bool isString(GgufType t) { return t == GgufType::String; }
bool isNumber(GgufType t) { return t != GgufType::String && t != GgufType::Array && t != GgufType::Bool; }
bool isInteger(GgufType t) { return isNumber(t) && t != GgufType::F32 && t != GgufType::F64; }

void checkLength(const GgufValue& a, const char* name, size_t nTokens) {
    // llama.cpp accepts longer arrays (and ignores the rest); shorter ones would be read past their end.
    if (a.items.size() < nTokens)
        throw Error("GGUF metadata '" + key(name) + "' has " + std::to_string(a.items.size()) + " entries for " +
                    std::to_string(nTokens) + " tokens");
}

TokenType toTokenType(int64_t t) {
    return (t >= 0 && t <= 6) ? static_cast<TokenType>(t) : TokenType::Undefined;
}

// A special token id from the file. As llama.cpp does, an id outside the vocabulary is ignored
// (some converters write 0xFFFFFFFF for "none"); the default stays.
void readId(const GgufFile& f, Vocab& v, const char* name, int32_t& id) {
    const GgufValue* val = f.find(key(name));
    if (!val) return;
    const auto i = val->asInt();
    if (!i || *i < 0 || *i >= v.size()) {
        v.warnings.push_back(key(name) + " = " + val->toString() + " is not a token id of this vocabulary; ignored");
        return;
    }
    id = static_cast<int32_t>(*i);
}

void readTokens(const GgufFile& f, Vocab& v) {
    const GgufValue* tokens = findArray(f, "tokens", isString, "strings");
    if (!tokens) throw Error("the file has no vocabulary (" + key("tokens") + " is missing)");
    const size_t n = tokens->items.size();
    if (n == 0) throw Error("the vocabulary is empty");
    if (n > size_t(INT32_MAX)) throw Error("the vocabulary is too large");
    v.tokens.resize(n);
    v.index.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        std::string text = tokens->items[i].str;
        if (text.empty()) {  // llama.cpp names them so that every text is unique and matchable
            v.warnings.push_back("token " + std::to_string(i) + " is empty");
            text = "[EMPTY_" + std::to_string(i) + "]";
        }
        auto [it, inserted] = v.index.emplace(text, int32_t(i));
        if (!inserted)
            throw Error("duplicate token in the vocabulary: '" + text + "' has ids " + std::to_string(it->second) +
                        " and " + std::to_string(i));
        v.tokens[i] = std::move(text);
    }

    v.types.assign(n, TokenType::Normal);
    if (const GgufValue* types = findArray(f, "token_type", isInteger, "integers")) {
        checkLength(*types, "token_type", n);
        for (size_t i = 0; i < n; ++i) v.types[i] = toTokenType(types->items[i].asInt().value_or(-1));
    }
    if (const GgufValue* scores = findArray(f, "scores", isNumber, "numbers")) {
        checkLength(*scores, "scores", n);
        v.scores.resize(n);
        for (size_t i = 0; i < n; ++i) v.scores[i] = static_cast<float>(scores->items[i].asDouble().value_or(0.0));
    }
}

}  // namespace

bool Vocab::isEog(int32_t id) const { return std::binary_search(eog.begin(), eog.end(), id); }

Vocab Vocab::fromGguf(const GgufFile& f) {
    Vocab v;
    const GgufValue* model = f.find(key("model"));
    if (!model) throw Error("the file has no tokenizer (" + key("model") + " is missing)");
    if (model->type != GgufType::String) throw Error(key("model") + " should be a string");
    v.model = model->str;
    v.pre = f.getString(key("pre"));

    if (v.model == "llama") {
        v.kind = Kind::Spm;
        v.bos = 1, v.eos = 2, v.unk = 0;
        v.addSpacePrefix = true, v.addBos = true, v.addEos = false, v.cleanSpaces = false;
    } else if (v.model == "gpt2") {
        v.kind = Kind::Bpe;
        v.bos = 11, v.eos = 11;  // llama.cpp's defaults for gpt2 vocabularies
        v.addSpacePrefix = false, v.cleanSpaces = true;
        if (const auto info = lookupPreType(v.pre)) {
            v.cleanSpaces = info->cleanSpaces;
            v.ignoreMerges = info->ignoreMerges;
            if (info->addBos) v.addBos = *info->addBos;
            if (info->noBos) v.bos = -1;
        }
        const GgufValue* merges = findArray(f, "merges", isString, "strings");
        if (!merges) throw Error("the BPE vocabulary has no merges (" + key("merges") + " is missing)");
        v.merges.reserve(merges->items.size());
        for (const auto& m : merges->items) v.merges.push_back(m.str);
    } else {
        throw Error("unsupported tokenizer '" + v.model + "' (supported: llama, gpt2)");
    }
    v.addSpacePrefix = f.getBool(key("add_space_prefix"), v.addSpacePrefix);

    readTokens(f, v);

    FimIds fim;
    for (int32_t* id : {&v.bos, &v.eos, &v.unk})
        if (*id >= v.size()) *id = -1;  // a default outside a small vocabulary means none
    readId(f, v, "bos_token_id", v.bos);
    readId(f, v, "eos_token_id", v.eos);
    readId(f, v, "eot_token_id", v.eot);
    readId(f, v, "eom_token_id", v.eom);
    readId(f, v, "unknown_token_id", v.unk);
    readId(f, v, "seperator_token_id", v.sep);  // sic: the key llama.cpp writes
    readId(f, v, "padding_token_id", v.pad);
    readId(f, v, "fim_pre_token_id", fim.pre);
    readId(f, v, "fim_suf_token_id", fim.suf);
    readId(f, v, "fim_mid_token_id", fim.mid);
    readId(f, v, "fim_pad_token_id", fim.pad);
    readId(f, v, "fim_rep_token_id", fim.rep);
    readId(f, v, "fim_sep_token_id", fim.sep);
    readId(f, v, "prefix_token_id", fim.pre);  // deprecated names of the first three
    readId(f, v, "suffix_token_id", fim.suf);
    readId(f, v, "middle_token_id", fim.mid);

    v.addBos = f.getBool(key("add_bos_token"), v.addBos);
    v.addEos = f.getBool(key("add_eos_token"), v.addEos);
    if (v.addBos && v.bos < 0) throw Error(key("add_bos_token") + " is true, but the vocabulary has no BOS token");
    if (v.addEos && v.eos < 0) throw Error(key("add_eos_token") + " is true, but the vocabulary has no EOS token");

    applyTextFixups(v, fim);
    applyStripAttributes(v, f.getString("general.name"), f.getString("general.architecture"));
    return v;
}

}  // namespace gb
