// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>

namespace deploycast {

// Lets through at most `lines` log lines per `windowMs` and counts the rest,
// so that a flood of bad peers becomes a count in the log rather than a
// flood of lines (journald would drop them anyway, and take the admin's
// real messages with them).
class LogThrottle
{
public:
    LogThrottle(int lines, int windowMs)
        : m_lines(lines)
        , m_windowMs(windowMs)
    {
    }

    // Whether to log this one. When a new window starts, *heldBack says how
    // many lines the one before held back (to be mentioned once).
    bool allow(int *heldBack)
    {
        *heldBack = 0;
        if (!m_window.isValid() || m_window.elapsed() >= m_windowMs) {
            *heldBack = m_heldBack;
            m_window.start();
            m_used = 0;
            m_heldBack = 0;
        }
        if (m_used < m_lines) {
            ++m_used;
            return true;
        }
        ++m_heldBack;
        return false;
    }

private:
    int m_lines;
    int m_windowMs;
    QElapsedTimer m_window;
    int m_used = 0;
    int m_heldBack = 0;
};

} // namespace deploycast
