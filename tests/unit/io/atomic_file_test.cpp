#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace bridgemap::io {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() /
                  ("bridgemap-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }
    std::size_t files_in_folder() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder_), fs::directory_iterator()));
    }
    fs::path folder_;
};

TEST_F(AtomicFileTest, WritesAndReplacesWholeFiles) {
    write_file_atomically(folder_ / "a.txt", "first");
    EXPECT_EQ(read_file(folder_ / "a.txt"), "first");
    write_file_atomically(folder_ / "a.txt", "second, longer");
    EXPECT_EQ(read_file(folder_ / "a.txt"), "second, longer");
    EXPECT_EQ(files_in_folder(), 1u);  // no temporary left behind
}

TEST_F(AtomicFileTest, FailureLeavesTheOldFileAndNoTemporary) {
    write_file_atomically(folder_ / "a.txt", "kept");
    try {
        write_file_atomically(folder_ / "a.txt" / "b.txt", "x");  // a file where a folder should be
        ADD_FAILURE() << "a.txt is not a folder";
    } catch (const IoError& error) {
        EXPECT_EQ(std::string(error.what()), "cannot write " + (folder_ / "a.txt" / "b.txt").string() + ": " +
                                                 (folder_ / "a.txt").string() + " is a file, not a folder");
    }
    EXPECT_EQ(read_file(folder_ / "a.txt"), "kept");
    EXPECT_EQ(files_in_folder(), 1u);
}

TEST_F(AtomicFileTest, OutputSetCommitsAllOrNothing) {
    write_file_atomically(folder_ / "members.csv", "old members");
    {
        OutputSet outputs;
        outputs.stage(folder_ / "members.csv", "new members");
        outputs.stage(folder_ / "members.csv" / "ties.csv", "ties");  // members.csv is no folder
        EXPECT_THROW(outputs.commit(), IoError);
    }
    EXPECT_EQ(read_file(folder_ / "members.csv"), "old members");
    EXPECT_EQ(files_in_folder(), 1u);

    OutputSet outputs;
    outputs.stage(folder_ / "members.csv", "new members");
    outputs.stage(folder_ / "ties.csv", "ties");
    outputs.commit();
    EXPECT_EQ(read_file(folder_ / "members.csv"), "new members");
    EXPECT_EQ(read_file(folder_ / "ties.csv"), "ties");
    EXPECT_EQ(files_in_folder(), 2u);
}

/// A folder where a file of the set should go is refused before anything is written: the
/// other files keep their old contents and no temporary stays. (A rename that fails halfway, a
/// full disk and signals are checked on the binary with injected faults: e2e/output_safety_test.)
TEST_F(AtomicFileTest, AFolderWhereAFileShouldGoRefusesTheWholeSet) {
    write_file_atomically(folder_ / "a.csv", "old a");
    write_file_atomically(folder_ / "c.csv", "old c");
    fs::create_directories(folder_ / "b.csv" / "inside");  // a folder where a file should go
    {
        OutputSet outputs;
        outputs.stage(folder_ / "a.csv", "new a");
        outputs.stage(folder_ / "b.csv", "new b");
        outputs.stage(folder_ / "c.csv", "new c");
        try {
            outputs.commit();
            ADD_FAILURE() << "writing over a folder must fail";
        } catch (const IoError& error) {
            EXPECT_EQ(std::string(error.what()),
                      "cannot write " + (folder_ / "b.csv").string() + ": it is a folder; give the name of a file");
        }
    }
    EXPECT_EQ(files_in_folder(), 3u);  // a.csv, the folder b.csv and c.csv: no temporary
    EXPECT_EQ(read_file(folder_ / "a.csv"), "old a");
    EXPECT_TRUE(fs::is_directory(folder_ / "b.csv" / "inside"));
    EXPECT_EQ(read_file(folder_ / "c.csv"), "old c");
}

TEST_F(AtomicFileTest, MissingFoldersAreCreatedAndRemovedAgainWhenTheSetFails) {
    fs::create_directories(folder_ / "busy");
    const int fd = ::open((folder_ / "busy").c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // another run is committing into busy/
    {
        OutputSet outputs;
        outputs.set_lock_wait(std::chrono::milliseconds(0));
        outputs.stage(folder_ / "new" / "deeper" / "a.csv", "a");
        outputs.stage(folder_ / "busy" / "b.csv", "b");
        try {
            outputs.commit();
            ADD_FAILURE() << "busy/ is locked";
        } catch (const IoError& error) {
            EXPECT_EQ(std::string(error.what()),
                      "cannot write to " + (folder_ / "busy").string() +
                          ": another bridgemap run is writing to this folder; run again when it has finished");
        }
    }
    ::close(fd);
    EXPECT_FALSE(fs::exists(folder_ / "new"));
    EXPECT_EQ(files_in_folder(), 1u);  // busy/

    OutputSet outputs;
    outputs.stage(folder_ / "new" / "deeper" / "a.csv", "a");
    outputs.commit();
    EXPECT_EQ(read_file(folder_ / "new" / "deeper" / "a.csv"), "a");
}

TEST_F(AtomicFileTest, NoJournalOrOldCopyStaysAfterASetReplacesFiles) {
    write_file_atomically(folder_ / "a.csv", "old a");
    OutputSet outputs;
    outputs.stage(folder_ / "a.csv", "new a");
    outputs.stage(folder_ / "b.csv", "new b");
    outputs.commit();
    EXPECT_EQ(read_file(folder_ / "a.csv"), "new a");
    EXPECT_EQ(files_in_folder(), 2u);
}

TEST_F(AtomicFileTest, TheSameFileTwiceOrStandardOutputTwiceIsARequestError) {
    {
        OutputSet outputs;
        outputs.stage(folder_ / "a.csv", "1");
        outputs.stage(folder_ / "." / "a.csv", "2");
        EXPECT_THROW(outputs.commit(), RequestError);
    }
    EXPECT_EQ(files_in_folder(), 0u);
    OutputSet outputs;
    outputs.stage("-", "1");
    EXPECT_THROW(outputs.stage("-", "2"), RequestError);
    EXPECT_TRUE(is_standard_output("-"));
    EXPECT_FALSE(is_standard_output("./-"));
}

TEST_F(AtomicFileTest, UncommittedSetWritesNothing) {
    {
        OutputSet outputs;
        outputs.stage(folder_ / "a.txt", "a");
    }
    EXPECT_EQ(files_in_folder(), 0u);
}

TEST_F(AtomicFileTest, ReadFileNamesTheMissingPath) {
    try {
        read_file(folder_ / "nope.csv");
        FAIL() << "expected IoError";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find("nope.csv"), std::string::npos);
    }
}

}  // namespace
}  // namespace bridgemap::io
