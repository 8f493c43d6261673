// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace deploycast {

// Once more than this share of a table's rows changed, one dataChanged for
// the whole table is cheaper for views than many small ones (as qBittorrent
// does). Shared by the client table and its proxy.
inline constexpr double kWholeTableShare = 0.5;

// Row numbers, in any order and with repeats, as runs of adjacent rows
// {first, last}, top down: one model signal per run instead of per row.
inline std::vector<std::pair<int, int>> rowRuns(std::vector<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<std::pair<int, int>> runs;
    for (int row : rows) {
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    return runs;
}

} // namespace deploycast
