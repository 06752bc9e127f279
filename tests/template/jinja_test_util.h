#pragma once
// Rendering helpers for the template tests. Expected outputs in these tests were taken from
// @huggingface/jinja 0.5.11 (marked "reference") or worked out by hand (marked "by hand").
#include <QtTest>
#include <string>

#include "template/chat_template.h"

namespace jt {

// Renders `source` with the given messages (JSON text) and bos "<s>", eos "</s>".
inline std::string render(const std::string& source, const std::string& messagesJson = "[]", bool generationPrompt = true,
                          const gb::TemplateLimits& limits = {}) {
    gb::ChatTemplateOptions opt;
    opt.bosToken = "<s>";
    opt.eosToken = "</s>";
    opt.addGenerationPrompt = generationPrompt;
    opt.limits = limits;
    return gb::renderChatTemplateJson(source, nlohmann::ordered_json::parse(messagesJson), opt);
}

// The error a template raises; fails the test when it renders.
inline gb::TemplateError renderError(const std::string& source, const gb::TemplateLimits& limits = {}) {
    try {
        render(source, "[]", true, limits);
    } catch (const gb::TemplateError& e) {
        return e;
    }
    return gb::TemplateError(gb::TemplateError::Kind::Runtime, "<rendered without error>");
}

inline QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace jt

#define RENDERS(source, expected) QCOMPARE(jt::q(jt::render(source)), QString::fromUtf8(expected))
