// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QRectF>
#include <QWidget>

#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// The selection picture: every server's correctness interval [θ − λ, θ + λ] on one offset
// axis, the intersection [l, u] the algorithm found as a shaded band, the system offset as a
// line. Falsetickers are drawn in the "bad" colour and lie visibly outside the band. When
// intervals differ by orders of magnitude the axis becomes symmetric-logarithmic so that both
// a 1 ms interval and a falseticker seconds away stay visible.
class SelectionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionView)
public:
    explicit SelectionView(QWidget *parent = nullptr);

    void setData(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Layout as last painted, for tests: the bar of a server (empty when it has no interval)
    // and the intersection band (empty when there is none).
    QRectF barRect(int serverId) const;
    QRectF intersectionRect() const;
    bool isLogarithmic() const { return m_log; }
    int intervalCount() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row
    {
        int id = -1;
        QString name;
        engine::ServerState state = engine::ServerState::Unusable;
        std::optional<double> offset;    // θ, seconds
        std::optional<double> lambda;    // λ, seconds
        QRectF bar;
    };

    void computeScale();
    double toX(double seconds) const;
    QList<double> ticks() const;

    QList<Row> m_rows;
    std::optional<double> m_low;
    std::optional<double> m_high;
    std::optional<double> m_systemOffset;
    QRectF m_band;
    // Axis mapping: seconds → [m_left, m_right] pixels, linear or symmetric-log with
    // linear part |x| < m_linear.
    double m_min = -1e-3;
    double m_max = 1e-3;
    double m_linear = 1e-3;
    bool m_log = false;
    double m_left = 0;
    double m_right = 1;
};

} // namespace chronoscope::ui
