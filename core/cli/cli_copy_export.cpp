// SPDX-License-Identifier: GPL-3.0-or-later
// /Copy-Image (a new image from another, copied on the server) and
// /Export-Image (an image's file written on this machine).
#include "cli_runner.h"

#include "client/image_exporter.h"
#include "client/management_client.h"
#include "common/printable.h"
#include "common/units.h"
#include "text_report.h"

namespace deploycast::cli {

void CliRunner::runCopyImage()
{
    ImageSender::Request request;
    request.copyOf = imageQuery();
    request.image.type = ImageType::Install;
    request.image.group = m_command.value(u"ImageGroup"_qs); // a copy stays in its source's group
    request.image.name = m_command.value(u"DestinationImage/Name"_qs);
    request.image.fileName = m_command.value(u"DestinationImage/Filename"_qs);
    request.description = m_command.value(u"DestinationImage/Description"_qs);
    verbose(tr("copying %1 to %2 on %3").arg(printable(request.copyOf->name), printable(request.image.name),
                                              printable(m_client->serverName())));
    runImageSender(request, printable(request.copyOf->name), [this](const QCborMap &copy) {
        if (json()) {
            printJson({{u"server"_qs, m_client->serverName()}, {u"image"_qs, copy}});
        } else {
            m_out << tr("Copied:") << '\n' << imageReport(copy, false);
        }
        done(Exit::Success);
    });
}

void CliRunner::runExportImage()
{
    const QString overwrite = m_command.value(u"DestinationImage/Overwrite"_qs);
    const ImageExporter::Request request{
        imageQuery(), m_command.value(u"DestinationImage/FilePath"_qs),
        overwrite == u"Yes"_qs ? ImageExporter::Overwrite::Yes
        : overwrite == u"Append"_qs ? ImageExporter::Overwrite::Append
                                     : ImageExporter::Overwrite::No};
    if (m_command.has(u"DestinationImage/Name"_qs) || m_command.has(u"DestinationImage/Description"_qs))
        verbose(tr("a raw disk image keeps no name or description: they are shown, not written"));
    auto *exporter = new ImageExporter(m_client, this);
    connect(exporter, &ImageExporter::progress, this, progressPrinter(tr("Exporting"), printable(request.image.name)));
    connect(exporter, &ImageExporter::finished, this, [this, request](qint64 size, const QString &sha256, const Error &error) {
        if (!error.isNull()) {
            failWith(error);
            return;
        }
        const QString name = m_command.has(u"DestinationImage/Name"_qs) ? m_command.value(u"DestinationImage/Name"_qs)
                                                                          : request.image.name;
        if (json()) {
            printJson({{u"server"_qs, m_client->serverName()},
                       {u"exported"_qs, QCborMap{{u"image"_qs, request.image.toCbor()},
                                                 {u"path"_qs, request.destination},
                                                 {u"size"_qs, size},
                                                 {u"sha256"_qs, sha256},
                                                 {u"name"_qs, name},
                                                 {u"description"_qs, m_command.value(u"DestinationImage/Description"_qs)}}}});
        } else {
            m_out << tr("Exported %1 to %2: %3, SHA-256 %4.")
                         .arg(printable(name), printable(request.destination), formatSize(size), sha256)
                  << '\n';
        }
        done(Exit::Success);
    });
    exporter->start(request);
}

} // namespace deploycast::cli
