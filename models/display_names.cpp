// SPDX-License-Identifier: GPL-3.0-or-later
#include "display_names.h"

namespace deploycast {

QString DisplayNames::of(SessionState state)
{
    switch (state) {
    case SessionState::Waiting: return tr("Waiting");
    case SessionState::Active: return tr("Active");
    case SessionState::Deactivated: return tr("Deactivated");
    case SessionState::Finished: return tr("Finished");
    }
    return {};
}

QString DisplayNames::of(ClientState state)
{
    switch (state) {
    case ClientState::Waiting: return tr("waiting");
    case ClientState::Receiving: return tr("receiving");
    case ClientState::Repairing: return tr("repairing");
    case ClientState::Verifying: return tr("verifying");
    }
    return {};
}

QString DisplayNames::conditionOf(const SessionInfo &session)
{
    switch (session.condition) {
    case SessionCondition::Ready: return {};
    case SessionCondition::Preparing: return tr("Preparing (%1%)").arg(session.preparedPercent);
    case SessionCondition::ImageMissing: return tr("Image missing");
    case SessionCondition::WaitingForInterface: return tr("Waiting for interface");
    }
    return {};
}

QString DisplayNames::ofStream(const QString &stream)
{
    if (stream == u"fast"_qs)
        return tr("fast");
    if (stream == u"medium"_qs)
        return tr("medium");
    if (stream == u"slow"_qs)
        return tr("slow");
    return stream;
}

} // namespace deploycast
