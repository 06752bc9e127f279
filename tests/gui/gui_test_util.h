#pragma once
// Helpers for the GUI tests: a private profile (HOME, XDG dirs) per run, finding widgets by
// objectName, the demo model, and a slow-down for streaming (an InspectionProvider that sleeps).
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

#include "engine/inspection_hook.h"
#include "inspect/observer.h"

namespace gbgui {

// Call before QApplication exists: a fresh profile, so settings and history start empty.
inline QTemporaryDir& profileDir() {
    static QTemporaryDir dir;
    return dir;
}
inline void useFreshProfile() {
    const QString home = profileDir().path();
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_CONFIG_HOME", (home + "/config").toUtf8());
    qputenv("XDG_DATA_HOME", (home + "/data").toUtf8());
    qputenv("XDG_CACHE_HOME", (home + "/cache").toUtf8());
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
}

inline QString sourceDir() { return qEnvironmentVariable("GLASSBOX_SOURCE_DIR", QStringLiteral(GLASSBOX_TEST_SOURCE_DIR)); }
inline QString modelPath(const char* name) {
    return qEnvironmentVariable("GLASSBOX_TEST_MODELS", sourceDir() + "/../shared/models") + "/" + name;
}
inline QString demoModel() { return sourceDir() + "/resources/models/polyglot-moe-4m-q8_0.gguf"; }

// A copy of the demo model that says it is another architecture (general.architecture patched).
inline QString modelWithArchitecture(const QString& dir, const QByteArray& arch) {
    QFile demo(demoModel());
    if (!demo.open(QIODevice::ReadOnly)) return {};
    QByteArray bytes = demo.readAll();
    const QByteArray key = QByteArray("general.architecture") + QByteArray::fromHex("080000000500000000000000") + "llama";
    const qsizetype at = bytes.indexOf(key);
    if (at < 0 || arch.size() != 5) return {};
    bytes.replace(at + key.size() - 5, 5, arch);
    const QString path = dir + "/" + QString::fromLatin1(arch) + ".gguf";
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) return {};
    return path;
}

template <class T>
T* find(QObject* root, const QString& name) {
    T* w = root->findChild<T*>(name);
    if (!w) qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return w;
}

// The same replies on every run: a fixed seed instead of a new random one per reply (seed 3 makes
// the demo model write 48 tokens after "Love is" without ending early).
inline void fixSeed(QWidget* window, const char* seed = "3") {
    auto* random = window->findChild<QAbstractButton*>("randomSeed");
    auto* edit = window->findChild<QLineEdit*>("seedEdit");
    if (!random || !edit) return;
    random->setChecked(false);
    edit->setText(seed);
    emit edit->textEdited(seed);  // what the panel listens to (typing)
}

// Makes the engine slow enough to watch: sleeps after every token (and, optionally, on every
// attention row of a prompt evaluation).
class Throttle : public glassbox::InspectionProvider, public gb::Observer {
public:
    explicit Throttle(int msPerToken, int usPerAttentionRow = 0) : ms_(msPerToken), us_(usPerAttentionRow) {}
    gb::Observer* begin(const glassbox::GenerateCommand&, const gb::Model&, const std::vector<int32_t>&) override { return this; }
    QVariant collect(int, int32_t) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms_));
        return {};
    }
    void end() override {}
    bool wantsAttention(int, int) const override { return us_ > 0; }
    void onAttention(int, int, int, int, std::span<const float>) override {
        std::this_thread::sleep_for(std::chrono::microseconds(us_));
    }

private:
    int ms_, us_;
};

}  // namespace gbgui

// A main() that gives the run its own profile before QApplication exists.
#define GBGUI_TEST_MAIN(TestObject)                          \
    int main(int argc, char** argv) {                        \
        gbgui::useFreshProfile();                            \
        QApplication app(argc, argv);                        \
        QApplication::setOrganizationName("Glassbox");       \
        QApplication::setApplicationName("Glassbox");        \
        glassbox::ui::setUpApplication(app);                 \
        TestObject tc;                                       \
        return QTest::qExec(&tc, argc, argv);                \
    }
