// Runs every tokenizer test class in one executable (one ctest entry).
// `test_tokenizer TestVectors [QtTest options]` runs one class only.
#include <QCoreApplication>
#include <QtTest>
#include <cstring>

#include "test_classes.h"

std::vector<TestFactory>& tokenizerTestClasses() {
    static std::vector<TestFactory> classes;
    return classes;
}

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const char* only = nullptr;
    if (argc > 1 && argv[1][0] != '-' && std::strncmp(argv[1], "Test", 4) == 0 && !std::strchr(argv[1], ':')) {
        only = argv[1];
        argv[1] = argv[0];  // drop the class name from what QtTest sees
        ++argv, --argc;
    }
    int failed = 0;
    for (auto& make : tokenizerTestClasses()) {
        std::unique_ptr<QObject> t = make();
        if (only && std::strcmp(t->metaObject()->className(), only) != 0) continue;
        failed += QTest::qExec(t.get(), argc, argv);
    }
    return failed == 0 ? 0 : 1;
}
