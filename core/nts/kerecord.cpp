// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/kerecord.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::nts {
namespace {

constexpr qsizetype RECORD_HEADER_SIZE = 4;
constexpr std::uint16_t CRITICAL_BIT = 0x8000;

void appendUint16(QByteArray &out, std::uint16_t value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}

} // namespace

QByteArray encodeKeRecord(const KeRecord &record)
{
    QByteArray out;
    out.reserve(RECORD_HEADER_SIZE + record.body.size());
    appendUint16(out, std::uint16_t((record.type & 0x7FFF) | (record.critical ? CRITICAL_BIT : 0)));
    appendUint16(out, std::uint16_t(record.body.size()));
    out.append(record.body);
    return out;
}

KeRecord makeUint16Record(KeRecordType type, bool critical, const QList<std::uint16_t> &values)
{
    KeRecord record{critical, std::uint16_t(type), {}};
    for (const std::uint16_t value : values)
        appendUint16(record.body, value);
    return record;
}

bool readUint16List(QByteArrayView body, QList<std::uint16_t> &values)
{
    values.clear();
    if (body.size() % 2 != 0)
        return false;
    const auto *d = reinterpret_cast<const uchar *>(body.data());
    for (qsizetype i = 0; i < body.size(); i += 2)
        values.append(qFromBigEndian<std::uint16_t>(d + i));
    return true;
}

KeRecordScan scanKeRecords(QByteArrayView bytes)
{
    KeRecordScan scan;
    if (bytes.size() > MAX_KE_MESSAGE_SIZE) {
        scan.state = KeRecordScan::State::Invalid;
        scan.error = u"key-exchange message of more than %1 bytes"_s.arg(MAX_KE_MESSAGE_SIZE);
        return scan;
    }
    const auto *d = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype pos = 0;
    while (bytes.size() - pos >= RECORD_HEADER_SIZE) {
        const std::uint16_t typeField = qFromBigEndian<std::uint16_t>(d + pos);
        const std::uint16_t length = qFromBigEndian<std::uint16_t>(d + pos + 2);
        if (length > MAX_KE_RECORD_BODY) {
            scan.state = KeRecordScan::State::Invalid;
            scan.error = u"record of type %1 at offset %2 claims a %3-byte body (limit %4)"_s.arg(typeField & 0x7FFF)
                             .arg(pos).arg(length).arg(MAX_KE_RECORD_BODY);
            return scan;
        }
        if (bytes.size() - pos - RECORD_HEADER_SIZE < length)
            break; // the body has not arrived yet
        if (scan.records.size() >= MAX_KE_RECORDS) {
            scan.state = KeRecordScan::State::Invalid;
            scan.error = u"more than %1 records in one key-exchange message"_s.arg(MAX_KE_RECORDS);
            return scan;
        }
        KeRecord record;
        record.critical = (typeField & CRITICAL_BIT) != 0;
        record.type = typeField & 0x7FFF;
        record.body = QByteArray(reinterpret_cast<const char *>(d + pos + RECORD_HEADER_SIZE), length);
        pos += RECORD_HEADER_SIZE + length;
        const bool end = record.type == std::uint16_t(KeRecordType::EndOfMessage);
        scan.records.append(std::move(record));
        if (end) {
            if (pos != bytes.size()) {
                scan.state = KeRecordScan::State::Invalid;
                scan.error = u"%1 bytes after End of Message"_s.arg(bytes.size() - pos);
                return scan;
            }
            scan.state = KeRecordScan::State::Complete;
            return scan;
        }
    }
    scan.state = KeRecordScan::State::Incomplete;
    return scan;
}

} // namespace chronoscope::nts
