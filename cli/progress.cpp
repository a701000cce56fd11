#include "progress.hpp"

#include <unistd.h>
#include <algorithm>
#include <iostream>

namespace bridgemap::cli {

Progress::Progress(std::string command, bool forced)
    : Progress(std::move(command), std::cerr, ::isatty(STDERR_FILENO) == 1, forced || ::isatty(STDERR_FILENO) == 1,
               std::chrono::seconds(2), [] { return Clock::now(); }) {}

Progress::Progress(std::string command, std::ostream& out, bool terminal, bool enabled, Clock::duration delay,
                   std::function<Clock::time_point()> now)
    : command_(std::move(command)),
      out_(&out),
      terminal_(terminal),
      enabled_(enabled),
      delay_(delay),
      now_(std::move(now)),
      start_(now_()) {}

Progress::~Progress() {
    finish();
}

std::string Progress::line(std::string_view command, std::string_view stage, std::size_t done, std::size_t total,
                           std::size_t width) {
    std::string text(command);
    text += ": ";
    text += stage;
    if (total == 0) return text;
    const std::size_t clamped = std::min(done, total);
    const std::size_t filled = clamped * width / total;
    text += " [" + std::string(filled, '#') + std::string(width - filled, ' ') + "] ";
    text += std::to_string(clamped * 100 / total) + "%";
    return text;
}

void Progress::update(std::string_view stage, std::size_t done, std::size_t total) {
    if (!enabled_ || finished_) return;
    const Clock::time_point now = now_();
    if (now - start_ < delay_) return;
    const int percent = total == 0 ? -1 : static_cast<int>(std::min(done, total) * 100 / total);
    const bool new_stage = stage != last_stage_;
    if (terminal_) {
        // Redraw at most ten times a second, or at once for a new stage.
        if (!new_stage && (percent == last_percent_ || now - last_draw_ < std::chrono::milliseconds(100))) return;
        const std::string text = line(command_, stage, done, total);
        *out_ << '\r' << text;
        if (text.size() < drawn_width_) *out_ << std::string(drawn_width_ - text.size(), ' ') << '\r' << text;
        out_->flush();
        drawn_width_ = text.size();
    } else {
        // One line per stage and per 10%.
        if (!new_stage && percent / 10 == last_percent_ / 10) return;
        *out_ << line(command_, stage, done, total) << '\n';
        out_->flush();
    }
    last_draw_ = now;
    last_stage_ = std::string(stage);
    last_percent_ = percent;
}

void Progress::finish() {
    if (finished_) return;
    finished_ = true;
    if (terminal_ && drawn_width_ > 0) {
        *out_ << '\r' << std::string(drawn_width_, ' ') << '\r';
        out_->flush();
    }
}

}  // namespace bridgemap::cli
