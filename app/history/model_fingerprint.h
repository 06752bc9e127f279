#pragma once
// The content hash recorded with each reply, so a reply names exactly the weights that wrote it.
//   "sha256:<hex>"         SHA-256 of the whole file (files up to 256 MiB)
//   "sha256-sampled:<hex>" SHA-256 of the size and 64 evenly spaced 1 MiB slices (larger files:
//                          hashing 10+ GB on every load would take minutes)
// Computed once per file (path, size, modification time) per process.
#include <QString>

namespace gb::history {

QString modelFingerprint(const QString& path);  // "" when the file cannot be read

}  // namespace gb::history
