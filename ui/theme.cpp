// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/theme.h"

#include <optional>

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace chronoscope::ui {
namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x91));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x4f, 0x52, 0x58));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x82, 0x86));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x82, 0x86));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x82, 0x86));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcb, 0xd0));
    return p;
}

} // namespace

void applyTheme(Theme theme)
{
    static std::optional<QPalette> system;
    if (!system)
        system = QApplication::palette();
    switch (theme) {
    case Theme::System: QApplication::setPalette(*system); return;
    case Theme::Light: QApplication::setPalette(lightPalette()); return;
    case Theme::Dark: QApplication::setPalette(darkPalette()); return;
    }
}

} // namespace chronoscope::ui
