// SPDX-License-Identifier: GPL-3.0-or-later
#include "disk_inspection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace deploycast {
namespace {
QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

// mountinfo and swaps write a space, tab, newline or backslash in a path as
// an octal escape ("\040").
QString unescapeOctal(const QString &field)
{
    QString out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == u'\\' && i + 3 < field.size() && field.mid(i + 1, 3).toInt(nullptr, 8) > 0) {
            out += QChar(field.mid(i + 1, 3).toInt(nullptr, 8));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

QString majorMinorOf(const QString &path)
{
    struct stat status{};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0 || !S_ISBLK(status.st_mode))
        return {};
    return QStringLiteral("%1:%2").arg(major(status.st_rdev)).arg(minor(status.st_rdev));
}

const BlockDeviceName *findDevice(const QList<BlockDeviceName> &devices, const QString &majorMinor, const QString &source)
{
    for (const BlockDeviceName &device : devices)
        if (device.majorMinor == majorMinor || source == u"/dev/"_qs + device.name)
            return &device;
    return nullptr;
}
} // namespace

QList<BlockDeviceName> DiskInspection::deviceAndPartitions(const QString &path, QString *why)
{
    const QString number = majorMinorOf(path);
    if (number.isEmpty()) {
        *why = QStringLiteral("%1 is not a block device").arg(path);
        return {};
    }
    // /sys/dev/block/MAJ:MIN leads to the device's folder; a whole disk has
    // a folder for each partition in it, each with a "partition" file.
    const QString folder = QFileInfo(u"/sys/dev/block/"_qs + number).canonicalFilePath();
    if (folder.isEmpty()) {
        *why = QStringLiteral("%1 (device %2) is not a device this kernel has").arg(path, number);
        return {};
    }
    QList<BlockDeviceName> devices{{QFileInfo(folder).fileName(), number}};
    const QDir dir(folder);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (QFileInfo::exists(dir.filePath(entry + u"/partition"_qs)))
            devices.append({entry, readText(dir.filePath(entry + u"/dev"_qs))});
    return devices;
}

QStringList DiskInspection::mountsIn(const QString &mountinfo, const QList<BlockDeviceName> &devices)
{
    // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw": the
    // third field is the device, the fifth the mount point, and the second
    // after " - " the source.
    QStringList found;
    for (const QString &line : mountinfo.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        const qsizetype separator = fields.indexOf(u"-"_qs);
        if (fields.size() < 5 || separator < 0 || separator + 2 >= fields.size())
            continue;
        if (const BlockDeviceName *device = findDevice(devices, fields[2], unescapeOctal(fields[separator + 2])))
            found.append(QStringLiteral("/dev/%1 is mounted at %2").arg(device->name, unescapeOctal(fields[4])));
    }
    return found;
}

QStringList DiskInspection::swapsIn(const QString &swaps, const QList<BlockDeviceName> &devices)
{
    QStringList found;
    const QStringList lines = swaps.split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first line is the heading
        const QString path = unescapeOctal(lines[i].section(u' ', 0, 0, QString::SectionSkipEmpty));
        if (const BlockDeviceName *device = findDevice(devices, majorMinorOf(path), path))
            found.append(QStringLiteral("/dev/%1 is in use as swap").arg(device->name));
    }
    return found;
}

QStringList DiskInspection::holdersOf(const BlockDeviceName &device)
{
    QStringList found;
    const QDir holders(QStringLiteral("/sys/class/block/%1/holders").arg(device.name));
    for (const QString &holder : holders.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        const QString mapped = readText(QStringLiteral("/sys/class/block/%1/dm/name").arg(holder));
        if (!mapped.isEmpty())
            found.append(QStringLiteral("/dev/%1 holds the device-mapper device %2 (/dev/mapper/%2: LVM or dm-crypt)")
                             .arg(device.name, mapped));
        else if (holder.startsWith(u"md"_qs))
            found.append(QStringLiteral("/dev/%1 is a member of the RAID array /dev/%2").arg(device.name, holder));
        else
            found.append(QStringLiteral("/dev/%1 is held by /dev/%2").arg(device.name, holder));
    }
    return found;
}

QStringList DiskInspection::uses(const QList<BlockDeviceName> &devices)
{
    QStringList found = mountsIn(readText(u"/proc/self/mountinfo"_qs), devices);
    found += swapsIn(readText(u"/proc/swaps"_qs), devices);
    for (const BlockDeviceName &device : devices)
        found += holdersOf(device);
    return found;
}

} // namespace deploycast
