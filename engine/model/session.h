#pragma once
// One conversation's state over a shared Model: the KV cache and the scratch buffers.
// Not thread-safe; one thread drives a Session at a time.
#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace gb {

class Model;
class Observer;
struct ForwardState;

struct SessionOptions {
    int nCtx = 0;     // 0: the model's training context, at most 4096
    int threads = 0;  // 0: all cores (one for models under 32 MiB)
};

class Session {
public:
    Session(std::shared_ptr<const Model> model, const SessionOptions& opt = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Appends tokens at positions position()…; returns the logits (nVocab floats) of the last one.
    // Throws gb::Error when the context would overflow, gb::Cancelled when the stop flag is raised.
    std::span<const float> evaluate(std::span<const int32_t> tokens, Observer* obs = nullptr);

    // The final-norm hidden state of the last evaluated token (contrastive search uses it).
    std::span<const float> lastHidden() const;

    int position() const { return static_cast<int>(tokens_.size()); }
    int contextSize() const { return nCtx_; }
    const std::vector<int32_t>& tokens() const { return tokens_; }
    void truncate(int nTokens);  // forget positions >= nTokens
    void reset() { truncate(0); }
    std::unique_ptr<Session> fork() const;  // copy of the cache (beam search)

    void setStopFlag(const std::atomic<bool>* stop) { stop_ = stop; }

    // Keep the final-norm hidden state of every evaluated position (contrastive search).
    void setRecordHidden(bool on) { recordHidden_ = on; }
    const std::vector<float>& hiddenHistory() const { return hiddenHistory_; }  // [position][dim]
    const Model& model() const { return *model_; }
    std::shared_ptr<const Model> modelPtr() const { return model_; }
    uint64_t memoryBytes() const;

private:
    std::shared_ptr<const Model> model_;
    int nCtx_ = 0;
    int threads_ = 0;
    std::vector<int32_t> tokens_;
    std::unique_ptr<ForwardState> state_;
    const std::atomic<bool>* stop_ = nullptr;
    bool recordHidden_ = false;
    std::vector<float> hiddenHistory_;
};

}  // namespace gb
