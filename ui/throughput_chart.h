// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "throughput_recorder.h"

#include <QWidget>

#include <deque>
#include <vector>

namespace deploycast {

// A transmission's throughput (the clients' total rate, a filled area
// against the left axis) and mean progress (a line against the right axis,
// 0–100%) over time, drawn with QPainter in the palette's colours.
class ThroughputChart : public QWidget
{
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);

    void setSamples(const std::deque<ThroughputRecorder::Sample> &samples);
    void setTitle(const QString &title);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::deque<ThroughputRecorder::Sample> m_samples;
    QString m_title;
};

// A client's recent rate as a small line, for the detail panel.
class RateSparkline : public QWidget
{
    Q_OBJECT
public:
    explicit RateSparkline(QWidget *parent = nullptr);
    void setRates(std::vector<float> rates);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<float> m_rates;
};

} // namespace deploycast
