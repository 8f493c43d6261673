// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace deploycast {

// One block device as the kernel names it: "loop3" or "sda1", and its
// "major:minor".
struct BlockDeviceName {
    QString name;
    QString majorMinor;
};

// What a receiver checks before it writes over a disk (or a partition):
// whether anything uses it or a partition of it. A disk in use is refused
// with the names of what holds it, as an admin would look them up:
// mounted file systems (/proc/self/mountinfo), swap (/proc/swaps), and
// device-mapper (LVM, dm-crypt) or RAID (md) devices built on it
// (/sys/class/block/NAME/holders).
class DiskInspection
{
public:
    // The block device at `path` and its partitions; empty, with why, if
    // it is not a block device the kernel knows.
    static QList<BlockDeviceName> deviceAndPartitions(const QString &path, QString *why);
    // Each use of these devices, one line each ("/dev/loop3p1 is mounted at
    // /mnt"), or nothing if none.
    static QStringList uses(const QList<BlockDeviceName> &devices);

    // The mount points in a mountinfo text (proc(5)) of file systems on these
    // devices, by number or by source name (/dev/NAME), as "NAME at POINT".
    static QStringList mountsIn(const QString &mountinfo, const QList<BlockDeviceName> &devices);
    // The devices among these that a /proc/swaps text names.
    static QStringList swapsIn(const QString &swaps, const QList<BlockDeviceName> &devices);

private:
    static QStringList holdersOf(const BlockDeviceName &device);
};

} // namespace deploycast
