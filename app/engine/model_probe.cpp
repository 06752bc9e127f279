#include "engine/model_probe.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include "engine/prompt_format.h"
#include "gguf/gguf_file.h"
#include "model/model.h"
#include "model/model_config.h"
#include "util/error.h"
#include "util/system_memory.h"

namespace glassbox {


ModelInfo describeModel(const gb::GgufFile& f, const QString& path) {
    ModelInfo m;
    m.path = path;
    m.name = QString::fromStdString(f.getString("general.name"));
    if (m.name.isEmpty()) m.name = QFileInfo(path).completeBaseName();
    m.architecture = QString::fromStdString(f.getString("general.architecture"));
    const std::string a = f.getString("general.architecture");
    m.contextLength = int(f.getInt(a + ".context_length", 0));
    m.layers = int(f.getInt(a + ".block_count", 0));
    m.embedding = int(f.getInt(a + ".embedding_length", 0));
    m.heads = int(f.getInt(a + ".attention.head_count", 0));
    m.kvHeads = int(f.getInt(a + ".attention.head_count_kv", m.heads));
    m.experts = int(f.getInt(a + ".expert_count", 0));
    m.expertsUsed = int(f.getInt(a + ".expert_used_count", 0));
    if (const auto* v = f.find("tokenizer.ggml.tokens")) m.vocabSize = int(v->items.size());
    const gb::ModelSummary s = gb::Model::inspect(f);
    m.parameters = s.parameters;
    m.quantization = QString::fromStdString(s.dominantType);
    m.fileBytes = s.fileBytes;
    m.weightBytes = s.weightBytes;
    m.kvBytesPerToken = s.kvBytesPerToken;
    const std::string tmpl = f.getString("tokenizer.chat_template");
    m.hasChatTemplate = !tmpl.empty();
    m.chatFormat = QString::fromStdString(PromptFormat(tmpl).name());
    return m;
}

ProbeResult probeModel(const QString& path, quint64 memoryLimit) {
    ProbeResult r;
    r.info.path = path;
    const QFileInfo fi(path);
    if (!fi.exists()) {
        r.error = QCoreApplication::translate("ModelProbe", "The file “%1” does not exist.").arg(path);
        return r;
    }
    std::shared_ptr<gb::GgufFile> f;
    try {
        f = gb::GgufFile::open(path.toStdString());
    } catch (const gb::Error& e) {
        r.error = QCoreApplication::translate("ModelProbe", "“%1” is not a GGUF model file: %2").arg(fi.fileName(), QString::fromStdString(e.what()));
        return r;
    }
    try {
        r.info = describeModel(*f, path);
        gb::ModelConfig::fromGguf(*f);  // the architecture and its hyperparameters
    } catch (const gb::Error& e) {
        r.error = QCoreApplication::translate("ModelProbe", "Glassbox cannot run “%1”: %2").arg(fi.fileName(), QString::fromStdString(e.what()));
        return r;
    }
    const quint64 avail = memoryLimit ? memoryLimit : gb::availableMemoryBytes();
    const quint64 need = r.info.weightBytes;
    if (avail > 0 && need > avail) {
        const QLocale loc;
        r.error = QCoreApplication::translate("ModelProbe", "“%1” needs %2 of memory but only %3 are available. Close other programs or choose a smaller "
                     "(more quantized) model.")
                      .arg(fi.fileName(), loc.formattedDataSize(qint64(need)), loc.formattedDataSize(qint64(avail)));
    }
    return r;
}

}  // namespace glassbox
