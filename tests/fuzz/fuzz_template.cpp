// Fuzz target: the chat-template renderer on arbitrary template sources. Bad templates must
// end in a TemplateError (syntax, runtime or a budget), never a crash or a hang.
#include <cstdint>
#include <string>

#include "template/chat_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 8192) return 0;
    const std::string src(reinterpret_cast<const char*>(data), size);
    std::vector<gb::ChatMessage> messages = {{"system", "Be brief."}, {"user", "Привет, 你好!"}, {"assistant", "Hi."}, {"user", "2+2?"}};
    gb::ChatTemplateOptions opt;
    opt.bosToken = "<s>";
    opt.eosToken = "</s>";
    // Smaller budgets keep each run short; hitting them is part of what is exercised.
    opt.limits.maxSteps = 200000;
    opt.limits.maxOutputBytes = 1u << 20;
    opt.limits.maxListLength = 100000;
    opt.limits.maxLoopIterations = 200000;
    try {
        (void)gb::renderChatTemplate(src, messages, opt);
    } catch (const gb::Error&) {
    }
    return 0;
}
