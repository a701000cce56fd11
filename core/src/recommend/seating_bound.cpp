// Upper bounds on a seating's objective and on its new cross-sector pairs (docs/seating.md,
// "The upper bound"), in the phases of seating_detail.hpp.

#include <bridgemap/recommend/seating.hpp>

#include "recommend/seating_detail.hpp"
#include "recommend/seating_search.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace bridgemap {
namespace {

/// The k largest of `values`, sorted descending.
std::vector<double> top(std::vector<double> values, std::size_t k) {
    k = std::min(k, values.size());
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end(), std::greater<>());
    values.resize(k);
    return values;
}

}  // namespace

namespace seating_detail {

std::int64_t least_sum_of_squares(std::size_t count, std::vector<std::size_t> capacity) {
    std::sort(capacity.begin(), capacity.end());
    std::int64_t sum = 0;
    std::size_t remaining = count;
    for (std::size_t t = 0; t < capacity.size(); ++t) {
        const std::size_t left = capacity.size() - t;
        const std::size_t share = remaining / left;
        if (capacity[t] <= share) {
            sum += static_cast<std::int64_t>(capacity[t] * capacity[t]);
            remaining -= capacity[t];
            continue;
        }
        // Every table from here has room for share + 1: split evenly.
        const std::size_t extra = remaining % left;
        sum += static_cast<std::int64_t>(extra * (share + 1) * (share + 1) + (left - extra) * share * share);
        break;
    }
    return sum;
}

RoundPairLimits round_pair_limits(const SeatingProblem& problem) {
    std::vector<std::size_t> in_sector(problem.sector_names.size(), 0);
    std::size_t known = 0;
    for (const SectorIndex sector : problem.sectors) {
        if (sector != k_unknown_sector) ++in_sector[sector], ++known;
    }
    std::vector<std::size_t> sizes = problem.table_sizes;
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    RoundPairLimits limits;
    std::int64_t most_known_squares = 0;
    std::size_t left = known;
    for (const std::size_t size : sizes) {
        const std::size_t here = std::min(size, left);
        most_known_squares += static_cast<std::int64_t>(here * here);
        left -= here;
        limits.all_pairs += static_cast<std::int64_t>(size * (size - 1) / 2);
    }
    std::vector<std::size_t> capacity = problem.table_sizes;
    if (problem.max_per_sector > 0) {
        for (auto& seats : capacity) seats = std::min(seats, problem.max_per_sector);
    }
    std::int64_t least_sector_squares = 0;
    for (const std::size_t count : in_sector) {
        const std::int64_t squares = least_sum_of_squares(count, capacity);
        least_sector_squares += squares;
        limits.same_pairs += (squares - static_cast<std::int64_t>(count)) / 2;
    }
    limits.cross_pairs = std::max<std::int64_t>(0, (most_known_squares - least_sector_squares) / 2);
    return limits;
}

std::vector<std::size_t> largest_seat(const SeatingProblem& problem, const Units& units) {
    const std::size_t largest = *std::max_element(problem.table_sizes.begin(), problem.table_sizes.end());
    std::vector<std::size_t> seats_of(problem.people.size(), largest);
    for (std::size_t k = 0; k < problem.hosts.size(); ++k) {
        for (const Person p : units.members[units.of_person[problem.hosts[k]]]) seats_of[p] = problem.table_sizes[k];
    }
    return seats_of;
}

PartnerValues partner_values(const SeatingProblem& problem) {
    const std::size_t n = problem.people.size();
    const auto rounds = static_cast<std::int64_t>(problem.rounds);
    const PairValues& values = problem.values;
    const double scale = static_cast<double>(PairValues::k_scale);
    const Units units = seating_search::seating_units(problem);
    const std::vector<std::size_t> seats_of = largest_seat(problem, units);
    std::vector<std::uint8_t> is_host(n, 0);
    for (const Person host : problem.hosts) is_host[host] = 1;
    std::vector<std::vector<Person>> apart(n);
    for (const auto& group : problem.keep_apart) {
        for (const Person p : group) {
            for (const Person q : group) {
                if (p != q) apart[p].push_back(q);
            }
        }
    }

    PartnerValues partners;
    partners.forced_value.assign(n, 0.0);
    partners.forced_cross.assign(n, 0.0);
    partners.free_partners.assign(n, 0);
    partners.best_cross.resize(n);
    partners.best_other.resize(n);
    std::vector<std::uint8_t> excluded(n, 0);
    std::vector<double> cross_values;
    std::vector<double> other_values;
    for (Person p = 0; p < n; ++p) {
        const auto& unit = units.members[units.of_person[p]];
        const auto group = static_cast<std::int64_t>(unit.size());
        partners.free_partners[p] =
            std::max<std::int64_t>(0, rounds * (static_cast<std::int64_t>(seats_of[p]) - group));
        for (const Person q : apart[p]) excluded[q] = 1;
        excluded[p] = 1;
        std::int64_t forced_new = 0;
        for (const Person q : unit) {
            if (q == p) continue;
            excluded[q] = 1;
            const double u = values.bridging_raw(p, q) / scale;
            partners.forced_value[p] += u;
            if (values.has(p, q, PairValues::cross_sector)) partners.forced_cross[p] += 1;
            if (values.new_cross_sector(p, q)) ++forced_new;
            if (values.has(p, q, PairValues::same_sector) && p < q) ++partners.same_pairs_in_units;
        }
        cross_values.clear();
        other_values.clear();
        std::int64_t available_new = 0;
        for (Person q = 0; q < n; ++q) {
            if (excluded[q] || (is_host[p] && is_host[q])) continue;
            const double u = values.bridging_raw(p, q) / scale;
            if (values.new_cross_sector(p, q)) ++available_new;
            if (values.has(p, q, PairValues::cross_sector))
                cross_values.push_back(u);
            else if (u > 0)
                other_values.push_back(u);
        }
        const auto k = static_cast<std::size_t>(partners.free_partners[p]);
        partners.best_cross[p] = top(cross_values, k);
        partners.best_other[p] = top(other_values, k);
        partners.new_pair_ends += forced_new + std::min(partners.free_partners[p], available_new);
        for (const Person q : apart[p]) excluded[q] = 0;
        for (const Person q : unit) excluded[q] = 0;
        excluded[p] = 0;
    }
    return partners;
}

double lagrangian_bound(const PartnerValues& partners, std::int64_t cross_pairs, double lambda) {
    double total = 0.0;
    for (std::size_t p = 0; p < partners.free_partners.size(); ++p) {
        double sum = partners.forced_value[p] - lambda * partners.forced_cross[p];
        const auto& cross = partners.best_cross[p];
        const auto& other = partners.best_other[p];
        std::size_t i = 0;
        std::size_t j = 0;
        for (std::int64_t taken = 0; taken < partners.free_partners[p]; ++taken) {
            const double a = i < cross.size() ? cross[i] - lambda : 0.0;
            const double b = j < other.size() ? other[j] : 0.0;
            if (a <= 0 && b <= 0) break;
            if (a >= b)
                sum += a, ++i;
            else
                sum += b, ++j;
        }
        total += sum;
    }
    return lambda * static_cast<double>(cross_pairs) + total / 2.0;
}

double golden_section_minimum(const std::function<double(double)>& f, double low, double high, int steps) {
    double best = std::min(f(low), f(high));
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = high - ratio * (high - low);
    double b = low + ratio * (high - low);
    double fa = f(a);
    double fb = f(b);
    for (int step = 0; step < steps; ++step) {
        best = std::min({best, fa, fb});
        if (fa <= fb) {
            high = b, b = a, fb = fa;
            a = high - ratio * (high - low);
            fa = f(a);
        } else {
            low = a, a = b, fa = fb;
            b = low + ratio * (high - low);
            fb = f(b);
        }
    }
    return std::min({best, fa, fb});
}

}  // namespace seating_detail

SeatingBound seating_upper_bound(const SeatingProblem& problem) {
    SeatingBound bound;
    if (problem.people.empty() || problem.table_sizes.empty()) return bound;
    const auto rounds = static_cast<std::int64_t>(problem.rounds);
    const seating_detail::RoundPairLimits per_round = seating_detail::round_pair_limits(problem);
    const std::int64_t cross_pairs = rounds * per_round.cross_pairs;
    const seating_detail::PartnerValues partners = seating_detail::partner_values(problem);
    bound.new_cross_sector_pairs = static_cast<std::size_t>(
        std::max<std::int64_t>(0, std::min({partners.new_pair_ends / 2, cross_pairs, rounds * per_round.all_pairs})));

    // The Lagrangian bound on Σ u, minimised over λ ∈ [0, 1] (convex, piecewise linear).
    const double best = seating_detail::golden_section_minimum(
        [&](double lambda) { return seating_detail::lagrangian_bound(partners, cross_pairs, lambda); }, 0.0, 1.0, 40);
    const std::int64_t same_pairs = rounds * std::max(per_round.same_pairs, partners.same_pairs_in_units) -
                                    (rounds - 1) * partners.same_pairs_in_units;
    bound.objective =
        best - problem.values.same_sector_penalty() * static_cast<double>(std::max<std::int64_t>(0, same_pairs));
    return bound;
}

}  // namespace bridgemap
