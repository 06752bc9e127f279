#pragma once
// One function per glassbox-cli command, each in its own cmd_*.cpp. Return the exit status.
#include <string>
#include <vector>

namespace cli {

using Argv = std::vector<std::string>;

int cmdInfo(const Argv& args);
int cmdTokenize(const Argv& args);
int cmdGenerate(const Argv& args);
int cmdInspect(const Argv& args);
int cmdBench(const Argv& args);
int cmdHistory(const Argv& args);
int cmdChat(const Argv& args);
int cmdTemplate(const Argv& args);
int cmdLab(const Argv& args);

}  // namespace cli
