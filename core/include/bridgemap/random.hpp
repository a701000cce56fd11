#pragma once
// A small, fully specified random number generator, so that the same seed gives the same
// output on every platform and standard library (std::uniform_int_distribution and friends
// are implementation-defined). xoshiro256** seeded through splitmix64; Lemire's unbiased
// bounded integers.

#include <cstdint>
#include <span>
#include <utility>

namespace bridgemap {

__extension__ using Uint128 = unsigned __int128;  // GCC and Clang; __extension__ keeps -Wpedantic quiet

class Random {
public:
    explicit Random(std::uint64_t seed) noexcept {
        for (auto& word : state_) word = splitmix64(seed);
    }

    /// The next 64 random bits.
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform integer in [0, bound); bound > 0. Unbiased (Lemire 2019, doi:10.1145/3230636).
    std::uint64_t below(std::uint64_t bound) noexcept {
        Uint128 product = static_cast<Uint128>(next()) * bound;
        auto low = static_cast<std::uint64_t>(product);
        if (low < bound) {
            const std::uint64_t threshold = -bound % bound;
            while (low < threshold) {
                product = static_cast<Uint128>(next()) * bound;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64);
    }

    /// Uniform integer in [low, high], inclusive.
    std::int64_t between(std::int64_t low, std::int64_t high) noexcept {
        return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    /// Uniform double in [0, 1) with 53 random bits.
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// True with probability p.
    bool chance(double p) noexcept { return uniform() < p; }

    /// Fisher–Yates shuffle.
    template <class T>
    void shuffle(std::span<T> items) noexcept {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

    /// A generator for an independent stream: same seed and stream, same sequence. The two
    /// numbers are mixed through splitmix64 so that different pairs give different streams.
    static Random stream(std::uint64_t seed, std::uint64_t stream_id) noexcept {
        std::uint64_t id = stream_id;
        std::uint64_t mixed = splitmix64(id);
        std::uint64_t base = seed;
        return Random(splitmix64(base) ^ (mixed * 0xD1B54A32D192ED03ULL + 1));
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) noexcept {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t state_[4];
};

/// Seeds the random number generators of the libraries bridgemap links (igraph's default
/// generator), once per run, from the user's --seed, so that nothing randomised inside them
/// depends on anything but the seed. Building an igraph object never reseeds it.
void seed_library_generators(std::uint64_t seed);

}  // namespace bridgemap
