#include "graph/igraph_handle.hpp"

#include <bridgemap/error.hpp>
#include <bridgemap/random.hpp>

#include <mutex>
#include <string>

namespace bridgemap::graph {

void check(igraph_error_t code, const char* what) {
    if (code == IGRAPH_SUCCESS) return;
    if (code == IGRAPH_ENOMEM) throw std::bad_alloc();
    throw Error(std::string(what) + " failed in igraph: " + igraph_strerror(code));
}

void prepare_igraph() {
    static std::once_flag configured;
    std::call_once(configured, [] {
        igraph_set_error_handler(igraph_error_handler_ignore);
        igraph_set_warning_handler(igraph_warning_handler_ignore);
    });
}

void seed_igraph(std::uint64_t seed) {
    prepare_igraph();
    check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)),
          "seeding the random number generator");
}

}  // namespace bridgemap::graph

namespace bridgemap {

void seed_library_generators(std::uint64_t seed) {
    graph::seed_igraph(seed);
}

}  // namespace bridgemap

namespace bridgemap::graph {

IgraphRealVector::IgraphRealVector(igraph_integer_t size) {
    prepare_igraph();
    check(igraph_vector_init(&vector_, size), "allocating a vector");
}

IgraphRealVector::IgraphRealVector(std::span<const double> values) {
    prepare_igraph();
    check(igraph_vector_init(&vector_, static_cast<igraph_integer_t>(values.size())), "allocating a vector");
    for (std::size_t i = 0; i < values.size(); ++i) VECTOR(vector_)[i] = values[i];
}

IgraphRealVector::~IgraphRealVector() {
    igraph_vector_destroy(&vector_);
}

std::vector<double> IgraphRealVector::values() const {
    const auto size = static_cast<std::size_t>(igraph_vector_size(&vector_));
    return std::vector<double>(VECTOR(vector_), VECTOR(vector_) + size);
}

IgraphIntVector::IgraphIntVector(igraph_integer_t size) {
    prepare_igraph();
    check(igraph_vector_int_init(&vector_, size), "allocating a vector");
}

IgraphIntVector::~IgraphIntVector() {
    igraph_vector_int_destroy(&vector_);
}

std::vector<igraph_integer_t> IgraphIntVector::values() const {
    const auto size = static_cast<std::size_t>(igraph_vector_int_size(&vector_));
    return std::vector<igraph_integer_t>(VECTOR(vector_), VECTOR(vector_) + size);
}

IgraphMatrix::IgraphMatrix(igraph_integer_t rows, igraph_integer_t columns) {
    prepare_igraph();
    check(igraph_matrix_init(&matrix_, rows, columns), "allocating a matrix");
}

IgraphMatrix::~IgraphMatrix() {
    igraph_matrix_destroy(&matrix_);
}

}  // namespace bridgemap::graph
