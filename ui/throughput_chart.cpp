// SPDX-License-Identifier: GPL-3.0-or-later
#include "throughput_chart.h"

#include "common/units.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace deploycast {
namespace {

// A round top for the rate axis: 1, 2 or 5 times a power of ten, in bytes/s.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1e6;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (value <= step * power)
            return step * power;
    return 10 * power;
}

QColor progressColor(const QPalette &palette)
{
    // The highlight's complement, kept readable on the base colour.
    QColor color = palette.color(QPalette::Highlight).toHsl();
    const bool darkBase = palette.color(QPalette::Base).lightnessF() < 0.5;
    return QColor::fromHslF((color.hslHueF() + 0.45f) - std::floor(color.hslHueF() + 0.45f), 0.75f, darkBase ? 0.65f : 0.38f);
}

} // namespace

ThroughputChart::ThroughputChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"throughputChart"_qs);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ThroughputChart::setSamples(const std::deque<ThroughputRecorder::Sample> &samples)
{
    m_samples = samples;
    update();
}

void ThroughputChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

QSize ThroughputChart::sizeHint() const
{
    return {480, fontMetrics().height() * 9};
}

QSize ThroughputChart::minimumSizeHint() const
{
    return {200, fontMetrics().height() * 6};
}

void ThroughputChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = this->palette();
    const QFontMetrics metrics = fontMetrics();
    const QLocale locale;
    painter.fillRect(rect(), palette.color(QPalette::Base));

    double peak = 0;
    for (const auto &sample : m_samples)
        peak = std::max(peak, sample.bytesPerSecond);
    const double top = niceCeiling(peak);
    const QString topLabel = formatRate(qint64(top), locale);
    const int left = metrics.horizontalAdvance(topLabel) + 8;
    const int right = metrics.horizontalAdvance(u"100 %"_qs) + 8;
    const int titleHeight = metrics.height() + 4;
    const QRect plot(left, titleHeight, std::max(10, width() - left - right), std::max(10, height() - titleHeight - metrics.height() - 6));

    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRect(0, 2, width(), metrics.height()), Qt::AlignHCenter, m_title);
    // Axes and a grid at halves.
    const QColor grid = palette.color(QPalette::Mid);
    painter.setPen(QPen(grid, 1));
    painter.drawRect(plot);
    painter.drawLine(plot.left(), plot.center().y(), plot.right(), plot.center().y());
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRect(0, plot.top() - metrics.height() / 2, left - 4, metrics.height()), Qt::AlignRight, topLabel);
    painter.drawText(QRect(0, plot.bottom() - metrics.height() / 2, left - 4, metrics.height()), Qt::AlignRight, u"0"_qs);
    painter.drawText(QRect(plot.right() + 4, plot.top() - metrics.height() / 2, right, metrics.height()), Qt::AlignLeft,
                     tr("%1%").arg(100));
    painter.drawText(QRect(plot.right() + 4, plot.bottom() - metrics.height() / 2, right, metrics.height()), Qt::AlignLeft,
                     tr("%1%").arg(0));

    if (m_samples.size() < 2) {
        painter.drawText(plot, Qt::AlignCenter, tr("Collecting figures…"));
        return;
    }
    const qint64 span = std::max<qint64>(1, m_samples.front().time.msecsTo(m_samples.back().time));
    auto xOf = [&](const QDateTime &time) {
        return plot.left() + double(m_samples.front().time.msecsTo(time)) / double(span) * plot.width();
    };
    QPainterPath area;
    area.moveTo(plot.left(), plot.bottom());
    QPainterPath progress;
    bool first = true;
    for (const auto &sample : m_samples) {
        const double x = xOf(sample.time);
        area.lineTo(x, plot.bottom() - sample.bytesPerSecond / top * plot.height());
        const QPointF point(x, plot.bottom() - sample.percent / 100.0 * plot.height());
        if (first)
            progress.moveTo(point);
        else
            progress.lineTo(point);
        first = false;
    }
    area.lineTo(plot.right(), plot.bottom());
    area.closeSubpath();
    QColor fill = palette.color(QPalette::Highlight);
    fill.setAlphaF(0.35f);
    painter.fillPath(area, fill);
    painter.setPen(QPen(palette.color(QPalette::Highlight), 1.5));
    painter.drawPath(area);
    painter.setPen(QPen(progressColor(palette), 2, Qt::DashLine));
    painter.drawPath(progress);

    // The time axis: how long ago, at the ends.
    painter.setPen(palette.color(QPalette::Text));
    const qint64 minutes = span / 60'000;
    const QString since = minutes > 0 ? tr("%n minute(s) ago", nullptr, int(minutes))
                                      : tr("%n second(s) ago", nullptr, int(span / 1000));
    const QString now = tr("now");
    const QRect axis(plot.left(), plot.bottom() + 2, plot.width(), metrics.height());
    painter.drawText(axis, Qt::AlignLeft, since);
    painter.drawText(axis, Qt::AlignRight, now);
    // The legend, in the middle of the time axis, where it fits between the ends.
    const QString legend = tr("area: total rate — dashes: mean progress");
    const int ends = 2 * std::max(metrics.horizontalAdvance(since), metrics.horizontalAdvance(now)) + 24;
    if (metrics.horizontalAdvance(legend) + ends <= plot.width())
        painter.drawText(axis, Qt::AlignHCenter, legend);
}

RateSparkline::RateSparkline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"rateSparkline"_qs);
}

void RateSparkline::setRates(std::vector<float> rates)
{
    m_rates = std::move(rates);
    update();
}

QSize RateSparkline::sizeHint() const
{
    return {240, fontMetrics().height() * 3};
}

void RateSparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = this->palette();
    painter.fillRect(rect(), palette.color(QPalette::Base));
    painter.setPen(palette.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_rates.size() < 2) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("no rate history yet"));
        return;
    }
    const float peak = std::max(1.0f, *std::max_element(m_rates.begin(), m_rates.end()));
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    QPainterPath line;
    for (std::size_t i = 0; i < m_rates.size(); ++i) {
        const QPointF point(area.left() + area.width() * double(i) / double(m_rates.size() - 1),
                            area.bottom() - area.height() * double(m_rates[i] / peak));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    painter.setPen(QPen(palette.color(QPalette::Highlight), 1.5));
    painter.drawPath(line);
}

} // namespace deploycast
