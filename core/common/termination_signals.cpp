// SPDX-License-Identifier: GPL-3.0-or-later
#include "termination_signals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace deploycast {
namespace {

int g_signalPipe[2] = {-1, -1};
int g_signal = 0;

void onSignal(int signal)
{
    // Only async-signal-safe work here: pass the signal to the event loop.
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t ignored = ::write(g_signalPipe[0], &byte, 1);
}

} // namespace

void quitOnTerminationSignals(SignalExit exit)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [exit] {
        char byte = 0;
        if (::read(g_signalPipe[1], &byte, 1) != 1 || g_signal != 0)
            return;
        g_signal = byte;
        QCoreApplication::exit(exit == SignalExit::Success ? 0 : 128 + g_signal);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // A peer that closes first makes a write fail with EPIPE, which every
    // socket path handles; as a signal it would end the whole process.
    ::signal(SIGPIPE, SIG_IGN);
}

int terminationSignal()
{
    return g_signal;
}

} // namespace deploycast
