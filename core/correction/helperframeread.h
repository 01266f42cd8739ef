// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

namespace chronoscope::correction {

// Feeds `reader` (a ResponseFrameReader or a sysservice::TimeServiceFrameReader) from a helper's
// output, never more than the expected frame still needs: anything after it stays unread in the
// device's buffer. Returns Replied or Invalid as soon as the reader does; NeedMore when the bytes
// available so far do not complete the frame or the reader expects nothing.
template <typename FrameReader>
typename FrameReader::Progress readExpectedFrame(QIODevice &device, FrameReader &reader)
{
    while (reader.isAwaiting() && device.bytesAvailable() > 0) {
        const typename FrameReader::Progress progress = reader.feed(device.read(reader.bytesWanted()));
        if (progress != FrameReader::Progress::NeedMore)
            return progress;
    }
    return FrameReader::Progress::NeedMore;
}

} // namespace chronoscope::correction
