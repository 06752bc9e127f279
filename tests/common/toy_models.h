#pragma once
// Small random-weight models written at test time (engine/gguf/random_model.h), for cases the
// shared trained models cannot show: a vocabulary small enough to search exhaustively, the
// full 32000-token LLaMA vocabulary, a sliding window.
#include <QTemporaryDir>
#include <string>
#include <vector>

#include "common/test_models.h"
#include "gguf/gguf_writer.h"
#include "gguf/random_model.h"

namespace gbtest {

// A vocabulary-only GGUF with `n` SentencePiece tokens: <unk>, <s>, </s>, then ▁t3 … .
inline std::string writeTinyVocab(const QTemporaryDir& dir, int n) {
    std::vector<std::string> tokens = {"<unk>", "<s>", "</s>"};
    std::vector<float> scores = {0, 0, 0};
    std::vector<int32_t> types = {2, 3, 3};
    for (int i = 3; i < n; ++i) {
        tokens.push_back("\xe2\x96\x81t" + std::to_string(i));
        scores.push_back(-static_cast<float>(i));
        types.push_back(1);
    }
    gb::GgufWriter w;
    w.setString("general.architecture", "llama");
    w.setString("tokenizer.ggml.model", "llama");
    w.set("tokenizer.ggml.tokens", gb::ggufStringArray(tokens));
    w.set("tokenizer.ggml.scores", gb::ggufF32Array(scores));
    w.set("tokenizer.ggml.token_type", gb::ggufI32Array(types));
    w.setU32("tokenizer.ggml.bos_token_id", 1);
    w.setU32("tokenizer.ggml.eos_token_id", 2);
    w.setU32("tokenizer.ggml.unknown_token_id", 0);
    const std::string path = dir.filePath("tiny-vocab.gguf").toStdString();
    w.write(path);
    return path;
}

inline std::string writeToyModel(const QTemporaryDir& dir, const std::string& name, gb::RandomModelSpec spec) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    gb::writeRandomLlamaModel(spec, path);
    return path;
}

}  // namespace gbtest
