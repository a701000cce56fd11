// What bridgemap promises about the files it writes (README, "What bridgemap promises about
// your files"; io/atomic_file), checked on the real binary with real faults: a rename that
// fails halfway, a full disk, a signal while writing and a kill among the renames (injected by
// tests/support/fault_injection.c through LD_PRELOAD), a second run writing to the same folder,
// temporaries of killed runs, symbolic links, devices, pipes, folders and standard output.

#include "support/run_command.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>

namespace bridgemap::testing {
namespace {

namespace fs = std::filesystem;

const std::string k_example = BRIDGEMAP_EXAMPLE_DIR;
const std::vector<std::string> k_analyse_files{"members.csv", "ties.csv", "summary.json"};

/// The environment that injects `fault` (sanitizer builds allow the preload).
std::string with_fault(const std::string& fault) {
    const char* asan = std::getenv("ASAN_OPTIONS");
    std::string options = asan != nullptr ? std::string(asan) + ":" : std::string();
    options += "verify_asan_link_order=0";
    return "LD_PRELOAD=" + shell_quote(BRIDGEMAP_FAULT_LIBRARY) + " BRIDGEMAP_FAULT=" + shell_quote(fault) +
           " ASAN_OPTIONS=" + shell_quote(options);
}

/// The folder's files by name with their contents.
std::map<std::string, std::string> contents(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        files[entry.path().filename().string()] = entry.is_regular_file() ? slurp(entry.path()) : "(not a file)";
    }
    return files;
}

/// analyse's files written into `folder` by a run that succeeds: the old set.
std::map<std::string, std::string> old_set(const fs::path& folder) {
    const auto result = run_bridgemap({"analyse", k_example, "--min-weight", "0.5", "--out", folder.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    auto files = contents(folder);
    EXPECT_EQ(files.size(), 3u);
    return files;
}

std::vector<std::string> analyse_into(const fs::path& folder) {
    return {"analyse", k_example, "--out", folder.string()};
}

TEST(OutputSafety, ARenameThatFailsHalfwayLeavesTheOldSetAndNoTemporary) {
    TemporaryFolder folder("safety-rename");
    const auto before = old_set(folder.path());
    const auto result = run_bridgemap(analyse_into(folder.path()), {}, with_fault("rename-fails:2"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot write " + (folder / "ties.csv").string() + ": Input/output error"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(contents(folder.path()), before);  // members.csv was new for a moment: put back
}

TEST(OutputSafety, AFullDiskLeavesTheOldSetAndNoTemporary) {
    TemporaryFolder folder("safety-full");
    const auto before = old_set(folder.path());
    const auto result = run_bridgemap(analyse_into(folder.path()), {}, with_fault("disk-full:3000"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("No space left on device"), std::string::npos) << result.err;
    EXPECT_EQ(contents(folder.path()), before);
}

TEST(OutputSafety, AFullDiskLeavesNoFolderBehind) {
    TemporaryFolder folder("safety-full-new");
    const fs::path maps = folder / "maps" / "tables";
    const auto result =
        run_bridgemap({"seat", k_example, "--event", "gathering-2018-07", "--size", "6", "--map", maps.string()}, {},
                      with_fault("disk-full:2000"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("No space left on device"), std::string::npos) << result.err;
    EXPECT_TRUE(contents(folder.path()).empty());  // neither maps/ nor maps/tables/ stays
}

TEST(OutputSafety, SignalsWhileWritingLeaveTheOldSetAndNoTemporary) {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        TemporaryFolder folder("safety-signal-" + std::to_string(signal));
        const auto before = old_set(folder.path());
        const auto result = run_bridgemap(analyse_into(folder.path()), {},
                                          with_fault("signal-at-write:" + std::to_string(signal) + ":2"));
        EXPECT_EQ(result.exit_code, -1) << "signal " << signal << " should end the run: " << result.err;
        EXPECT_EQ(contents(folder.path()), before) << "signal " << signal;
    }
}

TEST(OutputSafety, ARunKilledAmongTheRenamesIsFinishedByTheNextRunThere) {
    TemporaryFolder folder("safety-kill");
    TemporaryFolder expected("safety-kill-expected");
    old_set(folder.path());
    ASSERT_EQ(run_bridgemap(analyse_into(expected.path())).exit_code, 0);
    const auto killed = run_bridgemap(analyse_into(folder.path()), {}, with_fault("kill-at-rename:2"));
    EXPECT_EQ(killed.exit_code, -1);
    // Killed after members.csv: the journal and the remaining temporaries are there.
    const auto mixed = contents(folder.path());
    EXPECT_GT(mixed.size(), 3u);
    EXPECT_EQ(mixed.at("members.csv"), slurp(expected / "members.csv"));
    EXPECT_NE(mixed.at("ties.csv"), slurp(expected / "ties.csv"));

    // Any run that writes to the folder finishes the killed run's set first.
    const auto next = run_bridgemap({"map", k_example, "--out", (folder / "map.dot").string()});
    ASSERT_EQ(next.exit_code, 0) << next.err;
    auto after = contents(folder.path());
    EXPECT_EQ(after.size(), 4u);  // the three files and map.dot: no journal, no temporary
    after.erase("map.dot");
    EXPECT_EQ(after, contents(expected.path()));
}

TEST(OutputSafety, TemporariesOfKilledRunsAreRemovedAndALiveRunsAreKept) {
    TemporaryFolder folder("safety-stale");
    const std::string dead = ".members.csv.tmp-bridgemap-999999999-AbCdEf";
    const std::string live = ".members.csv.tmp-bridgemap-" + std::to_string(::getpid()) + "-AbCdEf";
    write_file(folder / dead, "half a file");
    write_file(folder / live, "being written");
    ASSERT_EQ(run_bridgemap(analyse_into(folder.path())).exit_code, 0);
    const auto files = contents(folder.path());
    EXPECT_EQ(files.count(dead), 0u);
    EXPECT_EQ(files.count(live), 1u);
    EXPECT_EQ(files.size(), 4u);
}

TEST(OutputSafety, ASecondRunWritingToTheSameFolderStopsWithAMessage) {
    TemporaryFolder folder("safety-lock");
    const auto before = old_set(folder.path());
    const int fd = ::open(folder.path().c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // as a run committing there holds it
    const auto result = run_bridgemap(analyse_into(folder.path()));
    ::close(fd);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot write to " + folder.path().string() +
                              ": another bridgemap run is writing to this folder; run again when it has finished"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(contents(folder.path()), before);
}

TEST(OutputSafety, ASymbolicLinkIsWrittenThroughAndStaysALink) {
    TemporaryFolder folder("safety-link");
    fs::create_directories(folder / "real");
    write_file(folder / "real" / "map.dot", "old");
    fs::create_symlink("real/map.dot", folder / "map.dot");
    fs::create_symlink("real/new.dot", folder / "dangling.dot");
    for (const char* name : {"map.dot", "dangling.dot"}) {
        const auto result = run_bridgemap({"map", k_example, "--out", (folder / name).string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_TRUE(fs::is_symlink(folder / name)) << name;
    }
    EXPECT_EQ(slurp(folder / "real" / "map.dot").rfind("graph", 0), 0u);
    EXPECT_EQ(slurp(folder / "real" / "new.dot").rfind("graph", 0), 0u);
    EXPECT_EQ(contents(folder / "real").size(), 2u);
}

TEST(OutputSafety, DevicesAndPipesAreWrittenToNotReplaced) {
    TemporaryFolder folder("safety-device");
    const auto result = run_bridgemap({"map", k_example, "--out", "/dev/null", "--format", "dot"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    struct stat status {};
    ASSERT_EQ(::stat("/dev/null", &status), 0);
    EXPECT_TRUE(S_ISCHR(status.st_mode));

    const fs::path pipe = folder / "pipe.dot";
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    std::string read;
    std::thread reader([&] { read = slurp(pipe); });
    const auto piped = run_bridgemap({"map", k_example, "--out", pipe.string()});
    reader.join();
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(read.rfind("graph", 0), 0u);
    ASSERT_EQ(::lstat(pipe.c_str(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
}

TEST(OutputSafety, AFolderWhereAFileShouldGoIsRefused) {
    TemporaryFolder folder("safety-folder");
    fs::create_directories(folder / "map.svg");
    const auto result = run_bridgemap({"map", k_example, "--out", (folder / "map.svg").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot write " + (folder / "map.svg").string() + ": it is a folder"), std::string::npos)
        << result.err;
    write_file(folder / "results", "a file");
    const auto analysed = run_bridgemap({"analyse", k_example, "--out", (folder / "results").string()});
    EXPECT_EQ(analysed.exit_code, 1);
    EXPECT_NE(analysed.err.find((folder / "results").string() + " is a file, not a folder"), std::string::npos)
        << analysed.err;
}

TEST(OutputSafety, DashWritesTheOneFileToStandardOutputAndMessagesToStandardError) {
    const auto map = run_bridgemap({"map", k_example, "--out", "-"});
    ASSERT_EQ(map.exit_code, 0) << map.err;
    EXPECT_EQ(map.out.rfind("<?xml", 0), 0u) << map.out.substr(0, 80);
    EXPECT_NE(map.out.find("</svg>"), std::string::npos);
    EXPECT_NE(map.err.find("Wrote -"), std::string::npos) << map.err;

    const auto report = run_bridgemap({"report", k_example, "--out", "-"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_EQ(report.out.rfind("<!DOCTYPE html>", 0), 0u) << report.out.substr(0, 80);

    const auto trend = run_bridgemap({"trend", k_example, "--out", "-"});
    ASSERT_EQ(trend.exit_code, 0) << trend.err;
    EXPECT_EQ(trend.out.rfind("period,", 0), 0u) << trend.out.substr(0, 80);

    const auto exported = run_bridgemap({"export", k_example, "--out", "-", "--format", "graphml"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_NE(exported.out.find("<graphml"), std::string::npos);

    const auto folder = run_bridgemap({"analyse", k_example, "--out", "-"});
    EXPECT_EQ(folder.exit_code, 2);
    EXPECT_NE(folder.err.find("analyse --out names a folder, which cannot be written to standard output (-)"),
              std::string::npos)
        << folder.err;
}

TEST(OutputSafety, OneFileNamedTwiceIsRefusedBeforeAnythingIsWritten) {
    TemporaryFolder folder("safety-twice");
    const std::string plan = (folder / "plan.csv").string();
    const auto result = run_bridgemap(
        {"seat", k_example, "--event", "gathering-2018-07", "--size", "6", "--out", plan, "--print", plan});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("cannot write " + plan + " twice"), std::string::npos) << result.err;
    EXPECT_TRUE(contents(folder.path()).empty());
}

}  // namespace
}  // namespace bridgemap::testing
