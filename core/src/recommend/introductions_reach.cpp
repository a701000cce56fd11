#include "recommend/introductions_reach.hpp"

#include <bridgemap/error.hpp>

#include <algorithm>
#include <utility>

namespace bridgemap::introductions_detail {

ReachState::ReachState(const TieGraph& graph, const Sectors& groups)
    : graph_(&graph),
      group_(groups.of_member),
      size_(groups.count(), 0),
      groups_(groups.count()),
      words_(std::max<std::size_t>(1, (groups.count() + 63) / 64)),
      added_(graph.member_count()) {
    const std::size_t n = graph.member_count();
    if (group_.size() != n) throw Error("introductions: groups do not match the members of the tie graph");
    for (std::size_t i = 0; i < n; ++i) {
        const SectorIndex g = group_[i];
        if (g == k_unknown_sector) continue;
        if (g >= groups_) throw Error("introductions: group index out of range");
        if (groups.is_active(i)) ++size_[g];  // in a window, sizes count active members (SPEC §1)
    }
    if (groups_ >= 2) scale_ = 100.0 / (2.0 * static_cast<double>(groups_) * static_cast<double>(groups_ - 1));
    once_.assign(n * words_, 0);
    reach_.assign(n * words_, 0);
    direct_.assign(groups_ * groups_, 0);
    depth_.assign(groups_ * groups_, 0);
    two_step_.assign(groups_ * groups_, 0);
    contacts_.assign(n * groups_, 0);
    for (MemberIndex x = 0; x < n; ++x) {
        std::uint64_t* set = once_.data() + x * words_;
        std::uint32_t* count = contacts_.data() + x * groups_;
        for (const MemberIndex y : graph.neighbours(x)) {
            if (group_[y] == k_unknown_sector) continue;
            set_bit(set, group_[y]);
            ++count[group_[y]];
        }
        const SectorIndex g = group_[x];
        if (g == k_unknown_sector) continue;
        for (std::size_t t = 0; t < groups_; ++t) {
            if (t != g) depth_[g * groups_ + t] += depth_value(count[t]);
        }
    }
    for (MemberIndex x = 0; x < n; ++x) {
        std::uint64_t* set = reach_.data() + x * words_;
        const std::uint64_t* own_once = once(x);
        std::copy(own_once, own_once + words_, set);
        for (const MemberIndex y : graph.neighbours(x)) {
            const std::uint64_t* via = once(y);
            for (std::size_t w = 0; w < words_; ++w) set[w] |= via[w];
        }
        const SectorIndex g = group_[x];
        if (g == k_unknown_sector) continue;
        set[g / 64] &= ~(std::uint64_t{1} << (g % 64));
        for_each_bit(own_once, words_, [&](std::size_t t) {
            if (t != g) ++direct_[g * groups_ + t];
        });
        for_each_bit(set, words_, [&](std::size_t t) { ++two_step_[g * groups_ + t]; });
    }
}

double ReachState::score() const {
    if (groups_ < 2) return k_not_defined;
    double total = 0.0;
    for (std::size_t s = 0; s < groups_; ++s) {
        const double n = static_cast<double>(size_[s]);
        for (std::size_t t = 0; t < groups_; ++t) {
            if (s == t) continue;
            const double d = static_cast<double>(depth_[s * groups_ + t]) / (static_cast<double>(k_depth_unit) * n);
            const double r2 = static_cast<double>(two_step_[s * groups_ + t]) / n;
            total += (1.0 - (1.0 - d) * (1.0 - d)) + (1.0 - (1.0 - r2) * (1.0 - r2));
        }
    }
    return total * scale_;
}

bool ReachState::tied(MemberIndex u, MemberIndex v) const noexcept {
    if (graph_->find_tie(u, v) != k_none) return true;
    return std::binary_search(added_[u].begin(), added_[u].end(), v);
}

EffectScratch ReachState::make_scratch() const {
    EffectScratch scratch;
    scratch.cell_count.assign(groups_ * groups_, 0);
    return scratch;
}

Effect ReachState::effect(MemberIndex u, MemberIndex v, EffectScratch& scratch) const {
    const bool swapped = u > v;
    if (swapped) std::swap(u, v);
    Effect effect;
    const SectorIndex s = group_[u];
    const SectorIndex t = group_[v];
    const bool s_known = s != k_unknown_sector;
    const bool t_known = t != k_unknown_sector;
    const std::size_t groups = groups_;

    // One hop: u gains a contact in t, v one in s.
    double direct_sum = 0.0;
    if (s_known && t_known && s != t) {
        direct_sum += phi_depth_step(depth_[s * groups + t], depth_step(contacts(u, t)), size_[s]);
        direct_sum += phi_depth_step(depth_[t * groups + s], depth_step(contacts(v, s)), size_[t]);
        effect.direct_gains = (contacts(u, t) == 0 ? 1u : 0u) + (contacts(v, s) == 0 ? 1u : 0u);
    }

    // Two hops, counted per cell (from group, to group) before φ is applied.
    auto& count = scratch.cell_count;
    auto& touched = scratch.touched;
    const auto bump = [&](std::size_t cell) {
        if (count[cell]++ == 0) touched.push_back(static_cast<std::uint32_t>(cell));
    };
    // x gains what the other end brings: its group and its neighbours' groups.
    const auto own_gains = [&](MemberIndex x, MemberIndex other) -> std::uint32_t {
        const SectorIndex g = group_[x];
        if (g == k_unknown_sector) return 0;
        const SectorIndex other_group = group_[other];
        const std::uint64_t* have = reach(x);
        const std::uint64_t* brings = once(other);
        std::uint32_t gained = 0;
        for (std::size_t w = 0; w < words_; ++w) {
            std::uint64_t bits = brings[w];
            if (other_group != k_unknown_sector && other_group / 64 == w)
                bits |= std::uint64_t{1} << (other_group % 64);
            if (g / 64 == w) bits &= ~(std::uint64_t{1} << (g % 64));
            bits &= ~have[w];
            while (bits != 0) {
                const auto bit = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
                bump(g * groups + bit);
                ++gained;
                bits &= bits - 1;
            }
        }
        return gained;
    };
    const std::uint32_t u_new = own_gains(u, v);
    const std::uint32_t v_new = own_gains(v, u);
    // u's neighbours gain t through u; v's neighbours gain s through v.
    const auto contacts = [&](MemberIndex x, SectorIndex target) -> std::uint32_t {
        if (target == k_unknown_sector) return 0;
        std::uint32_t gained = 0;
        for_each_neighbour(x, [&](MemberIndex y) {
            const SectorIndex g = group_[y];
            if (g == k_unknown_sector || g == target || has_bit(reach(y), target)) return;
            bump(g * groups + target);
            ++gained;
        });
        return gained;
    };
    const std::uint32_t u_contacts = contacts(u, t);
    const std::uint32_t v_contacts = contacts(v, s);

    std::sort(touched.begin(), touched.end());
    double two_step_sum = 0.0;
    for (const std::uint32_t cell : touched) {
        two_step_sum += phi_step(two_step_[cell], count[cell], size_[cell / groups]);
        effect.two_step_gains += count[cell];
        count[cell] = 0;
    }
    touched.clear();

    effect.gain = (direct_sum + two_step_sum) * scale_;
    const bool u_direct = s_known && t_known && s != t && !has_bit(once(u), t);
    const bool v_direct = s_known && t_known && s != t && !has_bit(once(v), s);
    effect.members_gaining =
        (u_new > 0 || u_direct ? 1u : 0u) + (v_new > 0 || v_direct ? 1u : 0u) + u_contacts + v_contacts;
    effect.contacts_gaining = u_contacts + v_contacts;
    effect.u_new_groups = swapped ? v_new : u_new;
    effect.v_new_groups = swapped ? u_new : v_new;
    return effect;
}

void ReachState::add_tie(MemberIndex u, MemberIndex v) {
    const SectorIndex s = group_[u];
    const SectorIndex t = group_[v];
    const auto add_once = [&](MemberIndex x, SectorIndex g) {
        if (g == k_unknown_sector) return;
        const SectorIndex own = group_[x];
        std::uint32_t& count = contacts_[x * groups_ + g];
        if (own != k_unknown_sector && own != g) depth_[own * groups_ + g] += depth_step(count);
        ++count;
        std::uint64_t* set = once_.data() + x * words_;
        if (has_bit(set, g)) return;
        set_bit(set, g);
        if (own != k_unknown_sector && own != g) ++direct_[own * groups_ + g];
    };
    add_once(u, t);
    add_once(v, s);
    // Adds `bits` (minus x's own group) to x's two-hop reach and counts what is new.
    const auto add_reach = [&](MemberIndex x, const std::uint64_t* bits, const std::uint64_t* more) {
        std::uint64_t* set = reach_.data() + x * words_;
        const SectorIndex own = group_[x];
        for (std::size_t w = 0; w < words_; ++w) {
            std::uint64_t add = bits[w] | (more != nullptr ? more[w] : 0);
            if (own != k_unknown_sector && own / 64 == w) add &= ~(std::uint64_t{1} << (own % 64));
            add &= ~set[w];
            set[w] |= add;
            if (own == k_unknown_sector) continue;
            while (add != 0) {
                ++two_step_[own * groups_ + w * 64 + static_cast<std::size_t>(__builtin_ctzll(add))];
                add &= add - 1;
            }
        }
    };
    for_each_neighbour(u, [&](MemberIndex x) { add_reach(x, once(u), nullptr); });
    for_each_neighbour(v, [&](MemberIndex x) { add_reach(x, once(v), nullptr); });
    add_reach(u, once(u), once(v));
    add_reach(v, once(v), once(u));
    const auto insert = [](std::vector<MemberIndex>& list, MemberIndex x) {
        list.insert(std::lower_bound(list.begin(), list.end(), x), x);
    };
    insert(added_[u], v);
    insert(added_[v], u);
}

}  // namespace bridgemap::introductions_detail
