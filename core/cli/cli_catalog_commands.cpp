// SPDX-License-Identifier: GPL-3.0-or-later
// What the image catalog's commands ask the server (catalog_specs.cpp
// names these).
#include "cli_runner.h"

#include "cli_text.h"
#include "client/image_compressor.h"
#include "client/image_sender.h"
#include "client/management_client.h"
#include "common/printable.h"
#include "common/units.h"
#include "text_report.h"
#include "transfer/seekable_zstd.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace deploycast::cli {
namespace {

// What an unattend file may weigh (the server's own limit).
constexpr qint64 kMaxUnattendBytes = 512 * 1024;

// The file's name in a path as WDSUTIL's examples write them, with '\' or
// '/' between folders: "\\MyServer\Share\Boot.wim" gives "Boot.wim".
QString fileNameOf(const QString &path)
{
    return path.section(QRegularExpression(u"[/\\\\]"_qs), -1);
}

} // namespace

void CliRunner::runAddImageGroup()
{
    call(api::Method::AddImageGroup, {{u"name"_qs, m_command.value(u"ImageGroup"_qs)}}, [this](const QCborMap &r) {
        m_out << tr("Added image group %1.").arg(printable(r.value(u"group"_qs).toString())) << '\n';
        return Exit::Success;
    });
}

void CliRunner::runRemoveImageGroup()
{
    call(api::Method::RemoveImageGroup, {{u"name"_qs, m_command.value(u"ImageGroup"_qs)}}, [this](const QCborMap &r) {
        m_out << tr("Removed image group %1.").arg(printable(r.value(u"group"_qs).toString())) << '\n';
        return Exit::Success;
    });
}

void CliRunner::runSetImageGroup()
{
    QCborMap params{{u"name"_qs, m_command.value(u"ImageGroup"_qs)}};
    if (m_command.has(u"Name"_qs))
        params[u"newName"_qs] = m_command.value(u"Name"_qs);
    if (m_command.has(u"Security"_qs))
        params[u"security"_qs] = m_command.value(u"Security"_qs);
    if (params.size() == 1) {
        usageError(tr("/Set-ImageGroup needs something to set: /Name or /Security"));
        return;
    }
    call(api::Method::SetImageGroup, params, [this](const QCborMap &r) {
        m_out << tr("Image group %1 changed.").arg(printable(r.value(u"group"_qs).toString())) << '\n';
        return Exit::Success;
    });
}

void CliRunner::runGetImageGroup()
{
    const QString wanted = m_command.value(u"ImageGroup"_qs);
    callThen(api::Method::ListImageGroups, {}, [this, wanted](const QCborMap &groups) {
        QCborArray found;
        for (const QCborValue &group : groups.value(u"groups"_qs).toArray())
            if (group.toMap().value(u"name"_qs).toString().compare(wanted, Qt::CaseInsensitive) == 0)
                found.append(group);
        if (found.isEmpty()) {
            m_err << "deploycast: " << tr("there is no image group '%1'").arg(printable(wanted)) << Qt::endl;
            done(Exit::Refused);
            return;
        }
        QCborMap inGroup{{u"type"_qs, toText(ImageType::Install)}, {u"group"_qs, wanted}};
        call(api::Method::ListImages, {{u"image"_qs, inGroup}}, [this, found](const QCborMap &r) {
            return printImageGroups(found, r.value(u"images"_qs).toArray(), m_command.has(u"Detailed"_qs));
        });
    });
}

void CliRunner::runGetAllImageGroups()
{
    callThen(api::Method::ListImageGroups, {}, [this](const QCborMap &groups) {
        call(api::Method::ListImages, {{u"type"_qs, toText(ImageType::Install)}}, [this, groups](const QCborMap &r) {
            return printImageGroups(groups.value(u"groups"_qs).toArray(), r.value(u"images"_qs).toArray(),
                                    m_command.has(u"Detailed"_qs));
        });
    });
}

std::optional<QByteArray> CliRunner::readUnattendFile()
{
    QFile file(m_command.value(u"UnattendFile"_qs));
    if (file.size() > kMaxUnattendBytes || !file.open(QIODevice::ReadOnly)) {
        usageError(tr("cannot use the unattend file %1: %2").arg(file.fileName(),
                                                                 file.isOpen() || file.exists() ? tr("larger than 512 KiB or unreadable")
                                                                                                : tr("no such file")));
        return std::nullopt;
    }
    return file.readAll();
}

std::function<void(qint64, qint64)> CliRunner::progressPrinter(const QString &verb, const QString &what)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    return [this, showProgress = m_command.has(u"Progress"_qs), clock, verb, what](qint64 done, qint64 total) {
        if (!showProgress)
            return;
        const double seconds = std::max<double>(clock->elapsed(), 1) / 1000.0;
        //: %1 is "Copying" or "Exporting", %2 what.
        m_err << '\r' << tr("%1 %2: %3% (%4 of %5, %6 MB/s)")
                             .arg(verb, what)
                             .arg(total > 0 ? done * 100 / total : 100)
                             .arg(formatSize(done), formatSize(total))
                             .arg(double(done) / 1e6 / seconds, 0, 'f', 1)
              << (done == total ? "\n" : "") << Qt::flush;
    };
}

void CliRunner::runImageSender(const ImageSender::Request &request, const QString &what, std::function<void(const QCborMap &)> next)
{
    auto *sender = new ImageSender(m_client, this);
    connect(sender, &ImageSender::progress, this, progressPrinter(tr("Copying"), what));
    connect(sender, &ImageSender::finished, this, [this, next](const QCborMap &result, const Error &error) {
        if (!error.isNull()) {
            failWith(error);
            return;
        }
        next(result);
    });
    sender->start(request);
}

void CliRunner::sendImage(const QString &localFile, const ImageQuery &image, const QString &description, bool replace,
                          std::function<void(const QCborMap &)> next)
{
    if (!QFileInfo(localFile).isFile() || !QFileInfo(localFile).isReadable()) {
        usageError(tr("cannot read the image file %1").arg(localFile));
        return;
    }
    ImageSender::Request request{localFile, image, description, replace, !m_command.has(u"SkipVerify"_qs),
                                 m_command.value(u"ReplacementImage/Filename"_qs), std::nullopt};
    verbose(tr("sending %1 to %2").arg(localFile, printable(m_client->serverName())));
    runImageSender(request, image.fileName.isEmpty() ? fileNameOf(localFile) : image.fileName, next);
}

void CliRunner::runAddImage()
{
    const QString localFile = m_command.value(u"ImageFile"_qs);
    ImageQuery image;
    image.type = imageTypeFromString(m_command.value(u"ImageType"_qs)).value_or(ImageType::Install);
    image.group = m_command.value(u"ImageGroup"_qs);
    image.architecture = m_command.value(u"Architecture"_qs);
    image.fileName = m_command.has(u"Filename"_qs) ? m_command.value(u"Filename"_qs) : fileNameOf(localFile);
    image.name = m_command.has(u"Name"_qs) ? m_command.value(u"Name"_qs) : fileNameOf(localFile).section(u'.', 0, -2);
    if (image.type == ImageType::Boot && m_command.has(u"ImageGroup"_qs)) {
        usageError(tr("/ImageGroup goes with install images; boot images are kept per /Architecture"));
        return;
    }
    std::optional<QByteArray> unattend;
    if (m_command.has(u"UnattendFile"_qs) && !(unattend = readUnattendFile()))
        return;
    if (m_command.has(u"SingleImage"_qs))
        verbose(tr("/SingleImage: a raw disk image holds one image, which is taken whole"));
    const bool compress = m_command.value(u"Compress"_qs).compare(u"Yes"_qs, Qt::CaseInsensitive) == 0;
    if (compress && !ImageCompressor::isCompressedImage(localFile)) {
        if (!m_command.has(u"Filename"_qs) && !image.fileName.endsWith(u".zst"_qs))
            image.fileName += u".zst"_qs;
        compressImage(localFile, [this, image, unattend](const QString &compressed) {
            sendAddedImage(compressed, image, unattend);
        });
        return;
    }
    if (compress)
        verbose(tr("%1 is compressed (seekable zstd) already: it is stored as it is").arg(localFile));
    sendAddedImage(localFile, image, unattend);
}

void CliRunner::compressImage(const QString &localFile, std::function<void(const QString &)> next)
{
    if (!QFileInfo(localFile).isFile() || !QFileInfo(localFile).isReadable()) {
        usageError(tr("cannot read the image file %1").arg(localFile));
        return;
    }
    auto *compressor = new ImageCompressor(this);
    connect(compressor, &ImageCompressor::progress, this, progressPrinter(tr("Compressing"), fileNameOf(localFile)));
    connect(compressor, &ImageCompressor::finished, this, [this, next](const QString &compressed, const Error &error) {
        if (!error.isNull()) {
            failWith(error);
            return;
        }
        next(compressed);
    });
    compressor->start(localFile, SeekableZstd::kDefaultLevel);
}

void CliRunner::sendAddedImage(const QString &localFile, const ImageQuery &image, const std::optional<QByteArray> &unattend)
{
    sendImage(localFile, image, m_command.value(u"Description"_qs), false, [this, unattend](const QCborMap &added) {
        const CatalogImage image = CatalogImage::fromCbor(added);
        auto report = [this](const QCborMap &shown) {
            m_out << tr("Added:") << '\n' << imageReport(shown, false);
            return Exit::Success;
        };
        if (!unattend) {
            done(report(added));
            return;
        }
        call(api::Method::SetImage, {{u"image"_qs, image.query().toCbor()}, {u"unattend"_qs, *unattend}},
             [report](const QCborMap &r) { return report(r.value(u"image"_qs).toMap()); });
    });
}

void CliRunner::runGetImage()
{
    call(api::Method::ListImages, {{u"image"_qs, imageQuery().toCbor()}}, [this](const QCborMap &r) {
        const QCborArray images = r.value(u"images"_qs).toArray();
        if (images.size() != 1) {
            QStringList paths;
            for (const QCborValue &image : images)
                paths.append(printable(image.toMap().value(u"path"_qs).toString()));
            m_err << "deploycast: "
                  << (images.isEmpty() ? tr("there is no %1").arg(printable(imageQuery().describe()))
                                       : tr("%1 names %2 images (%3): add /ImageGroup, /Architecture or /Filename")
                                             .arg(printable(imageQuery().describe())).arg(images.size()).arg(paths.join(u", "_qs)))
                  << Qt::endl;
            return Exit::Refused;
        }
        if (json()) {
            printJson({{u"server"_qs, m_client->serverName()}, {u"image"_qs, images.first()}});
            return Exit::Success;
        }
        const QCborMap image = images.first().toMap();
        m_out << imageReport(image, true);
        return Exit::Success;
    });
}

void CliRunner::runGetAllImages()
{
    const QString show = m_command.value(u"Show"_qs);
    if (show == u"LegacyOneStep"_qs) { // RIS's images: a Deploycast server has none
        done(printImages({}, false, tr("Legacy one-step images on server %1:")));
        return;
    }
    QCborMap params;
    if (show != u"All"_qs)
        params[u"type"_qs] = show;
    call(api::Method::ListImages, params, [this](const QCborMap &r) {
        return printImages(r.value(u"images"_qs).toArray(), m_command.has(u"Detailed"_qs), tr("Images on server %1:"));
    });
}

void CliRunner::runSetImage()
{
    QCborMap params{{u"image"_qs, imageQuery().toCbor()}};
    for (const auto &[option, key] : {std::pair{u"Name"_qs, u"name"_qs}, std::pair{u"Description"_qs, u"description"_qs},
                                      std::pair{u"UserFilter"_qs, u"userFilter"_qs}})
        if (m_command.has(option))
            params[key] = m_command.value(option);
    if (m_command.has(u"Enabled"_qs))
        params[u"enabled"_qs] = m_command.value(u"Enabled"_qs) == u"Yes"_qs;
    if (m_command.has(u"UnattendFile"_qs)) {
        const std::optional<QByteArray> unattend = readUnattendFile();
        if (!unattend)
            return;
        params[u"unattend"_qs] = *unattend;
        params[u"overwriteUnattend"_qs] = m_command.value(u"OverwriteUnattend"_qs) == u"Yes"_qs;
    }
    if (params.size() == 1) {
        usageError(tr("/Set-Image needs something to set: /Name, /Description, /UserFilter, /Enabled or /UnattendFile"));
        return;
    }
    call(api::Method::SetImage, params, [this](const QCborMap &r) {
        const QCborMap image = r.value(u"image"_qs).toMap();
        m_out << tr("Changed:") << '\n' << imageReport(image, false);
        return Exit::Success;
    });
}

void CliRunner::runReplaceImage()
{
    sendImage(m_command.value(u"ReplacementImage/ImageFile"_qs), imageQuery(), {}, true, [this](const QCborMap &replaced) {
        QCborMap params{{u"image"_qs, CatalogImage::fromCbor(replaced).query().toCbor()}};
        if (m_command.has(u"ReplacementImage/Name"_qs))
            params[u"name"_qs] = m_command.value(u"ReplacementImage/Name"_qs);
        if (m_command.has(u"ReplacementImage/Description"_qs))
            params[u"description"_qs] = m_command.value(u"ReplacementImage/Description"_qs);
        auto report = [this](const QCborMap &shown) {
            m_out << tr("Replaced:") << '\n' << imageReport(shown, false);
            return Exit::Success;
        };
        if (params.size() == 1) {
            done(report(replaced));
            return;
        }
        call(api::Method::SetImage, params, [report](const QCborMap &r) { return report(r.value(u"image"_qs).toMap()); });
    });
}

void CliRunner::runRemoveImage()
{
    call(api::Method::RemoveImage, {{u"image"_qs, imageQuery().toCbor()}}, [this](const QCborMap &r) {
        m_out << tr("Removed %1.").arg(printable(r.value(u"image"_qs).toMap().value(u"path"_qs).toString())) << '\n';
        return Exit::Success;
    });
}

} // namespace deploycast::cli
