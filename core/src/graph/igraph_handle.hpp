#pragma once
// Private: the one place that wraps igraph's C handles in RAII types and turns igraph's
// error codes into exceptions, for what core takes from igraph (ARPACK's eigensolver, the
// seeded generator). Outside core/src only the tests include <igraph.h>: their igraph copy
// of a tie graph is tests/support/igraph_graph.hpp.

#include <igraph.h>

#include <cstdint>
#include <span>
#include <vector>

namespace bridgemap::graph {

/// Throws bridgemap::Error naming `what` when `code` is not IGRAPH_SUCCESS. igraph is set
/// up on first use not to abort on errors and not to print warnings.
void check(igraph_error_t code, const char* what);

/// Makes igraph's error handling exception-friendly (errors come back as codes for check(),
/// warnings are not printed). Only the first call does anything; it never touches igraph's
/// random number generator. Every wrapper below calls it. Thread-safe.
void prepare_igraph();

/// Seeds igraph's default random number generator (one per process in this igraph build)
/// from the user's seed (--seed). Call it once, before igraph runs anything random: nothing
/// else reseeds the generator, so whatever igraph draws afterwards follows from this seed.
/// Unseeded, igraph 0.10 starts from a fixed state, so runs still repeat. Do not call it
/// while igraph runs on another thread.
void seed_igraph(std::uint64_t seed);

class IgraphRealVector {
public:
    explicit IgraphRealVector(igraph_integer_t size = 0);
    explicit IgraphRealVector(std::span<const double> values);
    ~IgraphRealVector();
    IgraphRealVector(const IgraphRealVector&) = delete;
    IgraphRealVector& operator=(const IgraphRealVector&) = delete;
    igraph_vector_t* get() noexcept { return &vector_; }
    const igraph_vector_t* get() const noexcept { return &vector_; }
    [[nodiscard]] std::vector<double> values() const;

private:
    igraph_vector_t vector_;
};

class IgraphIntVector {
public:
    explicit IgraphIntVector(igraph_integer_t size = 0);
    ~IgraphIntVector();
    IgraphIntVector(const IgraphIntVector&) = delete;
    IgraphIntVector& operator=(const IgraphIntVector&) = delete;
    igraph_vector_int_t* get() noexcept { return &vector_; }
    const igraph_vector_int_t* get() const noexcept { return &vector_; }
    [[nodiscard]] std::vector<igraph_integer_t> values() const;

private:
    igraph_vector_int_t vector_;
};

class IgraphMatrix {
public:
    IgraphMatrix(igraph_integer_t rows, igraph_integer_t columns);
    ~IgraphMatrix();
    IgraphMatrix(const IgraphMatrix&) = delete;
    IgraphMatrix& operator=(const IgraphMatrix&) = delete;
    igraph_matrix_t* get() noexcept { return &matrix_; }
    [[nodiscard]] double& at(igraph_integer_t row, igraph_integer_t column) noexcept {
        return MATRIX(matrix_, row, column);
    }

private:
    igraph_matrix_t matrix_;
};

}  // namespace bridgemap::graph
