// deploycast-console: the Qt desktop console. All the work is in ui/ and models/.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/host_port.h"
#include "common/translations.h"
#include "main_window.h"
#include "protocol/messages.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>

using namespace deploycast;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Deploycast"_qs);
    QApplication::setApplicationName(u"deploycast-console"_qs);
    QApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));
    installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Deploycast console: watch and steer multicast transmissions and their clients."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_qs, u"Also watch this server for this run (repeatable)."_qs, u"HOST[:PORT]"_qs);
    const QCommandLineOption select(u"select"_qs, u"Select this tree node at start, e.g. \"127.0.0.1:7405/Multicast Transmissions/Lab\", "
                                                  "and put the keyboard focus in the client table."_qs,
                                    u"SERVER/PATH"_qs);
    parser.addOptions({server, select});
    parser.process(app);

    ServerList servers;
    QStringList addresses = QSettings().value(u"servers"_qs).toStringList() + parser.values(server);
    if (addresses.isEmpty())
        addresses.append(u"127.0.0.1:7405"_qs); // the local server
    for (const QString &text : std::as_const(addresses)) {
        QString error;
        const std::optional<HostPort> address = parseHostPort(text, proto::kDefaultPort, &error);
        if (!address) {
            std::fprintf(stderr, "deploycast-console: --server %s: %s\n", qPrintable(text), qPrintable(error));
            return 2;
        }
        servers.add(*address);
    }

    MainWindow window(&servers);
    window.resize(1280, 760);
    window.show();
    if (parser.isSet(select)) {
        // The node exists once the server's snapshot is in; try until then.
        const QString path = parser.value(select);
        auto tryUntilFound = std::make_shared<QMetaObject::Connection>();
        auto attempt = [&window, path, tryUntilFound] {
            if (window.selectPath(path))
                QObject::disconnect(*tryUntilFound);
        };
        for (ServerConnection *watched : servers.servers())
            *tryUntilFound = QObject::connect(watched, &ServerConnection::changed, &window, attempt);
        attempt();
    }
    return app.exec();
}
