#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bridgemap::io {
namespace {

std::string describe_errno(int error) {
    return std::strerror(error);
}

/// Writes `contents` to a new temporary file beside `path` and returns its name.
std::filesystem::path write_temporary(const std::filesystem::path& path, std::string_view contents) {
    std::filesystem::path directory = path.parent_path();
    if (directory.empty()) directory = ".";
    std::string name = ".";
    name += path.filename().string();
    name += ".tmp-XXXXXX";
    std::string pattern = (directory / name).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        throw IoError("cannot write " + path.string() + ": " + describe_errno(errno));
    }
    const std::filesystem::path temporary = pattern;
    const char* data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            throw IoError("cannot write " + path.string() + ": " + describe_errno(error));
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // mkstemp creates 0600; outputs are ordinary files, readable as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    // The contents reach the disk before the name does (rename after fsync), so a crash
    // leaves the old file or the whole new one, never a short one.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        throw IoError("cannot write " + path.string() + ": " + describe_errno(error));
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw IoError("cannot write " + path.string() + ": " + describe_errno(error));
    }
    return temporary;
}

/// Makes the renames in `directory` durable. Best effort: a file system that cannot sync a
/// folder (EINVAL) still has the files renamed.
void sync_directory(const std::filesystem::path& file) {
    std::filesystem::path directory = file.parent_path();
    if (directory.empty()) directory = ".";
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void rename_into_place(const std::filesystem::path& temporary, const std::filesystem::path& path) {
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw IoError("cannot write " + path.string() + ": " + describe_errno(error));
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
    rename_into_place(write_temporary(path, contents), path);
    sync_directory(path);
}

OutputSet::~OutputSet() {
    for (const auto& temporary : temporaries_) ::unlink(temporary.c_str());
}

void OutputSet::stage(std::filesystem::path path, std::string contents) {
    staged_.push_back({std::move(path), std::move(contents)});
}

void OutputSet::commit() {
    for (const auto& output : staged_) {
        temporaries_.push_back(write_temporary(output.path, output.contents));
    }
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        rename_into_place(temporaries_[i], staged_[i].path);
        temporaries_[i].clear();
    }
    for (const auto& output : staged_) sync_directory(output.path);
    temporaries_.clear();
    staged_.clear();
}

std::string read_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw IoError("cannot read " + path.string() + ": it is a folder, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read " + path.string() + ": " + describe_errno(errno));
    std::string contents;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > 0) {
        contents.resize(static_cast<std::size_t>(size));
        in.seekg(0, std::ios::beg);
        in.read(contents.data(), size);
    }
    if (!in && !in.eof()) throw IoError("cannot read " + path.string());
    return contents;
}

}  // namespace bridgemap::io
