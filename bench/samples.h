// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <vector>

// Timings of one benchmark case, in milliseconds, and their summaries.
struct Samples {
    std::vector<double> ms;

    double median() const { return rank(ms.size() / 2); }
    double p95() const { return rank(std::min(ms.size() - 1, ms.size() * 95 / 100)); }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }

private:
    double rank(std::size_t index) const // the index-th smallest
    {
        if (ms.empty())
            return 0;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[index];
    }
};
