// SPEC §5 consent in every output: a copy of the example where Colin Falconer is hidden and
// Caroline Slocock is shown by pseudonym. Every command that writes is run and every byte it
// writes (stdout and files) is searched for what must not appear.

#include "support/csv_rows.hpp"
#include "support/run_command.hpp"
#include "support/temporary_files.hpp"

#include <bridgemap/ingest/network_reader.hpp>
#include <bridgemap/report/pseudonyms.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bridgemap::testing {
namespace {

namespace fs = std::filesystem;

// Both surnames occur nowhere else in the example (not in any organisation, event or other
// member), so any occurrence is a leak.
const std::string k_hidden_id = "colin-falconer";
const std::string k_hidden_name = "Colin Falconer";
const std::string k_pseudonym_id = "caroline-slocock";
const std::string k_pseudonym_name = "Caroline Slocock";

/// The example with a consent column: one hidden, one pseudonym, everyone else named (empty).
void write_consent_copy(const fs::path& folder) {
    fs::copy(BRIDGEMAP_EXAMPLE_DIR, folder, fs::copy_options::recursive);
    std::ifstream in(folder / "members.csv");
    std::string line;
    std::string out;
    bool header = true;
    while (std::getline(in, line)) {
        if (header) {
            out += line + ",consent\n";
            header = false;
        } else if (line.rfind(k_hidden_id + ",", 0) == 0) {
            out += line + ",hidden\n";
        } else if (line.rfind(k_pseudonym_id + ",", 0) == 0) {
            out += line + ",pseudonym\n";
        } else {
            out += line + ",\n";
        }
    }
    in.close();
    write_file(folder / "members.csv", out);
}

/// The pseudonym member_pseudonyms() gives a member of the example (the consent column does
/// not change who is in it, so not the codes either).
std::string pseudonym_of(const std::string& id) {
    const auto read = ingest::read_network(BRIDGEMAP_EXAMPLE_DIR);
    const Network& network = read.network;
    const auto pseudonyms = report::member_pseudonyms(network);
    for (std::size_t i = 0; i < network.members.size(); ++i) {
        if (network.members[i].id == id) return pseudonyms[i];
    }
    ADD_FAILURE() << "no member " << id;
    return "?";
}

/// Every file under `folder` (or the file itself), as text.
std::string all_bytes(const fs::path& path) {
    if (fs::is_regular_file(path)) return slurp(path);
    std::string text;
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) text += slurp(entry.path()) + "\n";
    }
    return text;
}

/// Adds a failure for each of `forbidden` found in `text`, saying where.
void expect_none(const std::string& text, const std::vector<std::string>& forbidden, const std::string& where) {
    for (const auto& word : forbidden) {
        EXPECT_EQ(text.find(word), std::string::npos) << where << " contains \"" << word << "\"";
    }
}

class Consent : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        folder_ = new TemporaryFolder("consent");
        write_consent_copy(*folder_ / "data");
    }
    static void TearDownTestSuite() {
        delete folder_;
        folder_ = nullptr;
    }
    static fs::path data() { return *folder_ / "data"; }
    static fs::path out(const std::string& name) { return *folder_ / name; }

    /// What may not appear: the hidden member by id, name and pseudonym; the pseudonym member
    /// by id and name.
    static std::vector<std::string> forbidden() {
        return {k_hidden_id, k_hidden_name, pseudonym_of(k_hidden_id), k_pseudonym_id, k_pseudonym_name,
                "Falconer",  "Slocock"};
    }

    /// Runs bridgemap with `arguments`, expects exit 0, and checks its stdout and `written`.
    static std::string run_clean(const std::vector<std::string>& arguments, const std::vector<fs::path>& written = {},
                                 const std::vector<std::string>& not_allowed = forbidden()) {
        const auto result = run_bridgemap(arguments);
        std::string label;
        for (const auto& argument : arguments) label += argument + " ";
        EXPECT_EQ(result.exit_code, 0) << label << result.err;
        expect_none(result.out, not_allowed, "stdout of " + label);
        std::string files;
        for (const auto& path : written) {
            EXPECT_TRUE(fs::exists(path)) << path;
            const std::string bytes = all_bytes(path);
            expect_none(bytes, not_allowed, path.string() + " from " + label);
            files += bytes;
        }
        return result.out + files;
    }

    static TemporaryFolder* folder_;
};

TemporaryFolder* Consent::folder_ = nullptr;

TEST_F(Consent, AnalyseLeavesHiddenOutAndCountsThem) {
    const std::string text =
        run_clean({"analyse", data().string(), "--out", out("analysis").string()},
                  {out("analysis") / "members.csv", out("analysis") / "ties.csv", out("analysis") / "summary.json"});
    run_clean({"analyse", data().string(), "--format", "json"});
    // The pseudonym member is there, by pseudonym: in members.csv and in the text ranking
    // (Caroline Slocock is third in the example's bridge-builder ranking).
    const auto members = read_csv(out("analysis") / "members.csv");
    ASSERT_EQ(members.size(), 56u);  // header + 56 members - 1 hidden
    bool found = false;
    for (const auto& row : members) found |= row[0] == pseudonym_of(k_pseudonym_id) && row[1] == row[0];
    EXPECT_TRUE(found) << "no row for " << pseudonym_of(k_pseudonym_id);
    EXPECT_NE(text.find(pseudonym_of(k_pseudonym_id) + " (voluntary): 0.0433"), std::string::npos) << text;
    // ties.csv: the example's 1065 ties less Colin Falconer's 54 (his degree in members.csv
    // of the unchanged example).
    const auto plain = run_bridgemap({"analyse", BRIDGEMAP_EXAMPLE_DIR, "--out", out("plain").string()});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    std::size_t hidden_degree = 0;
    for (const auto& row : read_csv(out("plain") / "members.csv")) {
        if (row[0] == k_hidden_id) hidden_degree = std::stoul(row[4]);
    }
    EXPECT_EQ(hidden_degree, 54u);
    EXPECT_EQ(read_csv(out("analysis") / "ties.csv").size(), 1u + 1065u - hidden_degree);
    // Network figures count everyone.
    const auto with = nlohmann::json::parse(slurp(out("analysis") / "summary.json"));
    const auto without = nlohmann::json::parse(slurp(out("plain") / "summary.json"));
    EXPECT_EQ(with["members"], 56);
    EXPECT_EQ(with["ties"], 1065);
    for (const char* key : {"members", "ties", "density", "bridges", "articulation_points", "modularity", "sectors"}) {
        EXPECT_EQ(with[key], without[key]) << key;
    }
}

TEST_F(Consent, IntroduceNeverSuggestsNorNamesHidden) {
    run_clean({"introduce", data().string()});
    run_clean({"introduce", data().string(), "--out", out("intro.csv").string(), "--count", "20"}, {out("intro.csv")});
    run_clean({"introduce", data().string(), "--format", "json", "--warm-only", "--evaluate"});
    run_clean({"introduce", data().string(), "--across", "community", "--max-per-member", "0", "--count", "30"});
    run_clean({"introduce", data().string(), "--include-inactive", "--count", "20", "--emails",
               out("emails.csv").string(), "--print", out("intro.html").string()},
              {out("emails.csv"), out("intro.html")});
    run_clean({"introduce", data().string(), "--event", "gathering-2017", "--include-inactive"});
}

TEST_F(Consent, SeatSeatsHiddenByPseudonym) {
    // Both attended gathering-2017; seat shows the hidden member by pseudonym, nobody by name.
    const std::vector<std::string> names = {k_hidden_id,      k_hidden_name, k_pseudonym_id,
                                            k_pseudonym_name, "Falconer",    "Slocock"};
    const std::string text =
        run_clean({"seat", data().string(), "--event", "gathering-2017", "--tables", "3"}, {}, names);
    EXPECT_NE(text.find(pseudonym_of(k_hidden_id)), std::string::npos) << text;
    EXPECT_NE(text.find(pseudonym_of(k_pseudonym_id)), std::string::npos) << text;
    run_clean({"seat", data().string(), "--event", "gathering-2017", "--tables", "3", "--out", out("seat.csv").string(),
               "--map", out("seat-maps").string()},
              {out("seat.csv"), out("seat-maps")}, names);
    const auto rows = read_csv(out("seat.csv"));
    bool hidden_seated = false;
    for (const auto& row : rows) hidden_seated |= row[0] == pseudonym_of(k_hidden_id);
    EXPECT_TRUE(hidden_seated);
    // The tables' maps show them (index.html names nobody).
    EXPECT_NE(all_bytes(out("seat-maps")).find(pseudonym_of(k_hidden_id)), std::string::npos);
    run_clean({"seat", data().string(), "--event", "gathering-2017", "--tables", "3", "--format", "json"}, {}, names);
}

TEST_F(Consent, SeatPrintoutsLeaveHiddenMembersOut) {
    // The printouts name nobody hidden, not even by pseudonym: a table page counts them, the
    // briefing says how many; the pseudonym member appears by pseudonym only.
    const std::vector<std::string> names = {k_hidden_id,      k_hidden_name, k_pseudonym_id,
                                            k_pseudonym_name, "Falconer",    "Slocock"};
    run_clean({"seat", data().string(), "--event", "gathering-2017", "--tables", "6", "--rounds", "2", "--print",
               out("seat.html").string()},
              {out("seat.html")}, names);
    const std::string html = all_bytes(out("seat.html"));
    EXPECT_EQ(html.find(pseudonym_of(k_hidden_id)), std::string::npos);
    EXPECT_NE(html.find(pseudonym_of(k_pseudonym_id)), std::string::npos);
    // Seated in both rounds: a table page of each says so.
    std::size_t not_listed = 0;
    for (auto at = html.find("And 1 guest not listed here"); at != std::string::npos;
         at = html.find("And 1 guest not listed here", at + 1))
        ++not_listed;
    EXPECT_EQ(not_listed, 2u);
    EXPECT_NE(html.find("1 guest is on no list or card"), std::string::npos);
    // --pseudonymise: nobody by name.
    run_clean({"seat", data().string(), "--event", "gathering-2017", "--tables", "3", "--print",
               out("seat-pseudonymised.html").string(), "--pseudonymise"},
              {out("seat-pseudonymised.html")}, {"Geraldine Blake", "london-funders", k_hidden_name});
    EXPECT_EQ(all_bytes(out("seat-pseudonymised.html")).find(pseudonym_of(k_hidden_id)), std::string::npos);
}

/// The first coordinates drawn for the node with SVG id `key` ("member&#45;3"): its shape's
/// position, to tell whether two maps place a member alike.
std::string node_geometry(const std::string& svg, const std::string& key) {
    const auto node = svg.find("id=\"" + key + "\"");
    if (node == std::string::npos) return "absent";
    const auto shape = svg.find("points=", node);
    return svg.substr(shape, 60);
}

TEST_F(Consent, MapsDrawNoHiddenMember) {
    const auto map = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> arguments = {"map", data().string(), "--out", out(name).string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return run_clean(arguments, {out(name)});
    };
    const std::string whole = map("whole.svg", {});
    // 56 members less the hidden one; Caroline Slocock labelled by pseudonym.
    EXPECT_NE(whole.find("whole-network map (55 members"), std::string::npos) << whole;
    EXPECT_NE(whole.find(pseudonym_of(k_pseudonym_id)), std::string::npos);
    map("event.svg", {"--event", "gathering-2017"});
    map("ego.svg", {"--member", "martyn-evans", "--radius", "2"});
    map("summary.svg", {"--summary"});
    // An ego map of the hidden member is one of an unknown member.
    const auto ego =
        run_bridgemap({"map", data().string(), "--out", out("hidden.svg").string(), "--member", k_hidden_id});
    EXPECT_EQ(ego.exit_code, 2) << ego.err;
    EXPECT_NE(ego.err.find("unknown member"), std::string::npos) << ego.err;
    EXPECT_FALSE(fs::exists(out("hidden.svg")));
    // A near miss is not answered with the hidden member's id.
    const auto typo =
        run_bridgemap({"map", data().string(), "--out", out("hidden.svg").string(), "--member", "colin-falconr"});
    EXPECT_EQ(typo.exit_code, 2) << typo.err;
    EXPECT_EQ(typo.err.find("falconer"), std::string::npos) << typo.err;
}

TEST_F(Consent, PseudonymisedMapHasItsOwnLayout) {
    ASSERT_EQ(run_bridgemap({"map", BRIDGEMAP_EXAMPLE_DIR, "--out", out("named.svg").string()}).exit_code, 0);
    ASSERT_EQ(
        run_bridgemap({"map", BRIDGEMAP_EXAMPLE_DIR, "--pseudonymise", "--out", out("pseudo.svg").string()}).exit_code,
        0);
    const std::string named = slurp(out("named.svg"));
    const std::string pseudo = slurp(out("pseudo.svg"));
    for (const std::string key : {"member&#45;1", "member&#45;2", "member&#45;3"}) {
        EXPECT_NE(node_geometry(named, key), "absent");
        EXPECT_NE(node_geometry(named, key), node_geometry(pseudo, key)) << key;
    }
}

/// The interactive map's data embedded in a report (`var BRIDGEMAP_MAP = {...};`), parsed.
nlohmann::json embedded_map(const std::string& html) {
    const std::string marker = "var BRIDGEMAP_MAP = ";
    const auto start = html.find(marker);
    if (start == std::string::npos) return nullptr;
    const auto begin = start + marker.size();
    return nlohmann::json::parse(html.substr(begin, html.find(";\n", begin) - begin));
}

TEST_F(Consent, ReportLeavesHiddenOut) {
    const std::string html =
        run_clean({"report", data().string(), "--out", out("report.html").string()}, {out("report.html")});
    // Caroline Slocock is among the top bridge builders: by pseudonym.
    EXPECT_NE(html.find(pseudonym_of(k_pseudonym_id)), std::string::npos);
    EXPECT_NE(html.find("1 member asked not to be shown"), std::string::npos);
    EXPECT_NE(html.find("1 member is shown by pseudonym"), std::string::npos);
    // The interactive map's data: the 55 shown members, Caroline Slocock by pseudonym, Colin
    // Falconer nowhere (the byte search above covers the whole file; this reads the JSON, so
    // an escaped name could not slip through).
    const auto map = embedded_map(html);
    ASSERT_TRUE(map.is_object());
    const auto names = map["names"].get<std::vector<std::string>>();
    EXPECT_EQ(names.size(), 55u);
    EXPECT_EQ(std::count(names.begin(), names.end(), pseudonym_of(k_pseudonym_id)), 1);
    EXPECT_EQ(std::count(names.begin(), names.end(), k_hidden_name), 0);
    EXPECT_EQ(std::count(names.begin(), names.end(), k_pseudonym_name), 0);
    // Ties among the shown: 1,065 less the hidden member's 54 (as ties.csv above).
    EXPECT_EQ(map["ties"], 1065 - 54);
}

TEST_F(Consent, PseudonymisedReportWarnsOfSmallSectors) {
    // summary.json of the example: academic 3, funder 7, grassroots 10, independent 4,
    // private 6, public 2, voluntary 23 members; fewer than 5 may be recognisable.
    const auto result =
        run_bridgemap({"report", data().string(), "--pseudonymise", "--out", out("small.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string html = slurp(out("small.html"));
    for (const std::string warning : {"sector academic has 3 members: they may be recognisable",
                                      "sector independent has 4 members: they may be recognisable",
                                      "sector public has 2 members: they may be recognisable"}) {
        EXPECT_NE(result.err.find(warning), std::string::npos) << result.err;
        EXPECT_NE(html.find(warning), std::string::npos) << warning;
    }
    EXPECT_EQ(result.err.find("sector funder"), std::string::npos) << result.err;
    // The pseudonymised map warns the same; the named map does not.
    const auto map = run_bridgemap({"map", data().string(), "--pseudonymise", "--out", out("small.svg").string()});
    ASSERT_EQ(map.exit_code, 0) << map.err;
    EXPECT_NE(map.err.find("bridgemap map: sector public has 2 members: they may be recognisable"), std::string::npos)
        << map.err;
    const auto named = run_bridgemap({"map", data().string(), "--out", out("named.svg").string()});
    EXPECT_EQ(named.err.find("recognisable"), std::string::npos) << named.err;
}

TEST_F(Consent, TrendAndExportNameNeither) {
    run_clean({"trend", data().string(), "--out", out("trend.csv").string()}, {out("trend.csv")});
    run_clean({"trend", data().string(), "--format", "json"});
    for (const std::string extension : {"gexf", "graphml", "json", "net"}) {
        run_clean({"export", data().string(), "--out", out("net." + extension).string(), "--with", "settings"},
                  {out("net." + extension)});
    }
    run_clean({"export", data().string(), "--out", out("net.csv").string()},
              {out("net-nodes.csv"), out("net-edges.csv")});
    // The workbook is zipped: search its unzipped XML.
    const auto result = run_bridgemap({"export", data().string(), "--out", out("net.xlsx").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string command =
        "unzip -p " + shell_quote(out("net.xlsx").string()) + " > " + shell_quote(out("xlsx.xml").string());
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string xml = slurp(out("xlsx.xml"));
    EXPECT_NE(xml.find(pseudonym_of(k_pseudonym_id)), std::string::npos);
    expect_none(xml, forbidden(), "net.xlsx");
}

TEST_F(Consent, PseudonymiseNamesNobody) {
    std::vector<std::string> names;
    for (const auto& row : read_csv(fs::path(BRIDGEMAP_EXAMPLE_DIR) / "members.csv")) {
        if (row[0] == "id") continue;
        names.push_back(row[0]);
        names.push_back(row[1]);
    }
    const fs::path folder = out("pseudonymised");
    const auto check = [&](const std::vector<std::string>& arguments, const std::vector<fs::path>& written) {
        const auto result = run_bridgemap(arguments);
        ASSERT_EQ(result.exit_code, 0) << arguments[0] << ": " << result.err;
        expect_none(result.out, names, "stdout of " + arguments[0]);
        for (const auto& path : written) {
            const std::string bytes = all_bytes(path);
            expect_none(bytes, names, path.string());
            // No local path either.
            expect_none(bytes, {data().string(), std::string(BRIDGEMAP_EXAMPLE_DIR)}, path.string());
        }
    };
    check({"analyse", data().string(), "--pseudonymise", "--out", (folder / "analysis").string()},
          {folder / "analysis"});
    check({"analyse", data().string(), "--pseudonymise", "--format", "json"}, {});
    check({"introduce", data().string(), "--pseudonymise", "--out", (folder / "intro.csv").string()},
          {folder / "intro.csv"});
    check({"introduce", data().string(), "--pseudonymise", "--format", "json"}, {});
    check({"introduce", data().string(), "--pseudonymise", "--include-inactive", "--emails",
           (folder / "emails.csv").string(), "--print", (folder / "intro.html").string()},
          {folder / "emails.csv", folder / "intro.html"});
    check({"seat", data().string(), "--pseudonymise", "--event", "gathering-2017", "--tables", "3", "--out",
           (folder / "seat.csv").string(), "--map", (folder / "seat-maps").string()},
          {folder / "seat.csv", folder / "seat-maps"});
    check({"seat", data().string(), "--pseudonymise", "--event", "gathering-2017", "--tables", "3", "--format", "json"},
          {});
    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{}, {"--event", "gathering-2017"}, {"--member", "martyn-evans"}, {"--summary"}}) {
        std::vector<std::string> arguments = {"map", data().string(), "--pseudonymise", "--out",
                                              (folder / "map.svg").string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        check(arguments, {folder / "map.svg"});
    }
    check({"report", data().string(), "--pseudonymise", "--out", (folder / "report.html").string()},
          {folder / "report.html"});
    // The interactive map's data names every shown member by pseudonym only.
    const auto map = embedded_map(all_bytes(folder / "report.html"));
    ASSERT_TRUE(map.is_object());
    EXPECT_EQ(map["names"].size(), 55u);
    for (const auto& name : map["names"]) EXPECT_EQ(name.get<std::string>().rfind("Member ", 0), 0u) << name;
    expect_none(map.dump(), names, "the report's map data");
    // The pseudonymised members.csv still has every shown member: 56 less the hidden one.
    EXPECT_EQ(read_csv(folder / "analysis" / "members.csv").size(), 56u);
}

}  // namespace
}  // namespace bridgemap::testing
