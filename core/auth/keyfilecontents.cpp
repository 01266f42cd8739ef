// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfilecontents.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

QString describe(const QString &fileName, const QList<KeyFileIssue> &issues)
{
    QStringList lines;
    for (const KeyFileIssue &issue : issues) {
        lines.append(issue.line > 0 ? u"%1:%2: %3"_s.arg(fileName).arg(issue.line).arg(issue.message)
                                    : u"%1: %2"_s.arg(fileName, issue.message));
    }
    return lines.join(u'\n');
}

} // namespace

QString KeyFileContents::describeErrors() const
{
    return describe(fileName, errors);
}

QString KeyFileContents::describeWarnings() const
{
    return describe(fileName, warnings);
}

QString KeyFileContents::keyIdList() const
{
    QStringList ids;
    for (const SymmetricKey &key : keys)
        ids.append(QString::number(key.id));
    return ids.isEmpty() ? u"none"_s : ids.join(u", "_s);
}

const SymmetricKey *KeyFileContents::find(std::uint32_t id) const
{
    for (const SymmetricKey &key : keys) {
        if (key.id == id)
            return &key;
    }
    return nullptr;
}

} // namespace chronoscope::auth
