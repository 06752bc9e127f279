// One executable, several test classes (see each test_*.cpp).
#include <QCoreApplication>

int runLanguageTests(int argc, char** argv);
int runFilterTests(int argc, char** argv);
int runErrorTests(int argc, char** argv);
int runChatTemplateTests(int argc, char** argv);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    failures += runLanguageTests(argc, argv);
    failures += runFilterTests(argc, argv);
    failures += runErrorTests(argc, argv);
    failures += runChatTemplateTests(argc, argv);
    return failures == 0 ? 0 : 1;
}
