// SPDX-License-Identifier: GPL-3.0-or-later
// The image catalog's commands: image groups, and install and boot images.
#include "cli_runner.h"
#include "cli_text.h"
#include "spec_builders.h"

namespace deploycast::cli::specs {
namespace {

SwitchSpec groupName(bool required)
{
    return text("ImageGroup", required, "<name>", CliText::tr("The image group's name."));
}

SwitchSpec detailed()
{
    return flag("Detailed", CliText::tr("Show every image in full."));
}

SwitchSpec imageType(bool required)
{
    return choice("ImageType", required, {u"Boot"_qs, u"Install"_qs},
                  CliText::tr("Install: an image that goes on a disk, kept in an image group. Boot: an image machines "
                              "boot to install, kept per architecture."));
}

// /Image, required, with /ImageType, required.
QList<SwitchSpec> namedImage()
{
    QList<SwitchSpec> switches = imageSwitches(true, CliText::tr("The image's name in the catalog."));
    switches[1] = imageType(true);
    return switches;
}

SwitchSpec unattendFile()
{
    return text("UnattendFile", false, "<path>",
                CliText::tr("An unattend file (at most 512 KiB) to keep with the image, read on this machine."));
}

} // namespace

QList<CommandSpec> catalogCommands()
{
    const SwitchSpec imageFile = text("ImageFile", true, "<path>",
                                      CliText::tr("The image file on this machine: a raw disk image. It is copied into "
                                                  "the server's image store."));
    return {
        {u"Add-ImageGroup"_qs,
         CliText::tr("Adds an image group: a folder of install images."),
         {groupName(true), server()},
         {u"deploycast /Add-ImageGroup /ImageGroup:Lab"_qs},
         &CliRunner::runAddImageGroup},
        {u"Remove-ImageGroup"_qs,
         CliText::tr("Removes an empty image group."),
         {groupName(true), server()},
         {u"deploycast /Remove-ImageGroup /ImageGroup:Lab"_qs},
         &CliRunner::runRemoveImageGroup},
        {u"Set-ImageGroup"_qs,
         CliText::tr("Renames an image group (its folder in the store too), or sets its security descriptor."),
         {groupName(true), text("Name", false, "<name>", CliText::tr("The group's new name.")),
          text("Security", false, "<SDDL>", CliText::tr("Who may use the group, as WDS writes it; kept and shown, not yet enforced.")),
          server()},
         {u"deploycast /Set-ImageGroup /ImageGroup:Lab /Name:\"Lab 2027\""_qs},
         &CliRunner::runSetImageGroup},
        {u"Get-ImageGroup"_qs,
         CliText::tr("Shows an image group and its images."),
         {groupName(true), detailed(), server(), format()},
         {u"deploycast /Get-ImageGroup /ImageGroup:Lab /Detailed"_qs},
         &CliRunner::runGetImageGroup},
        {u"Get-AllImageGroups"_qs,
         CliText::tr("Shows every image group."),
         {detailed(), server(), format()},
         {u"deploycast /Get-AllImageGroups /Detailed"_qs},
         &CliRunner::runGetAllImageGroups},
        {u"Add-Image"_qs,
         CliText::tr("Adds an image to the catalog, copying its file into the server's image store."),
         {imageFile, imageType(true), groupName(false),
          {u"Architecture"_qs, ValueKind::Choice, false, architectures(), {},
           CliText::tr("The image's architecture (default x64).")},
          text("SingleImage", false, "<name>",
               CliText::tr("Which image of a multi-image file to take; a raw disk image holds one, so it is that one.")),
          text("Name", false, "<name>", CliText::tr("The image's name (default: the file's name without its extension).")),
          text("Description", false, "<text>", CliText::tr("A description.")),
          text("Filename", false, "<file>", CliText::tr("The file name in the store (default: the image file's).")),
          unattendFile(),
          flag("SkipVerify", CliText::tr("Do not check the copy's SHA-256 against the file's.")),
          choice("Compress", false, {u"Yes"_qs, u"No"_qs},
                 CliText::tr("Yes: store the image compressed with zstd, one frame per chunk (seekable), so it goes on "
                             "the wire compressed and receivers decompress it as it comes; the file name gets .zst. A file "
                             "in that format already is stored as it is, with or without this switch.")),
          server()},
         {u"deploycast /Progress /Add-Image /ImageFile:win11.img /ImageType:Install /ImageGroup:Lab /Name:\"Windows 11\""_qs,
          u"deploycast /Progress /Add-Image /ImageFile:bookworm.img /ImageType:Install /ImageGroup:Lab /Compress:Yes"_qs},
         &CliRunner::runAddImage},
        {u"Get-Image"_qs,
         CliText::tr("Shows one image."),
         namedImage() + QList<SwitchSpec>{server(), format()},
         {u"deploycast /Get-Image /Image:\"Windows 11\" /ImageType:Install /ImageGroup:Lab"_qs},
         &CliRunner::runGetImage},
        {u"Get-AllImages"_qs,
         CliText::tr("Shows the images in the catalog."),
         {choice("Show", true, {u"Boot"_qs, u"Install"_qs, u"LegacyOneStep"_qs, u"All"_qs},
                 CliText::tr("Boot or Install: images of that type; All: both. LegacyOneStep (RIS images) is always empty.")),
          detailed(), server(), format()},
         {u"deploycast /Get-AllImages /Show:All /Detailed"_qs},
         &CliRunner::runGetAllImages},
        {u"Set-Image"_qs,
         CliText::tr("Changes an image's name, description, user filter, unattend file, or whether it is enabled."),
         namedImage()
             + QList<SwitchSpec>{text("Name", false, "<name>", CliText::tr("The image's new name.")),
                                 text("Description", false, "<text>", CliText::tr("The image's new description.")),
                                 text("UserFilter", false, "<SDDL>", CliText::tr("Who may see the image, as WDS writes it; "
                                                                                 "kept and shown, not yet enforced.")),
                                 choice("Enabled", false, {u"Yes"_qs, u"No"_qs},
                                        CliText::tr("No: the image takes no new transmission.")),
                                 unattendFile(),
                                 choice("OverwriteUnattend", false, {u"Yes"_qs, u"No"_qs},
                                        CliText::tr("Yes: replace an unattend file the image has already.")),
                                 server()},
         {u"deploycast /Set-Image /Image:\"Windows 11\" /ImageType:Install /Enabled:No"_qs},
         &CliRunner::runSetImage},
        {u"Replace-Image"_qs,
         CliText::tr("Replaces an image's file with another, keeping its place in the catalog."),
         namedImage()
             + QList<SwitchSpec>{{u"ReplacementImage"_qs, ValueKind::Flag, true, {}, {},
                                  CliText::tr("The replacement follows.")},
                                 inSection(imageFile, "ReplacementImage"),
                                 inSection(text("SourceImage", false, "<name>",
                                                CliText::tr("Which image of a multi-image file to take (as /SingleImage).")),
                                           "ReplacementImage"),
                                 inSection(text("Name", false, "<name>", CliText::tr("The image's new name.")), "ReplacementImage"),
                                 inSection(text("Description", false, "<text>", CliText::tr("The image's new description.")),
                                           "ReplacementImage"),
                                 inSection(text("Filename", false, "<file>",
                                                CliText::tr("The file name in the store: must stay the same in this version.")),
                                           "ReplacementImage"),
                                 server()},
         {u"deploycast /Progress /Replace-Image /Image:\"Windows 11\" /ImageType:Install /ReplacementImage /ImageFile:win11-23h2.img"_qs},
         &CliRunner::runReplaceImage},
        {u"Copy-Image"_qs,
         CliText::tr("Copies an install image into a new image of the same image group, on the server. To copy into "
                     "another group, /Export-Image it, then /Add-Image the file."),
         namedImage()
             + QList<SwitchSpec>{{u"DestinationImage"_qs, ValueKind::Flag, true, {}, {}, CliText::tr("The copy follows.")},
                                 inSection(text("Name", true, "<name>", CliText::tr("The copy's name.")), "DestinationImage"),
                                 inSection(text("Filename", true, "<file>", CliText::tr("The copy's file name in the store.")),
                                           "DestinationImage"),
                                 inSection(text("Description", false, "<text>", CliText::tr("The copy's description.")),
                                           "DestinationImage"),
                                 server(), format()},
         {u"deploycast /Copy-Image /Image:\"Windows 11\" /ImageType:Install /DestinationImage /Name:\"Windows 11 test\" /Filename:win11-test.img"_qs},
         &CliRunner::runCopyImage},
        {u"Export-Image"_qs,
         CliText::tr("Writes an image's file from the server to a file on this machine, verified, without changing the "
                     "catalog."),
         namedImage()
             + QList<SwitchSpec>{{u"DestinationImage"_qs, ValueKind::Flag, true, {}, {}, CliText::tr("The file to write follows.")},
                                 inSection(text("FilePath", true, "<path>",
                                                CliText::tr("The file to write on this machine. A Windows path from a WDS "
                                                            "script is a file name here.")),
                                           "DestinationImage"),
                                 inSection(text("Name", false, "<name>",
                                                CliText::tr("The exported image's name: shown, since a raw disk image has no "
                                                            "place to keep it.")),
                                           "DestinationImage"),
                                 inSection(text("Description", false, "<text>", CliText::tr("Likewise, its description.")),
                                           "DestinationImage"),
                                 inSection(choice("Overwrite", false, {u"Yes"_qs, u"No"_qs, u"Append"_qs},
                                                  CliText::tr("What to do if the file exists: No (the default) refuses, Yes "
                                                              "replaces it. Append adds to WIM files; a raw disk image holds "
                                                              "one image, so it is refused if the file exists.")),
                                           "DestinationImage"),
                                 server(), format()},
         {u"deploycast /Progress /Export-Image /Image:\"Windows 11\" /ImageType:Install /DestinationImage /FilePath:/srv/backup/win11.img"_qs},
         &CliRunner::runExportImage},
        {u"Remove-Image"_qs,
         CliText::tr("Removes an image from the catalog and its file from the image store."),
         namedImage() + QList<SwitchSpec>{server()},
         {u"deploycast /Remove-Image /Image:\"Windows 11\" /ImageType:Install"_qs},
         &CliRunner::runRemoveImage},
    };
}

} // namespace deploycast::cli::specs
