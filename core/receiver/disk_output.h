// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/positioned_io.h"
#include "output_target.h"

namespace deploycast {

// A whole disk or a partition as the target, written in place as udpcast
// and Clonezilla write one. Before joining, the device must be unused: not
// mounted, not swap, not under LVM, dm-crypt or RAID, itself or any
// partition of it (DiskInspection), and it is then opened exclusively
// (O_EXCL), so nothing can mount it meanwhile. Once the image is known it
// must fit. Chunks of zeros are zeroed with BLKZEROOUT, which the device
// may do without writing (thin storage, SSDs, loop devices). At the end
// the writes are flushed, the page cache dropped (so --verify-after reads
// the disk), and the kernel asked to read the partition table again.
//
// There is nothing to roll back: a transfer that fails leaves part of an
// image, which is not a usable disk, and the receiver says so.
class DiskOutput : public OutputTarget
{
public:
    explicit DiskOutput(const QString &devicePath);
    ~DiskOutput() override;

    // Why this device cannot be written now (what uses it), or nothing. On
    // success the device stays open, exclusively, until the receiver ends.
    QString open();
    qint64 capacity() const { return m_capacity; }

    bool create(qint64 size, Error *error) override;
    bool writeAt(qint64 offset, const void *data, qint64 length, Error *error) override;
    bool readAt(qint64 offset, void *data, qint64 length, Error *error) const override;
    bool zeroRange(qint64 offset, qint64 length, Error *error) override;
    bool flush(Error *error) override;
    bool commit(Error *error) override;
    void discard() override;

    bool isDisk() const override { return true; }
    QString writingPath() const override { return m_path; }
    QString commitNotice() const override { return m_notice; }

private:
    Error ioError(const QString &what) const;

    QString m_path;
    int m_fd = -1;
    qint64 m_capacity = 0;
    int m_sectorSize = 512;
    Writeback m_writeback;
    QString m_notice;
};

} // namespace deploycast
