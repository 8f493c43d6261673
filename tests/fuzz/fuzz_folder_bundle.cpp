// SPDX-License-Identifier: GPL-3.0-or-later
// A receiver's unpacking of a folder bundle (a namespace's folder), as a
// hostile server could make one: every input either writes a tree inside
// the target or writes nothing, and never anything beside it.
#include "transfer/folder_bundle.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    QTemporaryDir work;
    QFile bundle(work.filePath(u"in.bundle"_qs));
    if (!bundle.open(QIODevice::WriteOnly))
        std::abort();
    bundle.write(reinterpret_cast<const char *>(data), qsizetype(size));
    bundle.close();
    Error error;
    const bool unpacked = FolderBundle::unpack(bundle.fileName(), work.filePath(u"tree"_qs), &error);
    // Beside the bundle: the tree if it unpacked, and nothing else.
    const QStringList left = QDir(work.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    if (left != (unpacked ? QStringList{u"in.bundle"_qs, u"tree"_qs} : QStringList{u"in.bundle"_qs}))
        std::abort();
    return 0;
}
