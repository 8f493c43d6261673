// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/positioned_io.h"
#include "output_target.h"

namespace deploycast {

// Where a receiver puts the image: a hidden temporary file beside the output
// name, with its full size reserved up front (so a full disk is found at
// once, not halfway), renamed to the output name only once verified. If the
// transfer fails or is aborted, the temporary file is removed and nothing
// appears under the output name. The temporary file is locked while it is
// written, so one left by a receiver that was killed is told from one in
// use, and removed by the next run to the same output.
class OutputFile : public OutputTarget
{
public:
    explicit OutputFile(const QString &finalPath);
    ~OutputFile() override;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    // Why this output cannot be written as a file (it is a device, a FIFO,
    // a socket or a folder, or its folder does not exist), or nothing.
    // Checked before joining: never replace /dev/sdb with a file.
    static QString checkTarget(const QString &finalPath);

    // Removes what earlier runs to this output left behind; returns their names.
    static QStringList removeStaleParts(const QString &finalPath);

    bool create(qint64 size, Error *error) override;
    bool writeAt(qint64 offset, const void *data, qint64 length, Error *error) override;
    bool readAt(qint64 offset, void *data, qint64 length, Error *error) const override;
    bool zeroRange(qint64 offset, qint64 length, Error *error) override;
    bool flush(Error *error) override;
    bool commit(Error *error) override;
    void discard() override;

    QString temporaryPath() const { return m_temporaryPath; }
    QString writingPath() const override { return m_temporaryPath; }

private:
    QString m_finalPath;
    QString m_temporaryPath;
    int m_fd = -1;
    Writeback m_writeback;
};

} // namespace deploycast
