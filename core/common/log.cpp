// SPDX-License-Identifier: GPL-3.0-or-later
#include "log.h"

#include "printable.h"

#include <cstdio>

Q_LOGGING_CATEGORY(lcMgmt, "deploycast.mgmt")
Q_LOGGING_CATEGORY(lcTransfer, "deploycast.transfer")
Q_LOGGING_CATEGORY(lcReceiver, "deploycast.receiver")
Q_LOGGING_CATEGORY(lcState, "deploycast.state")

namespace deploycast {
namespace {

// Every line goes out with the text of the message made printable: names
// and messages from peers end up in log lines, and a newline or an escape
// sequence in one must not forge a line or act on the admin's terminal.
void writeEscaped(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = qFormatLogMessage(type, context, printable(message));
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installLogFormat()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM"))
        qSetMessagePattern(QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                                          "%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}%{category}: %{message}"));
    else
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"));
    qInstallMessageHandler(writeEscaped);
}

} // namespace deploycast
