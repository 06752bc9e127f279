#include "history_types.h"

namespace gb::history {

QString roleName(Role r) {
    switch (r) {
        case Role::System: return QStringLiteral("system");
        case Role::User: return QStringLiteral("user");
        case Role::Assistant: return QStringLiteral("assistant");
    }
    return QStringLiteral("user");
}

std::optional<Role> roleFromName(const QString& s) {
    if (s == QLatin1String("system")) return Role::System;
    if (s == QLatin1String("user")) return Role::User;
    if (s == QLatin1String("assistant")) return Role::Assistant;
    return std::nullopt;
}

}  // namespace gb::history
