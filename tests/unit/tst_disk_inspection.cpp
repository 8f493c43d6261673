// SPDX-License-Identifier: GPL-3.0-or-later
// How a receiver tells that a disk is in use, from the kernel's own tables.
#include "receiver/disk_inspection.h"

#include <QTest>

using namespace deploycast;

class TestDiskInspection : public QObject
{
    Q_OBJECT
private:
    const QList<BlockDeviceName> sdb{{u"sdb"_qs, u"8:16"_qs}, {u"sdb1"_qs, u"8:17"_qs}, {u"sdb2"_qs, u"8:18"_qs}};

private Q_SLOTS:
    void aMountedPartitionIsFoundByNumberOrByName()
    {
        const QString mountinfo =
            u"22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
            "35 22 8:18 / /srv/lab\\040images rw,relatime shared:2 - ext4 /dev/sdb2 rw\n"
            "40 22 0:45 / /var/lib/btrfs rw - btrfs /dev/sdb1 rw\n"
            "41 22 0:46 / /proc rw - proc proc rw\n"_qs;
        QCOMPARE(DiskInspection::mountsIn(mountinfo, sdb),
                 QStringList({u"/dev/sdb2 is mounted at /srv/lab images"_qs, u"/dev/sdb1 is mounted at /var/lib/btrfs"_qs}));
        QVERIFY(DiskInspection::mountsIn(mountinfo, {{u"sdc"_qs, u"8:32"_qs}}).isEmpty());
    }

    void aMalformedLineIsSkipped()
    {
        QVERIFY(DiskInspection::mountsIn(u"8:16\n1 2 8:16 /\n\n - - -\n"_qs, sdb).isEmpty());
    }

    void swapOnAPartitionIsFound()
    {
        const QString swaps = u"Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n"
                              "/dev/sdb1                               partition\t1048572\t0\t-2\n"_qs;
        QCOMPARE(DiskInspection::swapsIn(swaps, sdb), QStringList{u"/dev/sdb1 is in use as swap"_qs});
        QVERIFY(DiskInspection::swapsIn(u"Filename Type\n/swapfile file 100 0 -2\n"_qs, sdb).isEmpty());
    }

    void aPathThatIsNoBlockDeviceIsRefused()
    {
        QString why;
        QVERIFY(DiskInspection::deviceAndPartitions(u"/etc/hostname"_qs, &why).isEmpty());
        QVERIFY2(why.contains(u"not a block device"_qs), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestDiskInspection)
#include "tst_disk_inspection.moc"
