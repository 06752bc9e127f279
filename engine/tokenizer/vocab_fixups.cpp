#include "tokenizer/vocab_fixups.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>

namespace gb {

namespace {

using Names = std::initializer_list<std::string_view>;

// Texts as in llama.cpp's llama_vocab::impl::load (kept in its order of preference).
const Names kEot = {"<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
                    "<EOT>", "_<EOT>", "[EOT]", "<｜end▁of▁sentence｜>", "<end_of_utterance>"};
const Names kEom = {"<|eom_id|>"};
const Names kFimPre = {"<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<｜fim▁begin｜>", "<PRE>", "▁<PRE>",
                       "<|code_prefix|>", "<|prefix|>"};
const Names kFimSuf = {"<|fim_suffix|>", "<fim-suffix>", "<fim_suffix>", "<｜fim▁hole｜>", "<SUF>", "▁<SUF>",
                       "<|code_suffix|>", "<|suffix|>"};
const Names kFimMid = {"<|fim_middle|>", "<fim-middle>", "<fim_middle>", "<｜fim▁end｜>", "<MID>", "▁<MID>",
                       "<|code_middle|>", "<|middle|>"};
const Names kFimPad = {"<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "[PAD]"};
const Names kFimRep = {"<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>"};
const Names kFimSep = {"<|file_sep|>"};
// Every token with one of these texts ends generation.
const Names kEog = {"<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>", "<|calls|>",
                    "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]",
                    "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>",
                    "<｜end▁of▁sentence｜>", "[e~["};
// gpt-oss markup that must always be rendered.
const Names kAlwaysRendered = {"<|channel|>", "<|message|>", "<|start|>", "<|constrain|>"};

int32_t idOf(const Vocab& v, std::string_view text) {
    auto it = v.index.find(std::string(text));
    return it == v.index.end() ? -1 : it->second;
}

void forceControl(Vocab& v, int32_t id) {
    if (v.types[id] != TokenType::Control) v.types[id] = TokenType::Control;
}

// Where id is not set yet, the first of names present in the vocabulary; forced to Control.
void findByText(Vocab& v, int32_t& id, Names names) {
    if (id >= 0) return;
    for (auto name : names) {
        const int32_t found = idOf(v, name);
        if (found < 0) continue;
        id = found;
        forceControl(v, found);
        return;
    }
}

}  // namespace

void applyTextFixups(Vocab& v, FimIds fim) {
    findByText(v, v.eot, kEot);
    findByText(v, v.eom, kEom);
    findByText(v, fim.pre, kFimPre);
    findByText(v, fim.suf, kFimSuf);
    findByText(v, fim.mid, kFimMid);
    findByText(v, fim.pad, kFimPad);
    findByText(v, fim.rep, kFimRep);
    findByText(v, fim.sep, kFimSep);

    std::vector<int32_t> eog;
    for (int32_t id : {fim.pad, fim.rep, fim.sep})
        if (id >= 0) eog.push_back(id);
    for (auto name : kEog) {
        const int32_t id = idOf(v, name);
        if (id < 0) continue;
        eog.push_back(id);
        forceControl(v, id);
    }
    for (auto name : kAlwaysRendered)
        if (int32_t id = idOf(v, name); id >= 0) v.types[id] = TokenType::UserDefined;
    for (int32_t id : {v.eos, v.eot, v.eom})
        if (id >= 0) eog.push_back(id);

    auto has = [&](int32_t id) { return id >= 0 && std::find(eog.begin(), eog.end(), id) != eog.end(); };
    auto drop = [&](int32_t id, TokenType becomes) {
        eog.erase(std::remove(eog.begin(), eog.end(), id), eog.end());
        v.types[id] = becomes;
    };
    // o200k_harmony / solar-open: "<|end|>" ends a message, not the generation.
    const int32_t end = idOf(v, "<|end|>");
    const bool call = has(idOf(v, "<|call|>")) || has(idOf(v, "<|calls|>"));
    if (has(end) && call && (has(idOf(v, "<|return|>")) || has(idOf(v, "<|flush|>"))))
        drop(end, TokenType::UserDefined);
    // Gemma 4 / PaddleOCR: "</s>" is ordinary text there.
    const int32_t s = idOf(v, "</s>");
    if (has(s) && has(idOf(v, "<|tool_response>"))) drop(s, TokenType::Normal);

    std::sort(eog.begin(), eog.end());
    eog.erase(std::unique(eog.begin(), eog.end()), eog.end());
    v.eog = std::move(eog);
}

void applyStripAttributes(Vocab& v, const std::string& modelName, const std::string& architecture) {
    std::string name = modelName;
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    auto contains = [](const std::string& s, Names subs) {
        for (auto sub : subs)
            if (s.find(sub) != std::string::npos) return true;
        return false;
    };
    auto isSpecial = [&](int32_t id) {
        const TokenType t = v.types[id];
        return t == TokenType::Control || t == TokenType::UserDefined || t == TokenType::Unknown;
    };
    std::vector<int32_t> l, r;
    if (contains(v.pre, {"jina-v2-de", "jina-v2-es", "jina-v2-code"}) ||
        contains(architecture, {"nomic-bert-moe", "jina-bert-v3"})) {
        if (int32_t id = idOf(v, "<mask>"); id >= 0) l.push_back(id);
    } else if (contains(name, {"phi-3", "phi3"})) {
        // Every special token eats the whitespace after it, "</s>" too; "<unk>", "<s>" and
        // "<|endoftext|>" do not.
        for (int32_t id = 0; id < v.size(); ++id)
            if (isSpecial(id)) r.push_back(id);
        if (int32_t id = idOf(v, "</s>"); id >= 0) r.push_back(id);
        for (auto keep : {"<unk>", "<s>", "<|endoftext|>"})
            if (int32_t id = idOf(v, keep); id >= 0) r.erase(std::remove(r.begin(), r.end(), id), r.end());
    } else if (contains(name, {"modern-bert"})) {
        if (int32_t id = idOf(v, "[MASK]"); id >= 0) l.push_back(id);
    }
    for (auto* ids : {&l, &r}) {
        std::sort(ids->begin(), ids->end());
        ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
    v.lstrip = std::move(l);
    v.rstrip = std::move(r);
}

}  // namespace gb
