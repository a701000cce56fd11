#include <bridgemap/error.hpp>
#include <bridgemap/io/atomic_file.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bridgemap::io {
namespace {

namespace fs = std::filesystem;

/// In the name of every temporary, before the writing process's id: `.members.csv.tmp-bridgemap-4242-Ab12Cd`.
constexpr std::string_view k_temporary_marker = ".tmp-bridgemap-";
/// The name of a set's journal, before the writing process's id: `.bridgemap-commit-4242`.
constexpr std::string_view k_journal_prefix = ".bridgemap-commit-";
/// The signals after which temporaries are removed (and that are held back while renaming).
constexpr std::array k_signals{SIGINT, SIGTERM, SIGHUP};

std::string describe_errno(int error) {
    return std::strerror(error);
}

[[noreturn]] void fail(const fs::path& path, int error) {
    throw IoError("cannot write " + path.string() + ": " + describe_errno(error));
}

fs::path folder_of(const fs::path& path) {
    fs::path folder = path.parent_path();
    return folder.empty() ? fs::path(".") : folder;
}

// ---- temporaries the signal handler removes ------------------------------------------------

/// The temporaries in existence, for the signal handler (which may only call unlink).
constexpr std::size_t k_slots = 4096;
std::array<std::atomic<const char*>, k_slots> g_temporaries{};

extern "C" void remove_temporaries_and_stop(int signal) {
    for (auto& slot : g_temporaries) {
        if (const char* name = slot.load()) ::unlink(name);
    }
    // SA_RESETHAND restored the default action; raising again ends the process by the signal,
    // as it would have without bridgemap's handler (the shell sees 130 for SIGINT).
    ::raise(signal);
}

void install_signal_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (const int signal : k_signals) {
            struct sigaction previous {};
            if (::sigaction(signal, nullptr, &previous) != 0) continue;
            if (previous.sa_handler == SIG_IGN) continue;  // nohup: keep ignoring it
            struct sigaction action {};
            action.sa_handler = remove_temporaries_and_stop;
            sigemptyset(&action.sa_mask);
            action.sa_flags = SA_RESETHAND;
            ::sigaction(signal, &action, nullptr);
        }
    });
}

/// A file of ours beside a destination: removed when destroyed unless kept(), and known to the
/// signal handler meanwhile.
class Temporary {
public:
    explicit Temporary(fs::path path) : path_(std::move(path)), name_(path_.string()) {
        for (std::size_t i = 0; i < k_slots; ++i) {
            const char* empty = nullptr;
            if (g_temporaries[i].compare_exchange_strong(empty, name_.c_str())) {
                slot_ = i;
                break;
            }
        }
    }
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;
    ~Temporary() {
        unregister();
        if (!kept_) ::unlink(name_.c_str());
    }
    /// The signal handler leaves it alone from now on (the journal needs it among the renames).
    void unregister() {
        if (slot_ < k_slots) g_temporaries[slot_].store(nullptr);
        slot_ = k_slots;
    }
    const fs::path& path() const { return path_; }
    /// It has been renamed into place (or is no longer ours to remove).
    void keep() { kept_ = true; }

private:
    fs::path path_;
    std::string name_;  ///< The handler's copy: stable while registered.
    std::size_t slot_ = k_slots;
    bool kept_ = false;
};

/// Writes all of `contents` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view contents) {
    const char* data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return 0;
}

/// Writes `contents` to a new temporary beside `destination`, synced to disk (so a crash
/// after the rename leaves the whole new file, never a short one).
std::unique_ptr<Temporary> write_temporary(const fs::path& destination, std::string_view contents) {
    std::string name = ".";
    name += destination.filename().string().substr(0, 160);  // room for the suffix within NAME_MAX
    name += k_temporary_marker;
    name += std::to_string(::getpid());
    name += "-XXXXXX";
    std::string pattern = (folder_of(destination) / name).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) fail(destination, errno);
    auto temporary = std::make_unique<Temporary>(pattern);
    if (const int error = write_all(fd, contents)) {
        ::close(fd);
        fail(destination, error);
    }
    // mkstemp creates 0600; outputs are ordinary files, readable as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int error = errno;
        ::close(fd);
        fail(destination, error);
    }
    if (::close(fd) != 0) fail(destination, errno);
    return temporary;
}

/// Makes the renames in `folder` durable. Best effort: a file system that cannot sync a
/// folder (EINVAL) still has the files renamed.
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// ---- destinations ----------------------------------------------------------------------------

enum class Kind {
    replace,          ///< A regular file (or none yet): replaced by rename.
    write_through,    ///< A character device or FIFO, or anything under /dev or /proc: written to.
    standard_output,  ///< "-".
};

struct Destination {
    fs::path target;  ///< Where the bytes go: the link's target for a symbolic link.
    Kind kind = Kind::replace;
    bool existed = false;  ///< A regular file was there before.
};

bool under_system_folder(const fs::path& path) {
    const std::string text = fs::absolute(path).lexically_normal().string();
    return text.rfind("/dev/", 0) == 0 || text.rfind("/proc/", 0) == 0;
}

/// What writing to `path` means. Throws IoError for a folder, a socket or a block device.
Destination resolve(const fs::path& path) {
    if (is_standard_output(path)) return {path, Kind::standard_output, false};
    // /dev/stdout, /dev/fd/3 and the like lead to the descriptor the caller set up: write there.
    if (under_system_folder(path)) return {path, Kind::write_through, false};
    fs::path target = path;
    for (int links = 0;; ++links) {
        struct stat status {};
        if (::lstat(target.c_str(), &status) != 0) {
            if (errno == ENOENT) return {target, Kind::replace, false};  // new (a link may point to it)
            if (errno == ENOTDIR) {
                fs::path file = folder_of(target);
                while (file.has_parent_path() && !fs::is_regular_file(file) && file != file.parent_path()) {
                    file = file.parent_path();
                }
                throw IoError("cannot write " + path.string() + ": " + file.string() + " is a file, not a folder");
            }
            fail(path, errno);
        }
        if (S_ISLNK(status.st_mode)) {
            if (links == 40) fail(path, ELOOP);
            const fs::path next = fs::read_symlink(target);
            target = next.is_absolute() ? next : folder_of(target) / next;
            continue;
        }
        if (S_ISREG(status.st_mode)) return {target, Kind::replace, true};
        if (S_ISDIR(status.st_mode)) {
            throw IoError("cannot write " + path.string() + ": it is a folder; give the name of a file");
        }
        if (S_ISCHR(status.st_mode) || S_ISFIFO(status.st_mode)) return {target, Kind::write_through, false};
        throw IoError("cannot write " + path.string() + ": it is a " +
                      (S_ISBLK(status.st_mode) ? "disk device" : "socket") +
                      ", not a file; bridgemap writes only files, pipes and character devices");
    }
}

/// Writes `contents` straight into a device, FIFO or descriptor: not atomic, by its nature.
void write_through(const Destination& destination, std::string_view contents) {
    const int fd = ::open(destination.target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) fail(destination.target, errno);
    struct stat status {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) ::ftruncate(fd, 0);
    const int error = write_all(fd, contents);
    ::close(fd);
    if (error != 0) fail(destination.target, error);
}

// ---- folders: created, locked, tidied --------------------------------------------------------

/// Creates `folder` and its missing parents; returns those it created, deepest first.
std::vector<fs::path> create_folders(const fs::path& folder) {
    std::vector<fs::path> missing;
    for (fs::path walk = folder; !walk.empty(); walk = walk.parent_path()) {
        std::error_code error;
        if (fs::exists(walk, error) || walk == walk.parent_path()) break;
        missing.push_back(walk);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST) {
            const int error = errno;
            for (auto made = missing.rbegin(); made != it; ++made) ::rmdir(made->c_str());
            throw IoError("cannot create folder " + it->string() + ": " + describe_errno(error));
        }
    }
    return missing;
}

/// An exclusive lock on a folder while a set is committed into it; released when destroyed.
class FolderLock {
public:
    FolderLock(const fs::path& folder, std::chrono::milliseconds wait) {
        fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ < 0) return;  // a folder one may write to but not read: writing says what is wrong
        const auto deadline = std::chrono::steady_clock::now() + wait;
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) return;  // no locks here (some network drives)
            if (std::chrono::steady_clock::now() >= deadline) {
                throw IoError("cannot write to " + folder.string() +
                              ": another bridgemap run is writing to this folder; run again when it has finished");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);
    }

private:
    int fd_ = -1;
};

/// The process id after `prefix` in `name`, or -1.
long process_in_name(std::string_view name, std::string_view prefix) {
    const auto at = name.find(prefix);
    if (at == std::string_view::npos) return -1;
    long process = 0;
    std::size_t i = at + prefix.size();
    if (i >= name.size() || name[i] < '0' || name[i] > '9') return -1;
    for (; i < name.size() && name[i] >= '0' && name[i] <= '9' && process < 1'000'000'000; ++i) {
        process = process * 10 + (name[i] - '0');
    }
    return process;
}

bool running(long process) {
    return process == ::getpid() || ::kill(static_cast<pid_t>(process), 0) == 0 || errno != ESRCH;
}

/// Finishes the renames of a set whose run was killed among them (its journal lists each
/// temporary and destination, NUL-separated); every temporary was whole before the first rename.
void roll_forward(const fs::path& journal) {
    std::ifstream in(journal, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\0', start)) != std::string::npos; start = end + 1) {
        fields.push_back(text.substr(start, end - start));
    }
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        struct stat status {};
        if (::lstat(fields[i].c_str(), &status) == 0) ::rename(fields[i].c_str(), fields[i + 1].c_str());
    }
}

/// The entries of `folder` left by killed runs: their journals, or their temporaries.
/// Runs under the folder's lock, so no live run is committing there.
std::vector<fs::path> left_by_killed_runs(const fs::path& folder, bool journals) {
    std::vector<fs::path> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const bool journal = name.rfind(k_journal_prefix, 0) == 0 && name.find(k_temporary_marker) == std::string::npos;
        if (journal != journals || name.size() < 2 || name[0] != '.') continue;
        const long process = process_in_name(name, journal ? k_journal_prefix : k_temporary_marker);
        if (process > 0 && !running(process)) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

/// Finishes the sets of killed runs journalled in `folders`, then removes their temporaries
/// (in that order: a journal may name temporaries in another of the folders).
void tidy_after_killed_runs(const std::vector<fs::path>& folders) {
    for (const auto& folder : folders) {
        for (const auto& journal : left_by_killed_runs(folder, true)) {
            roll_forward(journal);
            ::unlink(journal.c_str());
        }
    }
    for (const auto& folder : folders) {
        for (const auto& temporary : left_by_killed_runs(folder, false)) ::unlink(temporary.c_str());
    }
}

/// Holds SIGINT, SIGTERM and SIGHUP back while it lives (they arrive when it ends).
class HeldSignals {
public:
    HeldSignals() {
        sigset_t signals;
        sigemptyset(&signals);
        for (const int signal : k_signals) sigaddset(&signals, signal);
        ::pthread_sigmask(SIG_BLOCK, &signals, &previous_);
    }
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;
    ~HeldSignals() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

private:
    sigset_t previous_{};
};

}  // namespace

bool is_standard_output(const std::filesystem::path& path) {
    return path.native() == k_standard_output;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
    OutputSet outputs;
    outputs.stage(path, std::string(contents));
    outputs.commit();
}

OutputSet::~OutputSet() = default;

void OutputSet::stage(std::filesystem::path path, std::string contents) {
    if (is_standard_output(path) &&
        std::any_of(staged_.begin(), staged_.end(), [](const Staged& s) { return is_standard_output(s.path); })) {
        throw RequestError("only one output can go to standard output (-)");
    }
    staged_.push_back({std::move(path), std::move(contents)});
}

void OutputSet::commit() {
    install_signal_handlers();
    // Everything that can be refused is refused before anything is written.
    std::vector<Destination> destinations;
    for (const auto& output : staged_) destinations.push_back(resolve(output.path));
    for (std::size_t i = 0; i < destinations.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (destinations[i].kind == Kind::replace && destinations[j].kind == Kind::replace &&
                fs::absolute(destinations[i].target).lexically_normal() ==
                    fs::absolute(destinations[j].target).lexically_normal()) {
                throw RequestError("cannot write " + staged_[i].path.string() + " twice: " + staged_[j].path.string() +
                                   " is the same file");
            }
        }
    }
    std::vector<fs::path> folders;
    for (const auto& destination : destinations) {
        if (destination.kind == Kind::replace) folders.push_back(folder_of(destination.target));
    }
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());

    // Folders this set creates are removed again if it fails.
    std::vector<fs::path> created;
    struct RemoveCreated {
        std::vector<fs::path>* folders;
        bool committed = false;
        ~RemoveCreated() {
            if (committed) return;
            for (const auto& folder : *folders) ::rmdir(folder.c_str());  // deepest first; only if empty
        }
    } remove_created{&created};
    for (const auto& folder : folders) {
        auto made = create_folders(folder);
        created.insert(created.end(), made.begin(), made.end());
    }
    std::sort(created.begin(), created.end(),
              [](const fs::path& a, const fs::path& b) { return a.native().size() > b.native().size(); });

    std::vector<std::unique_ptr<FolderLock>> locks;
    for (const auto& folder : folders) locks.push_back(std::make_unique<FolderLock>(folder, lock_wait_));
    tidy_after_killed_runs(folders);

    // 1. Every file written in full beside its destination, and the old ones kept as links.
    std::vector<std::unique_ptr<Temporary>> temporaries(destinations.size());
    std::vector<std::unique_ptr<Temporary>> backups(destinations.size());
    for (std::size_t i = 0; i < destinations.size(); ++i) {
        if (destinations[i].kind != Kind::replace) continue;
        temporaries[i] = write_temporary(destinations[i].target, staged_[i].contents);
        if (destinations[i].existed) {
            const fs::path backup = temporaries[i]->path().string() + "-old";
            if (::link(destinations[i].target.c_str(), backup.c_str()) == 0) {
                backups[i] = std::make_unique<Temporary>(backup);
            }
        }
    }
    for (std::size_t i = 0; i < destinations.size(); ++i) {
        if (destinations[i].kind == Kind::write_through) write_through(destinations[i], staged_[i].contents);
    }

    // 2. The journal: a run killed among the renames is finished by the next run here.
    std::unique_ptr<Temporary> journal;
    const auto replaced = std::count_if(destinations.begin(), destinations.end(),
                                        [](const Destination& d) { return d.kind == Kind::replace; });
    if (replaced > 1) {
        std::string text;
        for (std::size_t i = 0; i < destinations.size(); ++i) {
            if (!temporaries[i]) continue;
            text += fs::absolute(temporaries[i]->path()).string();
            text += '\0';
            text += fs::absolute(destinations[i].target).string();
            text += '\0';
        }
        const fs::path name = folders.front() / (std::string(k_journal_prefix) + std::to_string(::getpid()));
        auto written = write_temporary(name, text);
        if (::rename(written->path().c_str(), name.c_str()) != 0) fail(name, errno);
        written->keep();
        journal = std::make_unique<Temporary>(name);
        sync_folder(folders.front());
    }

    // 3. The renames, with the signals that would stop the run among them held back.
    {
        const HeldSignals held;
        // Should a signal reach another thread meanwhile, the temporaries stay for the journal.
        for (const auto& temporary : temporaries) {
            if (temporary && journal) temporary->unregister();
        }
        for (std::size_t i = 0; i < destinations.size(); ++i) {
            if (!temporaries[i]) continue;
            if (::rename(temporaries[i]->path().c_str(), destinations[i].target.c_str()) == 0) {
                temporaries[i]->keep();
                continue;
            }
            const int error = errno;
            // Put back what was renamed: the old file from its link, or no file where none was.
            for (std::size_t j = 0; j < i; ++j) {
                if (!temporaries[j]) continue;
                if (backups[j]) {
                    if (::rename(backups[j]->path().c_str(), destinations[j].target.c_str()) == 0) backups[j]->keep();
                } else if (!destinations[j].existed) {
                    ::unlink(destinations[j].target.c_str());
                }
            }
            fail(staged_[i].path, error);
        }
        for (const auto& folder : folders) sync_folder(folder);
        journal.reset();  // removes it: the set is in place
        backups.clear();  // removes the old files' links
    }
    remove_created.committed = true;

    for (std::size_t i = 0; i < destinations.size(); ++i) {
        if (destinations[i].kind != Kind::standard_output) continue;
        std::fflush(stdout);
        if (const int error = write_all(STDOUT_FILENO, staged_[i].contents)) {
            throw IoError("cannot write to standard output: " + describe_errno(error));
        }
    }
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
