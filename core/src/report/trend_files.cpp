#include <bridgemap/io/csv_writer.hpp>
#include <bridgemap/io/text.hpp>
#include <bridgemap/report/html.hpp>
#include <bridgemap/report/trend_files.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace bridgemap::report {
namespace {

using Json = nlohmann::ordered_json;

Json number_or_null(double value) {
    return is_defined(value) ? Json(value) : Json(nullptr);
}

std::string bound_text(const std::optional<DateSpan>& bound, bool first) {
    if (!bound) return {};
    return format_day(first ? bound->first : bound->last);
}

Json exposure_json(const ExposureSummary& summary) {
    return {{"kind", summary.kind},
            {"settings", summary.settings},
            {"room_pairs", summary.room_pairs},
            {"exposure_pairs", summary.exposure_pairs},
            {"cross_sector_exposure_pairs", summary.cross_exposure_pairs},
            {"exposure", number_or_null(summary.exposure)},
            {"followed_through", summary.followed_through},
            {"cross_sector_followed_through", summary.cross_followed_through},
            {"followed_through_cross_share", number_or_null(summary.followed_through_cross_share)},
            {"friending_bias", number_or_null(summary.friending_bias)}};
}

}  // namespace

double share_with_tie(const PeriodFigures& figures, SectorIndex from, SectorIndex to) {
    for (const auto& entry : figures.mixing.reach) {
        if (entry.from == from && entry.to == to) return entry.within_one;
    }
    return k_not_defined;
}

std::string trend_csv(const TrendReport& report) {
    std::string out;
    io::CsvWriter csv(out);
    const auto& names = report.sector_names;
    csv.row({"period", "from", "until", "active_members", "ties", "ei_index", "expected_ei_index", "members", "events",
             "assortativity"});
    out.pop_back();  // continue the header row
    if (report.between) {
        const auto [a, b] = *report.between;
        out += ",";
        io::append_csv_field(out, "share_" + names[a] + "_tied_to_" + names[b]);
        out += ",";
        io::append_csv_field(out, "share_" + names[b] + "_tied_to_" + names[a]);
    }
    for (std::size_t a = 0; a < names.size(); ++a) {
        for (std::size_t b = a; b < names.size(); ++b) {
            out += ",";
            io::append_csv_field(out, "ratio_" + names[a] + "__" + names[b]);
        }
    }
    for (std::size_t a = 0; a < names.size(); ++a) {
        for (std::size_t b = 0; b < names.size(); ++b) {
            if (a == b) continue;
            out += ",";
            io::append_csv_field(out, "reach2_" + names[a] + "__" + names[b]);
        }
    }
    for (const auto& name : names) {
        out += ",";
        io::append_csv_field(out, "active_" + name);
    }
    out += "\n";
    for (const auto& period : report.periods) {
        const SectorMixing& mixing = period.mixing;
        csv.field(period.period.label)
            .field(bound_text(period.period.window.from, true))
            .field(bound_text(period.period.window.until, false));
        csv.field(static_cast<std::uint64_t>(period.active_members)).field(static_cast<std::uint64_t>(period.ties));
        csv.field(mixing.ei_index).field(mixing.expected_ei_index);
        csv.field(static_cast<std::uint64_t>(period.members)).field(static_cast<std::uint64_t>(period.events));
        csv.field(mixing.assortativity);
        if (report.between) {
            const auto [a, b] = *report.between;
            csv.field(share_with_tie(period, a, b)).field(share_with_tie(period, b, a));
        }
        for (const auto& pair : mixing.pairs) csv.field(pair.ratio);
        for (const auto& entry : mixing.reach) {
            if (entry.from != entry.to) csv.field(entry.within_two);
        }
        for (const std::uint64_t active : mixing.members) csv.field(active);
        csv.end_row();
    }
    return out;
}

std::string exposure_csv(const TrendReport& report) {
    std::string out;
    io::CsvWriter csv(out);
    csv.row({"period", "kind", "settings", "room_pairs", "exposure_pairs", "cross_sector_exposure_pairs", "exposure",
             "followed_through", "cross_sector_followed_through", "followed_through_cross_share", "friending_bias"});
    const auto row = [&](const std::string& period, const ExposureSummary& s) {
        csv.field(period).field(s.kind).field(static_cast<std::uint64_t>(s.settings)).field(s.room_pairs);
        csv.field(s.exposure_pairs).field(s.cross_exposure_pairs).field(s.exposure);
        csv.field(s.followed_through).field(s.cross_followed_through).field(s.followed_through_cross_share);
        csv.field(s.friending_bias);
        csv.end_row();
    };
    for (std::size_t p = 0; p < report.periods.size(); ++p) {
        for (const auto& summary : report.exposure_by_period[p]) row(report.periods[p].period.label, summary);
    }
    for (const auto& summary : report.exposure_overall) row("all", summary);
    return out;
}

std::string trend_json(const TrendReport& report) {
    Json root;
    if (!report.tie_model_json.empty()) root["tie_model"] = Json::parse(report.tie_model_json);
    root["settings"] = Json::parse(report.settings_json.empty() ? "{}" : report.settings_json);
    Json periods = Json::array();
    const auto& names = report.sector_names;
    for (std::size_t p = 0; p < report.periods.size(); ++p) {
        const PeriodFigures& period = report.periods[p];
        const SectorMixing& mixing = period.mixing;
        Json entry;
        entry["period"] = period.period.label;
        entry["from"] = period.period.window.from ? Json(bound_text(period.period.window.from, true)) : Json(nullptr);
        entry["until"] = bound_text(period.period.window.until, false);
        entry["members"] = period.members;
        entry["active_members"] = period.active_members;
        Json active = Json::object();  // who the baseline and reach are taken over (SPEC §1)
        for (std::size_t s = 0; s < names.size() && s < mixing.members.size(); ++s)
            active[names[s]] = mixing.members[s];
        active["unknown"] = mixing.unknown_members;
        entry["active_by_sector"] = active;
        entry["events"] = period.events;
        entry["ties"] = period.ties;
        entry["ei_index"] = number_or_null(mixing.ei_index);
        entry["expected_ei_index"] = number_or_null(mixing.expected_ei_index);
        entry["assortativity"] = number_or_null(mixing.assortativity);
        if (report.between) {
            const auto [a, b] = *report.between;
            entry["between"] = {{"sectors", {names[a], names[b]}},
                                {"share_a_tied_to_b", number_or_null(share_with_tie(period, a, b))},
                                {"share_b_tied_to_a", number_or_null(share_with_tie(period, b, a))}};
        }
        Json pairs = Json::array();
        for (const auto& pair : mixing.pairs) {
            pairs.push_back({{"sectors", {names[pair.a], names[pair.b]}},
                             {"observed", pair.observed},
                             {"expected", pair.expected},
                             {"ratio", number_or_null(pair.ratio)}});
        }
        entry["mixing"] = pairs;
        Json reach = Json::array();
        for (const auto& r : mixing.reach) {
            reach.push_back({{"from", names[r.from]},
                             {"to", names[r.to]},
                             {"within_1_hop", r.within_one},
                             {"within_2_hops", r.within_two}});
        }
        entry["reach"] = reach;
        Json exposure = Json::array();
        for (const auto& summary : report.exposure_by_period[p]) exposure.push_back(exposure_json(summary));
        entry["exposure"] = exposure;
        periods.push_back(entry);
    }
    root["periods"] = periods;
    Json overall = Json::array();
    for (const auto& summary : report.exposure_overall) overall.push_back(exposure_json(summary));
    root["exposure_by_kind"] = overall;
    return root.dump(2) + "\n";
}

std::string trend_text(const TrendReport& report) {
    std::string out = report.tie_model.empty() ? std::string() : report.tie_model + "\n\n";
    const auto& names = report.sector_names;
    std::string header = io::pad_right("period", 12) + io::pad_left("active", 8) + io::pad_left("ties", 9) +
                         io::pad_left("E-I", 8) + io::pad_left("baseline", 10);
    if (report.between) {
        const auto [a, b] = *report.between;
        header += "   " + names[a] + " tied to " + names[b] + " / " + names[b] + " tied to " + names[a];
    }
    out += header + "\n";
    for (const auto& period : report.periods) {
        out += io::pad_right(period.period.label, 12) + io::pad_left(std::to_string(period.active_members), 8) +
               io::pad_left(std::to_string(period.ties), 9) + io::pad_left(io::fixed(period.mixing.ei_index, 2), 8) +
               io::pad_left(io::fixed(period.mixing.expected_ei_index, 2), 10);
        if (report.between) {
            const auto [a, b] = *report.between;
            out += "   " + format_percent(share_with_tie(period, a, b)) + " / " +
                   format_percent(share_with_tie(period, b, a));
        }
        out += "\n";
    }
    // Active members per sector: who the period's baseline and reach are taken over.
    if (!names.empty()) {
        out += "\nActive members per sector\n" + io::pad_right("period", 12);
        std::vector<std::size_t> widths;
        for (const auto& name : names) {
            widths.push_back(std::max<std::size_t>(8, io::display_width(name) + 2));
            out += io::pad_left(name, widths.back());
        }
        out += io::pad_left("unknown", 9) + "\n";
        for (const auto& period : report.periods) {
            out += io::pad_right(period.period.label, 12);
            for (std::size_t s = 0; s < names.size(); ++s) {
                out += io::pad_left(std::to_string(period.mixing.members[s]), widths[s]);
            }
            out += io::pad_left(std::to_string(period.mixing.unknown_members), 9) + "\n";
        }
    }
    const std::string horizon = std::to_string(report.horizon_days);
    out += "\nExposure and friending bias by kind of setting, whole history (follow-through within " + horizon +
           " days)\n";
    out += io::pad_right("kind", 14) + io::pad_left("settings", 10) + io::pad_left("new pairs", 11) +
           io::pad_left("cross", 8) + io::pad_left("followed through", 18) + io::pad_left("of them cross", 15) +
           io::pad_left("friending bias", 16) + "\n";
    for (const auto& s : report.exposure_overall) {
        out += io::pad_right(s.kind.empty() ? "(no kind)" : s.kind, 14) + io::pad_left(std::to_string(s.settings), 10) +
               io::pad_left(std::to_string(s.exposure_pairs), 11) + io::pad_left(format_percent(s.exposure), 8) +
               io::pad_left(std::to_string(s.followed_through), 18) +
               io::pad_left(format_percent(s.followed_through_cross_share), 15) +
               io::pad_left(io::fixed(s.friending_bias, 2), 16) + "\n";
    }
    out +=
        "new pairs: pairs in the room (both of known sector) not tied before it; cross: the share of them\n"
        "from different sectors (exposure). followed through: new pairs tied within " +
        horizon +
        " days by\n"
        "something else from its day on (another small setting, a cell or organisation both joined, a\n"
        "recorded tie; not the setting itself or its breakouts); of them cross: the share of those from\n"
        "different sectors.\n"
        "friending bias: 1 - (of them cross / cross): 0 when follow-through ignores sectors, 1 when only\n"
        "same-sector pairs followed through, negative when cross-sector pairs followed through more. Each\n"
        "share rests on the pairs counted to its left: a bias over a few followed-through pairs is noise.\n";
    return out;
}

LineChart trend_chart(const TrendReport& report) {
    LineChart chart;
    chart.title = "Cross-sector connection over time";
    chart.x_label = "period";
    chart.y_label = "E-I index (\u22121 to +1) and shares (0 to 1)";
    chart.y_min = report.between ? 0.0 : -0.2;
    chart.y_max = 1.0;
    ChartSeries ei{"E-I index", {}, false};
    ChartSeries baseline{"E-I if ties ignored sectors", {}, true};
    ChartSeries a_to_b;
    ChartSeries b_to_a;
    if (report.between) {
        const auto [a, b] = *report.between;
        a_to_b.name = "share of " + report.sector_names[a] + " tied to " + report.sector_names[b];
        b_to_a.name = "share of " + report.sector_names[b] + " tied to " + report.sector_names[a];
    }
    for (const auto& period : report.periods) {
        chart.x_labels.push_back(period.period.label);
        ei.values.push_back(period.mixing.ei_index);
        baseline.values.push_back(period.mixing.expected_ei_index);
        if (report.between) {
            const auto [a, b] = *report.between;
            a_to_b.values.push_back(share_with_tie(period, a, b));
            b_to_a.values.push_back(share_with_tie(period, b, a));
        }
    }
    chart.series = {ei, baseline};
    if (report.between) {
        chart.series.push_back(a_to_b);
        chart.series.push_back(b_to_a);
    }
    return chart;
}

}  // namespace bridgemap::report
