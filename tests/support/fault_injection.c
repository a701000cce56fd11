// Faults for the output-safety tests, injected into the real bridgemap binary with LD_PRELOAD.
// Only bridgemap's output temporaries (names holding ".tmp-bridgemap-") are affected, so reading
// the input works as usual. BRIDGEMAP_FAULT says what to break:
//
//   rename-fails:N        the Nth rename of a temporary into place fails with EIO
//   kill-at-rename:N      the process is killed (SIGKILL) just before the Nth such rename
//   disk-full:BYTES       writes to temporaries fail with ENOSPC once BYTES were written in all
//   signal-at-write:S:N   signal S is raised at the Nth write to a temporary (before it)
//
// Renames of a set's journal and of the old files' links (rolling back) are not counted.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char* k_marker = ".tmp-bridgemap-";

enum Fault { none, rename_fails, kill_at_rename, disk_full, signal_at_write };
static enum Fault fault = none;
static long fault_count = 0;
static int fault_signal = 0;
static long renames = 0;
static long writes = 0;
static long bytes_written = 0;

__attribute__((constructor)) static void read_fault(void) {
    const char* text = getenv("BRIDGEMAP_FAULT");
    if (text == NULL) return;
    if (sscanf(text, "rename-fails:%ld", &fault_count) == 1) fault = rename_fails;
    else if (sscanf(text, "kill-at-rename:%ld", &fault_count) == 1) fault = kill_at_rename;
    else if (sscanf(text, "disk-full:%ld", &fault_count) == 1) fault = disk_full;
    else if (sscanf(text, "signal-at-write:%d:%ld", &fault_signal, &fault_count) == 2) fault = signal_at_write;
}

static int is_output_temporary(int fd) {
    char link[64];
    char target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t length = readlink(link, target, sizeof target - 1);
    if (length <= 0) return 0;
    target[length] = '\0';
    return strstr(target, k_marker) != NULL;
}

/// A temporary being renamed into place: not a journal's, not an old file's link.
static int is_commit_rename(const char* from) {
    if (strstr(from, k_marker) == NULL) return 0;
    const char* base = strrchr(from, '/');
    base = base ? base + 1 : from;
    if (strstr(base, ".bridgemap-commit-") != NULL) return 0;  // the journal's own temporary
    const size_t length = strlen(from);
    return !(length > 4 && strcmp(from + length - 4, "-old") == 0);
}

ssize_t write(int fd, const void* data, size_t size) {
    static ssize_t (*real_write)(int, const void*, size_t) = NULL;
    if (real_write == NULL) real_write = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
    if ((fault == disk_full || fault == signal_at_write) && is_output_temporary(fd)) {
        if (fault == signal_at_write && ++writes == fault_count) raise(fault_signal);
        if (fault == disk_full) {
            if (bytes_written >= fault_count) {
                errno = ENOSPC;
                return -1;
            }
            if ((long)size > fault_count - bytes_written) size = (size_t)(fault_count - bytes_written);
            bytes_written += (long)size;
        }
    }
    return real_write(fd, data, size);
}

int rename(const char* from, const char* to) {
    static int (*real_rename)(const char*, const char*) = NULL;
    if (real_rename == NULL) real_rename = (int (*)(const char*, const char*))dlsym(RTLD_NEXT, "rename");
    if ((fault == rename_fails || fault == kill_at_rename) && is_commit_rename(from) && ++renames == fault_count) {
        if (fault == kill_at_rename) raise(SIGKILL);
        errno = EIO;
        return -1;
    }
    return real_rename(from, to);
}
