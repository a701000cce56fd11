#pragma once
// Private: running a loop on every core. Work is handed out in chunks from an atomic
// counter; callers write results by index, so results never depend on scheduling.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace bridgemap::concurrency {

/// The number of worker threads to use for `requested` (0 means every core).
inline unsigned worker_count(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

/// Calls body(worker, begin, end) for consecutive chunks of [0, count) on `workers`
/// threads (worker in [0, workers)). The first exception thrown by a body is rethrown
/// after every thread has stopped.
template <class Body>
void parallel_for(std::size_t count, unsigned workers, std::size_t chunk, Body&& body) {
    workers = std::max(1u, workers);
    chunk = std::max<std::size_t>(1, chunk);
    if (workers == 1 || count <= chunk) {
        if (count > 0) body(0u, std::size_t{0}, count);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::atomic<bool> stop{false};
    const auto work = [&](unsigned worker) {
        try {
            while (!stop.load(std::memory_order_relaxed)) {
                const std::size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
                if (begin >= count) break;
                body(worker, begin, std::min(count, begin + chunk));
            }
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (unsigned worker = 1; worker < workers; ++worker) threads.emplace_back(work, worker);
    work(0);
    for (auto& thread : threads) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace bridgemap::concurrency
