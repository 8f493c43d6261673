#pragma once

#include "common/error.h"

#include <QString>

namespace deploycast {

// Where a receiver puts the image: a hidden temporary file beside the output
// name, with its full size reserved up front (so a full disk is found at
// once, not halfway), renamed to the output name only once verified. If the
// transfer fails or is aborted, the temporary file is removed and nothing
// appears under the output name.
class OutputFile
{
public:
    OutputFile() = default;
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    bool create(const QString &finalPath, qint64 size, Error *error);
    bool writeAt(qint64 offset, const void *data, qint64 length, Error *error);
    bool readAt(qint64 offset, void *data, qint64 length, Error *error) const;
    bool commit(Error *error);
    void discard();

    QString temporaryPath() const { return m_temporaryPath; }

private:
    QString m_finalPath;
    QString m_temporaryPath;
    int m_fd = -1;
    qint64 m_notWrittenBack = 0;
};

} // namespace deploycast
