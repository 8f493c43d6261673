#include "log.h"

Q_LOGGING_CATEGORY(lcMgmt, "deploycast.mgmt")
Q_LOGGING_CATEGORY(lcTransfer, "deploycast.transfer")
Q_LOGGING_CATEGORY(lcReceiver, "deploycast.receiver")
Q_LOGGING_CATEGORY(lcState, "deploycast.state")

namespace deploycast {

void installLogFormat()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM"))
        qSetMessagePattern(QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                                          "%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}%{category}: %{message}"));
    else
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"));
}

} // namespace deploycast
