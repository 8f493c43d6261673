// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace deploycast {

// A machine that boots from the network and images itself: its boot loader
// (PXE, iPXE, GRUB) hands the settings over on the kernel command line, and
// `deploycast-receive --kernel-cmdline` turns them into its own options
// (docs/netboot.md):
//
//   deploycast.server=HOST[:PORT]    --server
//   deploycast.image=NAME            --image (with deploycast.image-group=,
//                                    deploycast.architecture=), or
//   deploycast.transmission=NAME     --transmission
//   deploycast.target=DEVICE         --output (a disk, /dev/sda)
//   deploycast.fingerprint=SHA256:…  --server-fingerprint
//   deploycast.join-token=TOKEN      --join-token
//   deploycast.name=MACHINE          --name
//   deploycast.verify-after=1        --verify-after
//   deploycast.no-fallback=1         --no-fallback
//   deploycast.after=reboot|poweroff what to do once the disk is written
//   deploycast.ip=ADDR/PREFIX        (the boot image's /init: a fixed address
//                                    instead of DHCP; ignored here)
//
// Values may be double-quoted ("Debian 12"), as boot loaders pass them.
struct KernelCommandLine {
    QStringList arguments; // deploycast-receive's own options
    QString after;         // "", "reboot" or "poweroff"

    // The deploycast.* parameters of a kernel command line (/proc/cmdline).
    // Nothing, with why, if one is unknown or badly formed, or if no server,
    // no image or transmission, or no target is given.
    static std::optional<KernelCommandLine> parse(const QString &commandLine, QString *error);
    // Reboots or powers off the machine: through systemd where it runs,
    // else (a bare initramfs) at once, after sync. Returns only on failure.
    static QString performAfter(const QString &after);
};

} // namespace deploycast
