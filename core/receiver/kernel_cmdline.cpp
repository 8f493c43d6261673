// SPDX-License-Identifier: GPL-3.0-or-later
#include "kernel_cmdline.h"

#include "common/quoted_words.h"

#include <QFileInfo>
#include <QHash>
#include <QProcess>

#include <cerrno>
#include <cstring>
#include <sys/reboot.h>
#include <unistd.h>

namespace deploycast {
namespace {
const QString kPrefix = u"deploycast."_qs;

// Parameters that take a value, and the option each becomes.
const QHash<QString, QString> &valueOptions()
{
    static const QHash<QString, QString> options{
        {u"server"_qs, u"--server"_qs},
        {u"image"_qs, u"--image"_qs},
        {u"image-group"_qs, u"--image-group"_qs},
        {u"architecture"_qs, u"--architecture"_qs},
        {u"transmission"_qs, u"--transmission"_qs},
        {u"target"_qs, u"--output"_qs},
        {u"fingerprint"_qs, u"--server-fingerprint"_qs},
        {u"join-token"_qs, u"--join-token"_qs},
        {u"name"_qs, u"--name"_qs},
    };
    return options;
}

// Parameters that are switches: "1", "yes" or "true" turn them on.
const QHash<QString, QString> &switchOptions()
{
    static const QHash<QString, QString> options{
        {u"verify-after"_qs, u"--verify-after"_qs},
        {u"no-fallback"_qs, u"--no-fallback"_qs},
    };
    return options;
}

bool isOn(const QString &value)
{
    return value.isEmpty() || value == u"1"_qs || value.compare(u"yes"_qs, Qt::CaseInsensitive) == 0
           || value.compare(u"true"_qs, Qt::CaseInsensitive) == 0;
}
} // namespace

std::optional<KernelCommandLine> KernelCommandLine::parse(const QString &commandLine, QString *error)
{
    KernelCommandLine result;
    QHash<QString, QString> given;
    for (const QString &word : splitQuotedWords(commandLine)) {
        if (!word.startsWith(kPrefix))
            continue; // the kernel's and other programs' parameters
        const QString key = word.mid(kPrefix.size()).section(u'=', 0, 0);
        const QString value = word.section(u'=', 1);
        if (key == u"after"_qs) {
            if (value != u"reboot"_qs && value != u"poweroff"_qs && value != u"none"_qs) {
                *error = QStringLiteral("deploycast.after takes reboot, poweroff or none, not '%1'").arg(value);
                return std::nullopt;
            }
            result.after = value == u"none"_qs ? QString() : value;
        } else if (valueOptions().contains(key)) {
            if (value.isEmpty()) {
                *error = QStringLiteral("deploycast.%1 needs a value (deploycast.%1=...)").arg(key);
                return std::nullopt;
            }
            given.insert(key, value);
            result.arguments << valueOptions().value(key) << value;
        } else if (key == u"ip"_qs) {
            continue; // the boot image's own: its /init sets the address (scripts/netboot-image)
        } else if (switchOptions().contains(key)) {
            if (isOn(value))
                result.arguments << switchOptions().value(key);
        } else {
            *error = QStringLiteral("deploycast.%1 is not a parameter deploycast-receive knows (see docs/netboot.md)").arg(key);
            return std::nullopt;
        }
    }
    const char *missing = !given.contains(u"server"_qs) ? "deploycast.server"
                          : !given.contains(u"image"_qs) && !given.contains(u"transmission"_qs)
                              ? "deploycast.image or deploycast.transmission"
                          : !given.contains(u"target"_qs) ? "deploycast.target" : nullptr;
    if (missing) {
        *error = QStringLiteral("the kernel command line has no %1").arg(QLatin1String(missing));
        return std::nullopt;
    }
    return result;
}

QString KernelCommandLine::performAfter(const QString &after)
{
    if (QFileInfo::exists(u"/run/systemd/system"_qs)) {
        const int code = QProcess::execute(u"systemctl"_qs, {after});
        return code == 0 ? QString() : QStringLiteral("systemctl %1 failed (exit code %2)").arg(after).arg(code);
    }
    ::sync();
    ::reboot(after == u"reboot"_qs ? RB_AUTOBOOT : RB_POWER_OFF);
    return QStringLiteral("cannot %1: %2").arg(after, QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace deploycast
