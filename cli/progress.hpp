#pragma once
// Progress on stderr for long runs: a stage and a bar with a percentage, shown only once a run
// has taken longer than a delay (2 s) and only when stderr is a terminal or --progress asks for
// it, so that short runs, pipes and tests see nothing. On a terminal the line is redrawn in
// place and cleared at the end; otherwise (--progress into a file) a line is written when the
// stage changes or every 10%. The command's own stderr messages go through clear() first.

#include <bridgemap/progress.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace bridgemap::cli {

class Progress {
public:
    using Clock = std::chrono::steady_clock;

    /// Progress of `command` ("seat") on std::cerr, shown after 2 s (or after the environment's
    /// BRIDGEMAP_PROGRESS_DELAY_MS, which the end-to-end tests set to 0): `forced` is --progress.
    /// When shown, a thread redraws it ten times a second, so a long stage with no updates of
    /// its own appears once the delay has passed.
    Progress(std::string command, bool forced);
    /// For tests: on `out`, as a terminal or not, after `delay`, with the time from `now`; no
    /// thread (tests call tick()).
    Progress(std::string command, std::ostream& out, bool terminal, bool enabled, Clock::duration delay,
             std::function<Clock::time_point()> now);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    /// Clears the line on a terminal.
    ~Progress();

    /// Where the run is: `stage`, `done` of `total` (total 0: no bar). Cheap when nothing is shown.
    void update(std::string_view stage, std::size_t done, std::size_t total);
    /// Draws the last update if it is due and not drawn yet (what the thread calls).
    void tick();
    /// Before other text on stderr: clears the terminal line; nothing is drawn until the next update.
    void clear();
    /// The run is over: clears the terminal line (nothing more is shown).
    void finish();
    /// On a terminal of `columns` columns (0: no limit), the stage is shortened so that the
    /// line and its bar fit on one row (a line that wraps cannot be redrawn in place).
    void fit_to(std::size_t columns);
    /// update() as a core ProgressReport (for AnalysisOptions::progress and the like).
    [[nodiscard]] ProgressReport reporter();

    /// "seat: planning round 2 of 3 [########            ] 40%" for a bar of `width` cells.
    static std::string line(std::string_view command, std::string_view stage, std::size_t done, std::size_t total,
                            std::size_t width = 20);

private:
    void draw(Clock::time_point now);  ///< With mutex_ held.
    void stop_thread();

    std::string command_;
    std::ostream* out_;
    bool terminal_;
    bool enabled_;
    Clock::duration delay_;
    std::function<Clock::time_point()> now_;
    Clock::time_point start_;

    std::mutex mutex_;   ///< Guards everything below.
    std::string stage_;  ///< The last update, drawn or not.
    std::size_t done_ = 0;
    std::size_t total_ = 0;
    bool paused_ = false;  ///< After clear(), until the next update.
    Clock::time_point last_draw_{};
    std::string last_stage_;
    int last_percent_ = -1;
    std::size_t drawn_width_ = 0;  ///< Characters on the terminal line now.
    std::size_t columns_ = 0;      ///< The terminal's width; 0: no limit.
    bool finished_ = false;

    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace bridgemap::cli
