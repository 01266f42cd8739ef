// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the NTS-KE record codec and the client's response rules (core/nts).
// Properties checked on every input, besides "no crash, no sanitizer report":
//   - a scan never holds more than MAX_KE_RECORDS records or bodies above MAX_KE_RECORD_BODY;
//   - a Complete scan re-encodes to exactly the input (nothing skipped, nothing invented);
//   - an accepted response has AEAD 15, 1..8 cookies within the size limits, and a valid port.
// The input is also fed in two pieces, as a TLS stream would deliver it.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/nts/kemessage.h"
#include "core/nts/kerecord.h"

using namespace chronoscope::nts;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkScan(QByteArrayView bytes)
{
    const KeRecordScan scan = scanKeRecords(bytes);
    check(scan.records.size() <= MAX_KE_RECORDS);
    for (const KeRecord &r : scan.records)
        check(r.body.size() <= MAX_KE_RECORD_BODY && r.type <= 0x7FFF);
    if (scan.state == KeRecordScan::State::Invalid) {
        check(!scan.error.isEmpty());
        return;
    }
    if (scan.state != KeRecordScan::State::Complete)
        return;
    QByteArray again;
    for (const KeRecord &r : scan.records)
        again += encodeKeRecord(r);
    check(again == bytes);
    const KeResponseCheck response = checkKeResponse(scan.records);
    if (!response.response) {
        check(response.failure.isFailure() && !response.failure.detail.isEmpty());
        return;
    }
    check(response.response->aead == AEAD_AES_SIV_CMAC_256);
    check(!response.response->cookies.isEmpty() && response.response->cookies.size() <= MAX_COOKIES);
    for (const QByteArray &cookie : response.response->cookies)
        check(cookie.size() >= 4 && cookie.size() <= MAX_COOKIE_SIZE && cookie.size() % 4 == 0);
    check(!response.response->ntpPort || *response.response->ntpPort != 0);
    check(response.response->ntpServer.size() <= MAX_NTP_SERVER_NAME);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkScan(bytes);
    if (!bytes.isEmpty())
        checkScan(bytes.first(bytes.size() / 2));   // a partial stream: Incomplete or Invalid, never a crash
    return 0;
}
