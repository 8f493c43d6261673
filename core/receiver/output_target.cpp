// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_target.h"

#include "disk_output.h"
#include "output_file.h"

#include <QFile>

#include <sys/stat.h>

namespace deploycast {

OpenedTarget openOutputTarget(const QString &path)
{
    OpenedTarget opened;
    struct stat status{};
    if (::stat(QFile::encodeName(path).constData(), &status) == 0 && S_ISBLK(status.st_mode)) {
        auto disk = std::make_unique<DiskOutput>(path);
        opened.problem = disk->open();
        opened.diskRefused = !opened.problem.isEmpty();
        opened.diskCapacity = disk->capacity();
        if (!opened.diskRefused)
            opened.target = std::move(disk);
        return opened;
    }
    opened.problem = OutputFile::checkTarget(path);
    if (opened.problem.isEmpty())
        opened.target = std::make_unique<OutputFile>(path);
    return opened;
}

} // namespace deploycast
