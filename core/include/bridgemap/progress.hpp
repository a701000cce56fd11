#pragma once
// How far a long computation is, for a caller that shows it (the command line's progress bar).
// Reporting never changes a result.

#include <cstddef>
#include <functional>
#include <string_view>

namespace bridgemap {

/// Called with a stage ("betweenness, closeness, harmonic, bridging") and how far it is: `done`
/// of `total` units of work, done never decreasing within a stage and reaching total at its end
/// (total 0: the amount of work is not known). Empty: nothing is reported. Computations that run
/// on several threads call it from the calling thread only, and per block of work rather than
/// per item, so a reporter needs no locking of its own against them and costs little.
using ProgressReport = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// Calls `report` when it is set.
inline void report_progress(const ProgressReport& report, std::string_view stage, std::size_t done, std::size_t total) {
    if (report) report(stage, done, total);
}

}  // namespace bridgemap
