#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace bridgemap::cli {

namespace {

/// 2 s, or BRIDGEMAP_PROGRESS_DELAY_MS milliseconds (for the end-to-end tests, which cannot wait).
Progress::Clock::duration delay_from_environment() {
    const char* text = std::getenv("BRIDGEMAP_PROGRESS_DELAY_MS");
    if (text == nullptr || *text == '\0') return std::chrono::seconds(2);
    char* end = nullptr;
    const unsigned long milliseconds = std::strtoul(text, &end, 10);
    if (*end != '\0') return std::chrono::seconds(2);
    return std::chrono::milliseconds(milliseconds);
}

}  // namespace

Progress::Progress(std::string command, bool forced)
    : Progress(std::move(command), std::cerr, ::isatty(STDERR_FILENO) == 1, forced || ::isatty(STDERR_FILENO) == 1,
               delay_from_environment(), [] { return Clock::now(); }) {
    if (!enabled_) return;
    if (winsize size{}; terminal_ && ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0) fit_to(size.ws_col);
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            wake_.wait_for(lock, std::chrono::milliseconds(100));
            if (stopping_) break;
            lock.unlock();
            tick();
            lock.lock();
        }
    });
}

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
    if (!enabled_) return;
    const std::lock_guard lock(mutex_);
    if (finished_) return;
    stage_ = stage;
    done_ = done;
    total_ = total;
    paused_ = false;
    draw(now_());
}

void Progress::tick() {
    if (!enabled_) return;
    const std::lock_guard lock(mutex_);
    if (finished_ || paused_ || stage_.empty()) return;
    draw(now_());
}

void Progress::draw(Clock::time_point now) {
    if (now - start_ < delay_) return;
    const int percent = total_ == 0 ? -1 : static_cast<int>(std::min(done_, total_) * 100 / total_);
    const bool new_stage = stage_ != last_stage_;
    if (terminal_) {
        // Redraw at most ten times a second, or at once for a new stage.
        if (!new_stage && (percent == last_percent_ || now - last_draw_ < std::chrono::milliseconds(100))) return;
        std::string text = line(command_, stage_, done_, total_);
        if (columns_ > 0 && text.size() >= columns_) {
            // Shorten the stage (ASCII: bridgemap's own words and table names), keep the bar.
            const std::size_t over = text.size() - (columns_ - 1);
            text = line(command_, stage_.substr(0, stage_.size() > over ? stage_.size() - over : 0), done_, total_);
            text.resize(std::min(text.size(), columns_ - 1));
        }
        *out_ << '\r' << text;
        if (text.size() < drawn_width_) *out_ << std::string(drawn_width_ - text.size(), ' ') << '\r' << text;
        out_->flush();
        drawn_width_ = text.size();
    } else {
        // One line per stage and per 10%.
        if (!new_stage && percent / 10 == last_percent_ / 10) return;
        *out_ << line(command_, stage_, done_, total_) << '\n';
        out_->flush();
    }
    last_draw_ = now;
    last_stage_ = stage_;
    last_percent_ = percent;
}

void Progress::clear() {
    if (!enabled_) return;
    const std::lock_guard lock(mutex_);
    paused_ = true;
    if (terminal_ && drawn_width_ > 0) {
        *out_ << '\r' << std::string(drawn_width_, ' ') << '\r';
        out_->flush();
        drawn_width_ = 0;
        last_stage_.clear();  // drawn again by the next update
    }
}

void Progress::stop_thread() {
    if (!thread_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Progress::finish() {
    stop_thread();
    const std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
    if (terminal_ && drawn_width_ > 0) {
        *out_ << '\r' << std::string(drawn_width_, ' ') << '\r';
        out_->flush();
        drawn_width_ = 0;
    }
}

void Progress::fit_to(std::size_t columns) {
    const std::lock_guard lock(mutex_);
    columns_ = columns;
}

ProgressReport Progress::reporter() {
    return [this](std::string_view stage, std::size_t done, std::size_t total) { update(stage, done, total); };
}

}  // namespace bridgemap::cli
