#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
    EXPECT_THROW(write_file_atomically(folder_ / "missing-folder" / "a.txt", "x"), IoError);
    EXPECT_EQ(read_file(folder_ / "a.txt"), "kept");
    EXPECT_EQ(files_in_folder(), 1u);
}

TEST_F(AtomicFileTest, OutputSetCommitsAllOrNothing) {
    write_file_atomically(folder_ / "members.csv", "old members");
    {
        OutputSet outputs;
        outputs.stage(folder_ / "members.csv", "new members");
        outputs.stage(folder_ / "no-such-folder" / "ties.csv", "ties");
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

/// What the header promises when a rename fails halfway: the files renamed before it are the
/// new ones, the one that failed and those after it keep their old contents, no temporary stays.
TEST_F(AtomicFileTest, ARenameThatFailsHalfwayLeavesTheLaterFilesOld) {
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
            ADD_FAILURE() << "renaming over a folder that is not empty must fail";
        } catch (const IoError& error) {
            EXPECT_NE(std::string(error.what()).find("b.csv"), std::string::npos) << error.what();
        }
    }
    EXPECT_EQ(files_in_folder(), 3u);  // a.csv, the folder b.csv and c.csv: no temporary
    EXPECT_EQ(read_file(folder_ / "a.csv"), "new a");
    EXPECT_TRUE(fs::is_directory(folder_ / "b.csv" / "inside"));
    EXPECT_EQ(read_file(folder_ / "c.csv"), "old c");
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
