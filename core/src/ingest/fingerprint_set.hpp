#pragma once
// Private to ingest: an open-addressing set of 128-bit row fingerprints that remembers
// where each was first seen, to find repeated rows in tables of millions of rows.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bridgemap::ingest {

class FingerprintSet {
public:
    /// Inserts the fingerprint; returns the `where` of an earlier equal one, or `where`
    /// itself when it is new. `where` must not be SIZE_MAX.
    std::size_t insert(std::uint64_t low, std::uint64_t high, std::size_t where) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const std::size_t found = probe(slots_, low, high);
        Slot& slot = slots_[found];
        if (slot.used()) return slot.where;
        slot = {low, high, where};
        ++count_;
        return where;
    }

private:
    static constexpr std::size_t k_unused = SIZE_MAX;
    struct Slot {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        std::size_t where = k_unused;
        [[nodiscard]] bool used() const noexcept { return where != k_unused; }
    };

    static std::size_t probe(const std::vector<Slot>& slots, std::uint64_t low, std::uint64_t high) {
        const std::size_t mask = slots.size() - 1;
        std::size_t i = static_cast<std::size_t>(low ^ (high >> 17)) & mask;
        while (slots[i].used() && (slots[i].low != low || slots[i].high != high)) i = (i + 1) & mask;
        return i;
    }

    void grow() {
        std::vector<Slot> bigger(slots_.empty() ? 64 : slots_.size() * 2);
        for (const Slot& slot : slots_) {
            if (slot.used()) bigger[probe(bigger, slot.low, slot.high)] = slot;
        }
        slots_.swap(bigger);
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

}  // namespace bridgemap::ingest
