// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace chronoscope::texts {

// Installs Chronoscope's translation for `locale` (compiled in as :/i18n/chronoscope_<lang>.qm)
// and Qt's own (qtbase_<lang>.qm from the Qt installation, where present). Returns true when
// a Chronoscope translation was found; English needs none. The GUI and chronoscope-cli call it
// with the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
bool installTranslations(QCoreApplication *app, const QLocale &locale = QLocale::system());
// Languages shipped, as ISO 639 codes ("de", "fr").
QStringList availableLanguages();

} // namespace chronoscope::texts
