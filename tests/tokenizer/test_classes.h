#pragma once
// Each test file registers its QObject test class here, so main.cpp can run them all.
#include <QObject>
#include <functional>
#include <memory>
#include <vector>

using TestFactory = std::function<std::unique_ptr<QObject>()>;
std::vector<TestFactory>& tokenizerTestClasses();

template <class T>
struct RegisterTest {
    RegisterTest() { tokenizerTestClasses().push_back([] { return std::make_unique<T>(); }); }
};
