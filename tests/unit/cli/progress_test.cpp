// Progress on stderr (cli/progress): nothing before the delay or when not enabled, a bar
// redrawn in place on a terminal, a line per stage and per 10% otherwise.

#include "progress.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace bridgemap::cli {
namespace {

using Clock = Progress::Clock;

struct FakeClock {
    Clock::time_point now{};
    std::function<Clock::time_point()> function() {
        return [this] { return now; };
    }
    void advance(int milliseconds) { now += std::chrono::milliseconds(milliseconds); }
};

TEST(ProgressLine, StageBarAndPercentage) {
    // 3 of 8 done: 3·20/8 = 7 cells of 20 filled, 3·100/8 = 37%.
    EXPECT_EQ(Progress::line("seat", "round 1 of 3", 3, 8), "seat: round 1 of 3 [#######             ] 37%");
    EXPECT_EQ(Progress::line("seat", "reading", 0, 0), "seat: reading");
    EXPECT_EQ(Progress::line("seat", "done", 9, 8, 4), "seat: done [####] 100%");
}

TEST(Progress, NothingBeforeTheDelayNorWhenNotEnabled) {
    FakeClock clock;
    std::ostringstream out;
    {
        Progress progress("seat", out, true, true, std::chrono::seconds(2), clock.function());
        clock.advance(1999);
        progress.update("planning", 1, 2);
    }
    EXPECT_EQ(out.str(), "");
    {
        Progress progress("seat", out, false, false, std::chrono::seconds(2), clock.function());
        clock.advance(5000);
        progress.update("planning", 1, 2);
    }
    EXPECT_EQ(out.str(), "");
}

TEST(Progress, RedrawnInPlaceOnATerminalAndClearedAtTheEnd) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("seat", out, true, true, std::chrono::seconds(2), clock.function());
    clock.advance(2500);
    progress.update("planning round 1 of 3", 1, 4);  // drawn: 25%
    progress.update("planning round 1 of 3", 2, 4);  // not 100 ms later: skipped
    clock.advance(150);
    progress.update("planning round 1 of 3", 2, 4);  // drawn: 50%
    progress.update("done", 4, 4);                   // a new stage: drawn at once, shorter, so padded
    progress.finish();
    const std::string first = "seat: planning round 1 of 3 [#####               ] 25%";
    const std::string second = "seat: planning round 1 of 3 [##########          ] 50%";
    const std::string last = "seat: done [####################] 100%";
    EXPECT_EQ(out.str(), "\r" + first + "\r" + second + "\r" + last + std::string(second.size() - last.size(), ' ') +
                             "\r" + last + "\r" + std::string(last.size(), ' ') + "\r");
}

TEST(Progress, OneLinePerStageAndTenPercentIntoAFile) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("seat", out, false, true, std::chrono::seconds(2), clock.function());
    clock.advance(3000);
    progress.update("a", 0, 100);   // 0%: a new stage
    progress.update("a", 5, 100);   // still in the 0-9% step
    progress.update("a", 12, 100);  // 10-19%
    progress.update("b", 12, 100);  // a new stage
    progress.finish();
    EXPECT_EQ(out.str(),
              "seat: a [                    ] 0%\n"
              "seat: a [##                  ] 12%\n"
              "seat: b [##                  ] 12%\n");
}

TEST(Progress, ALongStageAppearsOnTheTickAfterTheDelay) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("analyse", out, false, true, std::chrono::seconds(2), clock.function());
    progress.tick();                                // nothing reported yet
    progress.update("communities (Leiden)", 0, 0);  // before the delay: not drawn
    clock.advance(1500);
    progress.tick();
    EXPECT_EQ(out.str(), "");
    clock.advance(600);
    progress.tick();  // 2.1 s: the stage still running is drawn
    progress.tick();  // once
    EXPECT_EQ(out.str(), "analyse: communities (Leiden)\n");
}

TEST(Progress, ClearedForOtherTextAndDrawnAgainByTheNextUpdate) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("map", out, true, true, std::chrono::seconds(2), clock.function());
    clock.advance(3000);
    progress.update("laying out the map", 0, 0);
    progress.clear();  // erased; the ticks draw nothing until the next update
    clock.advance(500);
    progress.tick();
    progress.update("laying out the map", 0, 0);
    progress.finish();
    const std::string text = "map: laying out the map";
    const std::string blank = "\r" + std::string(text.size(), ' ') + "\r";
    EXPECT_EQ(out.str(), "\r" + text + blank + "\r" + text + blank);
}

TEST(Progress, AReporterUpdates) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("analyse", out, false, true, std::chrono::seconds(2), clock.function());
    clock.advance(2000);
    const ProgressReport report = progress.reporter();
    report("shortest paths", 1, 4);
    EXPECT_EQ(out.str(), "analyse: shortest paths [#####               ] 25%\n");
}

TEST(Progress, TheStageIsShortenedToFitTheTerminal) {
    FakeClock clock;
    std::ostringstream out;
    Progress progress("map", out, true, true, std::chrono::seconds(2), clock.function());
    progress.fit_to(40);
    clock.advance(3000);
    // "map: shortest paths [##########          ] 50%" is 46 characters: the stage loses 7, to fit 39.
    progress.update("shortest paths", 1, 2);
    EXPECT_EQ(out.str(), "\rmap: shortes [##########          ] 50%");
}

}  // namespace
}  // namespace bridgemap::cli
