// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QTest>

#include <cmath>

// CHECK_NEAR(actual, expected, tolerance): QVERIFY that |actual − expected| <= tolerance, and on
// failure print both values with 17 significant digits.
namespace chronoscope::testing {

inline bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

inline QByteArray describeNear(double actual, double expected)
{
    return QByteArray("actual ") + QByteArray::number(actual, 'g', 17) + " expected "
        + QByteArray::number(expected, 'g', 17);
}

} // namespace chronoscope::testing

#define CHECK_NEAR(actual, expected, tolerance) \
    do { \
        const double a_ = (actual); \
        const double e_ = (expected); \
        QVERIFY2(chronoscope::testing::near(a_, e_, (tolerance)), chronoscope::testing::describeNear(a_, e_).constData()); \
    } while (false)
